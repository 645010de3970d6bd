import { existsSync, promises as fs, rmSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { translateSqliteError, type OpenOptions } from '@db/connection';
import type { BackupCredentials, BackupInspection } from '@shared/contract/backup';
import { DomainError } from '@shared/errors';
import { openRegistryDatabase } from '@db/connection';
import { users } from '@db/schema';
import { keyfilePathFor, readKeyfile, userLookup, type KeyfileContent } from '../../storage/registry/keyfile';
import { checkBackupParts, extractBackupPart, readBackupLayout, vietnamStamp, type BackupHeader } from '../../formats/backupFile/container';
import { openExtractedBackup, summaryOf, unwrapDatabaseKey } from './verify';

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
 *
 * Over a live registry, the backup must not be opened with the password of an account the live
 * registry has disabled, and the person must be an administrator of the live registry or hold
 * its current recovery key (`liveCredentials`, by default the same credentials). On a new PC
 * there is no live registry, and the backup's own credentials are enough.
 */
export async function restoreBackup(
  file: string,
  databaseFile: string,
  credentials: BackupCredentials,
  options: { openOptions?: OpenOptions; now?: Date; liveCredentials?: BackupCredentials } = {},
): Promise<RestoreResult> {
  const layout = await readBackupLayout(file);
  await checkBackupParts(file, layout);
  ensureNotInUse(databaseFile);
  await ensureSameRegistry(databaseFile, layout.header);
  const live = existsSync(databaseFile) ? await readKeyfile(keyfilePathFor(databaseFile)).catch(() => null) : null;

  const stamp = vietnamStamp(options.now ?? new Date(), true);
  const staged = `${databaseFile}.restoring-${stamp}`;
  await fs.mkdir(path.dirname(databaseFile), { recursive: true });
  let opened;
  try {
    await extractBackupPart(file, layout, 'keyfile', keyfilePathFor(staged));
    await extractBackupPart(file, layout, 'database', staged);
    opened = await openExtractedBackup(staged, credentials, options.openOptions ?? {}, (lookup) => {
      if (live?.disabled.includes(lookup)) throw new DomainError('BACKUP_ACCOUNT_DISABLED');
    });
    if (live) await requireLiveAdministrator(databaseFile, live, options.liveCredentials ?? credentials, options.openOptions ?? {});
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
function ensureNotInUse(databaseFile: string) {
  if (!existsSync(databaseFile)) return;
  const sharedMemory = `${databaseFile}-shm`;
  const sharedMemoryExisted = existsSync(sharedMemory);
  const probe = new Database(databaseFile, { readonly: true, fileMustExist: true });
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

/**
 * The live registry's recovery key, or the password of one of its active administrators. The
 * live file is opened read-only, only to read who that account is; nothing in it changes.
 */
async function requireLiveAdministrator(databaseFile: string, live: KeyfileContent, credentials: BackupCredentials, openOptions: OpenOptions): Promise<void> {
  const opened = await unwrapDatabaseKey(live, credentials).catch((error: unknown) => {
    if (error instanceof DomainError && (error.code === 'WRONG_PASSWORD' || error.code === 'WRONG_RECOVERY_KEY')) throw new DomainError('BACKUP_NEEDS_ADMINISTRATOR');
    throw error;
  });
  if (opened.lookup === null) {
    opened.databaseKey.fill(0);
    return;
  }
  // The read-only connection makes the log and its index if they are missing; they go again after, so a refusal leaves the folder as it was.
  const sideFiles = [`${databaseFile}-wal`, `${databaseFile}-shm`].filter((file) => !existsSync(file));
  let handle;
  try {
    handle = openRegistryDatabase(databaseFile, opened.databaseKey, { ...openOptions, readonly: true });
  } catch (error) {
    for (const file of sideFiles) rmSync(file, { force: true });
    // A damaged live file cannot tell who the account is; a password its key file accepts is then enough, which is what the restore is for.
    if (error instanceof DomainError && error.code === 'DATABASE_DAMAGED') return;
    throw error;
  } finally {
    opened.databaseKey.fill(0);
  }
  try {
    const account = handle.db
      .select({ username: users.username, role: users.role, active: users.active })
      .from(users)
      .all()
      .find((candidate) => userLookup(live.registryId, candidate.username) === opened.lookup);
    if (!account?.active) throw new DomainError('BACKUP_ACCOUNT_DISABLED');
    if (account.role !== 'administrator') throw new DomainError('BACKUP_NEEDS_ADMINISTRATOR');
  } finally {
    handle.sqlite.close();
    for (const file of sideFiles) rmSync(file, { force: true });
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
