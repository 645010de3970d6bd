import { createCipheriv, createDecipheriv, hkdfSync, randomBytes, timingSafeEqual } from 'node:crypto';
import type { AuditPoint } from '../audit';
import type { UserRole } from '@shared/domain/enums';
import { officeKeyHolders } from '@shared/contract/define';
import { DomainError } from '@shared/errors';
import { derivePasswordKey, passwordKdf, userLookup, type KeyfileContent, type OfficeKeysSection } from './keyfile';

/**
 * The office's private signing and decryption keys, kept out of the registry database: anyone who
 * can open the database (every account) must not be able to sign report files in the unit's name.
 *
 * They are sealed (AES-256-GCM) under a random 32-byte office key. That office key is wrapped once
 * per key holder — an administrator or a leader — under a key scrypt derives from that account's
 * password, and once under the recovery key. A clerk's or viewer's password opens the registry but
 * none of these wrappings.
 *
 * The same sealed payload keeps the audit anchor: the audit chain's row count and hash as a key
 * holder last saw it intact. Whoever can write the database can rewrite the chain, but cannot
 * re-seal the anchor without a key holder's password, nor remove it without losing the keys.
 */

export interface OfficePrivateKeyPair {
  signingPrivateKey: Uint8Array;
  encryptionPrivateKey: Uint8Array;
}

/** The unwrapped office key, the private keys it seals (by `own_keys.id`) and the audit anchor; held only in a key holder's session. */
export interface OfficeKeyring {
  officeKey: Buffer;
  privateKeys: Map<string, OfficePrivateKeyPair>;
  auditAnchor: AuditPoint | null;
}

interface SealedPayload {
  keys: { id: string; signingPrivateKey: string; encryptionPrivateKey: string }[];
  auditAnchor: AuditPoint | null;
}

export function holdsOfficeKeys(role: UserRole): boolean {
  return officeKeyHolders.includes(role);
}

const holderContext = (registryId: string, lookup: string) => `so86-keyfile/1/office-keys/holder/${registryId}/${lookup}`;
const recoveryContext = (registryId: string) => `so86-keyfile/1/office-keys/recovery/${registryId}`;
const keysContext = (registryId: string) => `so86-keyfile/1/office-keys/keys/${registryId}`;

function seal(key: Buffer, secret: Buffer, associated: string) {
  const nonce = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, nonce);
  cipher.setAAD(Buffer.from(associated));
  const ciphertext = Buffer.concat([cipher.update(secret), cipher.final(), cipher.getAuthTag()]);
  return { nonce: nonce.toString('base64'), ciphertext: ciphertext.toString('base64') };
}

function open(key: Buffer, sealed: { nonce: string; ciphertext: string }, associated: string): Buffer | null {
  const bytes = Buffer.from(sealed.ciphertext, 'base64');
  if (bytes.length < 16) return null;
  const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(sealed.nonce, 'base64'));
  decipher.setAAD(Buffer.from(associated));
  decipher.setAuthTag(bytes.subarray(bytes.length - 16));
  try {
    return Buffer.concat([decipher.update(bytes.subarray(0, bytes.length - 16)), decipher.final()]);
  } catch {
    return null;
  }
}

function recoveryWrappingKey(recoveryBytes: Buffer, salt: Buffer): Buffer {
  return Buffer.from(hkdfSync('sha256', recoveryBytes, salt, 'so86 office keys recovery v1', 32));
}

function sealPayload(registryId: string, keyring: OfficeKeyring): OfficeKeysSection['keys'] {
  const payload: SealedPayload = {
    keys: [...keyring.privateKeys].map(([id, pair]) => ({
      id,
      signingPrivateKey: Buffer.from(pair.signingPrivateKey).toString('base64'),
      encryptionPrivateKey: Buffer.from(pair.encryptionPrivateKey).toString('base64'),
    })),
    auditAnchor: keyring.auditAnchor,
  };
  return seal(keyring.officeKey, Buffer.from(JSON.stringify(payload)), keysContext(registryId));
}

function openPayload(registryId: string, section: OfficeKeysSection, officeKey: Buffer): OfficeKeyring | null {
  const plain = open(officeKey, section.keys, keysContext(registryId));
  if (!plain) return null;
  const payload = JSON.parse(plain.toString('utf8')) as SealedPayload;
  return {
    officeKey,
    privateKeys: new Map(
      payload.keys.map((entry) => [
        entry.id,
        {
          signingPrivateKey: new Uint8Array(Buffer.from(entry.signingPrivateKey, 'base64')),
          encryptionPrivateKey: new Uint8Array(Buffer.from(entry.encryptionPrivateKey, 'base64')),
        },
      ]),
    ),
    auditAnchor: payload.auditAnchor,
  };
}

