import type { z } from 'zod';
import { DomainError } from '@shared/errors';
import { refuseFutureDate } from './clock';
import { type PackageContents, DefaultDetails, readContents } from './contents';
import { bytesEqual, fromHex, sha256, toHex } from './encoding';
import { type EnvelopeContext, WRAPPED_KEY_BYTES, aeadOpen, partAad, partNonce, unwrapContentKey } from './envelope';
import { type Container, type PackageKind, type PackageLimits, type PartName, readContainer, resolveLimits } from './format';
import { KEY_BYTES, computeFingerprint, formatFingerprint, normaliseFingerprint, verifySignature } from './keys';
import { type PackageManifest, checkManifestParts, parseManifest } from './manifest';

/** What the trust store knows about a signer it has accepted, found by fingerprint. */
export interface TrustedSigner {
  signingPublicKey: Uint8Array;
  revoked: boolean;
  /** The unit the trusted card belongs to: a trusted key may sign only for its own unit. */
  unitCode: string;
}

/** The receiving unit's own encryption key, to open packages addressed to it. */
export interface ReceiverKey {
  fingerprint: string;
  encryptionPrivateKey: Uint8Array;
}

export interface OpenOptions<Details> {
  receiver?: ReceiverKey;
  limits?: Partial<PackageLimits>;
  /** Validates `details.json`; any JSON array when omitted. */
  detailsSchema?: z.ZodType<Details>;
  /** Refuses a package of the other kind (a request where a report is expected, or the reverse). */
  expectedKind?: PackageKind;
  /** The receiving PC's clock, against which a signed date too far ahead is refused; the current time when omitted. */
  now?: Date;
}

export interface VerifyOptions<Details> extends OpenOptions<Details> {
  lookupSigner: (fingerprint: string) => TrustedSigner | null | undefined;
}

export interface VerifiedPackage<Details> extends PackageContents<Details> {
  manifest: PackageManifest;
  /** The exact signed bytes, for storing alongside the imported data. */
  manifestBytes: Uint8Array;
  /** SHA-256 of the whole file: the same file imported twice has the same hash. */
  fileSha256: string;
  signerFingerprint: string;
  /** True when the signer was found in the trust store (and not revoked); false in integrity-only mode. */
  signerTrusted: boolean;
  encrypted: boolean;
  /** False only in integrity-only mode for an encrypted package and no receiver key: the parts stay sealed. */
  readable: boolean;
  /** The verified plaintext of every part, as copies independent of the input bytes. */
  parts: ReadonlyMap<PartName, Uint8Array>;
}

type Authenticate = (manifest: PackageManifest, container: Container) => boolean;

/**
 * Verifies a package against the trust store and, when it is encrypted, decrypts it with the
 * receiver's key. Throws a DomainError naming the first problem found; returns only a package
 * whose every byte is accounted for.
 */
export function verifyPackage<Details = unknown[]>(bytes: Uint8Array, options: VerifyOptions<Details>): VerifiedPackage<Details> {
  return open(bytes, options, true, (manifest, container) => {
    const fingerprint = manifest.signer.fingerprint;
    const trusted = options.lookupSigner(fingerprint);
    if (!trusted) throw new DomainError('PKG_SIGNER_UNKNOWN', { fingerprint: formatFingerprint(fingerprint) });
    if (!verifySignature(trusted.signingPublicKey, container.manifestBytes, container.signature))
      throw new DomainError('PKG_BAD_SIGNATURE');
    if (trusted.revoked) throw new DomainError('PKG_SIGNER_REVOKED', { fingerprint: formatFingerprint(fingerprint) });
    if (trusted.unitCode !== manifest.unit.code) {
      throw new DomainError('PKG_SIGNER_UNIT_MISMATCH', { unitCode: manifest.unit.code, trustedUnitCode: trusted.unitCode });
    }
    return true;
  });
}

/**
 * Integrity and self-consistency only, for `so86 package verify FILE` without a registry: the
 * signature is checked against the key the package itself names, so the result says the file
 * is intact and who claims to have signed it — never that the signer is trusted.
 */
export function inspectPackage<Details = unknown[]>(
  bytes: Uint8Array,
  options: OpenOptions<Details> = {},
): VerifiedPackage<Details> {
  return open(bytes, options, false, (manifest, container) => {
    const signingKey = fromHex(manifest.signer.signingKey, KEY_BYTES)!;
    if (!verifySignature(signingKey, container.manifestBytes, container.signature)) throw new DomainError('PKG_BAD_SIGNATURE');
    return false;
  });
}

