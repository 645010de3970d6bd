import { createCipheriv, randomBytes, scryptSync } from 'node:crypto';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createBackup } from '../../domain/backup';
import { restoreBackup } from '../../domain/backup/restore';
import { folderSnapshot } from '../../../testkit/backup';
import { verifyAuditChain } from '../audit';
import { createUser, updateUser } from '../../domain/users';
import { keyfilePathFor, parseRecoveryKey, readKeyfile, unwrapWithRecovery, userLookup } from './keyfile';
import { openOfficeKeysWithPassword, openOfficeKeysWithRecovery } from './officeKeys';
import { Registry } from './registry';

const unit = { code: 'VT', name: 'Đảng ủy xã Vĩnh Trạch', level: 'commune' as const, parentCode: 'AG' };
const admin = { username: 'vanphong', displayName: 'Văn phòng Đảng ủy', password: 'mật khẩu quản trị 2026' };
const clerk = {
  username: 'nhaplieu',
  displayName: 'Cán bộ nhập liệu',
  role: 'clerk' as const,
  password: 'mật khẩu nhập liệu 2026',
};
const leader = { username: 'bithu', displayName: 'Bí thư', role: 'leader' as const, password: 'mật khẩu lãnh đạo 2026' };

const opened: Registry[] = [];
function track(registry: Registry): Registry {
  opened.push(registry);
  return registry;
}
afterEach(() => {
  for (const registry of opened.splice(0)) registry.close();
});

function freshFile(name = 'so86.db'): string {
  return path.join(mkdtempSync(path.join(tmpdir(), 'so86-rekey-')), name);
}

/** Copies a registry's database and key file, as someone who kept them would. */
function copyRegistry(from: string, to: string) {
  mkdirSync(path.dirname(to), { recursive: true });
  copyFileSync(from, to);
  copyFileSync(keyfilePathFor(from), keyfilePathFor(to));
}

