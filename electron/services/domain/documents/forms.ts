import { standingCommitteeOf } from '@shared/domain/committees';
import { type PageMargins, defaultPageMargins, formatDate, formatPlaceDate } from '@shared/report/narrative';
import { writeDocx } from './docxWriter';
import {
  type Block,
  type ColumnBlock,
  type ColumnsBlock,
  type DocumentModel,
  type TableBlock,
  paragraph,
  spacer,
  text,
} from './model';
import { bodyParagraph as documentParagraph, documentTitle, partyHeading, signatureBlock, signatureColumn } from './partyLayout';
import { writePdf } from './pdfWriter';

/** The member as the forms print them; optional fields left out print as dotted lines to be filled by hand. */
export interface TripFormMember {
  fullName: string;
  gender?: 'male' | 'female';
  birthDate?: string;
  nationalId?: string;
  partyCardNumber?: string;
  joinedPartyOn?: string;
  /** "Chi bộ ấp Tây Bình" */
  cell: string;
  /** Position held, e.g. "Trưởng ấp" */
  post?: string;
  workplace?: string;
  residence?: string;
  phone?: string;
}

export interface TripFormRelative {
  fullName: string;
  /** "Con gái", "Anh ruột" */
  relationship: string;
  birthYear?: number;
  country: string;
  /** Occupation and workplace abroad. */
  occupation?: string;
}

export interface TripFormReturn {
  /** The permission decision, e.g. { ref: "125-QĐ/ĐU", date: "2026-05-25", issuer: "Ban Thường vụ Đảng ủy xã Vĩnh Trạch" }. */
  permission?: { ref: string; date: string; issuer: string };
  actualDeparture?: string;
  actualReturn?: string;
  results?: string;
  contacts?: string;
  giftsAwardsInvitations?: string;
  documentsBroughtBack?: string;
  issues?: string;
  selfAssessment?: string;
}

/** Plain data the registry fills from a trip record; labels are already in Vietnamese. */
export interface TripFormData {
  /** The party organisation the cell belongs to: "Đảng bộ xã Vĩnh Trạch". */
  partyOrganisation: string;
  /** The committee that manages the member and decides: "Đảng ủy xã Vĩnh Trạch", or its body as recorded ("Ban Thường vụ Đảng ủy"). */
  managingCommittee: string;
  /** Defaults to the standing committee of the managing committee and the member's cell committee. */
  addressees?: string[];
  place: string;
  /** Date of signing; left blank for the member to write in when absent. */
  date?: string;
  member: TripFormMember;
  /** The trip as applied for: the dates are those asked, never an extension granted later. */
  trip: {
    /** "Du lịch", "Thăm thân", "Chữa bệnh" */
    purpose: string;
    purposeDetail?: string;
    countries: string[];
    plannedDeparture: string;
    plannedReturn: string;
    /** "Tự túc" */
    funding: string;
    /** "Hộ chiếu phổ thông", "Giấy thông hành" */
    travelDocument: string;
    travelDocumentNumber?: string;
    travelDocumentValidUntil?: string;
    inviter?: string;
    companions?: string;
  };
  /** Working days after return within which the return report is due (unit setting). */
  returnReportDueDays?: number;
  relativesAbroad?: TripFormRelative[];
  returnReport?: TripFormReturn;
  margins?: PageMargins;
}

export const tripFormKinds = ['application', 'commitment', 'return_report'] as const;
export type TripFormKind = (typeof tripFormKinds)[number];

const blank = '…'.repeat(8);
const blankLine = '…'.repeat(35);
const formTitleSpace = 6;
/** Rows of the relatives table, filled or left for the member to write in. */
const relativeRowsAtLeast = 5;

/** A form should fit on one sheet for signing: 13 pt single-spaced text, tighter than a report's body. */
function bodyParagraph(
  inlines: Parameters<typeof documentParagraph>[0],
  options: Parameters<typeof documentParagraph>[1] = {},
): Block {
  return documentParagraph(inlines, { size: 13, lineSpacing: 1, spaceAfter: 2, ...options });
}

function orBlank(value: string | undefined): string {
  return value?.trim() ? value.trim() : blank;
}

function dateOrBlank(value: string | undefined): string {
  return value ? formatDate(value) : blank;
}

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000) + 1;
}

function addressees(data: TripFormData): string[] {
  return data.addressees ?? [standingCommitteeOf(data.managingCommittee), `Chi ủy ${data.member.cell}`];
}

function heading(data: TripFormData): Block {
  return partyHeading({
    parentName: data.partyOrganisation,
    issuerNames: [data.member.cell],
    placeDate: formatPlaceDate(data.place, data.date),
  });
}

