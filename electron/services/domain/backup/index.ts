export { backupFileName, createBackup, type BackupProgress, type BackupResult, type BackupTarget } from './create';
export { backupExtension } from '../../formats/backupFile/container';
export { restoreBackup, type RestoreResult } from './restore';
export { verifyBackup } from './verify';
