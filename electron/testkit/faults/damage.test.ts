import { randomBytes } from 'node:crypto';
import { closeSync, existsSync, openSync, readdirSync, readFileSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createBackup } from '../../services/domain/backup';
import { addMember, overwritePages, pagesOf, plaintextFound } from '../backup';
import { keyfilePathFor } from '../../services/storage/registry/keyfile';
import { openTestRegistry, testPassword, type OpenTestRegistry } from '../registry';

const opened: OpenTestRegistry[] = [];

afterEach(() => {
  for (const registry of opened.splice(0)) registry.session.dispose();
});

/** A registry with enough members to span many pages, and a backup of it in a folder of its own. */
async function registryWithBackup(sessionOptions: Parameters<typeof openTestRegistry>[1] = {}) {
  const registry = await openTestRegistry(undefined, sessionOptions);
  opened.push(registry);
  for (let number = 1; number <= 40; number += 1) {
    await addMember(registry, {
      code: `DV-${number}`,
      fullName: `Đặng Thị Hoà ${number}`,
      nationalId: null,
      notes: 'ghi chú '.repeat(60),
    });
  }
  const backup = await createBackup(registry.session.requireRegistry(), { folder: path.dirname(registry.databaseFile) });
  registry.session.lock();
  return { registry, backup };
}

/** Leaf pages of the audit log from the middle of the file. */
function oldAuditPages(registry: OpenTestRegistry): number[] {
  const pages = pagesOf(registry.databaseFile, registry.recoveryKey, 'audit_log', 'leaf');
  expect(pages.length).toBeGreaterThan(4);
  return pages.slice(1, 3);
}

function overwrite(file: string, offset: number, bytes: number) {
  const handle = openSync(file, 'r+');
  writeSync(handle, randomBytes(bytes), 0, bytes, offset);
  closeSync(handle);
}

async function restoreThroughTheWizard(registry: OpenTestRegistry, backupFile: string) {
  return registry.call('backup.restore', {
    fileName: path.basename(backupFile),
    contentBase64: readFileSync(backupFile).toString('base64'),
    credentials: { password: testPassword },
  });
}

describe('a damaged registry file', () => {
  it('is closed by the check after signing in when pages in the middle that opening never reads are overwritten, refused from then on, and restoring the backup brings the registry back', async () => {
    const { registry, backup } = await registryWithBackup({ checkAfterSigningIn: true });
    // Old audit rows: signing in reads neither them nor their pages, only the check after opening does.
    overwritePages(registry.databaseFile, oldAuditPages(registry));
    const locked = new Promise<string>((resolve) =>
      registry.session.onEvent((name, payload) => {
        if (name === 'session.locked') resolve((payload as { reason: string }).reason);
      }),
    );

    expect(await registry.call('session.unlock', { username: 'admin', password: testPassword })).toMatchObject({
      state: 'unlocked',
      foundDamaged: false,
    });
    expect(await locked).toBe('damaged');
    expect(registry.session.status()).toMatchObject({ state: 'locked', foundDamaged: true });
    // Found damaged once: the next sign-in checks the whole file before opening it.
    expect((await registry.refusal('session.unlock', { username: 'admin', password: testPassword })).code).toBe(
      'DATABASE_DAMAGED',
    );
    expect(registry.session.status()).toMatchObject({ state: 'locked', foundDamaged: true });

    const restored = await restoreThroughTheWizard(registry, backup.file);
    expect(restored.opened).toMatchObject({ counts: { members: 40 }, integrity: { ok: true } });
    expect(existsSync(restored.keptAs!)).toBe(true);
    expect(await registry.call('session.unlock', { username: 'admin', password: testPassword })).toMatchObject({
      state: 'unlocked',
      foundDamaged: false,
    });
    expect(await registry.call('integrity.status', {})).toMatchObject({ ok: true });
    expect((await registry.call('members.search', {})).total).toBe(40);
    expect((await registry.call('audit.verify', {})).ok).toBe(true);
  });

  it('is refused at sign-in on the command line, which checks the whole file first, when the same pages are overwritten', async () => {
    const { registry } = await registryWithBackup();
    overwritePages(registry.databaseFile, oldAuditPages(registry));
    expect((await registry.refusal('session.unlock', { username: 'admin', password: testPassword })).code).toBe(
      'DATABASE_DAMAGED',
    );
    expect(registry.session.status()).toMatchObject({ state: 'locked', foundDamaged: false });
  });

  it('is reported as DATABASE_DAMAGED when its header is overwritten, and restoring the backup brings it back', async () => {
    const { registry, backup } = await registryWithBackup();
    overwrite(registry.databaseFile, 0, 100);
    const envelope = await registry.refusal('session.unlock', { username: 'admin', password: testPassword });
    expect(envelope.code).toBe('DATABASE_DAMAGED');
    await restoreThroughTheWizard(registry, backup.file);
    await registry.call('session.unlock', { username: 'admin', password: testPassword });
    expect((await registry.call('integrity.check', {})).ok).toBe(true);
  });
});

