import { z } from 'zod';
import {
  activityTransferKinds,
  genders,
  memberStatuses,
  overstayKinds,
  travelDocumentKinds,
  tripPurposes,
  tripStates,
} from '../domain/enums';
import type { MessageKey } from '../i18n';

/**
 * The columns of the import files, in the order of the templates
 * and the exports. Each names the form field it fills, so a problem the form's rules find
 * points back at the column it came from.
 */

export const importKinds = ['members', 'trips'] as const;
export const ImportKind = z.enum(importKinds);
export type ImportKind = z.infer<typeof ImportKind>;

/** The catalogue prefix under which an enumeration's values have their labels (`gender.male` → "Nam"). */
export type LabelPrefix =
  'gender' | 'memberStatus' | 'purpose' | 'travelDocument' | 'overstay' | 'activityTransfer' | 'tripState' | 'crossingDirection';

export type ColumnType =
  | { kind: 'text'; multiline?: boolean }
  | { kind: 'date' }
  | { kind: 'boolean' }
  | { kind: 'enum'; values: readonly string[]; labels: LabelPrefix }
  | { kind: 'countries' };

export interface ImportColumn {
  key: string;
  /** The field of the member or trip form (or of the trip's recorded life) the column fills. */
  field: string;
  type: ColumnType;
  required?: boolean;
  /** Written by the export for reading; recognised and ignored on import. */
  exportOnly?: boolean;
  /** Other headers offices use for the column, matched like the label (folded, no marks). */
  aliases?: readonly string[];
}

const text: ColumnType = { kind: 'text' };
const date: ColumnType = { kind: 'date' };
const flag: ColumnType = { kind: 'boolean' };

export const memberColumns: readonly ImportColumn[] = [
  { key: 'member_code', field: 'code', type: text, required: true, aliases: ['Mã ĐV', 'Số thẻ đảng viên', 'Số thẻ'] },
  { key: 'full_name', field: 'fullName', type: text, required: true, aliases: ['Họ tên', 'Họ và tên đảng viên'] },
  { key: 'gender', field: 'gender', type: { kind: 'enum', values: genders, labels: 'gender' }, aliases: ['Giới'] },
  { key: 'birth_date', field: 'birthDate', type: date, aliases: ['Ngày tháng năm sinh', 'Ngày, tháng, năm sinh'] },
  { key: 'cell', field: 'cellName', type: text, required: true, aliases: ['Tên chi bộ', 'Sinh hoạt tại chi bộ'] },
  { key: 'leadership', field: 'holdsLeadershipPost', type: flag, aliases: ['Lãnh đạo, quản lý', 'Chức vụ lãnh đạo'] },
  {
    key: 'national_id',
    field: 'nationalId',
    type: text,
    aliases: ['CCCD', 'Số CCCD', 'Căn cước công dân', 'Số định danh cá nhân'],
  },
  { key: 'phone', field: 'phone', type: text, aliases: ['Điện thoại', 'SĐT'] },
  {
    key: 'status',
    field: 'status',
    type: { kind: 'enum', values: memberStatuses, labels: 'memberStatus' },
    aliases: ['Tình trạng sinh hoạt'],
  },
];

