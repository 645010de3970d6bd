import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestRegistry, testPassword } from '../electron/services/testSupport';
import { openApp, type AppUnderTest } from './harness';
import { readyForScreenshot } from './screens';

async function pillLabels(page: Page, testId: string): Promise<string[]> {
  return page.getByTestId(testId).locator('xpath=ancestor::div[contains(@class,"mantine-MultiSelect-root") or contains(@class,"mantine-InputWrapper-root")][1]').locator('.mantine-Pill-label').allTextContents();
}

describe('a clerk finds things by typing, as they would say them', () => {
  let app: AppUnderTest;

  beforeAll(async () => {
    const prepared = await openTestRegistry();
    const names = ['Nguyễn Văn Toàn', 'Trần Văn Ân', 'Nguyễn Văn Bình', 'Nguyễn Văn Anh', 'Lê Nguyễn Văn Ánh', 'Nguyễn Văn An', 'Phạm Công An'];
    for (const [index, fullName] of names.entries()) await prepared.call('members.save', { code: `DV-${index + 1}`, fullName, cellName: 'Chi bộ ấp Trung Bình' });
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
  });

  it('ran without a Content-Security-Policy violation or a page error', () => {
    expect(app.problems).toEqual([]);
  });
});
