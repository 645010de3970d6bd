import type { BrowserWindowConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import { createMainWindow, type BrowserWindowClass } from './window';

/** Records the options the shell passes to Electron's BrowserWindow, which cannot start here. */
function recordingWindowClass(recorded: BrowserWindowConstructorOptions[]): BrowserWindowClass {
  return class {
    constructor(options: BrowserWindowConstructorOptions) {
      recorded.push(options);
    }
  } as unknown as BrowserWindowClass;
}

describe('the main window', () => {
  it('is created with the settings of the Electron security checklist', () => {
    const recorded: BrowserWindowConstructorOptions[] = [];
    createMainWindow(recordingWindowClass(recorded), '/app/out/preload/index.cjs');
    expect(recorded).toHaveLength(1);
    expect(recorded[0]!.webPreferences).toEqual({
      preload: '/app/out/preload/index.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      spellcheck: false,
      disableBlinkFeatures: 'Auxclick',
    });
    expect(recorded[0]!.show).toBe(false);
  });
});
