import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, '../..');

const latency = { samples: expect.any(Number), p50Ms: expect.any(Number), p95Ms: expect.any(Number), maxMs: expect.any(Number) };
const pair = { encrypted: expect.any(Number), plain: expect.any(Number) };
const ui = {
  firstScreenMs: expect.any(Number),
  signInToDashboardMs: expect.any(Number),
  screenP95Ms: expect.any(Number),
  searchP95Ms: expect.any(Number),
  reportDocumentMs: expect.any(Number),
  bundle: { jsKb: expect.any(Number), firstScreenJsKb: expect.any(Number), chunks: expect.any(Number) },
};
const screens = ['members', 'member', 'trips', 'trip', 'reports', 'packages', 'settings', 'audit'];

describe('npm run bench -- --json', () => {
  it('prints one JSON object with the headline figures, every figure of the scale encrypted beside plain, and the renderer measured in Chromium', async () => {
    const { stdout } = await run(
      process.execPath,
      [path.join(root, 'bin/bench.mjs'), '--scale', 'commune', '--json', '--quick'],
      { cwd: root, maxBuffer: 16 * 1024 * 1024 },
    );
    const lines = stdout.trim().split('\n');
    expect(lines).toHaveLength(1);
    const result = JSON.parse(lines[0]!) as Record<string, unknown>;
    expect(result).toMatchObject({
      machine: { cpus: expect.any(Number), cpuModel: expect.any(String), memoryGb: expect.any(Number), node: process.version },
      scales: ['commune'],
      searchP95Ms: expect.any(Number),
      reportMs: expect.any(Number),
      encryptionOverheadRatio: expect.any(Number),
      eventLoopMaxDelayMs: expect.any(Number),
      memory: { peakRssMb: expect.any(Number), peakHeapMb: expect.any(Number) },
      ui,
      commune: {
        members: expect.any(Number),
        unlock: { keyDerivationMs: expect.any(Number), openMs: expect.any(Number), openPlainMs: expect.any(Number) },
        latencies: {
          encrypted: { list: latency, searchByName: latency, searchByCode: latency },
          plain: { list: latency, searchByName: latency, searchByCode: latency },
        },
        reportMs: pair,
        exportMs: pair,
        verifyMs: expect.any(Number),
        ui,
        peakRssMb: expect.any(Number),
        peakRssMbByJob: { services: expect.any(Number), ui: expect.any(Number) },
        benchmarkPeakRssMbByJob: { services: expect.any(Number), ui: expect.any(Number) },
      },
    });
    const figures = result.ui as typeof ui & { screens: Record<string, { samples: number; p95Ms: number }> };
    expect(Object.keys(figures.screens)).toEqual(screens);
    for (const screen of Object.values(figures.screens)) expect(screen.samples).toBeGreaterThanOrEqual(2);
    for (const figure of [
      figures.firstScreenMs,
      figures.signInToDashboardMs,
      figures.screenP95Ms,
      figures.searchP95Ms,
      figures.reportDocumentMs,
    ])
      expect(figure).toBeGreaterThan(0);
    expect(figures.bundle.firstScreenJsKb).toBeGreaterThan(0);
    expect(figures.bundle.firstScreenJsKb).toBeLessThanOrEqual(figures.bundle.jsKb);
    expect(result.memory).toMatchObject({ peakRssMb: (result.commune as { peakRssMb: number }).peakRssMb });
    // Measured in the services process, which holds the services and nothing of the benchmark's.
    const { peakRssMbByJob } = result.commune as { peakRssMbByJob: Record<string, number> };
    for (const peak of Object.values(peakRssMbByJob)) expect(peak).toBeGreaterThan(50);
    expect((result.commune as { members: number }).members).toBeGreaterThanOrEqual(300);
    expect(result.searchP95Ms).toBeGreaterThan(0);
    expect(result).not.toHaveProperty('province');
  }, 600_000);
});
