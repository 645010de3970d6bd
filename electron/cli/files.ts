import { open } from 'node:fs/promises';
import path from 'node:path';
import { DomainError } from '../../shared/errors';
import { defaultLimits, MAX_CARD_BYTES } from '../services/formats/reportFiles';

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
  if (failure.code === 'EACCES' || failure.code === 'EPERM' || failure.code === 'EBUSY') return new DomainError('FILE_UNREADABLE', { file });
  return null;
}

/**
 * Reads a file the command was given, checking its size before reading a byte: a file over
 * `maximumBytes` is refused with `tooLarge` however large it is, so a 3 GB file costs nothing.
 */
export async function readGivenFile(file: string, maximumBytes: number, tooLarge: (size: number) => DomainError): Promise<Uint8Array> {
  let handle;
  try {
    handle = await open(file, 'r');
  } catch (error) {
    throw fileErrorOf(error) ?? error;
  }
  try {
    const status = await handle.stat();
    if (status.isDirectory()) throw new DomainError('FILE_IS_FOLDER', { file: path.resolve(file) });
    if (status.size > maximumBytes) throw tooLarge(status.size);
    return new Uint8Array(await handle.readFile());
  } finally {
    await handle.close();
  }
}

/** A report file (`.so86`), refused unread when larger than any package the format allows. */
export function readPackageFile(file: string): Promise<Uint8Array> {
  return readGivenFile(file, defaultLimits.maxPackageBytes, (size) => new DomainError('PKG_FILE_TOO_LARGE', { size, limit: defaultLimits.maxPackageBytes }));
}

/** A key card, refused unread when larger than any card can be. */
export function readKeyCardFile(file: string): Promise<Uint8Array> {
  return readGivenFile(file, MAX_CARD_BYTES, () => new DomainError('PKG_CARD_MALFORMED'));
}
