import {
  createCipheriv,
  createDecipheriv,
  createHash,
  createPrivateKey,
  createPublicKey,
  diffieHellman,
  generateKeyPairSync,
  hkdfSync,
  randomBytes,
  scrypt as scryptCallback,
  timingSafeEqual,
  type KeyObject,
  type ScryptOptions,
} from 'node:crypto';
import { promises as fs, readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { DomainError } from '@shared/errors';

/**
 * The key sidecar. Version 2: each account has an X25519 key pair whose private key is wrapped
 * (AES-256-GCM) under a key derived from the password with scrypt, and the registry's
 * 32-byte key is sealed to that account's public key. The registry key is also wrapped under the
 * recovery key. Sealing to public keys is what lets an administrator rekey the registry for every
 * remaining account without knowing their passwords. Version 1 wrapped the registry key itself
 * under each password; such entries still open and are upgraded when their owner signs in.
 * The file holds no names: an entry is found by a salted hash of the user name.
 */

/** scrypt at OWASP's recommended minimum (N=2^17, r=8, p=1): 128 MiB and a few hundred ms per try. */
export const passwordKdf = { name: 'scrypt', N: 2 ** 17, r: 8, p: 1, keyLength: 32 } as const;

const base64 = z
  .string()
  .regex(/^[A-Za-z0-9+/]*={0,2}$/)
  .max(4096);
const Wrapped = z.object({ salt: base64, nonce: base64, ciphertext: base64 });
const KdfParams = z.object({
  name: z.literal('scrypt'),
  N: z
    .number()
    .int()
    .min(2 ** 14)
    .max(2 ** 22),
  r: z.number().int().min(8).max(32),
  p: z.number().int().min(1).max(16),
  keyLength: z.literal(32),
});
const Lookup = z.string().regex(/^[0-9a-f]{64}$/);
/** A 32-byte secret sealed to an X25519 public key: an ephemeral key agreement, then AES-256-GCM. */
const Sealed = z.object({ ephemeral: base64, nonce: base64, ciphertext: base64 });
export type Sealed = z.infer<typeof Sealed>;
const UserEntry = Wrapped.extend({
  lookup: Lookup,
  kdf: KdfParams,
  failedAttempts: z.number().int().min(0).default(0),
  lastFailureAt: z.string().nullable().default(null),
  /** Version 2 entries: the account's public key and the registry key sealed to it; the wrapped secret is then the private key. */
  publicKey: base64.optional(),
  sealedKey: Sealed.optional(),
});
/**
 * The office's private keys, apart from the registry key (`officeKeys.ts`): sealed under their own
 * random key, which is wrapped only for the accounts allowed to sign and under the recovery key.
 */
const OfficeKeysSection = z.object({
  holders: z.array(Wrapped.extend({ lookup: z.string().regex(/^[0-9a-f]{64}$/), kdf: KdfParams })),
  recovery: Wrapped.nullable(),
  keys: z.object({
    nonce: base64,
    ciphertext: z
      .string()
      .regex(/^[A-Za-z0-9+/]*={0,2}$/)
      .max(1 << 20),
  }),
});
export type OfficeKeysSection = z.infer<typeof OfficeKeysSection>;

const KeyfileContent = z.object({
  format: z.literal('so86-keyfile'),
  version: z.union([z.literal(1), z.literal(2)]),
  registryId: z.string().uuid(),
  /**
   * The unit's name, the one thing readable before sign-in: the sign-in screen shows whose
   * registry it opens. Written at set-up and brought up to date at each sign-in.
   */
  unitName: z.string().max(200).optional(),
  users: z.array(UserEntry),
  recovery: Wrapped,
  officeKeys: OfficeKeysSection.optional(),
  /** Lookups of disabled accounts: restoring over this registry refuses a backup opened with one of their passwords. */
  disabled: z.array(Lookup).default([]),
});
export type KeyfileContent = z.infer<typeof KeyfileContent>;
export type UserEntry = z.infer<typeof UserEntry>;
export const currentKeyfileVersion = 2;

export function keyfilePathFor(databaseFile: string): string {
  return `${databaseFile}.keys`;
}

export function userLookup(registryId: string, username: string): string {
  return createHash('sha256')
    .update(`so86-user\u0000${registryId}\u0000${username.normalize('NFC').toLowerCase()}`)
    .digest('hex');
}

export function derivePasswordKey(password: string, salt: Buffer, kdf: z.infer<typeof KdfParams>): Promise<Buffer> {
  const options: ScryptOptions = { N: kdf.N, r: kdf.r, p: kdf.p, maxmem: 256 * kdf.N * kdf.r + 16 * 1024 * 1024 };
  return new Promise((resolve, reject) => {
    scryptCallback(password.normalize('NFC'), salt, kdf.keyLength, options, (error, derived) =>
      error ? reject(error) : resolve(derived),
    );
  });
}

function deriveRecoveryKey(recoveryBytes: Buffer, salt: Buffer): Buffer {
  return Buffer.from(hkdfSync('sha256', recoveryBytes, salt, 'so86 recovery key v1', 32));
}

function seal(kek: Buffer, secret: Buffer, associated: string, salt: Buffer) {
  const nonce = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', kek, nonce);
  cipher.setAAD(Buffer.from(associated));
  const ciphertext = Buffer.concat([cipher.update(secret), cipher.final(), cipher.getAuthTag()]);
  return { salt: salt.toString('base64'), nonce: nonce.toString('base64'), ciphertext: ciphertext.toString('base64') };
}

function open(kek: Buffer, wrapped: { nonce: string; ciphertext: string }, associated: string): Buffer | null {
  const sealed = Buffer.from(wrapped.ciphertext, 'base64');
  if (sealed.length !== 32 + 16) return null;
  const decipher = createDecipheriv('aes-256-gcm', kek, Buffer.from(wrapped.nonce, 'base64'));
  decipher.setAAD(Buffer.from(associated));
  decipher.setAuthTag(sealed.subarray(32));
  try {
    return Buffer.concat([decipher.update(sealed.subarray(0, 32)), decipher.final()]);
  } catch {
    return null;
  }
}

const userContext = (registryId: string, lookup: string) => `so86-keyfile/1/user/${registryId}/${lookup}`;
const accountContext = (registryId: string, lookup: string) => `so86-keyfile/2/account/${registryId}/${lookup}`;
const registryKeyContext = (registryId: string, lookup: string) => `so86-keyfile/2/registry-key/${registryId}/${lookup}`;
const recoveryContext = (registryId: string) => `so86-keyfile/1/recovery/${registryId}`;

/** The fixed PKCS#8 prefix of an X25519 private key, so that the wrapped secret is the raw 32 bytes. */
const x25519Pkcs8Prefix = Buffer.from('302e020100300506032b656e04220420', 'hex');

function privateKeyFromRaw(raw: Buffer): KeyObject {
  return createPrivateKey({ key: Buffer.concat([x25519Pkcs8Prefix, raw]), format: 'der', type: 'pkcs8' });
}

function publicKeyFromBase64(publicKey: string): KeyObject {
  return createPublicKey({
    key: { kty: 'OKP', crv: 'X25519', x: Buffer.from(publicKey, 'base64').toString('base64url') },
    format: 'jwk',
  });
}

function sealingKey(shared: Buffer, ephemeral: Buffer, recipient: string): Buffer {
  return Buffer.from(
    hkdfSync('sha256', shared, Buffer.concat([ephemeral, Buffer.from(recipient, 'base64')]), 'so86 sealed secret v2', 32),
  );
}

/** Seals a 32-byte secret to an account's public key: only that account's password (through its private key) opens it. */
export function sealToAccount(publicKey: string, secret: Buffer, associated: string): Sealed {
  const ephemeral = generateKeyPairSync('x25519');
  const ephemeralRaw = Buffer.from(ephemeral.publicKey.export({ format: 'jwk' }).x!, 'base64url');
  const shared = diffieHellman({ privateKey: ephemeral.privateKey, publicKey: publicKeyFromBase64(publicKey) });
  const { nonce, ciphertext } = seal(sealingKey(shared, ephemeralRaw, publicKey), secret, associated, Buffer.alloc(0));
  return { ephemeral: ephemeralRaw.toString('base64'), nonce, ciphertext };
}

/** Opens what `sealToAccount` sealed, with the private key `unwrapAccountKey` gave; null when it does not fit. */
export function openSealed(
  account: { privateKey: KeyObject; publicKey: string },
  sealed: Sealed,
  associated: string,
): Buffer | null {
  const ephemeral = Buffer.from(sealed.ephemeral, 'base64');
  const shared = diffieHellman({ privateKey: account.privateKey, publicKey: publicKeyFromBase64(sealed.ephemeral) });
  return open(sealingKey(shared, ephemeral, account.publicKey), sealed, associated);
}

/** A new key pair for the account, its private key wrapped under the password, and the registry key sealed to it. */
export async function wrapForUser(
  content: Pick<KeyfileContent, 'registryId'>,
  username: string,
  password: string,
  databaseKey: Buffer,
): Promise<UserEntry> {
  const lookup = userLookup(content.registryId, username);
  const salt = randomBytes(16);
  const kek = await derivePasswordKey(password, salt, passwordKdf);
  const pair = generateKeyPairSync('x25519');
  const privateRaw = Buffer.from(pair.privateKey.export({ format: 'jwk' }).d!, 'base64url');
  const publicKey = Buffer.from(pair.publicKey.export({ format: 'jwk' }).x!, 'base64url').toString('base64');
  const wrapped = seal(kek, privateRaw, accountContext(content.registryId, lookup), salt);
  privateRaw.fill(0);
  return {
    lookup,
    kdf: { ...passwordKdf },
    failedAttempts: 0,
    lastFailureAt: null,
    ...wrapped,
    publicKey,
    sealedKey: sealToAccount(publicKey, databaseKey, registryKeyContext(content.registryId, lookup)),
  };
}

/**
 * The registry key comes from the recovery key (HKDF over its 160 random bits), so the recovery key
 * alone still opens the file when the key file is lost or damaged. Each rekey draws a new random
 * recovery key, and with it a new registry key that nothing before the rekey can derive.
 */
export function deriveDatabaseKey(recoveryBytes: Buffer): Buffer {
  return Buffer.from(hkdfSync('sha256', recoveryBytes, 'so86 registry', 'so86 database key v1', 32));
}

export function wrapForRecovery(registryId: string, recoveryBytes: Buffer, databaseKey: Buffer) {
  const salt = randomBytes(16);
  return seal(deriveRecoveryKey(recoveryBytes, salt), databaseKey, recoveryContext(registryId), salt);
}

export function findUserEntry(content: KeyfileContent, username: string): UserEntry | undefined {
  const lookup = userLookup(content.registryId, username);
  return content.users.find((entry) => timingSafeEqual(Buffer.from(entry.lookup, 'hex'), Buffer.from(lookup, 'hex')));
}

/** The account's private key (version 2 entries), or null when the password is wrong. */
export async function unwrapAccountKey(
  content: KeyfileContent,
  entry: UserEntry,
  password: string,
): Promise<{ privateKey: KeyObject; publicKey: string } | null> {
  if (!entry.publicKey) return null;
  const kek = await derivePasswordKey(password, Buffer.from(entry.salt, 'base64'), entry.kdf);
  const raw = open(kek, entry, accountContext(content.registryId, entry.lookup));
  if (!raw) return null;
  const privateKey = privateKeyFromRaw(raw);
  raw.fill(0);
  return { privateKey, publicKey: entry.publicKey };
}

/** The database key, or null when the password is wrong. */
export async function unwrapWithPassword(content: KeyfileContent, entry: UserEntry, password: string): Promise<Buffer | null> {
  if (!entry.publicKey || !entry.sealedKey) {
    const kek = await derivePasswordKey(password, Buffer.from(entry.salt, 'base64'), entry.kdf);
    return open(kek, entry, userContext(content.registryId, entry.lookup));
  }
  const account = await unwrapAccountKey(content, entry, password);
  return account && openSealed(account, entry.sealedKey, registryKeyContext(content.registryId, entry.lookup));
}

/** Whether the entry still has the version 1 form, upgraded the next time its password opens it. */
export function isLegacyEntry(entry: UserEntry): boolean {
  return !entry.publicKey || !entry.sealedKey;
}

export function unwrapWithRecovery(content: KeyfileContent, recoveryBytes: Buffer): Buffer | null {
  const kek = deriveRecoveryKey(recoveryBytes, Buffer.from(content.recovery.salt, 'base64'));
  return open(kek, content.recovery, recoveryContext(content.registryId));
}

/**
 * Every secret of the key file moved to a new registry key and a new recovery key: the registry
 * key sealed again to each kept account's public key (no password needed), and wrapped under the
 * new recovery key. Accounts `keep` rejects, and version 1 entries that cannot be resealed without
 * their password, are left out and returned by lookup so that an administrator can set them a new
 * password. This is the one place a rekey changes the key file; a secret added to it later is
 * rewrapped here too.
 */
export function rekeyKeyfile(
  content: KeyfileContent,
  change: { databaseKey: Buffer; recoveryBytes: Buffer; keep: (entry: UserEntry) => boolean; disabled: string[] },
): { content: KeyfileContent; droppedLegacy: string[] } {
  const kept = content.users.filter(change.keep);
  const droppedLegacy = kept.filter(isLegacyEntry).map((entry) => entry.lookup);
  const users = kept
    .filter((entry) => !isLegacyEntry(entry))
    .map((entry) => ({
      ...entry,
      sealedKey: sealToAccount(entry.publicKey!, change.databaseKey, registryKeyContext(content.registryId, entry.lookup)),
    }));
  return {
    content: {
      ...content,
      version: currentKeyfileVersion,
      users,
      recovery: wrapForRecovery(content.registryId, change.recoveryBytes, change.databaseKey),
      disabled: [...new Set(change.disabled)],
    },
    droppedLegacy,
  };
}

export async function readKeyfile(file: string): Promise<KeyfileContent> {
  let raw: string;
  try {
    raw = await fs.readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw new DomainError('KEYFILE_MISSING', { path: file });
    throw error;
  }
  return parseKeyfile(raw);
}

/** The unit named in the key file, for the sign-in screen; null when there is no readable key file or no name in it. */
export function unitNameBeforeSignIn(databaseFile: string): string | null {
  try {
    return parseKeyfile(readFileSync(keyfilePathFor(databaseFile), 'utf8')).unitName ?? null;
  } catch {
    return null;
  }
}

export function parseKeyfile(raw: string): KeyfileContent {
  try {
    return KeyfileContent.parse(JSON.parse(raw));
  } catch {
    throw new DomainError('KEYFILE_DAMAGED');
  }
}

function serialiseKeyfile(content: KeyfileContent): string {
  return JSON.stringify(KeyfileContent.parse(content), null, 2);
}

/**
 * The key file as a backup carries it. A backup travels on USB sticks and holds no readable name:
 * the unit's name, kept for the sign-in screen, is left out; the first sign-in after a restore writes it back.
 */
export function keyfileBytesForBackup(raw: string): Buffer {
  const { unitName: _shownAtSignIn, ...content } = parseKeyfile(raw);
  return Buffer.from(serialiseKeyfile(content), 'utf8');
}

/** Written beside the old file, flushed, then renamed over it: a crash leaves the old or the new file, never half of one. */
export async function writeKeyfile(file: string, content: KeyfileContent): Promise<void> {
  const temporary = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.tmp`);
  const handle = await fs.open(temporary, 'w', 0o600);
  try {
    await handle.writeFile(serialiseKeyfile({ ...content, version: currentKeyfileVersion }));
    await handle.sync();
  } finally {
    await handle.close();
  }
  await fs.rename(temporary, file);
}

/** 20 random bytes shown as 8 groups of 4 Crockford base-32 characters. */
const crockford = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

export function newRecoveryKey(): { text: string; bytes: Buffer } {
  const bytes = randomBytes(20);
  return { bytes, text: formatRecoveryKey(bytes) };
}

export function formatRecoveryKey(bytes: Buffer): string {
  let bits = 0;
  let value = 0;
  let output = '';
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      output += crockford[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  return output.match(/.{4}/g)!.join('-');
}

/** Accepts the key as typed: any case, spaces or dashes, and the letters people confuse with digits. */
export function parseRecoveryKey(typed: string): Buffer | null {
  const cleaned = typed.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
  if (!/^[0-9A-HJKMNP-TV-Z]{32}$/.test(cleaned)) return null;
  let bits = 0;
  let value = 0;
  const bytes: number[] = [];
  for (const character of cleaned) {
    value = ((value << 5) | crockford.indexOf(character)) & 0xffff;
    bits += 5;
    if (bits >= 8) {
      bytes.push((value >>> (bits - 8)) & 0xff);
      bits -= 8;
    }
  }
  return Buffer.from(bytes);
}
