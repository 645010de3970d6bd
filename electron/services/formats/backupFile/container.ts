import { createHash } from 'node:crypto';
import { createReadStream, promises as fs } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { canonicalJson } from '@shared/canonicalJson';
import { UnitLevel } from '@shared/domain/enums';
import { Instant } from '@shared/domain/primitives';
import { DomainError } from '@shared/errors';
import { openGivenFile, readFailureOf } from '../givenFile';

/*
 * A backup file (`.so86bak`) bundles the encrypted registry and its key file, so one file on a
 * USB drive is enough to restore. Layout (integers big-endian; see docs/formats/backup-file.md):
 *
 *   0      8  magic          89 53 38 36 42 0D 0A 1A  ("\x89S86B\r\n\x1A")
 *   8      2  formatVersion  u16, = 1
 *   10     4  headerLength   u32, H, 1 ≤ H ≤ 65,536
 *   14     H  header         canonical JSON: who, when, and the size and SHA-256 of each part
 *   14+H  32  headerSha256   SHA-256 of the H header bytes
 *   46+H      key file       exactly header.keyfile.bytes bytes, as stored beside the registry but without the unit's name
 *   …         database       exactly header.database.bytes bytes, SQLCipher pages as on disk
 *   end of file: nothing follows the database.
 *
 * Every byte is covered by a hash, so a bad USB sector or a truncated copy is found without the
 * password; the database itself stays encrypted with the registry's own key.
 */

export const backupExtension = '.so86bak';
export const backupFormatVersion = 1;
/** The encrypted copy of the registry, beside it, that a backup or an upgrade packs into a container. */
export const snapshotPrefix = '.so86-snapshot-';

const vietnamOffsetMs = 7 * 3_600_000;

/** `2026-05-03_1407` (or with seconds) in Vietnam's time, the way people read the dates of their files. */
export function vietnamStamp(at: Date, withSeconds = false): string {
  const iso = new Date(at.getTime() + vietnamOffsetMs).toISOString();
  return `${iso.slice(0, 10)}_${iso.slice(11, 13)}${iso.slice(14, 16)}${withSeconds ? iso.slice(17, 19) : ''}`;
}

const magic = Buffer.from([0x89, 0x53, 0x38, 0x36, 0x42, 0x0d, 0x0a, 0x1a]);
const fixedPrefixBytes = magic.length + 2 + 4;
const headerHashBytes = 32;
const maximumHeaderBytes = 65_536;
const maximumKeyfileBytes = 1024 * 1024;

const Sha256 = z.string().regex(/^[0-9a-f]{64}$/);
const Part = z.strictObject({ bytes: z.number().int().min(1), sha256: Sha256 });

export const BackupHeader = z.strictObject({
  format: z.literal('so86-backup'),
  createdAt: Instant,
  appVersion: z.string().max(64),
  registryId: z.string().uuid(),
  unit: z.strictObject({ code: z.string().max(32), level: UnitLevel }),
  schemaVersion: z.number().int().min(0),
  keyfile: Part.extend({ bytes: z.number().int().min(1).max(maximumKeyfileBytes) }),
  database: Part,
});
export type BackupHeader = z.infer<typeof BackupHeader>;

export interface BackupLayout {
  header: BackupHeader;
  /** Where the key file's bytes start; the database follows them. */
  keyfileOffset: number;
  databaseOffset: number;
  fileBytes: number;
}

export type BackupPartName = 'keyfile' | 'database';

