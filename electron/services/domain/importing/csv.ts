export type CsvDelimiter = ',' | ';' | '\t';

const candidates: readonly CsvDelimiter[] = [',', ';', '\t'];
const quote = 0x22;
const lineFeed = 0x0a;
const carriageReturn = 0x0d;

/**
 * The delimiter of a CSV text: an Excel "sep=" first line when there is one, otherwise the
 * candidate that occurs most often outside quotes on the first line (Excel in a Vietnamese
 * locale writes `;`, most other programs `,`).
 */
export function detectDelimiter(text: string): { delimiter: CsvDelimiter; skipFirstLine: boolean } {
  const declared = /^sep=([,;\t])\r?\n/i.exec(text);
  if (declared) return { delimiter: declared[1] as CsvDelimiter, skipFirstLine: true };
  const counts = new Map<CsvDelimiter, number>(candidates.map((candidate) => [candidate, 0]));
  let quoted = false;
  for (let index = 0; index < text.length; index += 1) {
    const character = text[index]!;
    if (character === '"') quoted = !quoted;
    else if (!quoted && (character === '\n' || character === '\r')) break;
    else if (!quoted && counts.has(character as CsvDelimiter))
      counts.set(character as CsvDelimiter, counts.get(character as CsvDelimiter)! + 1);
  }
  let best: CsvDelimiter = ',';
  for (const candidate of candidates) if (counts.get(candidate)! > counts.get(best)!) best = candidate;
  return { delimiter: best, skipFirstLine: false };
}

/**
 * Splits CSV text into records of fields (RFC 4180): fields in double quotes may hold the
 * delimiter, line breaks and doubled quotes; records end with CRLF, LF or CR. A stray
 * character after a closing quote is kept rather than refused, as spreadsheets do.
 */
export function parseCsv(text: string, delimiter: CsvDelimiter): string[][] {
  const records: string[][] = [];
  const separator = delimiter.charCodeAt(0);
  let record: string[] = [];
  let index = 0;
  const length = text.length;
  while (index < length) {
    let field: string;
    if (text.charCodeAt(index) === quote) {
      let value = '';
      let start = index + 1;
      index = start;
      for (;;) {
        const close = text.indexOf('"', index);
        if (close < 0) {
          value += text.slice(start);
          index = length;
          break;
        }
        if (text.charCodeAt(close + 1) === quote) {
          value += text.slice(start, close + 1);
          index = close + 2;
          start = index;
          continue;
        }
        value += text.slice(start, close);
        index = close + 1;
        break;
      }
      const rest = index;
      while (index < length && !isFieldEnd(text.charCodeAt(index), separator)) index += 1;
      field = value + text.slice(rest, index);
    } else {
      const start = index;
      while (index < length && !isFieldEnd(text.charCodeAt(index), separator)) index += 1;
      field = text.slice(start, index);
    }
    record.push(field);
    if (index >= length) break;
    const end = text.charCodeAt(index);
    index += 1;
    if (end === separator) {
      if (index >= length) record.push('');
      continue;
    }
    if (end === carriageReturn && text.charCodeAt(index) === lineFeed) index += 1;
    records.push(record);
    record = [];
  }
  if (record.length > 0) records.push(record);
  return records;
}

function isFieldEnd(code: number, separator: number): boolean {
  return code === separator || code === lineFeed || code === carriageReturn;
}
