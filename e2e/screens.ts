import { expect } from 'vitest';
import type { Page } from 'playwright-core';

/** Screenshots show the screen itself, not the confirmations that fade away by themselves, and start at the top. */
export async function readyForScreenshot(page: Page) {
  // A confirmation may fade away by itself between being found and being clicked.
  for (const close of await page.locator('.mantine-Notification-closeButton').all()) await close.click({ timeout: 2_000 }).catch(() => undefined);
  await expect.poll(() => page.locator('.mantine-Notification-root').count()).toBe(0);
  await page.evaluate(() => window.scrollTo(0, 0));
}
