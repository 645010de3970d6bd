import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ServiceHostClient } from '../services/application/serviceHost/client';
import { serviceHostSource } from '../services/application/serviceHost/source';
import { startBridge, type RunningBridge } from './server';

const folder = mkdtempSync(path.join(tmpdir(), 'so86-bridge-host-'));
const host = ServiceHostClient.start({
  entry: serviceHostSource,
  config: { databaseFile: path.join(folder, 'so86.db'), appVersion: 'test' },
});
let bridge: RunningBridge;

beforeAll(async () => {
  writeFileSync(path.join(folder, 'index.html'), '<html></html>');
  await host.ready();
  bridge = await startBridge({ host, rendererFolder: folder });
}, 60_000);

afterAll(async () => {
  await bridge.close();
  await host.close();
});

describe('the test bridge over the service host', () => {
  it('serves the calls and the events of the services running in the worker thread', async () => {
    const events = await fetch(`${bridge.origin}/api/events?token=${bridge.token}`);
    const reader = events.body!.getReader();
    const call = (name: string) =>
      fetch(`${bridge.origin}/api/call`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Origin: bridge.origin, Authorization: `Bearer ${bridge.token}` },
        body: JSON.stringify({ name, input: {} }),
      }).then((response) => response.json());
    expect(await call('app.status')).toMatchObject({ ok: true, value: { state: 'uninitialised', version: 'test' } });
    expect(await call('jobs.cancel')).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    host.offerOpenedFile('BAOCAO.so86', new TextEncoder().encode('bytes'));
    let received = '';
    while (!received.includes('file.opened')) received += new TextDecoder().decode((await reader.read()).value);
    expect(received).toContain('"fileName":"BAOCAO.so86"');
    await reader.cancel();
  });
});
