import { expect } from 'vitest';
import type { Page } from 'playwright-core';

/** Screenshots show the screen itself, not the confirmations that fade away by themselves, and start at the top. */
export async function readyForScreenshot(page: Page) {
  // A confirmation may fade away by itself between being found and being clicked.
  for (const close of await page.locator('.mantine-Notification-closeButton').all())
    await close.click({ timeout: 2_000 }).catch(() => undefined);
  await expect.poll(() => page.locator('.mantine-Notification-root').count()).toBe(0);
  await page.evaluate(() => window.scrollTo(0, 0));
}

/** The first run's last two steps, once the unit's step is filled: the first administrator, then the recovery key confirmed. */
export async function finishFirstRun(page: Page, admin: { displayName: string; username: string; password: string }) {
  await page.getByTestId('next').click();
  await page.getByTestId('admin-name').fill(admin.displayName);
  await page.getByTestId('admin-username').fill(admin.username);
  await page.getByTestId('admin-password').fill(admin.password);
  await page.getByTestId('admin-password-confirm').fill(admin.password);
  await page.getByTestId('next').click();
  await page.getByTestId('recovery-confirmed').check();
  await page.getByTestId('finish').click();
  await page.getByTestId('home').waitFor();
}
