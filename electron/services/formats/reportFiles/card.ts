import { z } from 'zod';
import { DomainError } from '@shared/errors';
import { Instant } from '@shared/domain/primitives';
import { bytesEqual, canonicalJsonBytes, fromHex, parseJsonBytes, toHex, utf8 } from './encoding';
import {
  type OfficeIdentity,
  SIGNATURE_BYTES,
  KEY_BYTES,
  computeFingerprint,
  formatFingerprint,
  isUsableEncryptionKey,
  normaliseFingerprint,
  signBytes,
  signingPublicKeyOf,
  verifySignature,
} from './keys';
import { FingerprintHex, KeyHex, SignatureHex, UnitRef } from './schemas';

export const CARD_FORMAT = 'so86.key-card';
export const CARD_VERSION = 1;
export const MAX_CARD_BYTES = 16 * 1024;
const MAX_CARD_JSON_DEPTH = 8;

/** A unit's public key card: who it is and the two public keys, self-signed. */
export interface KeyCard {
  unit: UnitRef;
  signingPublicKey: Uint8Array;
  encryptionPublicKey: Uint8Array;
  createdAt: string;
  fingerprint: string;
  /** Set on a rotated card: the card it replaces, and the old signing key's signature over this card. */
  replaces: { fingerprint: string; signature: Uint8Array } | null;
  signature: Uint8Array;
}

const CardFile = z.strictObject({
  format: z.literal(CARD_FORMAT),
  cardVersion: z.literal(CARD_VERSION),
  unit: UnitRef,
  signingKey: KeyHex,
  encryptionKey: KeyHex,
  createdAt: Instant,
  fingerprint: FingerprintHex,
  replaces: z.strictObject({ fingerprint: FingerprintHex, signature: SignatureHex }).nullable(),
  signature: SignatureHex,
});
type CardFile = z.infer<typeof CardFile>;

/**
 * The bytes both signatures cover: the canonical JSON of every field but the signatures.
 * The `format` field keeps a card signature from ever passing as a package signature.
 */
export function cardSignedBytes(card: Omit<KeyCard, 'signature'>): Uint8Array {
  return canonicalJsonBytes({
    format: CARD_FORMAT,
    cardVersion: CARD_VERSION,
    unit: card.unit,
    signingKey: toHex(card.signingPublicKey),
    encryptionKey: toHex(card.encryptionPublicKey),
    createdAt: card.createdAt,
    fingerprint: card.fingerprint,
    replaces: card.replaces?.fingerprint ?? null,
  });
}

export interface CreateKeyCardInput {
  unit: UnitRef;
  identity: OfficeIdentity;
  createdAt?: string;
  /** For a rotation: the card being replaced and its signing key, which endorses the new card. */
  predecessor?: { card: KeyCard; signingPrivateKey: Uint8Array };
}

export function createKeyCard(input: CreateKeyCardInput): KeyCard {
  const unit = UnitRef.safeParse(input.unit);
  const createdAt = input.createdAt ?? new Date().toISOString();
  if (!unit.success || !Instant.safeParse(createdAt).success) throw new DomainError('VALIDATION');
  const { identity, predecessor } = input;
  if (!bytesEqual(signingPublicKeyOf(identity.signingPrivateKey), identity.signingPublicKey)) {
    throw new DomainError('PKG_KEY_INVALID');
  }
  if (predecessor) {
    const previous = predecessor.card;
    if (previous.unit.code !== unit.data.code || previous.unit.level !== unit.data.level) {
      throw new DomainError('PKG_CARD_NOT_ROTATION', { fingerprint: formatFingerprint(previous.fingerprint) });
    }
    if (!bytesEqual(signingPublicKeyOf(predecessor.signingPrivateKey), previous.signingPublicKey)) {
      throw new DomainError('PKG_KEY_INVALID');
    }
  }
  const body = {
    unit: unit.data,
    signingPublicKey: Uint8Array.from(identity.signingPublicKey),
    encryptionPublicKey: Uint8Array.from(identity.encryptionPublicKey),
    createdAt,
    fingerprint: computeFingerprint({
      unitCode: unit.data.code,
      level: unit.data.level,
      signingPublicKey: identity.signingPublicKey,
      encryptionPublicKey: identity.encryptionPublicKey,
    }),
    replaces: predecessor ? { fingerprint: predecessor.card.fingerprint, signature: new Uint8Array(SIGNATURE_BYTES) } : null,
  };
  const signed = cardSignedBytes(body);
  const replaces = predecessor
    ? { fingerprint: predecessor.card.fingerprint, signature: signBytes(predecessor.signingPrivateKey, signed) }
    : null;
  return { ...body, replaces, signature: signBytes(identity.signingPrivateKey, signed) };
}

