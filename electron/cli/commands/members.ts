import { translate, type MessageKey } from '../../../shared/i18n';
import { formatCivilDate } from '../../../shared/rules/dates';
import { searchMembers } from '../../services/records/members';
import { parseCommand, UsageError, type CliIo } from '../io';

/** `so86 members list [--search TEXT]`: the members in Vietnamese name order; the search folds diacritics and đ. */
export async function membersCommand(args: string[], io: CliIo): Promise<number> {
  const [action, ...rest] = args;
  if (action !== 'list') throw new UsageError('cli.badUsage', { detail: `members ${action ?? ''}`.trim() });
  const { values, context } = parseCommand(rest, { search: { type: 'string' } }, io);
  const registry = await context.unlock();
  try {
    const { rows } = searchMembers(registry, {
      query: typeof values.search === 'string' ? values.search : undefined,
      includeArchived: false,
      offset: 0,
      limit: Number.MAX_SAFE_INTEGER,
    });
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
    registry.close();
  }
}
