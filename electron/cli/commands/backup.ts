import { statSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { BackupCredentials } from '@shared/contract/backup';
import type { CommandInput } from '../commandInput';
import type { CliSession, CommandContext } from '../io';
import { sayRekeyed } from './users';

function sizeText(bytes: number): string {
  return `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

/** `so86 backup --db F --out FILE|FOLDER`: a consistent encrypted backup of the registry and its key file in one `.so86bak`. */
export async function backupCommand({ options }: CommandInput, context: CommandContext): Promise<number> {
  const out = path.resolve(options.out as string);
  const isFolder = statSync(out, { throwIfNoEntry: false })?.isDirectory() ?? false;
  const session = await context.signIn();
  try {
    const made = await session.call('backup.create', { destination: 'download' });
    const file = isFolder ? path.join(out, made.fileName) : out;
    await writeFile(file, Buffer.from(made.contentBase64 ?? '', 'base64'), { mode: 0o600 });
    const { unit } = await session.call('app.status', {});
    const summary = { file, fileName: made.fileName, bytes: made.bytes, createdAt: made.createdAt, unitCode: unit?.code ?? '' };
    if (context.json) context.printJson(summary);
    else context.say('cli.backup.done', { unit: summary.unitCode, path: file, size: sizeText(made.bytes) });
    return 0;
  } finally {
    session.close();
  }
}

/** The password (with `--user`) or, from SO86_RECOVERY_KEY, the recovery key; never a flag. */
async function credentials(context: CommandContext, required: boolean): Promise<BackupCredentials | null> {
  const recoveryKey = context.io.env.SO86_RECOVERY_KEY;
  if (recoveryKey) return { recoveryKey };
  if (!required && !context.io.env.SO86_PASSWORD) return null;
  return { password: await context.password(), ...(context.username ? { username: context.username } : {}) };
}

/**
 * `so86 restore FILE --db F`: checks the backup (structure, hashes, opening, full integrity)
 * before anything at F changes, refuses while F is in use, and keeps the replaced registry.
 * `--check` only checks, opening the backup too when a password or recovery key is given.
 */
export async function restoreCommand({ options, positionals }: CommandInput, context: CommandContext): Promise<number> {
  const file = positionals[0]!;
  const session = context.session();
  try {
    return await (options.check === true
      ? check(context, session, path.resolve(file))
      : restore(context, session, path.resolve(file)));
  } finally {
    session.close();
  }
}

async function check(context: CommandContext, session: CliSession, file: string): Promise<number> {
  const given = await credentials(context, false);
  const inspection = await session.call('backup.inspectFile', { file, ...(given ? { credentials: given } : {}) });
  if (context.json) context.printJson(inspection);
  else {
    context.print('cli.restore.checked', {
      unit: inspection.summary.unitCode,
      time: inspection.summary.createdAt,
      size: sizeText(inspection.summary.bytes),
    });
    if (inspection.opened)
      context.print('cli.restore.opened', {
        unit: inspection.opened.unitName,
        members: inspection.opened.counts.members,
        trips: inspection.opened.counts.trips,
      });
  }
  return 0;
}

/** Over a live registry, the same credentials must also be an administrator's of that registry, or its current recovery key. */
async function restore(context: CommandContext, session: CliSession, file: string): Promise<number> {
  const restored = await session.call('backup.restoreFile', { file, credentials: (await credentials(context, true))! });
  if (context.json) context.printJson({ databaseFile: context.databaseFile, ...restored });
  else {
    context.say('cli.restore.done', {
      unit: restored.opened?.unitName ?? restored.summary.unitCode,
      time: restored.summary.createdAt,
      path: context.databaseFile,
    });
    if (restored.keptAs) context.say('cli.restore.kept', { path: restored.keptAs });
    if (restored.disabledAccounts.length > 0)
      context.say('cli.restore.disabled', { users: restored.disabledAccounts.join(', ') });
    if (restored.rekeyed) sayRekeyed(context, restored.rekeyed);
  }
  return 0;
}
