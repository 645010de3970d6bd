import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { poppler } from '../electron/testkit/documents';
import { openTestRegistry, testPassword } from '../electron/testkit/registry';
import { addDays, civilDateInVietnam } from '../shared/rules/dates';
import { openApp, type AppUnderTest } from './harness';
import { readyForScreenshot } from './screens';

const plannedDeparture = addDays(civilDateInVietnam(new Date()), 20);

/** Each page of a PDF as "upright" or "turned" A4 (595.28 × 841.89 points, give or take the printer's rounding), or its size when it is not A4. */
function pageSizes(pdf: Buffer): string[] {
  const pages = Number(/^Pages:\s+(\d+)/m.exec(poppler('pdfinfo', pdf))?.[1]);
  const near = (value: number, target: number) => Math.abs(value - target) < 1.5;
  return poppler('pdfinfo', pdf, ['-f', '1', '-l', String(pages)])
    .split('\n')
    .flatMap((line) => {
      const size = /^Page\s+\d+ size:\s+([\d.]+) x ([\d.]+)/.exec(line);
      if (!size) return [];
      const [width, height] = [Number(size[1]), Number(size[2])];
      if (near(width, 595.28) && near(height, 841.89)) return ['upright'];
      if (near(width, 841.89) && near(height, 595.28)) return ['turned'];
      return [`${width} x ${height}`];
    });
}

/** The pages the preview shows, upright or turned, once they are drawn. */
async function previewedPages(page: Page): Promise<string[]> {
  const pages = page.getByTestId('print-preview').getByTestId('print-preview-page');
  await expect.poll(() => pages.count(), { timeout: 30_000 }).toBeGreaterThan(0);
  const orientations = () =>
    pages.evaluateAll((images) =>
      (images as HTMLImageElement[]).map((image) =>
        !image.complete || image.naturalWidth === 0
          ? 'not drawn'
          : image.naturalWidth > image.naturalHeight
            ? 'turned'
            : 'upright',
      ),
    );
  await expect.poll(async () => (await orientations()).includes('not drawn'), { timeout: 15_000 }).toBe(false);
  return orientations();
}

/** What the print dialog would print: the window printed with its print style sheet, as a PDF. */
async function printedPages(page: Page): Promise<string[]> {
  await page.emulateMedia({ media: 'print' });
  try {
    expect(await page.locator('#root').evaluate((root) => getComputedStyle(root).display)).toBe('none');
    return pageSizes(await page.pdf({ preferCSSPageSize: true, printBackground: true }));
  } finally {
    await page.emulateMedia({ media: 'screen' });
  }
}

/** The system print dialog cannot be driven from a test: "In" is checked to ask for it, and what it would print is checked above. */
async function countPrintRequests(page: Page): Promise<void> {
  await page.evaluate(() => {
    const counted = window as unknown as { printRequests: number };
    counted.printRequests = 0;
    window.print = () => {
      counted.printRequests += 1;
    };
  });
}

async function printRequests(page: Page): Promise<number> {
  return page.evaluate(() => (window as unknown as { printRequests: number }).printRequests);
}

