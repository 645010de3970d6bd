import { createCipheriv, createDecipheriv, hkdfSync } from 'node:crypto';
import { concatBytes, utf8 } from './encoding';
import { KEY_BYTES, x25519Agreement } from './keys';

/** X25519 key agreement, HKDF-SHA256 key derivation, AES-256-GCM for the content key and every part. */
export const ENCRYPTION_SCHEME = 'x25519-hkdf-sha256-aes-256-gcm';
export const CONTENT_KEY_BYTES = 32;
export const TAG_BYTES = 16;
export const NONCE_BYTES = 12;
export const WRAPPED_KEY_BYTES = CONTENT_KEY_BYTES + TAG_BYTES;

const WRAP_INFO = utf8('so86 content key wrap v1');

/**
 * What every ciphertext is bound to. The manifest itself cannot be the associated data — it
 * holds the ciphertexts' hashes and the wrapped key — so the fields fixed before encryption
 * are bound instead: re-signing someone else's ciphertext under another signer, addressing it
 * to another recipient, or moving a part under another name all make decryption fail.
 */
export interface EnvelopeContext {
  packageId: string;
  signerFingerprint: string;
  recipientFingerprint: string;
}

function contextLines(label: string, context: EnvelopeContext, ...more: string[]): Uint8Array {
  return utf8([label, context.packageId, context.signerFingerprint, context.recipientFingerprint, ...more].join('\n'));
}

export function contentKeyAad(context: EnvelopeContext): Uint8Array {
  return contextLines('so86 content key v1', context);
}

export function partAad(context: EnvelopeContext, name: string): Uint8Array {
  return contextLines('so86 part v1', context, name);
}

/** Part i (counting from 0 in manifest order) uses nonce 0x00…00 ‖ uint32be(i + 1); the key is fresh per package. */
export function partNonce(index: number): Uint8Array {
  const nonce = new Uint8Array(NONCE_BYTES);
  new DataView(nonce.buffer).setUint32(NONCE_BYTES - 4, index + 1);
  return nonce;
}

/** The key-encryption key is used exactly once (a fresh ephemeral key each time), so its nonce is all zeros. */
const WRAP_NONCE = new Uint8Array(NONCE_BYTES);

export function aeadSeal(key: Uint8Array, nonce: Uint8Array, aad: Uint8Array, plaintext: Uint8Array): Uint8Array {
  const cipher = createCipheriv('aes-256-gcm', key, nonce, { authTagLength: TAG_BYTES });
  cipher.setAAD(aad);
  return concatBytes(cipher.update(plaintext), cipher.final(), cipher.getAuthTag());
}

/** Null when the tag does not verify: wrong key, or any changed byte of ciphertext, tag or associated data. */
export function aeadOpen(key: Uint8Array, nonce: Uint8Array, aad: Uint8Array, sealed: Uint8Array): Uint8Array | null {
  if (sealed.length < TAG_BYTES) return null;
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, nonce, { authTagLength: TAG_BYTES });
    decipher.setAAD(aad);
    decipher.setAuthTag(sealed.subarray(sealed.length - TAG_BYTES));
    return concatBytes(decipher.update(sealed.subarray(0, sealed.length - TAG_BYTES)), decipher.final());
  } catch {
    return null;
  }
}

function keyEncryptionKey(sharedSecret: Uint8Array, ephemeralPublicKey: Uint8Array, recipientPublicKey: Uint8Array): Uint8Array {
  return new Uint8Array(
    hkdfSync('sha256', sharedSecret, concatBytes(ephemeralPublicKey, recipientPublicKey), WRAP_INFO, KEY_BYTES),
  );
}

export interface WrappedContentKey {
  ephemeralPublicKey: Uint8Array;
  wrappedKey: Uint8Array;
}

/** Null when the recipient's key is unusable (not 32 bytes, or a small-order point). */
export function wrapContentKey(
  contentKey: Uint8Array,
  recipientPublicKey: Uint8Array,
  ephemeralPrivateKey: Uint8Array,
  context: EnvelopeContext,
): WrappedContentKey | null {
  const agreement = x25519Agreement(ephemeralPrivateKey, recipientPublicKey);
  if (agreement === null) return null;
  const ephemeralPublicKey = agreement.ownPublicKey;
  const kek = keyEncryptionKey(agreement.sharedSecret, ephemeralPublicKey, recipientPublicKey);
  return { ephemeralPublicKey, wrappedKey: aeadSeal(kek, WRAP_NONCE, contentKeyAad(context), contentKey) };
}

/** Null unless the wrapped key was made for this private key in exactly this context. */
export function unwrapContentKey(
  wrapped: WrappedContentKey,
  recipientPrivateKey: Uint8Array,
  context: EnvelopeContext,
): Uint8Array | null {
  const agreement = x25519Agreement(recipientPrivateKey, wrapped.ephemeralPublicKey);
  if (agreement === null) return null;
  const kek = keyEncryptionKey(agreement.sharedSecret, wrapped.ephemeralPublicKey, agreement.ownPublicKey);
  const contentKey = aeadOpen(kek, WRAP_NONCE, contentKeyAad(context), wrapped.wrappedKey);
  return contentKey !== null && contentKey.length === CONTENT_KEY_BYTES ? contentKey : null;
}
