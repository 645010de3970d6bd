import { mkdtempSync, promises as fs } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { backupCalls } from '@shared/contract/backup';
import { DomainError } from '@shared/errors';
import { createBackup, restoreBackup, verifyBackup } from '../../domain/backup';
import { backupStatus, recordBackup, saveBackupSchedule } from '../backupSchedule';
import { backupFolderNow } from '../backupSchedule';
import { checkIntegrity } from '../../storage/registry/integrity';
import type { BackupProgress } from '../../domain/backup';
import type { JobProgress } from '../jobs';
import type { AppSession } from '../session';
import type { HandlerSet } from './types';

/**
 * A file that came from the renderer, in a private scratch folder for as long as `work` runs.
 * Backups are encrypted, so the scratch copy holds nothing readable either.
 */
async function withUploadedFile<Result>(
  upload: { fileName: string; contentBase64: string },
  work: (file: string) => Promise<Result>,
): Promise<Result> {
  const folder = mkdtempSync(path.join(tmpdir(), 'so86-upload-'));
  try {
    const file = path.join(folder, path.basename(upload.fileName.replace(/\\/g, '/')) || 'backup');
    await fs.writeFile(file, Buffer.from(upload.contentBase64, 'base64'), { mode: 0o600 });
    return await work(file);
  } finally {
    await fs.rm(folder, { recursive: true, force: true });
  }
}

/** A backup made on request: to the scheduled folder, or handed back as a download. */
async function makeBackup(session: AppSession, destination: 'download' | 'folder', report: JobProgress) {
  const registry = session.requireRegistry();
  const progress = { onProgress: ({ phase, done, total }: BackupProgress) => report(done, total, phase) };
  if (destination === 'folder') {
    const folder = await backupFolderNow(registry);
    const made = await createBackup(registry, { folder }, progress);
    recordBackup(registry, made, { folder, scheduled: false });
    return { fileName: made.fileName, bytes: made.bytes, createdAt: made.createdAt, folder };
  }
  // The browser (and, until it gets a folder picker, the window) saves the file where the person chooses.
  const scratch = mkdtempSync(path.join(tmpdir(), 'so86-download-'));
  try {
    const made = await createBackup(registry, { folder: scratch }, progress);
    const contentBase64 = (await fs.readFile(made.file)).toString('base64');
    recordBackup(registry, made, { folder: null, scheduled: false });
    return { fileName: made.fileName, bytes: made.bytes, createdAt: made.createdAt, folder: null, contentBase64 };
  } finally {
    await fs.rm(scratch, { recursive: true, force: true });
  }
}

export const backupHandlers: HandlerSet<keyof typeof backupCalls> = {
  'backup.status': (_input, { session }) => backupStatus(session),
  'backup.saveSchedule': (schedule, { session }) => saveBackupSchedule(session, schedule),
  'backup.create': ({ destination, jobId }, { session }) =>
    session.jobs.run(jobId, 'snapshot', (report) => makeBackup(session, destination, report)),
  'backup.inspect': ({ credentials, ...upload }, { session }) =>
    withUploadedFile(upload, (file) => verifyBackup(file, credentials ?? null, session.config.openOptions)),
  'backup.restore': ({ credentials, ...upload }, { session }) => {
    if (session.registry) throw new DomainError('BACKUP_SIGNED_IN');
    return withUploadedFile(upload, (file) =>
      restoreBackup(
        file,
        session.databaseFile,
        credentials,
        session.config.openOptions ? { openOptions: session.config.openOptions } : {},
      ),
    );
  },
  'backup.inspectFile': ({ file, credentials }, { session }) =>
    verifyBackup(path.resolve(file), credentials ?? null, session.config.openOptions),
  'backup.restoreFile': ({ file, credentials }, { session }) => {
    if (session.registry) throw new DomainError('BACKUP_SIGNED_IN');
    return restoreBackup(
      path.resolve(file),
      session.databaseFile,
      credentials,
      session.config.openOptions ? { openOptions: session.config.openOptions } : {},
    );
  },
  'integrity.status': (_input, { session }) => session.requireRegistry().openingCheck,
  'integrity.check': (_input, { session }) => checkIntegrity(session.requireRegistry().sqlite, 'full'),
};
