import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApp, type AppUnderTest } from './harness';

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
    const parentError = 'Chưa có mã đơn vị cấp trên. Hãy nhập mã của cấp ủy cấp trên trực tiếp (chỉ đơn vị Trung ương mới để trống).';
    await expect.poll(() => page.getByText(parentError).count()).toBe(1);
    expect(await page.getByText('Cấp xã, phường phải có').count()).toBe(0);
    const marked = await page.locator('.mantine-InputWrapper-required').evaluateAll((marks) => marks.map((mark) => mark.closest('.mantine-InputWrapper-root')?.querySelector('input')?.getAttribute('data-testid')));
    expect(marked).toEqual(['unit-name', 'unit-code', 'unit-level', 'unit-parent']);
    await app.screenshot('first-run-parent-required');
  });

  it('ran without a Content-Security-Policy violation or a page error', () => {
    expect(app.problems).toEqual([]);
  });
});
