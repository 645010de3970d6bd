import type ExcelJS from 'exceljs';
import { translate, type MessageKey } from '@shared/i18n';
import {
  columnHelpKey,
  columnLabelKey,
  importableColumns,
  valueLabelKey,
  type ImportColumn,
  type ImportKind,
} from '@shared/importing/columns';
import { addDataSheet, newWorkbook, workbookBytes } from './workbook';

export const templateFileNames: Record<ImportKind, string> = {
  members: 'mau-nhap-dang-vien.xlsx',
  trips: 'mau-nhap-chuyen-di.xlsx',
};

/** Rows of the data sheet that offer a drop-down list of the accepted values. */
const rowsWithLists = 1000;

function vi(key: MessageKey, params?: Record<string, string>): string {
  return translate('vi', key, params);
}

function enumLabels(column: ImportColumn): string[] {
  const type = column.type;
  return type.kind === 'enum' ? type.values.map((value) => vi(valueLabelKey(type.labels, value))) : [];
}

function formatOf(column: ImportColumn): string {
  switch (column.type.kind) {
    case 'text':
      return vi('template.format.text');
    case 'date':
      return vi('template.format.date');
    case 'boolean':
      return vi('template.format.boolean');
    case 'countries':
      return vi('template.format.countries');
    case 'enum':
      return vi('template.format.enum', { values: enumLabels(column).join('; '), keys: column.type.values.join(', ') });
  }
}

/** A drop-down of the Vietnamese labels; other accepted spellings (the contract keys) only draw a warning. */
function listValidation(column: ImportColumn): ExcelJS.DataValidation | null {
  const values = column.type.kind === 'boolean' ? [vi('import.yes'), vi('import.no')] : enumLabels(column);
  if (values.length === 0) return null;
  return {
    type: 'list',
    allowBlank: true,
    formulae: [`"${values.join(',')}"`],
    showErrorMessage: true,
    errorStyle: 'warning',
    errorTitle: vi('template.validation.title'),
    error: vi('template.validation.message'),
  };
}

function addInstructions(
  workbook: ExcelJS.Workbook,
  kind: ImportKind,
  dataSheetName: string,
  columns: readonly ImportColumn[],
): void {
  const sheet = workbook.addWorksheet(vi('template.sheet.instructions'));
  sheet.columns = [{ width: 30 }, { width: 24 }, { width: 10 }, { width: 48 }, { width: 70 }];
  const title = sheet.addRow([vi(`template.title.${kind}`)]);
  title.font = { bold: true, size: 14 };
  sheet.mergeCells(title.number, 1, title.number, 5);
  const notes: MessageKey[] = [
    'template.note.allOrNothing',
    'template.note.dates',
    'template.note.booleans',
    'template.note.encoding',
    `template.note.${kind}`,
  ];
  for (const note of [vi('template.note.sheet', { sheet: dataSheetName }), ...notes.map((key) => vi(key))]) {
    const row = sheet.addRow([`• ${note}`]);
    sheet.mergeCells(row.number, 1, row.number, 5);
    row.alignment = { wrapText: true, vertical: 'top' };
    row.height = 32;
  }
  sheet.addRow([]);
  const header = sheet.addRow(
    [
      'template.column.header',
      'template.column.key',
      'template.column.required',
      'template.column.values',
      'template.column.help',
    ].map((key) => vi(key as MessageKey)),
  );
  header.font = { bold: true };
  for (const column of columns) {
    const row = sheet.addRow([
      vi(columnLabelKey(column)),
      column.key,
      vi(column.required ? 'import.yes' : 'import.no'),
      formatOf(column),
      vi(columnHelpKey(kind, column)),
    ]);
    row.alignment = { wrapText: true, vertical: 'top' };
  }
}

/**
 * The XLSX template of an import: the data sheet with its headers (and drop-downs for the
 * listed values), then the "Hướng dẫn" sheet explaining each column in Vietnamese.
 */
export async function importTemplate(kind: ImportKind): Promise<{ fileName: string; content: Uint8Array }> {
  const workbook = await newWorkbook();
  const columns = importableColumns(kind);
  const dataSheetName = vi(`import.kind.${kind}`);
  const sheet = addDataSheet(workbook, dataSheetName, columns);
  columns.forEach((column, index) => {
    const validation = listValidation(column);
    if (!validation) return;
    for (let row = 2; row <= rowsWithLists + 1; row += 1) sheet.getCell(row, index + 1).dataValidation = validation;
  });
  addInstructions(workbook, kind, dataSheetName, columns);
  return { fileName: templateFileNames[kind], content: await workbookBytes(workbook) };
}
