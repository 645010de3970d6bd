import { readFile } from 'node:fs/promises';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestRegistry, testPassword } from '../electron/testkit/registry';
import { addDays, civilDateInVietnam, formatCivilDate, yearOf } from '../shared/rules/dates';
import { openApp, type AppUnderTest } from './harness';
import { readyForScreenshot } from './screens';

const today = civilDateInVietnam(new Date());
const year = yearOf(today);

/** A cell's supplements printed, receipts marked, and the dashboard's count following, in Chromium. */
describe('annual record supplements, in Chromium', () => {
  let app: AppUnderTest;

  beforeAll(async () => {
    const office = await openTestRegistry();
    const hoa = await office.call('members.save', { code: 'DV-0001', fullName: 'Đặng Thị Hoà', cellName: 'Chi bộ ấp Tây Bình' });
    await office.call('members.save', { code: 'DV-0002', fullName: 'Lê Văn Bình', cellName: 'Chi bộ ấp Tây Bình' });
    await office.call('members.save', { code: 'DV-0003', fullName: 'Trần Quốc Cường', cellName: 'Chi bộ ấp Đông Bình' });
    const trip = await office.call('trips.save', {
      memberId: hoa.id,
      purpose: 'family_visit',
      selfFunded: true,
      countries: ['KR'],
      plannedDeparture: addDays(today, 20),
      plannedReturn: addDays(today, 30),
    });
    await office.call('trips.transition', {
      tripId: trip.id,
      transition: 'submit',
      input: { applicationDate: today, commitmentDate: today, cellOpinion: 'Đồng ý' },
    });
    await office.call('trips.transition', {
      tripId: trip.id,
      transition: 'approve',
      input: { approvalRef: '15-QĐ/ĐU', approvalDate: today, approvingCommittee: 'Ban Thường vụ Đảng ủy xã Vĩnh Trạch' },
    });
    office.session.lock('system');
    app = await openApp({ databaseFile: office.databaseFile, signIn: { username: 'admin', password: testPassword } });
  });

  afterAll(async () => {
    await app.close();
  });

  const cellCount = (name: string) =>
    app.page.getByTestId('annual-card-cell').filter({ hasText: name }).getByTestId('annual-card-cell-count').textContent();

  it('shows on the dashboard how many supplements of the year each cell still owes', async () => {
    const { page } = app;
    await page.getByTestId('annual-card').waitFor();
    expect(await page.getByTestId('annual-card').textContent()).toContain(`Kê khai bổ sung lý lịch năm ${year}`);
    await expect.poll(() => page.getByTestId('annual-card-count').textContent()).toBe('3');
    expect(await cellCount('Chi bộ ấp Tây Bình')).toBe('2');
    expect(await cellCount('Chi bộ ấp Đông Bình')).toBe('1');
  });

  it('opens a cell’s list from the dashboard and prints the cell’s supplements, one member to a page', async () => {
    const { page } = app;
    await page.getByTestId('annual-card-cell').filter({ hasText: 'Chi bộ ấp Tây Bình' }).click();
    await page.getByTestId('annual-records').waitFor();
    await expect.poll(() => page.getByTestId('annual-row').count()).toBe(2);
    // The cell's name fills its box once the list of cells has come, which may be after the rows.
    await expect.poll(() => page.getByTestId('annual-cell').inputValue()).toBe('Chi bộ ấp Tây Bình');
    expect(await page.getByTestId('annual-outstanding').textContent()).toBe('Còn 2 đảng viên chưa nộp');

    await page.getByTestId('annual-print-group').click();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('annual-print-group-docx').click()]);
    expect(download.suggestedFilename()).toBe(`KeKhaiBoSungLyLich_${year}_ChiboapTayBinh.docx`);
    const document = await (
      await JSZip.loadAsync(await readFile(await download.path()))
    )
      .file('word/document.xml')!
      .async('string');
    expect(document).toContain(`BẢN KÊ KHAI BỔ SUNG LÝ LỊCH ĐẢNG VIÊN NĂM ${year}`);
    expect(document).toContain('LÊ VĂN BÌNH');
    expect(document).toContain('ĐẶNG THỊ HOÀ');
    expect(document).toContain('Hàn Quốc');
    expect(document).toContain(`Không đi nước ngoài trong năm ${year}.`);
    expect(document.match(/<w:sectPr/g)).toHaveLength(2);

    await page.getByTestId('annual-print-group').click();
    await page.getByTestId('annual-print-group-pdf').click();
    const preview = page.getByTestId('print-preview');
    await expect.poll(() => preview.getByTestId('print-preview-page').count(), { timeout: 20_000 }).toBe(2);
    expect(await preview.textContent()).toContain(`Xem trước khi in: Bản kê khai bổ sung lý lịch năm ${year}`);
    await readyForScreenshot(page);
    await app.screenshot('annual-records-cell-preview');
    const [pdf] = await Promise.all([page.waitForEvent('download'), page.getByTestId('print-preview-save').click()]);
    expect(pdf.suggestedFilename()).toBe(`KeKhaiBoSungLyLich_${year}_ChiboapTayBinh.pdf`);
    await page.getByTestId('print-preview-close').click();
    await page.getByTestId('print-preview-page').first().waitFor({ state: 'detached' });
  });

  it('marks a receipt with today’s date, and the dashboard’s count drops', async () => {
    const { page } = app;
    const row = page.getByTestId('annual-row').filter({ hasText: 'Lê Văn Bình' });
    await row.getByTestId('annual-mark').click();
    await page.getByTestId('annual-mark-dialog').waitFor();
    expect(await page.getByTestId('annual-received-on').inputValue()).toBe(formatCivilDate(today));
    await page.getByTestId('annual-mark-save').click();
    await expect.poll(() => row.getByTestId('annual-received').textContent()).toBe(`${formatCivilDate(today)} · Quản trị viên`);
    await expect.poll(() => page.getByTestId('annual-outstanding').textContent()).toBe('Còn 1 đảng viên chưa nộp');
    await page.setViewportSize({ width: 1366, height: 768 });
    await readyForScreenshot(page);
    await app.screenshot('annual-records-cell');

    await page.getByTestId('nav-home').click();
    await expect.poll(() => page.getByTestId('annual-card-count').textContent()).toBe('2');
    expect(await cellCount('Chi bộ ấp Tây Bình')).toBe('1');
    await page.getByTestId('annual-card').scrollIntoViewIfNeeded();
    await readyForScreenshot(page);
    await app.screenshot('annual-records-dashboard');
  });

  it('refuses a receipt dated tomorrow at the field, and takes a receipt back', async () => {
    const { page } = app;
    await page.getByTestId('annual-card-open').click();
    await page.getByTestId('annual-records').waitFor();
    await expect.poll(() => page.getByTestId('annual-row').count()).toBe(3);
    const row = page.getByTestId('annual-row').filter({ hasText: 'Trần Quốc Cường' });
    await row.getByTestId('annual-mark').click();
    await page.getByTestId('annual-received-on').fill(formatCivilDate(addDays(today, 1)));
    await page.getByTestId('annual-mark-save').click();
    await expect.poll(() => page.getByTestId('annual-mark-dialog').textContent()).toContain('Ngày nhận không được sau hôm nay.');
    await page.getByTestId('annual-received-on').fill(formatCivilDate(today));
    await page.getByTestId('annual-mark-save').click();
    await expect.poll(() => row.getAttribute('data-received')).toBe('yes');
    await expect.poll(() => page.getByTestId('annual-outstanding').textContent()).toBe('Còn 1 đảng viên chưa nộp');
    await row.getByTestId('annual-unmark').click();
    await expect.poll(() => row.getAttribute('data-received')).toBe('no');
    await expect.poll(() => page.getByTestId('annual-outstanding').textContent()).toBe('Còn 2 đảng viên chưa nộp');
  });

  it('ran under the strict Content-Security-Policy without a violation or a page error', () => {
    expect(app.problems).toEqual([]);
  });
});
