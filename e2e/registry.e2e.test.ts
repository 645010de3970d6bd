import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestRegistry, testPassword } from '../electron/testkit/registry';
import { newId } from '../shared/ids';
import { addDays, addMonths, civilDateInVietnam, formatCivilDate } from '../shared/rules/dates';
import { nameSortKey } from '../shared/text/collation';
import { foldForSearch } from '../shared/text/fold';
import { openApp, type AppUnderTest } from './harness';

const today = civilDateInVietnam(new Date());
/** A day relative to today, as the clerk types it. */
const day = (offset: number) => formatCivilDate(addDays(today, offset));

const plannedDeparture = addDays(today, -60);

/** Chooses an option of a Mantine select by its visible label. */
async function choose(page: Page, testId: string, option: string, typed?: string) {
  const input = page.getByTestId(testId);
  await input.click();
  if (typed !== undefined) await input.fill(typed);
  await page.getByRole('option', { name: option, exact: true }).click();
}

async function hintKeys(page: Page): Promise<string[]> {
  return page
    .locator('[data-testid="trip-hints"] [data-hint]')
    .evaluateAll((nodes) => nodes.map((node) => node.getAttribute('data-hint') ?? ''));
}

async function fillTransition(page: Page, transition: string, values: Record<string, string>) {
  await page.getByTestId(`transition-${transition}`).click();
  await page.getByTestId('transition-form').waitFor();
  for (const [field, value] of Object.entries(values)) await page.getByTestId(`transition-${field}`).fill(value);
  await page.getByTestId('transition-confirm').click();
}

/** Records a transition the services accept: the dialog closes. */
async function recordTransition(page: Page, transition: string, values: Record<string, string>) {
  await fillTransition(page, transition, values);
  await page.getByTestId('transition-form').waitFor({ state: 'detached' });
}

/** Screenshots show the screen itself, not the confirmations that fade away by themselves. */
async function dismissNotifications(page: Page) {
  for (const close of await page.locator('.mantine-Notification-closeButton').all()) await close.click();
  await expect.poll(() => page.locator('.mantine-Notification-root').count()).toBe(0);
}

