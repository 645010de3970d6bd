import { existsSync, promises as fs, rmSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { translateSqliteError, type OpenOptions } from '@db/connection';
import { eq } from 'drizzle-orm';
import type { BackupCredentials, BackupInspection, BackupSummary } from '@shared/contract/backup';
import type { Rekeyed } from '@shared/contract/users';
import type { UserRole } from '@shared/domain/enums';
import { DomainError } from '@shared/errors';
import { openRegistryDatabase, type RegistryDb } from '@db/connection';
import { users } from '@db/schema';
import { appendAudit, type Actor } from '../../storage/audit';
import {
  keyfilePathFor,
  parseRecoveryKey,
  readKeyfile,
  userLookup,
  writeKeyfile,
  type KeyfileContent,
} from '../../storage/registry/keyfile';
import { holdsOfficeKeys, openOfficeKeysWithPassword, openOfficeKeysWithRecovery } from '../../storage/registry/officeKeys';
import { rekeyOpenRegistry } from '../../storage/registry/registry';
import {
  checkBackupParts,
  extractBackupPart,
  readBackupLayout,
  vietnamStamp,
  type BackupHeader,
} from '../../formats/backupFile/container';
import { openExtractedBackup, summaryOf, unwrapDatabaseKey } from './verify';

export interface RestoreResult extends BackupInspection {
  /** Where the registry that was replaced now lives (open it with `--db`), or null when there was none. */
  keptAs: string | null;
  /** Accounts active in the backup that the live registry had disabled or no longer held: disabled in the restored registry. */
  disabledAccounts: string[];
  /** When one of them could open the backup, the restored registry was rekeyed: its new recovery key, shown once. */
  rekeyed: Rekeyed | null;
}

/** An account of the live registry, by its key-file lookup. */
interface LiveAccount {
  lookup: string;
  role: UserRole;
  active: boolean;
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
 *
 * The backup knows nothing of what happened after it was taken: over a live registry, the
 * accounts that registry disabled (or no longer holds) are disabled in the restored one before it
 * is moved into place, and since their passwords opened the backup's key, it is rekeyed
 * (`shutOutAccountsGoneFromLive`). The restore is audited in the restored registry.
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
  let settled: Pick<RestoreResult, 'disabledAccounts' | 'rekeyed'>;
  const staged = `${databaseFile}.restoring-${stamp}`;
  await fs.mkdir(path.dirname(databaseFile), { recursive: true });
  let opened;
  try {
    await extractBackupPart(file, layout, 'keyfile', keyfilePathFor(staged));
    await extractBackupPart(file, layout, 'database', staged);
    opened = await openExtractedBackup(staged, credentials, options.openOptions ?? {}, (lookup) => {
      if (live?.disabled.includes(lookup)) throw new DomainError('BACKUP_ACCOUNT_DISABLED');
    });
    const liveAccounts = live
      ? await requireLiveAdministrator(databaseFile, live, options.liveCredentials ?? credentials, options.openOptions ?? {})
      : null;
    settled = await settleRestoredRegistry(
      staged,
      credentials,
      summaryOf(file, layout),
      live && { disabled: live.disabled, accounts: liveAccounts },
      options.openOptions ?? {},
    );
  } catch (error) {
    await removeFiles([...registryFiles(staged), `${keyfilePathFor(staged)}.next`]);
    throw error;
  }
  const keptAs = await swapIn(staged, databaseFile, `${databaseFile}.before-restore-${stamp}`);
  return { summary: summaryOf(file, layout), opened, keptAs, ...settled };
}

/**
 * Opens the restored registry, still under its staged name, with the credentials that opened the
 * backup, and records the restore in its audit log. Over a live registry, every account active in
 * the backup that the live registry lists as disabled, or (when its database could be read) does
 * not hold as active, is disabled here too: its row, its key-file entry and its office-key wrapping,
 * as disabling an account does. If any of them had an entry in the backup's key file, it knew the
 * backup's registry key, so the restored registry is rekeyed the way disabling rekeys.
 */
async function settleRestoredRegistry(
  staged: string,
  credentials: BackupCredentials,
  summary: BackupSummary,
  live: { disabled: string[]; accounts: LiveAccount[] | null } | null,
  openOptions: OpenOptions,
): Promise<{ disabledAccounts: string[]; rekeyed: Rekeyed | null }> {
  const content = await readKeyfile(keyfilePathFor(staged));
  const { databaseKey, lookup } = await unwrapDatabaseKey(content, credentials);
  let handle;
  try {
    handle = openRegistryDatabase(staged, databaseKey, openOptions);
  } finally {
    databaseKey.fill(0);
  }
  try {
    const lookupOf = (username: string) => userLookup(content.registryId, username);
    const accounts = handle.db.select().from(users).all();
    const restorer = lookup === null ? null : (accounts.find((account) => lookupOf(account.username) === lookup) ?? null);
    const stillActive = (candidate: string) =>
      !live ||
      (!live.disabled.includes(candidate) &&
        (live.accounts?.some((account) => account.lookup === candidate && account.active) ?? true));
    const shutOut = accounts.filter((account) => account.active && !stillActive(lookupOf(account.username)));
    if (restorer && shutOut.includes(restorer)) throw new DomainError('BACKUP_ACCOUNT_DISABLED');
    const actor: Actor = restorer ? { userId: restorer.id, username: restorer.username } : { userId: null, username: null };
    const now = new Date().toISOString();
    handle.db.transaction((tx) => {
      const db = tx as unknown as RegistryDb;
      for (const account of shutOut) {
        db.update(users).set({ active: false, updatedAt: now }).where(eq(users.id, account.id)).run();
        appendAudit(db, actor, {
          action: 'user.update',
          entity: 'user',
          entityId: account.id,
          before: { active: true },
          after: { active: false },
        });
      }
      appendAudit(db, actor, {
        action: 'backup.restore',
        entity: 'backup',
        after: {
          fileName: summary.fileName,
          createdAt: summary.createdAt,
          overLiveRegistry: live !== null,
          disabledAccounts: shutOut.map((account) => account.username).join(', '),
        },
      });
    });
    const goneLookups = new Set([...shutOut.map((account) => lookupOf(account.username)), ...(live?.disabled ?? [])]);
    const knewTheKey =
      content.users.some((entry) => goneLookups.has(entry.lookup)) ||
      (content.officeKeys?.holders ?? []).some((holder) => goneLookups.has(holder.lookup));
    content.users = content.users.filter((entry) => !goneLookups.has(entry.lookup));
    if (content.officeKeys)
      content.officeKeys.holders = content.officeKeys.holders.filter((holder) => !goneLookups.has(holder.lookup));
    content.disabled = [...new Set([...content.disabled, ...goneLookups])];
    const disabledAccounts = shutOut.map((account) => account.username).sort();
    if (!knewTheKey) {
      await writeKeyfile(keyfilePathFor(staged), content);
      return { disabledAccounts, rekeyed: null };
    }
    const keyring =
      'recoveryKey' in credentials
        ? openOfficeKeysWithRecovery(content, parseRecoveryKey(credentials.recoveryKey)!)
        : restorer && holdsOfficeKeys(restorer.role)
          ? await openOfficeKeysWithPassword(content, restorer.username, credentials.password)
          : null;
    const { databaseKey: newKey, ...rekeyed } = await rekeyOpenRegistry(handle, staged, actor, content, keyring);
    newKey.fill(0);
    keyring?.officeKey.fill(0);
    return { disabledAccounts, rekeyed };
  } finally {
    handle.sqlite.close();
  }
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
 * live file is opened read-only, to read who that account is and which accounts it holds active;
 * nothing in it changes. Returns those accounts, or null when the live file cannot be read.
 */
async function requireLiveAdministrator(
  databaseFile: string,
  live: KeyfileContent,
  credentials: BackupCredentials,
  openOptions: OpenOptions,
): Promise<LiveAccount[] | null> {
  const opened = await unwrapDatabaseKey(live, credentials).catch((error: unknown) => {
    if (error instanceof DomainError && (error.code === 'WRONG_PASSWORD' || error.code === 'WRONG_RECOVERY_KEY'))
      throw new DomainError('BACKUP_NEEDS_ADMINISTRATOR');
    throw error;
  });
  // The read-only connection makes the log and its index if they are missing; they go again after, so a refusal leaves the folder as it was.
  const sideFiles = [`${databaseFile}-wal`, `${databaseFile}-shm`].filter((file) => !existsSync(file));
  let handle;
  try {
    handle = openRegistryDatabase(databaseFile, opened.databaseKey, { ...openOptions, readonly: true });
  } catch (error) {
    for (const file of sideFiles) rmSync(file, { force: true });
    // A damaged live file cannot tell who the account is; a password its key file accepts is then enough, which is what the restore is for.
    if (error instanceof DomainError && error.code === 'DATABASE_DAMAGED') return null;
    throw error;
  } finally {
    opened.databaseKey.fill(0);
  }
  try {
    const accounts = handle.db
      .select({ username: users.username, role: users.role, active: users.active })
      .from(users)
      .all()
      .map((account) => ({ lookup: userLookup(live.registryId, account.username), role: account.role, active: account.active }));
    if (opened.lookup !== null) {
      const account = accounts.find((candidate) => candidate.lookup === opened.lookup);
      if (!account?.active) throw new DomainError('BACKUP_ACCOUNT_DISABLED');
      if (account.role !== 'administrator') throw new DomainError('BACKUP_NEEDS_ADMINISTRATOR');
    }
    return accounts;
  } finally {
    handle.sqlite.close();
    for (const file of sideFiles) rmSync(file, { force: true });
  }
}

/** A backup of another registry does not replace this one by accident; a missing or damaged key file cannot tell, so it does not stand in the way. */
async function ensureSameRegistry(databaseFile: string, header: BackupHeader) {
  const current = await readKeyfile(keyfilePathFor(databaseFile)).catch(() => null);
  if (current && current.registryId !== header.registryId)
    throw new DomainError('BACKUP_OTHER_REGISTRY', { unit: header.unit.code });
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