function addressBlock(data: TripFormData): Block[] {
  const names = addressees(data);
  return [
    {
      kind: 'columns',
      columns: [
        { share: 0.3, blocks: [paragraph('Kính gửi:', { align: 'right' })] },
        { share: 0.7, blocks: names.map((name, index) => paragraph(` - ${name}${index === names.length - 1 ? '.' : ';'}`)) },
      ],
    },
    spacer(4),
  ];
}

function line(label: string, value: string): Block {
  return bodyParagraph([text(`${label}: `), text(value)], { align: 'left', spaceAfter: 1 });
}

function particulars(member: TripFormMember): Block[] {
  const gender = member.gender === 'male' ? 'Nam' : member.gender === 'female' ? 'Nữ' : blank;
  return [
    line('Họ và tên', `${member.fullName.toUpperCase()}; giới tính: ${gender}; sinh ngày: ${dateOrBlank(member.birthDate)}`),
    line('Số định danh cá nhân', orBlank(member.nationalId)),
    line('Ngày vào Đảng', `${dateOrBlank(member.joinedPartyOn)}; số thẻ đảng viên: ${orBlank(member.partyCardNumber)}`),
    line('Chức vụ, đơn vị công tác', [member.post, member.workplace].filter(Boolean).join(', ') || blank),
    line('Nơi cư trú', `${orBlank(member.residence)}; điện thoại: ${orBlank(member.phone)}`),
    line('Sinh hoạt đảng tại', member.cell),
  ];
}

function tripDetails(data: TripFormData): Block[] {
  const { trip } = data;
  const days = daysBetween(trip.plannedDeparture, trip.plannedReturn);
  const document = [
    trip.travelDocument,
    trip.travelDocumentNumber ? `số ${trip.travelDocumentNumber}` : '',
    trip.travelDocumentValidUntil ? `có giá trị đến ngày ${formatDate(trip.travelDocumentValidUntil)}` : '',
  ]
    .filter(Boolean)
    .join(', ');
  return [
    line('- Nước đến', trip.countries.length > 0 ? trip.countries.join(', ') : blank),
    line('- Mục đích chuyến đi', trip.purposeDetail ? `${trip.purpose} (${trip.purposeDetail})` : trip.purpose),
    line('- Thời gian', `từ ngày ${formatDate(trip.plannedDeparture)} đến ngày ${formatDate(trip.plannedReturn)} (${days} ngày)`),
    line('- Kinh phí', trip.funding),
    line('- Giấy tờ xuất nhập cảnh', document),
    line(
      '- Người, tổ chức mời (nếu có)',
      `${trip.inviter?.trim() || 'Không'}; người đi cùng (nếu có): ${trip.companions?.trim() || 'Không'}`,
    ),
  ];
}

function pledges(items: string[]): Block[] {
  return items.map((item, index) => bodyParagraph(`${index + 1}. ${item}`));
}

function memberSignature(role: string, name: string): ColumnBlock[] {
  return signatureColumn({ authority: role, hint: '(Ký, ghi rõ họ tên)', name, signingSpace: 40 });
}

/**
 * The cell's opinion beside the member's signature, signed by the secretary on behalf of the cell committee in the
 * room left below, as tall as the member's: both columns together stay one short block.
 */
function cellOpinion(title: string): ColumnBlock[] {
  return [
    paragraph(title, { align: 'center', bold: true }),
    paragraph('…'.repeat(12), { align: 'center' }),
    paragraph('T/M CHI ỦY', { align: 'center', bold: true }),
    paragraph('BÍ THƯ', { align: 'center', bold: true }),
  ];
}

/** The signatures close the form; the text before them goes with them, so that no page holds the signatures alone. */
function signedOff(blocks: Block[], signatures: ColumnsBlock): Block[] {
  const last = blocks.at(-1);
  const kept = last?.kind === 'paragraph' ? [...blocks.slice(0, -1), { ...last, keepWithNext: true }] : blocks;
  return [...kept, signatures];
}

function dueDays(data: TripFormData): string {
  const days = data.returnReportDueDays ?? 7;
  return days < 10 ? `0${days}` : String(days);
}

