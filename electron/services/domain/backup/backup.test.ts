import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { afterEach, describe, expect, it } from 'vitest';
import { latestSchemaVersion, openRegistryDatabase } from '@db/connection';
import { defaultBackupSchedule } from '@shared/contract/backup';
import { errorSentence } from '@shared/errors';
import { translatorIn } from '@shared/i18n';
import { keyfilePathFor } from '../../storage/registry/keyfile';
import { Registry } from '../../storage/registry/registry';
import { openTestRegistry, testPassword, type OpenTestRegistry } from '../../../testkit/registry';
import { appVersion } from '../../storage/version';
import { backupDue, pruneBackups, runScheduledBackup } from '../../application/backupSchedule';
import { backupFileName, createBackup, restoreBackup, verifyBackup, type BackupProgress } from './';
import { addMember, databaseKeyOf, folderSnapshot, plaintextFound } from '../../../testkit/backup';

const opened: OpenTestRegistry[] = [];

async function registryWithMember(): Promise<OpenTestRegistry> {
  const registry = await openTestRegistry();
  opened.push(registry);
  await addMember(registry);
  return registry;
}

function freshFolder(prefix = 'so86-backups-'): string {
  return mkdtempSync(path.join(tmpdir(), prefix));
}

afterEach(() => {
  for (const registry of opened.splice(0)) registry.session.dispose();
});

