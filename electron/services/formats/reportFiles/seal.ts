import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { CivilDate, Id, Instant } from '@shared/domain/primitives';
import { DomainError } from '@shared/errors';
import { newId } from '@shared/ids';
import { type KeyCard, verifyKeyCard } from './card';
import { DefaultDetails, readContents } from './contents';
import { canonicalJsonBytes, displayName, sha256, toFieldIssues, toHex } from './encoding';
import {
  type EnvelopeContext,
  CONTENT_KEY_BYTES,
  ENCRYPTION_SCHEME,
  TAG_BYTES,
  aeadSeal,
  partAad,
  partNonce,
  wrapContentKey,
} from './envelope';
import {
  FILE_EXTENSION,
  FORMAT_VERSION,
  type PackageKind,
  type PackageLimits,
  type PartName,
  isPartName,
  packageKinds,
  partNames,
  resolveLimits,
  writeContainer,
} from './format';
import { KEY_BYTES, type OfficeIdentity, computeFingerprint, signBytes, signingPublicKeyOf } from './keys';
import {
  AppVersion,
  MANIFEST_TYPE,
  ManifestAudit,
  type ManifestPart,
  type PackageManifest,
  checkManifestParts,
} from './manifest';
import { Period, RoundRef, UnitCodeText, UnitRef } from './schemas';

export interface SealInput {
  kind: PackageKind;
  /** The issuing unit: the unit whose keys sign. */
  unit: UnitRef;
  period: Period;
  round: string | null;
  appVersion: string;
  parts: Partial<Record<PartName, Uint8Array>>;
  /** The issuing unit's keys: the signing key signs, the encryption public key is part of its fingerprint. */
  identity: Pick<OfficeIdentity, 'signingPrivateKey' | 'encryptionPublicKey'>;
  /** Encrypts the parts so that only this card's unit can read them. */
  recipientCard?: KeyCard | null;
  packageId?: string;
  createdAt?: string;
  detailsSchema?: z.ZodType;
  limits?: Partial<PackageLimits>;
  /** The sender's audit anchor, for a report from a registry; none for a request. */
  audit?: ManifestAudit | null;
  /** The source of the content key and the ephemeral key; fixed only in tests. */
  random?: (length: number) => Uint8Array;
}

const SealFields = z
  .strictObject({
    kind: z.enum(packageKinds),
    unit: UnitRef,
    period: Period,
    round: RoundRef.nullable(),
    appVersion: AppVersion,
    packageId: Id,
    createdAt: Instant,
    audit: ManifestAudit.nullable(),
  })
  .refine((fields) => fields.kind !== 'request' || fields.round !== null, { message: 'validation.required', path: ['round'] });

/**
 * Builds, signs and (with a recipient card) encrypts a package. The output depends only on
 * the input and on the bytes `random` returns: Ed25519 signatures are deterministic.
 */