describe('a lost or damaged key file, with the recovery key at hand', () => {
  it('rebuilds the key file from the recovery key alone; the other accounts get new passwords from the administrator', async () => {
    const registry = await openTestRegistry();
    opened.push(registry);
    await addMember(registry);
    await registry.call('users.create', {
      username: 'canbo',
      displayName: 'Lê Văn Tâm',
      role: 'clerk',
      password: testPassword,
      passwordConfirm: testPassword,
    });
    registry.session.lock();
    const keyfile = keyfilePathFor(registry.databaseFile);

    for (const damage of ['missing', 'damaged'] as const) {
      if (damage === 'missing') rmSync(keyfile);
      else writeFileSync(keyfile, '{"format":"so86-keyfile", cắt ngang');
      expect((await registry.refusal('session.unlock', { username: 'admin', password: testPassword })).code).toBe(
        damage === 'missing' ? 'KEYFILE_MISSING' : 'KEYFILE_DAMAGED',
      );
      expect(
        (
          await registry.refusal('session.recover', {
            recoveryKey: 'AAAA-BBBB-CCCC-DDDD-EEEE-FFFF-GGGG-HHHH',
            username: 'admin',
            password: 'mật khẩu mới sau sự cố',
            passwordConfirm: 'mật khẩu mới sau sự cố',
          })
        ).code,
      ).toBe('WRONG_RECOVERY_KEY');

      const status = await registry.call('session.recover', {
        recoveryKey: registry.recoveryKey,
        username: 'admin',
        password: 'mật khẩu mới sau sự cố',
        passwordConfirm: 'mật khẩu mới sau sự cố',
      });
      expect(status).toMatchObject({ state: 'unlocked', user: { username: 'admin', role: 'administrator' } });
      expect((await registry.call('members.search', {})).total).toBe(1);
      expect(plaintextFound(keyfile)).toEqual([]);
      registry.session.lock();

      expect((await registry.refusal('session.unlock', { username: 'canbo', password: testPassword })).code).toBe(
        'WRONG_PASSWORD',
      );
      await registry.call('session.unlock', { username: 'admin', password: 'mật khẩu mới sau sự cố' });
      const clerk = (await registry.call('users.list', {})).find((user) => user.username === 'canbo')!;
      await registry.call('users.resetPassword', { id: clerk.id, password: testPassword, passwordConfirm: testPassword });
      await registry.call('session.lock', {});
      await registry.call('session.unlock', { username: 'canbo', password: testPassword });
      expect((await registry.call('audit.verify', {})).ok).toBe(true);
      registry.session.lock();
    }
    // The damaged key file is kept beside the registry for a technician, not overwritten.
    expect(
      readdirSync(path.dirname(registry.databaseFile)).filter((name) => name.startsWith('so86.db.keys.damaged-')),
    ).toHaveLength(1);
  });
});
