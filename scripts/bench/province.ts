import path from 'node:path';
import { newId } from '../../shared/ids';
import { civilDateInVietnam } from '../../shared/rules/dates';
import { seededRandom } from '../../shared/seededRandom';
import { generateDemoMembers } from '../../electron/services/application/demo/generate';
import { placeName } from '../../electron/services/application/demo/names';
import { demoPeriod } from '../../electron/services/application/demo/packages';
import { provinces } from '../../electron/services/application/demo/places';
import { demoAdministrator, provinceDemo } from '../../electron/services/application/demo/scenarios';
import { csvText, xlsxBytes } from '../../electron/testkit/importFiles';
import { Registry } from '../../electron/services/storage/registry/registry';
import type { BenchOptions } from './commune';
import { benchPassword, BenchHost, openOptionsFor, servicesMemory, stopServicesProcess, type Mode } from './host';
import { benchFolder, bestOf, PeakMemory, ratio, timed, watchingEventLoop } from './measure';
import { memberLatencies, memberQueries, type MemberLatencies, type MemberQueries } from './members';
import { addSampleTrips, benchUi, uiQueries } from './ui';

const memberColumns = [
  'member_code',
  'full_name',
  'gender',
  'birth_date',
  'cell',
  'leadership',
  'national_id',
  'phone',
  'status',
];

/**
 * A members file as a province-sized office would import it: made-up members of communes of
 * one province, each with a unique code, in the import template's columns.
 */
export function memberLines(rows: number, seed: number): (string | null)[][] {
  const random = seededRandom(seed);
  const province = provinces.find((candidate) => candidate.name === 'An Giang')!;
  const places = new Set<string>();
  const lines: (string | null)[][] = [memberColumns];
  for (let unit = 0; lines.length <= rows; unit += 1) {
    const place = placeName(random, places);
    const { members } = generateDemoMembers({
      random: random.derive(`unit ${unit}`),
      today: civilDateInVietnam(new Date()),
      unit: { code: `U${unit}`, name: `Đảng ủy xã ${place}`, level: 'commune', parentCode: 'ANGIANG' },
      kind: 'commune',
      place,
      province,
      memberCount: 400,
    });
    for (const member of members) {
      if (lines.length > rows) break;
      const input = member.input;
      lines.push([
        `${unit}-${input.code}`,
        input.fullName,
        input.gender ?? null,
        input.birthDate ?? null,
        `${input.cellName} (${place})`,
        input.holdsLeadershipPost ? 'có' : 'không',
        input.nationalId ?? null,
        input.phone ?? null,
        input.status,
      ]);
    }
  }
  return lines;
}

/** Imports a members file into a new registry of the province through the service host; `atCall` runs just before the call. */
export async function importInto(
  folder: string,
  name: string,
  mode: Mode,
  fileName: string,
  content: Uint8Array,
  atCall?: () => void,
) {
  const databaseFile = path.join(folder, name);
  const created = await Registry.create(
    databaseFile,
    {
      unit: { code: 'ANGIANG', name: 'Tỉnh ủy An Giang', level: 'province', parentCode: 'BTCTW' },
      admin: { ...demoAdministrator, password: benchPassword },
    },
    openOptionsFor(mode),
  );
  created.registry.close();
  const host = await BenchHost.open(databaseFile, mode);
  const contentBase64 = Buffer.from(content).toString('base64');
  atCall?.();
  const imported = await watchingEventLoop(() =>
    timed(() => host.call('import.commit', { kind: 'members', fileName, contentBase64, jobId: newId() })),
  );
  return { host, imported };
}

interface ProvinceRun {
  /** The registry the 100,000 rows were imported into, left signed out for the renderer's benchmark. */
  databaseFile: string;
  importMs: number;
  importEventLoopMaxDelayMs: number;
  latencies: MemberLatencies;
  queries: MemberQueries;
  setupMs: number;
  packagesImportMs: number;
  communes: number;
  packagesImported: number;
  reportMs: number;
}

/** The time from the first to the last progress report of one phase of the demonstration. */
function phaseClock() {
  const started = new Map<string, number>();
  const ended = new Map<string, number>();
  return {
    onProgress: (phase: string, done: number, total: number) => {
      if (!started.has(phase)) started.set(phase, performance.now());
      if (done === total) ended.set(phase, performance.now());
    },
    ms: (phase: string) => Math.round(((ended.get(phase) ?? 0) - (started.get(phase) ?? 0)) * 10) / 10,
  };
}

/**
 * The province's other long jobs, once, on the encrypted registries, for their memory: the member
 * list as a workbook and a backup of the 100,000 members, then the signed report file with its
 * documents. One registry is open at a time, as in the application.
 */
async function otherJobs(
  memory: PeakMemory,
  membersFile: string,
  provinceFile: string,
  period: { from: string; to: string },
): Promise<void> {
  const members = await BenchHost.open(membersFile, 'encrypted');
  try {
    await memory.job('membersExport', () => members.call('export.members', { includeArchived: true }));
    await memory.job('backup', () => members.call('backup.create', { destination: 'folder', jobId: newId() }));
  } finally {
    await members.close();
  }
  const province = await BenchHost.open(provinceFile, 'encrypted');
  try {
    await memory.job('reportFileExport', () =>
      province.call('packages.export', { period, encryptToParent: false, includeDocuments: true, jobId: newId() }),
    );
  } finally {
    await province.close();
  }
}

