import { statSync } from 'node:fs';
import path from 'node:path';
import type { BackupCredentials } from '../../../shared/contract/backup';
import { createBackup, recordBackup, restoreBackup, verifyBackup } from '../../services/backup';
import { parseCommand, requireOption, UsageError, type CliIo, type CommandContext } from '../io';

function sizeText(bytes: number): string {
  return `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

/** `so86 backup --db F --out FILE|FOLDER`: a consistent encrypted backup of the registry and its key file in one `.so86bak`. */
export async function backupCommand(args: string[], io: CliIo): Promise<number> {
  const { values, context } = parseCommand(args, { out: { type: 'string' } }, io);
  const out = path.resolve(requireOption(values, 'out'));
  const isFolder = statSync(out, { throwIfNoEntry: false })?.isDirectory() ?? false;
  const registry = await context.unlock();
  try {
    const made = await createBackup(registry, isFolder ? { folder: out } : { file: out });
    recordBackup(registry, made, { folder: path.dirname(made.file), scheduled: false });
    if (context.json) context.printJson(made);
    else context.say('cli.backup.done', { unit: made.unitCode, path: made.file, size: sizeText(made.bytes) });
    return 0;
  } finally {
    registry.close();
  }
}

/** The password (with `--user`) or, from SO86_RECOVERY_KEY, the recovery key; never a flag. */
async function credentials(context: CommandContext, user: unknown, required: boolean): Promise<BackupCredentials | null> {
  const recoveryKey = context.io.env.SO86_RECOVERY_KEY;
  if (recoveryKey) return { recoveryKey };
  if (!required && !context.io.env.SO86_PASSWORD) return null;
  const username = typeof user === 'string' ? user : context.io.env.SO86_USER;
  return { password: await context.password(), ...(username ? { username } : {}) };
}

/**
 * `so86 restore FILE --db F`: checks the backup (structure, hashes, opening, full integrity)
 * before anything at F changes, refuses while F is in use, and keeps the replaced registry.
 * `--check` only checks, opening the backup too when a password or recovery key is given.
 */
export async function restoreCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals, context } = parseCommand(args, { check: { type: 'boolean', default: false } }, io);
  const file = positionals[0];
  if (!file) throw new UsageError('cli.missingOption', { option: 'FILE' });
  if (values.check === true) {
    const inspection = await verifyBackup(path.resolve(file), await credentials(context, values.user, false));
    if (context.json) context.printJson(inspection);
    else {
      context.say('cli.restore.checked', { unit: inspection.summary.unitCode, time: inspection.summary.createdAt, size: sizeText(inspection.summary.bytes) });
      if (inspection.opened) context.say('cli.restore.opened', { unit: inspection.opened.unitName, members: inspection.opened.counts.members, trips: inspection.opened.counts.trips });
    }
    return 0;
  }
  const restored = await restoreBackup(path.resolve(file), context.databaseFile, (await credentials(context, values.user, true))!);
  if (context.json) context.printJson({ databaseFile: context.databaseFile, ...restored });
  else {
    context.say('cli.restore.done', { unit: restored.opened?.unitName ?? restored.summary.unitCode, time: restored.summary.createdAt, path: context.databaseFile });
    if (restored.keptAs) context.say('cli.restore.kept', { path: restored.keptAs });
  }
  return 0;
}
