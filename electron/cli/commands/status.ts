import { translate, type MessageKey } from '../../../shared/i18n';
import { parseCommand, type CliIo } from '../io';

export async function statusCommand(args: string[], io: CliIo): Promise<number> {
  const { context } = parseCommand(args, {}, io);
  const registry = await context.unlock();
  try {
    const unit = registry.ownUnit();
    const counts = registry.counts();
    if (context.json) {
      context.printJson({ databaseFile: context.databaseFile, unit, schemaVersion: registry.schemaVersion, counts });
    } else {
      context.say('cli.status.unit', { name: unit.name, code: unit.code, level: translate(context.lang, `level.${unit.level}` as MessageKey) });
      context.say('cli.status.counts', counts);
      context.say('cli.status.schema', { version: registry.schemaVersion });
      context.say('cli.status.file', { path: context.databaseFile });
    }
  } finally {
    registry.close();
  }
  return 0;
}