function open<Details>(
  bytes: Uint8Array,
  options: OpenOptions<Details>,
  requireReadable: boolean,
  authenticate: Authenticate,
): VerifiedPackage<Details> {
  const limits = resolveLimits(options.limits);
  const container = readContainer(bytes, limits);
  const manifest = parseManifest(container.manifestBytes);
  // The header's version is not signed: it must say what the signed manifest says.
  if (container.formatVersion !== manifest.formatVersion) throw new DomainError('PKG_MALFORMED');
  checkManifestParts(manifest, limits);
  checkSignerConsistency(manifest);
  const receiver = checkRecipient(manifest, options.receiver, requireReadable);

  const signerTrusted = authenticate(manifest, container);
  refuseFutureDate(manifest.createdAt, options.now ?? new Date(), 'PKG_CREATED_IN_FUTURE');
  if (options.expectedKind && options.expectedKind !== manifest.kind) {
    throw new DomainError(options.expectedKind === 'report' ? 'PKG_NOT_A_REPORT' : 'PKG_NOT_A_REQUEST');
  }
  checkStoredParts(manifest, container);

  const encrypted = manifest.encryption !== null;
  const base = {
    manifest,
    manifestBytes: Uint8Array.from(container.manifestBytes),
    fileSha256: toHex(sha256(bytes)),
    signerFingerprint: manifest.signer.fingerprint,
    signerTrusted,
    encrypted,
  };
  if (encrypted && !receiver) {
    return { ...base, readable: false, parts: new Map(), report: null, details: null, request: null };
  }
  const parts = receiver ? decryptParts(manifest, container, receiver) : copyParts(container);
  const detailsSchema = options.detailsSchema ?? (DefaultDetails as unknown as z.ZodType<Details>);
  const contents = readContents(parts, manifest, detailsSchema, limits);
  return { ...base, readable: true, parts, ...contents };
}

/** The fingerprint a package names must be the one its own unit and keys produce. */
function checkSignerConsistency(manifest: PackageManifest): void {
  const expected = computeFingerprint({
    unitCode: manifest.unit.code,
    level: manifest.unit.level,
    signingPublicKey: fromHex(manifest.signer.signingKey, KEY_BYTES)!,
    encryptionPublicKey: fromHex(manifest.signer.encryptionKey, KEY_BYTES)!,
  });
  if (expected !== manifest.signer.fingerprint) throw new DomainError('PKG_SIGNER_INCONSISTENT');
}

/**
 * Checked before the signature so that a file brought to the wrong office says so plainly,
 * even when that office does not know the sender. A refusal needs no authentication.
 */
function checkRecipient(
  manifest: PackageManifest,
  receiver: ReceiverKey | undefined,
  requireReadable: boolean,
): ReceiverKey | null {
  if (manifest.recipient === null) return null;
  const recipient = `${manifest.recipient.unitCode} — ${formatFingerprint(manifest.recipient.fingerprint)}`;
  if (!receiver) {
    if (requireReadable) throw new DomainError('PKG_RECIPIENT_KEY_REQUIRED', { recipient });
    return null;
  }
  if (normaliseFingerprint(receiver.fingerprint) !== manifest.recipient.fingerprint) {
    throw new DomainError('PKG_WRONG_RECIPIENT', { recipient });
  }
  return receiver;
}

/** The stored parts must be exactly the manifest's list, in its order, with its sizes and hashes. */
function checkStoredParts(manifest: PackageManifest, container: Container): void {
  const stored = new Map(container.parts.map((part) => [part.name, part.data]));
  const listed = new Set(manifest.parts.map((part) => part.name));
  for (const part of manifest.parts) if (!stored.has(part.name)) throw new DomainError('PKG_PART_MISSING', { name: part.name });
  for (const part of container.parts) if (!listed.has(part.name)) throw new DomainError('PKG_PART_EXTRA', { name: part.name });
  manifest.parts.forEach((part, index) => {
    if (container.parts[index]!.name !== part.name) throw new DomainError('PKG_MALFORMED');
    const data = container.parts[index]!.data;
    if (data.length !== part.size) throw new DomainError('PKG_PART_SIZE_MISMATCH', { name: part.name });
    if (!bytesEqual(sha256(data), fromHex(part.sha256, 32)!))
      throw new DomainError('PKG_PART_HASH_MISMATCH', { name: part.name });
  });
}

function copyParts(container: Container): Map<PartName, Uint8Array> {
  return new Map(container.parts.map((part) => [part.name as PartName, Uint8Array.from(part.data)]));
}

function decryptParts(manifest: PackageManifest, container: Container, receiver: ReceiverKey): Map<PartName, Uint8Array> {
  const encryption = manifest.encryption!;
  const context: EnvelopeContext = {
    packageId: manifest.packageId,
    signerFingerprint: manifest.signer.fingerprint,
    recipientFingerprint: manifest.recipient!.fingerprint,
  };
  const contentKey = unwrapContentKey(
    {
      ephemeralPublicKey: fromHex(encryption.ephemeralKey, KEY_BYTES)!,
      wrappedKey: fromHex(encryption.wrappedKey, WRAPPED_KEY_BYTES)!,
    },
    receiver.encryptionPrivateKey,
    context,
  );
  if (contentKey === null) throw new DomainError('PKG_DECRYPTION_FAILED');
  const parts = new Map<PartName, Uint8Array>();
  container.parts.forEach((part, index) => {
    const plaintext = aeadOpen(contentKey, partNonce(index), partAad(context, part.name), part.data);
    if (plaintext === null) throw new DomainError('PKG_DECRYPTION_FAILED');
    parts.set(part.name as PartName, plaintext);
  });
  return parts;
}
