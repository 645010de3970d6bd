import { DomainError } from '@shared/errors';
import { translate } from '@shared/i18n';
import { columnLabelKey, columnsOf, type ImportColumn, type ImportKind } from '@shared/importing/columns';
import { foldForSearch } from '@shared/text/fold';

/** How a file's header row maps onto the import columns. */
export interface HeaderMap {
  /** For each column of the file, the import column it fills, or null for a read-only column to ignore. */
  columns: (ImportColumn | null)[];
  /** The import column's position in the file. */
  positions: Map<string, number>;
  /** The headers of read-only export columns found in the file, as written there. */
  ignored: string[];
}

/** A header compared without case, marks, đ, punctuation or a required marker: "Mã đảng viên (*)" is "ma dang vien". */
function headerForm(text: string): string {
  return foldForSearch(text.replace(/[_*:()[\].,;/\\-]+/g, ' '));
}

const formsByColumns = new WeakMap<readonly ImportColumn[], Map<string, ImportColumn>>();

function headerForms(columns: readonly ImportColumn[]): Map<string, ImportColumn> {
  let forms = formsByColumns.get(columns);
  if (!forms) {
    forms = new Map();
    for (const column of columns) {
      const names = [
        column.key,
        translate('vi', columnLabelKey(column)),
        translate('en', columnLabelKey(column)),
        ...(column.aliases ?? []),
      ];
      for (const name of names) if (!forms.has(headerForm(name))) forms.set(headerForm(name), column);
    }
    formsByColumns.set(columns, forms);
  }
  return forms;
}

/**
 * Maps the header row onto the columns of the kind: each header may be the contract key or
 * the template's Vietnamese (or English) label, compared folded. Missing required columns
 * and unrecognised columns are refused together; a column given twice is refused too.
 */
export function mapHeader(kind: ImportKind, fileName: string, header: readonly string[]): HeaderMap {
  return mapHeaderTo(columnsOf(kind), fileName, header);
}

/** `mapHeader` for any list of columns: the imports' and the border-crossing list's. */
export function mapHeaderTo(columnList: readonly ImportColumn[], fileName: string, header: readonly string[]): HeaderMap {
  const forms = headerForms(columnList);
  const columns: (ImportColumn | null)[] = [];
  const positions = new Map<string, number>();
  const ignored: string[] = [];
  const unknown: string[] = [];
  header.forEach((text, position) => {
    if (text === '') {
      columns.push(null);
      return;
    }
    const column = forms.get(headerForm(text));
    if (!column) {
      unknown.push(text);
      columns.push(null);
      return;
    }
    if (positions.has(column.key)) throw new DomainError('IMPORT_HEADER_DUPLICATE', { file: fileName, column: text });
    positions.set(column.key, position);
    if (column.exportOnly) {
      ignored.push(text);
      columns.push(null);
    } else {
      columns.push(column);
    }
  });
  const missing = columnList.filter((column) => column.required && !positions.has(column.key));
  if (missing.length > 0 || unknown.length > 0) {
    const list = (names: string[]) => (names.length > 0 ? names.join(', ') : '—');
    throw new DomainError('IMPORT_HEADER', {
      file: fileName,
      missing: list(missing.map((column) => `${translate('vi', columnLabelKey(column))} (${column.key})`)),
      unknown: list(unknown.map((text) => `“${text}”`)),
    });
  }
  return { columns, positions, ignored };
}