describe('what better-sqlite3-multiple-ciphers offers for copying an encrypted registry', () => {
  it('refuses the online backup API (db.backup) to an unkeyed target instead of writing plaintext', async () => {
    const { session } = await registryWithMember();
    const target = path.join(freshFolder(), 'copy.db');
    await expect(session.requireRegistry().sqlite.backup(target)).rejects.toThrow(
      'backup is not supported with incompatible source and target databases',
    );
    // The library leaves the empty file it opened as the target: nothing of the registry reaches it.
    expect(existsSync(target) ? statSync(target).size : 0).toBe(0);
  });

  it('writes VACUUM INTO through the registry’s own cipher (SQLCipher 4) and key: no plaintext, unreadable without the key', async () => {
    const { session, recoveryKey } = await registryWithMember();
    const target = path.join(freshFolder(), 'copy.db');
    session.requireRegistry().sqlite.prepare('VACUUM INTO ?').run(target);
    expect(plaintextFound(target)).toEqual([]);

    const withoutKey = new Database(target);
    expect(() => withoutKey.prepare('SELECT count(*) FROM sqlite_master').get()).toThrow('file is not a database');
    withoutKey.close();
    // The library's default cipher (ChaCha20) with the right key does not open it either: it is SQLCipher.
    const defaultCipher = new Database(target);
    defaultCipher.pragma(`key = "x'${databaseKeyOf(session.databaseFile, recoveryKey).toString('hex')}'"`);
    expect(() => defaultCipher.prepare('SELECT count(*) FROM sqlite_master').get()).toThrow('file is not a database');
    defaultCipher.close();

    session.lock();
    const copy = openRegistryDatabase(target, databaseKeyOf(session.databaseFile, recoveryKey));
    expect(copy.sqlite.pragma('cipher', { simple: true })).toBe('sqlcipher');
    expect(copy.sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(copy.sqlite.prepare('SELECT full_name AS name FROM members').get()).toEqual({ name: 'Đặng Thị Hoà' });
    copy.sqlite.close();
  });
});

describe('making a backup', () => {
  it('writes one encrypted .so86bak named by unit and time, reporting its progress, that opens with the password and with the recovery key', async () => {
    const { session, recoveryKey } = await registryWithMember();
    const folder = freshFolder();
    const steps: BackupProgress[] = [];
    const now = new Date('2026-05-03T07:07:30Z');
    const made = await createBackup(session.requireRegistry(), { folder }, { now, onProgress: (step) => steps.push(step) });

    expect(made.fileName).toBe('so86_VINHTRACH_2026-05-03_1407.so86bak');
    expect(backupFileName('VINHTRACH', now)).toBe(made.fileName);
    expect(readdirSync(folder)).toEqual([made.fileName]);
    expect(readdirSync(path.dirname(session.config.databaseFile)).filter((name) => name.includes('snapshot'))).toEqual([]);
    expect([...new Set(steps.map((step) => step.phase))]).toEqual(['snapshot', 'checking', 'writing', 'verifying']);
    expect(steps.filter((step) => step.phase === 'writing').at(-1)).toMatchObject({ done: made.bytes, total: made.bytes });
    expect(plaintextFound(made.file)).toEqual([]);

    const structure = await verifyBackup(made.file);
    expect(structure).toEqual({
      summary: {
        fileName: made.fileName,
        bytes: made.bytes,
        createdAt: now.toISOString(),
        appVersion,
        unitCode: 'VINHTRACH',
        unitLevel: 'commune',
        schemaVersion: latestSchemaVersion(),
      },
      opened: null,
    });
    const expectedOpened = {
      unitName: 'Đảng ủy xã Vĩnh Trạch',
      counts: { members: 1, users: 1 },
      integrity: { depth: 'full', ok: true, problems: [] },
      auditChainIntact: true,
    };
    expect((await verifyBackup(made.file, { password: testPassword })).opened).toMatchObject(expectedOpened);
    expect((await verifyBackup(made.file, { password: testPassword, username: 'admin' })).opened).toMatchObject(expectedOpened);
    expect((await verifyBackup(made.file, { recoveryKey: recoveryKey.toLowerCase() })).opened).toMatchObject(expectedOpened);
    await expect(verifyBackup(made.file, { password: 'không phải mật khẩu' })).rejects.toMatchObject({ code: 'WRONG_PASSWORD' });
    await expect(verifyBackup(made.file, { recoveryKey: 'AAAA-BBBB-CCCC-DDDD-EEEE-FFFF-GGGG-HHHH' })).rejects.toMatchObject({
      code: 'WRONG_RECOVERY_KEY',
    });
  });

  it('keeps both names when two backups are made in the same minute, and refuses a folder that is not there', async () => {
    const { session } = await registryWithMember();
    const folder = freshFolder();
    const now = new Date('2026-05-03T07:07:30Z');
    const first = await createBackup(session.requireRegistry(), { folder }, { now });
    const second = await createBackup(session.requireRegistry(), { folder }, { now });
    expect([first.fileName, second.fileName]).toEqual([
      'so86_VINHTRACH_2026-05-03_1407.so86bak',
      'so86_VINHTRACH_2026-05-03_1407-2.so86bak',
    ]);
    await expect(createBackup(session.requireRegistry(), { folder: path.join(folder, 'USB chưa cắm') })).rejects.toMatchObject({
      code: 'BACKUP_FOLDER_UNAVAILABLE',
    });
  });
});

describe('checking a backup without the password', () => {
  async function madeBackup() {
    const { session } = await registryWithMember();
    const made = await createBackup(session.requireRegistry(), { folder: freshFolder() });
    return { bytes: readFileSync(made.file), folder: freshFolder() };
  }

  it('finds a changed byte anywhere, a truncated or extended copy, a stranger’s file and a newer format', async () => {
    const { bytes, folder } = await madeBackup();
    const headerLength = bytes.readUInt32BE(10);
    const variant = (name: string, change: (copy: Buffer) => Buffer) => {
      const file = path.join(folder, `${name}.so86bak`);
      writeFileSync(file, change(Buffer.from(bytes)));
      return file;
    };
    const flip = (offset: number) => (copy: Buffer) => {
      copy[offset] = copy[offset]! ^ 0x01;
      return copy;
    };
    const damaged = {
      header: variant('header', flip(14 + 5)),
      headerHash: variant('header-hash', flip(14 + headerLength + 3)),
      keyfile: variant('keyfile', flip(14 + headerLength + 32 + 10)),
      database: variant('database', flip(bytes.length - 4000)),
      truncated: variant('truncated', (copy) => copy.subarray(0, copy.length - 1)),
      extended: variant('extended', (copy) => Buffer.concat([copy, Buffer.from([0])])),
    };
    for (const [name, file] of Object.entries(damaged)) {
      await expect(verifyBackup(file), name).rejects.toMatchObject({
        code: 'BACKUP_DAMAGED',
        params: { file: path.basename(file) },
      });
    }
    await expect(
      verifyBackup(variant('stranger', () => Buffer.from('PK\u0003\u0004 not a backup at all'))),
    ).rejects.toMatchObject({ code: 'BACKUP_NOT_A_BACKUP' });
    await expect(verifyBackup(variant('newer', (copy) => (copy.writeUInt16BE(2, 8), copy)))).rejects.toMatchObject({
      code: 'BACKUP_TOO_NEW',
    });
    await expect(verifyBackup(path.join(folder, 'missing.so86bak'))).rejects.toMatchObject({ code: 'BACKUP_NOT_FOUND' });
  });
});

describe('restoring', () => {
  it('replaces the registry with the backup, keeping the replaced files under a dated name that still opens', async () => {
    const registry = await registryWithMember();
    const made = await createBackup(registry.session.requireRegistry(), { folder: freshFolder() });
    await addMember(registry, { code: 'DV-0002', fullName: 'Lê Văn Tâm', nationalId: null, gender: 'male', birthDate: null });
    registry.session.lock();

    const result = await restoreBackup(
      made.file,
      registry.databaseFile,
      { password: testPassword },
      { now: new Date('2026-05-04T01:02:03Z') },
    );
    expect(result.keptAs).toBe(`${registry.databaseFile}.before-restore-2026-05-04_080203`);
    expect(result.opened).toMatchObject({ counts: { members: 1 }, integrity: { ok: true } });
    expect(readdirSync(path.dirname(registry.databaseFile)).sort()).toEqual(
      [
        'so86.db',
        'so86.db.before-restore-2026-05-04_080203',
        'so86.db.before-restore-2026-05-04_080203.keys',
        'so86.db.keys',
      ].sort(),
    );

    const restored = await Registry.unlock(registry.databaseFile, 'admin', testPassword);
    expect(restored.counts().members).toBe(1);
    restored.close();
    const kept = await Registry.unlock(result.keptAs!, 'admin', testPassword);
    expect(kept.counts().members).toBe(2);
    kept.close();
  });

  it('restores onto a PC that has no registry yet', async () => {
    const registry = await registryWithMember();
    const made = await createBackup(registry.session.requireRegistry(), { folder: freshFolder() });
    const newPc = path.join(freshFolder('so86-new-pc-'), 'So86', 'so86.db');
    const result = await restoreBackup(made.file, newPc, { recoveryKey: registry.recoveryKey });
    expect(result.keptAs).toBeNull();
    const restored = await Registry.unlock(newPc, 'admin', testPassword);
    expect(restored.counts().members).toBe(1);
    restored.close();
  });

  it('leaves the target exactly as it was when the registry is in use, the backup is damaged, the password is wrong or the backup is another registry’s', async () => {
    const registry = await registryWithMember();
    const made = await createBackup(registry.session.requireRegistry(), { folder: freshFolder() });
    const folder = path.dirname(registry.databaseFile);

    const inUse = folderSnapshot(folder);
    await expect(restoreBackup(made.file, registry.databaseFile, { password: testPassword })).rejects.toMatchObject({
      code: 'DATABASE_IN_USE',
    });
    expect(folderSnapshot(folder)).toEqual(inUse);

    registry.session.lock();
    const locked = folderSnapshot(folder);
    const damaged = path.join(freshFolder(), 'damaged.so86bak');
    const bytes = readFileSync(made.file);
    bytes[bytes.length - 100] = bytes[bytes.length - 100]! ^ 0xff;
    writeFileSync(damaged, bytes);
    await expect(restoreBackup(damaged, registry.databaseFile, { password: testPassword })).rejects.toMatchObject({
      code: 'BACKUP_DAMAGED',
    });
    await expect(restoreBackup(made.file, registry.databaseFile, { password: 'không phải mật khẩu' })).rejects.toMatchObject({
      code: 'WRONG_PASSWORD',
    });

    const other = await openTestRegistry({ code: 'ANPHU', name: 'Đảng ủy xã An Phú', level: 'commune', parentCode: 'ANGIANG' });
    opened.push(other);
    const othersBackup = await createBackup(other.session.requireRegistry(), { folder: freshFolder() });
    await expect(restoreBackup(othersBackup.file, registry.databaseFile, { password: testPassword })).rejects.toMatchObject({
      code: 'BACKUP_OTHER_REGISTRY',
      params: { unit: 'ANPHU' },
    });
    expect(folderSnapshot(folder)).toEqual(locked);
  });
});

describe('scheduled backups', () => {
  const day = 86_400_000;
  const now = new Date('2026-05-03T01:00:00Z');

  it('are due when switched on and the last backup is a day old, or missing, or dated in the future', () => {
    const on = defaultBackupSchedule;
    expect(backupDue(null, now, on)).toBe(true);
    expect(backupDue(new Date(now.getTime() - day).toISOString(), now, on)).toBe(true);
    expect(backupDue(new Date(now.getTime() - day + 60_000).toISOString(), now, on)).toBe(false);
    expect(backupDue(new Date(now.getTime() + 3_600_000).toISOString(), now, on)).toBe(true);
    expect(backupDue(null, now, { ...on, enabled: false })).toBe(false);
  });

  it('back up once a day into the folder beside the registry, keep the newest N, and record each one in the registry and its audit log', async () => {
    const registry = await registryWithMember();
    await registry.call('backup.saveSchedule', { enabled: true, folder: null, keep: 2 });
    const backups = path.join(path.dirname(registry.databaseFile), 'backups');

    expect((await runScheduledBackup(registry.session, now))?.fileName).toBe('so86_VINHTRACH_2026-05-03_0800.so86bak');
    expect(await runScheduledBackup(registry.session, new Date(now.getTime() + 3_600_000))).toBeNull();
    await runScheduledBackup(registry.session, new Date(now.getTime() + day));
    writeFileSync(path.join(backups, 'ghi chú của văn phòng.txt'), 'không được xóa');
    await runScheduledBackup(registry.session, new Date(now.getTime() + 2 * day));
    expect(readdirSync(backups).sort()).toEqual([
      'ghi chú của văn phòng.txt',
      'so86_VINHTRACH_2026-05-04_0800.so86bak',
      'so86_VINHTRACH_2026-05-05_0800.so86bak',
    ]);

    const status = await registry.call('backup.status', {});
    expect(status).toMatchObject({
      last: { fileName: 'so86_VINHTRACH_2026-05-05_0800.so86bak', folder: backups, scheduled: true },
      schedule: { keep: 2 },
      scheduleFolder: backups,
      lastScheduledFailure: null,
    });
    const logged = await registry.call('audit.list', { action: 'backup.create' });
    expect(logged.total).toBe(3);
  });

  it('say in Settings why the last scheduled backup failed, and try again at the next call', async () => {
    const registry = await registryWithMember();
    const usb = path.join(freshFolder(), 'USB');
    await registry.call('backup.saveSchedule', { enabled: true, folder: usb, keep: 7 });
    expect(await runScheduledBackup(registry.session, now)).toBeNull();
    const failure = (await registry.call('backup.status', {})).lastScheduledFailure;
    expect(failure).toMatchObject({ code: 'BACKUP_FOLDER_UNAVAILABLE' });
    expect(errorSentence({ ...failure!, issues: [] }, translatorIn('vi'))).toContain('USB');
    mkdirSync(usb);
    expect(await runScheduledBackup(registry.session, now)).not.toBeNull();
    expect((await registry.call('backup.status', {})).lastScheduledFailure).toBeNull();
  });

  it('prune only this unit’s backups, oldest first, counting two backups of one minute in order', async () => {
    const folder = freshFolder();
    const names = [
      'so86_VT_2026-05-01_0800.so86bak',
      'so86_VT_2026-05-02_0800.so86bak',
      'so86_VT_2026-05-02_0800-2.so86bak',
      'so86_VTX_2026-04-01_0800.so86bak',
      'so86_VT_2026-05-03_0800.so86bak.partial',
    ];
    for (const name of names) writeFileSync(path.join(folder, name), '');
    expect(await pruneBackups(folder, 'VT', 2)).toEqual(['so86_VT_2026-05-01_0800.so86bak']);
    expect(await pruneBackups(folder, 'VT', 1)).toEqual(['so86_VT_2026-05-02_0800.so86bak']);
    expect(readdirSync(folder).sort()).toEqual([
      'so86_VTX_2026-04-01_0800.so86bak',
      'so86_VT_2026-05-02_0800-2.so86bak',
      'so86_VT_2026-05-03_0800.so86bak.partial',
    ]);
  });
});

describe('the backup calls', () => {
  it('download a backup, check it and restore it at the sign-in screen, never while the registry is open', async () => {
    const registry = await registryWithMember();
    const made = await registry.call('backup.create', { destination: 'download' });
    expect(made).toMatchObject({
      fileName: expect.stringMatching(/^so86_VINHTRACH_\d{4}-\d{2}-\d{2}_\d{4}\.so86bak$/),
      folder: null,
    });
    const upload = { fileName: made.fileName, contentBase64: made.contentBase64! };
    expect((await registry.call('backup.inspect', upload)).summary).toMatchObject({ unitCode: 'VINHTRACH', bytes: made.bytes });
    expect(await registry.refusal('backup.restore', { ...upload, credentials: { password: testPassword } })).toMatchObject({
      code: 'BACKUP_SIGNED_IN',
    });

    registry.session.lock();
    const inspected = await registry.call('backup.inspect', { ...upload, credentials: { recoveryKey: registry.recoveryKey } });
    expect(inspected.opened).toMatchObject({ unitName: 'Đảng ủy xã Vĩnh Trạch', counts: { members: 1 } });
    const restored = await registry.call('backup.restore', { ...upload, credentials: { password: testPassword } });
    expect(restored.keptAs).toMatch(/so86\.db\.before-restore-\d{4}-\d{2}-\d{2}_\d{6}$/);
    expect(existsSync(keyfilePathFor(restored.keptAs!))).toBe(true);
    await registry.call('session.unlock', { username: 'admin', password: testPassword });
    // The backup was taken before its own record was written: the restored registry has no last backup, so the next scheduled one is due at once.
    expect(await registry.call('backup.status', {})).toMatchObject({ last: null });
    expect((await registry.call('members.search', {})).total).toBe(1);
  });

  it('let only administrators back up, and check the data file in full on demand', async () => {
    const registry = await registryWithMember();
    expect(await registry.call('integrity.status', {})).toMatchObject({ depth: 'quick', ok: true });
    expect(await registry.call('integrity.check', {})).toMatchObject({ depth: 'full', ok: true, problems: [] });
    await registry.call('users.create', {
      username: 'lanhdao',
      displayName: 'Lãnh đạo',
      role: 'leader',
      password: testPassword,
      passwordConfirm: testPassword,
    });
    await registry.call('session.lock', {});
    await registry.call('session.unlock', { username: 'lanhdao', password: testPassword });
    expect(await registry.refusal('backup.create', { destination: 'folder' })).toMatchObject({ code: 'FORBIDDEN' });
    expect(await registry.refusal('integrity.check', {})).toMatchObject({ code: 'FORBIDDEN' });
  });
});
