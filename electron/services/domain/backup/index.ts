export { backupFileName, createBackup, type BackupProgress, type BackupResult, type BackupTarget } from './create';
export { backupExtension } from '../../formats/backupFile/container';
export { restoreBackup, type RestoreResult } from './restore';
export { backupDue, backupStatus, pruneBackups, recordBackup, runScheduledBackup, saveBackupSchedule, startBackupSchedule } from '../../application/backupSchedule';
export { verifyBackup } from './verify';
