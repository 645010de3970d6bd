import { parseArgs } from 'node:util';
import { benchCommune, type BenchOptions } from './commune';
import { stopServicesProcess } from './host';
import { machine, MemoryWatch, removeBenchFolders } from './measure';
import { benchNational } from './national';
import { benchProvince } from './province';
import { printTable } from './table';
import { buildApplication, type UiFigures } from './ui';

const scales = ['commune', 'province', 'national'] as const;
type Scale = (typeof scales)[number];

export interface BenchResult {
  machine: ReturnType<typeof machine>;
  seed: number;
  quick: boolean;
  scales: Scale[];
  /** Search latency at the 95th percentile over the largest member list measured (100,000 at the province scale). */
  searchP95Ms: number;
  /** The largest report measured: the province combining about a hundred communes, else the commune's. */
  reportMs: number;
  /** Extra time the encrypted registry took over the same work without encryption, as a fraction (0.12 = 12 % slower). */
  encryptionOverheadRatio: number;
  /** The longest the main thread's event loop waited while the service host ran the long jobs. */
  eventLoopMaxDelayMs: number;
  /** What a person waits for in the renderer, at the largest scale measured (the province's 100,000 members when it runs). */
  ui: UiFigures | null;
  /**
   * `peakRssMb`: the peak resident memory of the province scale's jobs when it runs (each job's
   * own, the benchmark's making of its data apart), else the largest of the scales run;
   * `peakHeapMb`: the main thread's heap over the whole run, sampled.
   */
  memory: { peakRssMb: number; peakHeapMb: number };
  totalMs: number;
  commune?: Awaited<ReturnType<typeof benchCommune>>;
  province?: Awaited<ReturnType<typeof benchProvince>>;
  national?: Awaited<ReturnType<typeof benchNational>>;
}

function parse(argv: string[]) {
  const { values } = parseArgs({
    args: argv,
    options: {
      scale: { type: 'string', default: 'all' },
      json: { type: 'boolean', default: false },
      seed: { type: 'string', default: '86' },
      quick: { type: 'boolean', default: false },
    },
    strict: true,
  });
  const chosen = values.scale === 'all' ? [...scales] : (values.scale ?? '').split(',');
  if (chosen.some((scale) => !scales.includes(scale as Scale)))
    throw new Error(`--scale must be commune, province, national or all, not ${values.scale}`);
  return {
    scales: chosen as Scale[],
    json: values.json === true,
    options: { seed: Number(values.seed), quick: values.quick === true } satisfies BenchOptions,
  };
}

/** The search of the largest list measured, 95th percentile over names and codes. */
function searchP95(result: BenchResult): number {
  const latencies = result.province?.latencies.encrypted ?? result.commune?.latencies.encrypted;
  return latencies ? Math.max(latencies.searchByName.p95Ms, latencies.searchByCode.p95Ms) : 0;
}

export async function runBench(argv: string[]): Promise<BenchResult> {
  const { scales: chosen, options } = parse(argv);
  const memory = new MemoryWatch();
  const started = performance.now();
  const result: BenchResult = {
    machine: machine(),
    seed: options.seed,
    quick: options.quick,
    scales: chosen,
    searchP95Ms: 0,
    reportMs: 0,
    encryptionOverheadRatio: 0,
    eventLoopMaxDelayMs: 0,
    ui: null,
    memory: { peakRssMb: 0, peakHeapMb: 0 },
    totalMs: 0,
  };
  buildApplication();
  if (chosen.includes('commune')) result.commune = await benchCommune(options);
  memory.sample();
  if (chosen.includes('province')) result.province = await benchProvince(options);
  memory.sample();
  if (chosen.includes('national')) result.national = await benchNational(options);
  result.searchP95Ms = searchP95(result);
  result.reportMs = result.province?.reportMs.encrypted ?? result.commune?.reportMs.encrypted ?? 0;
  const ratios = [result.commune, result.province, result.national].flatMap((scale) =>
    scale ? [scale.encryptionOverheadRatio] : [],
  );
  result.encryptionOverheadRatio = Math.max(...ratios);
  result.eventLoopMaxDelayMs = Math.max(
    ...[result.commune, result.province, result.national].flatMap((scale) => (scale ? [scale.eventLoopMaxDelayMs] : [])),
  );
  result.ui = result.province?.ui ?? result.commune?.ui ?? null;
  const scalePeaks = [result.commune, result.province, result.national].flatMap((scale) => (scale ? [scale.peakRssMb] : []));
  result.memory = { peakRssMb: result.province?.peakRssMb ?? Math.max(...scalePeaks), peakHeapMb: memory.stop().peakHeapMb };
  result.totalMs = Math.round(performance.now() - started);
  return result;
}

export async function main(argv: string[]): Promise<number> {
  const { json } = parse(argv);
  let result: BenchResult;
  try {
    result = await runBench(argv);
  } finally {
    await stopServicesProcess();
    removeBenchFolders();
  }
  if (json) console.log(JSON.stringify(result));
  else printTable(result);
  return 0;
}
