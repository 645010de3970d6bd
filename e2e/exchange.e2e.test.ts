import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDispatcher } from '../electron/services/application/api/dispatch';
import { poppler } from '../electron/testkit/documents';
import { openTestRegistry, testPassword, type OpenTestRegistry } from '../electron/testkit/registry';
import type { CallInput, CallName, CallOutput } from '../shared/contract';
import { translate } from '../shared/i18n';
import { addDays, addMonths, civilDateInVietnam, formatCivilDate } from '../shared/rules/dates';
import { openApp, type AppUnderTest } from './harness';
import { readyForScreenshot } from './screens';

const today = civilDateInVietnam(new Date());
const day = (offset: number) => addDays(today, offset);
const period = { from: addDays(addMonths(today, -6), 1), to: today };
const roundRef = '12-CV/TU';

async function addApprovedTrips(office: OpenTestRegistry, count: number) {
  for (let index = 0; index < count; index += 1) {
    const member = await office.call('members.save', {
      code: `DV-${index + 1}`,
      fullName: `Đảng viên Số ${index + 1}`,
      cellName: 'Chi bộ ấp Tây Bình',
    });
    const trip = await office.call('trips.save', {
      memberId: member.id,
      purpose: 'tourism',
      selfFunded: true,
      countries: ['KR'],
      plannedDeparture: day(10),
      plannedReturn: day(20),
    });
    await office.call('trips.transition', {
      tripId: trip.id,
      transition: 'submit',
      input: { applicationDate: day(-10), cellOpinion: 'Đồng ý' },
    });
    await office.call('trips.transition', {
      tripId: trip.id,
      transition: 'approve',
      input: { approvalRef: `${index + 1}-QĐ/ĐU`, approvalDate: day(-5), approvingCommittee: 'Ban Thường vụ' },
    });
  }
}

/** The services of the office behind a browser page, to check what the screen claims (and that a refusal changed nothing). */
function servicesOf(app: AppUnderTest) {
  const dispatch = createDispatcher(app.session);
  return async <Name extends CallName>(name: Name, input: CallInput<Name>): Promise<CallOutput<Name>> => {
    const envelope = await dispatch(name, input);
    if (!envelope.ok) throw new Error(`${name} refused: ${envelope.error.code}`);
    return envelope.value as CallOutput<Name>;
  };
}

async function captureDownload(page: Page, testId: string) {
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId(testId).click()]);
  return { fileName: download.suggestedFilename(), content: await readFile(await download.path()) };
}

async function chooseRound(page: Page) {
  await page.getByTestId('period-round').click();
  await page.getByRole('option', { name: new RegExp(roundRef) }).click();
}

