import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cells, members } from '@db/schema';
import { newId } from '@shared/ids';
import { verifyAuditChain } from '../audit';
import { keyfilePathFor, parseRecoveryKey, readKeyfile, unitNameBeforeSignIn } from './keyfile';
import { Registry } from './registry';

const unit = { code: 'VINHTRACH', name: 'Đảng ủy xã Vĩnh Trạch', level: 'commune' as const, parentCode: 'AG' };
const admin = { username: 'vanphong', displayName: 'Văn phòng Đảng ủy', password: 'mật khẩu đủ dài 2026' };

let folder: string;
let databaseFile: string;
const opened: Registry[] = [];

function track(registry: Registry): Registry {
  opened.push(registry);
  return registry;
}

beforeEach(() => {
  folder = mkdtempSync(path.join(tmpdir(), 'so86-registry-'));
  databaseFile = path.join(folder, 'so86.db');
});

afterEach(() => {
  for (const registry of opened.splice(0)) registry.close();
});

async function createRegistry() {
  const created = await Registry.create(databaseFile, { unit, admin });
  track(created.registry);
  return created;
}

function addMember(registry: Registry, fullName: string) {
  const now = new Date().toISOString();
  const cellId = newId();
  registry.write((db) => {
    db.insert(cells)
      .values({
        id: cellId,
        unitId: registry.ownUnit().id,
        name: 'Chi bộ ấp Tây Bình',
        nameFolded: 'chi bo ap tay binh',
        createdAt: now,
        updatedAt: now,
      })
      .run();
    db.insert(members)
      .values({
        id: newId(),
        unitId: registry.ownUnit().id,
        cellId,
        code: 'DV-0001',
        fullName,
        nameFolded: 'dang thi hoa',
        nameSortKey: 'hoa',
        nationalId: '087190000123',
        createdAt: now,
        updatedAt: now,
      })
      .run();
  });
}

describe('creating a registry', () => {
  it('makes an encrypted database, its key file, the unit and the administrator, and returns a recovery key', async () => {
    const { registry, recoveryKey } = await createRegistry();
    expect(recoveryKey).toMatch(/^([0-9A-Z]{4}-){7}[0-9A-Z]{4}$/);
    expect(parseRecoveryKey(recoveryKey)).toHaveLength(20);
    expect(registry.ownUnit()).toMatchObject({ code: 'VINHTRACH', name: unit.name, level: 'commune', parentCode: 'AG' });
    expect(registry.user).toMatchObject({ username: 'vanphong', role: 'administrator' });
    expect(registry.counts().users).toBe(1);
    expect(verifyAuditChain(registry)).toEqual({ ok: true, rows: 3 });
    const keyfile = await readKeyfile(keyfilePathFor(databaseFile));
    expect(keyfile.users).toHaveLength(1);
    expect(keyfile.users[0]!.kdf).toMatchObject({ name: 'scrypt', N: 131072, r: 8, p: 1 });
  });

  it('refuses to overwrite an existing registry', async () => {
    await createRegistry();
    await expect(Registry.create(databaseFile, { unit, admin })).rejects.toMatchObject({ code: 'ALREADY_INITIALISED' });
  });

  it('requires a parent unit below the central level', async () => {
    await expect(Registry.create(databaseFile, { unit: { ...unit, parentCode: null }, admin })).rejects.toMatchObject({
      code: 'PARENT_REQUIRED',
    });
    expect(readdirSync(folder)).toEqual([]);
  });
});

