import { mkdtempSync, promises as fs } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { openRegistryDatabase, type OpenOptions, type OpenRegistry } from '@db/connection';
import { settings, units } from '@db/schema';
import type { BackupCredentials, BackupInspection, BackupSummary, OpenedBackup } from '@shared/contract/backup';
import { DomainError } from '@shared/errors';
import { verifyAuditChain } from '../../storage/audit';
import { checkIntegrity } from '../../storage/registry/integrity';
import { registryIdKey } from '../../storage/registry/registry';
import {
  findUserEntry,
  keyfilePathFor,
  parseRecoveryKey,
  readKeyfile,
  unwrapWithPassword,
  unwrapWithRecovery,
  type KeyfileContent,
} from '../../storage/registry/keyfile';
import { checkBackupParts, extractBackupPart, readBackupLayout, type BackupLayout } from '../../formats/backupFile/container';

export function summaryOf(file: string, layout: BackupLayout): BackupSummary {
  const { header } = layout;
  return {
    fileName: path.basename(file),
    bytes: layout.fileBytes,
    createdAt: header.createdAt,
    appVersion: header.appVersion,
    unitCode: header.unit.code,
    unitLevel: header.unit.level,
    schemaVersion: header.schemaVersion,
  };
}

/**
 * Checks a backup file. Without credentials: its structure and every hash, which needs no
 * password. With a password or the recovery key: also that it opens, that SQLite's full
 * integrity check passes and whether its audit chain is intact — on a copy in a scratch folder,
 * which stays encrypted like the backup itself.
 */
export async function verifyBackup(
  file: string,
  credentials: BackupCredentials | null = null,
  options: OpenOptions = {},
): Promise<BackupInspection> {
  const layout = await readBackupLayout(file);
  await checkBackupParts(file, layout);
  if (!credentials) return { summary: summaryOf(file, layout), opened: null };
  const scratch = mkdtempSync(path.join(tmpdir(), 'so86-verify-'));
  try {
    const databaseFile = path.join(scratch, 'so86.db');
    await extractBackupPart(file, layout, 'keyfile', keyfilePathFor(databaseFile));
    await extractBackupPart(file, layout, 'database', databaseFile);
    return { summary: summaryOf(file, layout), opened: await openExtractedBackup(databaseFile, credentials, options) };
  } finally {
    await fs.rm(scratch, { recursive: true, force: true });
  }
}

/**
 * Opens an extracted backup with the credentials and checks it through and through; closes it
 * again. `refuseAccount` sees the key-file lookup of the account whose password opened it
 * before anything is read (a restore refuses disabled accounts there).
 */
export async function openExtractedBackup(
  databaseFile: string,
  credentials: BackupCredentials,
  options: OpenOptions,
  refuseAccount: (lookup: string) => void = () => undefined,
): Promise<OpenedBackup> {
  const content = await readKeyfile(keyfilePathFor(databaseFile));
  const { databaseKey, lookup } = await unwrapDatabaseKey(content, credentials);
  if (lookup) {
    try {
      refuseAccount(lookup);
    } catch (error) {
      databaseKey.fill(0);
      throw error;
    }
  }
  let handle: OpenRegistry;
  try {
    handle = openRegistryDatabase(databaseFile, databaseKey, options);
  } catch (error) {
    if (error instanceof DomainError && error.code === 'DATABASE_DAMAGED') throw new DomainError('BACKUP_UNREADABLE');
    throw error;
  } finally {
    databaseKey.fill(0);
  }
  try {
    const storedId = handle.db
      .select({ value: settings.value })
      .from(settings)
      .where(eq(settings.key, registryIdKey))
      .get()?.value;
    const integrity = checkIntegrity(handle.sqlite, 'full');
    if (storedId !== content.registryId || !integrity.ok) throw new DomainError('BACKUP_UNREADABLE');
    const unit = handle.db.select().from(units).where(eq(units.isSelf, true)).get();
    if (!unit) throw new DomainError('BACKUP_UNREADABLE');
    const count = (table: string) => (handle.sqlite.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
    return {
      unitName: unit.name,
      counts: { members: count('members'), trips: count('trips'), users: count('users'), auditRows: count('audit_log') },
      integrity,
      auditChainIntact: verifyAuditChain(handle).ok,
    };
  } finally {
    handle.sqlite.close();
  }
}

/** The registry key the credentials open, and with a password, which account's entry opened it. */
export async function unwrapDatabaseKey(
  content: KeyfileContent,
  credentials: BackupCredentials,
): Promise<{ databaseKey: Buffer; lookup: string | null }> {
  if ('recoveryKey' in credentials) {
    const recoveryBytes = parseRecoveryKey(credentials.recoveryKey);
    const key = recoveryBytes && unwrapWithRecovery(content, recoveryBytes);
    if (!key) throw new DomainError('WRONG_RECOVERY_KEY');
    return { databaseKey: key, lookup: null };
  }
  const entries = credentials.username
    ? [findUserEntry(content, credentials.username)].filter((entry) => entry !== undefined)
    : content.users;
  for (const entry of entries) {
    const key = await unwrapWithPassword(content, entry, credentials.password);
    if (key) return { databaseKey: key, lookup: entry.lookup };
  }
  throw new DomainError('WRONG_PASSWORD');
}
