import type { BrowserWindow as ElectronBrowserWindow, BrowserWindowConstructorOptions } from 'electron';

export type BrowserWindowClass = new (options: BrowserWindowConstructorOptions) => ElectronBrowserWindow;

/**
 * The application's one window, configured by the Electron security checklist. The window
 * class is passed in so that a test can record exactly the options the shell uses.
 */
export function createMainWindow(BrowserWindow: BrowserWindowClass, preloadPath: string): ElectronBrowserWindow {
  return new BrowserWindow({
    width: 1366,
    height: 860,
    minWidth: 1024,
    minHeight: 640,
    show: false,
    title: 'Sổ 86',
    backgroundColor: '#f8f9fa',
    autoHideMenuBar: true,
    webPreferences: {
      // The preload exposes only the declared contract (electron/preload/index.ts); the sandbox keeps it from Node.
      preload: preloadPath, // eng-disable PRELOAD_JS_CHECK
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
    },
  });
}