export function sealPackage(input: SealInput): Uint8Array {
  const limits = resolveLimits(input.limits);
  const random = input.random ?? ((length: number) => new Uint8Array(randomBytes(length)));
  const createdAt = input.createdAt ?? new Date().toISOString();
  const fields = SealFields.safeParse({
    kind: input.kind,
    unit: input.unit,
    period: input.period,
    round: input.round,
    appVersion: input.appVersion,
    packageId: input.packageId ?? newId(Date.parse(createdAt) || Date.now()),
    createdAt,
    audit: input.audit ?? null,
  });
  if (!fields.success) throw new DomainError('VALIDATION', {}, toFieldIssues(fields.error.issues));
  const facts = fields.data;

  const plaintexts = orderedParts(input.parts);
  // Limits apply to parts as stored, and encryption adds a tag to each.
  const overhead = input.recipientCard ? TAG_BYTES : 0;
  checkManifestParts(
    { kind: facts.kind, parts: [...plaintexts].map(([name, bytes]) => ({ name, size: bytes.length + overhead })) },
    limits,
  );
  readContents(plaintexts, facts, input.detailsSchema ?? DefaultDetails, limits);

  const signingPublicKey = signingPublicKeyOf(input.identity.signingPrivateKey);
  if (input.identity.encryptionPublicKey.length !== KEY_BYTES) throw new DomainError('PKG_KEY_INVALID');
  const signer = {
    fingerprint: computeFingerprint({
      unitCode: facts.unit.code,
      level: facts.unit.level,
      signingPublicKey,
      encryptionPublicKey: input.identity.encryptionPublicKey,
    }),
    signingKey: toHex(signingPublicKey),
    encryptionKey: toHex(input.identity.encryptionPublicKey),
  };

  const recipientCard = input.recipientCard ?? null;
  let stored: [PartName, Uint8Array][] = [...plaintexts];
  let recipient: PackageManifest['recipient'] = null;
  let encryption: PackageManifest['encryption'] = null;
  if (recipientCard) {
    verifyKeyCard(recipientCard);
    const context: EnvelopeContext = {
      packageId: facts.packageId,
      signerFingerprint: signer.fingerprint,
      recipientFingerprint: recipientCard.fingerprint,
    };
    const contentKey = random(CONTENT_KEY_BYTES);
    const wrapped = wrapContentKey(contentKey, recipientCard.encryptionPublicKey, random(KEY_BYTES), context);
    if (wrapped === null) throw new DomainError('PKG_CARD_MALFORMED');
    stored = stored.map(([name, plaintext], index) => [
      name,
      aeadSeal(contentKey, partNonce(index), partAad(context, name), plaintext),
    ]);
    recipient = { fingerprint: recipientCard.fingerprint, unitCode: recipientCard.unit.code };
    encryption = {
      scheme: ENCRYPTION_SCHEME,
      ephemeralKey: toHex(wrapped.ephemeralPublicKey),
      wrappedKey: toHex(wrapped.wrappedKey),
    };
  }

  const manifestParts: ManifestPart[] = stored.map(([name, data]) => ({ name, size: data.length, sha256: toHex(sha256(data)) }));
  const manifest: PackageManifest = {
    type: MANIFEST_TYPE,
    formatVersion: FORMAT_VERSION,
    packageId: facts.packageId,
    kind: facts.kind,
    unit: facts.unit,
    signer,
    period: facts.period,
    round: facts.round,
    createdAt: facts.createdAt,
    appVersion: facts.appVersion,
    recipient,
    encryption,
    parts: manifestParts,
    audit: facts.audit,
  };
  const manifestBytes = canonicalJsonBytes(manifest);
  if (manifestBytes.length > limits.maxManifestBytes) {
    throw new DomainError('PKG_MANIFEST_TOO_LARGE', { size: manifestBytes.length, limit: limits.maxManifestBytes });
  }
  const file = writeContainer({
    formatVersion: FORMAT_VERSION,
    manifestBytes,
    signature: signBytes(input.identity.signingPrivateKey, manifestBytes),
    parts: stored.map(([name, data]) => ({ name, data })),
  });
  if (file.length > limits.maxPackageBytes)
    throw new DomainError('PKG_FILE_TOO_LARGE', { size: file.length, limit: limits.maxPackageBytes });
  return file;
}

/** The parts in the fixed order of `partNames`; names outside the allow-list are refused. */
function orderedParts(parts: Partial<Record<string, Uint8Array>>): Map<PartName, Uint8Array> {
  for (const name of Object.keys(parts)) {
    if (!isPartName(name)) throw new DomainError('PKG_PART_EXTRA', { name: displayName(name) });
  }
  const ordered = new Map<PartName, Uint8Array>();
  for (const name of partNames) {
    const bytes = parts[name];
    if (bytes !== undefined) ordered.set(name, bytes);
  }
  return ordered;
}

export interface PackageFileNameInput {
  unitCode: string;
  period: Period;
  /** 1 for the first package of this unit and period, counting up for each one that supersedes it. */
  version: number;
}

/**
 * `<unit-code>_<from>_<to>_v<N>.so86`: letters, digits and `._-` only, so the name survives
 * FAT32 USB sticks, Windows and any archive tool unchanged.
 */
export function packageFileName(input: PackageFileNameInput): string {
  const valid =
    UnitCodeText.safeParse(input.unitCode).success &&
    CivilDate.safeParse(input.period.from).success &&
    CivilDate.safeParse(input.period.to).success &&
    Number.isSafeInteger(input.version) &&
    input.version >= 1;
  if (!valid) throw new DomainError('VALIDATION');
  return `${input.unitCode}_${input.period.from}_${input.period.to}_v${input.version}${FILE_EXTENSION}`;
}
