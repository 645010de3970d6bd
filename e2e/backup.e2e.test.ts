import { closeSync, mkdtempSync, openSync, readFileSync, writeFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBackup, verifyBackup } from '../electron/services/domain/backup';
import { addMember, overwritePages, pagesOf } from '../electron/testkit/backup';
import { openTestRegistry, testPassword } from '../electron/testkit/registry';
import { openApp, type AppUnderTest, submitSignIn } from './harness';
import { readyForScreenshot } from './screens';

const usb = mkdtempSync(path.join(tmpdir(), 'so86-e2e-usb-'));
const downloads = mkdtempSync(path.join(tmpdir(), 'so86-e2e-downloads-'));

describe('backups, the change log and restoring a damaged registry in Chromium', () => {
  let app: AppUnderTest;
  let backupFile = '';
  let recoveryKey = '';

  beforeAll(async () => {
    const prepared = await openTestRegistry();
    recoveryKey = prepared.recoveryKey;
    await addMember(prepared);
    await addMember(prepared, { code: 'DV-0002', fullName: 'Lê Văn Tâm', nationalId: null, gender: 'male', birthDate: null });
    backupFile = (await createBackup(prepared.session.requireRegistry(), { folder: usb })).file;
    // Entered after the backup: a restore brings the registry back to before it.
    await addMember(prepared, { code: 'DV-0003', fullName: 'Trần Thị Mai', nationalId: null, gender: 'female', birthDate: null });
    prepared.session.lock('system');
    app = await openApp({ databaseFile: prepared.databaseFile, signIn: { username: 'admin', password: testPassword } });
  });

  afterAll(async () => {
    await app.close();
  });

  it('downloads an encrypted backup from Settings and checks the data file in full', async () => {
    const { page } = app;
    await page.getByTestId('nav-settings').click();
    await page.getByTestId('tab-backup').click();
    await expect.poll(() => page.getByTestId('backup-last').textContent()).toBe('Chưa sao lưu lần nào.');
    expect(await page.getByTestId('integrity-opening').textContent()).toMatch(/^Kiểm tra nhanh lúc mở sổ: không phát hiện lỗi/);

    const downloading = page.waitForEvent('download');
    await page.getByTestId('backup-download').click();
    const downloaded = await downloading;
    expect(downloaded.suggestedFilename()).toMatch(/^so86_VINHTRACH_\d{4}-\d{2}-\d{2}_\d{4}\.so86bak$/);
    const saved = path.join(downloads, downloaded.suggestedFilename());
    await downloaded.saveAs(saved);
    expect((await verifyBackup(saved, { password: testPassword })).opened).toMatchObject({
      counts: { members: 3 },
      integrity: { ok: true },
    });
    await expect.poll(() => page.getByTestId('backup-last').textContent()).toContain(downloaded.suggestedFilename());

    await page.getByTestId('integrity-run').click();
    await expect.poll(() => page.getByTestId('integrity-verdict').textContent()).toMatch(/^Tệp dữ liệu toàn vẹn/);
    await readyForScreenshot(page);
    await app.screenshot('backup-settings');
  });

  it('shows the change log with Vietnamese action names and each change field by field, filters it and exports it', async () => {
    const { page } = app;
    await page.getByTestId('nav-audit').click();
    await page.getByTestId('audit-table').waitFor();
    const total = Number((await page.getByTestId('audit-total').textContent())!.replace(/\D/g, ''));
    expect(total).toBeGreaterThan(5);
    const memberRow = page.getByTestId('audit-row').filter({ hasText: 'Thêm đảng viên' }).last();
    await memberRow.click();
    const changes = page.getByTestId('audit-changes');
    await expect.poll(() => changes.textContent()).toContain('Họ và tên');
    expect(await changes.textContent()).toContain('Đặng Thị Hoà');
    await readyForScreenshot(page);
    await app.screenshot('audit-log');

    await page.getByTestId('audit-action').click();
    await page.getByRole('option', { name: 'Sao lưu dữ liệu', exact: true }).click();
    await expect.poll(() => page.getByTestId('audit-total').textContent()).toBe('1 dòng');

    const exporting = page.waitForEvent('download');
    await page.getByTestId('audit-export').click();
    const workbook = await exporting;
    const file = path.join(downloads, workbook.suggestedFilename());
    await workbook.saveAs(file);
    expect(readFileSync(file).subarray(0, 2).toString('latin1')).toBe('PK');
  });

  it('says at sign-in that the data file is damaged and restores it from a backup through the wizard', async () => {
    const { page } = app;
    await page.getByTestId('lock').click();
    const handle = openSync(app.databaseFile, 'r+');
    writeSync(handle, Buffer.alloc(100, 0x5a), 0, 100, 0);
    closeSync(handle);

    await submitSignIn(page, 'admin', testPassword);
    await expect.poll(() => page.getByTestId('unlock-damaged').textContent()).toContain('Tệp dữ liệu bị hỏng');
    expect(await page.getByTestId('unlock-damaged').textContent()).toContain('Hãy khôi phục từ bản sao lưu gần nhất');
    await app.screenshot('unlock-damaged');
    await page.getByTestId('unlock-damaged-restore').click();

    const stranger = path.join(downloads, 'danh-sach.so86bak');
    writeFileSync(stranger, 'không phải bản sao lưu');
    await page.locator('input[type="file"]').setInputFiles(stranger);
    await expect.poll(() => page.getByTestId('restore-file-error').textContent()).toContain('không phải bản sao lưu của Sổ 86');

    await page.locator('input[type="file"]').setInputFiles(backupFile);
    await page.getByTestId('restore-structure').waitFor();
    expect(await page.getByTestId('restore-summary').textContent()).toContain('VINHTRACH');
    await app.screenshot('restore-file-checked');
    await page.getByTestId('restore-to-check').click();

    await page.getByTestId('restore-password').fill('không phải mật khẩu');
    await page.getByTestId('restore-check').click();
    await expect.poll(() => page.getByTestId('restore-check-error').textContent()).toContain('mật khẩu không đúng');
    await page.getByTestId('restore-password').fill(testPassword);
    await page.getByTestId('restore-check').click();
    await expect.poll(() => page.getByTestId('restore-verdict').textContent()).toContain('Đảng ủy xã Vĩnh Trạch: 2 đảng viên');
    await page.getByTestId('restore-to-confirm').click();

    expect(await page.getByTestId('restore-submit').isDisabled()).toBe(true);
    await page.getByTestId('restore-understood').check();
    await app.screenshot('restore-confirm');
    await page.getByTestId('restore-submit').click();
    await expect
      .poll(() => page.getByTestId('restore-kept').textContent())
      .toMatch(/so86\.db\.before-restore-\d{4}-\d{2}-\d{2}_\d{6}$/);
    await app.screenshot('restore-done');
    await page.getByTestId('restore-sign-in').click();

    await submitSignIn(page, 'admin', testPassword);
    await page.getByTestId('home').waitFor();
    expect(app.session.requireRegistry().counts().members).toBe(2);
  });

  it('closes the registry when the check after signing in finds a damaged page, and says so on the sign-in screen', async () => {
    const { page } = app;
    await page.getByTestId('lock').click();
    await page.getByTestId('unlock-submit').waitFor();
    // An index neither signing in nor the dashboard reads: only the check after opening finds it.
    overwritePages(app.databaseFile, pagesOf(app.databaseFile, recoveryKey, 'travel_documents_member'));

    await submitSignIn(page, 'admin', testPassword);
    await expect
      .poll(() => page.getByTestId('unlock-damaged').textContent(), { timeout: 15_000 })
      .toContain('Ngay sau khi đăng nhập, Sổ 86 kiểm tra toàn bộ tệp dữ liệu, phát hiện tệp bị hỏng');
    expect(await page.getByTestId('unlock-damaged').textContent()).toContain(
      'Những gì vừa nhập sau khi đăng nhập nằm trong tệp hỏng',
    );
    await app.screenshot('unlock-damaged-after-opening');
  });

  it('ran under the strict Content-Security-Policy without a violation or a page error', () => {
    expect(app.problems).toEqual([]);
  });
});
