import { translate, type MessageKey } from '@shared/i18n';
import { parseCommand, type CliIo } from '../io';

export async function statusCommand(args: string[], io: CliIo): Promise<number> {
  const { context } = parseCommand(args, {}, io);
  const session = await context.signIn();
  try {
    const { unit } = await session.call('app.status', {});
    const { counts, schemaVersion } = await session.call('registry.overview', {});
    if (context.json) {
      context.printJson({ databaseFile: context.databaseFile, unit, schemaVersion, counts });
    } else if (unit) {
      context.say('cli.status.unit', { name: unit.name, code: unit.code, level: translate(context.lang, `level.${unit.level}` as MessageKey) });
      context.say('cli.status.counts', counts);
      context.say('cli.status.schema', { version: schemaVersion });
      context.say('cli.status.file', { path: context.databaseFile });
    }
  } finally {
    session.close();
  }
  return 0;
}
