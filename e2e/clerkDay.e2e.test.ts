import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestRegistry, testPassword } from '../electron/testkit/registry';
import { addDays, civilDateInVietnam, formatCivilDate } from '../shared/rules/dates';
import { openApp, type AppUnderTest } from './harness';
import { readyForScreenshot } from './screens';

/** A trip applied for today, leaving in a month. */
const plannedDeparture = addDays(civilDateInVietnam(new Date()), 30);

async function pillLabels(page: Page, testId: string): Promise<string[]> {
  return page
    .getByTestId(testId)
    .locator(
      'xpath=ancestor::div[contains(@class,"mantine-MultiSelect-root") or contains(@class,"mantine-InputWrapper-root")][1]',
    )
    .locator('.mantine-Pill-label')
    .allTextContents();
}

describe('a clerk finds things by typing, as they would say them', () => {
  let app: AppUnderTest;

  beforeAll(async () => {
    const prepared = await openTestRegistry();
    const names = [
      'Nguyễn Văn Toàn',
      'Trần Văn Ân',
      'Nguyễn Văn Bình',
      'Nguyễn Văn Anh',
      'Lê Nguyễn Văn Ánh',
      'Nguyễn Văn An',
      'Phạm Công An',
    ];
    for (const [index, fullName] of names.entries())
      await prepared.call('members.save', { code: `DV-${index + 1}`, fullName, cellName: 'Chi bộ ấp Trung Bình' });
    const an = (await prepared.call('members.search', { query: 'nguyen van an' })).rows[0]!;
    const trip = {
      memberId: an.id,
      purpose: 'tourism',
      selfFunded: true,
      travelDocumentKind: 'passport',
      plannedDeparture,
      plannedReturn: addDays(plannedDeparture, 9),
    } as const;
    const saved = await prepared.call('trips.save', { ...trip, countries: ['AE'] });
    await prepared.call('trips.save', { ...trip, id: saved.id, countries: ['JP'] });
    prepared.session.lock('system');
    app = await openApp({ databaseFile: prepared.databaseFile, signIn: { username: 'admin', password: testPassword } });
  });

  afterAll(async () => {
    await app.close();
  });

  it('ranks the member typed in full first, then names starting with it, then the names that only contain the letters', async () => {
    const { page } = app;
    await page.getByTestId('nav-members').click();
    await page.getByTestId('member-search').fill('nguyen van an');
    await expect.poll(() => page.getByTestId('member-total').textContent()).toBe('5 đảng viên');
    const rowTexts = await page.getByTestId('list-row').allTextContents();
    expect(rowTexts[0]).toContain('Nguyễn Văn An');
    expect(rowTexts[1]).toContain('Nguyễn Văn Anh');
    expect(rowTexts[2]).toContain('Lê Nguyễn Văn Ánh');
    await readyForScreenshot(page);
    await app.screenshot('clerk-member-search-ranked');
  });

  it('picks Nhật Bản when "nhat" is typed and Enter pressed, and Escape clears what was typed', async () => {
    const { page } = app;
    await page.getByTestId('list-row').first().click();
    await page.getByTestId('member-page').waitFor();
    await page.getByTestId('member-new-trip').click();
    await page.getByTestId('trip-form').waitFor();
    const countries = page.getByTestId('trip-countries');
    await countries.click();
    await countries.pressSequentially('nhat');
    await expect.poll(() => page.getByRole('option').first().textContent()).toBe('Nhật Bản');
    await countries.press('Enter');
    await expect.poll(() => pillLabels(page, 'trip-countries')).toEqual(['Nhật Bản']);
    expect(await countries.inputValue()).toBe('');
    await countries.press('ArrowDown');
    await countries.press('Escape');
    expect(await pillLabels(page, 'trip-countries')).toEqual(['Nhật Bản']);

    await countries.pressSequentially('han');
    await countries.press('Escape');
    expect(await countries.inputValue()).toBe('');
    expect(await page.getByTestId('trip-form').count()).toBe(1);
    await countries.pressSequentially('han quoc');
    await countries.press('Enter');
    await expect.poll(() => pillLabels(page, 'trip-countries')).toEqual(['Nhật Bản', 'Hàn Quốc']);
    await readyForScreenshot(page);
    await app.screenshot('clerk-trip-countries-by-keyboard');
    // The trip was only typed, not saved: leaving the form asks first, and the clerk drops it.
    await page.getByTestId('nav-audit').click();
    await page.getByTestId('unsaved-dialog').getByTestId('confirm-accept').click();
    await page.getByTestId('trip-form').waitFor({ state: 'detached' });
  });

  it('takes the best match of the typed member on Enter, and the highlighted one after the arrow keys', async () => {
    const { page } = app;
    await page.getByTestId('nav-trips').click();
    await page.getByTestId('new-trip').click();
    await page.getByTestId('trip-form').waitFor();
    const member = page.getByTestId('trip-member');
    await member.click();
    await member.pressSequentially('nguyen van an');
    await member.press('Enter');
    await expect.poll(() => member.inputValue()).toBe('Nguyễn Văn An · DV-6 · Chi bộ ấp Trung Bình');

    await member.fill('');
    await member.pressSequentially('nguyen van an');
    await expect.poll(() => page.getByRole('option').nth(1).textContent()).toContain('Nguyễn Văn Anh');
    await member.press('ArrowDown');
    await member.press('ArrowDown');
    await member.press('Enter');
    await expect.poll(() => member.inputValue()).toBe('Nguyễn Văn Anh · DV-4 · Chi bộ ấp Trung Bình');
    await readyForScreenshot(page);
    await app.screenshot('clerk-trip-member-by-keyboard');
    await page.getByTestId('nav-audit').click();
    await page.getByTestId('unsaved-dialog').getByTestId('confirm-accept').click();
    await page.getByTestId('trip-form').waitFor({ state: 'detached' });
  });

  it('shows in the change log whose trip changed and the countries by name, before and after', async () => {
    const { page } = app;
    await page.getByTestId('nav-audit').click();
    const row = page.getByTestId('audit-row').filter({ hasText: 'Sửa chuyến đi' });
    await expect.poll(() => row.count()).toBe(1);
    expect(await row.getByTestId('audit-subject').textContent()).toBe(
      `Nguyễn Văn An · chuyến đi Nhật Bản, dự kiến đi ${formatCivilDate(plannedDeparture)}`,
    );
    await row.click();
    const countries = page.getByTestId('audit-changes').locator('tr').filter({ hasText: 'Nước đến' });
    expect(await countries.locator('td').allTextContents()).toEqual([
      'Nước đến',
      'Các Tiểu vương quốc Ả-rập Thống nhất',
      'Nhật Bản',
    ]);
    await readyForScreenshot(page);
    await app.screenshot('clerk-audit-trip-countries');
  });

  it("warns before sending an unencrypted report file and says how to get the upper level's key card", async () => {
    const { page } = app;
    await page.getByTestId('nav-packages').click();
    await page.getByTestId('tab-packages-send').click();
    expect(await page.getByTestId('export-encrypt').isDisabled()).toBe(true);
    await page.getByTestId('export-submit').click();
    const warning = page.getByRole('dialog');
    await expect
      .poll(() => warning.textContent())
      .toContain('Chưa có thẻ khóa của cấp trên nên tệp báo cáo sẽ không được mã hóa');
    expect(await warning.textContent()).toContain('Cách nhận thẻ khóa của cấp trên:');
    await readyForScreenshot(page);
    await app.screenshot('clerk-export-unencrypted-warning');
    await page.getByTestId('export-plain-get-card').click();
    await page.getByTestId('own-card').waitFor();
    expect(await page.getByTestId('export-done').count()).toBe(0);

    await page.getByTestId('tab-packages-send').click();
    await page.getByTestId('export-submit').click();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-plain-confirm').click()]);
    expect(download.suggestedFilename()).toMatch(/\.so86$/);
    await page.getByTestId('export-done').waitFor();
  });

  it('says where a printed form went when it is downloaded', async () => {
    const { page } = app;
    await page.getByTestId('nav-trips').click();
    await page.getByTestId('list-row').first().click();
    await page.getByTestId('trip-print').click();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('print-application-docx').click()]);
    await expect.poll(() => page.getByText(`Đã tải về ${download.suggestedFilename()}. Mở tệp bằng Word`).count()).toBe(1);
  });

  it("offers the unit's own standing committee as the deciding committee", async () => {
    const { page } = app;
    await page.getByTestId('transition-submit').click();
    await page.getByTestId('transition-cellOpinion').fill('Chi bộ nhất trí.');
    await page.getByTestId('transition-confirm').click();
    await page.getByTestId('transition-form').waitFor({ state: 'detached' });
    await page.getByTestId('transition-approve').click();
    await expect
      .poll(() => page.getByTestId('transition-approvingCommittee').inputValue())
      .toBe('Ban Thường vụ Đảng ủy xã Vĩnh Trạch');
    await readyForScreenshot(page);
    await app.screenshot('clerk-approve-committee-prefilled');
    await page.getByTestId('transition-approvalRef').fill('15-QĐ/ĐU');
    await page.getByTestId('transition-confirm').click();
    await page.getByTestId('transition-form').waitFor({ state: 'detached' });
    await expect.poll(() => page.getByTestId('trip-state').first().textContent()).toBe('Đã được cho phép');
  });

  it('keeps the password and the auto-lock time together under Bảo mật', async () => {
    const { page } = app;
    await page.getByTestId('nav-settings').click();
    await page.getByTestId('tab-deadlines').click();
    await page.getByTestId('deadline-settings').waitFor();
    expect(await page.getByTestId('setting-idle-minutes').count()).toBe(0);
    await page.getByTestId('tab-security').click();
    await page.getByTestId('setting-idle-minutes').fill('30');
    await page.getByTestId('auto-lock-save').click();
    await expect.poll(() => page.getByText('Đã lưu cài đặt').count()).toBeGreaterThan(0);
    await readyForScreenshot(page);
    await app.screenshot('clerk-settings-security');
    await page.getByTestId('tab-deadlines').click();
    await page.getByTestId('tab-security').click();
    expect(await page.getByTestId('setting-idle-minutes').inputValue()).toBe('30');
  });

  it('ran without a Content-Security-Policy violation or a page error', () => {
    expect(app.problems).toEqual([]);
  });
});
