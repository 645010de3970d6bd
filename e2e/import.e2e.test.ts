import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { csvText, memberRow, readWorkbook, type FixtureCell } from '../electron/testkit/importFiles';
import { openTestRegistry, testPassword } from '../electron/testkit/registry';
import { encodeLegacy } from '../shared/text/legacy';
import { openApp, type AppUnderTest } from './harness';

const header = [
  'Mã đảng viên',
  'Họ và tên',
  'Giới tính',
  'Ngày sinh',
  'Chi bộ',
  'Giữ chức vụ lãnh đạo, quản lý',
  'Số CCCD',
  'Số điện thoại',
  'Tình trạng',
];

describe('importing members from a file in Chromium', () => {
  let app: AppUnderTest;
  const folder = mkdtempSync(path.join(tmpdir(), 'so86-e2e-import-'));

  beforeAll(async () => {
    const prepared = await openTestRegistry();
    await prepared.call('members.save', {
      code: 'DV-00001',
      fullName: 'Trần Thị Bình',
      gender: 'female',
      birthDate: '1961-03-02',
      cellName: 'Chi bộ ấp 2',
      nationalId: '001161000001',
      phone: '0900000001',
    });
    prepared.session.lock('system');
    app = await openApp({ databaseFile: prepared.databaseFile, signIn: { username: 'admin', password: testPassword } });
  });

  afterAll(async () => {
    await app.close();
  });

  it('downloads the template as an XLSX workbook with the Vietnamese headers', async () => {
    const { page } = app;
    await page.getByTestId('nav-import').click();
    await page.getByTestId('import-screen').waitFor();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('import-template').click()]);
    expect(download.suggestedFilename()).toBe('mau-nhap-dang-vien.xlsx');
    const saved = path.join(folder, download.suggestedFilename());
    await download.saveAs(saved);
    const workbook = await readWorkbook(readFileSync(saved));
    expect((workbook.worksheets[0]!.getRow(1).values as string[]).slice(1)).toEqual(header);
    expect(workbook.worksheets[1]!.name).toBe('Hướng dẫn');
  });

  it('lists every bad row of a file and offers no import until the file is corrected', async () => {
    const { page } = app;
    const rows: FixtureCell[][] = [2, 3, 4, 5, 6, 7].map(memberRow);
    rows[1]![3] = '30/02/1962';
    rows[3]![2] = 'không rõ';
    rows[3]![6] = '0010640000';
    rows[5]![4] = '';
    const file = path.join(folder, 'dang-vien-loi.csv');
    writeFileSync(file, csvText([header, ...rows]));
    await page.getByTestId('import-file').setInputFiles(file);
    await page.getByTestId('import-errors-title').waitFor();
    expect(await page.getByTestId('import-errors-title').textContent()).toContain(
      'Tệp có 4 lỗi ở 3 dòng — chưa nhập dữ liệu nào',
    );
    const listed = await page
      .getByTestId('import-error-row')
      .evaluateAll((rows) => rows.map((row) => Array.from(row.querySelectorAll('td'), (cell) => cell.textContent)));
    expect(listed).toEqual([
      ['3', 'Ngày sinh', '“30/02/1962” không phải ngày có thật trên lịch.'],
      ['5', 'Giới tính', '“không rõ” không phải giá trị được nhận. Giá trị được nhận: Nam / male; Nữ / female.'],
      ['5', 'Số CCCD', 'Số CCCD phải gồm đúng 12 chữ số.'],
      ['7', 'Chi bộ', 'Trường này là bắt buộc.'],
    ]);
    expect(await page.getByTestId('import-commit').count()).toBe(0);
    expect(await page.getByTestId('import-counts').count()).toBe(0);
    await app.screenshot('import-errors');
    expect(app.session.requireRegistry().counts().members).toBe(1);
  });

  it('lists thousands of bad rows, drawing only those in view', async () => {
    const { page } = app;
    const rows = Array.from({ length: 2000 }, (_, index) => {
      const row = memberRow(index + 10);
      row[3] = '31/04/1970';
      return row;
    });
    const file = path.join(folder, 'hai-nghin-loi.csv');
    writeFileSync(file, csvText([header, ...rows]));
    await page.getByTestId('import-file').setInputFiles(file);
    await expect.poll(() => page.getByTestId('import-errors-title').textContent()).toContain('Tệp có 2.000 lỗi ở 2.000 dòng');
    expect(await page.getByTestId('import-error-row').count()).toBeLessThan(60);
    await page.getByTestId('import-errors').evaluate((list) => list.scrollTo(0, list.scrollHeight));
    await expect.poll(() => page.getByTestId('import-error-row').last().locator('td').first().textContent()).toBe('2001');
  });

  it('previews a corrected file saved in TCVN3, says it was converted, then imports it', async () => {
    const { page } = app;
    const file = path.join(folder, 'dang-vien-tcvn3.csv');
    writeFileSync(file, encodeLegacy(csvText([header, ...[1, 2, 3, 4, 5, 6, 7].map(memberRow)]), 'tcvn3'));
    await page.getByTestId('import-file').setInputFiles(file);
    await page.getByTestId('import-ready').waitFor();
    expect(await page.getByTestId('import-legacy').textContent()).toMatch(
      /^Đã chuyển \d+ ô từ bảng mã TCVN3 \(ABC, phông \.Vn\) sang Unicode\.$/,
    );
    expect(await page.getByTestId('import-counts').textContent()).toBe(
      'Đảng viên mới6Đảng viên cập nhật0Không thay đổi1Chi bộ mới2',
    );
    expect(await page.getByTestId('import-preview').locator('tbody tr').first().textContent()).toContain('Trần Thị Bình');
    await app.screenshot('import-preview');

    await page.getByTestId('import-commit').click();
    await page.getByTestId('import-done').waitFor();
    expect(await page.getByTestId('import-done').textContent()).toBe(
      'Đã nhập vào sổ: 6 đảng viên mới, 0 đảng viên được cập nhật, 2 chi bộ mới.',
    );
    expect(app.session.requireRegistry().counts()).toMatchObject({ members: 7, cells: 3 });
    await app.screenshot('import-done');
  });

  it('ran under the strict Content-Security-Policy without a violation or a page error', () => {
    expect(app.problems).toEqual([]);
  });
});