/** The card file: indented JSON so a person can read it, signed over its canonical form. */
export function encodeKeyCard(card: KeyCard): Uint8Array {
  const file: CardFile = {
    format: CARD_FORMAT,
    cardVersion: CARD_VERSION,
    unit: card.unit,
    signingKey: toHex(card.signingPublicKey),
    encryptionKey: toHex(card.encryptionPublicKey),
    createdAt: card.createdAt,
    fingerprint: card.fingerprint,
    replaces: card.replaces ? { fingerprint: card.replaces.fingerprint, signature: toHex(card.replaces.signature) } : null,
    signature: toHex(card.signature),
  };
  return utf8(`${JSON.stringify(file, null, 2)}\n`);
}

function malformed(): DomainError {
  return new DomainError('PKG_CARD_MALFORMED');
}

/** Reads a card file and checks its version, fingerprint and self-signature. */
export function parseKeyCard(bytes: Uint8Array): KeyCard {
  if (!(bytes instanceof Uint8Array) || bytes.length > MAX_CARD_BYTES) throw malformed();
  const parsed = parseJsonBytes(bytes, MAX_CARD_JSON_DEPTH);
  if (!parsed.ok || typeof parsed.value !== 'object' || parsed.value === null || Array.isArray(parsed.value)) throw malformed();
  const raw = parsed.value as Record<string, unknown>;
  if (raw.format !== CARD_FORMAT) throw malformed();
  if (typeof raw.cardVersion === 'number' && Number.isSafeInteger(raw.cardVersion) && raw.cardVersion > CARD_VERSION) {
    throw new DomainError('PKG_CARD_VERSION_UNSUPPORTED', { found: raw.cardVersion, supported: CARD_VERSION });
  }
  const file = CardFile.safeParse(raw);
  if (!file.success) throw malformed();
  const signingPublicKey = fromHex(file.data.signingKey, KEY_BYTES)!;
  const encryptionPublicKey = fromHex(file.data.encryptionKey, KEY_BYTES)!;
  if (!isUsableEncryptionKey(encryptionPublicKey)) throw malformed();
  const card: KeyCard = {
    unit: file.data.unit,
    signingPublicKey,
    encryptionPublicKey,
    createdAt: file.data.createdAt,
    fingerprint: file.data.fingerprint,
    replaces: file.data.replaces
      ? { fingerprint: file.data.replaces.fingerprint, signature: fromHex(file.data.replaces.signature, SIGNATURE_BYTES)! }
      : null,
    signature: fromHex(file.data.signature, SIGNATURE_BYTES)!,
  };
  verifyKeyCard(card);
  return card;
}

/** Checks a card already in memory: its fingerprint matches its keys and it is signed by its own key. */
export function verifyKeyCard(card: KeyCard): void {
  const expected = computeFingerprint({
    unitCode: card.unit.code,
    level: card.unit.level,
    signingPublicKey: card.signingPublicKey,
    encryptionPublicKey: card.encryptionPublicKey,
  });
  if (expected !== card.fingerprint) throw new DomainError('PKG_CARD_FINGERPRINT_MISMATCH');
  if (!verifySignature(card.signingPublicKey, cardSignedBytes(card), card.signature))
    throw new DomainError('PKG_CARD_BAD_SIGNATURE');
}

/**
 * Accepts `next` as the successor of the trusted card `trusted`: same unit, names `trusted`
 * as the card it replaces, and carries a signature by `trusted`'s signing key.
 */
export function verifyCardRotation(next: KeyCard, trusted: KeyCard): void {
  verifyKeyCard(next);
  const trustedFingerprint = formatFingerprint(trusted.fingerprint);
  if (
    next.replaces === null ||
    next.replaces.fingerprint !== trusted.fingerprint ||
    next.unit.code !== trusted.unit.code ||
    next.unit.level !== trusted.unit.level
  ) {
    throw new DomainError('PKG_CARD_NOT_ROTATION', { fingerprint: trustedFingerprint });
  }
  if (!verifySignature(trusted.signingPublicKey, cardSignedBytes(next), next.replaces.signature)) {
    throw new DomainError('PKG_CARD_BAD_ROTATION_SIGNATURE', { fingerprint: trustedFingerprint });
  }
}

/** The check behind `so86 keys trust CARD --fingerprint HEX`: the typed fingerprint must be this card's. */
export function confirmCardFingerprint(card: KeyCard, typed: string): void {
  const normalised = normaliseFingerprint(typed);
  if (normalised === null) throw new DomainError('PKG_FINGERPRINT_FORMAT');
  if (normalised !== card.fingerprint)
    throw new DomainError('PKG_FINGERPRINT_DIFFERENT', { fingerprint: formatFingerprint(card.fingerprint) });
}
