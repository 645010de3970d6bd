import path from 'node:path';
import type { Envelope } from '../../shared/contract';
import { DomainError } from '../../shared/errors';
import type { Dispatch } from '../services/application/api/dispatch';

/** The parts of Electron's objects the guards use, so the guards are plain functions a test can drive. */
export interface SenderFrame {
  url: string;
  parent: unknown;
}

export interface IpcCallEvent {
  senderFrame: SenderFrame | null;
}

export interface GuardedContents {
  on(
    event: 'will-navigate' | 'will-redirect' | 'will-attach-webview',
    listener: (event: { preventDefault(): void }) => void,
  ): unknown;
  setWindowOpenHandler(handler: () => { action: 'deny' }): void;
}

export interface PermissionSession {
  setPermissionRequestHandler(
    handler: (contents: unknown, permission: string, callback: (granted: boolean) => void) => void,
  ): void;
  setPermissionCheckHandler(handler: () => boolean): void;
  setDevicePermissionHandler(handler: () => boolean): void;
}

export interface DownloadItemLike {
  getURL(): string;
  getFilename(): string;
  setSaveDialogOptions(options: { title: string; defaultPath: string }): void;
}

export interface DownloadSession {
  on(event: 'will-download', listener: (event: { preventDefault(): void }, item: DownloadItemLike) => void): unknown;
}

/**
 * Reports, backups and report files reach the person as downloads of `blob:` addresses the page
 * itself made; Electron then asks where to save each one. Any other download is refused.
 */
export function guardDownloads(session: DownloadSession, isTrustedUrl: (url: string) => boolean, downloadsFolder: string): void {
  session.on('will-download', (event, item) => {
    const url = item.getURL();
    if (!url.startsWith('blob:') || !isTrustedUrl(url.slice('blob:'.length))) {
      event.preventDefault();
      return;
    }
    item.setSaveDialogOptions({ title: 'Lưu tệp', defaultPath: path.join(downloadsFolder, path.basename(item.getFilename())) });
  });
}

/** Refuses every navigation away from the loaded page, every new window and every embedded webview. */
export function lockDownContents(contents: GuardedContents): void {
  const refuse = (event: { preventDefault(): void }) => event.preventDefault();
  contents.on('will-navigate', refuse);
  contents.on('will-redirect', refuse);
  contents.on('will-attach-webview', refuse);
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
}

/** The application needs no camera, microphone, notifications, geolocation, USB or anything else a page may ask for. */
export function denyAllPermissions(session: PermissionSession): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
}

/**
 * The main process's one IPC handler: the sender must be the application's own top-level
 * frame, then the dispatcher validates the call name and its payload against the contract.
 */
export function createIpcCallHandler(
  dispatch: Dispatch,
  isTrustedUrl: (url: string) => boolean,
  refusal: (error: DomainError) => Envelope<never>,
) {
  return async (event: IpcCallEvent, name: unknown, input: unknown): Promise<Envelope<unknown>> => {
    const frame = event.senderFrame;
    if (!frame || frame.parent !== null || !isTrustedUrl(frame.url)) return refusal(new DomainError('FORBIDDEN_SENDER'));
    return dispatch(name, input);
  };
}
