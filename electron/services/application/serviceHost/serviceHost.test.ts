import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Envelope, EventName, EventPayload } from '@shared/contract';
import { errorSentence } from '@shared/errors';
import { translatorIn } from '@shared/i18n';
import { csvText, memberKeys, memberRow } from '../../../testkit/importFiles';
import { testPassword } from '../../../testkit/registry';
import { Worker, type WorkerOptions } from 'node:worker_threads';
import { maximumImportBytes } from '@shared/contract/importing';
import { ServiceHostClient, serviceHostResourceLimits } from './client';
import { serviceHostSource } from './source';

/** The sentence a person reads for a failed call. */
function inVietnamese(envelope: Envelope<unknown>): string {
  return envelope.ok ? '' : errorSentence(envelope.error, translatorIn('vi'));
}

const unit = { code: 'VINHTRACH', name: 'Đảng ủy xã Vĩnh Trạch', level: 'commune', parentCode: 'ANGIANG' } as const;

interface Received {
  name: EventName;
  payload: EventPayload<EventName>;
}

function startHost(options: { resourceLimits?: { maxOldGenerationSizeMb: number } } = {}) {
  const databaseFile = path.join(mkdtempSync(path.join(tmpdir(), 'so86-host-')), 'so86.db');
  const logged: string[] = [];
  const logger = { error: (message: string) => logged.push(message), info: () => undefined };
  const host = ServiceHostClient.start({
    entry: serviceHostSource,
    config: { databaseFile, appVersion: 'test' },
    logger,
    ...options,
  });
  const events: Received[] = [];
  host.onEvent((name, payload) => events.push({ name, payload }));
  return { host, events, logged };
}

async function call(host: ServiceHostClient, name: string, input: unknown) {
  const envelope = await host.dispatch(name, input);
  if (!envelope.ok) throw new Error(`${name} refused: ${JSON.stringify(envelope.error)}`);
  return envelope.value;
}

async function setUp(host: ServiceHostClient) {
  await call(host, 'setup.newRecoveryKey', {});
  await call(host, 'setup.create', {
    unit,
    admin: { username: 'admin', displayName: 'Quản trị viên', password: testPassword, passwordConfirm: testPassword },
    recoveryKeyConfirmed: true,
  });
}

function membersFile(rows: number): string {
  return Buffer.from(csvText([[...memberKeys], ...Array.from({ length: rows }, (_, index) => memberRow(index + 1))])).toString(
    'base64',
  );
}

/** Resolves at the first event that satisfies `test`, looking at those already received too. */
function eventWhere(host: ServiceHostClient, events: Received[], test: (event: Received) => boolean): Promise<Received> {
  const seen = events.find(test);
  if (seen) return Promise.resolve(seen);
  return new Promise((resolve) => {
    const stop = host.onEvent((name, payload) => {
      if (!test({ name, payload })) return;
      stop();
      resolve({ name, payload });
    });
  });
}

