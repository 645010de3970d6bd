import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { keyfilePathFor, parseRecoveryKey, readKeyfile, unwrapWithRecovery } from '../electron/services/storage/registry/keyfile';
import { openTestRegistry, testPassword } from '../electron/testkit/registry';
import { openApp, type AppUnderTest } from './harness';

const clerk = { username: 'nhaplieu', displayName: 'Cán bộ nhập liệu', password: 'mật khẩu của cán bộ 2026' };

/** Whether a recovery key, as the screen shows it, opens the registry's key file as it is now. */
async function opensTheRegistry(databaseFile: string, recoveryKey: string): Promise<boolean> {
  return unwrapWithRecovery(await readKeyfile(keyfilePathFor(databaseFile)), parseRecoveryKey(recoveryKey)!) !== null;
}

describe('rekeying the registry in Chromium (đổi khóa sổ)', () => {
  let app: AppUnderTest;
  let firstRecoveryKey = '';

  beforeAll(async () => {
    const prepared = await openTestRegistry();
    firstRecoveryKey = prepared.recoveryKey;
    await prepared.call('users.create', { ...clerk, role: 'clerk', passwordConfirm: clerk.password });
    prepared.session.lock('system');
    app = await openApp({ databaseFile: prepared.databaseFile, signIn: { username: 'admin', password: testPassword } });
    await app.page.getByTestId('nav-settings').click();
    await app.page.getByTestId('tab-users').click();
  });

  afterAll(async () => {
    await app.close();
  });

  it('shows the new recovery key, closes only once it is confirmed, and the old key no longer opens the registry', async () => {
    const { page } = app;
    await page.getByTestId('rekey-start').click();
    await page.getByTestId('rekey-run').click();
    const result = page.getByTestId('rekey-result');
    await result.waitFor();
    const shown = (await result.getByTestId('recovery-key').textContent())!.trim();
    expect(parseRecoveryKey(shown)).not.toBeNull();
    expect(shown).not.toBe(firstRecoveryKey);
    expect(await page.getByTestId('rekey-done').isDisabled()).toBe(true);
    await app.screenshot('rekey-new-recovery-key');

    await page.getByTestId('recovery-confirmed').click();
    await page.getByTestId('rekey-done').click();
    await result.waitFor({ state: 'detached' });
    expect(await opensTheRegistry(app.databaseFile, shown)).toBe(true);
    expect(await opensTheRegistry(app.databaseFile, firstRecoveryKey)).toBe(false);
    expect(app.problems).toEqual([]);
  });

  it('disabling an account says it rekeys, then shows the new key with what happened to the account', async () => {
    const { page } = app;
    const row = page.getByTestId('user-row').filter({ hasText: clerk.username });
    await row.getByRole('button', { name: 'Sửa' }).click();
    const dialog = page.getByRole('dialog');
    expect(await dialog.textContent()).toContain('Khóa tài khoản thì mật khẩu cũ không còn mở được sổ.');
    await dialog.getByRole('switch').click({ force: true });
    await dialog.getByRole('button', { name: 'Lưu' }).click();

    const result = page.getByTestId('rekey-result');
    await result.waitFor();
    expect(await result.textContent()).toContain(
      `Đã khóa tài khoản “${clerk.username}” và đổi khóa sổ: mật khẩu cũ của tài khoản này không còn mở được sổ`,
    );
    const shown = (await result.getByTestId('recovery-key').textContent())!.trim();
    await app.screenshot('rekey-account-disabled');
    await page.getByTestId('recovery-confirmed').click();
    await page.getByTestId('rekey-done').click();
    await result.waitFor({ state: 'detached' });

    expect(await opensTheRegistry(app.databaseFile, shown)).toBe(true);
    await expect.poll(() => row.textContent()).toContain('Đã khóa');
    expect(app.problems).toEqual([]);
  });
});
