import { appendFileSync } from 'node:fs';
import os from 'node:os';
import { beforeAll, describe, expect, it } from 'vitest';
import { addMember, databaseKeyOf } from '../backup';
import { openTestRegistry } from '../registry';
import { bundleWriter, migrationsFolder } from './bundle';
import { writerBatch } from './records';
import { inspectRegistry, lostNumbers, reportedNumbers, startWriter } from './support';

/** SO86_KILL_CYCLES=1000 for a long series; SO86_FAULT_REPORT=FILE appends the figures as one JSON line. */
const cycles = Number(process.env.SO86_KILL_CYCLES ?? 100);
/** Most kills land while records are being committed; some while the writer starts, opens the file and recovers the log. */
const earlyKillShare = 0.2;
const maximumKillDelayMs = 120;

function randomDelay(maximum: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, Math.random() * maximum));
}

let writer = '';
let databaseFile = '';
let key: Buffer;

beforeAll(async () => {
  writer = await bundleWriter();
  const registry = await openTestRegistry();
  await addMember(registry);
  registry.session.lock();
  databaseFile = registry.databaseFile;
  key = databaseKeyOf(registry.databaseFile, registry.recoveryKey);
});

describe('killing the writing process at random moments', () => {
  it(
    `loses no committed record, duplicates none and keeps the file and the audit chain intact over ${cycles} kills`,
    { timeout: Math.max(120_000, cycles * 5_000) },
    async () => {
      const reported = new Set<number>();
      const started = performance.now();
      let startupMs = 500;
      let killedBeforeReady = 0;
      let committedButUntold = 0;
      let verificationMs = 0;
      for (let cycle = 1; cycle <= cycles; cycle += 1) {
        const spawnedAt = performance.now();
        const running = startWriter(key.toString('hex'), process.execPath, [writer, 'commit', databaseFile, migrationsFolder]);
        if (Math.random() < earlyKillShare) {
          await Promise.race([randomDelay(startupMs), running.exited]);
          killedBeforeReady += running.lines.includes('ready') ? 0 : 1;
        } else {
          await Promise.race([running.ready, running.exited]);
          startupMs = performance.now() - spawnedAt;
          await randomDelay(maximumKillDelayMs);
        }
        running.child.kill('SIGKILL');
        const exit = await running.exited;
        expect({ cycle, signal: exit.signal, stderr: exit.stderr }).toEqual({ cycle, signal: 'SIGKILL', stderr: '' });
        for (const number of reportedNumbers(running.lines)) reported.add(number);

        const verdict = inspectRegistry(databaseFile, key);
        verificationMs += verdict.milliseconds;
        const lost = lostNumbers(verdict.numbers, reported);
        expect({
          cycle,
          lost,
          duplicates: verdict.numbers.length - new Set(verdict.numbers).size,
          integrity: verdict.integrity,
          auditIntact: verdict.auditIntact,
        }).toEqual({
          cycle,
          lost: [],
          duplicates: 0,
          integrity: [],
          auditIntact: true,
        });
        expect(verdict.auditRowsForRecords).toBe(verdict.numbers.length);
        // At most the one transaction that committed as the kill came: a single record or a batch.
        const untold = verdict.numbers.length - reported.size;
        expect(untold).toBeLessThanOrEqual(writerBatch.size);
        committedButUntold += untold;
        // What was committed but not told is in the file: it counts as told from now on.
        for (const number of verdict.numbers) reported.add(number);
      }
      const figures = {
        cycles,
        recordsCommitted: reported.size,
        recordsLost: 0,
        killedBeforeReady,
        committedButUntoldAtKill: committedButUntold,
        secondsPerCycle: Number(((performance.now() - started) / cycles / 1000).toFixed(3)),
        verificationMsPerCycle: Math.round(verificationMs / cycles),
        machine: {
          cpus: os.cpus().length,
          cpu: os.cpus()[0]?.model ?? '',
          memoryGiB: Math.round(os.totalmem() / 2 ** 30),
          platform: `${os.platform()} ${os.release()}`,
        },
      };
      if (process.env.SO86_FAULT_REPORT)
        appendFileSync(
          process.env.SO86_FAULT_REPORT,
          `${JSON.stringify({ test: 'kill', at: new Date().toISOString(), ...figures })}\n`,
        );
      expect(figures.recordsCommitted).toBeGreaterThan(cycles);
    },
  );
});
