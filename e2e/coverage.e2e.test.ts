import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { docxParts, textOf } from '../electron/testkit/documents';
import { openTestRegistry, testPassword, type OpenTestRegistry } from '../electron/testkit/registry';
import { civilDateInVietnam, formatCivilDate, parseCivilDate } from '../shared/rules/dates';
import { openApp, type AppUnderTest } from './harness';
import { readyForScreenshot } from './screens';

/**
 * A province whose report leaves out two communes — one sent a file for other dates, one sent
 * nothing — shows both on the report screen and asks before it makes a document.
 */

const today = civilDateInVietnam(new Date());
const year = Number(today.slice(0, 4));
/** Overlaps the screen's default period (1 January to today) without being it. */
const otherPeriod = { from: `${year - 1}-12-01`, to: today };
const sentence = 'Số liệu chưa bao gồm 02 đơn vị: Đảng ủy xã An Phú (chưa gửi báo cáo), Đảng ủy xã Vĩnh Trạch';

async function trust(office: OpenTestRegistry, other: OpenTestRegistry) {
  const card = await other.call('keys.ownCard', {});
  await office.call('keys.trust', { fileName: card.fileName, contentBase64: card.contentBase64, fingerprint: card.fingerprint });
}

describe('the units a province’s report leaves out, in Chromium', () => {
  let province: AppUnderTest;

  beforeAll(async () => {
    const preparedProvince = await openTestRegistry({
      code: 'ANGIANG',
      name: 'Tỉnh ủy An Giang',
      level: 'province',
      parentCode: 'TW',
    });
    const commune = await openTestRegistry({
      code: 'VINHTRACH',
      name: 'Đảng ủy xã Vĩnh Trạch',
      level: 'commune',
      parentCode: 'ANGIANG',
    });
    await trust(preparedProvince, commune);
    await trust(commune, preparedProvince);
    const file = await commune.call('packages.export', { period: otherPeriod, includeDocuments: false });
    await preparedProvince.call('packages.import', { fileName: file.fileName, contentBase64: file.contentBase64 });
    await preparedProvince.call('units.add', { code: 'ANPHU', name: 'Đảng ủy xã An Phú' });
    commune.session.dispose();
    preparedProvince.session.lock('system');
    province = await openApp({
      databaseFile: preparedProvince.databaseFile,
      signIn: { username: 'admin', password: testPassword },
    });
  });

  afterAll(async () => {
    await province?.close();
  });

  it('warns above the report which units the figures leave out, and lists every unit with its status', async () => {
    const { page } = province;
    await page.getByTestId('nav-reports').click();
    await page.getByTestId('reports-screen').waitFor();
    const warning = page.getByTestId('report-coverage-warning');
    await warning.waitFor();
    expect(await warning.textContent()).toContain(sentence);

    await page.getByTestId('tab-report-units').click();
    const rows = page.getByTestId('report-unit-row');
    await expect.poll(() => rows.count()).toBe(2);
    expect(await page.locator('[data-testid="report-unit-row"][data-unit="ANPHU"]').getAttribute('data-status')).toBe('missing');
    const differing = page.locator('[data-testid="report-unit-row"][data-unit="VINHTRACH"]');
    expect(await differing.getAttribute('data-status')).toBe('period_differs');
    const shown = (date: string) => formatCivilDate(parseCivilDate(date)!);
    expect(await differing.getByTestId('report-unit-period').textContent()).toBe(
      `${shown(otherPeriod.from)} – ${shown(otherPeriod.to)}`,
    );
    expect(await differing.textContent()).toContain('Báo cáo kỳ khác');
    expect(await page.getByTestId('report-units-counts').textContent()).toBe(
      'Đã nộp 0 · Nộp muộn 0 · Chưa nộp 1 · Báo cáo kỳ khác 1',
    );
    await readyForScreenshot(page);
    await province.screenshot('report-units-left-out');
  });

  it('asks before making a document, makes none when the clerk goes back, and states the gap in the file made', async () => {
    const { page } = province;
    let downloads = 0;
    page.on('download', () => (downloads += 1));
    await page.getByTestId('report-download-docx').click();
    const confirm = page.getByRole('dialog');
    await confirm.waitFor();
    expect(await confirm.textContent()).toContain(sentence);
    await province.screenshot('report-export-warning');
    await page.getByTestId('report-coverage-back').click();
    await confirm.waitFor({ state: 'hidden' });
    expect(downloads).toBe(0);

    await page.getByTestId('report-download-docx').click();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('report-coverage-proceed').click()]);
    const text = textOf((await docxParts(await readFile(await download.path()))).document);
    expect(text).toContain(sentence);
    expect(text).toContain('DANH SÁCH ĐƠN VỊ ĐÃ GỬI, GỬI MUỘN, CHƯA GỬI BÁO CÁO');
  });

  it('ran under the strict Content-Security-Policy without a violation or a page error', () => {
    expect(province.problems).toEqual([]);
  });
});
