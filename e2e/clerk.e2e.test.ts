import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TripPurpose } from '../shared/domain/enums';
import { openTestRegistry, testPassword, type OpenTestRegistry } from '../electron/testkit/registry';
import { addDays, civilDateInVietnam, formatCivilDate } from '../shared/rules/dates';
import { openApp, type AppUnderTest } from './harness';
import { readyForScreenshot } from './screens';

const today = civilDateInVietnam(new Date());
const day = (offset: number) => addDays(today, offset);
/** A day relative to today, as the clerk types it. */
const typed = (offset: number) => formatCivilDate(day(offset));

type Step = 'submit' | 'approve' | 'depart' | 'return' | 'report' | 'close';

/** A trip prepared through the services, taken as far as `until`, with the dates given as offsets from today. */
async function prepareTrip(
  office: OpenTestRegistry,
  memberId: string,
  trip: { purpose?: TripPurpose; departure: number; plannedReturn: number; returned?: number; reported?: number; until?: Step },
) {
  const order: Step[] = ['submit', 'approve', 'depart', 'return', 'report', 'close'];
  const reached = (step: Step) => trip.until !== undefined && order.indexOf(step) <= order.indexOf(trip.until);
  const created = await office.call('trips.save', {
    memberId,
    purpose: trip.purpose ?? 'tourism',
    selfFunded: true,
    countries: ['KR'],
    plannedDeparture: day(trip.departure),
    plannedReturn: day(trip.plannedReturn),
  });
  const tripId = created.id;
  if (reached('submit'))
    await office.call('trips.transition', {
      tripId,
      transition: 'submit',
      input: { applicationDate: day(Math.min(trip.departure - 20, -1)), cellOpinion: 'Chi bộ đồng ý.' },
    });
  if (reached('approve'))
    await office.call('trips.transition', {
      tripId,
      transition: 'approve',
      input: {
        approvalRef: '12-QĐ/ĐU',
        approvalDate: day(Math.min(trip.departure - 15, 0)),
        approvingCommittee: 'Ban Thường vụ Đảng ủy xã',
      },
    });
  if (reached('depart'))
    await office.call('trips.transition', { tripId, transition: 'depart', input: { actualDeparture: day(trip.departure) } });
  if (reached('return'))
    await office.call('trips.transition', {
      tripId,
      transition: 'return',
      input: { actualReturn: day(trip.returned ?? trip.plannedReturn) },
    });
  const contents = { foreignContacts: 'Không có.', giftsAndInvitations: 'Không có.', documentsBroughtBack: '', issues: '' };
  if (reached('report'))
    await office.call('trips.transition', {
      tripId,
      transition: 'report',
      input: { returnReportDate: day(trip.reported ?? -1), contents },
    });
  if (reached('close'))
    await office.call('trips.transition', {
      tripId,
      transition: 'close',
      input: { closedOn: today, evaluation: 'Chấp hành tốt quy định.' },
    });
  return tripId;
}

async function openMember(page: Page, name: string) {
  await page.getByTestId('nav-members').click();
  await page.getByTestId('member-search').fill(name);
  const row = page.getByTestId('list-row').filter({ hasText: name });
  await expect.poll(() => row.count()).toBe(1);
  await row.click();
  await page.getByTestId('member-page').waitFor();
}

async function openMembersTrip(page: Page, name: string, index = 0) {
  await openMember(page, name);
  await page.getByTestId('tab-trips').click();
  await page.getByTestId('trip-row').nth(index).click();
  await page.getByTestId('trip-page').waitFor();
}

async function hintKeys(page: Page): Promise<string[]> {
  return page
    .locator('[data-testid="trip-hints"] [data-hint]')
    .evaluateAll((nodes) => nodes.map((node) => node.getAttribute('data-hint') ?? ''));
}

async function fillStep(page: Page, transition: string, values: Record<string, string>) {
  await page.getByTestId(`transition-${transition}`).click();
  await page.getByTestId('transition-form').waitFor();
  for (const [field, value] of Object.entries(values)) await page.getByTestId(`transition-${field}`).fill(value);
  await page.getByTestId('transition-confirm').click();
}

