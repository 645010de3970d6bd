import { randomUUID } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { UnitLevel } from '@shared/domain/enums';
import { appVersion } from '../version';
import { keyfileBytesForBackup } from './keyfile';
import { backupExtension, snapshotPrefix, vietnamStamp, writeBackupContainer } from '../../formats/backupFile/container';

/** Where the registry's copy goes before a newer version migrates it; the schedule never prunes these. */
export function upgradeBackupFolder(databaseFile: string): string {
  return path.join(path.dirname(databaseFile), 'backups');
}

export function upgradeSnapshotFile(databaseFile: string): string {
  return path.join(path.dirname(databaseFile), `${snapshotPrefix}${randomUUID()}.tmp`);
}

export interface UpgradeSnapshot {
  databaseFile: string;
  snapshot: string;
  fromVersion: number;
  registryId: string;
  keyfile: string;
  unit: { code: string; level: UnitLevel };
}

/**
 * Packs the copy taken just before the migration into an ordinary `.so86bak` named after the old
 * schema version, which the restore wizard takes like any backup. Should the disk refuse the
 * container, the encrypted copy itself is kept in the backups folder: nothing is lost either way.
 */
export async function keepUpgradeBackup(source: UpgradeSnapshot, now = new Date()): Promise<string> {
  const folder = upgradeBackupFolder(source.databaseFile);
  await fs.mkdir(folder, { recursive: true });
  const baseName = `so86_${source.unit.code}_${vietnamStamp(now, true)}_truoc-nang-cap-v${source.fromVersion}`;
  try {
    const file = path.join(folder, `${baseName}${backupExtension}`);
    const header = {
      createdAt: now.toISOString(),
      appVersion,
      registryId: source.registryId,
      unit: source.unit,
      schemaVersion: source.fromVersion,
    };
    await writeBackupContainer(file, {
      header,
      keyfileBytes: keyfileBytesForBackup(await fs.readFile(source.keyfile, 'utf8')),
      databaseFile: source.snapshot,
    });
    await fs.rm(source.snapshot, { force: true });
    return file;
  } catch {
    const file = path.join(folder, `${baseName}.db`);
    await fs.rename(source.snapshot, file);
    return file;
  }
}