async function provinceRun(
  mode: Mode,
  options: BenchOptions,
  memory: PeakMemory,
  file: Uint8Array,
  queries: MemberQueries | null,
): Promise<ProvinceRun> {
  const folder = benchFolder('province');
  const membersFile = path.join(folder, 'dang-vien.db');
  const provinceFile = path.join(folder, 'tinh.db');
  const { host, imported } = await memory.job('csvImport', () => importInto(folder, 'dang-vien.db', mode, 'dang-vien.csv', file));
  let latencies: MemberLatencies;
  let chosen: MemberQueries;
  try {
    chosen =
      queries ??
      memberQueries(
        (await host.call('members.search', { limit: 500, offset: 5000 })).rows,
        options.quick ? 20 : 100,
        options.seed,
      );
    latencies = await memory.job('search', () => memberLatencies(host, chosen, options.quick ? 20 : 100));
    if (mode === 'encrypted') await addSampleTrips(host, 20);
  } finally {
    await host.close();
  }
  const clock = phaseClock();
  const period = demoPeriod(civilDateInVietnam(new Date()));
  const setup = await memory.benchmarkJob('provinceDemo', () =>
    timed(() =>
      provinceDemo(provinceFile, {
        seed: options.seed,
        password: benchPassword,
        openOptions: openOptionsFor(mode),
        communes: options.quick ? 10 : 100,
        onProgress: clock.onProgress,
      }),
    ),
  );
  const reportHost = await BenchHost.open(provinceFile, mode);
  let reportMs: number;
  try {
    reportMs = await memory.job('combinedReport', () =>
      bestOf(options.quick ? 2 : 5, () => reportHost.call('reports.get', { period })),
    );
  } finally {
    await reportHost.close();
  }
  if (mode === 'encrypted') await otherJobs(memory, membersFile, provinceFile, period);
  return {
    databaseFile: membersFile,
    importMs: imported.result.ms,
    importEventLoopMaxDelayMs: imported.maxDelayMs,
    latencies,
    queries: chosen,
    setupMs: setup.ms,
    packagesImportMs: clock.ms('import'),
    communes: setup.result.communes,
    packagesImported: setup.result.imported,
    reportMs,
  };
}

/** The same member rows as an XLSX workbook, the way most offices keep them, imported into a new registry. */
async function workbookImport(mode: Mode, memory: PeakMemory, workbook: Uint8Array): Promise<{ ms: number; maxDelayMs: number }> {
  const { host, imported } = await memory.job('xlsxImport', () =>
    importInto(benchFolder('province-xlsx'), 'dang-vien.db', mode, 'dang-vien.xlsx', workbook),
  );
  await host.close();
  return { ms: imported.result.ms, maxDelayMs: imported.maxDelayMs };
}

/**
 * A province's volumes: 100,000 member rows imported through the importer, listing and searching
 * them, the report of a province combining about a hundred communes' signed report files, the
 * other long jobs, and the renderer over the 100,000 members; the peak memory of each job.
 */
export async function benchProvince(options: BenchOptions) {
  const memory = new PeakMemory(() => servicesMemory);
  const rows = options.quick ? 5_000 : 100_000;
  const { csv, workbook } = await memory.setUp(async () => {
    const lines = memberLines(rows, options.seed);
    return { csv: new TextEncoder().encode(csvText(lines)), workbook: await xlsxBytes(lines) };
  });
  const encrypted = await provinceRun('encrypted', options, memory, csv, null);
  const plain = await provinceRun('plain', options, memory, csv, encrypted.queries);
  const xlsx = {
    encrypted: await workbookImport('encrypted', memory, workbook),
    plain: await workbookImport('plain', memory, workbook),
  };
  const ui = await memory.job('ui', () =>
    benchUi(encrypted.databaseFile, uiQueries(encrypted.queries, options.quick), options.quick),
  );
  await stopServicesProcess();

  const pairs = {
    importMs: [encrypted.importMs, plain.importMs],
    xlsxImportMs: [xlsx.encrypted.ms, xlsx.plain.ms],
    listP50Ms: [encrypted.latencies.list.p50Ms, plain.latencies.list.p50Ms],
    searchByNameP50Ms: [encrypted.latencies.searchByName.p50Ms, plain.latencies.searchByName.p50Ms],
    searchByCodeP50Ms: [encrypted.latencies.searchByCode.p50Ms, plain.latencies.searchByCode.p50Ms],
    packagesImportMs: [encrypted.packagesImportMs, plain.packagesImportMs],
    reportMs: [encrypted.reportMs, plain.reportMs],
  } as const;
  const sum = (index: 0 | 1) => Object.values(pairs).reduce((total, pair) => total + pair[index], 0);
  return {
    importedRows: rows,
    importMs: { encrypted: encrypted.importMs, plain: plain.importMs },
    xlsxImportMs: { encrypted: xlsx.encrypted.ms, plain: xlsx.plain.ms },
    latencies: { encrypted: encrypted.latencies, plain: plain.latencies },
    communes: encrypted.communes,
    packagesImported: encrypted.packagesImported,
    setupMs: { encrypted: encrypted.setupMs, plain: plain.setupMs },
    packagesImportMs: { encrypted: encrypted.packagesImportMs, plain: plain.packagesImportMs },
    reportMs: { encrypted: encrypted.reportMs, plain: plain.reportMs },
    eventLoopMaxDelayMs: Math.max(
      encrypted.importEventLoopMaxDelayMs,
      plain.importEventLoopMaxDelayMs,
      xlsx.encrypted.maxDelayMs,
      xlsx.plain.maxDelayMs,
    ),
    overheadByWork: Object.fromEntries(Object.entries(pairs).map(([name, [enc, pl]]) => [name, ratio(enc, pl)])),
    encryptionOverheadRatio: ratio(sum(0), sum(1)),
    ui,
    peakRssMb: memory.peakMb(),
    peakRssMbByJob: memory.byJob,
    benchmarkPeakRssMbByJob: memory.benchmarkByJob,
  };
}
