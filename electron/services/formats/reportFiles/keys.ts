import { type KeyObject, createPrivateKey, createPublicKey, diffieHellman, randomBytes, sign, verify } from 'node:crypto';
import { DomainError } from '@shared/errors';
import type { UnitLevel } from '@shared/domain/enums';
import { concatBytes, sha256, utf8 } from './encoding';

export const KEY_BYTES = 32;
export const SIGNATURE_BYTES = 64;
/** 20 bytes = 160 bits: shown as 10 groups of 4 hex digits, the length of an OpenPGP fingerprint. */
export const FINGERPRINT_BYTES = 20;
export const FINGERPRINT_HEX_LENGTH = FINGERPRINT_BYTES * 2;

// Node imports and exports keys only as PKCS#8, SPKI or JWK, while files and the registry hold
// raw 32-byte keys. Private keys are wrapped in their fixed PKCS#8 header (RFC 8410); public keys
// go through JWK, which takes the raw bytes directly and is several times faster than the DER
// decoder — it runs for every package verified.
const ED25519_PKCS8_PREFIX = Uint8Array.from(Buffer.from('302e020100300506032b657004220420', 'hex'));
const X25519_PKCS8_PREFIX = Uint8Array.from(Buffer.from('302e020100300506032b656e04220420', 'hex'));

/** An office's key pairs: Ed25519 signs its cards and packages, X25519 receives packages. */
export interface OfficeIdentity {
  signingPublicKey: Uint8Array;
  signingPrivateKey: Uint8Array;
  encryptionPublicKey: Uint8Array;
  encryptionPrivateKey: Uint8Array;
}

/** The private halves as raw bytes, for the caller to keep inside the encrypted registry. */
export interface OfficePrivateKeys {
  signingPrivateKey: Uint8Array;
  encryptionPrivateKey: Uint8Array;
}

function rawKey(key: Uint8Array): boolean {
  return key instanceof Uint8Array && key.length === KEY_BYTES;
}

function ed25519PrivateKey(raw: Uint8Array): KeyObject {
  if (!rawKey(raw)) throw new DomainError('PKG_KEY_INVALID');
  return createPrivateKey({ key: Buffer.from(concatBytes(ED25519_PKCS8_PREFIX, raw)), format: 'der', type: 'pkcs8' });
}

function x25519PrivateKey(raw: Uint8Array): KeyObject {
  if (!rawKey(raw)) throw new DomainError('PKG_KEY_INVALID');
  return createPrivateKey({ key: Buffer.from(concatBytes(X25519_PKCS8_PREFIX, raw)), format: 'der', type: 'pkcs8' });
}

function publicKeyObject(curve: 'Ed25519' | 'X25519', raw: Uint8Array): KeyObject {
  return createPublicKey({ key: { kty: 'OKP', crv: curve, x: Buffer.from(raw).toString('base64url') }, format: 'jwk' });
}

function rawPublicKey(key: KeyObject): Uint8Array {
  const { x } = key.export({ format: 'jwk' });
  return new Uint8Array(Buffer.from(x ?? '', 'base64url'));
}

export function signingPublicKeyOf(signingPrivateKey: Uint8Array): Uint8Array {
  return rawPublicKey(createPublicKey(ed25519PrivateKey(signingPrivateKey)));
}

export function encryptionPublicKeyOf(encryptionPrivateKey: Uint8Array): Uint8Array {
  return rawPublicKey(createPublicKey(x25519PrivateKey(encryptionPrivateKey)));
}

export function importOfficeIdentity(keys: OfficePrivateKeys): OfficeIdentity {
  return {
    signingPrivateKey: Uint8Array.from(keys.signingPrivateKey),
    signingPublicKey: signingPublicKeyOf(keys.signingPrivateKey),
    encryptionPrivateKey: Uint8Array.from(keys.encryptionPrivateKey),
    encryptionPublicKey: encryptionPublicKeyOf(keys.encryptionPrivateKey),
  };
}

export function exportOfficePrivateKeys(identity: OfficeIdentity): OfficePrivateKeys {
  return {
    signingPrivateKey: Uint8Array.from(identity.signingPrivateKey),
    encryptionPrivateKey: Uint8Array.from(identity.encryptionPrivateKey),
  };
}

