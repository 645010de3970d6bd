import { type IssuedDocumentKind } from '@shared/domain/enums';
import { type ReportData } from '@shared/report/data';
import {
  type ReportMeta,
  formatCount,
  formatDate,
  issuedDocumentCitation,
  issuedDocumentKindWord,
  periodLabel,
  reportAuthor,
  reportNumberAndSymbol,
  yearToDateLabel,
} from '@shared/report/narrative';
import { type Orientation, type TableBlock, type TableCell } from './model';

/** A line under an appendix table ("Trong đó:" and its items); `value` is a count of members. */
export interface AppendixNote {
  label: string;
  level: 0 | 1 | 2;
  value?: number;
  /** Free text instead of a count, e.g. how unauthorised stays were handled. */
  text?: string;
  bold?: boolean;
}

export interface Appendix {
  /** "Phụ lục 01" */
  label: string;
  sheetName: string;
  titleLines: string[];
  /** "(Kèm theo Báo cáo số 15-BC/ĐU, ngày 20/5/2026 của …)" */
  attachedTo: string;
  period: string;
  orientation: Orientation;
  table: TableBlock;
  notes: AppendixNote[];
}

export const appendixTableSize = 13;

const kindColumns: { kind: IssuedDocumentKind; header: string }[] = [
  { kind: 'directive', header: 'Chỉ thị, nghị quyết, kết luận' },
  { kind: 'official_letter', header: 'Công văn' },
  { kind: 'plan', header: 'Kế hoạch' },
  { kind: 'guidance', header: 'Hướng dẫn' },
  { kind: 'other', header: 'Văn bản khác' },
];

function head(value: string, extra: Partial<TableCell> = {}): TableCell {
  return { value, align: 'center', bold: true, ...extra };
}

function count(value: number | null, extra: Partial<TableCell> = {}): TableCell {
  return { value, align: 'center', ...extra };
}

/** A total row's figure, summing the year rows above it. */
function sumOfYears(value: number, yearRows: number): TableCell {
  return count(value, { bold: true, sumOfRowsAbove: yearRows });
}

/** "(Kèm theo Báo cáo số 15-BC/TU, ngày 20/5/2026 của …)"; an unnumbered draft keeps room for the number. */
export function attachedTo(meta: ReportMeta): string {
  return `(Kèm theo Báo cáo số ${reportNumberAndSymbol(meta.numberAndSymbol, meta.symbol)}, ngày ${formatDate(meta.date)} của ${reportAuthor(meta)})`;
}

function appendix01(data: ReportData, meta: ReportMeta): Appendix {
  const body: TableCell[][] =
    data.appendix01.length === 0
      ? [[count(null), { value: 'Không có văn bản ban hành trong kỳ báo cáo.', colSpan: 7, align: 'left' }]]
      : data.appendix01.map((row, index) => [
          count(index + 1),
          { value: row.issuer, align: 'left' },
          ...kindColumns.map(({ kind }) => ({
            value: kind === row.kind ? issuedDocumentKindWord(row) : null,
            align: 'center' as const,
          })),
          { value: issuedDocumentCitation(row), align: 'justify' },
        ]);
  return {
    label: 'Phụ lục 01',
    sheetName: 'Phụ lục 01',
    titleLines: ['THỐNG KÊ', 'CÁC VĂN BẢN LÃNH ĐẠO, CHỈ ĐẠO, KIỂM TRA, ĐÔN ĐỐC THỰC HIỆN QUY ĐỊNH 86'],
    attachedTo: attachedTo(meta),
    period: periodLabel(data.period),
    orientation: 'landscape',
    table: {
      kind: 'table',
      columnWidths: [13, 42, 24, 20, 22, 22, 22, 87],
      header: [
        [
          head('STT', { rowSpan: 2 }),
          head('CƠ QUAN BAN HÀNH', { rowSpan: 2 }),
          head('CÁC LOẠI VĂN BẢN', { colSpan: 5 }),
          head('Ghi chú', { rowSpan: 2 }),
        ],
        kindColumns.map(({ header }) => head(header)),
      ],
      body,
      size: appendixTableSize,
    },
    notes: [],
  };
}

