import { z } from 'zod';
import { UnitLevel } from '../domain/enums';
import { Instant, requiredText } from '../domain/primitives';
import { administrators, everyone, publicCall, readCall, writeCall } from './define';
import { Rekeyed } from './users';

/** Daily backups while the registry is open: where to, and how many to keep. */
export const BackupSchedule = z.strictObject({
  enabled: z.boolean(),
  /** A folder or a USB drive; null means the `backups` folder beside the registry file. */
  folder: z.string().trim().min(1).max(1000).nullable(),
  keep: z.number().int().min(1).max(365),
});
export type BackupSchedule = z.infer<typeof BackupSchedule>;
export const defaultBackupSchedule: BackupSchedule = { enabled: true, folder: null, keep: 7 };

export const LastBackup = z.object({
  at: Instant,
  fileName: z.string(),
  /** Null when the file was handed to the person as a download. */
  folder: z.string().nullable(),
  bytes: z.number().int(),
  scheduled: z.boolean(),
});
export type LastBackup = z.infer<typeof LastBackup>;

export const IntegrityVerdict = z.object({
  depth: z.enum(['quick', 'full']),
  ok: z.boolean(),
  problems: z.array(z.string()),
  milliseconds: z.number().int(),
  pages: z.number().int(),
  checkedAt: Instant,
});
export type IntegrityVerdict = z.infer<typeof IntegrityVerdict>;

export const BackupStatus = z.object({
  last: LastBackup.nullable(),
  schedule: BackupSchedule,
  /** The folder scheduled backups go to, with the default spelled out. */
  scheduleFolder: z.string(),
  /** Worded by the reader, like every error (shared/errors.ts). */
  lastScheduledFailure: z
    .object({ at: Instant, code: z.string(), params: z.record(z.string(), z.union([z.string(), z.number()])) })
    .nullable(),
});
export type BackupStatus = z.infer<typeof BackupStatus>;

export const BackupMade = z.object({
  fileName: z.string(),
  bytes: z.number().int(),
  createdAt: Instant,
  folder: z.string().nullable(),
  /** Only for a download. */
  contentBase64: z.string().optional(),
});

/** What proves the right to open the backup: a password of one of its accounts, or its recovery key. */
export const BackupCredentials = z.union([
  z.strictObject({ password: z.string().min(1).max(256), username: z.string().max(64).optional() }),
  z.strictObject({ recoveryKey: z.string().min(1).max(128) }),
]);
export type BackupCredentials = z.infer<typeof BackupCredentials>;

/** Backups bigger than this are restored with the command line (`so86 restore`). */
export const maximumUploadedBackupBytes = 50 * 1024 * 1024;
const BackupFile = {
  fileName: requiredText(260),
  contentBase64: z.string().max(Math.ceil(maximumUploadedBackupBytes / 3) * 4, { message: 'backup.tooLarge' }),
};

export const BackupSummary = z.object({
  fileName: z.string(),
  bytes: z.number().int(),
  createdAt: Instant,
  appVersion: z.string(),
  unitCode: z.string(),
  unitLevel: UnitLevel,
  schemaVersion: z.number().int(),
});
export type BackupSummary = z.infer<typeof BackupSummary>;

export const OpenedBackup = z.object({
  unitName: z.string(),
  counts: z.object({ members: z.number().int(), trips: z.number().int(), users: z.number().int(), auditRows: z.number().int() }),
  integrity: IntegrityVerdict,
  auditChainIntact: z.boolean(),
});
export type OpenedBackup = z.infer<typeof OpenedBackup>;

export const BackupInspection = z.object({ summary: BackupSummary, opened: OpenedBackup.nullable() });
export type BackupInspection = z.infer<typeof BackupInspection>;

/**
 * After a restore: where the replaced registry was kept, the accounts disabled because the live
 * registry had disabled them, and, when one of them could open the backup, the new recovery key of
 * the rekeyed registry (shown once and confirmed, as after any rekey).
 */
export const RestoredBackup = BackupInspection.extend({
  keptAs: z.string().nullable(),
  disabledAccounts: z.array(z.string()),
  rekeyed: Rekeyed.nullable(),
});
export type RestoredBackup = z.infer<typeof RestoredBackup>;

export const backupCalls = {
  'backup.status': readCall(z.strictObject({}), BackupStatus, administrators),
  'backup.saveSchedule': writeCall(BackupSchedule, BackupStatus, administrators),
  'backup.create': writeCall(
    z.strictObject({ destination: z.enum(['download', 'folder']), jobId: z.string().max(64).optional() }),
    BackupMade,
    administrators,
  ),
  /** Public: the restore wizard runs at the sign-in screen, when the registry may not open at all. */
  'backup.inspect': publicCall(z.strictObject({ ...BackupFile, credentials: BackupCredentials.optional() }), BackupInspection),
  'backup.restore': publicCall(z.strictObject({ ...BackupFile, credentials: BackupCredentials }), RestoredBackup),
  /** The same two for a backup file on this computer, of any size (the command line). */
  'backup.inspectFile': publicCall(
    z.strictObject({ file: requiredText(1000), credentials: BackupCredentials.optional() }),
    BackupInspection,
  ),
  'backup.restoreFile': publicCall(z.strictObject({ file: requiredText(1000), credentials: BackupCredentials }), RestoredBackup),
  /** The check made when the registry opened; null while it still runs. */
  'integrity.status': readCall(z.strictObject({}), IntegrityVerdict.nullable(), everyone),
  'integrity.check': readCall(z.strictObject({}), IntegrityVerdict, administrators),
} as const;