/** The SHA-256 of a file, or of a byte range of it, read as a stream. */
export async function sha256OfFile(file: string, range: { start: number; bytes: number } | null = null): Promise<string> {
  const hash = createHash('sha256');
  if (range && range.bytes === 0) return hash.digest('hex');
  const stream = createReadStream(file, range ? { start: range.start, end: range.start + range.bytes - 1 } : {});
  for await (const chunk of stream) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

function damaged(file: string): DomainError {
  return new DomainError('BACKUP_DAMAGED', { file: path.basename(file) });
}

/** Reads and checks the fixed prefix and the header; the parts are checked by `checkBackupParts`. */
export async function readBackupLayout(file: string): Promise<BackupLayout> {
  let handle: fs.FileHandle;
  try {
    handle = await openGivenFile(file);
  } catch (error) {
    if (error instanceof DomainError && error.code === 'FILE_NOT_FOUND')
      throw new DomainError('BACKUP_NOT_FOUND', { file: path.basename(file) });
    throw error;
  }
  try {
    return await layoutOf(file, handle);
  } catch (error) {
    throw readFailureOf(error, file);
  } finally {
    await handle.close();
  }
}

async function layoutOf(file: string, handle: fs.FileHandle): Promise<BackupLayout> {
  const { size } = await handle.stat();
  const prefix = Buffer.alloc(fixedPrefixBytes);
  const { bytesRead } = await handle.read(prefix, 0, fixedPrefixBytes, 0);
  if (bytesRead < magic.length || !prefix.subarray(0, magic.length).equals(magic))
    throw new DomainError('BACKUP_NOT_A_BACKUP', { file: path.basename(file) });
  if (bytesRead < fixedPrefixBytes) throw damaged(file);
  const formatVersion = prefix.readUInt16BE(magic.length);
  if (formatVersion > backupFormatVersion) throw new DomainError('BACKUP_TOO_NEW', { file: path.basename(file) });
  if (formatVersion !== backupFormatVersion) throw damaged(file);
  const headerLength = prefix.readUInt32BE(magic.length + 2);
  if (headerLength < 1 || headerLength > maximumHeaderBytes || fixedPrefixBytes + headerLength + headerHashBytes > size)
    throw damaged(file);
  const headerAndHash = Buffer.alloc(headerLength + headerHashBytes);
  await handle.read(headerAndHash, 0, headerAndHash.length, fixedPrefixBytes);
  const headerBytes = headerAndHash.subarray(0, headerLength);
  if (!createHash('sha256').update(headerBytes).digest().equals(headerAndHash.subarray(headerLength))) throw damaged(file);
  let header: BackupHeader;
  try {
    header = BackupHeader.parse(JSON.parse(headerBytes.toString('utf8')));
  } catch {
    throw damaged(file);
  }
  const keyfileOffset = fixedPrefixBytes + headerLength + headerHashBytes;
  const databaseOffset = keyfileOffset + header.keyfile.bytes;
  if (databaseOffset + header.database.bytes !== size) throw damaged(file);
  return { header, keyfileOffset, databaseOffset, fileBytes: size };
}

/** Hashes both parts against the header: every byte of the file is then accounted for. */
export async function checkBackupParts(file: string, layout: BackupLayout): Promise<void> {
  const hashOf = (start: number, bytes: number) =>
    sha256OfFile(file, { start, bytes }).catch((error: unknown) => Promise.reject(readFailureOf(error, file)));
  const keyfileHash = await hashOf(layout.keyfileOffset, layout.header.keyfile.bytes);
  const databaseHash = await hashOf(layout.databaseOffset, layout.header.database.bytes);
  if (keyfileHash !== layout.header.keyfile.sha256 || databaseHash !== layout.header.database.sha256) throw damaged(file);
}

/** Copies one part out of the backup into its own file (flushed), hashing it on the way. */
export async function extractBackupPart(file: string, layout: BackupLayout, part: BackupPartName, target: string): Promise<void> {
  const start = part === 'keyfile' ? layout.keyfileOffset : layout.databaseOffset;
  const expected = layout.header[part];
  const hash = createHash('sha256');
  const output = await fs.open(target, 'wx', 0o600);
  try {
    for await (const chunk of createReadStream(file, { start, end: start + expected.bytes - 1 })) {
      hash.update(chunk as Buffer);
      await output.write(chunk as Buffer);
    }
    await output.sync();
  } finally {
    await output.close();
  }
  if (hash.digest('hex') !== expected.sha256) throw damaged(file);
}

/** Reads one part into memory: only the key file, which is small. */
export async function readKeyfilePart(file: string, layout: BackupLayout): Promise<Buffer> {
  const handle = await fs.open(file, 'r');
  try {
    const bytes = Buffer.alloc(layout.header.keyfile.bytes);
    await handle.read(bytes, 0, bytes.length, layout.keyfileOffset);
    return bytes;
  } finally {
    await handle.close();
  }
}

export interface BackupSources {
  header: Omit<BackupHeader, 'format' | 'keyfile' | 'database'>;
  keyfileBytes: Buffer;
  databaseFile: string;
}

/**
 * Writes the container to `target` through a `.partial` file that is flushed and renamed, so
 * the folder never holds half a backup under the final name. Reports the bytes written.
 */
export async function writeBackupContainer(
  target: string,
  sources: BackupSources,
  onBytes: (done: number, total: number) => void = () => undefined,
): Promise<number> {
  const databaseBytes = (await fs.stat(sources.databaseFile)).size;
  const header: BackupHeader = BackupHeader.parse({
    ...sources.header,
    format: 'so86-backup',
    keyfile: { bytes: sources.keyfileBytes.length, sha256: createHash('sha256').update(sources.keyfileBytes).digest('hex') },
    database: { bytes: databaseBytes, sha256: await sha256OfFile(sources.databaseFile) },
  });
  const headerBytes = Buffer.from(canonicalJson(header), 'utf8');
  const prefix = Buffer.alloc(fixedPrefixBytes);
  magic.copy(prefix, 0);
  prefix.writeUInt16BE(backupFormatVersion, magic.length);
  prefix.writeUInt32BE(headerBytes.length, magic.length + 2);
  const headerHash = createHash('sha256').update(headerBytes).digest();
  const total = fixedPrefixBytes + headerBytes.length + headerHashBytes + sources.keyfileBytes.length + databaseBytes;

  const partial = `${target}.partial`;
  const output = await fs.open(partial, 'w', 0o600);
  try {
    let done = 0;
    for (const piece of [prefix, headerBytes, headerHash, sources.keyfileBytes]) {
      await output.write(piece);
      done += piece.length;
    }
    for await (const chunk of createReadStream(sources.databaseFile)) {
      await output.write(chunk as Buffer);
      done += (chunk as Buffer).length;
      onBytes(done, total);
    }
    await output.sync();
  } catch (error) {
    await output.close();
    await fs.rm(partial, { force: true });
    throw error;
  }
  await output.close();
  await fs.rename(partial, target);
  return total;
}
