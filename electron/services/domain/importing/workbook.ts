import { PassThrough } from 'node:stream';
import type ExcelJS from 'exceljs';
import { loadExcel } from '../heavyLibraries';
import { translate } from '@shared/i18n';
import { inertCellText } from '@shared/importing/cellText';
import { columnLabelKey, valueLabelKey, type ImportColumn } from '@shared/importing/columns';
import { countryName, isCountryCode } from '@shared/text/countries';
import type { ColumnValue } from './values';

export const xlsxMediaType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const dateFormat = 'dd/mm/yyyy';

const headerFill: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFCE8E6' } };
const headerBorder: Partial<ExcelJS.Borders> = { bottom: { style: 'thin', color: { argb: 'FFB71C1C' } } };

/** How wide a column must be for its header and a typical value, in Excel's character units. */
export function columnWidth(column: ImportColumn): number {
  const label = translate('vi', columnLabelKey(column)).length;
  const typical = { text: 18, date: 12, boolean: 8, enum: 16, countries: 18 }[column.type.kind];
  return Math.min(40, Math.max(12, label + 2, typical));
}

/**
 * A data sheet whose first row holds the Vietnamese headers of the columns: bold on a pale
 * fill, frozen while scrolling, with a filter, and each column as wide as its content needs.
 * Date columns show dd/mm/yyyy; code and number columns are text, so leading zeros survive.
 */
export function addDataSheet(workbook: ExcelJS.Workbook, name: string, columns: readonly ImportColumn[]): ExcelJS.Worksheet {
  const sheet = workbook.addWorksheet(name, { views: [{ state: 'frozen', xSplit: 0, ySplit: 1 }] });
  sheet.columns = columns.map((column) => ({
    header: translate('vi', columnLabelKey(column)),
    key: column.key,
    width: columnWidth(column),
    style: column.type.kind === 'date' ? { numFmt: dateFormat } : column.type.kind === 'text' ? { numFmt: '@' } : {},
  }));
  const header = sheet.getRow(1);
  header.font = { bold: true };
  header.alignment = { vertical: 'middle', wrapText: true };
  header.height = 32;
  header.eachCell((cell) => {
    cell.fill = headerFill;
    cell.border = headerBorder;
    cell.numFmt = 'General';
  });
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } };
  return sheet;
}

/**
 * A value as a person reads it in an exported list: labels instead of codes, country names, real
 * dates, and text made inert (`inertCellText`), since a streamed sheet never passes `workbookBytes`.
 */
export function exportCellValue(column: ImportColumn, value: ColumnValue | undefined): ExcelJS.CellValue {
  const cell = readableCellValue(column, value);
  return typeof cell === 'string' ? inertCellText(cell) : cell;
}

function readableCellValue(column: ImportColumn, value: ColumnValue | undefined): ExcelJS.CellValue {
  if (value === null || value === undefined) return null;
  const type = column.type;
  switch (type.kind) {
    case 'date':
      return typeof value === 'string' ? new Date(`${value}T00:00:00Z`) : null;
    case 'boolean':
      return translate('vi', value === true ? 'import.yes' : 'import.no');
    case 'enum':
      return typeof value === 'string' ? translate('vi', valueLabelKey(type.labels, value)) : null;
    case 'countries':
      return Array.isArray(value) ? value.map((code) => (isCountryCode(code) ? countryName(code) : code)).join('; ') : null;
    case 'text':
      return typeof value === 'string' ? value : null;
  }
}

/** The workbook's file, its text cells made inert first (see `inertCellText`); streamed lists make their cells inert as they are written (`exportCellValue`). */
export async function workbookBytes(workbook: ExcelJS.Workbook): Promise<Uint8Array> {
  workbook.eachSheet((sheet) =>
    sheet.eachRow((row) =>
      row.eachCell((cell) => {
        if (typeof cell.value === 'string') cell.value = inertCellText(cell.value);
        else if (cell.value !== null && typeof cell.value === 'object' && 'richText' in cell.value) {
          const [first, ...rest] = cell.value.richText;
          if (first) cell.value = { richText: [{ ...first, text: inertCellText(first.text) }, ...rest] };
        }
      }),
    ),
  );
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

export async function newWorkbook(): Promise<ExcelJS.Workbook> {
  const workbook = new (await loadExcel()).Workbook();
  workbook.creator = translate('vi', 'app.name');
  workbook.created = new Date();
  return workbook;
}

/**
 * A workbook written out while its rows are added (the spreadsheet library's streaming writer), so
 * that a list of 100,000 members never exists as cell objects all at once: each row is added with
 * `addRow(…).commit()`, and `finish` returns the file.
 */
export async function newStreamedWorkbook(): Promise<{ workbook: ExcelJS.Workbook; finish: () => Promise<Uint8Array> }> {
  const chunks: Buffer[] = [];
  const stream = new PassThrough();
  stream.on('data', (chunk: Buffer) => chunks.push(chunk));
  const workbook = new (await loadExcel()).stream.xlsx.WorkbookWriter({ stream, useStyles: true, useSharedStrings: false });
  workbook.creator = translate('vi', 'app.name');
  workbook.created = new Date();
  return {
    workbook,
    finish: async () => {
      await workbook.commit();
      return new Uint8Array(Buffer.concat(chunks));
    },
  };
}
