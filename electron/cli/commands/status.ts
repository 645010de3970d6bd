import { translate, type MessageKey } from '@shared/i18n';
import type { CommandInput } from '../commandInput';
import type { CommandContext } from '../io';

/** `so86 status`: the unit, the record counts, the schema version and the file, on stdout. */
export async function statusCommand(_input: CommandInput, context: CommandContext): Promise<number> {
  const session = await context.signIn();
  try {
    const { unit } = await session.call('app.status', {});
    const { counts, schemaVersion } = await session.call('registry.overview', {});
    if (context.json) {
      context.printJson({ databaseFile: context.databaseFile, unit, schemaVersion, counts });
    } else if (unit) {
      context.print('cli.status.unit', {
        name: unit.name,
        code: unit.code,
        level: translate(context.lang, `level.${unit.level}` as MessageKey),
      });
      context.print('cli.status.counts', counts);
      context.print('cli.status.schema', { version: schemaVersion });
      context.print('cli.status.file', { path: context.databaseFile });
    }
  } finally {
    session.close();
  }
  return 0;
}
