import { execFileSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { addDays, civilDateInVietnam } from '../../shared/rules/dates';
import { openAppThroughServiceHost, root } from '../../e2e/harness';
import { demoAdministrator } from '../../electron/services/application/demo/scenarios';
import { benchPassword, servicesProcess, type BenchHost } from './host';
import { latency, type Latency } from './measure';
import type { MemberQueries } from './members';

export interface UiFigures {
  /** Navigation to the sign-in screen painted with its button usable (median of the loads). */
  firstScreenMs: number;
  /** The sign-in button pressed to the dashboard's figures painted (median). */
  signInToDashboardMs: number;
  /** Click to content over the main screens and a member's and a trip's page, 95th percentile. */
  screenP95Ms: number;
  screens: Record<string, Latency>;
  /** A search sent (the typing delay over) to its results painted, 95th percentile over names and codes. */
  searchP95Ms: number;
  /** The report's PDF asked for to the file downloaded (median). */
  reportDocumentMs: number;
  bundle: { jsKb: number; firstScreenJsKb: number; chunks: number };
}

/** Far beyond any figure measured: a screen that never shows its content fails the benchmark instead of hanging it. */
const waitLimitMs = 60_000;
const round = (value: number) => Math.round(value * 10) / 10;
const median = (values: readonly number[]) => latency(values).p50Ms;

/** The renderer and the service host built from the current code, its output kept off the benchmark's stdout. */
export function buildApplication(): void {
  execFileSync(process.execPath, [path.join(root, 'node_modules/electron-vite/bin/electron-vite.js'), 'build'], {
    cwd: root,
    stdio: 'pipe',
  });
}

function bundleSizes(firstScreenFiles: readonly string[]) {
  const assets = path.join(root, 'out', 'renderer', 'assets');
  const scripts = readdirSync(assets).filter((name) => name.endsWith('.js'));
  const size = (name: string) => statSync(path.join(assets, name)).size;
  const kb = (bytes: number) => Math.round(bytes / 1024);
  const loaded = scripts.filter((name) => firstScreenFiles.some((url) => url.endsWith(`/assets/${name}`)));
  return {
    jsKb: kb(scripts.reduce((sum, name) => sum + size(name), 0)),
    firstScreenJsKb: kb(loaded.reduce((sum, name) => sum + size(name), 0)),
    chunks: scripts.length,
  };
}

/**
 * Clicks an element in the page and waits for the selector to match, then for the frame that
 * paints it; timed inside the page, so the browser driver's round trips are not counted.
 */
async function clickToContent(page: Page, click: string, content: string): Promise<number> {
  return page.evaluate(
    async ({ click, content, limit }) => {
      const target = document.querySelector<HTMLElement>(click);
      if (!target) throw new Error(`Nothing to click: ${click}`);
      const start = performance.now();
      target.click();
      await new Promise<void>((resolve, reject) => {
        setTimeout(() => reject(new Error(`Nothing matched ${content} within ${limit} ms`)), limit);
        if (document.querySelector(content)) return resolve();
        const observer = new MutationObserver(() => {
          if (!document.querySelector(content)) return;
          observer.disconnect();
          resolve();
        });
        observer.observe(document.body, { childList: true, subtree: true, attributes: true, characterData: true });
      });
      await new Promise((painted) => requestAnimationFrame(painted));
      return performance.now() - start;
    },
    { click, content, limit: waitLimitMs },
  );
}

const testId = (id: string) => `[data-testid="${id}"]`;
const within = (screen: string, id: string) => `${testId(screen)} ${testId(id)}`;

/** The main screens in the order a clerk goes through them: what is clicked and what shows the screen has its content. */
const screenSteps: { name: string; click: string; content: string }[] = [
  { name: 'members', click: testId('nav-members'), content: within('members-screen', 'list-row') },
  { name: 'member', click: within('members-screen', 'list-row'), content: testId('member-title') },
  { name: 'trips', click: testId('nav-trips'), content: within('trips-screen', 'list-row') },
  { name: 'trip', click: within('trips-screen', 'list-row'), content: testId('trip-page') },
  { name: 'reports', click: testId('nav-reports'), content: within('reports-screen', 'appendix-02-total') },
  { name: 'packages', click: testId('nav-packages'), content: `${testId('packages-screen')} [role="tabpanel"] *` },
  { name: 'settings', click: testId('nav-settings'), content: within('settings-screen', 'tab-deadlines') },
  { name: 'audit', click: testId('nav-audit'), content: within('audit-screen', 'audit-row') },
];

async function firstScreen(page: Page, url: string): Promise<{ ms: number; scripts: string[] }> {
  await page.goto(url);
  // Code run in the page has no named inner functions: the TypeScript loader would wrap them in a helper the page lacks.
  return page.evaluate(
    async ({ usable, limit }) => {
      await new Promise<void>((resolve, reject) => {
        setTimeout(() => reject(new Error(`Nothing matched ${usable} within ${limit} ms`)), limit);
        if (document.querySelector(usable)) return resolve();
        const observer = new MutationObserver(() => {
          if (!document.querySelector(usable)) return;
          observer.disconnect();
          resolve();
        });
        observer.observe(document.body, { childList: true, subtree: true, attributes: true });
      });
      await new Promise((painted) => requestAnimationFrame(painted));
      const scripts = performance
        .getEntriesByType('resource')
        .map((entry) => entry.name)
        .filter((name) => name.endsWith('.js'));
      return { ms: performance.now(), scripts };
    },
    { usable: `${testId('unlock-submit')}:not([disabled])`, limit: waitLimitMs },
  );
}

async function signIn(page: Page): Promise<number> {
  await page.getByTestId('unlock-username').fill(demoAdministrator.username);
  await page.getByTestId('unlock-password').fill(benchPassword);
  return clickToContent(page, testId('unlock-submit'), within('dashboard', 'tile-count'));
}

/**
 * Types each query into the member search and times its request, sent when the typing delay is
 * over, to the list showing the answer; then clears the box and waits for the whole list again.
 */
async function searchTimes(page: Page, queries: readonly string[]): Promise<number[]> {
  const box = page.getByTestId('member-search');
  const total = testId('member-total');
  const times: number[] = [];
  for (const query of queries) {
    const everyone = await page.locator(total).textContent();
    const typedAt = await page.evaluate(() => {
      performance.clearResourceTimings();
      return performance.now();
    });
    await box.fill(query);
    times.push(
      await page.evaluate(
        async ({ total, everyone, typedAt, limit }) => {
          await new Promise<void>((resolve, reject) => {
            setTimeout(() => reject(new Error(`The search did not answer within ${limit} ms`)), limit);
            // While the answer is awaited the count shows a loading text without digits.
            let text = document.querySelector(total)?.textContent ?? '';
            if (text !== everyone && /\d/.test(text)) return resolve();
            const observer = new MutationObserver(() => {
              text = document.querySelector(total)?.textContent ?? '';
              if (text === everyone || !/\d/.test(text)) return;
              observer.disconnect();
              resolve();
            });
            observer.observe(document.body, { childList: true, subtree: true, characterData: true });
          });
          await new Promise((painted) => requestAnimationFrame(painted));
          const sent = performance
            .getEntriesByType('resource')
            .find((entry) => entry.name.endsWith('/api/call') && entry.startTime >= typedAt);
          if (!sent) throw new Error('The search sent no request');
          return performance.now() - sent.startTime;
        },
        { total, everyone, typedAt, limit: waitLimitMs },
      ),
    );
    await box.fill('');
    await page.waitForFunction(({ total, everyone }) => document.querySelector(total)?.textContent === everyone, {
      total,
      everyone,
    });
  }
  return times;
}

async function reportDocument(page: Page): Promise<number> {
  const start = performance.now();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('report-download-pdf').click()]);
  await download.path();
  const ms = performance.now() - start;
  await page.getByTestId('report-rendering').waitFor({ state: 'detached' });
  return ms;
}

