import { spawn, type ChildProcessByStdio } from 'node:child_process';
import { existsSync } from 'node:fs';
import type { Readable, Writable } from 'node:stream';
import { openRegistryDatabase } from '@db/connection';
import { verifyAuditChain } from '../../services/storage/audit';
import { checkIntegrity } from '../../services/storage/registry/integrity';
import { migrationsFolder } from './bundle';
import { recordNumbers } from './records';

export interface RunningWriter {
  child: ChildProcessByStdio<Writable, Readable, Readable>;
  /** Every line the writer printed so far. */
  lines: string[];
  /** Resolves when the writer has opened the registry and is about to commit. */
  ready: Promise<void>;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }>;
}

/** Starts the bundled writer; `command` and `args` may wrap Node (a shell setting a limit, a namespace). */
export function startWriter(input: string, command: string, args: string[], env: NodeJS.ProcessEnv = process.env): RunningWriter {
  const child = spawn(command, args, { stdio: ['pipe', 'pipe', 'pipe'], env });
  const lines: string[] = [];
  let pending = '';
  let stderr = '';
  let markReady: () => void = () => undefined;
  const ready = new Promise<void>((resolve) => {
    markReady = resolve;
  });
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    pending += chunk;
    const complete = pending.split('\n');
    pending = complete.pop() ?? '';
    for (const line of complete) {
      lines.push(line);
      if (line === 'ready') markReady();
    }
  });
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
    stderr += chunk;
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }>((resolve) => {
    child.on('close', (code, signal) => resolve({ code, signal, stderr }));
  });
  child.stdin.end(input);
  return { child, lines, ready, exited };
}

/** The numbers the writer said it committed. */
export function reportedNumbers(lines: readonly string[]): number[] {
  return lines.filter((line) => /^\d+$/.test(line)).map(Number);
}

export interface RegistryVerdict {
  numbers: number[];
  integrity: string[];
  auditIntact: boolean;
  auditRowsForRecords: number;
  milliseconds: number;
}

/** Opens the registry as the application would after a crash (recovering the write-ahead log) and checks everything. */
export function inspectRegistry(databaseFile: string, key: Buffer): RegistryVerdict {
  // Opening a path that is not there would make a new, empty registry and hide the loss.
  if (!existsSync(databaseFile)) throw new Error(`No registry at ${databaseFile}`);
  const started = performance.now();
  const handle = openRegistryDatabase(databaseFile, key, { migrationsFolder });
  try {
    const integrity = checkIntegrity(handle.sqlite, 'full').problems;
    const auditRowsForRecords = (
      handle.sqlite
        .prepare(`SELECT count(*) AS n FROM audit_log WHERE action = 'member.create' AND after LIKE '%"code":"K-%'`)
        .get() as { n: number }
    ).n;
    return {
      numbers: recordNumbers(handle),
      integrity,
      auditIntact: verifyAuditChain(handle).ok,
      auditRowsForRecords,
      milliseconds: performance.now() - started,
    };
  } finally {
    handle.sqlite.close();
  }
}

/** The numbers that should be there but are not: nothing reported may be missing, and the present ones run 1…n without a gap or a repeat. */
export function lostNumbers(present: readonly number[], reported: Iterable<number>): number[] {
  const presentSet = new Set(present);
  const lost = [...reported].filter((number) => !presentSet.has(number));
  for (let expected = 1; expected <= (present.at(-1) ?? 0); expected += 1) if (!presentSet.has(expected)) lost.push(expected);
  return [...new Set(lost)].sort((a, b) => a - b);
}
