import { randomUUID } from 'node:crypto';
import { existsSync, promises as fs } from 'node:fs';
import path from 'node:path';
import { translateSqliteError } from '@db/connection';
import { DomainError } from '@shared/errors';
import { appVersion } from '../../storage/version';
import { checkIntegrity } from '../../storage/registry/integrity';
import { keyfileBytesForBackup } from '../../storage/registry/keyfile';
import type { Registry } from '../../storage/registry/registry';
import {
  backupExtension,
  checkBackupParts,
  readBackupLayout,
  snapshotPrefix,
  vietnamStamp,
  writeBackupContainer,
} from '../../formats/backupFile/container';

export type BackupPhase = 'snapshot' | 'checking' | 'writing' | 'verifying';
export interface BackupProgress {
  phase: BackupPhase;
  done: number;
  total: number;
}
export type BackupProgressListener = (progress: BackupProgress) => void;

export type BackupTarget = { folder: string } | { file: string };

export interface BackupResult {
  file: string;
  fileName: string;
  bytes: number;
  createdAt: string;
  unitCode: string;
}

/** `so86_<unit>_<YYYY-MM-DD_HHmm>.so86bak`: sorts by time within a unit's folder. */
export function backupFileName(unitCode: string, at: Date): string {
  return `so86_${unitCode}_${vietnamStamp(at)}${backupExtension}`;
}

const staleSnapshotMs = 3_600_000;

/**
 * Takes a consistent copy of the open registry with `VACUUM INTO`: SQLite3 Multiple Ciphers
 * writes the copy through the main database's own cipher and key, page by page, so no
 * plaintext ever reaches the disk. (`db.backup()` refuses an unkeyed target, and a keyed one
 * cannot be named through better-sqlite3; `backup.test.ts` proves both.) The copy is then
 * checked through an ATTACH that inherits the same key, packed with the key file into one
 * `.so86bak` file, and read back from the target to check every hash.
 */
export async function createBackup(
  registry: Registry,
  target: BackupTarget,
  options: { now?: Date; onProgress?: BackupProgressListener } = {},
): Promise<BackupResult> {
  const now = options.now ?? new Date();
  const report = options.onProgress ?? (() => undefined);
  const unit = registry.ownUnit();
  // The backup's copy of the key file carries the audit anchor, sealed up to now in a key holder's session.
  await registry.sealAuditAnchor();
  const file = await targetFile(target, unit.code, now);
  const registryFolder = path.dirname(registry.databaseFile);
  await removeStaleSnapshots(registryFolder, now);
  const snapshot = path.join(registryFolder, `${snapshotPrefix}${randomUUID()}.tmp`);
  try {
    report({ phase: 'snapshot', done: 0, total: 1 });
    // The session may have locked while the folders were looked at.
    if (!registry.sqlite.open) throw new DomainError('LOCKED');
    try {
      registry.sqlite.prepare('VACUUM INTO ?').run(snapshot);
    } catch (error) {
      throw translateSqliteError(error);
    }
    report({ phase: 'checking', done: 0, total: 1 });
    checkSnapshot(registry, snapshot);
    const keyfileBytes = keyfileBytesForBackup(await fs.readFile(registry.keyfile, 'utf8'));
    const header = {
      createdAt: now.toISOString(),
      appVersion,
      registryId: registry.registryId,
      unit: { code: unit.code, level: unit.level },
      schemaVersion: registry.schemaVersion,
    };
    const bytes = await writeBackupContainer(file, { header, keyfileBytes, databaseFile: snapshot }, (done, total) =>
      report({ phase: 'writing', done, total }),
    );
    report({ phase: 'verifying', done: 0, total: 1 });
    await checkBackupParts(file, await readBackupLayout(file));
    return { file, fileName: path.basename(file), bytes, createdAt: header.createdAt, unitCode: unit.code };
  } finally {
    await fs.rm(snapshot, { force: true });
  }
}

/** The copy must open with the registry's own key and pass the quick check before it is packed. */
function checkSnapshot(registry: Registry, snapshot: string) {
  const schema = 'backup_snapshot';
  // Without KEY, the attached file gets the main database's cipher and key.
  registry.sqlite.prepare(`ATTACH ? AS ${schema}`).run(snapshot);
  try {
    if (!checkIntegrity(registry.sqlite, 'quick', schema).ok) throw new DomainError('DATABASE_DAMAGED');
  } finally {
    registry.sqlite.exec(`DETACH ${schema}`);
  }
}

async function targetFile(target: BackupTarget, unitCode: string, now: Date): Promise<string> {
  if ('file' in target) {
    const file = path.resolve(target.file);
    await requireFolder(path.dirname(file));
    return file;
  }
  const folder = path.resolve(target.folder);
  await requireFolder(folder);
  const name = backupFileName(unitCode, now);
  let candidate = path.join(folder, name);
  for (let suffix = 2; existsSync(candidate); suffix += 1)
    candidate = path.join(folder, name.replace(backupExtension, `-${suffix}${backupExtension}`));
  return candidate;
}

async function requireFolder(folder: string) {
  const isFolder = await fs.stat(folder).then(
    (stats) => stats.isDirectory(),
    () => false,
  );
  if (!isFolder) throw new DomainError('BACKUP_FOLDER_UNAVAILABLE', { folder });
}

/** Snapshots left by a backup that was cut off (the PC switched off at the wall); they are encrypted, but they take room. */
async function removeStaleSnapshots(folder: string, now: Date) {
  for (const name of await fs.readdir(folder)) {
    if (!name.startsWith(snapshotPrefix)) continue;
    const file = path.join(folder, name);
    const { mtimeMs } = await fs.stat(file);
    if (now.getTime() - mtimeMs > staleSnapshotMs) await fs.rm(file, { force: true });
  }
}
