import { createCipheriv, createDecipheriv, createHash, hkdfSync, randomBytes, scrypt as scryptCallback, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import { promises as fs, readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { DomainError } from '../../../shared/errors';

/**
 * The key sidecar: the registry's random 32-byte key, wrapped (AES-256-GCM) once per
 * user under a key derived from the password with scrypt, and once under the recovery
 * key. It holds no names: a user's entry is found by a salted hash of the user name.
 */

/** scrypt at OWASP's recommended minimum (N=2^17, r=8, p=1): 128 MiB and a few hundred ms per try. */
export const passwordKdf = { name: 'scrypt', N: 2 ** 17, r: 8, p: 1, keyLength: 32 } as const;

const base64 = z.string().regex(/^[A-Za-z0-9+/]*={0,2}$/).max(4096);
const Wrapped = z.object({ salt: base64, nonce: base64, ciphertext: base64 });
const KdfParams = z.object({ name: z.literal('scrypt'), N: z.number().int().min(2 ** 14).max(2 ** 22), r: z.number().int().min(8).max(32), p: z.number().int().min(1).max(16), keyLength: z.literal(32) });
const UserEntry = Wrapped.extend({
  lookup: z.string().regex(/^[0-9a-f]{64}$/),
  kdf: KdfParams,
  failedAttempts: z.number().int().min(0).default(0),
  lastFailureAt: z.string().nullable().default(null),
});
/**
 * The office's private keys, apart from the registry key (`officeKeys.ts`): sealed under their own
 * random key, which is wrapped only for the accounts allowed to sign and under the recovery key.
 */
const OfficeKeysSection = z.object({
  holders: z.array(Wrapped.extend({ lookup: z.string().regex(/^[0-9a-f]{64}$/), kdf: KdfParams })),
  recovery: Wrapped.nullable(),
  keys: z.object({ nonce: base64, ciphertext: z.string().regex(/^[A-Za-z0-9+/]*={0,2}$/).max(1 << 20) }),
});
export type OfficeKeysSection = z.infer<typeof OfficeKeysSection>;

const KeyfileContent = z.object({
  format: z.literal('so86-keyfile'),
  version: z.literal(1),
  registryId: z.string().uuid(),
  /**
   * The unit's name, the one thing readable before sign-in: the sign-in screen shows whose
   * registry it opens. Written at set-up and brought up to date at each sign-in.
   */
  unitName: z.string().max(200).optional(),
  users: z.array(UserEntry),
  recovery: Wrapped,
  officeKeys: OfficeKeysSection.optional(),
});
export type KeyfileContent = z.infer<typeof KeyfileContent>;
type UserEntry = z.infer<typeof UserEntry>;

export function keyfilePathFor(databaseFile: string): string {
  return `${databaseFile}.keys`;
}

export function userLookup(registryId: string, username: string): string {
  return createHash('sha256').update(`so86-user\u0000${registryId}\u0000${username.normalize('NFC').toLowerCase()}`).digest('hex');
}

export function derivePasswordKey(password: string, salt: Buffer, kdf: z.infer<typeof KdfParams>): Promise<Buffer> {
  const options: ScryptOptions = { N: kdf.N, r: kdf.r, p: kdf.p, maxmem: 256 * kdf.N * kdf.r + 16 * 1024 * 1024 };
  return new Promise((resolve, reject) => {
    scryptCallback(password.normalize('NFC'), salt, kdf.keyLength, options, (error, derived) => (error ? reject(error) : resolve(derived)));
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

function open(kek: Buffer, wrapped: z.infer<typeof Wrapped>, associated: string): Buffer | null {
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
const recoveryContext = (registryId: string) => `so86-keyfile/1/recovery/${registryId}`;

export async function wrapForUser(content: Pick<KeyfileContent, 'registryId'>, username: string, password: string, databaseKey: Buffer): Promise<UserEntry> {
  const lookup = userLookup(content.registryId, username);
  const salt = randomBytes(16);
  const kek = await derivePasswordKey(password, salt, passwordKdf);
  return { lookup, kdf: { ...passwordKdf }, failedAttempts: 0, lastFailureAt: null, ...seal(kek, databaseKey, userContext(content.registryId, lookup), salt) };
}

/**
 * The registry's database key comes from the recovery key, so the recovery key alone opens the
 * file when the key file is lost or damaged. Its 160 random bits are well beyond brute force.
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

/** The database key, or null when the password is wrong. */
export async function unwrapWithPassword(content: KeyfileContent, entry: UserEntry, password: string): Promise<Buffer | null> {
  const kek = await derivePasswordKey(password, Buffer.from(entry.salt, 'base64'), entry.kdf);
  return open(kek, entry, userContext(content.registryId, entry.lookup));
}

export function unwrapWithRecovery(content: KeyfileContent, recoveryBytes: Buffer): Buffer | null {
  const kek = deriveRecoveryKey(recoveryBytes, Buffer.from(content.recovery.salt, 'base64'));
  return open(kek, content.recovery, recoveryContext(content.registryId));
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
    await handle.writeFile(serialiseKeyfile(content));
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
  const cleaned = typed
    .toUpperCase()
    .replace(/[\s-]/g, '')
    .replace(/O/g, '0')
    .replace(/[IL]/g, '1');
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
