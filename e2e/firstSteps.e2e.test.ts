import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApp, type AppUnderTest, submitSignIn } from './harness';
import { finishFirstRun, readyForScreenshot } from './screens';

const password = 'mật khẩu thật dài 2026';

describe('first run says plainly what is missing', () => {
  let app: AppUnderTest;

  beforeAll(async () => {
    app = await openApp();
  });

  afterAll(async () => {
    await app.close();
  });

  it('marks the required fields and asks for the parent unit code without repeating the level', async () => {
    const { page } = app;
    await page.getByTestId('unit-name').fill('Đảng ủy xã Vĩnh Trạch');
    await page.getByTestId('unit-code').fill('VINHTRACH');
    await page.getByTestId('next').click();
    const parentError =
      'Chưa có mã đơn vị cấp trên. Hãy nhập mã của cấp ủy cấp trên trực tiếp (chỉ đơn vị Trung ương mới để trống).';
    await expect.poll(() => page.getByText(parentError).count()).toBe(1);
    expect(await page.getByText('Cấp xã, phường phải có').count()).toBe(0);
    const marked = await page
      .locator('.mantine-InputWrapper-required')
      .evaluateAll((marks) =>
        marks.map((mark) => mark.closest('.mantine-InputWrapper-root')?.querySelector('input')?.getAttribute('data-testid')),
      );
    expect(marked).toEqual(['unit-name', 'unit-code', 'unit-level', 'unit-parent']);
    await app.screenshot('first-run-parent-required');
  });

  it('shows a new registry what to do first instead of empty lists, and no technical details', async () => {
    const { page } = app;
    await page.getByTestId('unit-parent').fill('ANGIANG');
    await finishFirstRun(page, { displayName: 'Nguyễn Thị Hường', username: 'vanphong', password });
    await page.getByTestId('first-steps').waitFor();
    expect(await page.getByTestId('home').textContent()).not.toContain('lược đồ');
    await readyForScreenshot(page);
    await app.screenshot('first-steps-home');

    await page.getByTestId('nav-members').click();
    await page.getByTestId('empty-list').getByTestId('first-steps').waitFor();
    expect(await page.getByTestId('empty-list').textContent()).not.toContain('phù hợp');
    const clippedButtons = await page
      .locator('[data-testid="first-steps"] .mantine-Button-label')
      .evaluateAll((labels) =>
        labels.filter((label) => label.scrollWidth > label.clientWidth + 1).map((label) => label.textContent),
      );
    expect(clippedButtons).toEqual([]);
    await app.screenshot('first-steps-members');
    await page.getByTestId('member-search').fill('khong co ai');
    await expect
      .poll(() => page.getByTestId('empty-list').textContent())
      .toBe('Không có đảng viên nào khớp với điều kiện tìm. Hãy sửa từ tìm hoặc bỏ bộ lọc.');

    await page.getByTestId('nav-trips').click();
    await expect
      .poll(() => page.getByTestId('empty-list').textContent())
      .toContain('Sổ chưa có chuyến đi nào. Để ghi một chuyến đi, bấm "Thêm chuyến đi"');

    await page.getByTestId('nav-home').click();
    await page.getByTestId('first-steps-import').click();
    await page.getByTestId('import-template').waitFor();
    await page.getByTestId('nav-home').click();
    await page.getByTestId('first-steps-add-member').click();
    await page.getByTestId('member-fullName').waitFor();
  });

  it('names the unit on the sign-in screen before the registry is opened', async () => {
    const { page } = app;
    await page.getByTestId('lock').click();
    await expect.poll(() => page.getByTestId('unlock-unit').textContent()).toBe('Đảng ủy xã Vĩnh Trạch');
    await app.screenshot('first-steps-sign-in-names-unit');
    await page.reload();
    await expect.poll(() => page.getByTestId('unlock-unit').textContent()).toBe('Đảng ủy xã Vĩnh Trạch');
    await submitSignIn(page, 'vanphong', password);
    await page.getByTestId('home').waitFor();
  });

  it('ran without a Content-Security-Policy violation or a page error', () => {
    expect(app.problems).toEqual([]);
  });
});
