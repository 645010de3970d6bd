import ExcelJS from 'exceljs';

/** Import files as offices make them, for the tests of the importer, the command line and the screens. */

export type FixtureCell = string | number | boolean | Date | null;

function csvField(value: FixtureCell, delimiter: string): string {
  if (value === null) return '';
  const text = value instanceof Date ? value.toISOString().slice(0, 10) : String(value);
  return text.includes(delimiter) || /["\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvText(rows: readonly (readonly FixtureCell[])[], options: { delimiter?: string; lineBreak?: string } = {}): string {
  const delimiter = options.delimiter ?? ',';
  const lineBreak = options.lineBreak ?? '\n';
  return rows.map((row) => row.map((value) => csvField(value, delimiter)).join(delimiter)).join(lineBreak) + lineBreak;
}

export function utf8(text: string): Uint8Array {
  return new TextEncoder().encode(text);
}

/** A workbook whose first sheet holds the rows; `configure` may style cells (fonts, formats) before it is written. */
export async function xlsxBytes(rows: readonly (readonly ExcelJS.CellValue[])[], configure?: (sheet: ExcelJS.Worksheet) => void): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Danh sách');
  for (const row of rows) sheet.addRow([...row]);
  configure?.(sheet);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

export async function readWorkbook(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
  return workbook;
}

export const memberKeys = ['member_code', 'full_name', 'gender', 'birth_date', 'cell', 'leadership', 'national_id', 'phone', 'status'] as const;

/**
 * A valid member row: codes DV-00001…, names from a short list, three cells, a national ID
 * that agrees with the birth year and gender (province 001, Hà Nội).
 */
export function memberRow(index: number): FixtureCell[] {
  const families = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Võ'];
  const given = ['An', 'Bình', 'Cường', 'Dung', 'Giang', 'Hương', 'Khánh', 'Lan'];
  const female = index % 2 === 1;
  const year = 1960 + (index % 40);
  const day = String((index % 28) + 1).padStart(2, '0');
  const nationalId = `001${female ? '1' : '0'}${String(year).slice(2)}${String(index).padStart(6, '0')}`;
  return [
    `DV-${String(index).padStart(5, '0')}`,
    `${families[index % families.length]} ${female ? 'Thị' : 'Văn'} ${given[index % given.length]}`,
    female ? 'nữ' : 'nam',
    `${day}/03/${year}`,
    `Chi bộ ấp ${(index % 3) + 1}`,
    index % 10 === 0 ? 'có' : 'không',
    nationalId,
    `09${String(index).padStart(8, '0')}`,
    index % 50 === 0 ? 'Miễn sinh hoạt' : '',
  ];
}
