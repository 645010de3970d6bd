import { readFile } from 'node:fs/promises';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDispatcher } from '../electron/services/application/api/dispatch';
import type { CallOutput } from '../shared/contract';
import { openTestRegistry, testPassword, type OpenTestRegistry } from '../electron/testkit/registry';
import { addDays, addMonths, civilDateInVietnam } from '../shared/rules/dates';
import { openApp, type AppUnderTest } from './harness';
import { readyForScreenshot } from './screens';

const today = civilDateInVietnam(new Date());
const day = (offset: number) => addDays(today, offset);
/** The "last 6 months" quick choice: every trip below was decided inside it, whatever day the tests run. */
const period = { from: addDays(addMonths(today, -6), 1), to: today };

async function addTrip(
  office: OpenTestRegistry,
  member: { code: string; fullName: string },
  trip: { purpose: 'tourism' | 'official'; country: string; plannedDeparture: string; plannedReturn: string },
  steps: { applied: string; approved?: string; departed?: string; returned?: string },
) {
  const saved = await office.call('members.save', {
    code: member.code,
    fullName: member.fullName,
    cellName: 'Chi bộ ấp Trung Bình',
  });
  const created = await office.call('trips.save', {
    memberId: saved.id,
    purpose: trip.purpose,
    selfFunded: trip.purpose === 'tourism',
    countries: [trip.country],
    plannedDeparture: trip.plannedDeparture,
    plannedReturn: trip.plannedReturn,
  });
  await office.call('trips.transition', {
    tripId: created.id,
    transition: 'submit',
    input: { applicationDate: steps.applied, cellOpinion: 'Đồng ý' },
  });
  if (steps.approved) {
    await office.call('trips.transition', {
      tripId: created.id,
      transition: 'approve',
      input: { approvalRef: `${member.code}-QĐ/ĐU`, approvalDate: steps.approved, approvingCommittee: 'Ban Thường vụ Đảng ủy' },
    });
  }
  if (steps.departed)
    await office.call('trips.transition', {
      tripId: created.id,
      transition: 'depart',
      input: { actualDeparture: steps.departed },
    });
  if (steps.returned)
    await office.call('trips.transition', { tripId: created.id, transition: 'return', input: { actualReturn: steps.returned } });
}

