import ExcelJS from 'exceljs';

/** Import files as offices make them, for the tests of the importer, the command line and the screens. */

export type FixtureCell = string | number | boolean | Date | null;

function csvField(value: FixtureCell, delimiter: string): string {
  if (value === null) return '';
  const text = value instanceof Date ? value.toISOString().slice(0, 10) : String(value);
  return text.includes(delimiter) || /["\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvText(
  rows: readonly (readonly FixtureCell[])[],
  options: { delimiter?: string; lineBreak?: string } = {},
): string {
  const delimiter = options.delimiter ?? ',';
  const lineBreak = options.lineBreak ?? '\n';
  return rows.map((row) => row.map((value) => csvField(value, delimiter)).join(delimiter)).join(lineBreak) + lineBreak;
}

export function utf8(text: string): Uint8Array {
  return new TextEncoder().encode(text);
}

/** A workbook whose first sheet holds the rows; `configure` may style cells (fonts, formats) before it is written. */
export async function xlsxBytes(
  rows: readonly (readonly ExcelJS.CellValue[])[],
  configure?: (sheet: ExcelJS.Worksheet) => void,
): Promise<Uint8Array> {
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

/** A file's bytes as written, ASCII text and single bytes above 0x7F, each spelled out. */
export function spelledBytes(...parts: (string | number)[]): Uint8Array {
  return Uint8Array.from(
    parts.flatMap((part) => (typeof part === 'string' ? [...part].map((character) => character.charCodeAt(0)) : [part])),
  );
}

/**
 * A members list as Excel on a Vietnamese Windows saves it as "CSV": Windows-1258, `;` between
 * fields, spelled byte by byte as Windows writes them. A letter the code page holds whole (à 0xE0,
 * â 0xE2, ê 0xEA, ô 0xF4, ù 0xF9) is one byte; any other toned letter is its base letter (ă 0xE3,
 * ơ 0xF5, ư 0xFD, Đ 0xD0) followed by its mark: huyền 0xCC, hỏi 0xD2, ngã 0xDE, sắc 0xEC, nặng 0xF2.
 */
export const excelWindows1258Members = {
  // Each line of the file as written, its bytes above 0x7F spelled out.
  // prettier-ignore
  bytes: spelledBytes(
    'member_code;full_name;cell\r\n',
    'DV-1;Nguy', 0xea, 0xde, 'n V', 0xe3, 'n H', 0xf9, 'ng;Chi b', 0xf4, 0xf2, ' ', 0xe2, 0xec, 'p T', 0xe2, 'y\r\n',
    'DV-2;Tr', 0xe2, 0xcc, 'n Th', 'i', 0xf2, ' H', 0xfd, 0xf5, 0xcc, 'ng;Chi b', 0xf4, 0xf2, ' H', 0xe0, ' N', 0xf4, 0xf2, 'i\r\n',
    'DV-3;', 0xd0, 0xe3, 0xf2, 'ng Thu Th', 'u', 0xd2, 'y;Chi b', 0xf4, 0xf2, ' ', 0xd0, 0xf4, 0xec, 'ng\r\n',
  ),
  members: [
    { code: 'DV-1', fullName: 'Nguyễn Văn Hùng', cellName: 'Chi bộ ấp Tây' },
    { code: 'DV-2', fullName: 'Trần Thị Hường', cellName: 'Chi bộ Hà Nội' },
    { code: 'DV-3', fullName: 'Đặng Thu Thủy', cellName: 'Chi bộ Đống' },
  ],
};

export const memberKeys = [
  'member_code',
  'full_name',
  'gender',
  'birth_date',
  'cell',
  'leadership',
  'national_id',
  'phone',
  'status',
] as const;

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