describe('rekeying the registry (đổi khóa sổ)', () => {
  it('gives the registry a new key: remaining accounts keep their passwords, the disabled clerk opens nothing even with a copy of the old key file', async () => {
    const databaseFile = freshFile();
    const { registry, recoveryKey: oldRecoveryKey } = await Registry.create(databaseFile, { unit, admin });
    track(registry);
    const clerkId = (await createUser(registry, clerk)).id;
    await createUser(registry, leader);
    registry.close();
    // The clerk keeps a copy of the registry and its key file while the account is still active.
    const kept = freshFile();
    copyRegistry(databaseFile, kept);
    const oldKeyfile = readFileSync(keyfilePathFor(databaseFile), 'utf8');

    const administrator = track(await Registry.unlock(databaseFile, admin.username, admin.password));
    const disabled = await updateUser(administrator, { id: clerkId, active: false });
    expect(disabled.active).toBe(false);
    expect(disabled.rekeyed).toMatchObject({
      recoveryKey: expect.stringMatching(/^([0-9A-Z]{4}-){7}[0-9A-Z]{4}$/),
      needNewPassword: [],
    });
    const newRecoveryKey = disabled.rekeyed!.recoveryKey;
    expect(newRecoveryKey).not.toBe(oldRecoveryKey);
    expect(verifyAuditChain(administrator).ok).toBe(true);
    expect(administrator.sqlite.prepare(`SELECT count(*) AS n FROM audit_log WHERE action = 'registry.rekey'`).get()).toEqual({
      n: 1,
    });
    administrator.close();

    // The leader, whose password nobody typed during the rekey, still signs in; so does the administrator.
    track(await Registry.unlock(databaseFile, leader.username, leader.password)).close();
    track(await Registry.unlock(databaseFile, admin.username, admin.password)).close();
    // The clerk's password opens nothing in the live key file.
    await expect(Registry.unlock(databaseFile, clerk.username, clerk.password)).rejects.toMatchObject({ code: 'WRONG_PASSWORD' });
    // With the old key file put back beside the live database, the old password unwraps the old key, which the database no longer takes.
    const stolen = freshFile();
    copyFileSync(databaseFile, stolen);
    writeFileSync(keyfilePathFor(stolen), oldKeyfile);
    await expect(Registry.unlock(stolen, clerk.username, clerk.password)).rejects.toMatchObject({ code: 'DATABASE_DAMAGED' });
    // Neither does the old recovery key; the new one does.
    expect(unwrapWithRecovery(await readKeyfile(keyfilePathFor(databaseFile)), parseRecoveryKey(oldRecoveryKey)!)).toBeNull();
    track(await Registry.recover(databaseFile, newRecoveryKey, admin.username, 'mật khẩu sau khôi phục 2026')).close();
    // The copy taken before the rekey still opens with the old password: what was copied stays readable, what comes later does not.
    track(await Registry.unlock(kept, clerk.username, clerk.password)).close();
  }, 400_000);

  it('office keys follow the new recovery key: it opens them after a rekey, the old one no longer does, and the leader still holds them', async () => {
    const databaseFile = freshFile();
    const { registry, recoveryKey: oldRecoveryKey } = await Registry.create(databaseFile, { unit, admin });
    track(registry);
    await createUser(registry, leader);
    const signingKeys = [...registry.officeKeys().privateKeys.values()];
    const { recoveryKey } = await registry.rekey();
    const content = await readKeyfile(keyfilePathFor(databaseFile));
    expect([...openOfficeKeysWithRecovery(content, parseRecoveryKey(recoveryKey)!)!.privateKeys.values()]).toEqual(signingKeys);
    expect(openOfficeKeysWithRecovery(content, parseRecoveryKey(oldRecoveryKey)!)).toBeNull();
    expect([...(await openOfficeKeysWithPassword(content, leader.username, leader.password))!.privateKeys.values()]).toEqual(
      signingKeys,
    );
  }, 120_000);

  it('restoring over the live registry: a disabled clerk with last month’s backup is refused, a leader is refused, an administrator restores, and a new PC restores with the backup’s own password', async () => {
    const databaseFile = freshFile();
    const { registry } = await Registry.create(databaseFile, { unit, admin });
    track(registry);
    const clerkSummary = await createUser(registry, clerk);
    await createUser(registry, leader);
    const backupFolder = path.dirname(freshFile());
    const lastMonth = await createBackup(registry, { folder: backupFolder });
    const disabled = await updateUser(registry, { id: clerkSummary.id, active: false });
    expect(disabled.rekeyed).not.toBeNull();
    registry.close();

    const liveFolder = path.dirname(databaseFile);
    const before = folderSnapshot(liveFolder);
    await expect(
      restoreBackup(lastMonth.file, databaseFile, { password: clerk.password, username: clerk.username }),
    ).rejects.toMatchObject({ code: 'BACKUP_ACCOUNT_DISABLED' });
    await expect(restoreBackup(lastMonth.file, databaseFile, { password: clerk.password })).rejects.toMatchObject({
      code: 'BACKUP_ACCOUNT_DISABLED',
    });
    await expect(
      restoreBackup(lastMonth.file, databaseFile, { password: leader.password, username: leader.username }),
    ).rejects.toMatchObject({ code: 'BACKUP_NEEDS_ADMINISTRATOR' });
    expect(folderSnapshot(liveFolder)).toEqual(before);
    await expect(Registry.unlock(databaseFile, clerk.username, clerk.password)).rejects.toMatchObject({ code: 'WRONG_PASSWORD' });

    const restored = await restoreBackup(lastMonth.file, databaseFile, { password: admin.password, username: admin.username });
    expect(restored.keptAs).not.toBeNull();

    const newPc = freshFile();
    const onNewPc = await restoreBackup(lastMonth.file, newPc, { password: clerk.password, username: clerk.username });
    expect(onNewPc.keptAs).toBeNull();
    expect(track(await Registry.unlock(newPc, clerk.username, clerk.password)).user.role).toBe('clerk');
  }, 400_000);

  it('an administrator restores a backup made while the clerk was active: the clerk stays disabled, the restored registry is rekeyed, and the restore is audited', async () => {
    const databaseFile = freshFile();
    const { registry } = await Registry.create(databaseFile, { unit, admin });
    track(registry);
    const clerkSummary = await createUser(registry, clerk);
    const lastMonth = await createBackup(registry, { folder: path.dirname(freshFile()) });
    const backupKeyfile = readFileSync(keyfilePathFor(databaseFile), 'utf8');
    const disabled = await updateUser(registry, { id: clerkSummary.id, active: false });
    registry.close();

    const restored = await restoreBackup(lastMonth.file, databaseFile, { password: admin.password, username: admin.username });
    expect(restored.keptAs).not.toBeNull();
    expect(restored.disabledAccounts).toEqual([clerk.username]);
    expect(restored.rekeyed).toMatchObject({
      recoveryKey: expect.stringMatching(/^([0-9A-Z]{4}-){7}[0-9A-Z]{4}$/),
      needNewPassword: [],
    });
    expect(restored.rekeyed!.recoveryKey).not.toBe(disabled.rekeyed!.recoveryKey);

    // The clerk's old password opens nothing: not the registry, not the backup restored over it again.
    await expect(Registry.unlock(databaseFile, clerk.username, clerk.password)).rejects.toMatchObject({ code: 'WRONG_PASSWORD' });
    await expect(Registry.unlock(databaseFile, null, clerk.password)).rejects.toMatchObject({ code: 'WRONG_PASSWORD' });
    const liveFolder = path.dirname(databaseFile);
    const before = folderSnapshot(liveFolder);
    await expect(
      restoreBackup(lastMonth.file, databaseFile, { password: clerk.password, username: clerk.username }),
    ).rejects.toMatchObject({ code: 'BACKUP_ACCOUNT_DISABLED' });
    await expect(restoreBackup(lastMonth.file, databaseFile, { password: clerk.password })).rejects.toMatchObject({
      code: 'BACKUP_ACCOUNT_DISABLED',
    });
    expect(folderSnapshot(liveFolder)).toEqual(before);
    // Nor the key file the backup carried, which the clerk could have kept: its key no longer opens the restored database.
    const withBackupKeyfile = freshFile();
    copyRegistry(databaseFile, withBackupKeyfile);
    writeFileSync(keyfilePathFor(withBackupKeyfile), backupKeyfile);
    await expect(Registry.unlock(withBackupKeyfile, clerk.username, clerk.password)).rejects.toMatchObject({
      code: 'DATABASE_DAMAGED',
    });

    const content = await readKeyfile(keyfilePathFor(databaseFile));
    expect(content.disabled).toContain(userLookup(content.registryId, clerk.username));
    expect(unwrapWithRecovery(content, parseRecoveryKey(restored.rekeyed!.recoveryKey)!)).not.toBeNull();
    expect(openOfficeKeysWithRecovery(content, parseRecoveryKey(restored.rekeyed!.recoveryKey)!)).not.toBeNull();

    const administrator = track(await Registry.unlock(databaseFile, admin.username, admin.password));
    expect(administrator.officeKeys().privateKeys.size).toBeGreaterThan(0);
    expect(administrator.sqlite.prepare('SELECT active FROM users WHERE username = ?').get(clerk.username)).toEqual({
      active: 0,
    });
    const audited = administrator.sqlite
      .prepare(
        `SELECT username, action, after FROM audit_log WHERE action IN ('backup.restore', 'registry.rekey', 'user.update') ORDER BY seq`,
      )
      .all() as { username: string; action: string; after: string }[];
    const restoreRow = audited.find((row) => row.action === 'backup.restore')!;
    expect(restoreRow.username).toBe(admin.username);
    expect(JSON.parse(restoreRow.after)).toMatchObject({
      fileName: path.basename(lastMonth.file),
      overLiveRegistry: true,
      disabledAccounts: clerk.username,
    });
    expect(audited.slice(audited.indexOf(restoreRow) - 1).map((row) => row.action)).toEqual([
      'user.update',
      'backup.restore',
      'registry.rekey',
    ]);
    expect(verifyAuditChain(administrator).ok).toBe(true);
  }, 400_000);

  it('with recovery keys instead of a password: the backup’s opens it, the live registry’s current one allows it, and the clerk stays disabled all the same', async () => {
    const databaseFile = freshFile();
    const { registry, recoveryKey: backupRecoveryKey } = await Registry.create(databaseFile, { unit, admin });
    track(registry);
    const clerkSummary = await createUser(registry, clerk);
    const lastMonth = await createBackup(registry, { folder: path.dirname(freshFile()) });
    const liveRecoveryKey = (await updateUser(registry, { id: clerkSummary.id, active: false })).rekeyed!.recoveryKey;
    registry.close();

    const restored = await restoreBackup(
      lastMonth.file,
      databaseFile,
      { recoveryKey: backupRecoveryKey },
      { liveCredentials: { recoveryKey: liveRecoveryKey } },
    );
    expect(restored.disabledAccounts).toEqual([clerk.username]);
    const newRecoveryKey = parseRecoveryKey(restored.rekeyed!.recoveryKey)!;
    await expect(Registry.unlock(databaseFile, clerk.username, clerk.password)).rejects.toMatchObject({ code: 'WRONG_PASSWORD' });
    const content = await readKeyfile(keyfilePathFor(databaseFile));
    expect(unwrapWithRecovery(content, parseRecoveryKey(backupRecoveryKey)!)).toBeNull();
    expect(openOfficeKeysWithRecovery(content, newRecoveryKey)).not.toBeNull();
    const administrator = track(await Registry.unlock(databaseFile, admin.username, admin.password));
    const restoreRow = administrator.sqlite
      .prepare(`SELECT username, after FROM audit_log WHERE action = 'backup.restore'`)
      .get() as { username: string | null; after: string };
    expect(restoreRow.username).toBeNull();
    expect(JSON.parse(restoreRow.after)).toMatchObject({ disabledAccounts: clerk.username });
  }, 400_000);
});