describe('unlocking', () => {
  it('opens with the right password and knows the user', async () => {
    (await createRegistry()).registry.close();
    const registry = track(await Registry.unlock(databaseFile, 'VanPhong', admin.password));
    expect(registry.user.username).toBe('vanphong');
    expect(registry.ownUnit().name).toBe(unit.name);
  });

  it('names the unit in the key file for the sign-in screen, and nothing else readable, kept up to date at sign-in', async () => {
    const { registry } = await createRegistry();
    expect(unitNameBeforeSignIn(databaseFile)).toBe(unit.name);
    const raw = readFileSync(keyfilePathFor(databaseFile), 'utf8');
    expect(raw).not.toContain(admin.username);
    expect(raw).not.toContain(admin.displayName);
    expect(raw).not.toContain(unit.code);
    registry.sqlite.prepare('UPDATE units SET name = ? WHERE is_self = 1').run('Đảng ủy phường Vĩnh Trạch');
    registry.close();
    const keyfile = await readKeyfile(keyfilePathFor(databaseFile));
    writeFileSync(keyfilePathFor(databaseFile), JSON.stringify({ ...keyfile, unitName: undefined }));
    expect(unitNameBeforeSignIn(databaseFile)).toBeNull();
    track(await Registry.unlock(databaseFile, admin.username, admin.password));
    expect(unitNameBeforeSignIn(databaseFile)).toBe('Đảng ủy phường Vĩnh Trạch');
  });

  it('refuses a wrong password with a clear code and changes nothing in the database or the wrapped keys', async () => {
    (await createRegistry()).registry.close();
    const databaseBefore = readFileSync(databaseFile);
    const keysBefore = (await readKeyfile(keyfilePathFor(databaseFile))).users.map(({ salt, nonce, ciphertext }) => ({
      salt,
      nonce,
      ciphertext,
    }));
    await expect(Registry.unlock(databaseFile, admin.username, 'sai mật khẩu rồi')).rejects.toMatchObject({
      code: 'WRONG_PASSWORD',
    });
    await expect(Registry.unlock(databaseFile, 'nobody', admin.password)).rejects.toMatchObject({ code: 'WRONG_PASSWORD' });
    expect(readFileSync(databaseFile).equals(databaseBefore)).toBe(true);
    const keysAfter = (await readKeyfile(keyfilePathFor(databaseFile))).users.map(({ salt, nonce, ciphertext }) => ({
      salt,
      nonce,
      ciphertext,
    }));
    expect(keysAfter).toEqual(keysBefore);
    track(await Registry.unlock(databaseFile, admin.username, admin.password));
  });

  it('slows down repeated failures, across restarts, and resets after a success', async () => {
    (await createRegistry()).registry.close();
    const start = new Date();
    const at = (seconds: number) => new Date(start.getTime() + seconds * 1000);
    for (let attempt = 0; attempt < 3; attempt += 1) {
      await expect(Registry.unlock(databaseFile, admin.username, 'sai mật khẩu', {}, start)).rejects.toMatchObject({
        code: 'WRONG_PASSWORD',
      });
    }
    await expect(Registry.unlock(databaseFile, admin.username, admin.password, {}, start)).rejects.toMatchObject({
      code: 'THROTTLED',
      params: { seconds: 2 },
    });
    await expect(Registry.unlock(databaseFile, admin.username, 'sai mật khẩu', {}, at(2))).rejects.toMatchObject({
      code: 'WRONG_PASSWORD',
    });
    await expect(Registry.unlock(databaseFile, admin.username, admin.password, {}, at(3))).rejects.toMatchObject({
      code: 'THROTTLED',
      params: { seconds: 3 },
    });
    track(await Registry.unlock(databaseFile, admin.username, admin.password, {}, at(6))).close();
    expect((await readKeyfile(keyfilePathFor(databaseFile))).users[0]!.failedAttempts).toBe(0);
  });

  it('says when the key file is missing', async () => {
    (await createRegistry()).registry.close();
    rmSync(keyfilePathFor(databaseFile));
    await expect(Registry.unlock(databaseFile, admin.username, admin.password)).rejects.toMatchObject({
      code: 'KEYFILE_MISSING',
    });
  });

  it('tells that the registry is in use while another opener holds it', async () => {
    await createRegistry();
    await expect(Registry.unlock(databaseFile, admin.username, admin.password)).rejects.toMatchObject({
      code: 'DATABASE_IN_USE',
    });
  });
});

