// Builds the SQLCipher native module for Electron into .electron-native/, beside the copy
// in node_modules that stays built for Node (the tests and the command line use that one).
// `npm start` runs this first; it does nothing when the build for this Electron exists.
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const require = createRequire(import.meta.url);
const electronVersion = require('electron/package.json').version;
const moduleFolder = path.dirname(require.resolve('better-sqlite3-multiple-ciphers/package.json'));
const outputFolder = path.join(root, '.electron-native');
const binary = path.join(outputFolder, 'better_sqlite3.node');
const stamp = path.join(outputFolder, 'electron-version');

if (existsSync(binary) && existsSync(stamp) && readFileSync(stamp, 'utf8') === electronVersion) process.exit(0);

console.log(`Đang biên dịch mô-đun SQLCipher cho Electron ${electronVersion} (cần Internet để tải tệp tiêu đề của Electron)…`);
const workFolder = path.join(outputFolder, 'work');
rmSync(workFolder, { recursive: true, force: true });
mkdirSync(workFolder, { recursive: true });
cpSync(moduleFolder, workFolder, { recursive: true, filter: (source) => !source.includes(`${path.sep}build${path.sep}`) && !source.endsWith(`${path.sep}build`) });

// npm passes its own `nodedir` to child processes; it would point node-gyp at Node's headers instead of Electron's.
const environment = Object.fromEntries(Object.entries(process.env).filter(([name]) => !/^npm_config_(nodedir|target|runtime|disturl)$/i.test(name)));
execFileSync(
  process.execPath,
  [require.resolve('node-gyp/bin/node-gyp.js'), 'rebuild', '--release', `--target=${electronVersion}`, '--runtime=electron', '--dist-url=https://electronjs.org/headers'],
  { cwd: workFolder, stdio: 'inherit', env: environment },
);
cpSync(path.join(workFolder, 'build', 'Release', 'better_sqlite3.node'), binary);
writeFileSync(stamp, electronVersion);
rmSync(workFolder, { recursive: true, force: true });
console.log(`Đã tạo ${path.relative(root, binary)}.`);
