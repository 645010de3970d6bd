import type { CallOutput } from '@shared/contract';
import { translate, type MessageKey } from '@shared/i18n';
import { formatCivilDate } from '@shared/rules/dates';
import type { CommandInput } from '../commandInput';
import type { CliSession, CommandContext } from '../io';
import { printList } from '../listing';

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

export function searchAllMembers(
  session: CliSession,
  query: string | undefined,
  includeArchived: boolean,
): Promise<CallOutput<'members.search'>['rows']> {
  return allPages((offset) =>
    session.call('members.search', { ...(query ? { query } : {}), includeArchived, offset, limit: pageSize }),
  );
}

/** `so86 members list [--search TEXT]`: the members in Vietnamese name order; the search folds diacritics and đ. */
export async function membersListCommand({ options }: CommandInput, context: CommandContext): Promise<number> {
  const session = await context.signIn();
  try {
    const rows = await searchAllMembers(session, typeof options.search === 'string' ? options.search : undefined, false);
    if (context.json) {
      context.printJson(rows);
      return 0;
    }
    printList(
      context,
      'cli.members.header',
      rows.map((member) => [
        member.code,
        member.fullName,
        member.gender ? translate(context.lang, `gender.${member.gender}` as MessageKey) : '',
        member.birthDate ? formatCivilDate(member.birthDate) : '',
        member.cellName,
        translate(context.lang, `memberStatus.${member.status}` as MessageKey),
      ]),
    );
    return 0;
  } finally {
    session.close();
  }
}
