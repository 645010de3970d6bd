import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { app, BrowserWindow, ipcMain, powerMonitor, protocol, session as electronSession } from 'electron';
import { ipcChannels } from '../../shared/contract';
import { fileLogger } from '../services/storage/log';
import { readReportFile, reportFileFromArguments } from '../services/application/openedFiles';
import { defaultDataDir, defaultDatabaseFile } from '../services/storage/paths';
import { resourcePaths } from '../services/application/resources';
import { ServiceHostClient } from '../services/application/serviceHost/client';
import { appEntryUrl, appHost, appScheme, contentSecurityPolicy, isTrustedRendererUrl, withStyleNonce } from './config';
import { createMainWindow } from './window';
import { createIpcCallHandler, denyAllPermissions, guardDownloads, lockDownContents } from './guards';
import { mediaTypeOf, resolveRendererFile } from '../services/application/rendererFiles';

const devServerUrl = app.isPackaged ? undefined : process.env.ELECTRON_RENDERER_URL;
const dataDir = defaultDataDir();
app.setPath('userData', dataDir);

protocol.registerSchemesAsPrivileged([
  { scheme: appScheme, privileges: { standard: true, secure: true, supportFetchAPI: true } },
]);

let mainWindow: BrowserWindow | null = null;
let serviceHost: ServiceHostClient | null = null;
let startupFile = reportFileFromArguments(process.argv);

/** A .so86 file double-clicked in Explorer goes to the import screen once someone has signed in. */
async function offerReportFile(file: string) {
  if (!serviceHost) {
    startupFile = file;
    return;
  }
  const opened = await readReportFile(file);
  if (opened) serviceHost.offerOpenedFile(opened.fileName, opened.content);
}

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', (_event, argv) => {
    const file = reportFileFromArguments(argv);
    if (file) void offerReportFile(file);
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });
  app.on('open-file', (event, file) => {
    event.preventDefault();
    void offerReportFile(file);
  });
  app.on('web-contents-created', (_event, contents) => lockDownContents(contents));
  app.on('window-all-closed', () => app.quit());
  void app.whenReady().then(start);
}

async function start() {
  const resources = resourcePaths({ packaged: app.isPackaged, resourcesPath: process.resourcesPath, appPath: app.getAppPath() });
  const logFile = path.join(dataDir, 'logs', 'so86.log');
  const logger = fileLogger(logFile);
  // The services run in a worker thread (out/main/serviceHost.js, the build's second entry), so a long import,
  // backup or batch of report files never freezes the window.
  serviceHost = ServiceHostClient.start({
    entry: path.join(path.dirname(fileURLToPath(import.meta.url)), 'serviceHost.js'),
    config: {
      databaseFile: defaultDatabaseFile(),
      appVersion: app.getVersion(),
      openOptions: { migrationsFolder: resources.migrationsFolder },
      watchIdle: true,
      scheduleBackups: true,
      logFile,
    },
    logger,
  });

  denyAllPermissions(electronSession.defaultSession);
  guardDownloads(electronSession.defaultSession, (url) => isTrustedRendererUrl(url, devServerUrl), app.getPath('downloads'));
  serveRenderer(resources.rendererFolder);
  if (devServerUrl) {
    electronSession.defaultSession.webRequest.onHeadersReceived((details, callback) => {
      // The policy is computed (a fresh nonce per page), so the scanner cannot parse it; config.test.ts checks it instead.
      // The scanner's exception must sit on the line that sets the header: kept as one line.
      // prettier-ignore
      callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [developmentPolicy(devServerUrl)] } }); /* eng-disable CSP_GLOBAL_CHECK */
    });
  }

  const host = serviceHost;
  ipcMain.handle(
    ipcChannels.call,
    createIpcCallHandler(
      host.dispatch,
      (url) => isTrustedRendererUrl(url, devServerUrl),
      (error) => host.refusal(error),
    ),
  );
  host.onEvent((name, payload) => mainWindow?.webContents.send(ipcChannels.event, name, payload));

  // A PC left at a locked screen or put to sleep must not keep the registry open.
  powerMonitor.on('lock-screen', () => host.lock('system'));
  powerMonitor.on('suspend', () => host.lock('system'));
  app.on('before-quit', () => host.lock('system'));

  mainWindow = createMainWindow(BrowserWindow, fileURLToPath(new URL('../preload/index.cjs', import.meta.url)));
  mainWindow.once('ready-to-show', () => mainWindow?.show());
  mainWindow.on('closed', () => {
    mainWindow = null;
  });
  await mainWindow.loadURL(devServerUrl ?? appEntryUrl);
  if (startupFile) await offerReportFile(startupFile);
}

/** The packaged renderer is served from app://so86/ with the strict policy and a fresh style nonce on every response. */
function serveRenderer(rendererFolder: string) {
  protocol.handle(appScheme, async (request) => {
    const url = new URL(request.url);
    const file = url.host === appHost ? resolveRendererFile(rendererFolder, url.pathname) : null;
    if (!file) return new Response('Not found', { status: 404 });
    const styleNonce = randomBytes(16).toString('base64');
    try {
      const content = await readFile(file);
      const body = file.endsWith('.html') ? withStyleNonce(content.toString('utf8'), styleNonce) : content;
      return new Response(body, {
        headers: {
          'Content-Type': mediaTypeOf(file),
          'Content-Security-Policy': contentSecurityPolicy(styleNonce),
          'X-Content-Type-Options': 'nosniff',
        },
      });
    } catch {
      return new Response('Not found', { status: 404 });
    }
  });
}

/** Vite's development server needs its inline styles and its live-reload socket; the installed application never does. */
function developmentPolicy(serverUrl: string): string {
  const socket = serverUrl.replace(/^http/, 'ws');
  return `default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' blob:; connect-src 'self' ${socket}`;
}
