import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Envelope } from '../../shared/contract';
import { createDispatcher, toErrorPayload } from '../services/application/api/dispatch';
import { AppSession } from '../services/application/session';
import { isTrustedRendererUrl } from './config';
import {
  createIpcCallHandler,
  denyAllPermissions,
  guardDownloads,
  lockDownContents,
  type DownloadItemLike,
  type DownloadSession,
  type GuardedContents,
  type PermissionSession,
} from './guards';

const session = new AppSession({
  databaseFile: path.join(mkdtempSync(path.join(tmpdir(), 'so86-ipc-')), 'so86.db'),
  appVersion: 'test',
});
const handler = createIpcCallHandler(
  createDispatcher(session),
  (url) => isTrustedRendererUrl(url, undefined),
  (error): Envelope<never> => ({ ok: false, error: toErrorPayload(error, session) }),
);
const appFrame = { senderFrame: { url: 'app://so86/index.html', parent: null } };

afterAll(() => session.lock());

describe('the main-process IPC boundary', () => {
  it('serves a declared call from the application frame', async () => {
    const result = await handler(appFrame, 'app.status', {});
    expect(result).toMatchObject({ ok: true, value: { state: 'uninitialised', version: 'test' } });
  });

  it.each([
    ['a remote page', { url: 'https://example.org/', parent: null }],
    ['a file page', { url: 'file:///C:/Users/x/evil.html', parent: null }],
    ['a sub-frame of the application', { url: 'app://so86/index.html', parent: {} }],
    ['a look-alike host', { url: 'app://so86.evil/index.html', parent: null }],
    ['a destroyed frame', null],
  ])('refuses a call from %s before it reaches a service', async (_label, senderFrame) => {
    const result = await handler({ senderFrame }, 'setup.newRecoveryKey', {});
    expect(result).toMatchObject({ ok: false, error: { code: 'FORBIDDEN_SENDER' } });
  });

  it.each([
    ['an undeclared call', '__proto__', {}],
    ['a call name that is not a string', 42, {}],
    ['a method of Object', 'toString', {}],
  ])('refuses %s', async (_label, name, input) => {
    expect(await handler(appFrame, name, input)).toMatchObject({ ok: false, error: { code: 'UNKNOWN_CALL' } });
  });

  it.each([
    ['a wrong type', 'session.unlock', { username: 42, password: 'x' }],
    ['a missing field', 'session.unlock', { username: 'a' }],
    ['an unknown extra field', 'session.unlock', { username: 'a', password: 'b', admin: true }],
    ['an oversized field', 'session.unlock', { username: 'a'.repeat(10_000), password: 'b' }],
    ['a non-object payload', 'app.setLanguage', 'vi'],
    ['an invalid enum', 'app.setLanguage', { lang: 'fr' }],
    [
      'set-up without confirming the recovery key',
      'setup.create',
      {
        unit: { code: 'A', name: 'B', level: 'central' },
        admin: { username: 'ab', displayName: 'C', password: '0123456789', passwordConfirm: '0123456789' },
        recoveryKeyConfirmed: false,
      },
    ],
  ])('rejects a malformed payload: %s', async (_label, name, input) => {
    const result = await handler(appFrame, name, input);
    expect(result).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(session.status().state).toBe('uninitialised');
  });

  it('refuses calls that need a session while none is open', async () => {
    expect(await handler(appFrame, 'registry.overview', {})).toMatchObject({ ok: false, error: { code: 'NOT_INITIALISED' } });
  });
});

describe('the window guards', () => {
  it('prevents navigation, redirects, webviews and new windows', () => {
    const listeners = new Map<string, (event: { preventDefault(): void }) => void>();
    let openHandler: (() => { action: 'deny' }) | undefined;
    const contents: GuardedContents = {
      on: (event, listener) => listeners.set(event, listener),
      setWindowOpenHandler: (handler) => {
        openHandler = handler;
      },
    };
    lockDownContents(contents);
    for (const event of ['will-navigate', 'will-redirect', 'will-attach-webview']) {
      let prevented = false;
      listeners.get(event)!({ preventDefault: () => (prevented = true) });
      expect({ event, prevented }).toEqual({ event, prevented: true });
    }
    expect(openHandler?.()).toEqual({ action: 'deny' });
  });

  it('denies every permission request and check', () => {
    const answers: boolean[] = [];
    const handlers: Partial<Record<keyof PermissionSession, (...args: never[]) => unknown>> = {};
    const fakeSession: PermissionSession = {
      setPermissionRequestHandler: (handler) => (handlers.setPermissionRequestHandler = handler as never),
      setPermissionCheckHandler: (handler) => (handlers.setPermissionCheckHandler = handler as never),
      setDevicePermissionHandler: (handler) => (handlers.setDevicePermissionHandler = handler as never),
    };
    denyAllPermissions(fakeSession);
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal']) {
      (
        handlers.setPermissionRequestHandler as (
          contents: unknown,
          permission: string,
          callback: (granted: boolean) => void,
        ) => void
      )(null, permission, (granted) => answers.push(granted));
    }
    expect(answers).toEqual([false, false, false, false, false]);
    expect((handlers.setPermissionCheckHandler as () => boolean)()).toBe(false);
    expect((handlers.setDevicePermissionHandler as () => boolean)()).toBe(false);
  });
});

describe('downloads', () => {
  function downloadOf(url: string) {
    let listener: ((event: { preventDefault(): void }, item: DownloadItemLike) => void) | undefined;
    const fakeSession: DownloadSession = {
      on: (_event, handler) => {
        listener = handler;
      },
    };
    guardDownloads(
      fakeSession,
      (candidate) => isTrustedRendererUrl(candidate, undefined),
      path.join('C:', 'Users', 'a', 'Downloads'),
    );
    const outcome = { prevented: false, dialog: null as { title: string; defaultPath: string } | null };
    listener!(
      { preventDefault: () => (outcome.prevented = true) },
      {
        getURL: () => url,
        getFilename: () => 'BaoCao_VINHTRACH_2026-01-01_2026-06-30.docx',
        setSaveDialogOptions: (options) => (outcome.dialog = options),
      },
    );
    return outcome;
  }

  it('saves the files the application made, after asking where, starting in the Downloads folder', () => {
    expect(downloadOf('blob:app://so86/0d6c2f1e-4c2b-4a53-9f57-8a8f1b3e2d10')).toEqual({
      prevented: false,
      dialog: {
        title: 'Lưu tệp',
        defaultPath: path.join('C:', 'Users', 'a', 'Downloads', 'BaoCao_VINHTRACH_2026-01-01_2026-06-30.docx'),
      },
    });
  });

  it.each([
    'https://example.org/x.exe',
    'blob:https://example.org/0d6c2f1e',
    'file:///C:/Windows/notepad.exe',
    'blob:app://so86.evil/0d6c',
  ])('refuses a download of %s', (url) => {
    expect(downloadOf(url)).toEqual({ prevented: true, dialog: null });
  });
});
