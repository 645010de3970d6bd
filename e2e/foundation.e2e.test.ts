import { existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApp, type AppUnderTest, submitSignIn } from './harness';

const password = 'mật khẩu thật dài 2026';

describe('first run, locking and unlocking in Chromium', () => {
  let app: AppUnderTest;

  beforeAll(async () => {
    app = await openApp();
  });

  afterAll(async () => {
    await app.close();
  });

  it('walks the first-run wizard, refusing bad input on the way', async () => {
    const { page } = app;
    await page.getByTestId('next').click();
    await expect.poll(() => page.getByText('Trường này là bắt buộc.').count()).toBeGreaterThan(0);

    await page.getByTestId('unit-name').fill('Đảng ủy xã Vĩnh Trạch');
    await page.getByTestId('unit-code').fill('vĩnh trạch');
    await page.getByTestId('next').click();
    await expect.poll(() => page.getByText('Mã đơn vị chỉ gồm chữ không dấu').count()).toBe(1);
    await page.getByTestId('unit-code').fill('VINHTRACH');
    await page.getByTestId('unit-parent').fill('ANGIANG');
    await page.getByTestId('next').click();

    await page.getByTestId('admin-name').fill('Nguyễn Thị Hường');
    await page.getByTestId('admin-username').fill('vanphong');
    await page.getByTestId('admin-password').fill(password);
    await page.getByTestId('admin-password-confirm').fill('khác hẳn mật khẩu');
    await page.getByTestId('next').click();
    await expect.poll(() => page.getByText('Hai lần nhập mật khẩu không giống nhau.').count()).toBe(1);
    await page.getByTestId('admin-password-confirm').fill(password);
    await page.getByTestId('next').click();

    const recoveryKey = (await page.getByTestId('recovery-key').textContent())?.trim() ?? '';
    expect(recoveryKey).toMatch(/^([0-9A-Z]{4}-){7}[0-9A-Z]{4}$/);
    await expect.poll(() => page.getByTestId('finish').isDisabled()).toBe(true);
    await app.screenshot('setup-recovery-key');
    await page.getByTestId('recovery-confirmed').check();
    await page.getByTestId('finish').click();

    await page.getByTestId('home').waitFor();
    await expect.poll(() => page.getByTestId('home-unit-name').textContent()).toBe('Đảng ủy xã Vĩnh Trạch');
    expect(existsSync(app.databaseFile)).toBe(true);
    expect(app.session.status()).toMatchObject({
      state: 'unlocked',
      unit: { code: 'VINHTRACH' },
      user: { username: 'vanphong', role: 'administrator' },
    });
    await app.screenshot('home');
  });

  it('locks, refuses a wrong password, then unlocks and reaches the home screen', async () => {
    const { page } = app;
    await page.getByTestId('lock').click();
    await page.getByTestId('unlock-username').waitFor();
    expect(app.session.status().state).toBe('locked');

    await submitSignIn(page, 'vanphong', 'sai mật khẩu');
    await expect.poll(() => page.getByTestId('unlock-error').textContent()).toContain('mật khẩu không đúng');
    await app.screenshot('unlock-wrong-password');

    await page.getByTestId('unlock-password').fill(password);
    await page.getByTestId('unlock-submit').click();
    await page.getByTestId('home').waitFor();
    expect(app.session.status().state).toBe('unlocked');
  });

  it('switches the interface to English and back', async () => {
    const { page } = app;
    await page.getByText('English').click();
    await expect.poll(() => page.getByTestId('nav-members').textContent()).toBe('Members');
    await page.getByText('Tiếng Việt').click();
    await expect.poll(() => page.getByTestId('nav-members').textContent()).toBe('Đảng viên');
  });

  it('ran under the strict Content-Security-Policy without a violation or a page error', () => {
    expect(app.problems).toEqual([]);
  });
});
