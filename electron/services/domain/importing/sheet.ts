import { Readable } from 'node:stream';
import type ExcelJS from 'exceljs';
import { loadExcel } from '../heavyLibraries';
import { maximumImportBytes, maximumImportSize } from '@shared/contract/importing';
import { DomainError } from '@shared/errors';
import { importedCellText } from '@shared/importing/cellText';
import type { CivilDate } from '@shared/rules/dates';
import {
  decodeTextFile,
  legacyFontOf,
  repairLegacyFields,
  repairLegacyText,
  type LegacyEncoding,
  type TextFileEncoding,
} from '@shared/text/legacy';
import { detectDelimiter, parseCsv, type CsvDelimiter } from './csv';

/** One cell as the importer reads it: text, or what a spreadsheet stored with a type. */
export type SheetValue = string | number | boolean | { date: CivilDate } | { error: string };

export interface SheetRow {
  /** The row number a person sees in the spreadsheet (the header is usually row 1). */
  row: number;
  cells: SheetValue[];
}

/** The first sheet of a workbook or the records of a CSV file: a header and the rows under it. */
export interface SheetTable {
  format: 'csv' | 'xlsx';
  sheetName: string | null;
  textEncoding: TextFileEncoding | null;
  delimiter: CsvDelimiter | null;
  legacy: { encoding: LegacyEncoding | null; convertedCells: number };
  headerRow: number;
  header: string[];
  rows: SheetRow[];
}

const checkedRow: SheetRow = { row: 0, cells: [] };

/**
 * The table's rows in order, each let go by the table as it is handed out: a row checked (and
 * written) early in a 100,000-row import is not held until the last one is. The table keeps its
 * length; its rows can be taken once.
 */
export function* takeRows(table: SheetTable): Generator<SheetRow> {
  const { rows } = table;
  for (let index = 0; index < rows.length; index += 1) {
    const row = rows[index]!;
    rows[index] = checkedRow;
    yield row;
  }
}

const zipSignature = [0x50, 0x4b, 0x03, 0x04];
/** Compound File Binary: Excel 97–2003 workbooks, and any workbook saved with a password. */
const compoundFileSignature = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

function startsWith(bytes: Uint8Array, signature: readonly number[]): boolean {
  return signature.every((byte, index) => bytes[index] === byte);
}

/** Reads an import file, deciding its kind by its content: an XLSX workbook or a CSV text. */
export async function readSheet(fileName: string, bytes: Uint8Array): Promise<SheetTable> {
  if (bytes.length > maximumImportBytes) throw new DomainError('IMPORT_TOO_LARGE', { limit: maximumImportSize });
  if (bytes.length === 0) throw new DomainError('IMPORT_EMPTY', { file: fileName });
  if (startsWith(bytes, compoundFileSignature)) throw new DomainError('IMPORT_OLD_EXCEL', { file: fileName });
  if (startsWith(bytes, zipSignature)) return readWorkbook(fileName, bytes);
  if (/\.xls[xm]?$/i.test(fileName)) throw new DomainError('IMPORT_NOT_SPREADSHEET', { file: fileName });
  return readCsv(fileName, bytes);
}

/* ---------- CSV ---------- */

/** More control characters than this share of a text means it is not a table someone typed. */
const controlCharacterShare = 0.01;

/** A NUL, or control characters other than tab and line breaks beyond a trace: the bytes of a program, an image, a PDF. */
function looksBinary(text: string): boolean {
  let controls = 0;
  for (let index = 0; index < text.length; index += 1) {
    const code = text.charCodeAt(index);
    if (code === 0) return true;
    if (code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d) controls += 1;
  }
  return controls > text.length * controlCharacterShare;
}

