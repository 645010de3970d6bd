import type { CallOutput } from '@shared/contract';
import { translate, type MessageKey } from '@shared/i18n';
import { formatCivilDate } from '@shared/rules/dates';
import { parseCommand, UsageError, type CliIo, type CliSession } from '../io';

/** The largest page the search calls return. */
export const pageSize = 500;

/** Every row of a paged search, page after page. */
export async function allPages<Row>(fetch: (offset: number) => Promise<{ total: number; rows: Row[] }>): Promise<Row[]> {
  const rows: Row[] = [];
  for (;;) {
    const page = await fetch(rows.length);
    rows.push(...page.rows);
    if (page.rows.length === 0 || rows.length >= page.total) return rows;
  }
}

export function searchAllMembers(session: CliSession, query: string | undefined, includeArchived: boolean): Promise<CallOutput<'members.search'>['rows']> {
  return allPages((offset) => session.call('members.search', { ...(query ? { query } : {}), includeArchived, offset, limit: pageSize }));
}

/** `so86 members list [--search TEXT]`: the members in Vietnamese name order; the search folds diacritics and đ. */
export async function membersCommand(args: string[], io: CliIo): Promise<number> {
  const [action, ...rest] = args;
  if (action !== 'list') throw new UsageError('cli.badUsage', { detail: `members ${action ?? ''}`.trim() });
  const { values, context } = parseCommand(rest, { search: { type: 'string' } }, io);
  const session = await context.signIn();
  try {
    const rows = await searchAllMembers(session, typeof values.search === 'string' ? values.search : undefined, false);
    if (context.json) {
      context.printJson(rows);
      return 0;
    }
    for (const member of rows) {
      io.out(
        [
          member.code,
          member.fullName,
          member.gender ? translate(context.lang, `gender.${member.gender}` as MessageKey) : '',
          member.birthDate ? formatCivilDate(member.birthDate) : '',
          member.cellName,
          translate(context.lang, `memberStatus.${member.status}` as MessageKey),
        ].join('\t'),
      );
    }
    context.say('cli.list.total', { total: rows.length });
    return 0;
  } finally {
    session.close();
  }
}
