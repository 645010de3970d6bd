import { travelDocumentKinds } from '../domain/enums';
import type { ImportColumn } from '../importing/columns';
import type { MessageKey } from '../i18n';
import { crossingDirections } from './match';

/**
 * The columns of the border-crossing list (docs/formats/border-crossing-list.md), in the
 * template's order. Headers may be the keys, the Vietnamese labels or the aliases, like the imports.
 */
export const crossingColumns: readonly ImportColumn[] = [
  {
    key: 'national_id',
    field: 'nationalId',
    type: { kind: 'text' },
    aliases: ['CCCD', 'Số CCCD', 'Căn cước công dân', 'Số định danh cá nhân', 'Số định danh'],
  },
  { key: 'full_name', field: 'fullName', type: { kind: 'text' }, required: true, aliases: ['Họ tên'] },
  { key: 'birth_date', field: 'birthDate', type: { kind: 'date' }, aliases: ['Ngày tháng năm sinh', 'Ngày, tháng, năm sinh'] },
  {
    key: 'direction',
    field: 'direction',
    type: { kind: 'enum', values: crossingDirections, labels: 'crossingDirection' },
    required: true,
    aliases: ['Xuất nhập cảnh', 'Chiều', 'Hướng'],
  },
  {
    key: 'date',
    field: 'date',
    type: { kind: 'date' },
    required: true,
    aliases: ['Ngày', 'Ngày xuất nhập cảnh', 'Ngày qua cửa khẩu'],
  },
  { key: 'border_gate', field: 'borderGate', type: { kind: 'text' }, aliases: ['Tên cửa khẩu'] },
  {
    key: 'document_type',
    field: 'documentType',
    type: { kind: 'enum', values: travelDocumentKinds, labels: 'travelDocument' },
    aliases: ['Giấy tờ', 'Loại giấy tờ xuất nhập cảnh'],
  },
  {
    key: 'document_number',
    field: 'documentNumber',
    type: { kind: 'text' },
    aliases: ['Số hộ chiếu', 'Số giấy thông hành', 'Số giấy tờ xuất nhập cảnh'],
  },
  { key: 'country', field: 'country', type: { kind: 'countries' }, aliases: ['Quốc gia', 'Nước đến', 'Nước đi'] },
];

/** The explanation the template's instructions give for a column. */
export function crossingColumnHelpKey(column: Pick<ImportColumn, 'key'>): MessageKey {
  return `reconcileColumnHelp.${column.key}` as MessageKey;
}