function readCsv(fileName: string, bytes: Uint8Array): SheetTable {
  const decoded = decodeTextFile(bytes);
  if (decoded === null) throw new DomainError('IMPORT_ENCODING_UNDECIDED', { file: fileName });
  let text = decoded.text.charCodeAt(0) === 0xfeff ? decoded.text.slice(1) : decoded.text;
  if (looksBinary(text)) throw new DomainError('IMPORT_NOT_TEXT', { file: fileName });
  const broken = text.indexOf('\ufffd');
  if (broken >= 0) throw new DomainError('IMPORT_ENCODING', { file: fileName, line: text.slice(0, broken).split('\n').length });
  if (text.trim() === '') throw new DomainError('IMPORT_EMPTY', { file: fileName });

  const { delimiter, skipFirstLine } = detectDelimiter(text);
  if (skipFirstLine) text = text.slice(text.indexOf('\n') + 1);
  const records = parseCsv(text, delimiter);
  const firstRow = skipFirstLine ? 2 : 1;

  let legacy: SheetTable['legacy'];
  if (decoded.encoding === 'tcvn3' || decoded.encoding === 'vni') {
    // The whole file was converted while decoding: every field with a letter outside ASCII came from legacy bytes.
    const convertedCells = records.reduce(
      (total, record) => total + record.filter((field) => /[^\p{ASCII}]/u.test(field)).length,
      0,
    );
    legacy = { encoding: decoded.encoding, convertedCells };
  } else if (decoded.encoding === 'windows-1258') {
    // Decided over the file's bytes as a Vietnamese code page: its text is already Unicode, not legacy font text.
    legacy = { encoding: null, convertedCells: 0 };
  } else {
    const repair = repairLegacyFields(records.flat());
    legacy = { encoding: repair.encoding, convertedCells: repair.repaired };
    if (repair.repaired > 0) {
      let position = 0;
      for (const record of records)
        for (let index = 0; index < record.length; index += 1) record[index] = repair.values[position++]!;
    }
  }

  const numbered = records.map((cells, index) => ({ row: firstRow + index, cells: cells as SheetValue[] }));
  return tableFrom(fileName, numbered, { format: 'csv', sheetName: null, textEncoding: decoded.encoding, delimiter, legacy });
}

/* ---------- XLSX ---------- */

/**
 * What the parts of a workbook may add up to once unpacked. A workbook of 100,000 member rows
 * unpacks to 46 MB and its import adds about 470 MB to the resident memory, some 10 times the
 * unpacked size (docs/BENCHMARKS.md, 5 December 2026): 48 MB is the most that stays near 500 MB.
 */
export const maximumUnpackedBytes = 48 * 1024 * 1024;
const maximumUnpackedSize = `${maximumUnpackedBytes / (1024 * 1024)} MB`;

/**
 * The unpacked size of a ZIP archive as its central directory declares it, or null when the
 * directory cannot be read. A ZIP64 size counts as unlimited: no workbook within the limits needs one.
 */
function unpackedSize(bytes: Uint8Array): number | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const endRecord = 0x06054b50;
  const fileHeader = 0x02014b50;
  let end = -1;
  for (let offset = bytes.length - 22; offset >= Math.max(0, bytes.length - 22 - 0xffff); offset -= 1) {
    if (view.getUint32(offset, true) === endRecord) {
      end = offset;
      break;
    }
  }
  if (end < 0) return null;
  const entries = view.getUint16(end + 10, true);
  let offset = view.getUint32(end + 16, true);
  let total = 0;
  for (let entry = 0; entry < entries; entry += 1) {
    if (offset + 46 > bytes.length || view.getUint32(offset, true) !== fileHeader) return null;
    const size = view.getUint32(offset + 24, true);
    total += size === 0xffffffff ? Number.POSITIVE_INFINITY : size;
    offset += 46 + view.getUint16(offset + 28, true) + view.getUint16(offset + 30, true) + view.getUint16(offset + 32, true);
  }
  return total;
}

/** What exceljs's streaming sheet reader has but its types leave out. */
interface StreamedSheet extends ExcelJS.stream.xlsx.WorksheetReader {
  name: string;
  state?: string;
  /** The sheet's XML as it is unpacked, chunk by chunk. */
  iterator: AsyncIterable<Buffer>;
}

/**
 * The sheet's XML passed on unchanged to the reader, with the merged ranges it declares (after
 * the rows) noted on the way: the streaming reader itself does not keep them.
 */
async function* notingMerges(chunks: AsyncIterable<Buffer>, merges: string[]): AsyncGenerator<Buffer> {
  const decoder = new TextDecoder();
  let tail = '';
  for await (const chunk of chunks) {
    const text = tail + decoder.decode(chunk, { stream: true });
    let end = 0;
    for (const match of text.matchAll(/<mergeCell\b[^>]*\bref="([A-Z]+\d+:[A-Z]+\d+)"[^>]*>/g)) {
      merges.push(match[1]!);
      end = match.index + match[0].length;
    }
    // An element cut between two chunks is looked for again with the next one.
    tail = text.slice(Math.max(end, text.length - 200));
    yield chunk;
  }
}

