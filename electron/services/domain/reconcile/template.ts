import { translate, type MessageKey } from '@shared/i18n';
import { columnLabelKey, valueLabelKey } from '@shared/importing/columns';
import { crossingColumnHelpKey, crossingColumns } from '@shared/reconcile/columns';
import { addDataSheet, newWorkbook, workbookBytes } from '../importing/workbook';

const templateName = 'mau-danh-sach-xuat-nhap-canh';

function vi(key: MessageKey, params?: Record<string, string>): string {
  return translate('vi', key, params);
}

function acceptedValues(column: (typeof crossingColumns)[number]): string {
  const type = column.type;
  if (type.kind === 'enum') return type.values.map((value) => `${vi(valueLabelKey(type.labels, value))} / ${value}`).join('; ');
  return vi(type.kind === 'countries' ? 'reconcile.format.country' : (`template.format.${type.kind}` as MessageKey));
}

/**
 * The template of the border-crossing list: as XLSX, the data sheet with the Vietnamese headers and
 * a sheet explaining each column; as CSV, the header row in UTF-8 with a byte-order mark, which
 * Excel opens with its marks intact.
 */
export async function crossingTemplate(format: 'xlsx' | 'csv'): Promise<{ fileName: string; content: Uint8Array }> {
  if (format === 'csv') {
    const header = crossingColumns.map((column) => vi(columnLabelKey(column))).join(',');
    return { fileName: `${templateName}.csv`, content: new TextEncoder().encode(`\ufeff${header}\r\n`) };
  }
  const workbook = await newWorkbook();
  const sheetName = vi('reconcile.template.sheet');
  addDataSheet(workbook, sheetName, crossingColumns);
  const instructions = workbook.addWorksheet(vi('template.sheet.instructions'));
  instructions.columns = [{ width: 26 }, { width: 18 }, { width: 10 }, { width: 44 }, { width: 70 }];
  const title = instructions.addRow([vi('reconcile.template.title')]);
  title.font = { bold: true, size: 14 };
  for (const note of [
    vi('template.note.sheet', { sheet: sheetName }),
    vi('reconcile.template.note'),
    vi('template.note.dates'),
    vi('template.note.encoding'),
  ]) {
    const row = instructions.addRow([`• ${note}`]);
    instructions.mergeCells(row.number, 1, row.number, 5);
    row.alignment = { wrapText: true, vertical: 'top' };
    row.height = 32;
  }
  instructions.addRow([]);
  const header = instructions.addRow(
    (
      [
        'template.column.header',
        'template.column.key',
        'template.column.required',
        'template.column.values',
        'template.column.help',
      ] as MessageKey[]
    ).map((key) => vi(key)),
  );
  header.font = { bold: true };
  for (const column of crossingColumns) {
    const row = instructions.addRow([
      vi(columnLabelKey(column)),
      column.key,
      vi(column.required ? 'import.yes' : 'import.no'),
      acceptedValues(column),
      vi(crossingColumnHelpKey(column)),
    ]);
    row.alignment = { wrapText: true, vertical: 'top' };
  }
  return { fileName: `${templateName}.xlsx`, content: await workbookBytes(workbook) };
}
