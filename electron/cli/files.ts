import { DomainError } from '../../shared/errors';
import { openGivenFile, readFailureOf } from '../services/formats/givenFile';
import { defaultLimits, MAX_CARD_BYTES } from '../services/formats/reportFiles';

/**
 * Reads a file the command was given, checking its size before reading a byte: a file over
 * `maximumBytes` is refused with `tooLarge` however large it is, so a 3 GB file costs nothing.
 */
export async function readGivenFile(
  file: string,
  maximumBytes: number,
  tooLarge: (size: number) => DomainError,
): Promise<Uint8Array> {
  const handle = await openGivenFile(file);
  try {
    const status = await handle.stat();
    if (status.size > maximumBytes) throw tooLarge(status.size);
    return new Uint8Array(await handle.readFile().catch((error: unknown) => Promise.reject(readFailureOf(error, file))));
  } finally {
    await handle.close();
  }
}

/** A report file (`.so86`), refused unread when larger than any package the format allows. */
export function readPackageFile(file: string): Promise<Uint8Array> {
  return readGivenFile(
    file,
    defaultLimits.maxPackageBytes,
    (size) => new DomainError('PKG_FILE_TOO_LARGE', { size, limit: defaultLimits.maxPackageBytes }),
  );
}

/** A key card, refused unread when larger than any card can be. */
export function readKeyCardFile(file: string): Promise<Uint8Array> {
  return readGivenFile(file, MAX_CARD_BYTES, () => new DomainError('PKG_CARD_MALFORMED'));
}

export { fileErrorOf } from '../services/formats/givenFile';
