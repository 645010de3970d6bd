import { existsSync, promises as fs, rmSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { translateSqliteError, type OpenOptions } from '../../../db/connection';
import type { BackupCredentials, BackupInspection } from '../../../shared/contract/backup';
import { DomainError } from '../../../shared/errors';
import { keyfilePathFor, readKeyfile } from '../registry/keyfile';
import { vietnamStamp } from './create';
import { checkBackupParts, extractBackupPart, readBackupLayout, type BackupHeader } from './format';
import { openExtractedBackup, summaryOf } from './verify';

export interface RestoreResult extends BackupInspection {
  /** Where the registry that was replaced now lives (open it with `--db`), or null when there was none. */
  keptAs: string | null;
}

/** The files of one registry: the database, its write-ahead log, a stray shared-memory index, its key file. */
function registryFiles(databaseFile: string): string[] {
  return [databaseFile, `${databaseFile}-wal`, `${databaseFile}-shm`, keyfilePathFor(databaseFile)];
}

/**
 * Replaces the registry at `databaseFile` with a backup. Nothing at the target changes until the
 * backup has passed every check: structure and hashes, then opening the very files that will be
 * moved into place with the credentials, SQLite's full integrity check. The registry that was
 * there is renamed (`so86.db.before-restore-<time>` with its log and key file), never deleted.
 */
export async function restoreBackup(
  file: string,
  databaseFile: string,
  credentials: BackupCredentials,
  options: { openOptions?: OpenOptions; now?: Date } = {},
): Promise<RestoreResult> {
  const layout = await readBackupLayout(file);
  await checkBackupParts(file, layout);
  ensureNotInUse(databaseFile, options.openOptions ?? {});
  await ensureSameRegistry(databaseFile, layout.header);

  const stamp = vietnamStamp(options.now ?? new Date(), true);
  const staged = `${databaseFile}.restoring-${stamp}`;
  await fs.mkdir(path.dirname(databaseFile), { recursive: true });
  let opened;
  try {
    await extractBackupPart(file, layout, 'keyfile', keyfilePathFor(staged));
    await extractBackupPart(file, layout, 'database', staged);
    opened = await openExtractedBackup(staged, credentials, options.openOptions ?? {});
  } catch (error) {
    await removeFiles(registryFiles(staged));
    throw error;
  }
  const keptAs = await swapIn(staged, databaseFile, `${databaseFile}.before-restore-${stamp}`);
  return { summary: summaryOf(file, layout), opened, keptAs };
}

/**
 * Asks SQLite itself whether another connection holds the file: the registry is always opened
 * with an exclusive lock, so a reader is refused with SQLITE_BUSY. The probe is read-only, so it
 * can never checkpoint or remove a write-ahead log left by a crash; it reads the encrypted
 * header as noise, which is the expected answer for a file that is free.
 */
function ensureNotInUse(databaseFile: string, options: OpenOptions) {
  if (!existsSync(databaseFile)) return;
  const sharedMemory = `${databaseFile}-shm`;
  const sharedMemoryExisted = existsSync(sharedMemory);
  const probe = new Database(databaseFile, { readonly: true, fileMustExist: true, ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}) });
  try {
    probe.prepare('SELECT count(*) FROM sqlite_master').get();
  } catch (error) {
    const translated = translateSqliteError(error);
    if (translated instanceof DomainError && translated.code === 'DATABASE_IN_USE') throw translated;
  } finally {
    probe.close();
    if (!sharedMemoryExisted) rmSync(sharedMemory, { force: true });
  }
}

/** A backup of another registry does not replace this one by accident; a missing or damaged key file cannot tell, so it does not stand in the way. */
async function ensureSameRegistry(databaseFile: string, header: BackupHeader) {
  const current = await readKeyfile(keyfilePathFor(databaseFile)).catch(() => null);
  if (current && current.registryId !== header.registryId) throw new DomainError('BACKUP_OTHER_REGISTRY', { unit: header.unit.code });
}

/** Renames the current files aside and the staged ones into place; on any failure, every rename is undone. */
async function swapIn(staged: string, databaseFile: string, kept: string): Promise<string | null> {
  const current = registryFiles(databaseFile).map((from, index) => [from, registryFiles(kept)[index]!] as const);
  const incoming = registryFiles(staged).map((from, index) => [from, registryFiles(databaseFile)[index]!] as const);
  const moves = [...current, ...incoming.slice().reverse()].filter(([from]) => existsSync(from));
  const keptAny = current.some(([from]) => existsSync(from));
  const done: (readonly [string, string])[] = [];
  try {
    for (const move of moves) {
      await fs.rename(move[0], move[1]);
      done.push(move);
    }
  } catch (error) {
    for (const [from, to] of done.reverse()) await fs.rename(to, from).catch(() => undefined);
    await removeFiles(registryFiles(staged));
    throw error;
  }
  await syncFolder(path.dirname(databaseFile));
  return keptAny ? kept : null;
}

async function removeFiles(files: string[]) {
  for (const file of files) await fs.rm(file, { force: true });
}

/** The renames reach the disk with the folder's own entry (where the platform allows opening a folder). */
async function syncFolder(folder: string) {
  if (process.platform === 'win32') return;
  const handle = await fs.open(folder, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}
