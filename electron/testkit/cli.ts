import { execFile } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const binary = path.resolve(import.meta.dirname, '../../bin/so86.mjs');

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the real `so86` command in its own process, as a script or a person would. */
export async function so86(args: string[], env: Record<string, string> = {}): Promise<CliResult> {
  try {
    const { stdout, stderr } = await run(process.execPath, [binary, ...args], {
      env: { ...process.env, SO86_PASSWORD: '', ...env },
      maxBuffer: 64 * 1024 * 1024,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

export function freshFolder(prefix = 'so86-cli-'): string {
  return mkdtempSync(path.join(tmpdir(), prefix));
}

/** The arguments of `so86 init` for Vĩnh Trạch commune under An Giang, administrator "vanphong", into `databaseFile`. */
export function vinhTrachInit(databaseFile: string): string[] {
  return [
    'init',
    '--db',
    databaseFile,
    '--unit-code',
    'VINHTRACH',
    '--unit-name',
    'Đảng ủy xã Vĩnh Trạch',
    '--level',
    'commune',
    '--parent-code',
    'ANGIANG',
    '--admin',
    'vanphong',
  ];
}