/** `D2:E3` as the first and last row and column, counted from 1. */
function mergedRange(range: string): { top: number; left: number; bottom: number; right: number } {
  const [from, to] = range.split(':').map((address) => {
    const [, letters, digits] = /^([A-Z]+)(\d+)$/.exec(address)!;
    const column = [...letters!].reduce((total, letter) => total * 26 + letter.charCodeAt(0) - 64, 0);
    return { row: Number(digits), column };
  });
  return { top: from!.row, left: from!.column, bottom: to!.row, right: to!.column };
}

/**
 * Reads the first visible sheet as the workbook is unpacked, row by row (exceljs's streaming
 * reader): the whole workbook is never held as cell objects, which for 100,000 rows would take
 * about ten times the memory of the rows themselves.
 */
async function readWorkbook(fileName: string, bytes: Uint8Array): Promise<SheetTable> {
  const unpacked = unpackedSize(bytes);
  if (unpacked === null) throw new DomainError('IMPORT_NOT_SPREADSHEET', { file: fileName });
  if (unpacked > maximumUnpackedBytes)
    throw new DomainError('IMPORT_WORKBOOK_TOO_LARGE', { file: fileName, limit: maximumUnpackedSize });
  const excel = await loadExcel();
  const reader = new excel.stream.xlsx.WorkbookReader(
    Readable.from([Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)]),
    {
      sharedStrings: 'cache',
      styles: 'cache',
      hyperlinks: 'ignore',
      worksheets: 'emit',
      entries: 'ignore',
    },
  );

  const rows: SheetRow[] = [];
  /** Text cells without a legacy font, repaired together so the encoding is decided over the whole sheet. */
  const plainTexts: { cells: SheetValue[]; index: number }[] = [];
  let fontEncoding: LegacyEncoding | null = null;
  let fontConverted = 0;
  /** The cells converted from a legacy font, by `row:column`, for the merged ranges they may begin. */
  const legacyCells = new Map<string, LegacyEncoding>();
  const place = (row: SheetRow, column: number, content: CellContent) => {
    while (row.cells.length < column - 1) row.cells.push('');
    row.cells[column - 1] = content.value;
    if (content.legacy) {
      fontEncoding ??= content.legacy;
      fontConverted += 1;
      legacyCells.set(`${row.row}:${column}`, content.legacy);
    } else if (typeof content.value === 'string' && content.value !== '') {
      plainTexts.push({ cells: row.cells, index: column - 1 });
    }
  };
  const merges: string[] = [];
  let sheetName: string | null = null;
  try {
    for await (const worksheet of reader) {
      const sheet = worksheet as StreamedSheet;
      if (sheetName !== null || (sheet.state !== undefined && sheet.state !== 'visible')) continue;
      sheetName = sheet.name;
      sheet.iterator = notingMerges(sheet.iterator, merges);
      for await (const sheetRow of sheet) {
        const row: SheetRow = { row: sheetRow.number, cells: [] };
        for (let column = 1; column <= sheetRow.cellCount; column += 1) {
          const cell = sheetRow.getCell(column);
          place(row, column, cellContent(cell.value, cell.font?.name));
        }
        rows.push(row);
      }
    }
  } catch {
    throw new DomainError('IMPORT_NOT_SPREADSHEET', { file: fileName });
  }
  if (sheetName === null) throw new DomainError('IMPORT_NOT_SPREADSHEET', { file: fileName });
  fillMergedCells(
    rows,
    merges,
    (row, column) => ({ value: row.cells[column - 1] ?? '', legacy: legacyCells.get(`${row.row}:${column}`) ?? null }),
    place,
  );

  const repair = repairLegacyFields(plainTexts.map(({ cells, index }) => cells[index] as string));
  plainTexts.forEach(({ cells, index }, position) => {
    cells[index] = repair.values[position]!;
  });
  const legacy = { encoding: fontEncoding ?? repair.encoding, convertedCells: fontConverted + repair.repaired };
  return tableFrom(fileName, rows, { format: 'xlsx', sheetName, textEncoding: null, delimiter: null, legacy });
}