describe('the dashboard and the periodic report in Chromium', () => {
  let app: AppUnderTest;

  beforeAll(async () => {
    const prepared = await openTestRegistry();
    await addTrip(
      prepared,
      { code: 'DV-0001', fullName: 'Nguyễn Văn An' },
      { purpose: 'tourism', country: 'KR', plannedDeparture: day(20), plannedReturn: day(30) },
      { applied: day(-5), approved: day(-2) },
    );
    await addTrip(
      prepared,
      { code: 'DV-0002', fullName: 'Trần Thị Hoa' },
      { purpose: 'official', country: 'JP', plannedDeparture: day(-10), plannedReturn: day(3) },
      { applied: day(-40), approved: day(-30), departed: day(-10) },
    );
    await addTrip(
      prepared,
      { code: 'DV-0003', fullName: 'Lê Văn Cường' },
      { purpose: 'tourism', country: 'TH', plannedDeparture: day(40), plannedReturn: day(45) },
      { applied: day(-1) },
    );
    await addTrip(
      prepared,
      { code: 'DV-0004', fullName: 'Phạm Thị Dung' },
      { purpose: 'tourism', country: 'CN', plannedDeparture: day(-60), plannedReturn: day(-50) },
      { applied: day(-80), approved: day(-70), departed: day(-60), returned: day(-50) },
    );
    prepared.session.lock('system');
    app = await openApp({ databaseFile: prepared.databaseFile, signIn: { username: 'admin', password: testPassword } });
  });

  afterAll(async () => {
    await app.close();
  });

  it('shows who is abroad, due back, overdue and awaiting a decision, and the period in charts', async () => {
    const { page } = app;
    await page.getByTestId('dashboard').waitFor();
    await page.getByTestId('period-six-months').click();
    const count = (tile: string) => page.getByTestId(tile).getByTestId('tile-count').textContent();
    await expect.poll(() => count('tile-abroad')).toBe('1');
    expect(await count('tile-due')).toBe('1');
    expect(await count('tile-overdue')).toBe('1');
    expect(await count('tile-awaiting')).toBe('1');
    expect(await page.getByTestId('tile-abroad').getByTestId('tile-trip').textContent()).toContain('Trần Thị Hoa');
    expect(await page.getByTestId('tile-awaiting').getByTestId('tile-trip').textContent()).toContain('Lê Văn Cường');
    expect(await page.getByTestId('flag-return_report_overdue').getByTestId('flag-count').textContent()).toBe('1');

    const countries = await page.getByTestId('chart-country').getByTestId('bar-row').allTextContents();
    expect(countries.join(' | ')).toMatch(/Hàn Quốc.*1/);
    expect(countries.join(' | ')).toContain('Nhật Bản');
    expect(countries.join(' | ')).toContain('Trung Quốc');
    const years = await page.getByTestId('chart-year').getByTestId('bar-row').allTextContents();
    expect(years.reduce((total, row) => total + Number(/(\d+)$/.exec(row)?.[1] ?? 0), 0)).toBe(3);
    await readyForScreenshot(page);
    await app.screenshot('dashboard');

    await page.getByText('English').click();
    await expect.poll(() => page.getByTestId('tile-abroad').textContent()).toContain('Abroad now');
    await readyForScreenshot(page);
    await app.screenshot('dashboard-english');
    await page.getByText('Tiếng Việt').click();
    await expect.poll(() => page.getByTestId('tile-abroad').textContent()).toContain('Đang ở nước ngoài');
  });

  it('opens the trips carrying a flag, and a trip from its tile', async () => {
    const { page } = app;
    await page.getByTestId('flag-return_report_overdue').click();
    await page.getByTestId('trips-screen').waitFor();
    await expect.poll(() => page.getByTestId('trip-total').textContent()).toBe('1 chuyến đi');
    expect(await page.getByTestId('list-row').first().textContent()).toContain('Phạm Thị Dung');
    expect(await page.getByTestId('trip-flag-filter').inputValue()).toBe('Quá hạn báo cáo kết quả chuyến đi');
    await readyForScreenshot(page);
    await app.screenshot('dashboard-flag-trips');

    await page.getByTestId('nav-home').click();
    await page.getByTestId('tile-abroad').getByTestId('tile-trip').click();
    await page.getByTestId('trip-page').waitFor();
    expect(await page.getByTestId('trip-page').textContent()).toContain('Trần Thị Hoa');
  });

  it('previews the appendices and figures of the report', async () => {
    const { page } = app;
    await page.getByTestId('nav-reports').click();
    await page.getByTestId('reports-screen').waitFor();
    const total = page.getByTestId('appendix-02-total');
    await expect.poll(() => total.textContent()).toMatch(/Tổng cộng3/);
    expect(await page.getByTestId('appendix-02-notes').textContent()).toContain('Trong đó:');
    // Both appendices name a year the same way; "Tháng 12/2026" would read as that one month.
    const yearCells = (appendix: string) => page.getByTestId(appendix).locator('tbody tr td:nth-child(2)').allTextContents();
    const appendix02Years = (await yearCells('appendix-02')).filter((text) => text !== 'Tổng cộng');
    expect(appendix02Years.length).toBeGreaterThan(0);
    for (const year of appendix02Years) expect(year).toMatch(/^Năm \d{4}( \(tính đến \d{2}\/\d{1,2}\/\d{4}\))?$/);
    expect((await yearCells('appendix-03')).filter((text) => text.startsWith('Năm'))).toEqual(appendix02Years);
    expect(await page.getByTestId('report-saved-at').textContent()).toBe('Chưa lưu: nội dung đang theo số liệu tự động.');
    await readyForScreenshot(page);
    await app.screenshot('report-preview');
  });

  it('edits the heading and a narrative section, the figures as chips in the text, and saves', async () => {
    const { page } = app;
    await page.getByTestId('tab-report-heading').click();
    await page.getByTestId('meta-numberAndSymbol').fill('15-BC/ĐU');
    await page.getByTestId('meta-signerName').fill('Lâm Minh Thành');
    await expect.poll(() => page.getByTestId('report-unsaved').count()).toBe(1);
    await readyForScreenshot(page);
    await app.screenshot('report-heading');

    await page.getByTestId('tab-report-narrative').click();
    const editor = page.getByTestId('section-editor');
    await page.getByTestId('section-part1.results.selection').click();
    const selection = editor.getByTestId('paragraph').first();
    await expect.poll(() => selection.getByTestId('chip').count()).toBeGreaterThan(0);
    expect(await selection.getByTestId('chip').first().textContent()).toMatch(/^Từ (tháng|năm) .+ đến (tháng|năm) \S+$/);
    expect(await selection.getByTestId('footnote-marker').textContent()).toBe('chú thích 1');
    expect(await editor.getByTestId('footnote').getByTestId('chip').allTextContents()).toEqual(['03', '0', '0', '0']);
    expect(await page.getByTestId('narrative-editor').innerText()).not.toMatch(/[{}]|\^\[/);
    await readyForScreenshot(page);
    await app.screenshot('report-narrative-footnote');
    // Typing and taking it back leaves the paragraph exactly as generated: the section is not marked edited.
    await selection.click();
    await page.keyboard.press('Control+End');
    await page.keyboard.type('x');
    await expect.poll(() => page.getByTestId('section-part1.results.selection').textContent()).toContain('đã sửa');
    await page.keyboard.press('Backspace');
    await expect.poll(() => page.getByTestId('section-part1.results.selection').textContent()).not.toContain('đã sửa');

    await page.getByTestId('section-closing').click();
    const paragraph = editor.getByTestId('paragraph');
    await paragraph.fill('Kính báo cáo các đồng chí; trong kỳ có {khongCo}.');
    await expect
      .poll(() => page.getByTestId('paragraph-error').textContent())
      .toBe('Đoạn này có số liệu không có trong danh sách (“khongCo”): hãy xóa và chèn số liệu từ danh sách bên phải.');
    await paragraph.fill('Kính báo cáo các đồng chí; trong kỳ có ');
    await page.keyboard.press('Control+End');
    await page.getByTestId('placeholder-permitted').click();
    await page.keyboard.type(' trường hợp, ');
    await page.getByTestId('placeholder-abroadNow').click();
    await expect
      .poll(() => page.getByTestId('section-preview').textContent())
      .toBe('Kính báo cáo các đồng chí; trong kỳ có 03 trường hợp, 01');
    expect(await paragraph.textContent()).toBe('Kính báo cáo các đồng chí; trong kỳ có 03 trường hợp, 01');
    expect(
      await paragraph
        .getByTestId('chip')
        .evaluateAll((chips) => chips.map((chip) => [chip.getAttribute('contenteditable'), chip.getAttribute('title')])),
    ).toEqual([
      ['false', 'Số trường hợp được cho phép ra nước ngoài'],
      ['false', 'Số đảng viên đang ở nước ngoài'],
    ]);
    expect(await page.getByTestId('paragraph-error').count()).toBe(0);
    expect(await page.getByTestId('section-closing').textContent()).toContain('đã sửa');
    await readyForScreenshot(page);
    await app.screenshot('report-narrative');

    await page.getByTestId('report-save').click();
    await expect.poll(() => page.getByTestId('report-saved-at').textContent()).toMatch(/^Lưu lần cuối lúc/);
    const saved = await createDispatcher(app.session)('reports.get', { period, roundId: null });
    if (!saved.ok) throw new Error(`the saved report could not be read: ${saved.error.code}`);
    expect(
      (saved.value as CallOutput<'reports.get'>).template.sections.find((section) => section.id === 'closing')?.paragraphs,
    ).toEqual(['Kính báo cáo các đồng chí; trong kỳ có {permitted} trường hợp, {abroadNow}']);
  });

  it('keeps the edits, figures still chips, after the window is reloaded', async () => {
    const { page } = app;
    await page.reload();
    await page.getByTestId('home').waitFor();
    await page.getByTestId('nav-reports').click();
    await page.getByTestId('period-six-months').click();
    await page.getByTestId('tab-report-narrative').click();
    await page.getByTestId('section-closing').click();
    const paragraph = page.getByTestId('section-editor').getByTestId('paragraph');
    await expect.poll(() => paragraph.textContent()).toBe('Kính báo cáo các đồng chí; trong kỳ có 03 trường hợp, 01');
    expect(
      await paragraph
        .getByTestId('chip')
        .evaluateAll((chips) => chips.map((chip) => [chip.textContent, chip.getAttribute('contenteditable')])),
    ).toEqual([
      ['03', 'false'],
      ['01', 'false'],
    ]);
    expect(await page.getByTestId('narrative-editor').innerText()).not.toMatch(/[{}]|\^\[/);
    await page.getByTestId('tab-report-heading').click();
    expect(await page.getByTestId('meta-numberAndSymbol').inputValue()).toBe('15-BC/ĐU');
    expect(await page.getByTestId('meta-signerName').inputValue()).toBe('Lâm Minh Thành');
  });

  it('downloads the report as a Word document holding the edited text', async () => {
    const { page } = app;
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('report-download-docx').click()]);
    expect(download.suggestedFilename()).toBe(`BaoCao_VINHTRACH_${period.from}_${period.to}.docx`);
    const document = await (
      await JSZip.loadAsync(await readFile(await download.path()))
    )
      .file('word/document.xml')!
      .async('string');
    expect(document).toContain('Kính báo cáo các đồng chí; trong kỳ có 03 trường hợp, 01');
    expect(document).toContain('15-BC/ĐU');
    await expect.poll(() => page.getByTestId('report-rendering').count()).toBe(0);
  });

  it('ran under the strict Content-Security-Policy without a violation or a page error', () => {
    expect(app.problems).toEqual([]);
  });
});