describe('passwords and recovery', () => {
  it('changes the password: the old one stops working, the new one works', async () => {
    const { registry } = await createRegistry();
    await expect(registry.changePassword('không đúng mật khẩu', 'mật khẩu mới 2027')).rejects.toMatchObject({
      code: 'WRONG_PASSWORD',
    });
    await registry.changePassword(admin.password, 'mật khẩu mới 2027');
    registry.close();
    await expect(Registry.unlock(databaseFile, admin.username, admin.password)).rejects.toMatchObject({ code: 'WRONG_PASSWORD' });
    const reopened = track(await Registry.unlock(databaseFile, admin.username, 'mật khẩu mới 2027'));
    expect(verifyAuditChain(reopened).ok).toBe(true);
  });

  it('unlocks with the recovery key, typed loosely, and sets a new password', async () => {
    const { registry, recoveryKey } = await createRegistry();
    addMember(registry, 'Đặng Thị Hoà');
    registry.close();
    const typed = ` ${recoveryKey.toLowerCase().replace(/-/g, ' ')} `;
    await expect(
      Registry.recover(databaseFile, 'AAAA-BBBB-CCCC-DDDD-EEEE-FFFF-GGGG-HHHH', admin.username, 'mật khẩu sau khôi phục'),
    ).rejects.toMatchObject({
      code: 'WRONG_RECOVERY_KEY',
    });
    track(await Registry.recover(databaseFile, typed, admin.username, 'mật khẩu sau khôi phục')).close();
    await expect(Registry.unlock(databaseFile, admin.username, admin.password)).rejects.toMatchObject({ code: 'WRONG_PASSWORD' });
    const reopened = track(await Registry.unlock(databaseFile, admin.username, 'mật khẩu sau khôi phục'));
    expect(reopened.counts().members).toBe(1);
  });

  it('rebuilds a lost key file from the recovery key', async () => {
    const { registry, recoveryKey } = await createRegistry();
    registry.close();
    const original = await readKeyfile(keyfilePathFor(databaseFile));
    writeFileSync(keyfilePathFor(databaseFile), JSON.stringify({ ...original, users: [] }));
    track(await Registry.recover(databaseFile, recoveryKey, admin.username, 'mật khẩu sau khôi phục')).close();
    expect(track(await Registry.unlock(databaseFile, admin.username, 'mật khẩu sau khôi phục')).user.role).toBe('administrator');
  });
});

describe('data at rest', () => {
  const needles = [
    'Đặng Thị Hoà',
    'Vĩnh Trạch',
    'Tây Bình',
    'dang thi hoa',
    '087190000123',
    'vanphong',
    'SQLite format 3',
    'CREATE TABLE',
    'members',
  ];

  /** The key file names the unit for the sign-in screen (see "names the unit in the key file"); nothing else may be readable. */
  function plaintextFound(file: string): string[] {
    const bytes = readFileSync(file);
    const sought = file === keyfilePathFor(databaseFile) ? needles.filter((needle) => !unit.name.includes(needle)) : needles;
    return sought.filter(
      (needle) =>
        bytes.includes(Buffer.from(needle, 'utf8')) ||
        bytes.includes(Buffer.from(needle, 'utf16le')) ||
        bytes.includes(Buffer.from(needle.normalize('NFD'), 'utf8')),
    );
  }

  it("leaves no readable name, table definition or SQLite header in the database, its journal or the key file (but the unit's name there)", async () => {
    const { registry } = await createRegistry();
    addMember(registry, 'Đặng Thị Hoà');
    const whileOpen = readdirSync(folder).map((name) => path.join(folder, name));
    expect(whileOpen.some((file) => file.endsWith('-wal'))).toBe(true);
    for (const file of whileOpen) expect({ file, found: plaintextFound(file) }).toEqual({ file, found: [] });
    registry.close();
    for (const file of readdirSync(folder).map((name) => path.join(folder, name)))
      expect({ file, found: plaintextFound(file) }).toEqual({ file, found: [] });
  });
});
