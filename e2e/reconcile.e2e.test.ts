import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { csvText } from '../electron/testkit/importFiles';
import { openTestRegistry, testPassword } from '../electron/testkit/registry';
import { addDays, civilDateInVietnam, formatCivilDate } from '../shared/rules/dates';
import { artifactsFolder, openApp, type AppUnderTest } from './harness';
import { readyForScreenshot } from './screens';

const today = civilDateInVietnam(new Date());
const daysAgo = (days: number) => formatCivilDate(addDays(today, -days));

describe('reconciling the border-crossing list in Chromium', () => {
  let app: AppUnderTest;
  const folder = mkdtempSync(path.join(tmpdir(), 'so86-e2e-reconcile-'));
  const memberIds: Record<string, string> = {};

  beforeAll(async () => {
    const prepared = await openTestRegistry();
    const save = async (code: string, values: Record<string, unknown>) =>
      (memberIds[code] = (
        await prepared.call('members.save', { code, cellName: 'Chi bộ ấp Hòa Long', fullName: '', ...values })
      ).id);
    await save('DV-001', { fullName: 'Nguyễn Thị Lan', gender: 'female', birthDate: '1975-04-12', nationalId: '089175001234' });
    await save('DV-003', { fullName: 'Lê Văn Bình', gender: 'male', birthDate: '1980-01-20' });
    await save('DV-002', { fullName: 'Trần Văn Hùng', gender: 'male', birthDate: '1968-09-01', nationalId: '089068005678' });
    const iso = (days: number) => addDays(today, -days);
    const trips = csvText([
      [
        'trip_code',
        'member_code',
        'purpose',
        'countries',
        'application_date',
        'approval_date',
        'approval_ref',
        'planned_departure',
        'planned_return',
      ],
      ['CD-7', 'DV-002', 'tourism', 'JP', iso(40), iso(30), '30-QĐ/ĐU', iso(20), iso(14)],
    ]);
    const imported = await prepared.call('import.commit', {
      kind: 'trips',
      fileName: 'chuyen-di.csv',
      contentBase64: Buffer.from(trips).toString('base64'),
    });
    expect(imported.issues).toEqual([]);
    prepared.session.lock('system');
    app = await openApp({ databaseFile: prepared.databaseFile, signIn: { username: 'admin', password: testPassword } });
  });

  afterAll(async () => {
    await app.close();
  });

  it('reconciles a list, marks the weak match, creates the trip of an unreported crossing and shows it flagged', async () => {
    const { page } = app;
    const file = path.join(folder, 'danh-sach-xnc.csv');
    writeFileSync(
      file,
      csvText([
        [
          'Số CCCD',
          'Họ và tên',
          'Ngày sinh',
          'Xuất/nhập',
          'Ngày xuất/nhập cảnh',
          'Cửa khẩu',
          'Loại giấy tờ',
          'Số giấy tờ',
          'Nước',
        ],
        [
          '089175001234',
          'Nguyễn Thị Lan',
          '12/04/1975',
          'Xuất cảnh',
          daysAgo(30),
          'Cửa khẩu Tịnh Biên',
          'Giấy thông hành',
          'GT123456',
          'Campuchia',
        ],
        [
          '089175001234',
          'Nguyễn Thị Lan',
          '12/04/1975',
          'Nhập cảnh',
          daysAgo(28),
          'Cửa khẩu Tịnh Biên',
          'Giấy thông hành',
          'GT123456',
          'Campuchia',
        ],
        ['', 'Lê Văn Bình', '20/01/1980', 'Xuất cảnh', daysAgo(12), 'Cửa khẩu Vĩnh Xương', 'Giấy thông hành', '', 'Campuchia'],
        ['', 'Lê Văn Bình', '20/01/1980', 'Nhập cảnh', daysAgo(11), 'Cửa khẩu Vĩnh Xương', 'Giấy thông hành', '', 'Campuchia'],
        ['079190005555', 'Phạm Văn Khách', '', 'Xuất cảnh', daysAgo(5), 'Mộc Bài', 'Hộ chiếu', 'P0001', 'Campuchia'],
        ['089068005678', 'Trần Văn Hùng', '', 'Xuất cảnh', daysAgo(19), 'Tân Sơn Nhất', 'Hộ chiếu', 'C1234567', 'Nhật Bản'],
        ['089068005678', 'Trần Văn Hùng', '', 'Nhập cảnh', daysAgo(14), 'Tân Sơn Nhất', 'Hộ chiếu', 'C1234567', 'Nhật Bản'],
      ]),
    );
    await page.getByTestId('nav-reconcile').click();
    await page.getByTestId('reconcile-screen').waitFor();
    await page.getByTestId('reconcile-file').setInputFiles(file);
    await page.getByTestId('reconcile-results').waitFor();
    expect(await page.getByTestId('reconcile-summary').textContent()).toBe(
      '7 dòng, 3 lần đi của đảng viên; 1 người trong danh sách không phải đảng viên của đơn vị (không lưu thông tin).',
    );
    expect(await page.getByTestId('reconcile-tab-unreported').textContent()).toBe('Đi nước ngoài không báo cáo (2)');
    expect(await page.getByTestId('reconcile-tab-datesDiffer').textContent()).toBe('Ngày khác với sổ (1)');
    expect(await page.getByTestId('reconcile-tab-stillAbroad').textContent()).toBe('Còn ở nước ngoài quá hạn (0)');
    const rows = page.getByTestId('reconcile-row');
    expect(await rows.evaluateAll((found) => found.map((row) => row.getAttribute('data-member')))).toEqual(['DV-001', 'DV-003']);
    const lan = page.locator('[data-testid="reconcile-row"][data-member="DV-001"]');
    const binh = page.locator('[data-testid="reconcile-row"][data-member="DV-003"]');
    expect(await lan.textContent()).toContain(`${daysAgo(30)} – ${daysAgo(28)}`);
    expect(await lan.textContent()).toContain('Cửa khẩu Tịnh Biên');
    expect(await lan.getByTestId('reconcile-needs-confirmation').count()).toBe(0);
    expect(await binh.getByTestId('reconcile-needs-confirmation').textContent()).toBe('cần xác nhận');
    await page.setViewportSize({ width: 1366, height: 768 });
    await readyForScreenshot(page);
    await page.screenshot({ path: path.join(artifactsFolder, 'reconcile-results.png') });

    // The weak match is never acted on alone: the button waits for the clerk's confirmation.
    await binh.getByTestId('reconcile-create').click();
    const dialog = page.getByTestId('reconcile-create-confirm');
    await dialog.waitFor();
    expect(await page.getByTestId('reconcile-create-confirm').isDisabled()).toBe(true);
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    const tripsOfBinh = () =>
      app.session
        .requireRegistry()
        .sqlite.prepare('SELECT count(*) AS n FROM trips WHERE member_id = ?')
        .get(memberIds['DV-003']);
    expect(tripsOfBinh()).toEqual({ n: 0 });

    await lan.getByTestId('reconcile-create').click();
    await dialog.waitFor();
    await page.getByTestId('reconcile-purpose').click();
    await page.getByRole('option', { name: 'Thăm thân', exact: true }).click();
    await readyForScreenshot(page);
    await page.screenshot({ path: path.join(artifactsFolder, 'reconcile-create-trip.png') });
    await page.getByTestId('reconcile-create-confirm').click();
    await dialog.waitFor({ state: 'detached' });
    await lan.getByTestId('reconcile-open-trip').click();
    await page.getByTestId('flag-unreported_departure').waitFor();
    expect(await page.getByTestId('flag-unreported_departure').textContent()).toContain('Xuất cảnh không báo cáo');
    expect(await page.getByTestId('trip-unreported-found').textContent()).toBe(
      `Phát hiện qua đối chiếu danh sách xuất nhập cảnh ngày ${formatCivilDate(today)}`,
    );
    await readyForScreenshot(page);
    await page.screenshot({ path: path.join(artifactsFolder, 'reconcile-trip-flagged.png') });

    // Back on the screen the results are still there, the crossing marked as recorded.
    await page.getByTestId('back').click();
    await page.getByTestId('reconcile-results').waitFor();
    expect(await lan.getByTestId('reconcile-open-trip').count()).toBe(1);

    // A registered trip without its actual dates: they are recorded from the list.
    await page.getByTestId('reconcile-tab-datesDiffer').click();
    const hung = page.locator('[data-testid="reconcile-row"][data-member="DV-002"]');
    expect(await hung.textContent()).toContain('CD-7 · sổ chưa ghi ngày thực tế');
    await hung.getByTestId('reconcile-record').click();
    await page.getByTestId('reconcile-record-confirm').click();
    await hung.getByTestId('reconcile-open-trip').waitFor();
    const recorded = app.session
      .requireRegistry()
      .sqlite.prepare(`SELECT state, actual_departure, actual_return FROM trips WHERE code = 'CD-7'`)
      .get();
    expect(recorded).toEqual({ state: 'returned', actual_departure: addDays(today, -19), actual_return: addDays(today, -14) });
    expect(app.problems).toEqual([]);
  });
});
