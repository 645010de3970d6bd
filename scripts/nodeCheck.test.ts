import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);
const nodeCheck = path.resolve(import.meta.dirname, '..', 'bin', 'nodeCheck.mjs');

/** Runs the check in a Node that reports the given Node-API version, as Node 20 reports 9. */
async function checkUnder(napi: string) {
  const program = `Object.defineProperty(process, 'versions', { value: { ...process.versions, napi: '${napi}', node: '20.20.2' } });
const { requireSupportedNode } = await import(${JSON.stringify(nodeCheck)});
requireSupportedNode('npx so86 …');
console.log('tiếp tục');`;
  try {
    const { stdout, stderr } = await run(process.execPath, ['--input-type=module', '-e', program]);
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

describe('the command line on an older Node', () => {
  it('stops a Node without Node-API 10 (Node 20) with one sentence saying how to run it, before the SQLCipher module could crash it', async () => {
    const refused = await checkUnder('9');
    expect(refused.code).toBe(1);
    expect(refused.stdout).toBe('');
    expect(refused.stderr.trim().split('\n')).toEqual([
      'Sổ 86 cần Node.js 22 trở lên, đang chạy Node 20.20.2: hãy chạy bằng "npx so86 …" để dùng Node 22 mà npm install đã cài. (Sổ 86 needs Node.js 22 or later: run "npx so86 …", which uses the Node 22 installed by npm install.)',
    ]);
  });

  it('lets Node 22 and later through', async () => {
    expect(await checkUnder('10')).toMatchObject({ code: 0, stdout: 'tiếp tục\n', stderr: '' });
    expect(Number(process.versions.napi)).toBeGreaterThanOrEqual(10);
  });
});
