import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestRegistry, testPassword } from '../electron/testkit/registry';
import { addDays, civilDateInVietnam, formatCivilDate } from '../shared/rules/dates';
import { openApp, type AppUnderTest } from './harness';
import { readyForScreenshot } from './screens';

const today = civilDateInVietnam(new Date());

/** The texts on screen that do not fit their box: cut off at the side, or beyond the lines a list cell shows. */
async function clippedTexts(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const candidates = document.querySelectorAll<HTMLElement>(
      '.virtual-table-cell, .mantine-Badge-label, .mantine-Table-td, [data-testid="hint-bracket"]',
    );
    return Array.from(candidates)
      .filter((element) => element.scrollWidth > element.clientWidth + 1 || element.scrollHeight > element.clientHeight + 1)
      .map((element) => element.textContent ?? '');
  });
}

describe('long names fit the lists at 1366 and at 1920 pixels', () => {
  let app: AppUnderTest;

  beforeAll(async () => {
    const prepared = await openTestRegistry();
    const member = await prepared.call('members.save', {
      code: 'DV-0001',
      fullName: 'Nguyễn Thị Phương Thảo',
      cellName: 'Chi bộ ấp Trung Bình Nhất',
    });
    const trip = await prepared.call('trips.save', {
      memberId: member.id,
      purpose: 'family_visit',
      selfFunded: true,
      countries: ['TW'],
      travelDocumentKind: 'passport',
      plannedDeparture: addDays(today, -10),
      plannedReturn: addDays(today, 110),
    });
    await prepared.call('trips.transition', {
      tripId: trip.id,
      transition: 'submit',
      input: { applicationDate: addDays(today, -30), commitmentDate: addDays(today, -30), cellOpinion: 'Chi bộ đồng ý' },
    });
    await prepared.call('trips.transition', {
      tripId: trip.id,
      transition: 'approve',
      input: { approvalRef: '15-QĐ/ĐU', approvalDate: addDays(today, -20), approvingCommittee: 'Ban Thường vụ Đảng ủy' },
    });
    await prepared.call('trips.transition', {
      tripId: trip.id,
      transition: 'depart',
      input: { actualDeparture: addDays(today, -10) },
    });
    prepared.session.lock('system');
    app = await openApp({ databaseFile: prepared.databaseFile, signIn: { username: 'admin', password: testPassword } });
  });

  afterAll(async () => {
    await app.close();
  });

  for (const [width, height] of [
    [1366, 768],
    [1920, 1080],
  ] as const) {
    it(`shows every country, bracket and badge whole at ${width}×${height}`, async () => {
      const { page } = app;
      await page.setViewportSize({ width, height });
      await page.getByTestId('nav-trips').click();
      await expect.poll(() => page.getByTestId('list-row').count()).toBe(1);
      expect(await page.getByTestId('list-row').textContent()).toContain('Đài Loan (Trung Quốc)');
      expect(await page.getByTestId('list-row').textContent()).toContain('Trên 3 đến 12 tháng');
      expect(await clippedTexts(page)).toEqual([]);
      await readyForScreenshot(page);
      await app.screenshot(`layout-trips-${width}`);

      await page.getByTestId('nav-members').click();
      // The members screen loads on demand: the trips list stays until it has come.
      await page.getByTestId('member-search').waitFor();
      await expect.poll(() => page.getByTestId('list-row').count()).toBe(1);
      expect(await page.getByTestId('list-row').textContent()).toContain('Đang ở nước ngoài');
      expect(await clippedTexts(page)).toEqual([]);
      await app.screenshot(`layout-members-${width}`);

      await page.getByTestId('nav-home').click();
      await page.getByTestId('home').waitFor();
      // The chart by year names a partial year as appendix 03 does, not "Tháng 12/2026", which reads as one month.
      await expect
        .poll(() => page.getByTestId('chart-year').locator('.bar-chart-label').allTextContents())
        .toEqual([`Năm ${today.slice(0, 4)} (tính đến ${formatCivilDate(today)})`]);
      expect(await clippedTexts(page)).toEqual([]);
      // A long country line is cut short in the tile, never scrolled sideways under its scrollbar.
      const abroadList = page.getByTestId('tile-abroad').locator('.tile-list');
      expect(await abroadList.evaluate((list) => list.scrollWidth - list.clientWidth)).toBe(0);
      await app.screenshot(`layout-home-${width}`);
    });
  }

  it('ran without a Content-Security-Policy violation or a page error', () => {
    expect(app.problems).toEqual([]);
  });
});