function wrapForRecovery(
  registryId: string,
  officeKey: Buffer,
  recoveryBytes: Buffer,
): NonNullable<OfficeKeysSection['recovery']> {
  const salt = randomBytes(16);
  return {
    salt: salt.toString('base64'),
    ...seal(recoveryWrappingKey(recoveryBytes, salt), officeKey, recoveryContext(registryId)),
  };
}

/**
 * A new office key for `privateKeys`, wrapped under the recovery key when it is known (at set-up;
 * a registry moved out of the older layout gets its recovery wrapping at the next change of
 * recovery key). The holders are added with `grantOfficeKeys`.
 */
export function newOfficeKeys(
  content: KeyfileContent,
  privateKeys: Map<string, OfficePrivateKeyPair>,
  recoveryBytes: Buffer | null,
): OfficeKeyring {
  const keyring: OfficeKeyring = { officeKey: randomBytes(32), privateKeys, auditAnchor: null };
  content.officeKeys = {
    holders: [],
    recovery: recoveryBytes ? wrapForRecovery(content.registryId, keyring.officeKey, recoveryBytes) : null,
    keys: sealPayload(content.registryId, keyring),
  };
  return keyring;
}

/** Lets `username` open the office keys with `password` (a new key holder, or a holder's new password). */
export async function grantOfficeKeys(
  content: KeyfileContent,
  keyring: OfficeKeyring,
  username: string,
  password: string,
): Promise<void> {
  const section = requireSection(content);
  const lookup = userLookup(content.registryId, username);
  const salt = randomBytes(16);
  const kek = await derivePasswordKey(password, salt, passwordKdf);
  const holder = {
    lookup,
    kdf: { ...passwordKdf },
    salt: salt.toString('base64'),
    ...seal(kek, keyring.officeKey, holderContext(content.registryId, lookup)),
  };
  section.holders = [...section.holders.filter((candidate) => candidate.lookup !== lookup), holder];
}

/** Removes `username`'s wrapping: a disabled account, or one whose role no longer signs. */
export function withdrawOfficeKeys(content: KeyfileContent, username: string): void {
  if (!content.officeKeys) return;
  const lookup = userLookup(content.registryId, username);
  content.officeKeys.holders = content.officeKeys.holders.filter((candidate) => candidate.lookup !== lookup);
}

export function isOfficeKeyHolder(content: KeyfileContent, username: string): boolean {
  const lookup = Buffer.from(userLookup(content.registryId, username), 'hex');
  return (content.officeKeys?.holders ?? []).some((holder) => timingSafeEqual(Buffer.from(holder.lookup, 'hex'), lookup));
}

/** The keyring, or null when this account holds no wrapping (not a key holder, or not yet given the keys). */
export async function openOfficeKeysWithPassword(
  content: KeyfileContent,
  username: string,
  password: string,
): Promise<OfficeKeyring | null> {
  const lookup = userLookup(content.registryId, username);
  const holder = content.officeKeys?.holders.find((candidate) => candidate.lookup === lookup);
  if (!content.officeKeys || !holder) return null;
  const kek = await derivePasswordKey(password, Buffer.from(holder.salt, 'base64'), holder.kdf);
  const officeKey = open(kek, holder, holderContext(content.registryId, lookup));
  return officeKey && openPayload(content.registryId, content.officeKeys, officeKey);
}

export function openOfficeKeysWithRecovery(content: KeyfileContent, recoveryBytes: Buffer): OfficeKeyring | null {
  const wrapped = content.officeKeys?.recovery;
  if (!content.officeKeys || !wrapped) return null;
  const officeKey = open(
    recoveryWrappingKey(recoveryBytes, Buffer.from(wrapped.salt, 'base64')),
    wrapped,
    recoveryContext(content.registryId),
  );
  return officeKey && openPayload(content.registryId, content.officeKeys, officeKey);
}

/**
 * After the recovery key changes (a rekey of the registry issues a new one): the office key wrapped
 * under the new recovery key, the old wrapping replaced. Needs the keyring of a key holder's session.
 */
export function rewrapOfficeKeysForNewRecoveryKey(
  content: KeyfileContent,
  keyring: OfficeKeyring,
  newRecoveryBytes: Buffer,
): void {
  requireSection(content).recovery = wrapForRecovery(content.registryId, keyring.officeKey, newRecoveryBytes);
}

/** Seals the keyring's private keys and audit anchor again after either changed. */
export function resealOfficeKeys(content: KeyfileContent, keyring: OfficeKeyring): void {
  requireSection(content).keys = sealPayload(content.registryId, keyring);
}

function requireSection(content: KeyfileContent): OfficeKeysSection {
  if (!content.officeKeys) throw new DomainError('OFFICE_KEYS_NOT_GRANTED');
  return content.officeKeys;
}