/** Both Ed25519 seeds and X25519 scalars are 32 uniformly random bytes. */
export function generateOfficeIdentity(random: (length: number) => Uint8Array = randomBytes): OfficeIdentity {
  return importOfficeIdentity({ signingPrivateKey: random(KEY_BYTES), encryptionPrivateKey: random(KEY_BYTES) });
}

export function signBytes(signingPrivateKey: Uint8Array, message: Uint8Array): Uint8Array {
  return new Uint8Array(sign(null, message, ed25519PrivateKey(signingPrivateKey)));
}

/** False for any malformed key or signature: the bytes it checks come from untrusted files. */
export function verifySignature(signingPublicKey: Uint8Array, message: Uint8Array, signature: Uint8Array): boolean {
  if (!rawKey(signingPublicKey) || signature.length !== SIGNATURE_BYTES) return false;
  try {
    return verify(null, message, publicKeyObject('Ed25519', signingPublicKey), signature);
  } catch {
    return false;
  }
}

/** The X25519 shared secret, or null when the peer key is unusable (a low-order point gives all zeros). */
export function x25519SharedSecret(privateKey: Uint8Array, peerPublicKey: Uint8Array): Uint8Array | null {
  return x25519Agreement(privateKey, peerPublicKey)?.sharedSecret ?? null;
}

/** The shared secret together with our own public key, importing the private key once. */
export function x25519Agreement(
  privateKey: Uint8Array,
  peerPublicKey: Uint8Array,
): { ownPublicKey: Uint8Array; sharedSecret: Uint8Array } | null {
  if (!rawKey(peerPublicKey)) return null;
  const own = x25519PrivateKey(privateKey);
  try {
    const sharedSecret = new Uint8Array(diffieHellman({ privateKey: own, publicKey: publicKeyObject('X25519', peerPublicKey) }));
    return { ownPublicKey: rawPublicKey(createPublicKey(own)), sharedSecret };
  } catch {
    return null;
  }
}

const PROBE_SCALAR = new Uint8Array(KEY_BYTES).fill(0x5a);

/** Whether anyone could encrypt to this X25519 key: it is 32 bytes and not of small order. */
export function isUsableEncryptionKey(publicKey: Uint8Array): boolean {
  return x25519SharedSecret(PROBE_SCALAR, publicKey) !== null;
}

export interface FingerprintInput {
  unitCode: string;
  level: UnitLevel;
  signingPublicKey: Uint8Array;
  encryptionPublicKey: Uint8Array;
}

const FINGERPRINT_CONTEXT = utf8('so86 key card fingerprint v1\0');

function lengthPrefixed(text: string): Uint8Array {
  const bytes = utf8(text);
  if (bytes.length > 255) throw new DomainError('PKG_KEY_INVALID');
  return concatBytes(Uint8Array.of(bytes.length), bytes);
}

/**
 * The first 20 bytes of SHA-256 over the unit code, the level and both public keys, as 40
 * lower-case hex digits. The unit's name is left out so a renamed unit keeps its fingerprint;
 * the name is still covered by the card's signature.
 */
export function computeFingerprint(input: FingerprintInput): string {
  const digest = sha256(
    FINGERPRINT_CONTEXT,
    lengthPrefixed(input.unitCode),
    lengthPrefixed(input.level),
    input.signingPublicKey,
    input.encryptionPublicKey,
  );
  return Buffer.from(digest.subarray(0, FINGERPRINT_BYTES)).toString('hex');
}

/** `3F2A 9C10 …`: upper case in groups of four, the way it is read aloud or printed. */
export function formatFingerprint(fingerprint: string): string {
  const normalised = normaliseFingerprint(fingerprint) ?? fingerprint;
  return (normalised.toUpperCase().match(/.{1,4}/g) ?? []).join(' ');
}

/**
 * A fingerprint as typed by a person — any case, spaces, dashes, colons or dots between digits,
 * full-width digits from some input methods — in its canonical lower-case form, or null when
 * it is not 40 hex digits.
 */
export function normaliseFingerprint(typed: string): string | null {
  const compact = typed
    .normalize('NFKC')
    .replace(/[\s\-‐-―−:.]/g, '')
    .toLowerCase();
  return /^[0-9a-f]{40}$/.test(compact) ? compact : null;
}

export function fingerprintsMatch(a: string, b: string): boolean {
  const left = normaliseFingerprint(a);
  const right = normaliseFingerprint(b);
  return left !== null && left === right;
}
