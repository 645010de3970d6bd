import { existsSync, mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { chromium, type Browser, type ConsoleMessage, type Page } from 'playwright-core';
import { startBridge, type RunningBridge } from '../electron/bridge/server';
import { AppSession } from '../electron/services/session';
import { appVersion } from '../electron/services/version';

export const root = path.resolve(import.meta.dirname, '..');
export const artifactsFolder = path.join(root, 'e2e', 'artifacts');

function chromiumPath(): string {
  const fromEnvironment = process.env.CHROMIUM_PATH;
  if (fromEnvironment) return fromEnvironment;
  try {
    return execFileSync('which', ['chromium'], { encoding: 'utf8' }).trim();
  } catch {
    throw new Error('Browser tests need Chromium: install Debian’s "chromium" package or set CHROMIUM_PATH.');
  }
}

export interface AppUnderTest {
  page: Page;
  bridge: RunningBridge;
  session: AppSession;
  databaseFile: string;
  /** Every Content-Security-Policy violation and page error seen so far. */
  problems: string[];
  screenshot(name: string): Promise<string>;
  close(): Promise<void>;
}

/** The real renderer, built, served with the real services over the bridge, in the real Chromium. */
export async function openApp(options: { databaseFile?: string; training?: boolean } = {}): Promise<AppUnderTest> {
  const rendererFolder = path.join(root, 'out', 'renderer');
  if (!existsSync(path.join(rendererFolder, 'index.html'))) throw new Error('Build the renderer first: npm run build');
  const databaseFile = options.databaseFile ?? path.join(mkdtempSync(path.join(tmpdir(), 'so86-e2e-')), 'so86.db');
  const session = new AppSession({ databaseFile, appVersion, training: options.training ?? false });
  const bridge = await startBridge({ session, rendererFolder });
  const browser: Browser = await chromium.launch({
    executablePath: chromiumPath(),
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  const context = await browser.newContext({ viewport: { width: 1366, height: 860 }, locale: 'vi-VN' });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('console', (message: ConsoleMessage) => {
    if (message.type() === 'error' || /Content Security Policy/i.test(message.text())) problems.push(message.text());
  });
  page.on('pageerror', (error) => problems.push(error.message));
  await page.goto(bridge.url);
  mkdirSync(artifactsFolder, { recursive: true });
  return {
    page,
    bridge,
    session,
    databaseFile,
    problems,
    screenshot: async (name) => {
      const file = path.join(artifactsFolder, `${name}.png`);
      await page.screenshot({ path: file, fullPage: true });
      return file;
    },
    close: async () => {
      await browser.close();
      await bridge.close();
      session.lock('system');
    },
  };
}
