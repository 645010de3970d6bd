import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';

const script = path.resolve(import.meta.dirname, 'prepare-electron.mjs');

function run(environment: NodeJS.ProcessEnv): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [script], { env: environment });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}

const folders: string[] = [];
let mirror: Server | undefined;

afterEach(() => {
  mirror?.close();
  mirror = undefined;
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

describe('npm start before Electron was ever downloaded', () => {
  it('stops, with no internet, on one sentence in Vietnamese and English saying what it needs, and writes nothing', async () => {
    // Electron's download goes to a local "mirror" that has nothing, into an empty place of its own:
    // what a PC without internet sees, without touching the Electron installed in node_modules.
    const requested: string[] = [];
    mirror = createServer((request, response) => {
      requested.push(request.url ?? '');
      response.writeHead(404).end();
    });
    await new Promise<void>((resolve) => mirror!.listen(0, '127.0.0.1', resolve));
    const distFolder = mkdtempSync(path.join(tmpdir(), 'so86-electron-dist-'));
    const cacheFolder = mkdtempSync(path.join(tmpdir(), 'so86-electron-cache-'));
    folders.push(distFolder, cacheFolder);
    const inherited = Object.fromEntries(Object.entries(process.env).filter(([name]) => !/electron/i.test(name)));

    const result = await run({
      ...inherited,
      ELECTRON_OVERRIDE_DIST_PATH: distFolder,
      ELECTRON_MIRROR: `http://127.0.0.1:${(mirror.address() as AddressInfo).port}/`,
      electron_config_cache: cacheFolder,
    });

    expect(requested.some((url) => /electron-v45\.[\d.]+-\w+-\w+\.zip$/.test(url))).toBe(true);
    expect(result.status).toBe(1);
    const message = result.stderr.trim();
    expect(message.split('\n')).toHaveLength(1);
    expect(message).toMatch(
      /^Lần chạy đầu tiên cần Internet để tải Electron 45\.[\d.]+ .*npm start\. \(Electron 45\.[\d.]+ is downloaded from the internet on first start.*\)$/,
    );
    expect(message).not.toMatch(/\bat \S+ \(|Error|gyp|HTTP/);
    expect(readdirSync(distFolder)).toEqual([]);
  });
});
