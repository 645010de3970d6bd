import { existsSync, mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type ConsoleMessage, type Page } from 'playwright-core';
import { sourceMigrationsFolder } from '../db/connection';
import { startBridge, type RunningBridge } from '../electron/bridge/server';
import { ServiceHostClient, type ServiceHostOptions } from '../electron/services/application/serviceHost/client';
import { AppSession } from '../electron/services/application/session';
import { appVersion } from '../electron/services/storage/version';
import { chromiumPath } from '../scripts/chromium';

export const root = path.resolve(import.meta.dirname, '..');
export const artifactsFolder = path.join(root, 'e2e', 'artifacts');

interface Browsing {
  page: Page;
  bridge: RunningBridge;
  databaseFile: string;
  /** Every Content-Security-Policy violation and page error seen so far. */
  problems: string[];
  screenshot(name: string): Promise<string>;
  close(): Promise<void>;
}

export interface AppUnderTest extends Browsing {
  session: AppSession;
}

/** The application as it runs in Electron: its services in the service host, the worker thread built as `out/main/serviceHost.js`. */
export interface AppThroughServiceHost extends Browsing {
  host: ServiceHostClient;
}

export interface OpenOptions {
  databaseFile?: string;
  training?: boolean;
  /** A prepared registry is opened and the user signed in through the unlock screen. */
  signIn?: { username: string; password: string };
}

function rendererFolder(): string {
  const folder = path.join(root, 'out', 'renderer');
  if (!existsSync(path.join(folder, 'index.html'))) throw new Error('Build the renderer first: npm run build');
  return folder;
}

function databaseFileOf(options: OpenOptions): string {
  return options.databaseFile ?? path.join(mkdtempSync(path.join(tmpdir(), 'so86-e2e-')), 'so86.db');
}

/** The real renderer, built, served with the real services over the bridge, in the real Chromium. */
export async function openApp(options: OpenOptions = {}): Promise<AppUnderTest> {
  const databaseFile = databaseFileOf(options);
  const session = new AppSession({ databaseFile, appVersion, training: options.training ?? false, checkAfterSigningIn: true });
  const browsing = await browse(
    await startBridge({ session, rendererFolder: rendererFolder() }),
    databaseFile,
    options,
    async () => {
      session.lock('system');
    },
  );
  return { ...browsing, session };
}

/** The built service host's entry, `out/main/serviceHost.js`, as the packaged application loads it. */
export function builtServiceHost(): string {
  const entry = path.join(root, 'out', 'main', 'serviceHost.js');
  if (!existsSync(entry)) throw new Error('Build the application first: npm run build');
  return entry;
}

/** The same with the services in the built service host, as the packaged application runs them. */
export async function openAppThroughServiceHost(
  options: OpenOptions & Pick<ServiceHostOptions, 'startThread'> = {},
): Promise<AppThroughServiceHost> {
  const databaseFile = databaseFileOf(options);
  const host = ServiceHostClient.start({
    entry: builtServiceHost(),
    ...(options.startThread ? { startThread: options.startThread } : {}),
    config: {
      databaseFile,
      appVersion,
      training: options.training ?? false,
      openOptions: { migrationsFolder: sourceMigrationsFolder },
    },
  });
  await host.ready();
  const browsing = await browse(await startBridge({ host, rendererFolder: rendererFolder() }), databaseFile, options, () =>
    host.close(),
  );
  return { ...browsing, host };
}

async function browse(
  bridge: RunningBridge,
  databaseFile: string,
  options: OpenOptions,
  stopServices: () => Promise<void>,
): Promise<Browsing> {
  const browser: Browser = await chromium.launch({
    executablePath: chromiumPath(),
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'vi-VN' });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('console', (message: ConsoleMessage) => {
    if (message.type() === 'error' || /Content Security Policy/i.test(message.text())) problems.push(message.text());
  });
  page.on('pageerror', (error) => problems.push(error.message));
  await page.goto(bridge.url);
  if (options.signIn) {
    await submitSignIn(page, options.signIn.username, options.signIn.password);
    await page.getByTestId('home').waitFor();
  }
  mkdirSync(artifactsFolder, { recursive: true });
  return {
    page,
    bridge,
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
      await stopServices();
    },
  };
}

/** Types a user name and password on the sign-in screen and presses the button, as a person does. */
export async function submitSignIn(page: Page, username: string, password: string): Promise<void> {
  await page.getByTestId('unlock-username').fill(username);
  await page.getByTestId('unlock-password').fill(password);
  await page.getByTestId('unlock-submit').click();
}