describe('a report file carried from a commune to its province in Chromium', () => {
  let commune: AppUnderTest;
  let province: AppUnderTest;
  let communeCard: CallOutput<'keys.ownCard'>;
  let requestFile: { fileName: string; content: Buffer };
  let reportFile: { fileName: string; content: Buffer };

  beforeAll(async () => {
    const preparedCommune = await openTestRegistry({
      code: 'VINHTRACH',
      name: 'Đảng ủy xã Vĩnh Trạch',
      level: 'commune',
      parentCode: 'ANGIANG',
    });
    const preparedProvince = await openTestRegistry({
      code: 'ANGIANG',
      name: 'Tỉnh ủy An Giang',
      level: 'province',
      parentCode: 'TW',
    });
    const provinceCard = await preparedProvince.call('keys.ownCard', {});
    await preparedCommune.call('keys.trust', {
      fileName: provinceCard.fileName,
      contentBase64: provinceCard.contentBase64,
      fingerprint: provinceCard.fingerprint,
    });
    communeCard = await preparedCommune.call('keys.ownCard', {});
    await addApprovedTrips(preparedCommune, 2);
    preparedCommune.session.lock('system');
    preparedProvince.session.lock('system');
    const signIn = { username: 'admin', password: testPassword };
    commune = await openApp({ databaseFile: preparedCommune.databaseFile, signIn });
    province = await openApp({ databaseFile: preparedProvince.databaseFile, signIn });
  });

  afterAll(async () => {
    await commune?.close();
    await province?.close();
  });

  it('the province trusts the commune’s key card only with the fingerprint read over the phone', async () => {
    const { page } = province;
    await page.getByTestId('nav-packages').click();
    await page.getByTestId('tab-packages-keys').click();
    await page.getByTestId('own-fingerprint').waitFor();
    expect((await page.getByTestId('own-fingerprint').textContent())?.length).toBe(40);
    await page.getByTestId('trust-card').click();
    await page.getByTestId('trust-card-file').setInputFiles({
      name: communeCard.fileName,
      mimeType: 'application/json',
      buffer: Buffer.from(communeCard.contentBase64, 'base64'),
    });
    await expect
      .poll(() => page.getByTestId('inspected-card').textContent())
      .toContain('Thẻ khóa của Đảng ủy xã Vĩnh Trạch (VINHTRACH · Cấp xã, phường)');

    await page.getByTestId('trust-fingerprint').fill('0000 1111 2222 3333 4444 5555 6666 7777 8888 9999');
    await page.getByTestId('trust-confirm').click();
    await expect.poll(() => page.getByText('Dấu vân tay vừa nhập không khớp với thẻ khóa').count()).toBe(1);
    await readyForScreenshot(page);
    await province.screenshot('exchange-trust-wrong-fingerprint');

    await page.getByTestId('trust-fingerprint').fill(communeCard.fingerprint.toLowerCase());
    await page.getByTestId('trust-confirm').click();
    await page.getByTestId('trust-confirm').waitFor({ state: 'detached' });
    const row = page.getByTestId('trusted-card').filter({ hasText: 'VINHTRACH' });
    await expect.poll(() => row.textContent()).toContain('Cấp dưới');
    await readyForScreenshot(page);
    await province.screenshot('exchange-key-cards');
  });

  it('the province opens a reporting round and exports its request file', async () => {
    const { page } = province;
    await page.getByTestId('tab-packages-rounds').click();
    await page.getByTestId('round-new').click();
    await page.getByTestId('round-ref').fill(roundRef);
    await page.getByTestId('round-title').fill('báo cáo công tác quản lý đảng viên ra nước ngoài');
    await page.getByTestId('round-periodFrom').fill(formatCivilDate(period.from));
    await page.getByTestId('round-periodTo').fill(formatCivilDate(period.to));
    await page.getByTestId('round-deadline').fill(formatCivilDate(day(30)));
    await page.getByTestId('round-details').check();
    await page.getByTestId('round-save').click();
    await page.getByTestId('round-form').waitFor({ state: 'detached' });
    await expect.poll(() => page.getByTestId('round-row').count()).toBe(1);
    requestFile = await captureDownload(page, 'round-export');
    expect(requestFile.fileName).toBe(`YeuCau_ANGIANG_12-CV-TU_${period.from}_${period.to}.so86`);
    await readyForScreenshot(page);
    await province.screenshot('exchange-rounds');

    await page.getByTestId('round-completeness').click();
    await expect
      .poll(() =>
        page.getByTestId('completeness-row').filter({ hasText: 'VINHTRACH' }).getByTestId('submission-status').textContent(),
      )
      .toBe('Chưa nộp');
    expect(await page.getByTestId('count-missing').textContent()).toBe('Chưa nộp: 1');
  });

  it('the commune receives the request, then exports its report for the round', async () => {
    const { page } = commune;
    await page.getByTestId('nav-packages').click();
    await page.getByTestId('tab-packages-receive').click();
    await page
      .getByTestId('package-file-input')
      .setInputFiles({ name: requestFile.fileName, mimeType: 'application/octet-stream', buffer: requestFile.content });
    await expect
      .poll(() => page.getByTestId('package-verdict-line').textContent())
      .toBe('Tệp nguyên vẹn; chữ ký là của Tỉnh ủy An Giang, đơn vị đã được tin cậy.');
    expect(await page.getByTestId('package-summary').textContent()).toContain('Yêu cầu báo cáo của cấp trên');
    await page.getByTestId('package-accept').click();
    await expect.poll(() => page.getByTestId('package-outcome').textContent()).toBe('Đã nhận yêu cầu báo cáo của cấp trên.');

    await page.getByTestId('tab-packages-send').click();
    await chooseRound(page);
    await expect.poll(() => page.getByTestId('export-panel').textContent()).toContain(roundRef);
    expect(await page.getByTestId('export-encrypt').isChecked()).toBe(true);
    await readyForScreenshot(page);
    await commune.screenshot('exchange-export');
    reportFile = await captureDownload(page, 'export-submit');
    expect(reportFile.fileName).toBe(`VINHTRACH_${period.from}_${period.to}_v1.so86`);
    await expect.poll(() => page.getByTestId('export-done').textContent()).toContain(reportFile.fileName);
  });

  it('the province refuses a tampered copy dropped on the window, with its reason, and stores nothing', async () => {
    const { page } = province;
    const services = servicesOf(province);
    const historyBefore = await services('packages.history', {});
    const tampered = Buffer.from(reportFile.content);
    tampered.writeUInt8(tampered.readUInt8(tampered.length - 10) ^ 0x01, tampered.length - 10);

    const refusal = await createDispatcher(province.session)('packages.verify', {
      fileName: reportFile.fileName,
      contentBase64: tampered.toString('base64'),
    });
    expect(refusal.ok).toBe(false);
    const reason = refusal.ok
      ? ''
      : translate('vi', `error.${refusal.error.code}` as Parameters<typeof translate>[1], refusal.error.params);
    expect(reason).toMatch(/Không dùng tệp này|đã bị/);

    await page.getByTestId('nav-home').click();
    const dropped = await page.evaluateHandle(
      ({ name, base64 }) => {
        const transfer = new DataTransfer();
        transfer.items.add(new File([Uint8Array.from(atob(base64), (character) => character.charCodeAt(0))], name));
        return transfer;
      },
      { name: reportFile.fileName, base64: tampered.toString('base64') },
    );
    await page.dispatchEvent('body', 'drop', { dataTransfer: dropped });
    await page.getByTestId('import-panel').waitFor();
    await expect.poll(() => page.getByTestId('package-refusal').textContent()).toBe(reason);
    expect(await page.getByTestId('package-refused').textContent()).toContain('Không có gì được lưu vào sổ.');
    expect(await page.getByTestId('package-accept').count()).toBe(0);
    await readyForScreenshot(page);
    await province.screenshot('exchange-refused');
    expect(await services('packages.history', {})).toEqual(historyBefore);
  });

  it('the province checks the genuine file, accepts it, and sees the unit move from missing to submitted', async () => {
    const { page } = province;
    await page
      .getByTestId('package-file-input')
      .setInputFiles({ name: reportFile.fileName, mimeType: 'application/octet-stream', buffer: reportFile.content });
    await expect
      .poll(() => page.getByTestId('package-verdict-line').textContent())
      .toBe('Tệp nguyên vẹn; chữ ký là của Đảng ủy xã Vĩnh Trạch, đơn vị đã được tin cậy.');
    const summary = await page.getByTestId('package-summary').textContent();
    expect(summary).toContain('Đảng ủy xã Vĩnh Trạch (VINHTRACH)');
    expect(summary).toContain(roundRef);
    expect(summary).toContain('Có, chỉ đơn vị này đọc được');
    expect(summary).toContain('2 chuyến đi');
    expect(await page.getByTestId('report-figures').textContent()).toContain('Số trường hợp được cho phép ra nước ngoài2');
    await readyForScreenshot(page);
    await province.screenshot('exchange-verified');

    await page.getByTestId('package-accept').click();
    await expect.poll(() => page.getByTestId('package-outcome').textContent()).toBe('Đã nhập báo cáo.');

    await page.getByTestId('tab-packages-completeness').click();
    await chooseRound(page);
    const row = page.getByTestId('completeness-row').filter({ hasText: 'VINHTRACH' });
    await expect.poll(() => row.getByTestId('submission-status').textContent()).toBe('Đã nộp');
    expect(await page.getByTestId('count-submitted').textContent()).toBe('Đã nộp: 1');
    expect(await page.getByTestId('count-missing').textContent()).toBe('Chưa nộp: 0');
    await readyForScreenshot(page);
    await province.screenshot('exchange-completeness');
  });

  it('the province drills down to the unit’s report, its trips and its versions', async () => {
    const { page } = province;
    await page.getByTestId('completeness-open').click();
    await page.getByTestId('appendix-02-total').waitFor();
    expect(await page.getByTestId('appendix-02-total').textContent()).toMatch(/Tổng cộng2/);
    await page.getByTestId('tab-unit-details').click();
    await expect.poll(() => page.getByTestId('unit-trip').count()).toBe(2);
    await readyForScreenshot(page);
    await province.screenshot('exchange-unit-trips');
    await page.getByTestId('tab-unit-history').click();
    await expect.poll(() => page.getByTestId('unit-history-row').count()).toBe(1);
    await page.keyboard.press('Escape');
  });

  it('the province’s combined report lists the unit as submitted', async () => {
    const { page } = province;
    await page.getByTestId('nav-reports').click();
    await page.getByTestId('tab-report-units').click();
    await expect
      .poll(() =>
        page.getByTestId('report-unit-row').filter({ hasText: 'VINHTRACH' }).getByTestId('submission-status').textContent(),
      )
      .toBe('Đã nộp');
    await readyForScreenshot(page);
    await province.screenshot('exchange-report-units');
  });

  it('the province previews the combined report with its table of units, and saves it as PDF', async () => {
    const { page } = province;
    await page.getByTestId('report-print-preview').click();
    const firstPage = page.getByTestId('print-preview').getByTestId('print-preview-page').first();
    const coverageQuestion = page.getByTestId('report-coverage-proceed');
    await Promise.race([firstPage.waitFor({ timeout: 60_000 }), coverageQuestion.waitFor({ timeout: 60_000 })]);
    if (await coverageQuestion.isVisible()) await coverageQuestion.click();
    await firstPage.waitFor({ timeout: 60_000 });
    expect(await page.getByTestId('print-preview-status').textContent()).toMatch(/^\d+ trang khổ A4$/);
    await readyForScreenshot(page);
    await province.screenshot('exchange-combined-report-preview');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('print-preview-save').click()]);
    const text = poppler('pdftotext', await readFile(await download.path()));
    expect(text).toContain('Vĩnh Trạch');
    await page.getByTestId('print-preview-close').click();
  });

  it('ran under the strict Content-Security-Policy without a violation or a page error', () => {
    expect(commune.problems).toEqual([]);
    expect(province.problems).toEqual([]);
  });
});
