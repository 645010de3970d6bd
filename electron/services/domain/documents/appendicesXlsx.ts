import type ExcelJS from 'exceljs';
import { loadExcel } from '../heavyLibraries';
import { inertCellText } from '@shared/importing/cellText';
import { type ReportData } from '@shared/report/data';
import { type ReportMeta, reportAuthor } from '@shared/report/narrative';
import { type Appendix, type AppendixNote, noteText } from './appendices';
import { reportAppendices } from './reportModel';
import { type Align, type TableCell, documentFont, placeCells, textWidthMm } from './model';

const titleSize = 14;
const tableSize = 13;
/** An Excel column width unit is one "0" of the default font, about 1.9 mm on paper. */
const millimetresPerWidthUnit = 1.9;
const thin: Partial<ExcelJS.Border> = { style: 'thin', color: { argb: 'FF000000' } };
const allBorders: Partial<ExcelJS.Borders> = { top: thin, left: thin, bottom: thin, right: thin };

function horizontal(align: Align | undefined): ExcelJS.Alignment['horizontal'] {
  return align === 'justify' ? 'justify' : (align ?? 'left');
}

/** Excel does not size rows holding wrapped text in merged cells, so the height is estimated from the text. */
function rowHeight(text: string, widthUnits: number, size: number): number {
  const charactersPerLine = Math.max(1, (widthUnits * 11) / size);
  const lines = text.split('\n').reduce((total, line) => total + Math.max(1, Math.ceil(line.length / charactersPerLine)), 0);
  return Math.max(lines * size * 1.3 + 4, size * 1.6);
}

function fullWidthRow(
  sheet: ExcelJS.Worksheet,
  columns: number,
  text: string,
  font: Partial<ExcelJS.Font>,
  align: Align,
  widthUnits: number,
): ExcelJS.Row {
  const row = sheet.addRow([text]);
  sheet.mergeCells(row.number, 1, row.number, columns);
  const cell = row.getCell(1);
  cell.font = { name: documentFont, size: titleSize, ...font };
  cell.alignment = { horizontal: horizontal(align), vertical: 'middle', wrapText: true };
  row.height = rowHeight(text, widthUnits, font.size ?? titleSize);
  return row;
}

function writeTable(
  sheet: ExcelJS.Worksheet,
  appendix: Appendix,
  widths: number[],
): { firstHeaderRow: number; lastHeaderRow: number } {
  const { table } = appendix;
  const rows = [...table.header, ...table.body];
  const firstRow = sheet.rowCount + 1;
  const tallest = rows.map(() => 0);
  placeCells(rows).forEach((row, rowIndex) => {
    const rowNumber = firstRow + rowIndex;
    for (const { cell, column } of row) {
      const target = sheet.getCell(rowNumber, column + 1);
      writeCell(target, cell);
      const colSpan = cell.colSpan ?? 1;
      const rowSpan = cell.rowSpan ?? 1;
      if (colSpan > 1 || rowSpan > 1) sheet.mergeCells(rowNumber, column + 1, rowNumber + rowSpan - 1, column + colSpan);
      if (rowSpan === 1) {
        const width = widths.slice(column, column + colSpan).reduce((a, b) => a + b, 0);
        tallest[rowIndex] = Math.max(
          tallest[rowIndex] ?? 0,
          rowHeight(typeof cell.value === 'string' ? cell.value : '0', width, table.size),
        );
      }
    }
  });
  rows.forEach((_, rowIndex) => {
    const row = sheet.getRow(firstRow + rowIndex);
    row.height = tallest[rowIndex] ?? tableSize * 1.6;
    for (let column = 1; column <= widths.length; column += 1) row.getCell(column).border = allBorders;
  });
  return { firstHeaderRow: firstRow, lastHeaderRow: firstRow + table.header.length - 1 };
}

/**
 * A total is written as the SUM of the cells above it, with the computed figure as its cached
 * result. Text in the tables is what offices typed (appendix 01's documents) and is made inert; the
 * notes under them are the template's own wording ("- Đảng viên…", "+ Tự ý ở lại") and are not.
 */
