import { z } from 'zod';
import { DomainError } from '@shared/errors';
import { Id, Instant } from '@shared/domain/primitives';
import { bytesEqual, canonicalJsonBytes, displayName, parseJsonBytes, toFieldIssues } from './encoding';
import { ENCRYPTION_SCHEME, WRAPPED_KEY_BYTES } from './envelope';
import {
  FORMAT_VERSION,
  MAX_PARTS,
  MAX_PART_NAME_BYTES,
  MAX_U32,
  type PackageKind,
  type PackageLimits,
  isSafePartName,
  packageKinds,
  partAllowedFor,
  partsByKind,
} from './format';
import { FingerprintHex, KeyHex, Period, RoundRef, Sha256Hex, UnitCodeText, UnitRef, hexBytes } from './schemas';

export const MANIFEST_TYPE = 'so86.package-manifest';
const MAX_MANIFEST_JSON_DEPTH = 8;

export const AppVersion = z.string().regex(/^[0-9A-Za-z][0-9A-Za-z.+-]{0,31}$/, { message: 'validation.invalid' });

export const ManifestPart = z.strictObject({
  // Any string here: unsafe or unknown names get their own refusal after the schema.
  name: z.string().min(1).max(MAX_PART_NAME_BYTES),
  size: z.number().int().min(0).max(MAX_U32),
  sha256: Sha256Hex,
});
export type ManifestPart = z.infer<typeof ManifestPart>;

export const ManifestEncryption = z.strictObject({
  scheme: z.literal(ENCRYPTION_SCHEME),
  ephemeralKey: KeyHex,
  wrappedKey: hexBytes(WRAPPED_KEY_BYTES),
});
export type ManifestEncryption = z.infer<typeof ManifestEncryption>;

const AuditPoint = z.strictObject({ rows: z.number().int().min(1).max(Number.MAX_SAFE_INTEGER), hash: Sha256Hex });
export const MAX_AUDIT_CHECKPOINTS = 256;

/**
 * The sender's audit chain when it sealed the file: its head, and the hash of the chain at each
 * row count an earlier report file carried as its head, so the receiver can check the new chain
 * still passes through every point it was shown before.
 */
export const ManifestAudit = z.strictObject({ head: AuditPoint, checkpoints: z.array(AuditPoint).max(MAX_AUDIT_CHECKPOINTS) });
export type ManifestAudit = z.infer<typeof ManifestAudit>;

export const ManifestSigner = z.strictObject({ fingerprint: FingerprintHex, signingKey: KeyHex, encryptionKey: KeyHex });
export const ManifestRecipient = z.strictObject({ fingerprint: FingerprintHex, unitCode: UnitCodeText });

export const PackageManifest = z
  .strictObject({
    type: z.literal(MANIFEST_TYPE),
    formatVersion: z.union([z.literal(1), z.literal(FORMAT_VERSION)]),
    packageId: Id,
    kind: z.enum(packageKinds),
    unit: UnitRef,
    signer: ManifestSigner,
    period: Period,
    round: RoundRef.nullable(),
    createdAt: Instant,
    appVersion: AppVersion,
    recipient: ManifestRecipient.nullable(),
    encryption: ManifestEncryption.nullable(),
    parts: z.array(ManifestPart).max(MAX_PARTS),
    audit: ManifestAudit.nullable().optional(),
  })
  // Version 1 has no `audit`; version 2 always has the field, `null` for a request or a sender without an audit log.
  .refine((manifest) => (manifest.formatVersion === 1) === (manifest.audit === undefined), {
    message: 'validation.invalid',
    path: ['audit'],
  })
  .refine((manifest) => (manifest.recipient === null) === (manifest.encryption === null), {
    message: 'validation.invalid',
    path: ['encryption'],
  })
  .refine((manifest) => manifest.kind !== 'request' || manifest.round !== null, {
    message: 'validation.required',
    path: ['round'],
  });
export type PackageManifest = z.infer<typeof PackageManifest>;

/**
 * The manifest must be exactly the canonical JSON of what it says, so no two byte strings
 * carry the same meaning (no duplicate keys, spacing or number spellings for a parser to
 * read differently from the signer).
 */
export function parseManifest(bytes: Uint8Array): PackageManifest {
  const parsed = parseJsonBytes(bytes, MAX_MANIFEST_JSON_DEPTH);
  if (!parsed.ok) throw new DomainError('PKG_MANIFEST_INVALID');
  const declaredVersion = (parsed.value as { formatVersion?: unknown } | null)?.formatVersion;
  if (typeof declaredVersion === 'number' && Number.isSafeInteger(declaredVersion) && declaredVersion > FORMAT_VERSION) {
    throw new DomainError('PKG_VERSION_UNSUPPORTED', { found: declaredVersion, supported: FORMAT_VERSION });
  }
  const result = PackageManifest.safeParse(parsed.value);
  if (!result.success) throw new DomainError('PKG_MANIFEST_INVALID', {}, toFieldIssues(result.error.issues));
  let canonical: Uint8Array;
  try {
    canonical = canonicalJsonBytes(parsed.value);
  } catch {
    throw new DomainError('PKG_MANIFEST_INVALID');
  }
  if (!bytesEqual(canonical, bytes)) throw new DomainError('PKG_MANIFEST_INVALID');
  return result.data;
}

/** The part list must name safe, allowed, distinct parts within the limits, and every required one. */
export function checkManifestParts(
  manifest: { kind: PackageKind; parts: readonly { name: string; size: number }[] },
  limits: PackageLimits,
): void {
  const seen = new Set<string>();
  for (const part of manifest.parts) {
    if (!isSafePartName(part.name)) throw new DomainError('PKG_PART_NAME_UNSAFE', { name: displayName(part.name) });
    if (seen.has(part.name)) throw new DomainError('PKG_PART_DUPLICATE', { name: part.name });
    seen.add(part.name);
    if (!partAllowedFor(manifest.kind, part.name)) throw new DomainError('PKG_PART_EXTRA', { name: part.name });
    if (part.size > limits.maxPartBytes) {
      throw new DomainError('PKG_PART_TOO_LARGE', { name: part.name, size: part.size, limit: limits.maxPartBytes });
    }
  }
  for (const required of partsByKind[manifest.kind].required) {
    if (!seen.has(required)) throw new DomainError('PKG_PART_MISSING', { name: required });
  }
}
