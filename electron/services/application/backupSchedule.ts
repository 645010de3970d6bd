import { promises as fs } from 'node:fs';
import path from 'node:path';
import { settings } from '@db/schema';
import type { BackupSchedule, BackupStatus, LastBackup } from '@shared/contract/backup';
import { DomainError } from '@shared/errors';
import type { MessageParams } from '@shared/i18n';
import { appendAudit } from '../storage/audit';
import type { Registry } from '../storage/registry/registry';
import type { AppSession } from './session';
import { backupScheduleSetting, lastBackupSetting, readSetting, writeSetting } from '../storage/settings';
import { createBackup, type BackupResult } from '../domain/backup/create';
import { backupExtension } from '../formats/backupFile/container';

const dayMs = 86_400_000;

/** Whether a scheduled backup is due: the schedule is on and the last backup is a day old or more (or there is none). */
export function backupDue(lastBackupAt: string | null, now: Date, schedule: BackupSchedule): boolean {
  if (!schedule.enabled) return false;
  if (lastBackupAt === null) return true;
  const last = Date.parse(lastBackupAt);
  // A clock put back makes the last backup look as if it were still to come: back up rather than wait.
  return Number.isNaN(last) || last > now.getTime() || now.getTime() - last >= dayMs;
}

/** Where scheduled backups go: the chosen folder, or `backups` beside the registry file. */
export function scheduleFolder(databaseFile: string, schedule: BackupSchedule): string {
  return schedule.folder ?? path.join(path.dirname(databaseFile), 'backups');
}

/** The folder to back up into now: the default one is made when missing; a chosen one (a USB drive) must be there. */
export async function backupFolderNow(registry: Registry): Promise<string> {
  const schedule = readSetting(registry.db, backupScheduleSetting);
  const folder = scheduleFolder(registry.databaseFile, schedule);
  if (schedule.folder === null) await fs.mkdir(folder, { recursive: true });
  return folder;
}

/** The last backup and its audit row, written together. */
export function recordBackup(
  registry: Registry,
  result: BackupResult,
  where: { folder: string | null; scheduled: boolean },
): void {
  const last: LastBackup = {
    at: result.createdAt,
    fileName: result.fileName,
    folder: where.folder,
    bytes: result.bytes,
    scheduled: where.scheduled,
  };
  registry.write((db) => {
    db.insert(settings)
      .values({ key: lastBackupSetting.key, value: last, updatedAt: result.createdAt })
      .onConflictDoUpdate({ target: settings.key, set: { value: last, updatedAt: result.createdAt } })
      .run();
    appendAudit(db, registry.actor, { action: 'backup.create', entity: 'backup', after: last });
  });
}

const running = new WeakSet<AppSession>();
const failures = new WeakMap<AppSession, { at: string; error: unknown }>();

/**
 * What the session host calls every few minutes: makes the daily backup when one is due and the
 * registry is open, then keeps only the newest `keep` backups of this unit in the folder. A
 * failure (the USB drive not plugged in) is logged and shown in Settings; the next call tries again.
 */
export async function runScheduledBackup(session: AppSession, now = new Date()): Promise<BackupResult | null> {
  const registry = session.registry;
  // The training registry's records are made up: they are not worth a backup beside the real ones.
  if (!registry || session.training || running.has(session)) return null;
  const schedule = readSetting(registry.db, backupScheduleSetting);
  if (!backupDue(readSetting(registry.db, lastBackupSetting)?.at ?? null, now, schedule)) return null;
  running.add(session);
  try {
    const folder = await backupFolderNow(registry);
    const result = await createBackup(registry, { folder }, { now });
    if (session.registry === registry) recordBackup(registry, result, { folder, scheduled: true });
    await pruneBackups(folder, result.unitCode, schedule.keep);
    failures.delete(session);
    return result;
  } catch (error) {
    failures.set(session, { at: now.toISOString(), error });
    session.logger.error('Scheduled backup failed', error);
    return null;
  } finally {
    running.delete(session);
  }
}

/** Checks every `everyMs` whether the daily backup is due; returns the function that stops it. */
export function startBackupSchedule(session: AppSession, everyMs = 5 * 60_000): () => void {
  const timer = setInterval(() => void runScheduledBackup(session), everyMs);
  timer.unref();
  return () => clearInterval(timer);
}

/** Deletes all but the newest `keep` backups of the unit in the folder; other files are never touched. */
export async function pruneBackups(folder: string, unitCode: string, keep: number): Promise<string[]> {
  const escaped = unitCode.replace(/[.*+?^${}()|[\]\\-]/g, '\\$&');
  const pattern = new RegExp(`^so86_${escaped}_(\\d{4}-\\d{2}-\\d{2}_\\d{4})(?:-(\\d+))?${backupExtension.replace('.', '\\.')}$`);
  const backups = (await fs.readdir(folder))
    .map((name) => ({ name, match: pattern.exec(name) }))
    .filter((entry): entry is { name: string; match: RegExpExecArray } => entry.match !== null)
    .map(({ name, match }) => ({ name, order: `${match[1]}#${(match[2] ?? '1').padStart(6, '0')}` }))
    .sort((a, b) => (a.order < b.order ? -1 : a.order > b.order ? 1 : 0));
  const removed = backups.slice(0, Math.max(0, backups.length - keep)).map((entry) => entry.name);
  for (const name of removed) await fs.rm(path.join(folder, name), { force: true });
  return removed;
}

export function backupStatus(session: AppSession): BackupStatus {
  const registry = session.requireRegistry();
  const schedule = readSetting(registry.db, backupScheduleSetting);
  const failure = failures.get(session);
  return {
    last: readSetting(registry.db, lastBackupSetting),
    schedule,
    scheduleFolder: scheduleFolder(registry.databaseFile, schedule),
    lastScheduledFailure: failure ? { at: failure.at, ...failureFacts(failure.error) } : null,
  };
}

export function saveBackupSchedule(session: AppSession, schedule: BackupSchedule): BackupStatus {
  const registry = session.requireRegistry();
  registry.write((db) => writeSetting(db, registry.actor, backupScheduleSetting, schedule));
  return backupStatus(session);
}

function failureFacts(error: unknown): { code: string; params: MessageParams } {
  return error instanceof DomainError ? { code: error.code, params: error.params } : { code: 'INTERNAL', params: {} };
}
