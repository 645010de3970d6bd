import { existsSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { trainingAccount } from '../shared/domain/training';
import { openApp, type AppUnderTest, submitSignIn } from './harness';

describe('training mode in Chromium', () => {
  let app: AppUnderTest;

  beforeAll(async () => {
    app = await openApp();
  });

  afterAll(async () => {
    await app.close();
  });

  it('opens a separate registry of sample data, marked on every screen, and goes back to the real one', async () => {
    const { page } = app;
    const trainingFile = path.join(path.dirname(app.databaseFile), 'so86-training.db');
    await page.getByTestId('unit-name').waitFor();
    expect(await page.getByTestId('training-banner').count()).toBe(0);

    await page.getByTestId('training-switch').click();
    await page.getByTestId('unlock-username').waitFor({ timeout: 120_000 });
    expect(await page.getByTestId('training-banner').textContent()).toBe(
      'CHẾ ĐỘ TẬP HUẤN — dữ liệu mẫu, không phải dữ liệu thật',
    );
    expect(await page.getByTestId('training-account').textContent()).toBe(
      `Sổ tập huấn: tên đăng nhập ${trainingAccount.username}, mật khẩu ${trainingAccount.password}.`,
    );
    expect(existsSync(trainingFile)).toBe(true);
    expect(existsSync(app.databaseFile)).toBe(false);

    await submitSignIn(page, trainingAccount.username, trainingAccount.password);
    await page.getByTestId('home').waitFor();
    for (const view of ['home', 'members', 'trips', 'reports', 'packages', 'settings']) {
      await page.getByTestId(`nav-${view}`).click();
      expect(await page.getByTestId('training-banner').isVisible()).toBe(true);
    }
    await page.getByTestId('nav-members').click();
    await expect
      .poll(async () => Number((await page.getByTestId('member-total').textContent())?.replace(/\D/g, '')))
      .toBeGreaterThanOrEqual(300);
    await app.screenshot('training-members');

    await page.getByTestId('training-switch').click();
    await page.getByTestId('unit-name').waitFor();
    expect(await page.getByTestId('training-banner').count()).toBe(0);
    expect(existsSync(app.databaseFile)).toBe(false);
    expect(app.session.registry).toBeNull();
    expect(app.problems).toEqual([]);
  });
});
