import { translate, type Lang, type MessageKey } from '../../shared/i18n';
import type { CommandContext } from './io';

/**
 * A list as lines: a header row, then one tab-separated row per record, so it reads in a terminal
 * and pastes into a spreadsheet. `headerKey` holds the headers, tab-separated like the rows. A column
 * no record fills is left out, header and all.
 */
export function listLines(lang: Lang, headerKey: MessageKey, rows: readonly string[][]): string[] {
  const headers = translate(lang, headerKey).split('\t');
  const shown = headers.map((_, column) => rows.length === 0 || rows.some((row) => (row[column] ?? '') !== ''));
  const keep = (cells: readonly string[]) => cells.filter((_, column) => shown[column]).join('\t');
  return [keep(headers), ...rows.map(keep)];
}

/** A list on stdout; its total on stderr, out of the way of a pipe. */
export function printList(context: CommandContext, headerKey: MessageKey, rows: readonly string[][]): void {
  for (const line of listLines(context.lang, headerKey, rows)) context.io.out(line);
  context.say('cli.list.total', { total: rows.length });
}