describe('the service host', () => {
  const { host, events } = startHost();

  beforeAll(async () => {
    await host.ready();
    await setUp(host);
  }, 60_000);

  afterAll(() => host.close());

  it('answers the contract’s calls from its worker thread, refusals included', async () => {
    expect(await call(host, 'app.status', {})).toMatchObject({
      state: 'unlocked',
      unit: { code: 'VINHTRACH' },
      user: { username: 'admin' },
    });
    const member = (await call(host, 'members.save', {
      code: 'DV-1',
      fullName: 'Đặng Thị Hoà',
      cellName: 'Chi bộ ấp Tây Bình',
    })) as { id: string };
    expect(await call(host, 'members.get', { id: member.id })).toMatchObject({ fullName: 'Đặng Thị Hoà' });
    const refused = await host.dispatch('members.save', { code: '', fullName: 'X', cellName: 'Y' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(await host.dispatch('no.such.call', {})).toMatchObject({ ok: false, error: { code: 'UNKNOWN_CALL' } });
  });

  it('sends a named job’s progress as events, ending with everything done', async () => {
    const report = (await call(host, 'import.commit', {
      kind: 'members',
      fileName: 'dv.csv',
      contentBase64: membersFile(3000),
      jobId: 'import-progress',
    })) as { committed: boolean };
    expect(report.committed).toBe(true);
    const progress = events
      .filter(
        (event) => event.name === 'job.progress' && (event.payload as EventPayload<'job.progress'>).jobId === 'import-progress',
      )
      .map((event) => event.payload as EventPayload<'job.progress'>);
    expect(progress.length).toBeGreaterThan(1);
    expect(progress.at(-1)).toMatchObject({ phase: 'import.commit', done: 3000, total: 3000 });
  });

  it('stops a job working synchronously when asked, and rolls back what it was writing', async () => {
    const before = ((await call(host, 'members.search', { includeArchived: true, limit: 1 })) as { total: number }).total;
    const importing = host.dispatch('import.commit', {
      kind: 'members',
      fileName: 'lon.csv',
      contentBase64: membersFile(40_000),
      jobId: 'import-cancel',
    });
    // Half-way through: each row counted has been checked and written.
    await eventWhere(
      host,
      events,
      (event) =>
        event.name === 'job.progress' &&
        (event.payload as EventPayload<'job.progress'>).jobId === 'import-cancel' &&
        (event.payload as EventPayload<'job.progress'>).done > 20_000,
    );
    expect(await host.dispatch('jobs.cancel', { jobId: 'import-cancel' })).toEqual({ ok: true, value: { cancelled: true } });
    const cancelled = await importing;
    expect(cancelled).toMatchObject({ ok: false, error: { code: 'JOB_CANCELLED' } });
    expect(inVietnamese(cancelled)).toContain('không có thay đổi nào');
    expect(((await call(host, 'members.search', { includeArchived: true, limit: 1 })) as { total: number }).total).toBe(before);
    expect(await host.dispatch('jobs.cancel', { jobId: 'import-cancel' })).toEqual({ ok: true, value: { cancelled: false } });
  });

  it('sends the session’s lock to the window', async () => {
    host.lock('system');
    await eventWhere(host, events, (event) => event.name === 'session.locked');
    expect(await call(host, 'app.status', {})).toMatchObject({ state: 'locked' });
    await call(host, 'session.unlock', { username: 'admin', password: testPassword });
  });

  it('signs in without waiting for the check of the file, which gives its verdict soon after', async () => {
    host.lock('manual');
    await call(host, 'session.unlock', { username: 'admin', password: testPassword });
    expect(await call(host, 'integrity.status', {})).toBeNull();
    await expect.poll(() => call(host, 'integrity.status', {}), { interval: 200, timeout: 10_000 }).toMatchObject({ ok: true });
  });
});

describe('the service host’s memory', () => {
  const given: WorkerOptions[] = [];
  const host = ServiceHostClient.start({
    entry: serviceHostSource,
    config: { databaseFile: path.join(mkdtempSync(path.join(tmpdir(), 'so86-host-')), 'so86.db'), appVersion: 'test' },
    startThread: (entry, options) => {
      given.push(options);
      return new Worker(entry, options);
    },
  });

  afterAll(() => host.close());

  it('is bounded unless told otherwise, and the largest file an import accepts is checked within the bound', async () => {
    await host.ready();
    expect(given[0]?.resourceLimits).toEqual(serviceHostResourceLimits);
    await setUp(host);
    const rowBytes = Buffer.from(membersFile(1000), 'base64').length / 1000;
    const content = membersFile(Math.floor((maximumImportBytes * 0.98) / rowBytes));
    expect(Buffer.from(content, 'base64').length).toBeLessThanOrEqual(maximumImportBytes);
    const checked = await host.dispatch('import.preview', { kind: 'members', fileName: 'lon-nhat.csv', contentBase64: content });
    expect(checked).toMatchObject({ ok: true, value: { issueCount: 0 } });
    expect(host.generation).toBe(1);
  }, 120_000);
});

describe('a service host that crashes', () => {
  // A small heap, so that reading a large import file exhausts it as a runaway job would.
  const { host, events, logged } = startHost({ resourceLimits: { maxOldGenerationSizeMb: 48 } });

  afterAll(() => host.close());

  it('fails the call in flight with a clear error, locks the window and comes back, locked, ready for a new sign-in', async () => {
    await host.ready();
    await setUp(host);
    const crashed = await host.dispatch('import.preview', {
      kind: 'members',
      fileName: 'qua-lon.csv',
      contentBase64: membersFile(150_000),
    });
    expect(crashed).toMatchObject({ ok: false, error: { code: 'SERVICE_HOST_CRASHED' } });
    expect(inVietnamese(crashed)).toContain('khởi động lại');
    expect(events.map((event) => event.name)).toContain('session.locked');
    expect(logged.join('\n')).toMatch(/stopped unexpectedly/);
    expect(host.generation).toBe(2);
    await host.ready();
    expect(await call(host, 'app.status', {})).toMatchObject({ state: 'locked' });
    expect(await call(host, 'session.unlock', { username: 'admin', password: testPassword })).toMatchObject({
      state: 'unlocked',
    });
  });
});