describe('print preview: a form, the report and its appendices shown in the window, printed or saved', () => {
  let app: AppUnderTest;

  beforeAll(async () => {
    const prepared = await openTestRegistry();
    const member = await prepared.call('members.save', {
      code: 'DV-1',
      fullName: 'Nguyễn Thị Lan',
      cellName: 'Chi bộ ấp Trung Bình',
    });
    await prepared.call('trips.save', {
      memberId: member.id,
      purpose: 'tourism',
      selfFunded: true,
      travelDocumentKind: 'passport',
      plannedDeparture,
      plannedReturn: addDays(plannedDeparture, 7),
      countries: ['TW'],
    });
    const away = await prepared.call('members.save', { code: 'DV-2', fullName: 'Trần Văn Hải', cellName: 'Chi bộ ấp Tây Bình' });
    const departed = addDays(civilDateInVietnam(new Date()), -5);
    const trip = await prepared.call('trips.save', {
      memberId: away.id,
      purpose: 'family_visit',
      selfFunded: true,
      travelDocumentKind: 'passport',
      plannedDeparture: departed,
      plannedReturn: addDays(departed, 120),
      countries: ['TW'],
    });
    await prepared.call('trips.transition', {
      tripId: trip.id,
      transition: 'submit',
      input: { applicationDate: addDays(departed, -20), commitmentDate: addDays(departed, -20), cellOpinion: 'Đồng ý' },
    });
    await prepared.call('trips.transition', {
      tripId: trip.id,
      transition: 'approve',
      input: {
        approvalRef: '15-QĐ/ĐU',
        approvalDate: addDays(departed, -10),
        approvingCommittee: 'Ban Thường vụ Đảng ủy xã Vĩnh Trạch',
      },
    });
    await prepared.call('trips.transition', { tripId: trip.id, transition: 'depart', input: { actualDeparture: departed } });
    prepared.session.lock('system');
    app = await openApp({ databaseFile: prepared.databaseFile, signIn: { username: 'admin', password: testPassword } });
    await app.page.setViewportSize({ width: 1366, height: 768 });
  });

  afterAll(async () => {
    await app.close();
  });

  it('shows the application form as A4 pages, prints only those pages, and saves the PDF', async () => {
    const { page } = app;
    await page.getByTestId('nav-trips').click();
    await page.getByTestId('list-row').first().click();
    await page.getByTestId('trip-page').waitFor();
    await page.getByTestId('trip-print').click();
    await page.getByTestId('print-application').click();
    const shown = await previewedPages(page);
    expect(new Set(shown)).toEqual(new Set(['upright']));
    expect(await page.getByTestId('print-preview-status').textContent()).toBe(`${shown.length} trang khổ A4`);
    expect(await page.getByTestId('print-preview').textContent()).toContain('Xem trước khi in: Đơn đề nghị đi nước ngoài');
    await readyForScreenshot(page);
    await app.screenshot('print-preview-application-1366');

    await countPrintRequests(page);
    await page.getByTestId('print-preview-print').click();
    expect(await printRequests(page)).toBe(1);
    expect(await printedPages(page)).toEqual(shown);

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('print-preview-save').click()]);
    expect(download.suggestedFilename()).toMatch(/\.pdf$/);
    const saved = readFileSync(await download.path());
    expect(pageSizes(saved)).toEqual(shown);
    await expect.poll(() => page.getByText(`Đã lưu ${download.suggestedFilename()}.`).count()).toBe(1);

    await page.getByTestId('print-preview-close').click();
    await page.getByTestId('print-preview-page').first().waitFor({ state: 'detached' });
    // With the preview closed, printing the window prints the window again.
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('#root').evaluate((root) => getComputedStyle(root).display)).not.toBe('none');
    await page.emulateMedia({ media: 'screen' });
  });

  it('still hands the form over as Word to edit, and says where it went', async () => {
    const { page } = app;
    await page.getByTestId('trip-print').click();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('print-commitment-docx').click()]);
    expect(download.suggestedFilename()).toMatch(/\.docx$/);
    await expect.poll(() => page.getByText(`Đã tải về ${download.suggestedFilename()}.`, { exact: false }).count()).toBe(1);
  });

  it('shows the report with its appendices turned on landscape pages, and prints them as they are laid out', async () => {
    const { page } = app;
    await page.getByTestId('nav-reports').click();
    await page.getByTestId('reports-screen').waitFor();
    await page.getByTestId('report-print-preview').click();
    const shown = await previewedPages(page);
    expect(shown[0]).toBe('upright');
    expect(shown).toContain('turned');
    expect(await page.getByTestId('print-preview').textContent()).toContain('Xem trước khi in: Báo cáo định kỳ và các phụ lục');
    await readyForScreenshot(page);
    await app.screenshot('print-preview-report-1366');

    await countPrintRequests(page);
    await page.getByTestId('print-preview-print').click();
    expect(await printRequests(page)).toBe(1);
    expect(await printedPages(page)).toEqual(shown);

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('print-preview-save').click()]);
    expect(pageSizes(readFileSync(await download.path()))).toEqual(shown);
    await page.getByTestId('print-preview-close').click();
  });

  it("prints the members abroad now from the overview, a cell's members and the filtered trips list, on A4 turned", async () => {
    const { page } = app;
    await page.getByTestId('nav-home').click();
    await page.getByTestId('tile-abroad-print').click();
    expect(await previewedPages(page)).toEqual(['turned']);
    expect(await page.getByTestId('print-preview').textContent()).toContain('Xem trước khi in: Đang ở nước ngoài');
    await readyForScreenshot(page);
    await app.screenshot('print-preview-abroad-list-1366');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('print-preview-save').click()]);
    expect(download.suggestedFilename()).toMatch(/^DangVienDangONuocNgoai_\d{2}-\d{2}-\d{4}\.pdf$/);
    await page.getByTestId('print-preview-close').click();

    await page.getByTestId('nav-members').click();
    await page.getByTestId('members-screen').waitFor();
    // Typed without accents, as the search box beside it allows.
    await page.getByTestId('member-cell-filter').fill('tay binh');
    await expect.poll(() => page.getByRole('option').allTextContents()).toEqual(['Chi bộ ấp Tây Bình']);
    await page.getByRole('option', { name: 'Chi bộ ấp Tây Bình' }).click();
    await expect.poll(() => page.getByTestId('member-total').textContent()).toBe('1 đảng viên');
    await readyForScreenshot(page);
    await app.screenshot('members-print-list-1366');
    await page.getByTestId('members-print-list').click();
    expect(await previewedPages(page)).toEqual(['turned']);
    await countPrintRequests(page);
    await page.getByTestId('print-preview-print').click();
    expect(await printRequests(page)).toBe(1);
    expect(await printedPages(page)).toEqual(['turned']);
    await page.getByTestId('print-preview-close').click();

    await page.getByTestId('nav-trips').click();
    await page.getByTestId('trips-screen').waitFor();
    await readyForScreenshot(page);
    await app.screenshot('trips-print-list-1366');
    await page.getByTestId('trips-print-list').click();
    expect(await previewedPages(page)).toEqual(['turned']);
    await page.getByTestId('print-preview-close').click();
  });

  it('asks before a dialog holding typing is closed, in the users dialog and in a trip step', async () => {
    const { page } = app;
    await page.getByTestId('nav-settings').click();
    await page.getByTestId('tab-users').click();
    await page.getByTestId('user-add').click();
    await page.getByTestId('user-displayName').fill('Nguyễn Văn Mới');
    await page.keyboard.press('Escape');
    await page.getByTestId('dialog-unsaved').getByTestId('confirm-cancel').waitFor();
    await readyForScreenshot(page);
    await app.screenshot('dialog-unsaved-guard-1366');
    await page.getByTestId('dialog-unsaved').getByTestId('confirm-cancel').click();
    await page.getByTestId('dialog-unsaved').getByTestId('confirm-cancel').waitFor({ state: 'detached' });
    expect(await page.getByTestId('user-displayName').inputValue()).toBe('Nguyễn Văn Mới');
    await page.keyboard.press('Escape');
    await page.getByTestId('dialog-unsaved').getByTestId('confirm-accept').click();
    await page.getByTestId('user-displayName').waitFor({ state: 'detached' });

    // An untouched dialog closes at once.
    await page.getByTestId('user-add').click();
    await page.getByTestId('user-displayName').waitFor();
    await page.keyboard.press('Escape');
    await page.getByTestId('user-displayName').waitFor({ state: 'detached' });
    expect(await page.getByTestId('dialog-unsaved').getByTestId('confirm-accept').count()).toBe(0);

    await page.getByTestId('nav-trips').click();
    await page.getByTestId('trip-search').fill('Lan');
    await expect.poll(() => page.getByTestId('list-row').count()).toBe(1);
    await page.getByTestId('list-row').first().click();
    await page.getByTestId('transition-submit').click();
    await page.getByTestId('transition-cellOpinion').fill('Chi bộ nhất trí.');
    await page.getByTestId('transition-dialog').locator('.mantine-Modal-close').click();
    await page.getByTestId('dialog-unsaved').getByTestId('confirm-cancel').waitFor();
    await page.getByTestId('dialog-unsaved').getByTestId('confirm-cancel').click();
    expect(await page.getByTestId('transition-cellOpinion').inputValue()).toBe('Chi bộ nhất trí.');
    await page.keyboard.press('Escape');
    await page.getByTestId('dialog-unsaved').getByTestId('confirm-accept').click();
    await page.getByTestId('transition-cellOpinion').waitFor({ state: 'detached' });
  });

  it('asks before settings typed but not saved are dropped by another tab or another screen', async () => {
    const { page } = app;
    await page.getByTestId('nav-settings').click();
    await page.getByTestId('tab-security').click();
    await page.getByTestId('setting-idle-minutes').fill('45');
    await page.getByTestId('tab-deadlines').click();
    await page.getByTestId('settings-unsaved').getByTestId('confirm-cancel').click();
    expect(await page.getByTestId('setting-idle-minutes').inputValue()).toBe('45');
    await page.getByTestId('nav-home').click();
    await page.getByTestId('unsaved-dialog').getByTestId('confirm-cancel').click();
    expect(await page.getByTestId('setting-idle-minutes').inputValue()).toBe('45');
    await page.getByTestId('auto-lock-save').click();
    await expect.poll(() => page.getByText('Đã lưu cài đặt').count()).toBeGreaterThan(0);
    await page.getByTestId('tab-deadlines').click();
    await page.getByTestId('deadline-settings').waitFor();
    await page.getByTestId('nav-home').click();
    await page.getByTestId('home').waitFor();
  });

  it('ran under the strict Content-Security-Policy, the preview worker included, without a violation or a page error', () => {
    expect(app.problems).toEqual([]);
  });
});