function application(data: TripFormData): Block[] {
  return signedOff(
    [
      heading(data),
      ...documentTitle('ĐƠN ĐỀ NGHỊ', ['đi nước ngoài về việc riêng'], formTitleSpace),
      ...addressBlock(data),
      ...particulars(data.member),
      bodyParagraph(
        `Nay tôi làm đơn này đề nghị ${standingCommitteeOf(data.managingCommittee)} xem xét, cho phép tôi được ra nước ngoài về việc riêng, cụ thể như sau:`,
        {
          spaceBefore: 4,
        },
      ),
      ...tripDetails(data),
      bodyParagraph([text('Tôi xin cam kết:', { bold: true })], { spaceBefore: 4, keepWithNext: true }),
      ...pledges([
        'Chấp hành nghiêm chủ trương, đường lối của Đảng, chính sách, pháp luật của Nhà nước và pháp luật của nước sở tại; giữ gìn phẩm chất, tư cách người đảng viên và hình ảnh người Việt Nam.',
        'Không mang theo tài liệu, thông tin thuộc bí mật của Đảng, Nhà nước; không tham gia tổ chức, hoạt động, không tiếp xúc với cá nhân, tổ chức có hoạt động chống phá Đảng, Nhà nước.',
        'Đi và về đúng thời gian được cho phép; khi có thay đổi về thời gian, nước đến hoặc mục đích chuyến đi, báo cáo ngay với cấp ủy.',
        `Trong thời hạn ${dueDays(data)} ngày làm việc kể từ ngày về nước, báo cáo bằng văn bản kết quả chuyến đi với chi bộ và cấp ủy quản lý.`,
      ]),
      bodyParagraph(
        'Nếu vi phạm, tôi xin chịu hoàn toàn trách nhiệm và chịu xử lý theo quy định của Đảng và pháp luật của Nhà nước.',
      ),
    ],
    signatureBlock(cellOpinion('Ý KIẾN CỦA CHI BỘ'), memberSignature('NGƯỜI LÀM ĐƠN', data.member.fullName)),
  );
}

function relativesTable(relatives: TripFormRelative[]): TableBlock {
  const head = (value: string) => ({ value, align: 'center' as const, bold: true });
  const unfilled = Array.from({ length: Math.max(0, relativeRowsAtLeast - relatives.length) }, () => ({
    fullName: '',
    relationship: '',
    country: '',
  }));
  const rows: TripFormRelative[] = [...relatives, ...unfilled];
  return {
    kind: 'table',
    columnWidths: [12, 40, 20, 18, 27, 48],
    header: [
      [head('STT'), head('Họ và tên'), head('Quan hệ'), head('Năm sinh'), head('Nước cư trú'), head('Nghề nghiệp, nơi làm việc')],
    ],
    body: rows.map((relative: TripFormRelative, index) => [
      { value: index + 1, align: 'center' },
      { value: relative.fullName },
      { value: relative.relationship, align: 'center' },
      { value: relative.birthYear === undefined ? null : String(relative.birthYear), align: 'center' },
      { value: relative.country, align: 'center' },
      { value: relative.occupation ?? '' },
    ]),
    size: 12,
  };
}

function commitment(data: TripFormData): Block[] {
  const trip = data.trip;
  return signedOff(
    [
      heading(data),
      ...documentTitle('BẢN CAM KẾT', ['về việc ra nước ngoài và quan hệ với thân nhân ở nước ngoài'], formTitleSpace),
      ...addressBlock(data),
      ...particulars(data.member),
      bodyParagraph(
        `Được cấp có thẩm quyền xem xét cho phép ra nước ngoài (${trip.purpose.toLowerCase()}) tại ${trip.countries.join(', ') || blank} từ ngày ${formatDate(trip.plannedDeparture)} đến ngày ${formatDate(trip.plannedReturn)}, tôi xin khai thân nhân đang ở nước ngoài như sau:`,
        { spaceBefore: 2 },
      ),
      relativesTable(data.relativesAbroad ?? []),
      bodyParagraph([text('Tôi xin cam kết:', { bold: true })], { spaceBefore: 4, keepWithNext: true }),
      ...pledges([
        'Đã khai đầy đủ, trung thực về thân nhân ở nước ngoài và mối quan hệ của tôi với thân nhân.',
        'Trong thời gian ở nước ngoài, không để thân nhân hoặc bất kỳ cá nhân, tổ chức nào lôi kéo, lợi dụng; không tham gia, không ủng hộ tổ chức, hoạt động chống phá Đảng, Nhà nước; không phát ngôn, đăng tải thông tin trái quan điểm, đường lối của Đảng.',
        'Không nhận tài trợ, học bổng, lời mời làm việc, quà tặng có giá trị hoặc tham gia làm thành viên tổ chức nước ngoài khi chưa báo cáo và được cấp có thẩm quyền đồng ý.',
        'Báo cáo kịp thời với cấp ủy khi có vấn đề phát sinh liên quan đến thân nhân ở nước ngoài; khi về nước báo cáo đầy đủ kết quả chuyến đi theo quy định.',
      ]),
      bodyParagraph('Tôi xin chịu trách nhiệm trước tổ chức đảng về những nội dung cam kết trên.'),
    ],
    signatureBlock(cellOpinion('XÁC NHẬN CỦA CHI BỘ'), memberSignature('NGƯỜI CAM KẾT', data.member.fullName)),
  );
}