describe('key files of the first format (version 1)', () => {
  /** The version 1 form: the registry key itself wrapped under the password, exactly as that version wrote it. */
  function legacyEntry(registryId: string, username: string, password: string, databaseKey: Buffer) {
    const lookup = userLookup(registryId, username);
    const salt = randomBytes(16);
    const kek = scryptSync(password.normalize('NFC'), salt, 32, {
      N: 2 ** 17,
      r: 8,
      p: 1,
      maxmem: 256 * 2 ** 17 * 8 + 16 * 1024 * 1024,
    });
    const nonce = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', kek, nonce);
    cipher.setAAD(Buffer.from(`so86-keyfile/1/user/${registryId}/${lookup}`));
    const ciphertext = Buffer.concat([cipher.update(databaseKey), cipher.final(), cipher.getAuthTag()]);
    return {
      lookup,
      kdf: { name: 'scrypt', N: 2 ** 17, r: 8, p: 1, keyLength: 32 },
      failedAttempts: 0,
      lastFailureAt: null,
      salt: salt.toString('base64'),
      nonce: nonce.toString('base64'),
      ciphertext: ciphertext.toString('base64'),
    };
  }

  it('opens a registry whose key file is version 1 and upgrades each entry as its owner signs in; a rekey asks a new password for those who have not', async () => {
    const databaseFile = freshFile();
    const { registry, recoveryKey } = await Registry.create(databaseFile, { unit, admin });
    track(registry);
    await createUser(registry, leader);
    registry.close();
    const current = await readKeyfile(keyfilePathFor(databaseFile));
    const databaseKey = unwrapWithRecovery(current, parseRecoveryKey(recoveryKey)!)!;
    const legacy = {
      format: 'so86-keyfile',
      version: 1,
      registryId: current.registryId,
      users: [
        legacyEntry(current.registryId, admin.username, admin.password, databaseKey),
        legacyEntry(current.registryId, leader.username, leader.password, databaseKey),
      ],
      recovery: current.recovery,
    };
    writeFileSync(keyfilePathFor(databaseFile), JSON.stringify(legacy, null, 2));

    const administrator = track(await Registry.unlock(databaseFile, admin.username, admin.password));
    const upgraded = await readKeyfile(keyfilePathFor(databaseFile));
    expect(upgraded.version).toBe(2);
    const adminEntry = upgraded.users.find((entry) => entry.lookup === userLookup(upgraded.registryId, admin.username))!;
    const leaderEntry = upgraded.users.find((entry) => entry.lookup === userLookup(upgraded.registryId, leader.username))!;
    expect(adminEntry).toMatchObject({ publicKey: expect.any(String), sealedKey: expect.any(Object) });
    expect(leaderEntry.publicKey).toBeUndefined();

    // The leader has not signed in since: the rekey cannot reseal their entry and says so.
    const rekeyed = await administrator.rekey();
    expect(rekeyed.needNewPassword).toEqual([leader.username]);
    administrator.close();
    await expect(Registry.unlock(databaseFile, leader.username, leader.password)).rejects.toMatchObject({
      code: 'WRONG_PASSWORD',
    });
    track(await Registry.unlock(databaseFile, admin.username, admin.password)).close();
  }, 400_000);
});