function cellValue(target: ExcelJS.Cell, cell: TableCell): ExcelJS.CellValue {
  if (typeof cell.value === 'string') return inertCellText(cell.value);
  if (!cell.sumOfRowsAbove || typeof cell.value !== 'number') return cell.value;
  const { row, col } = target.fullAddress;
  const first = target.worksheet.getCell(row - cell.sumOfRowsAbove, col).address;
  const last = target.worksheet.getCell(row - 1, col).address;
  return { formula: `SUM(${first}:${last})`, result: cell.value };
}

function writeCell(target: ExcelJS.Cell, cell: TableCell): void {
  target.value = cellValue(target, cell);
  target.font = { name: documentFont, size: tableSize, bold: cell.bold, italic: cell.italic };
  target.alignment = { horizontal: horizontal(cell.align), vertical: 'middle', wrapText: true };
  if (typeof cell.value === 'number') target.numFmt = '#,##0';
}

function writeNote(sheet: ExcelJS.Worksheet, note: AppendixNote, widths: number[]): void {
  const columns = widths.length;
  const font = { name: documentFont, size: tableSize, bold: note.bold, italic: note.bold };
  if (note.value === undefined) {
    fullWidthRow(
      sheet,
      columns,
      noteText(note),
      font,
      'left',
      widths.reduce((a, b) => a + b, 0),
    );
    return;
  }
  const labelWidth = widths.slice(0, -1).reduce((a, b) => a + b, 0);
  const label = noteText({ ...note, value: undefined });
  const row = sheet.addRow([label]);
  sheet.mergeCells(row.number, 1, row.number, columns - 1);
  row.getCell(1).font = font;
  row.getCell(1).alignment = { horizontal: 'left', vertical: 'middle', wrapText: true, indent: note.level };
  const value = row.getCell(columns);
  value.value = note.value;
  value.numFmt = '#,##0';
  value.font = font;
  value.alignment = { horizontal: 'center', vertical: 'middle' };
  row.height = rowHeight(label, labelWidth, tableSize);
}

function writeAppendix(workbook: ExcelJS.Workbook, appendix: Appendix, meta: ReportMeta): void {
  const margins = meta.margins;
  const inches = (mm: number) => mm / 25.4;
  const sheet = workbook.addWorksheet(appendix.sheetName, {
    pageSetup: {
      paperSize: 9,
      orientation: appendix.orientation,
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      horizontalCentered: true,
      margins: {
        top: inches(margins.top),
        bottom: inches(margins.bottom),
        left: inches(margins.left),
        right: inches(margins.right),
        header: 0.3,
        footer: 0.3,
      },
    },
  });
  const totalShare = appendix.table.columnWidths.reduce((a, b) => a + b, 0);
  const textWidth = textWidthMm(appendix.orientation, margins);
  const widths = appendix.table.columnWidths.map((share) => (textWidth * share) / totalShare / millimetresPerWidthUnit);
  widths.forEach((width, index) => {
    sheet.getColumn(index + 1).width = width;
  });
  const columns = widths.length;
  const fullWidth = widths.reduce((a, b) => a + b, 0);
  fullWidthRow(sheet, columns, appendix.label, { bold: true, italic: true }, 'right', fullWidth);
  for (const line of appendix.titleLines) fullWidthRow(sheet, columns, line, { bold: true }, 'center', fullWidth);
  fullWidthRow(sheet, columns, appendix.attachedTo, { italic: true, size: tableSize }, 'center', fullWidth);
  fullWidthRow(sheet, columns, appendix.period, { italic: true, size: tableSize }, 'center', fullWidth);
  sheet.addRow([]);
  const { firstHeaderRow, lastHeaderRow } = writeTable(sheet, appendix, widths);
  sheet.pageSetup.printTitlesRow = `${firstHeaderRow}:${lastHeaderRow}`;
  if (appendix.notes.length > 0) sheet.addRow([]);
  for (const note of appendix.notes) writeNote(sheet, note, widths);
}

/** The three appendices (and at an upper level the units' list) as a workbook, one sheet each, with numeric cells and A4 print setup. */
export async function renderAppendicesXlsx(data: ReportData, meta: ReportMeta): Promise<Buffer> {
  const workbook = new (await loadExcel()).Workbook();
  workbook.creator = reportAuthor(meta);
  workbook.title = `Phụ lục báo cáo ${meta.numberAndSymbol}`.trim();
  for (const appendix of reportAppendices(data, meta)) writeAppendix(workbook, appendix, meta);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
