import { DomainError } from '@shared/errors';
import { concatBytes, decodeUtf8, displayName, utf8 } from './encoding';
import { SIGNATURE_BYTES } from './keys';

/** The version of the whole file: container layout, manifest fields and cryptography (docs/formats/report-file.md). */
/** Version 2 added the sender's audit anchor (`audit` in the manifest); version 1 files are still read. */
export const FORMAT_VERSION = 2;

/** `\x89 S O 8 6 \r \n \x1a`: the PNG trick — a transfer that mangles 8-bit bytes or line ends breaks the magic. */
export const MAGIC = Uint8Array.of(0x89, 0x53, 0x4f, 0x38, 0x36, 0x0d, 0x0a, 0x1a);

export const FILE_EXTENSION = '.so86';

export const packageKinds = ['report', 'request'] as const;
export type PackageKind = (typeof packageKinds)[number];

/** Every part name a package may hold, in the order a package stores them. */
export const partNames = [
  'report.json',
  'details.json',
  'request.json',
  'documents/report.docx',
  'documents/appendices.xlsx',
  'documents/report.pdf',
] as const;
export type PartName = (typeof partNames)[number];

export const partsByKind: Record<PackageKind, { required: readonly PartName[]; optional: readonly PartName[] }> = {
  report: {
    required: ['report.json'],
    optional: ['details.json', 'documents/report.docx', 'documents/appendices.xlsx', 'documents/report.pdf'],
  },
  request: { required: ['request.json'], optional: [] },
};

export function isPartName(name: string): name is PartName {
  return (partNames as readonly string[]).includes(name);
}

export function partAllowedFor(kind: PackageKind, name: string): name is PartName {
  const allowed = partsByKind[kind];
  return (allowed.required as readonly string[]).includes(name) || (allowed.optional as readonly string[]).includes(name);
}

export const MAX_PARTS = partNames.length;
export const MAX_PART_NAME_BYTES = 255;
export const MAX_U32 = 0xffff_ffff;

export interface PackageLimits {
  /** The whole file. */
  maxPackageBytes: number;
  /** The manifest's JSON. */
  maxManifestBytes: number;
  /** Any one part as stored (ciphertext and tag included). */
  maxPartBytes: number;
  /** Nesting of arrays and objects in a JSON part. */
  maxJsonDepth: number;
}

/**
 * A national report lists 3,321 units (about 0.5 MB of JSON); record-level details and the
 * rendered documents stay well under 64 MiB each. The limits stop a hostile file long before
 * memory is at risk on an ordinary office PC.
 */
export const defaultLimits: PackageLimits = {
  maxPackageBytes: 256 * 1024 * 1024,
  maxManifestBytes: 64 * 1024,
  maxPartBytes: 64 * 1024 * 1024,
  maxJsonDepth: 32,
};

export function resolveLimits(overrides: Partial<PackageLimits> = {}): PackageLimits {
  const pick = (value: number | undefined, fallback: number, ceiling: number) =>
    value !== undefined && Number.isSafeInteger(value) && value >= 0 ? Math.min(value, ceiling) : fallback;
  return {
    maxPackageBytes: pick(overrides.maxPackageBytes, defaultLimits.maxPackageBytes, Number.MAX_SAFE_INTEGER),
    maxManifestBytes: pick(overrides.maxManifestBytes, defaultLimits.maxManifestBytes, MAX_U32),
    maxPartBytes: pick(overrides.maxPartBytes, defaultLimits.maxPartBytes, MAX_U32),
    maxJsonDepth: pick(overrides.maxJsonDepth, defaultLimits.maxJsonDepth, 1000),
  };
}

const safeSegment = /^[A-Za-z0-9._-]+$/;

/**
 * Relative, `/`-separated, ASCII letters, digits and `._-` only, no empty, `.` or `..`
 * segment. Whatever the allow-list says, a name that fails this could escape a folder if a
 * later version ever wrote parts to disk, so it is refused on its own code.
 */
export function isSafePartName(name: string): boolean {
  if (name.length === 0 || name.length > MAX_PART_NAME_BYTES) return false;
  return name.split('/').every((segment) => safeSegment.test(segment) && segment !== '.' && segment !== '..');
}

export interface ContainerPart {
  name: string;
  data: Uint8Array;
}

/** Where each length field lies, for tools and tests that inspect a file's structure. */
export interface ContainerLayout {
  manifestLengthOffset: number;
  signatureOffset: number;
  partCountOffset: number;
  parts: { nameLengthOffset: number; dataLengthOffset: number; dataOffset: number }[];
}

export interface Container {
  formatVersion: number;
  manifestBytes: Uint8Array;
  signature: Uint8Array;
  parts: ContainerPart[];
  layout: ContainerLayout;
}

class Reader {
  offset = 0;
  constructor(private readonly bytes: Uint8Array) {}

  get remaining(): number {
    return this.bytes.length - this.offset;
  }

  private need(count: number): void {
    if (count > this.remaining) throw new DomainError('PKG_TRUNCATED');
  }

  u16(): number {
    this.need(2);
    const value = (this.bytes[this.offset]! << 8) | this.bytes[this.offset + 1]!;
    this.offset += 2;
    return value;
  }

  u32(): number {
    this.need(4);
    const b = this.bytes;
    const value = b[this.offset]! * 0x1000000 + ((b[this.offset + 1]! << 16) | (b[this.offset + 2]! << 8) | b[this.offset + 3]!);
    this.offset += 4;
    return value;
  }