export const tripColumns: readonly ImportColumn[] = [
  { key: 'trip_code', field: 'code', type: text, aliases: ['Mã chuyến'] },
  { key: 'member_code', field: 'memberId', type: text, required: true, aliases: ['Mã ĐV', 'Số thẻ đảng viên', 'Số thẻ'] },
  { key: 'member_name', field: 'memberName', type: text, exportOnly: true, aliases: ['Họ tên', 'Họ và tên'] },
  {
    key: 'purpose',
    field: 'purpose',
    type: { kind: 'enum', values: tripPurposes, labels: 'purpose' },
    required: true,
    aliases: ['Mục đích chuyến đi'],
  },
  { key: 'self_funded', field: 'selfFunded', type: flag, aliases: ['Kinh phí tự túc'] },
  {
    key: 'countries',
    field: 'countries',
    type: { kind: 'countries' },
    required: true,
    aliases: ['Nước đến', 'Quốc gia', 'Nước'],
  },
  {
    key: 'travel_document',
    field: 'travelDocumentKind',
    type: { kind: 'enum', values: travelDocumentKinds, labels: 'travelDocument' },
    aliases: ['Loại hộ chiếu', 'Giấy tờ'],
  },
  { key: 'invited_by_name', field: 'invitedByName', type: flag },
  { key: 'special_mission', field: 'specialMission', type: flag },
  { key: 'application_date', field: 'applicationDate', type: date, aliases: ['Ngày nộp đơn'] },
  { key: 'approval_date', field: 'approvalDate', type: date, aliases: ['Ngày quyết định'] },
  { key: 'approval_ref', field: 'approvalRef', type: text, aliases: ['Số quyết định'] },
  { key: 'planned_departure', field: 'plannedDeparture', type: date, required: true, aliases: ['Ngày đi dự kiến', 'Ngày đi'] },
  { key: 'planned_return', field: 'plannedReturn', type: date, required: true, aliases: ['Ngày về dự kiến', 'Ngày về'] },
  { key: 'actual_departure', field: 'actualDeparture', type: date, aliases: ['Ngày xuất cảnh thực tế'] },
  { key: 'actual_return', field: 'actualReturn', type: date, aliases: ['Ngày về nước thực tế', 'Ngày nhập cảnh'] },
  { key: 'extended_return', field: 'extendedReturn', type: date, aliases: ['Ngày về sau gia hạn'] },
  {
    key: 'overstay',
    field: 'overstay',
    type: { kind: 'enum', values: overstayKinds, labels: 'overstay' },
    aliases: ['Ở lại quá hạn'],
  },
  {
    key: 'activity_transfer',
    field: 'activityTransfer',
    type: { kind: 'enum', values: activityTransferKinds, labels: 'activityTransfer' },
  },
  { key: 'exemption', field: 'exemption', type: flag },
  { key: 'return_report_date', field: 'returnReportDate', type: date, aliases: ['Ngày báo cáo kết quả'] },
  { key: 'labour_export_transfer', field: 'labourExportTransfer', type: flag },
  { key: 'transferred_back_date', field: 'transferredBackDate', type: date },
  {
    key: 'state',
    field: 'state',
    type: { kind: 'enum', values: tripStates, labels: 'tripState' },
    exportOnly: true,
    aliases: ['Tình trạng'],
  },
];

export function columnsOf(kind: ImportKind): readonly ImportColumn[] {
  return kind === 'members' ? memberColumns : tripColumns;
}

/** The columns a file may fill, in template order. */
export function importableColumns(kind: ImportKind): readonly ImportColumn[] {
  return columnsOf(kind).filter((column) => !column.exportOnly);
}

/** The message key of a column's header in the templates and exports. */
export function columnLabelKey(column: Pick<ImportColumn, 'key'>): MessageKey {
  return `column.${column.key}` as MessageKey;
}

/** The message key of the explanation a template's instructions sheet gives for a column. */
export function columnHelpKey(kind: ImportKind, column: Pick<ImportColumn, 'key'>): MessageKey {
  return `columnHelp.${kind}.${column.key}` as MessageKey;
}

/** The message key of an enumeration value's label. */
export function valueLabelKey(labels: LabelPrefix, value: string): MessageKey {
  return `${labels}.${value}` as MessageKey;
}

/** How boolean cells may be written: `yes/no`, `có/không`, `1/0`, `x` or empty (compared folded). */
export const trueWords: readonly string[] = ['yes', 'y', 'true', '1', 'x', 'co', 'c', 'dung'];
export const falseWords: readonly string[] = ['no', 'n', 'false', '0', 'khong', 'k', 'sai', ''];

/** Countries in one cell are separated by `;` (also accepted: `,` and line breaks). */
export const countrySeparator = /[;,\n]+/;
