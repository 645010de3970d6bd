import { translate, type MessageKey, type MessageParams } from '@shared/i18n';
import {
  countrySeparator,
  falseWords,
  trueWords,
  valueLabelKey,
  type ColumnType,
  type ImportColumn,
} from '@shared/importing/columns';
import { formatCivilDate, parseCivilDate } from '@shared/rules/dates';
import { findCountryCode, type CountryCode } from '@shared/text/countries';
import { foldForSearch } from '@shared/text/fold';
import type { SheetValue } from './sheet';

export type ColumnValue = string | boolean | CountryCode[] | null;

export type ParsedCell = { ok: true; value: ColumnValue } | { ok: false; key: MessageKey; params: MessageParams };

/** Words offices write for some values besides their labels, folded. */
const synonyms: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  purpose: {
    'viec rieng': 'other_private',
    'xuat khau lao dong': 'labour',
    'di lao dong': 'labour',
    'tham nguoi than': 'family_visit',
    'kham chua benh': 'medical',
  },
  crossingDirection: { xuat: 'exit', nhap: 'entry', xc: 'exit', nc: 'entry', out: 'exit', in: 'entry' },
  travelDocument: {
    'ho chieu': 'passport',
    gth: 'border_pass',
    'ho chieu pho thong': 'passport',
    'ho chieu cong vu': 'official_passport',
    'ho chieu ngoai giao': 'diplomatic_passport',
  },
  overstay: Object.fromEntries(falseWords.map((word) => [word, 'none'])),
  activityTransfer: {
    ...Object.fromEntries(falseWords.map((word) => [word, 'none'])),
    'tam thoi': 'temporary',
    'chinh thuc': 'official',
  },
};

const enumForms = new Map<ColumnType, Map<string, string>>();

/** Every way a value of an enumeration may be written: its key, its Vietnamese and English labels, common synonyms. */
function formsOf(type: Extract<ColumnType, { kind: 'enum' }>): Map<string, string> {
  let forms = enumForms.get(type);
  if (!forms) {
    forms = new Map(Object.entries(synonyms[type.labels] ?? {}));
    for (const value of type.values) {
      for (const form of [
        value,
        value.replace(/_/g, ' '),
        translate('vi', valueLabelKey(type.labels, value)),
        translate('en', valueLabelKey(type.labels, value)),
      ]) {
        forms.set(foldForSearch(form), value);
      }
    }
    enumForms.set(type, forms);
  }
  return forms;
}

/** What a cell holds, as a person would read it in the spreadsheet. */
export function cellText(cell: SheetValue | undefined): string {
  if (cell === undefined) return '';
  if (typeof cell === 'string') return cell.trim();
  if (typeof cell === 'number') return Number.isInteger(cell) ? cell.toFixed(0) : String(cell);
  if (typeof cell === 'boolean') return cell ? 'TRUE' : 'FALSE';
  if ('date' in cell) return formatCivilDate(cell.date);
  return cell.error;
}

const dateShape = /^(\d{4}-\d{1,2}-\d{1,2}|\d{1,2}[/.-]\d{1,2}[/.-]\d{4})$/;

/** Reads one cell for its column: dates, yes/no values, enumeration labels and countries become stored values. */
export function parseCell(column: ImportColumn, cell: SheetValue | undefined): ParsedCell {
  if (typeof cell === 'object' && 'error' in cell) return { ok: false, key: 'import.cellError', params: { value: cell.error } };
  const type = column.type;
  const text = cellText(cell);
  switch (type.kind) {
    case 'text':
      return { ok: true, value: text === '' ? null : text };
    case 'date': {
      if (typeof cell === 'object' && 'date' in cell) return { ok: true, value: cell.date };
      if (text === '') return { ok: true, value: null };
      const date = typeof cell === 'string' ? parseCivilDate(text) : null;
      if (date) return { ok: true, value: date };
      return { ok: false, key: dateShape.test(text) ? 'import.dateInvalid' : 'import.date', params: { value: text } };
    }
    case 'boolean': {
      if (typeof cell === 'boolean') return { ok: true, value: cell };
      const folded = foldForSearch(text);
      if (trueWords.includes(folded)) return { ok: true, value: true };
      if (falseWords.includes(folded)) return { ok: true, value: false };
      return { ok: false, key: 'import.boolean', params: { value: text } };
    }
    case 'enum': {
      if (text === '') return { ok: true, value: null };
      const value = formsOf(type).get(foldForSearch(text));
      if (value) return { ok: true, value };
      const allowed = type.values
        .map((candidate) => `${translate('vi', valueLabelKey(type.labels, candidate))} / ${candidate}`)
        .join('; ');
      return { ok: false, key: 'import.enum', params: { value: text, allowed } };
    }
    case 'countries': {
      const codes: CountryCode[] = [];
      for (const name of text.split(countrySeparator)) {
        if (name.trim() === '') continue;
        const code = findCountryCode(name);
        if (!code) return { ok: false, key: 'import.country', params: { value: name.trim() } };
        if (!codes.includes(code)) codes.push(code);
      }
      return { ok: true, value: codes };
    }
  }
}
