import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppSession } from '../services/application/session';
import { startBridge, type RunningBridge } from './server';

let bridge: RunningBridge;
const folder = mkdtempSync(path.join(tmpdir(), 'so86-bridge-'));
const rendererFolder = path.join(folder, 'renderer');
const session = new AppSession({ databaseFile: path.join(folder, 'so86.db'), appVersion: 'test' });

beforeAll(async () => {
  mkdirSync(rendererFolder);
  writeFileSync(path.join(rendererFolder, 'index.html'), '<html><head><meta name="so86-style-nonce" content="" /></head></html>');
  writeFileSync(path.join(folder, 'secret.txt'), 'outside the renderer');
  bridge = await startBridge({ session, rendererFolder });
});

afterAll(() => bridge.close());

function callBridge(init: { origin?: string; token?: string; body?: string }) {
  const headers: Record<string, string> = { 'Content-Type': 'application/json' };
  if (init.origin !== undefined) headers.Origin = init.origin;
  if (init.token !== undefined) headers.Authorization = `Bearer ${init.token}`;
  return fetch(`${bridge.origin}/api/call`, {
    method: 'POST',
    headers,
    body: init.body ?? JSON.stringify({ name: 'app.status', input: {} }),
  });
}

/** A request with the path exactly as written: fetch() would normalise the dot segments away. */
function rawGetStatus(rawPath: string): Promise<number> {
  const { port } = new URL(bridge.origin);
  return new Promise((resolve, reject) => {
    const request = httpRequest({ host: '127.0.0.1', port, path: rawPath, method: 'GET' }, (response) => {
      response.resume();
      resolve(response.statusCode ?? 0);
    });
    request.on('error', reject);
    request.end();
  });
}

describe('the test bridge', () => {
  it('listens on the loopback address only, with a long random token', () => {
    expect(bridge.origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(bridge.token).toMatch(/^[0-9a-f]{64}$/);
    expect(bridge.url).toBe(`${bridge.origin}/#bridge=${bridge.token}`);
  });

  it('answers a call with the right origin and token', async () => {
    const response = await callBridge({ origin: bridge.origin, token: bridge.token });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ ok: true, value: { state: 'uninitialised' } });
  });

  it.each<[string, { origin?: 'right' | 'foreign'; token?: 'right' | 'wrong' }, number]>([
    ['no Origin header', { token: 'right' }, 403],
    ['a foreign origin', { origin: 'foreign', token: 'right' }, 403],
    ['no token', { origin: 'right' }, 401],
    ['a wrong token', { origin: 'right', token: 'wrong' }, 401],
  ])('refuses a call with %s', async (_label, choice, status) => {
    const origin = choice.origin === 'right' ? bridge.origin : choice.origin === 'foreign' ? 'http://evil.example' : undefined;
    const token = choice.token === 'right' ? bridge.token : choice.token === 'wrong' ? '0'.repeat(64) : undefined;
    expect((await callBridge({ ...(origin ? { origin } : {}), ...(token ? { token } : {}) })).status).toBe(status);
  });

  it('refuses broken JSON and validates payloads like the main process', async () => {
    expect((await callBridge({ origin: bridge.origin, token: bridge.token, body: '{not json' })).status).toBe(400);
    const invalid = await callBridge({
      origin: bridge.origin,
      token: bridge.token,
      body: JSON.stringify({ name: 'session.unlock', input: { username: 5 } }),
    });
    expect(await invalid.json()).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
  });

  it('serves the page with the strict policy and a fresh nonce, and nothing outside the renderer folder', async () => {
    const first = await fetch(`${bridge.origin}/`);
    const second = await fetch(`${bridge.origin}/index.html`);
    const policy = first.headers.get('content-security-policy') ?? '';
    expect(policy).toContain("default-src 'self'");
    const nonce = /'nonce-([^']+)'/.exec(policy)?.[1];
    expect(await first.text()).toContain(`content="${nonce}"`);
    expect(second.headers.get('content-security-policy')).not.toBe(policy);
    for (const escape of [
      '/../secret.txt',
      '/%2e%2e/secret.txt',
      '/..%2fsecret.txt',
      '/%2e%2e%5csecret.txt',
      '/..\\secret.txt',
    ]) {
      expect({ escape, status: await rawGetStatus(escape) }).toEqual({ escape, status: 404 });
    }
  });
});