  /** A view, never a copy: lengths are checked against the limits before this is called. */
  take(count: number): Uint8Array {
    this.need(count);
    const view = this.bytes.subarray(this.offset, this.offset + count);
    this.offset += count;
    return view;
  }
}

function startsLikePackage(bytes: Uint8Array): boolean {
  const length = Math.min(bytes.length, MAGIC.length);
  for (let index = 0; index < length; index += 1) if (bytes[index] !== MAGIC[index]) return false;
  return true;
}

/**
 * Splits a file into its fields, refusing anything structurally wrong. Every length is checked
 * against the limits before the bytes it announces are touched, and every byte of the file
 * belongs to exactly one field: nothing may follow the last part.
 */
export function readContainer(bytes: Uint8Array, limits: PackageLimits): Container {
  if (!(bytes instanceof Uint8Array)) throw new DomainError('PKG_NOT_A_PACKAGE');
  if (bytes.length > limits.maxPackageBytes) {
    throw new DomainError('PKG_FILE_TOO_LARGE', { size: bytes.length, limit: limits.maxPackageBytes });
  }
  if (!startsLikePackage(bytes)) throw new DomainError('PKG_NOT_A_PACKAGE');
  const reader = new Reader(bytes);
  reader.take(MAGIC.length);

  const formatVersion = reader.u16();
  if (formatVersion > FORMAT_VERSION) {
    throw new DomainError('PKG_VERSION_UNSUPPORTED', { found: formatVersion, supported: FORMAT_VERSION });
  }
  if (formatVersion < 1) throw new DomainError('PKG_MALFORMED');

  const manifestLengthOffset = reader.offset;
  const manifestLength = reader.u32();
  if (manifestLength > limits.maxManifestBytes) {
    throw new DomainError('PKG_MANIFEST_TOO_LARGE', { size: manifestLength, limit: limits.maxManifestBytes });
  }
  if (manifestLength === 0) throw new DomainError('PKG_MALFORMED');
  const manifestBytes = reader.take(manifestLength);
  const signatureOffset = reader.offset;
  const signature = reader.take(SIGNATURE_BYTES);

  const partCountOffset = reader.offset;
  const partCount = reader.u16();
  if (partCount > MAX_PARTS) throw new DomainError('PKG_MALFORMED');

  const parts: ContainerPart[] = [];
  const layout: ContainerLayout = { manifestLengthOffset, signatureOffset, partCountOffset, parts: [] };
  const seen = new Set<string>();
  for (let index = 0; index < partCount; index += 1) {
    const nameLengthOffset = reader.offset;
    const nameLength = reader.u16();
    if (nameLength === 0 || nameLength > MAX_PART_NAME_BYTES) {
      throw new DomainError('PKG_PART_NAME_UNSAFE', { name: nameLength === 0 ? '' : `(${nameLength} bytes)` });
    }
    const nameBytes = reader.take(nameLength);
    const name = decodeUtf8(nameBytes);
    if (name === null)
      throw new DomainError('PKG_PART_NAME_UNSAFE', { name: displayName(Buffer.from(nameBytes).toString('latin1')) });
    if (!isSafePartName(name)) throw new DomainError('PKG_PART_NAME_UNSAFE', { name: displayName(name) });
    if (seen.has(name)) throw new DomainError('PKG_PART_DUPLICATE', { name });
    seen.add(name);

    const dataLengthOffset = reader.offset;
    const dataLength = reader.u32();
    if (dataLength > limits.maxPartBytes) {
      throw new DomainError('PKG_PART_TOO_LARGE', { name, size: dataLength, limit: limits.maxPartBytes });
    }
    const dataOffset = reader.offset;
    parts.push({ name, data: reader.take(dataLength) });
    layout.parts.push({ nameLengthOffset, dataLengthOffset, dataOffset });
  }
  if (reader.remaining !== 0) throw new DomainError('PKG_MALFORMED');
  return { formatVersion, manifestBytes, signature, parts, layout };
}

function u16(value: number): Uint8Array {
  if (!Number.isInteger(value) || value < 0 || value > 0xffff) throw new RangeError(`${value} does not fit in 16 bits`);
  return Uint8Array.of(value >>> 8, value & 0xff);
}

function u32(value: number): Uint8Array {
  if (!Number.isInteger(value) || value < 0 || value > MAX_U32) throw new RangeError(`${value} does not fit in 32 bits`);
  return Uint8Array.of(value >>> 24, (value >>> 16) & 0xff, (value >>> 8) & 0xff, value & 0xff);
}

export interface ContainerInput {
  formatVersion: number;
  manifestBytes: Uint8Array;
  signature: Uint8Array;
  /** Names as text, or as raw bytes to write exactly. */
  parts: { name: string | Uint8Array; data: Uint8Array }[];
}

/**
 * Lays fields out byte for byte, checking only that each length fits its field: the caller
 * (the sealer, or a test building a hostile file) decides what is valid.
 */
export function writeContainer(input: ContainerInput): Uint8Array {
  const chunks: Uint8Array[] = [
    MAGIC,
    u16(input.formatVersion),
    u32(input.manifestBytes.length),
    input.manifestBytes,
    input.signature,
  ];
  chunks.push(u16(input.parts.length));
  for (const part of input.parts) {
    const name = typeof part.name === 'string' ? utf8(part.name) : part.name;
    chunks.push(u16(name.length), name, u32(part.data.length), part.data);
  }
  return concatBytes(...chunks);
}