describe('a clerk’s day without dead ends, in Chromium', () => {
  let app: AppUnderTest;

  beforeAll(async () => {
    const office = await openTestRegistry();
    const member = async (code: string, fullName: string) =>
      (await office.call('members.save', { code, fullName, cellName: 'Chi bộ ấp Trung Bình' })).id;
    const an = await member('DV-0001', 'Nguyễn Văn An');
    const hoa = await member('DV-0002', 'Trần Thị Hoa');
    const cuong = await member('DV-0003', 'Lê Văn Cường');
    const dung = await member('DV-0004', 'Phạm Thị Dung');
    const em = await member('DV-0005', 'Võ Văn Em');
    const phuong = await member('DV-0006', 'Đỗ Thị Phương');
    const giang = await member('DV-0007', 'Bùi Văn Giang');
    await member('DV-0008', 'Hồ Thị Hạnh');
    // A family visit received without the commitment: "Cho phép đi" waits for it.
    await prepareTrip(office, an, { purpose: 'family_visit', departure: 30, plannedReturn: 40, until: 'submit' });
    // Back 40 days ago, no report yet: still to chase.
    await prepareTrip(office, hoa, { departure: -55, plannedReturn: -40, until: 'return' });
    // Back 60 days ago, the report came late and the trip is closed: kept for the record only.
    await prepareTrip(office, cuong, { departure: -75, plannedReturn: -60, reported: -20, until: 'close' });
    // Still abroad ten days after the permitted return.
    await prepareTrip(office, dung, { departure: -30, plannedReturn: -10, until: 'depart' });
    // The return typed a month late: it looks like an overstay.
    await prepareTrip(office, em, { departure: -45, plannedReturn: -30, returned: -2, until: 'return' });
    // The same trip entered twice.
    await prepareTrip(office, phuong, { departure: 20, plannedReturn: 25 });
    await prepareTrip(office, phuong, { departure: 20, plannedReturn: 25 });
    await prepareTrip(office, giang, { departure: 25, plannedReturn: 35, until: 'submit' });
    office.session.lock('system');
    app = await openApp({ databaseFile: office.databaseFile, signIn: { username: 'admin', password: testPassword } });
  });

  afterAll(async () => {
    await app.close();
  });

  it('approves a family visit once the commitment date is added with "Sửa"', async () => {
    const { page } = app;
    await openMembersTrip(page, 'Nguyễn Văn An');
    expect(await page.getByTestId('transition-approve').isDisabled()).toBe(true);
    expect(await page.getByTestId('transition-blockers').textContent()).toContain('bản cam kết');

    await page.getByTestId('trip-edit').click();
    await page.getByTestId('trip-form').waitFor();
    await page.getByTestId('trip-commitmentDate').fill(typed(-1));
    await expect.poll(() => hintKeys(page)).not.toContain('hint.commitmentRequired');
    await readyForScreenshot(page);
    await app.screenshot('clerk-trip-form-commitment');
    await page.getByTestId('trip-save').click();
    await page.getByTestId('trip-page').waitFor();

    expect(await page.getByTestId('transition-approve').isDisabled()).toBe(false);
    await fillStep(page, 'approve', {
      approvalRef: '15-QĐ/ĐU',
      approvalDate: typed(0),
      approvingCommittee: 'Ban Thường vụ Đảng ủy xã',
    });
    await expect.poll(() => page.getByTestId('trip-state').textContent()).toBe('Đã được cho phép');
  });

  it('counts only the return reports still to chase, and keeps a closed trip’s late report for the record without a reminder', async () => {
    const { page } = app;
    await page.getByTestId('nav-home').click();
    await expect.poll(() => page.getByTestId('tile-overdue').getByTestId('tile-count').textContent()).toBe('1');
    await page.getByTestId('overdue-open').click();
    await page.getByTestId('trips-screen').waitFor();
    await expect.poll(() => page.getByTestId('trip-total').textContent()).toBe('1 chuyến đi');
    expect(await page.getByTestId('list-row').first().textContent()).toContain('Trần Thị Hoa');
    await page.getByTestId('trip-open-flags-only').click();
    await expect.poll(() => page.getByTestId('trip-total').textContent()).toBe('2 chuyến đi');
    await readyForScreenshot(page);
    await app.screenshot('clerk-overdue-reports-list');

    await openMembersTrip(page, 'Lê Văn Cường');
    await expect.poll(() => page.getByTestId('trip-state').textContent()).toBe('Đã nhận xét, kết thúc');
    const onRecord = page.getByTestId('trip-flags-on-record');
    expect(await onRecord.getByTestId('flag-return_report_overdue').count()).toBe(1);
    expect(await onRecord.textContent()).not.toContain('Nhắc đảng viên');
    expect(await page.getByTestId('trip-flags').count()).toBe(0);
    await readyForScreenshot(page);
    await app.screenshot('clerk-closed-trip-flags-on-record');
  });

  it('shows in the trips list which rule a flag is, since when and what to do, apart from violations kept for the record', async () => {
    const { page } = app;
    await page.getByTestId('nav-trips').click();
    await page.getByTestId('trips-screen').waitFor();
    const rowOf = (name: string) => page.getByTestId('list-row').filter({ hasText: name });
    await expect.poll(() => rowOf('Trần Thị Hoa').count()).toBe(1);
    await rowOf('Trần Thị Hoa').getByTestId('flag-summary').hover();
    const tooltip = page.getByTestId('flag-tooltip');
    await tooltip.waitFor();
    const text = await tooltip.textContent();
    expect(text).toContain('Quá hạn báo cáo kết quả chuyến đi');
    expect(text).toContain('từ ngày');
    expect(text).toContain('Nhắc đảng viên nộp báo cáo');
    await app.screenshot('clerk-trips-flag-tooltip');
    await page.mouse.move(0, 0);
    await tooltip.waitFor({ state: 'hidden' });

    await rowOf('Lê Văn Cường').getByTestId('flag-summary').hover();
    await expect.poll(() => page.getByTestId('flag-tooltip').textContent()).toContain('không cần nhắc nữa');
    expect(await rowOf('Lê Văn Cường').getByTestId('flag-summary').getAttribute('aria-label')).toBe(
      '1 vi phạm đã ghi nhận, lưu hồ sơ',
    );
    await page.mouse.move(0, 0);
  });

  it('asks before recording an unauthorised stay, then no longer offers an extension', async () => {
    const { page } = app;
    await openMembersTrip(page, 'Phạm Thị Dung');
    expect(await page.getByTestId('flag-overstay_without_extension').textContent()).toContain('ghi nhận gia hạn');
    await fillStep(page, 'record_unauthorised_stay', { recordedOn: typed(0) });
    const confirm = page.getByTestId('confirm-dialog');
    await expect.poll(() => confirm.textContent()).toContain('tự ý ở lại nước ngoài');
    await app.screenshot('clerk-confirm-unauthorised-stay');
    await page.getByTestId('confirm-cancel').click();
    await page.getByTestId('transition-form').getByTestId('transition-confirm').click();
    await page.getByTestId('confirm-accept').click();
    await page.getByTestId('transition-form').waitFor({ state: 'detached' });
    await expect.poll(() => page.getByTestId('trip-state').textContent()).toBe('Tự ý ở lại nước ngoài');

    const advice = await page.getByTestId('flag-overstay_without_extension').textContent();
    expect(advice).not.toContain('gia hạn nếu');
    expect(advice).toContain('ghi nhận ngày về nước');
    expect(await hintKeys(page)).toContain('hint.unauthorisedStayRecorded');
    expect(await hintKeys(page)).not.toContain('hint.pastPermittedReturn');
    expect(await page.getByTestId('transition-extend').count()).toBe(0);
    await readyForScreenshot(page);
    await app.screenshot('clerk-unauthorised-stay-recorded');
  });

  it('refuses to archive a member abroad and asks before archiving anyone else', async () => {
    const { page } = app;
    await page.getByTestId('trip-open-member').click();
    await page.getByTestId('member-page').waitFor();
    await page.getByTestId('member-archive').click();
    await expect.poll(() => page.getByTestId('archive-blocked').textContent()).toContain('đang ở nước ngoài');
    expect(await page.getByTestId('member-archived').count()).toBe(0);
    await readyForScreenshot(page);
    await app.screenshot('clerk-archive-refused');

    await openMember(page, 'Hồ Thị Hạnh');
    await page.getByTestId('member-archive').click();
    await expect.poll(() => page.getByTestId('confirm-dialog').textContent()).toContain('Lưu trữ hồ sơ của Hồ Thị Hạnh?');
    await app.screenshot('clerk-archive-confirm');
    await page.getByTestId('confirm-cancel').click();
    await expect.poll(() => page.getByTestId('confirm-cancel').count()).toBe(0);
    expect(await page.getByTestId('member-archived').count()).toBe(0);
    await page.getByTestId('member-archive').click();
    await page.getByTestId('confirm-accept').click();
    await page.getByTestId('member-archived').waitFor();
  });

  it('opens a member read-only, edits only after "Sửa", and names a day that does not exist', async () => {
    const { page } = app;
    await openMember(page, 'Bùi Văn Giang');
    expect(await page.getByTestId('member-fullName').getAttribute('readonly')).not.toBeNull();
    expect(await page.getByTestId('member-save').count()).toBe(0);
    await page.getByTestId('member-edit').click();
    expect(await page.getByTestId('member-fullName').getAttribute('readonly')).toBeNull();
    await page.getByTestId('member-birthDate').fill('31/02/1983');
    await page.getByTestId('member-save').click();
    const field = page.locator('.mantine-InputWrapper-root').filter({ has: page.getByTestId('member-birthDate') });
    await expect.poll(() => field.textContent()).toContain('Ngày 31/02/1983 không có trên lịch');
    expect(await field.textContent()).not.toContain('YYYY-MM-DD');
    await readyForScreenshot(page);
    await app.screenshot('clerk-member-nonexistent-date');
    await page.getByTestId('member-edit-cancel').click();
    expect(await page.getByTestId('member-fullName').getAttribute('readonly')).not.toBeNull();
  });

  it('asks before leaving a form with unsaved typing', async () => {
    const { page } = app;
    await page.getByTestId('tab-trips').click();
    await page.getByTestId('trip-row').first().click();
    await page.getByTestId('trip-edit').click();
    await page.getByTestId('trip-form').waitFor();
    await page.getByTestId('trip-code').fill('CD-2026-07');
    await page.getByTestId('nav-members').click();
    await expect.poll(() => page.getByTestId('unsaved-dialog').textContent()).toContain('chưa được lưu');
    await app.screenshot('clerk-unsaved-changes');
    await page.getByTestId('confirm-cancel').click();
    await expect.poll(() => page.getByTestId('confirm-cancel').count()).toBe(0);
    expect(await page.getByTestId('trip-code').inputValue()).toBe('CD-2026-07');
    // Locking the registry would drop the typing too: it asks the same question.
    await page.getByTestId('lock').click();
    await expect.poll(() => page.getByTestId('unsaved-dialog').textContent()).toContain('chưa được lưu');
    await page.getByTestId('confirm-cancel').click();
    await expect.poll(() => page.getByTestId('confirm-cancel').count()).toBe(0);
    expect(await page.getByTestId('trip-code').inputValue()).toBe('CD-2026-07');

    await page.getByTestId('back').click();
    await page.getByTestId('confirm-accept').click();
    await page.getByTestId('trip-page').waitFor();
    expect(await page.getByTestId('trip-page').textContent()).not.toContain('CD-2026-07');
  });

  it('asks before refusing a trip', async () => {
    const { page } = app;
    await fillStep(page, 'reject', { decisionDate: typed(0), reason: 'Chưa đủ điều kiện theo quy định.' });
    await expect.poll(() => page.getByTestId('confirm-dialog').textContent()).toContain('Bùi Văn Giang');
    await page.getByTestId('confirm-accept').click();
    await expect.poll(() => page.getByTestId('trip-state').textContent()).toBe('Không được cho phép');
  });

  it('scrolls to the first problem of an empty new trip and says what is required', async () => {
    const { page } = app;
    await page.getByTestId('nav-trips').click();
    await page.getByTestId('new-trip').click();
    await page.getByTestId('trip-form').waitFor();
    await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
    await page.getByTestId('trip-save').click();
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-invalid'))).toBe('true');
    const focused = await page.evaluate(() => {
      const box = document.activeElement!.getBoundingClientRect();
      return { top: box.top, bottom: box.bottom, height: window.innerHeight };
    });
    expect(focused.top).toBeGreaterThanOrEqual(0);
    expect(focused.bottom).toBeLessThanOrEqual(focused.height);
    const purpose = page.locator('.mantine-InputWrapper-root').filter({ has: page.getByTestId('trip-purpose') });
    expect(await purpose.textContent()).toContain('Trường này là bắt buộc.');
    expect(await page.getByTestId('trip-form').textContent()).not.toContain('Giá trị không hợp lệ.');
    await page.getByTestId('trip-plannedDeparture').fill('31/02/2027');
    await page.getByTestId('trip-save').click();
    const departure = page.locator('.mantine-InputWrapper-root').filter({ has: page.getByTestId('trip-plannedDeparture') });
    await expect.poll(() => departure.textContent()).toContain('Ngày 31/02/2027 không có trên lịch');
    await app.screenshot('clerk-new-trip-errors');
  });

  it('corrects a mistyped return date: the overstay flag goes and the report deadline follows', async () => {
    const { page } = app;
    await page.getByTestId('back').click();
    await page.getByTestId('confirm-accept').click();
    await openMembersTrip(page, 'Võ Văn Em');
    await page.getByTestId('flag-overstay_without_extension').waitFor();
    expect(await page.getByTestId('flag-return_report_overdue').count()).toBe(0);

    await page.getByTestId('trip-correct-step').click();
    await page.getByTestId('transition-form').waitFor();
    expect(await page.getByTestId('transition-actualReturn').inputValue()).toBe(typed(-2));
    await page.getByTestId('transition-actualReturn').fill(typed(-30));
    await page.getByTestId('transition-confirm').click();
    await expect.poll(() => page.getByTestId('correction-reason').getAttribute('aria-invalid')).toBe('true');
    await page.getByTestId('correction-reason').fill('Nhập nhầm ngày về nước.');
    await app.screenshot('clerk-correct-step');
    await page.getByTestId('transition-confirm').click();
    await page.getByTestId('transition-form').waitFor({ state: 'detached' });

    await page.getByTestId('flag-return_report_overdue').waitFor();
    expect(await page.getByTestId('flag-overstay_without_extension').count()).toBe(0);
    const returnRow = page.getByTestId('history-row').filter({ hasText: 'Đã xuất cảnh → Đã về nước' });
    expect(await returnRow.textContent()).toContain(typed(-30));
    const history = await page.getByTestId('trip-history').textContent();
    expect(history).toContain('Sửa bước: Ghi nhận về nước');
    expect(history).toContain('Nhập nhầm ngày về nước.');
    await readyForScreenshot(page);
    await app.screenshot('clerk-step-corrected');
  });

  it('removes a trip entered twice after asking why, and asks before cancelling the other', async () => {
    const { page } = app;
    await openMembersTrip(page, 'Đỗ Thị Phương');
    await page.getByTestId('trip-delete').click();
    await page.getByTestId('confirm-accept').click();
    await expect.poll(() => page.getByTestId('trip-delete-reason').getAttribute('aria-invalid')).toBe('true');
    await page.getByTestId('trip-delete-reason').fill('Nhập trùng với chuyến đi đã có.');
    await app.screenshot('clerk-delete-trip');
    await page.getByTestId('confirm-accept').click();
    await page.getByTestId('member-page').waitFor();
    await page.getByTestId('tab-trips').click();
    await expect.poll(() => page.getByTestId('trip-row').count()).toBe(1);

    await page.getByTestId('trip-row').first().click();
    await page.getByTestId('trip-page').waitFor();
    await fillStep(page, 'cancel', { cancelledOn: typed(0), reason: 'Đảng viên không đi nữa.' });
    await expect
      .poll(() => page.getByTestId('confirm-dialog').textContent())
      .toContain('Hủy chuyến đi của đảng viên Đỗ Thị Phương?');
    await page.getByTestId('confirm-accept').click();
    await expect.poll(() => page.getByTestId('trip-state').textContent()).toBe('Đã hủy');
    // Cancelled before any decision, it could still go; with a decision it could not.
    expect(await page.getByTestId('trip-delete').count()).toBe(1);
  });

  it('ran under the strict Content-Security-Policy without a violation or a page error', () => {
    expect(app.problems).toEqual([]);
  });
});