/** Some of the service-level benchmark's queries, typed into the member screen's search box one by one. */
export function uiQueries(queries: MemberQueries, quick: boolean): MemberQueries {
  const count = quick ? 3 : 20;
  return { names: queries.names.slice(0, count), codes: queries.codes.slice(0, count) };
}

/** A few trips, so the trips screen and a trip's page have something to show in a registry filled by an import. */
export async function addSampleTrips(host: BenchHost, count: number): Promise<void> {
  const today = civilDateInVietnam(new Date());
  const { rows } = await host.call('members.search', { limit: count, offset: 100 });
  for (const [index, member] of rows.entries()) {
    const trip = await host.call('trips.save', {
      memberId: member.id,
      purpose: 'tourism',
      selfFunded: true,
      countries: [['KR', 'JP', 'TH', 'CN'][index % 4]!],
      plannedDeparture: addDays(today, 20 + index),
      plannedReturn: addDays(today, 30 + index),
    });
    await host.call('trips.transition', {
      tripId: trip.id,
      transition: 'submit',
      input: { applicationDate: addDays(today, -5), cellOpinion: 'Đồng ý' },
    });
  }
}

/**
 * What a person waits for, in the built renderer in Chromium over the bridge with the services in
 * the built service host, as the browser tests run it: the first screen, signing in, every main
 * screen, the member search and the report's PDF. The registry is signed out when it is handed over.
 */
export async function benchUi(databaseFile: string, queries: MemberQueries, quick: boolean): Promise<UiFigures> {
  const app = await openAppThroughServiceHost({ databaseFile, startThread: (await servicesProcess()).startThread });
  try {
    const { page } = app;
    page.setDefaultTimeout(waitLimitMs);
    const loads: number[] = [];
    let scripts: string[] = [];
    for (let load = 0; load < (quick ? 2 : 5); load += 1) {
      const first = await firstScreen(page, app.bridge.url);
      loads.push(first.ms);
      scripts = first.scripts;
    }
    const signIns: number[] = [];
    for (let run = 0; run < (quick ? 1 : 3); run += 1) {
      if (run > 0) {
        await page.getByTestId('lock').click();
        await page.getByTestId('unlock-submit').waitFor();
      }
      signIns.push(await signIn(page));
    }
    const screens = new Map<string, number[]>(screenSteps.map((step) => [step.name, []]));
    for (let round = 0; round < (quick ? 2 : 10); round += 1) {
      for (const step of screenSteps) screens.get(step.name)!.push(await clickToContent(page, step.click, step.content));
    }
    await clickToContent(page, testId('nav-members'), within('members-screen', 'list-row'));
    const searches = await searchTimes(page, [...queries.names, ...queries.codes]);
    await clickToContent(page, testId('nav-reports'), within('reports-screen', 'appendix-02-total'));
    const documents: number[] = [];
    for (let run = 0; run < (quick ? 1 : 3); run += 1) documents.push(await reportDocument(page));
    if (app.problems.length > 0) throw new Error(`The renderer reported problems: ${app.problems.join('; ')}`);
    return {
      firstScreenMs: round(median(loads)),
      signInToDashboardMs: round(median(signIns)),
      screenP95Ms: latency([...screens.values()].flat()).p95Ms,
      screens: Object.fromEntries([...screens].map(([name, times]) => [name, latency(times)])),
      searchP95Ms: latency(searches).p95Ms,
      reportDocumentMs: round(median(documents)),
      bundle: bundleSizes(scripts),
    };
  } finally {
    await app.close();
  }
}
