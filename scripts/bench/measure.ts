import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { monitorEventLoopDelay, type IntervalHistogram } from 'node:perf_hooks';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

export interface Latency {
  samples: number;
  p50Ms: number;
  p95Ms: number;
  maxMs: number;
}

const round = (value: number) => Math.round(value * 10) / 10;

export function latency(durations: readonly number[]): Latency {
  const sorted = [...durations].sort((a, b) => a - b);
  const at = (share: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(share * sorted.length) - 1))] ?? 0;
  return { samples: sorted.length, p50Ms: round(at(0.5)), p95Ms: round(at(0.95)), maxMs: round(sorted.at(-1) ?? 0) };
}

export async function timed<Result>(work: () => Promise<Result> | Result): Promise<{ ms: number; result: Result }> {
  const start = performance.now();
  const result = await work();
  return { ms: round(performance.now() - start), result };
}

/** The best of a few runs: other programs on a two-core machine only ever make a run slower. */
export async function bestOf(runs: number, work: () => Promise<unknown> | unknown): Promise<number> {
  let best = Number.POSITIVE_INFINITY;
  for (let run = 0; run < runs; run += 1) best = Math.min(best, (await timed(work)).ms);
  return best;
}

export function ratio(encrypted: number, plain: number): number {
  return plain > 0 ? Math.round((encrypted / plain - 1) * 1000) / 1000 : 0;
}

/**
 * How long this thread's event loop was held up while `work` ran: the service host works in
 * another thread, so this is what the window would feel.
 */
export async function watchingEventLoop<Result>(
  work: () => Promise<Result>,
): Promise<{ result: Result; maxDelayMs: number; p99DelayMs: number }> {
  const histogram: IntervalHistogram = monitorEventLoopDelay({ resolution: 10 });
  histogram.enable();
  try {
    const result = await work();
    return { result, maxDelayMs: round(histogram.max / 1e6), p99DelayMs: round(histogram.percentile(99) / 1e6) };
  } finally {
    histogram.disable();
  }
}

/** Peak memory: the process's resident set from the kernel (every thread), and this thread's heap as sampled. */
export class MemoryWatch {
  private peakHeap = 0;
  private readonly timer: ReturnType<typeof setInterval>;

  constructor() {
    this.timer = setInterval(() => this.sample(), 50);
    this.timer.unref();
  }

  sample(): void {
    this.peakHeap = Math.max(this.peakHeap, process.memoryUsage().heapUsed);
  }

  stop(): { peakRssMb: number; peakHeapMb: number } {
    this.sample();
    clearInterval(this.timer);
    return { peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024), peakHeapMb: Math.round(this.peakHeap / 1024 / 1024) };
  }
}

setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc') as () => void;

const peakRssMb = () => Math.round(process.resourceUsage().maxRSS / 1024);

/** A process whose resident high-water mark can be read and restarted. */
export interface MeasuredProcess {
  restartPeak(): void;
  peakRssMb(): number;
}

const thisProcess: MeasuredProcess = {
  restartPeak() {
    try {
      writeFileSync('/proc/self/clear_refs', '5');
    } catch {
      // Not Linux, or not allowed: the figures stay cumulative.
    }
  },
  peakRssMb,
};

/**
 * Peak resident memory (every thread, from the kernel) job by job: on Linux a process may start
 * its high-water mark afresh (`clear_refs`), so each job's peak is its own and earlier work does
 * not count. Elsewhere the peaks only grow, an upper bound. `measured` is the process the jobs
 * run in: the services processes (`servicesMemory`) for the scales that work through the
 * service host, this one for those that work in it; `benchmarkByJob` has this process's own
 * peaks beside, and the work the benchmark does itself (`benchmarkJob`: making a demonstration).
 */
export class PeakMemory {
  private highest = 0;
  readonly byJob: Record<string, number> = {};
  readonly benchmarkByJob: Record<string, number> = {};

  constructor(private readonly measured: () => MeasuredProcess | null = () => thisProcess) {
    this.restart();
  }

  private restart(): void {
    // What earlier work left for the collector is returned first, so that it does not count in the next job.
    collectGarbage();
    thisProcess.restartPeak();
    this.measured()?.restartPeak();
  }

  private noteBenchmark(name: string): void {
    this.benchmarkByJob[name] = Math.max(this.benchmarkByJob[name] ?? 0, thisProcess.peakRssMb());
  }

  async job<Result>(name: string, work: () => Promise<Result>): Promise<Result> {
    this.restart();
    try {
      return await work();
    } finally {
      const peak = this.measured()?.peakRssMb() ?? 0;
      this.byJob[name] = Math.max(this.byJob[name] ?? 0, peak);
      this.highest = Math.max(this.highest, peak);
      this.noteBenchmark(name);
    }
  }

  /** Work the benchmark does in its own process and the application does not (making a demonstration's data). */
  async benchmarkJob<Result>(name: string, work: () => Promise<Result>): Promise<Result> {
    this.restart();
    try {
      return await work();
    } finally {
      this.noteBenchmark(name);
    }
  }

  /** Making the benchmark's own data (a 100,000-row file): no job of the application, so its peak is not counted. */
  async setUp<Result>(work: () => Promise<Result> | Result): Promise<Result> {
    this.restart();
    const result = await work();
    this.restart();
    return result;
  }

  /** The highest of the jobs' peaks in the measured process. */
  peakMb(): number {
    return this.highest;
  }
}

export function machine() {
  const cpus = os.cpus();
  return {
    cpus: cpus.length,
    cpuModel: cpus[0]?.model ?? 'unknown',
    memoryGb: Math.round((os.totalmem() / 1024 ** 3) * 10) / 10,
    node: process.version,
    platform: `${os.platform()} ${os.release()}`,
    loadAverage: os.loadavg().map((value) => Math.round(value * 100) / 100),
  };
}

const folders: string[] = [];

/** A temporary folder for one run's registries, removed by `removeBenchFolders` when the benchmark ends. */
export function benchFolder(name: string): string {
  const folder = mkdtempSync(path.join(os.tmpdir(), `so86-bench-${name}-`));
  folders.push(folder);
  return folder;
}

export function removeBenchFolders(): void {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
}