function appendix02(data: ReportData, meta: ReportMeta): Appendix {
  const { rows, total, specialMission, invitedByName, selfFundedOrPrivate, stayedBeyondTerm } = data.appendix02;
  const unauthorisedHandling =
    stayedBeyondTerm.unauthorised === 0 ? 'không có' : meta.unauthorisedStayHandling.trim() || '…………………………';
  return {
    label: 'Phụ lục 02',
    sheetName: 'Phụ lục 02',
    titleLines: ['SỐ LƯỢNG ĐẢNG VIÊN ĐƯỢC CỬ, CHO PHÉP RA NƯỚC NGOÀI'],
    attachedTo: attachedTo(meta),
    period: periodLabel(data.period),
    orientation: 'landscape',
    table: {
      kind: 'table',
      columnWidths: [13, 48, 26, 26, 26, 26, 26],
      header: [
        [
          head('STT'),
          head('Năm'),
          head('Tổng số'),
          head('Dưới 1 tháng'),
          head('Từ 01 - 03 tháng'),
          head('Từ 03 - 12 tháng'),
          head('Trên 12 tháng'),
        ],
      ],
      body: [
        ...rows.map((row, index) => [
          count(index + 1),
          { value: yearToDateLabel(row), align: 'left' as const },
          count(row.total),
          count(row.under1m),
          count(row.from1to3m),
          count(row.from3to12m),
          count(row.over12m),
        ]),
        [
          count(null),
          head('Tổng cộng'),
          sumOfYears(total.total, rows.length),
          sumOfYears(total.under1m, rows.length),
          sumOfYears(total.from1to3m, rows.length),
          sumOfYears(total.from3to12m, rows.length),
          sumOfYears(total.over12m, rows.length),
        ],
      ],
      size: appendixTableSize,
    },
    notes: [
      { label: 'Trong đó:', level: 0, bold: true },
      { label: 'Đảng viên ra nước ngoài làm nhiệm vụ đặc biệt', level: 1, value: specialMission },
      {
        label:
          'Đảng viên được tổ chức nước ngoài, người nước ngoài, người Việt Nam định cư ở nước ngoài mời đích danh; mời làm thành viên cho tổ chức nước ngoài; mời hoặc thuê làm việc dưới mọi hình thức',
        level: 1,
        value: invitedByName,
      },
      {
        label: 'Đảng viên ra nước ngoài lao động, học tập tự túc hoặc giải quyết việc riêng',
        level: 1,
        value: selfFundedOrPrivate,
      },
      { label: 'Số đảng viên ở lại nước ngoài sau khi hết thời hạn', level: 1, value: stayedBeyondTerm.total },
      { label: 'Được cấp có thẩm quyền cho phép', level: 2, value: stayedBeyondTerm.permitted },
      { label: 'Tự ý ở lại', level: 2, value: stayedBeyondTerm.unauthorised },
      {
        label:
          'Các hình thức xử lý đối với đảng viên tự ý ở lại nước ngoài, số đảng viên đã bị xử lý, số đảng viên chưa bị xử lý và nguyên nhân',
        level: 2,
        text: unauthorisedHandling,
      },
    ],
  };
}

function appendix03(data: ReportData, meta: ReportMeta): Appendix {
  const { rows, total, enterprise } = data.appendix03;
  return {
    label: 'Phụ lục 03',
    sheetName: 'Phụ lục 03',
    titleLines: ['THỐNG KÊ TỔ CHỨC ĐẢNG, ĐẢNG VIÊN LAO ĐỘNG ĐI NƯỚC NGOÀI'],
    attachedTo: attachedTo(meta),
    period: periodLabel(data.period),
    orientation: 'landscape',
    table: {
      kind: 'table',
      columnWidths: [13, 48, 38, 34, 34, 27, 27, 31],
      header: [
        [
          head('STT', { rowSpan: 2 }),
          head('Năm', { rowSpan: 2 }),
          head('Đảng viên đi xuất khẩu lao động', { colSpan: 3 }),
          head('Tổ chức đảng của các doanh nghiệp nhà nước, công ty thành viên làm việc dài hạn ở nước ngoài', { colSpan: 3 }),
        ],
        [
          head('Tổng số đảng viên chuyển sinh hoạt đi xuất khẩu lao động trong năm'),
          head('Số đảng viên chuyển sinh hoạt về nước'),
          head('Số đảng viên chưa chuyển sinh hoạt về nước'),
          head('Đảng bộ'),
          head('Chi bộ'),
          head('Tổng số đảng viên'),
        ],
      ],
      body: [
        ...rows.map((row, index) => [
          count(index + 1),
          { value: yearToDateLabel(row), align: 'left' as const },
          count(row.transferredOut),
          count(row.transferredBack),
          count(row.notTransferredBack),
          count(null),
          count(null),
          count(null),
        ]),
        [
          count(null),
          head('Tổng cộng'),
          sumOfYears(total.transferredOut, rows.length),
          sumOfYears(total.transferredBack, rows.length),
          sumOfYears(total.notTransferredBack, rows.length),
          count(enterprise.committees, { bold: true }),
          count(enterprise.cells, { bold: true }),
          count(enterprise.members, { bold: true }),
        ],
      ],
      size: appendixTableSize,
    },
    notes: [],
  };
}

/** The three statistical appendices of the model report, in order. */
export function buildAppendices(data: ReportData, meta: ReportMeta): Appendix[] {
  return [appendix01(data, meta), appendix02(data, meta), appendix03(data, meta)];
}

/** A note as printed under a table: "- label: 924 đồng chí", "+ label: không có". */
export function noteText(note: AppendixNote): string {
  const bullet = note.level === 1 ? '- ' : note.level === 2 ? '+ ' : '';
  if (note.value === undefined && note.text === undefined) return `${bullet}${note.label}`;
  const value = note.text ?? (note.value === 0 || note.value === undefined ? 'không có' : `${formatCount(note.value)} đồng chí`);
  return `${bullet}${note.label}: ${value}`;
}
