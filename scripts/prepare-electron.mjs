// `npm start` runs this first. Electron's npm package carries no program: it is downloaded from
// the internet (or taken from Electron's cache folder) the first time it is needed. Left to
// electron-vite, an offline first start ends in a download stack trace; here it ends in one
// sentence saying what is needed. The SQLCipher module needs nothing: its prebuilt Node-API
// binary loads in Node and in Electron alike.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);
const electronFolder = path.dirname(require.resolve('electron/package.json'));
const { version } = require('electron/package.json');

/** The same test as Electron's own `install.js`, which honours ELECTRON_OVERRIDE_DIST_PATH. */
function electronIsInstalled() {
  try {
    const executable = readFileSync(path.join(electronFolder, 'path.txt'), 'utf8');
    const installedVersion = readFileSync(path.join(electronFolder, 'dist', 'version'), 'utf8').replace(/^v/, '');
    const distFolder = process.env.ELECTRON_OVERRIDE_DIST_PATH || path.join(electronFolder, 'dist');
    return installedVersion === version && existsSync(path.join(distFolder, executable));
  } catch {
    return false;
  }
}

if (!electronIsInstalled()) {
  console.log(`Đang tải Electron ${version} cho lần chạy đầu tiên…`);
  const download = spawnSync(process.execPath, [path.join(electronFolder, 'install.js')], { stdio: ['ignore', 'pipe', 'pipe'] });
  if (download.status !== 0) {
    console.error(
      `Lần chạy đầu tiên cần Internet để tải Electron ${version} (hoặc thư mục đệm của Electron, xem docs/BUILDING.md): hãy kết nối rồi chạy lại npm start. ` +
        `(Electron ${version} is downloaded from the internet on first start, or taken from Electron's cache folder: connect and run npm start again.)`,
    );
    process.exit(1);
  }
}
