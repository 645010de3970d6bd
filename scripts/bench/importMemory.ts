/**
 * The import's peak memory alone, each file in a fresh process (`npx tsx scripts/bench/importMemory.ts`):
 * `make ROWS FOLDER` writes the benchmark's province member rows as `dang-vien.csv` and
 * `dang-vien.xlsx`; `run FILE [encrypted|plain]` imports one of them into a new registry through
 * the service host and prints the peak resident set as the benchmark measures it (creating the
 * registry and signing in included), the resident set when the call starts, and the peak during
 * the call alone (the high-water mark restarted then, on Linux).
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { csvText, xlsxBytes } from '../../electron/testkit/importFiles';
import { type Mode } from './host';
import { benchFolder, PeakMemory, removeBenchFolders } from './measure';
import { importInto, memberLines } from './province';

const residentMb = () => Math.round(process.memoryUsage().rss / 1024 / 1024);
const peakRssMb = () => Math.round(process.resourceUsage().maxRSS / 1024);

async function make(rows: number, folder: string): Promise<void> {
  mkdirSync(folder, { recursive: true });
  const lines = memberLines(rows, 86);
  writeFileSync(path.join(folder, 'dang-vien.csv'), csvText(lines));
  writeFileSync(path.join(folder, 'dang-vien.xlsx'), await xlsxBytes(lines));
}

async function run(file: string, mode: Mode): Promise<void> {
  const content = new Uint8Array(readFileSync(file));
  const memory = new PeakMemory();
  let atCall = { peakBeforeMb: 0, residentMb: 0 };
  const restartPeak = () => {
    atCall = { peakBeforeMb: peakRssMb(), residentMb: residentMb() };
    writeFileSync('/proc/self/clear_refs', '5');
  };
  const { host, imported } = await memory.job('import', () =>
    importInto(benchFolder('import-memory'), 'dang-vien.db', mode, path.basename(file), content, restartPeak),
  );
  const callPeakMb = peakRssMb();
  await host.close();
  removeBenchFolders();
  const { result } = imported;
  console.log(
    JSON.stringify({
      file: path.basename(file),
      bytes: content.length,
      mode,
      ms: result.ms,
      peakRssMb: Math.max(atCall.peakBeforeMb, callPeakMb),
      residentAtCallMb: atCall.residentMb,
      callPeakRssMb: callPeakMb,
      residentAfterMb: residentMb(),
      counts: result.result.counts,
      issues: result.result.issues.length,
    }),
  );
}

const [command, first, second] = process.argv.slice(2);
if (command === 'make') await make(Number(first), second!);
else if (command === 'run') await run(first!, (second as Mode | undefined) ?? 'encrypted');
else throw new Error('usage: importMemory.ts make ROWS FOLDER | run FILE [encrypted|plain]');
