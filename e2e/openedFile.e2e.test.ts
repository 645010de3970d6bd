import { mkdtempSync, readFileSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readReportFile, reportFileFromArguments } from '../electron/services/application/openedFiles';
import { openTestRegistry, testPassword } from '../electron/testkit/registry';
import { addDays, addMonths, civilDateInVietnam } from '../shared/rules/dates';
import { openAppThroughServiceHost, type AppThroughServiceHost, submitSignIn } from './harness';

const today = civilDateInVietnam(new Date());
const period = { from: addDays(addMonths(today, -6), 1), to: today };

/**
 * What Windows does when a report file is double-clicked: it starts the application with the file's
 * path as an argument. The main process finds it there and hands it to the service host, as here.
 */
async function openWithApplication(app: AppThroughServiceHost, file: string) {
  const found = reportFileFromArguments(['C:\\Program Files\\So86\\So86.exe', '--flag', file]);
  expect(found).toBe(file);
  const opened = await readReportFile(found!);
  app.host.offerOpenedFile(opened!.fileName, opened!.content);
}

describe('a report file opened with the application', () => {
  let app: AppThroughServiceHost;
  const folder = mkdtempSync(path.join(tmpdir(), 'so86-e2e-opened-'));
  let reportFile: string;

  beforeAll(async () => {
    const commune = await openTestRegistry({
      code: 'VINHTRACH',
      name: 'Đảng ủy xã Vĩnh Trạch',
      level: 'commune',
      parentCode: 'ANGIANG',
    });
    const province = await openTestRegistry({ code: 'ANGIANG', name: 'Tỉnh ủy An Giang', level: 'province', parentCode: 'TW' });
    const communeCard = await commune.call('keys.ownCard', {});
    await province.call('keys.trust', {
      fileName: communeCard.fileName,
      contentBase64: communeCard.contentBase64,
      fingerprint: communeCard.fingerprint,
    });
    const exported = await commune.call('packages.export', { period, encryptToParent: false, includeDocuments: false });
    reportFile = path.join(folder, exported.fileName);
    writeFileSync(reportFile, Buffer.from(exported.contentBase64, 'base64'));
    commune.session.dispose();
    province.session.dispose();
    app = await openAppThroughServiceHost({ databaseFile: province.databaseFile });
  });

  afterAll(async () => {
    await app.close();
  });

  it('waits for the sign-in, then shows the file’s verdict on the receive tab, and imports it on acceptance', async () => {
    const { page } = app;
    await page.getByTestId('unlock-username').waitFor();
    await openWithApplication(app, reportFile);
    expect(await page.getByTestId('package-verdict-line').count()).toBe(0);

    await submitSignIn(page, 'admin', testPassword);
    await expect
      .poll(() => page.getByTestId('package-verdict-line').textContent(), { timeout: 30_000 })
      .toBe('Tệp nguyên vẹn; chữ ký là của Đảng ủy xã Vĩnh Trạch, đơn vị đã được tin cậy.');
    expect(await page.getByTestId('tab-packages-receive').getAttribute('aria-selected')).toBe('true');
    await app.screenshot('opened-report-file');
    await page.getByTestId('package-accept').click();
    await expect.poll(() => page.getByTestId('package-outcome').textContent()).toBe('Đã nhập báo cáo.');
  });

  it('takes a file opened while someone is signed in straight to the receive tab from any screen; the same file twice changes nothing', async () => {
    const { page } = app;
    await page.getByTestId('nav-members').click();
    await openWithApplication(app, reportFile);
    await expect
      .poll(() => page.getByTestId('package-verdict-line').textContent(), { timeout: 30_000 })
      .toBe('Tệp nguyên vẹn; chữ ký là của Đảng ủy xã Vĩnh Trạch, đơn vị đã được tin cậy.');
    await page.getByTestId('package-accept').click();
    await expect
      .poll(() => page.getByTestId('package-outcome').textContent())
      .toBe('Tệp này đã được nhập trước đó; không có gì thay đổi.');
  });

  it('receives many files at once, each on its own: a refused file refuses only itself', async () => {
    const { page } = app;
    const genuine = readFileSync(reportFile);
    const tampered = Buffer.from(genuine);
    tampered[tampered.length - 20]! ^= 0x01;
    await page.getByTestId('package-batch-input').setInputFiles([
      { name: path.basename(reportFile), mimeType: 'application/octet-stream', buffer: genuine },
      { name: 'VINHTRACH_da-sua.so86', mimeType: 'application/octet-stream', buffer: tampered },
      { name: 'ghi-chu.txt', mimeType: 'text/plain', buffer: Buffer.from('không phải tệp báo cáo') },
    ]);
    await expect
      .poll(() => page.getByTestId('package-batch-summary').textContent(), { timeout: 30_000 })
      .toBe('Đã nhận 1 tệp; từ chối 2 tệp.');
    const rows = await page.getByTestId('package-batch-row').allTextContents();
    expect(rows).toHaveLength(3);
    expect(rows[0]).toBe(
      `${path.basename(reportFile)}Đảng ủy xã Vĩnh Trạch (VINHTRACH)Tệp này đã được nhập trước đó; không có gì thay đổi.`,
    );
    expect(rows[1]).toMatch(/^VINHTRACH_da-sua\.so86—.+/);
    expect(rows[2]).toBe('ghi-chu.txt—Tệp ghi-chu.txt không phải tệp .so86. Hãy chọn tệp báo cáo do đơn vị gửi.');
    await app.screenshot('batch-import');
  });

  /** Empty files of 51 MB each: the window must refuse them by their size alone. */
  function heavyFiles(...names: string[]): string[] {
    const folder = mkdtempSync(path.join(tmpdir(), 'so86-e2e-heavy-'));
    return names.map((name) => {
      const file = path.join(folder, name);
      writeFileSync(file, '');
      truncateSync(file, 51 * 1024 * 1024);
      return file;
    });
  }

  it('refuses one file over 50 MB before reading it, and names the command that takes it', async () => {
    const { page } = app;
    await page.getByTestId('package-file-input').setInputFiles(heavyFiles('ANPHU.so86'));
    await expect
      .poll(() => page.getByTestId('package-refusal').textContent())
      .toBe(
        'Tệp ANPHU.so86 nặng 51 MB, quá mức 50 MB cửa sổ nhận được một lần; chưa đọc tệp. Hãy nhận tệp bằng dòng lệnh: so86 package import TỆP.',
      );
    // The batch received before is no longer shown beside this file's answer.
    expect(await page.getByTestId('package-batch-summary').count()).toBe(0);
  });

  it('refuses files chosen together beyond 100 MB before reading any, and says how to go on', async () => {
    const { page } = app;
    await page.getByTestId('package-batch-input').setInputFiles(heavyFiles('ANPHU.so86', 'BINHDUC.so86'));
    await expect
      .poll(() => page.getByTestId('package-batch-too-large').textContent())
      .toBe(
        'Các tệp đã chọn nặng 102 MB cộng lại, quá giới hạn 100 MB cho một lần nhận; chưa tệp nào được đọc. Hãy chọn ít tệp hơn và nhận thành nhiều lần.',
      );
    expect(await page.getByTestId('package-batch-summary').count()).toBe(0);
    expect(await page.getByTestId('package-refused').count()).toBe(0);
  });
});
