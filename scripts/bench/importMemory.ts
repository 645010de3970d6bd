/**
 * The import's peak memory alone, each file in a fresh services process (`npm run build`, then
 * `npx tsx scripts/bench/importMemory.ts`): `make ROWS FOLDER` writes the benchmark's province
 * member rows as `dang-vien.csv` and `dang-vien.xlsx`; `run FILE [encrypted|plain]` imports one of
 * them into a new registry through the built service host and prints the services process's peak
 * resident set as the benchmark measures it (the host started and signed in included), its
 * resident set when the call starts, and the peak during the call alone (the high-water mark
 * restarted then, on Linux).
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { csvText, xlsxBytes } from '../../electron/testkit/importFiles';
import { runningServicesProcess, servicesMemory, type Mode } from './host';
import { benchFolder, PeakMemory, removeBenchFolders } from './measure';
import { importInto, memberLines } from './province';

async function make(rows: number, folder: string): Promise<void> {
  mkdirSync(folder, { recursive: true });
  const lines = memberLines(rows, 86);
  writeFileSync(path.join(folder, 'dang-vien.csv'), csvText(lines));
  writeFileSync(path.join(folder, 'dang-vien.xlsx'), await xlsxBytes(lines));
}

async function run(file: string, mode: Mode): Promise<void> {
  const content = new Uint8Array(readFileSync(file));
  const memory = new PeakMemory(() => servicesMemory);
  let atCall = { peakBeforeMb: 0, residentMb: 0 };
  const restartPeak = () => {
    const services = runningServicesProcess()!;
    atCall = { peakBeforeMb: services.peakRssMb(), residentMb: services.residentMb() };
    services.restartPeak();
  };
  const { host, imported } = await memory.job('import', () =>
    importInto(benchFolder('import-memory'), 'dang-vien.db', mode, path.basename(file), content, restartPeak),
  );
  const callPeakMb = runningServicesProcess()!.peakRssMb();
  const residentAfterMb = runningServicesProcess()!.residentMb();
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
      residentAfterMb,
      counts: result.result.counts,
      issues: result.result.issues.length,
    }),
  );
}

const [command, first, second] = process.argv.slice(2);
if (command === 'make') await make(Number(first), second!);
else if (command === 'run') await run(first!, (second as Mode | undefined) ?? 'encrypted');
else throw new Error('usage: importMemory.ts make ROWS FOLDER | run FILE [encrypted|plain]');
