import { open, stat, type FileHandle } from 'node:fs/promises';
import path from 'node:path';
import { DomainError } from '@shared/errors';

/**
 * The DomainError for a file the operating system would not give us: missing, a folder, or
 * not readable. Null for any other error, which stays unexpected.
 */
export function fileErrorOf(error: unknown): DomainError | null {
  const failure = error as NodeJS.ErrnoException;
  if (typeof failure?.code !== 'string' || typeof failure.path !== 'string') return null;
  const file = path.resolve(failure.path);
  if (failure.code === 'ENOENT' || failure.code === 'ENOTDIR') return new DomainError('FILE_NOT_FOUND', { file });
  if (failure.code === 'EISDIR') return new DomainError('FILE_IS_FOLDER', { file });
  if (failure.code === 'EACCES' || failure.code === 'EPERM' || failure.code === 'EBUSY')
    return new DomainError('FILE_UNREADABLE', { file });
  return null;
}

/**
 * What to tell about a failure while opening or reading a file someone named: a missing file or a
 * folder as such, and any other refusal of the operating system (no permission, a read error of
 * the disk) as `FILE_UNREADABLE`. An error that is not the system's is returned as it was.
 */
export function readFailureOf(error: unknown, file: string): unknown {
  const failure = error as NodeJS.ErrnoException;
  if (typeof failure?.code !== 'string' || typeof failure.syscall !== 'string') return error;
  return (
    fileErrorOf({ ...failure, code: failure.code, path: failure.path ?? file }) ??
    new DomainError('FILE_UNREADABLE', { file: path.resolve(file) })
  );
}

/**
 * Opens a file someone named, for reading. It is looked at first: a folder is refused as one, and
 * anything that is not a plain file (a pipe, a device) as unreadable, because opening a pipe waits
 * for a writer and a device may never end.
 */
export async function openGivenFile(file: string): Promise<FileHandle> {
  try {
    const status = await stat(file);
    if (status.isDirectory()) throw new DomainError('FILE_IS_FOLDER', { file: path.resolve(file) });
    if (!status.isFile()) throw new DomainError('FILE_UNREADABLE', { file: path.resolve(file) });
    return await open(file, 'r');
  } catch (error) {
    throw readFailureOf(error, file);
  }
}