function answer(value: string | undefined): Block[] {
  if (value?.trim())
    return value
      .trim()
      .split('\n')
      .map((part) => bodyParagraph(part.trim()));
  return [bodyParagraph(blankLine, { firstLineIndentMm: 0 }), bodyParagraph(blankLine, { firstLineIndentMm: 0 })];
}

function returnReport(data: TripFormData): Block[] {
  const report = data.returnReport ?? {};
  const permission = report.permission
    ? `Quyết định số ${report.permission.ref}, ngày ${formatDate(report.permission.date)} của ${report.permission.issuer}`
    : `Quyết định số ${blank} của ${standingCommitteeOf(data.managingCommittee)}`;
  const countries = data.trip.countries.join(', ') || blank;
  const section = (title: string, value: string | undefined): Block[] => [
    bodyParagraph([text(title, { bold: true })], { keepWithNext: true, spaceAfter: 1 }),
    ...answer(value),
  ];
  return signedOff(
    [
      heading(data),
      ...documentTitle('BÁO CÁO', ['kết quả chuyến đi nước ngoài'], formTitleSpace),
      ...addressBlock(data),
      line('Họ và tên', data.member.fullName.toUpperCase()),
      line('Chức vụ, đơn vị công tác', [data.member.post, data.member.workplace].filter(Boolean).join(', ') || blank),
      line('Sinh hoạt đảng tại', data.member.cell),
      bodyParagraph(
        `Thực hiện ${permission} cho phép tôi ra nước ngoài (${data.trip.purpose.toLowerCase()}) tại ${countries}, tôi báo cáo kết quả chuyến đi như sau:`,
        { spaceBefore: 4 },
      ),
      ...section(
        '1. Thời gian thực tế',
        `Xuất cảnh ngày ${dateOrBlank(report.actualDeparture)}, nhập cảnh về nước ngày ${dateOrBlank(report.actualReturn)}.`,
      ),
      ...section('2. Kết quả thực hiện mục đích chuyến đi', report.results),
      ...section('3. Quan hệ, tiếp xúc với tổ chức, cá nhân nước ngoài', report.contacts),
      ...section(
        '4. Quà tặng, giải thưởng, lời mời (học tập, làm việc, tham gia tổ chức) đã nhận',
        report.giftsAwardsInvitations,
      ),
      ...section('5. Tài liệu, hiện vật mang về', report.documentsBroughtBack),
      ...section('6. Những vấn đề phát sinh, kiến nghị', report.issues),
      ...section(
        '7. Tự nhận xét việc chấp hành quy định của Đảng, pháp luật của Nhà nước và pháp luật nước sở tại',
        report.selfAssessment,
      ),
    ],
    signatureBlock(cellOpinion('NHẬN XÉT CỦA CHI BỘ'), memberSignature('NGƯỜI BÁO CÁO', data.member.fullName)),
  );
}

const formTitles: Record<TripFormKind, string> = {
  application: 'Đơn đề nghị đi nước ngoài về việc riêng',
  commitment: 'Bản cam kết về việc ra nước ngoài và quan hệ với thân nhân ở nước ngoài',
  return_report: 'Báo cáo kết quả chuyến đi nước ngoài',
};

const formBuilders: Record<TripFormKind, (data: TripFormData) => Block[]> = {
  application,
  commitment,
  return_report: returnReport,
};

/** One printable form of a trip in the party document layout, ready for the member to sign. */
export function buildTripForm(kind: TripFormKind, data: TripFormData): DocumentModel {
  return {
    title: `${formTitles[kind]} – ${data.member.fullName}`,
    author: data.member.fullName,
    sections: [{ orientation: 'portrait', margins: data.margins ?? defaultPageMargins, blocks: formBuilders[kind](data) }],
    footnotes: [],
    pageNumbers: true,
  };
}

export function renderTripFormDocx(kind: TripFormKind, data: TripFormData): Promise<Buffer> {
  return writeDocx(buildTripForm(kind, data));
}

export function renderTripFormPdf(kind: TripFormKind, data: TripFormData): Promise<Buffer> {
  return writePdf(buildTripForm(kind, data));
}
