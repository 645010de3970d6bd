import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readRegistrySettings } from '../electron/services/domain/records/registrySettings';
import { openApp, type AppUnderTest } from './harness';
import { finishFirstRun, readyForScreenshot } from './screens';

const password = 'mật khẩu thật dài 2026';

describe('the report heading is set at first run and kept in Settings', () => {
  let app: AppUnderTest;

  beforeAll(async () => {
    app = await openApp();
  });

  afterAll(async () => {
    await app.close();
  });

  it('takes the superior organisation and the date-line place at first run, leaving the symbol to follow from the name', async () => {
    const { page } = app;
    await page.getByTestId('unit-name').fill('Đảng ủy xã Vĩnh Trạch');
    await page.getByTestId('unit-code').fill('VINHTRACH');
    await page.getByTestId('unit-parent').fill('ANGIANG');
    await page.getByTestId('setting-superior-name').fill('Đảng bộ tỉnh An Giang');
    await page.getByTestId('setting-place').fill('Thoại Sơn');
    await app.screenshot('first-run-report-heading');
    await finishFirstRun(page, { displayName: 'Nguyễn Thị Hường', username: 'vanphong', password });

    expect(readRegistrySettings(app.session.requireRegistry()).reportHeading).toEqual({
      superiorName: 'Đảng bộ tỉnh An Giang',
      symbol: '',
      place: 'Thoại Sơn',
    });
  });

  it('shows the same heading in Settings, where an administrator changes it', async () => {
    const { page } = app;
    await page.getByTestId('nav-settings').click();
    await page.getByTestId('tab-deadlines').click();
    const card = page.getByTestId('report-heading-settings');
    await card.waitFor();
    expect(await card.getByTestId('setting-superior-name').inputValue()).toBe('Đảng bộ tỉnh An Giang');
    expect(await card.getByTestId('setting-place').inputValue()).toBe('Thoại Sơn');
    await card.getByTestId('setting-symbol').fill('ĐU');
    await card.getByTestId('report-heading-save').click();
    await expect.poll(() => readRegistrySettings(app.session.requireRegistry()).reportHeading.symbol).toBe('ĐU');
    await readyForScreenshot(page);
    await app.screenshot('settings-report-heading');
  });
});
