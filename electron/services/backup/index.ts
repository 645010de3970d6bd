export { backupFileName, createBackup, type BackupProgress, type BackupResult, type BackupTarget } from './create';
export { backupExtension } from './format';
export { restoreBackup, type RestoreResult } from './restore';
export { backupDue, backupStatus, pruneBackups, recordBackup, runScheduledBackup, saveBackupSchedule, startBackupSchedule } from './schedule';
export { verifyBackup } from './verify';
