import { type PageMargins, defaultPageMargins, formatPlaceDate } from '@shared/report/narrative';
import { formatCivilDate } from '@shared/rules/dates';
import type { AnnualRecordLine } from '@shared/rules/annualRecord';
import { writeDocx } from './docxWriter';
import {
  type Block,
  type ColumnBlock,
  type DocumentModel,
  type DocumentSection,
  type TableBlock,
  paragraph,
  text,
} from './model';
import { bodyParagraph as documentParagraph, documentTitle, partyHeading, signatureBlock, signatureColumn } from './partyLayout';
import { writePdf } from './pdfWriter';

/** One member's section of the yearly supplement to the personal record, as the registry fills it. */
export interface AnnualRecordMemberData {
  fullName: string;
  birthDate?: string;
  partyCardNumber: string;
  /** "Chi bộ ấp Tây Bình" */
  cell: string;
  lines: AnnualRecordLine[];
}

export interface AnnualRecordData {
  year: number;
  /** "Đảng bộ xã Vĩnh Trạch" */
  partyOrganisation: string;
  place: string;
  members: AnnualRecordMemberData[];
  margins?: PageMargins;
}

const blank = '…'.repeat(8);

/** Like the trip forms, a supplement is meant for one sheet: 13 pt single-spaced text. */
function bodyParagraph(
  inlines: Parameters<typeof documentParagraph>[0],
  options: Parameters<typeof documentParagraph>[1] = {},
): Block {
  return documentParagraph(inlines, { size: 13, lineSpacing: 1, spaceAfter: 2, ...options });
}

function line(label: string, value: string): Block {
  return bodyParagraph([text(`${label}: `), text(value)], { align: 'left', spaceAfter: 1 });
}

function tripsTable(lines: AnnualRecordLine[]): TableBlock {
  const head = (value: string) => ({ value, align: 'center' as const, bold: true });
  return {
    kind: 'table',
    columnWidths: [11, 28, 22, 24, 42, 32],
    header: [
      [
        head('STT'),
        head('Thời gian ở nước ngoài'),
        head('Nước đến'),
        head('Mục đích'),
        head('Quyết định cho phép (số, ngày, cơ quan)'),
        head('Sinh hoạt đảng'),
      ],
    ],
    body: lines.map((entry, index) => [
      { value: index + 1, align: 'center' },
      { value: entry.period, align: 'center' },
      { value: entry.countries },
      { value: entry.purpose },
      { value: entry.permission },
      { value: entry.partyActivity },
    ]),
    size: 11,
  };
}

function memberSection(data: AnnualRecordData, member: AnnualRecordMemberData): DocumentSection {
  const tripsPart: Block[] =
    member.lines.length > 0
      ? [
          bodyParagraph(`Trong năm ${data.year}, tôi đã đi nước ngoài ${member.lines.length} lần, cụ thể như sau:`, {
            spaceBefore: 4,
          }),
          tripsTable(member.lines),
        ]
      : [bodyParagraph([text(`Không đi nước ngoài trong năm ${data.year}.`, { bold: true })], { spaceBefore: 4 })];
  const cellConfirmation: ColumnBlock[] = [
    paragraph('XÁC NHẬN CỦA CHI ỦY', { align: 'center', bold: true }),
    paragraph('…'.repeat(12), { align: 'center' }),
    paragraph('T/M CHI ỦY', { align: 'center', bold: true }),
    paragraph('BÍ THƯ', { align: 'center', bold: true }),
  ];
  const memberSignature = signatureColumn({
    authority: 'NGƯỜI KÊ KHAI',
    hint: '(Ký, ghi rõ họ tên)',
    name: member.fullName,
    signingSpace: 40,
  });
  return {
    orientation: 'portrait',
    margins: data.margins ?? defaultPageMargins,
    blocks: [
      partyHeading({
        parentName: data.partyOrganisation,
        issuerNames: [member.cell],
        placeDate: formatPlaceDate(data.place, undefined),
      }),
      ...documentTitle(`BẢN KÊ KHAI BỔ SUNG LÝ LỊCH ĐẢNG VIÊN NĂM ${data.year}`, ['Phần đi nước ngoài'], 6),
      line('Họ và tên', member.fullName.toUpperCase()),
      line('Sinh ngày', member.birthDate ? formatCivilDate(member.birthDate) : blank),
      line('Số thẻ đảng viên', member.partyCardNumber),
      line('Sinh hoạt đảng tại', member.cell),
      ...tripsPart,
      bodyParagraph(
        'Tôi xin cam đoan những nội dung kê khai trên là đầy đủ, đúng sự thật; nếu sai, tôi xin chịu trách nhiệm trước tổ chức đảng.',
        { spaceBefore: 4, keepWithNext: true },
      ),
      signatureBlock(cellConfirmation, memberSignature),
    ],
  };
}

/** The supplements of the year, one member to a page, for each member to check and sign. */
export function buildAnnualRecord(data: AnnualRecordData): DocumentModel {
  const only = data.members.length === 1 ? data.members[0] : undefined;
  return {
    title: `Bản kê khai bổ sung lý lịch đảng viên năm ${data.year} – phần đi nước ngoài${only ? ` – ${only.fullName}` : ''}`,
    author: data.partyOrganisation,
    sections: data.members.map((member) => memberSection(data, member)),
    footnotes: [],
    // Each page is a different member's own document: a running page number across them would mislead.
    pageNumbers: false,
  };
}

export function renderAnnualRecordDocx(data: AnnualRecordData): Promise<Buffer> {
  return writeDocx(buildAnnualRecord(data));
}

export function renderAnnualRecordPdf(data: AnnualRecordData): Promise<Buffer> {
  return writePdf(buildAnnualRecord(data));
}