describe('the registry screens in Chromium', () => {
  let app: AppUnderTest;

  beforeAll(async () => {
    const prepared = await openTestRegistry();
    for (const [code, fullName] of [
      ['DV-0001', 'Nguyễn Văn An'],
      ['DV-0002', 'Đặng Văn Hùng'],
      ['DV-0003', 'Trần Thị Hoa'],
    ]) {
      await prepared.call('members.save', { code: code!, fullName: fullName!, cellName: 'Chi bộ ấp Trung Bình' });
    }
    prepared.session.lock('system');
    app = await openApp({ databaseFile: prepared.databaseFile, signIn: { username: 'admin', password: testPassword } });
  });

  afterAll(async () => {
    await app.close();
  });

  it('adds a member, showing the national ID problem at its field until it is corrected', async () => {
    const { page } = app;
    await page.getByTestId('nav-members').click();
    await expect.poll(() => page.getByTestId('member-total').textContent()).toBe('3 đảng viên');
    await page.getByTestId('new-member').click();
    await page.getByTestId('member-code').fill('DV-0042');
    await page.getByTestId('member-fullName').fill('Đặng Thị Hoà');
    await page.getByTestId('member-cellName').fill('Chi bộ ấp Vĩnh Thuận');
    await choose(page, 'member-gender', 'Nữ');
    await page.getByTestId('member-birthDate').fill('12051985');
    await page.getByTestId('member-nationalId').fill('0011850123');
    await page.getByTestId('member-save').click();
    await expect.poll(() => page.getByText('Số CCCD phải gồm đúng 12 chữ số.').count()).toBe(1);
    expect(await page.getByTestId('member-birthDate').inputValue()).toBe('12/05/1985');
    await app.screenshot('registry-member-national-id-error');

    await page.getByTestId('member-nationalId').fill('001185012345');
    await page.getByTestId('member-save').click();
    await page.getByTestId('member-page').waitFor();
    await expect.poll(() => page.getByTestId('member-title').textContent()).toBe('Đặng Thị Hoà');
    expect(await page.getByText('Số CCCD phải gồm đúng 12 chữ số.').count()).toBe(0);
  });

  it('records a travel document and marks it as expiring', async () => {
    const { page } = app;
    await page.getByTestId('tab-documents').click();
    await page.getByTestId('travel-document-add').click();
    await page.getByTestId('travel-document-number').fill('c1234567');
    await page.getByTestId('travel-document-expires').fill(day(90));
    await page.getByTestId('travel-document-save').click();
    await expect.poll(() => page.getByTestId('travel-document-row').count()).toBe(1);
    await expect.poll(() => page.getByTestId('document-expiringSoon').count()).toBe(1);
    expect(await page.getByTestId('travel-document-row').textContent()).toContain('C1234567');
  });

  it('finds the member by typing the name without diacritics', async () => {
    const { page } = app;
    await page.getByTestId('back').click();
    await page.getByTestId('members-screen').waitFor();
    await expect.poll(() => page.getByTestId('member-total').textContent()).toBe('4 đảng viên');
    await page.getByTestId('member-search').fill('dang thi hoa');
    await expect.poll(() => page.getByTestId('member-total').textContent()).toBe('1 đảng viên');
    const rows = page.getByTestId('list-row');
    await expect.poll(() => rows.count()).toBe(1);
    expect(await rows.first().textContent()).toContain('Đặng Thị Hoà');
    await app.screenshot('registry-members-search');
    await rows.first().click();
    await page.getByTestId('member-page').waitFor();
  });

  it('creates a trip while the hints follow what is typed', async () => {
    const { page } = app;
    await page.getByTestId('member-new-trip').click();
    await page.getByTestId('trip-form').waitFor();
    await expect.poll(() => page.getByTestId('trip-member').inputValue()).toContain('Đặng Thị Hoà');
    await choose(page, 'trip-purpose', 'Du lịch');
    await choose(page, 'trip-countries', 'Hàn Quốc', 'han quoc');
    await page.getByTestId('trip-plannedDeparture').fill(formatCivilDate(plannedDeparture));
    await page.getByTestId('trip-plannedReturn').fill(formatCivilDate(addDays(addMonths(plannedDeparture, 3), 1)));
    await expect.poll(() => hintKeys(page)).toContain('hint.activity.temporary');
    expect(await page.getByTestId('hint-bracket').textContent()).toBe('Trên 3 đến 12 tháng');
    expect(await hintKeys(page)).not.toContain('hint.commitmentRequired');
    await app.screenshot('registry-trip-form-hints');

    await choose(page, 'trip-purpose', 'Thăm thân');
    await expect.poll(() => hintKeys(page)).toContain('hint.commitmentRequired');

    await page.getByTestId('trip-plannedReturn').fill(day(-45));
    await expect.poll(() => hintKeys(page)).toContain('hint.activity.none');
    expect(await hintKeys(page)).not.toContain('hint.activity.temporary');

    await page.getByTestId('trip-plannedReturn').fill(day(-70));
    const backwards = `Ngày dự kiến về nước (${day(-70)}) trước ngày dự kiến xuất cảnh (${formatCivilDate(plannedDeparture)}).`;
    await expect.poll(() => page.getByText(backwards).count()).toBe(1);
    await page.getByTestId('trip-plannedReturn').fill(day(-45));

    await page.getByTestId('trip-save').click();
    await page.getByTestId('trip-page').waitFor();
    await expect.poll(() => page.getByTestId('trip-state').textContent()).toBe('Dự thảo');
  });

  it('takes the trip from application to closed, showing a refusal and the flags on the way', async () => {
    const { page } = app;
    await recordTransition(page, 'submit', {
      applicationDate: day(-70),
      commitmentDate: day(-70),
      cellOpinion: 'Chi bộ nhất trí đề nghị cho đảng viên đi thăm thân.',
    });
    await expect.poll(() => page.getByTestId('trip-state').textContent()).toBe('Đã nhận đơn');

    await recordTransition(page, 'approve', {
      approvalRef: '12-QĐ/ĐU',
      approvalDate: day(-65),
      approvingCommittee: 'Ban Thường vụ Đảng ủy xã',
    });
    await expect.poll(() => page.getByTestId('trip-state').textContent()).toBe('Đã được cho phép');

    await fillTransition(page, 'depart', { actualDeparture: day(-66) });
    const refusal = `Ngày xuất cảnh (${day(-66)}) trước ngày quyết định cho phép (${day(-65)}).`;
    await expect.poll(() => page.getByTestId('transition-form').getByText(refusal).count()).toBe(1);
    expect(await page.getByTestId('transition-refusal').textContent()).toContain('chưa đủ điều kiện');
    await dismissNotifications(page);
    await app.screenshot('registry-transition-refused');
    await page.getByTestId('transition-actualDeparture').fill(day(-60));
    await page.getByTestId('transition-confirm').click();
    await page.getByTestId('transition-form').waitFor({ state: 'detached' });
    await expect.poll(() => page.getByTestId('trip-state').textContent()).toBe('Đã xuất cảnh');

    await recordTransition(page, 'return', { actualReturn: day(-45) });
    await expect.poll(() => page.getByTestId('trip-state').textContent()).toBe('Đã về nước');
    await page.getByTestId('flag-return_report_overdue').waitFor();
    await dismissNotifications(page);
    await app.screenshot('registry-trip-report-overdue');

    await recordTransition(page, 'report', {
      returnReportDate: day(-43),
      'contents.foreignContacts': 'Không tiếp xúc tổ chức nước ngoài.',
      'contents.giftsAndInvitations': 'Không có.',
    });
    await expect.poll(() => page.getByTestId('trip-state').textContent()).toBe('Đã báo cáo kết quả');
    await expect.poll(() => page.getByTestId('flag-return_report_overdue').count()).toBe(0);

    await recordTransition(page, 'close', { evaluation: 'Đảng viên chấp hành tốt quy định khi ở nước ngoài.' });
    await expect.poll(() => page.getByTestId('trip-state').textContent()).toBe('Đã nhận xét, kết thúc');
    expect(await page.getByTestId('history-row').count()).toBe(6);
    expect(await page.getByTestId('no-transitions').count()).toBe(1);
    await dismissNotifications(page);
    await app.screenshot('registry-trip-closed');
  });

  it('prints the application filled from the trip', async () => {
    const { page } = app;
    await page.getByTestId('trip-print').click();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('print-application-docx').click()]);
    expect(download.suggestedFilename()).toMatch(/\.docx$/);
  });

  it('shows the trip in English with the same facts', async () => {
    const { page } = app;
    await page.getByText('English', { exact: true }).click();
    await expect.poll(() => page.getByTestId('trip-state').textContent()).toBe('Evaluated and closed');
    expect(await page.getByTestId('trip-details').textContent()).toContain('South Korea');
    await app.screenshot('registry-trip-english');
    await page.getByText('Tiếng Việt', { exact: true }).click();
    await expect.poll(() => page.getByTestId('trip-state').textContent()).toBe('Đã nhận xét, kết thúc');
  });

  it('keeps a scanned PDF with the trip and refuses a file that is not one', async () => {
    const { page } = app;
    const pdf = path.join(tmpdir(), `don-de-nghi-${Date.now()}.pdf`);
    const text = path.join(tmpdir(), `ghi-chu-${Date.now()}.pdf`);
    writeFileSync(pdf, '%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
    writeFileSync(text, 'not a scan at all');
    await page.locator('[data-testid="attachments"] input[type="file"]').setInputFiles(pdf);
    await expect.poll(() => page.getByTestId('attachment-row').count()).toBe(1);
    await page.locator('[data-testid="attachments"] input[type="file"]').setInputFiles(text);
    await expect.poll(() => page.getByTestId('attachment-refusal').textContent()).toContain('Chỉ nhận tệp PDF hoặc ảnh');
    expect(await page.getByTestId('attachment-row').count()).toBe(1);
  });

  it('flags a marriage to a foreigner until the committee has dealt with it', async () => {
    const { page } = app;
    await page.getByTestId('trip-open-member').click();
    await page.getByTestId('member-page').waitFor();
    await page.getByTestId('tab-activity').click();
    await page.getByTestId('activity-add').click();
    await choose(page, 'activity-kind', 'Kết hôn với người nước ngoài');
    await page.getByTestId('activity-effectiveDate').fill(day(-100));
    await choose(page, 'activity-spouseCountry', 'Hàn Quốc', 'han quoc');
    await app.screenshot('registry-activity-form');
    await page.getByTestId('activity-save').click();
    await page.getByTestId('activity-form').waitFor({ state: 'detached' });
    await expect
      .poll(() => page.getByTestId('member-flags').textContent())
      .toContain('Kết hôn với người nước ngoài chưa được xem xét, giải quyết');
    await page.locator('.mantine-Modal-content').waitFor({ state: 'detached' });
    await app.screenshot('registry-member-activity');

    await page.getByTestId('activity-row').getByRole('button', { name: 'Sửa' }).click();
    await choose(page, 'activity-marriageOutcome', 'Tiếp tục sinh hoạt');
    await page.getByTestId('activity-save').click();
    await page.getByTestId('activity-form').waitFor({ state: 'detached' });
    await expect.poll(() => page.getByTestId('member-flags').count()).toBe(0);
    expect(await page.getByTestId('activity-row').textContent()).toContain('Tiếp tục sinh hoạt');
  });

  it('lists the trip with its state among all trips', async () => {
    const { page } = app;
    await page.getByTestId('nav-trips').click();
    await page.getByTestId('trips-screen').waitFor();
    await expect.poll(() => page.getByTestId('trip-total').textContent()).toBe('1 chuyến đi');
    expect(await page.getByTestId('list-row').first().textContent()).toContain('Đã nhận xét, kết thúc');
    await app.screenshot('registry-trips');
  });

  it('shows the catalogues and the settings', async () => {
    const { page } = app;
    await page.getByTestId('nav-catalogues').click();
    await page.getByTestId('issued-add').click();
    await page.getByTestId('issued-ref').fill('15-CV/ĐU');
    await page.getByTestId('issued-date').fill(day(-30));
    await page.getByTestId('issued-title').fill('V/v tăng cường quản lý đảng viên đi nước ngoài về việc riêng');
    await page.getByTestId('issued-save').click();
    await expect.poll(() => page.getByTestId('issued-row').count()).toBe(1);
    await page.locator('.mantine-Modal-content').waitFor({ state: 'detached' });
    await app.screenshot('registry-issued-documents');
    await page.getByTestId('tab-legal').click();
    await expect.poll(() => page.getByTestId('legal-row').count()).toBeGreaterThan(5);
    await app.screenshot('registry-legal-bases');

    await page.getByTestId('nav-settings').click();
    await page.getByTestId('audit-verify').click();
    await expect.poll(() => page.getByTestId('audit-verdict').textContent()).toContain('Nhật ký toàn vẹn');
    await page.getByTestId('tab-deadlines').click();
    await expect.poll(() => page.getByTestId('holiday-table').textContent()).toContain('Tết Âm lịch');
    await app.screenshot('registry-settings-holidays');
  });

  it('pages smoothly through 100,000 members', async () => {
    const { page } = app;
    const registry = app.session.registry!;
    const unitId = registry.ownUnit().id;
    const cellId = (registry.sqlite.prepare('SELECT id FROM cells LIMIT 1').get() as { id: string }).id;
    const now = new Date().toISOString();
    const insert = registry.sqlite.prepare(
      `INSERT INTO members (id, unit_id, cell_id, code, full_name, name_folded, name_sort_key, status, holds_leadership_post, under_disciplinary_review, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, 'active', 0, 0, ?, ?)`,
    );
    const families = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Huỳnh', 'Võ', 'Đặng', 'Bùi', 'Đỗ', 'Hồ'];
    const given = [
      'Văn An',
      'Thị Bình',
      'Minh Châu',
      'Quốc Dũng',
      'Thị Hạnh',
      'Văn Khoa',
      'Thanh Long',
      'Thị Mai',
      'Hữu Nghĩa',
      'Ngọc Yến',
    ];
    registry.sqlite.transaction(() => {
      for (let index = 0; index < 100_000; index += 1) {
        const fullName = `${families[index % 10]} ${given[Math.floor(index / 10) % 10]} ${String(index).padStart(5, '0')}`;
        insert.run(newId(), unitId, cellId, `T${index}`, fullName, foldForSearch(fullName), nameSortKey(fullName), now, now);
      }
    })();

    await page.getByTestId('nav-members').click();
    await page.getByTestId('member-search').fill('');
    await expect.poll(() => page.getByTestId('member-total').textContent()).toBe('100.004 đảng viên');
    const list = page.locator('[data-testid="member-list"] .virtual-table-body');
    expect(await page.getByTestId('list-row').count()).toBeLessThan(80);

    const started = Date.now();
    await list.focus();
    await page.keyboard.press('End');
    await expect.poll(() => page.locator('[data-testid="list-row"][aria-rowindex="100004"]').count()).toBe(1);
    const toTheEnd = Date.now() - started;
    expect(toTheEnd).toBeLessThan(3_000);
    await page.keyboard.press('PageUp');
    await page.keyboard.press('PageUp');
    await expect.poll(() => page.getByTestId('list-row-pending').count()).toBe(0);
    await app.screenshot('registry-members-100k');
  });

  it('ran under the strict Content-Security-Policy without a violation or a page error', () => {
    expect(app.problems).toEqual([]);
  });
});
