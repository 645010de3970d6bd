import { translate, type MessageKey } from '@shared/i18n';
import type { CommandInput } from '../commandInput';
import type { CommandContext } from '../io';

/** `so86 audit verify`: walks the audit log's hash chain end to end and compares it with the sealed anchor; exit 1 names the first broken row. */
export async function auditCommand(_input: CommandInput, context: CommandContext): Promise<number> {
  const session = await context.signIn();
  try {
    const verdict = await session.call('audit.verify', {});
    if (context.json) context.printJson(verdict);
    if (verdict.ok) {
      if (!context.json) context.print('cli.audit.ok', { rows: verdict.rows });
      if (!context.json && verdict.anchor === 'unchecked') context.say('cli.audit.anchorUnchecked');
      return 0;
    }
    context.say('cli.audit.broken', {
      seq: verdict.brokenAtSeq ?? 0,
      problem: translate(context.lang, `cli.audit.problem.${verdict.problem}` as MessageKey),
    });
    return 1;
  } finally {
    session.close();
  }
}