/** Every cell of a merged range reads as the range's first cell, as a person sees the sheet. */
function fillMergedCells(
  rows: SheetRow[],
  merges: readonly string[],
  contentAt: (row: SheetRow, column: number) => CellContent,
  place: (row: SheetRow, column: number, content: CellContent) => void,
): void {
  if (merges.length === 0) return;
  const byNumber = new Map(rows.map((row) => [row.row, row]));
  const rowAt = (number: number) => {
    let row = byNumber.get(number);
    if (!row) {
      row = { row: number, cells: [] };
      byNumber.set(number, row);
      rows.push(row);
    }
    return row;
  };
  for (const range of merges) {
    const { top, left, bottom, right } = mergedRange(range);
    const master = contentAt(rowAt(top), left);
    for (let number = top; number <= bottom; number += 1) {
      for (let column = left; column <= right; column += 1) {
        if (number !== top || column !== left) place(rowAt(number), column, master);
      }
    }
  }
  rows.sort((first, second) => first.row - second.row);
}

interface CellContent {
  value: SheetValue;
  /** The legacy encoding the cell's font implied and its text was converted from. */
  legacy: LegacyEncoding | null;
}

/** Text typed in a .Vn or VNI font is stored as legacy bytes; the font says how to read it. */
function fromFont(text: string, fontName: string | undefined): { text: string; legacy: LegacyEncoding | null } {
  const font = fontName ? legacyFontOf(fontName) : null;
  if (!font) return { text, legacy: null };
  const repaired = repairLegacyText(text, font.encoding);
  if (repaired.encoding === null) return { text, legacy: null };
  return { text: font.capitals ? repaired.text.toUpperCase() : repaired.text, legacy: repaired.encoding };
}

function cellContent(value: ExcelJS.CellValue, fontName: string | undefined): CellContent {
  if (value === null || value === undefined) return { value: '', legacy: null };
  if (typeof value === 'string') {
    const converted = fromFont(value, fontName);
    return { value: converted.text, legacy: converted.legacy };
  }
  if (typeof value === 'number' || typeof value === 'boolean') return { value, legacy: null };
  if (value instanceof Date) return { value: { date: civilDateOfCell(value) }, legacy: null };
  if ('richText' in value) {
    let legacy: LegacyEncoding | null = null;
    const text = value.richText
      .map((run) => {
        const converted = fromFont(run.text, run.font?.name ?? fontName);
        legacy ??= converted.legacy;
        return converted.text;
      })
      .join('');
    return { value: text, legacy };
  }
  if ('error' in value) return { value: { error: String(value.error) }, legacy: null };
  if ('formula' in value || 'sharedFormula' in value) {
    return value.result === undefined ? { value: '', legacy: null } : cellContent(value.result, fontName);
  }
  if ('text' in value) return cellContent(value.text as ExcelJS.CellValue, fontName);
  return { value: '', legacy: null };
}

/** Excel stores a date as a day count that exceljs reads as a UTC instant; a time of day is dropped. */
function civilDateOfCell(instant: Date): CivilDate {
  return instant.toISOString().slice(0, 10);
}

/* ---------- Header and rows ---------- */

function isBlank(value: SheetValue): boolean {
  return typeof value === 'string' && value.trim() === '';
}

function tableFrom(
  fileName: string,
  rows: SheetRow[],
  description: Omit<SheetTable, 'headerRow' | 'header' | 'rows'>,
): SheetTable {
  for (const row of rows) row.cells = row.cells.map((cell) => (typeof cell === 'string' ? importedCellText(cell) : cell));
  const filled = rows.filter((row) => !row.cells.every(isBlank));
  const [header, ...data] = filled;
  if (!header) throw new DomainError('IMPORT_EMPTY', { file: fileName });
  if (data.length === 0) throw new DomainError('IMPORT_NO_ROWS', { file: fileName });
  const headerText = header.cells.map((cell) => headerCellText(cell));
  while (headerText.length > 0 && headerText.at(-1) === '') headerText.pop();
  return { ...description, headerRow: header.row, header: headerText, rows: data };
}

function headerCellText(cell: SheetValue): string {
  if (typeof cell === 'string') return cell.trim();
  if (typeof cell === 'object' && 'date' in cell) return cell.date;
  if (typeof cell === 'object') return cell.error;
  return String(cell);
}
