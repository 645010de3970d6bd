import { readFileSync, statSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { ownKeys } from '@db/schema';
import { currentIdentity } from './ownIdentity';
import { exportReportPackage } from '../../domain/exchange/transfer';
import { signBytes, verifySignature } from '../../formats/reportFiles/keys';
import type { AppSession } from '../../application/session';
import { openDatabaseWithOwnPassword, openTestRegistry, testPassword } from '../../../testkit/registry';
import { keyfilePathFor, parseKeyfile, parseRecoveryKey, readKeyfile, writeKeyfile } from './keyfile';
import { openOfficeKeysWithPassword, openOfficeKeysWithRecovery, type OfficePrivateKeyPair } from './officeKeys';
import { Registry } from './registry';

const clerkPassword = 'cán bộ nhập liệu 2026';
const leaderPassword = 'bí thư đảng ủy 2026';
const period = { from: '2026-01-01', to: '2026-06-30' };
const sessions: AppSession[] = [];

afterEach(() => {
  for (const session of sessions.splice(0)) session.dispose();
});

async function registryWithClerk() {
  const opened = await openTestRegistry();
  sessions.push(opened.session);
  await opened.call('users.create', {
    username: 'canbo',
    displayName: 'Lê Văn Tâm',
    role: 'clerk',
    password: clerkPassword,
    passwordConfirm: clerkPassword,
  });
  const keys = [...opened.session.requireRegistry().officeKeys().privateKeys.values()];
  expect(keys).toHaveLength(1);
  return { ...opened, keys };
}

/** Every representation of the private keys someone could look for: raw bytes, hex and base64. */
function containsAnyKey(value: unknown, keys: OfficePrivateKeyPair[]): boolean {
  for (const pair of keys) {
    for (const key of [pair.signingPrivateKey, pair.encryptionPrivateKey]) {
      const raw = Buffer.from(key);
      if (Buffer.isBuffer(value) && value.includes(raw)) return true;
      if (
        typeof value === 'string' &&
        (value.includes(raw.toString('hex')) ||
          value.includes(raw.toString('base64')) ||
          value.includes(raw.toString('base64url')))
      )
        return true;
    }
  }
  return false;
}

/** What a clerk can do with the files and their own password, outside the application: open the database and read all of it. */
async function everythingAClerkCanRead(databaseFile: string) {
  const content = await readKeyfile(keyfilePathFor(databaseFile));
  const handle = await openDatabaseWithOwnPassword(databaseFile, 'canbo', clerkPassword);
  try {
    const tables = (handle.sqlite.prepare(`SELECT name FROM sqlite_master WHERE type = 'table'`).all() as { name: string }[]).map(
      (row) => row.name,
    );
    const cells = tables.flatMap((table) =>
      (handle.sqlite.prepare(`SELECT * FROM "${table}"`).raw().all() as unknown[][]).flat(),
    );
    return {
      tables,
      cells,
      keyfileText: readFileSync(keyfilePathFor(databaseFile), 'utf8'),
      content,
      freePages: handle.sqlite.pragma('freelist_count', { simple: true }) as number,
    };
  } finally {
    handle.sqlite.close();
  }
}

describe('office keys by role', () => {
  it('gives a clerk with the database file and its own password no usable private key, and refuses its signing', async () => {
    const { session, databaseFile, call, refusal, keys } = await registryWithClerk();
    session.lock();

    const seen = await everythingAClerkCanRead(databaseFile);
    expect(seen.tables).toContain('own_keys');
    expect(seen.cells.length).toBeGreaterThan(100);
    expect(seen.cells.some((cell) => containsAnyKey(cell, keys))).toBe(false);
    expect(containsAnyKey(seen.keyfileText, keys)).toBe(false);
    expect(await openOfficeKeysWithPassword(seen.content, 'canbo', clerkPassword)).toBeNull();
    // The clerk's password opens none of the office-key wrappings, whoever they belong to.
    expect(await openOfficeKeysWithPassword(seen.content, 'admin', clerkPassword)).toBeNull();

    await call('session.unlock', { username: 'canbo', password: clerkPassword });
    expect((await refusal('packages.export', { period, encryptToParent: false, includeDocuments: false })).code).toBe(
      'FORBIDDEN',
    );
    const clerk = session.requireRegistry();
    const auditRows = clerk.counts().auditRows;
    await expect(exportReportPackage(clerk, { period, recipient: null, includeDocuments: false })).rejects.toMatchObject({
      code: 'OFFICE_KEYS_ROLE',
    });
    expect(() => currentIdentity(clerk)).toThrow(expect.objectContaining({ code: 'OFFICE_KEYS_ROLE' }));
    expect(clerk.counts().auditRows).toBe(auditRows);
    expect(clerk.sqlite.prepare('SELECT count(*) AS n FROM reports').get()).toEqual({ n: 0 });
  }, 120_000);

  it('gives the keys to a new administrator, to a leader when an administrator sets its password, and takes them from a demoted account', async () => {
    const { session, call, refusal, keys, recoveryKey, databaseFile } = await registryWithClerk();
    const second = await call('users.create', {
      username: 'admin2',
      displayName: 'Phó văn phòng',
      role: 'administrator',
      password: leaderPassword,
      passwordConfirm: leaderPassword,
    });
    const clerkId = (await call('users.list', {})).find((user) => user.username === 'canbo')!.id;
    await call('users.update', { id: clerkId, role: 'leader' });

    session.lock();
    await call('session.unlock', { username: 'admin2', password: leaderPassword });
    expect([...session.requireRegistry().officeKeys().privateKeys.values()]).toEqual(keys);

    // Promoted, but nobody could wrap the keys for a password only the account knows.
    session.lock();
    await call('session.unlock', { username: 'canbo', password: clerkPassword });
    expect((await refusal('packages.export', { period, encryptToParent: false, includeDocuments: false })).code).toBe(
      'OFFICE_KEYS_NOT_GRANTED',
    );
    session.lock();
    await call('session.unlock', { username: 'admin', password: testPassword });
    await call('users.resetPassword', { id: clerkId, password: leaderPassword, passwordConfirm: leaderPassword });
    await call('users.update', { id: second.id, role: 'viewer' });
    session.lock();
    await call('session.unlock', { username: 'canbo', password: leaderPassword });
    const exported = await call('packages.export', { period, encryptToParent: false, includeDocuments: false });
    expect(exported.version).toBe(1);

    // A changed password keeps the keys; the old password opens nothing.
    await call('session.changePassword', {
      currentPassword: leaderPassword,
      password: clerkPassword,
      passwordConfirm: clerkPassword,
    });
    const content = await readKeyfile(keyfilePathFor(databaseFile));
    expect(await openOfficeKeysWithPassword(content, 'canbo', clerkPassword)).not.toBeNull();
    expect(await openOfficeKeysWithPassword(content, 'canbo', leaderPassword)).toBeNull();
    expect(await openOfficeKeysWithPassword(content, 'admin2', leaderPassword)).toBeNull();
    expect(content.officeKeys!.holders).toHaveLength(2);
    const recovered = openOfficeKeysWithRecovery(content, parseRecoveryKey(recoveryKey)!);
    expect([...recovered!.privateKeys.values()]).toEqual(keys);
  }, 240_000);

  it('moves the keys of an older registry out of the database at the first administrator sign-in, leaving nothing behind', async () => {
    const { session, databaseFile, call, keys } = await registryWithClerk();
    const admin = session.requireRegistry();
    const keyId = [...admin.officeKeys().privateKeys.keys()][0]!;
    // The layout before this version: the private halves in `own_keys`, no office keys in the key file.
    admin.write((db) =>
      db
        .update(ownKeys)
        .set({
          signingPrivateKey: Buffer.from(keys[0]!.signingPrivateKey),
          encryptionPrivateKey: Buffer.from(keys[0]!.encryptionPrivateKey),
        })
        .run(),
    );
    session.lock();
    const keyfile = keyfilePathFor(databaseFile);
    const { officeKeys: _moved, ...older } = parseKeyfile(readFileSync(keyfile, 'utf8'));
    await writeKeyfile(keyfile, older);

    // A clerk signing in first moves nothing and loses nothing.
    await call('session.unlock', { username: 'canbo', password: clerkPassword });
    expect(session.requireRegistry().db.select().from(ownKeys).get()!.signingPrivateKey).not.toBeNull();
    session.lock();

    const before = await everythingAClerkCanRead(databaseFile);
    expect(before.cells.some((cell) => containsAnyKey(cell, keys))).toBe(true);

    await call('session.unlock', { username: 'admin', password: testPassword });
    const moved = session.requireRegistry();
    expect(moved.officeKeys().privateKeys.get(keyId)).toEqual(keys[0]);
    const message = new TextEncoder().encode('thử ký');
    expect(
      verifySignature(
        currentIdentity(moved).identity.signingPublicKey,
        message,
        signBytes(currentIdentity(moved).identity.signingPrivateKey, message),
      ),
    ).toBe(true);
    expect(moved.sqlite.prepare(`SELECT count(*) AS n FROM audit_log WHERE action = 'keys.move_to_keyfile'`).get()).toEqual({
      n: 1,
    });
    session.lock();

    const after = await everythingAClerkCanRead(databaseFile);
    expect(after.cells.some((cell) => containsAnyKey(cell, keys))).toBe(false);
    expect(after.freePages).toBe(0);
    expect(statSync(`${databaseFile}-wal`, { throwIfNoEntry: false })?.size ?? 0).toBe(0);
    expect(containsAnyKey(after.keyfileText, keys)).toBe(false);
    expect(await openOfficeKeysWithPassword(after.content, 'admin', testPassword)).not.toBeNull();

    const reopened = await Registry.unlock(databaseFile, 'admin', testPassword);
    try {
      expect(reopened.officeKeys().privateKeys.get(keyId)).toEqual(keys[0]);
    } finally {
      reopened.close();
    }
  }, 120_000);
});
