import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { csvText, memberKeys, memberRow } from '../electron/testkit/importFiles';
import { openTestRegistry, testPassword } from '../electron/testkit/registry';
import { openAppThroughServiceHost, type AppThroughServiceHost } from './harness';
import { errorSentence } from '../shared/errors';
import { translatorIn } from '../shared/i18n';

/** The application's way: the renderer over the bridge, the services in the built service host (a worker thread). */
describe('the window with its services in the service host', () => {
  let app: AppThroughServiceHost;
  const folder = mkdtempSync(path.join(tmpdir(), 'so86-e2e-host-'));
  const rows = 40_000;

  async function memberCount(): Promise<number> {
    const envelope = await app.host.dispatch('members.search', { limit: 1 });
    if (!envelope.ok) throw new Error(errorSentence(envelope.error, translatorIn('vi')));
    return (envelope.value as { total: number }).total;
  }

  beforeAll(async () => {
    const prepared = await openTestRegistry();
    await prepared.call('members.save', { code: 'DV-00001', fullName: 'Trần Thị Bình', cellName: 'Chi bộ ấp 2' });
    prepared.session.dispose();
    app = await openAppThroughServiceHost({
      databaseFile: prepared.databaseFile,
      signIn: { username: 'admin', password: testPassword },
    });
  });

  afterAll(async () => {
    await app.close();
  });

  it('signs in and shows the registry read through the host', async () => {
    expect(await app.page.getByTestId('home').count()).toBe(1);
    expect(await memberCount()).toBe(1);
  });

  it('shows a long import’s progress with a Stop button, and stopping it writes nothing', async () => {
    const { page } = app;
    const file = path.join(folder, 'dang-vien-40000.csv');
    writeFileSync(file, csvText([[...memberKeys], ...Array.from({ length: rows }, (_, index) => memberRow(index + 2))]));
    await page.getByTestId('nav-import').click();
    await page.getByTestId('import-screen').waitFor();
    await page.getByTestId('import-file').setInputFiles(file);
    await page.getByTestId('import-commit').waitFor({ timeout: 120_000 });

    await page.getByTestId('import-commit').click();
    await page.getByTestId('job-cancel').waitFor();
    expect(await page.getByTestId('import-commit').count()).toBe(0);
    await expect.poll(() => page.getByTestId('import-working').textContent()).toMatch(/Đã xử lý [\d.]+\/[\d.]+ dòng/);
    await app.screenshot('import-progress');
    await page.getByTestId('job-cancel').click();
    await page.getByTestId('import-working').waitFor({ state: 'detached', timeout: 120_000 });
    expect(await page.getByTestId('import-done').count()).toBe(0);
    expect(await page.getByTestId('import-failure').count()).toBe(0);
    expect(await memberCount()).toBe(1);

    await page.getByTestId('import-commit').click();
    await page.getByTestId('import-done').waitFor({ timeout: 120_000 });
    expect(await memberCount()).toBe(rows + 1);
  });

  it('ran under the strict Content-Security-Policy without a violation or a page error', () => {
    expect(app.problems).toEqual([]);
  });
});
