import path from 'node:path';
import { openRegistryDatabase } from '../../db/connection';
import { newId } from '../../shared/ids';
import { civilDateInVietnam } from '../../shared/rules/dates';
import { demoPeriod } from '../../electron/services/application/demo/packages';
import { communeDemo, demoAdministrator } from '../../electron/services/application/demo/scenarios';
import { inspectWithoutRegistry } from '../../electron/services/domain/exchange/transfer';
import { findUserEntry, keyfilePathFor, readKeyfile, unwrapWithPassword } from '../../electron/services/storage/registry/keyfile';
import { checkIntegrity } from '../../electron/services/storage/registry/integrity';
import { Registry } from '../../electron/services/storage/registry/registry';
import { benchPassword, BenchHost, openOptionsFor, servicesMemory, stopServicesProcess, type Mode } from './host';
import { benchFolder, bestOf, PeakMemory, ratio, timed, watchingEventLoop } from './measure';
import { memberLatencies, memberQueries, type MemberLatencies, type MemberQueries } from './members';
import { benchUi, uiQueries } from './ui';

export interface BenchOptions {
  seed: number;
  /** Fewer samples and no documents: for the test of the output's shape. */
  quick: boolean;
}

interface CommuneRun {
  databaseFile: string;
  setupMs: number;
  unlockMs: number;
  openMs: number;
  keyDerivationMs: number;
  latencies: MemberLatencies;
  reportMs: number;
  exportMs: number;
  backupMs: number;
  /** The longest wait of this thread's event loop while the host exported the report file and made a backup. */
  eventLoopMaxDelayMs: number;
  packageBytes: Uint8Array;
}

/**
 * Unlocking: the key derivation (scrypt, the same work in both modes) timed apart from opening the
 * file with the key and its quick check, and the whole sign-in as the application does it.
 */
async function unlockTimes(databaseFile: string, mode: Mode, runs: number) {
  const keyfile = await readKeyfile(keyfilePathFor(databaseFile));
  const entry = findUserEntry(keyfile, demoAdministrator.username)!;
  let key: Buffer | null = null;
  const keyDerivationMs = await bestOf(runs, async () => {
    key = await unwrapWithPassword(keyfile, entry, benchPassword);
  });
  const openMs = await bestOf(runs, () => {
    const opened = openRegistryDatabase(databaseFile, key!, openOptionsFor(mode));
    checkIntegrity(opened.sqlite, 'quick');
    opened.sqlite.close();
  });
  const unlockMs = await bestOf(runs, async () =>
    (await Registry.unlock(databaseFile, demoAdministrator.username, benchPassword, openOptionsFor(mode))).close(),
  );
  return { keyDerivationMs, openMs, unlockMs };
}

async function communeRun(
  mode: Mode,
  options: BenchOptions,
  queries: MemberQueries | null,
): Promise<CommuneRun & { queries: MemberQueries }> {
  const databaseFile = path.join(benchFolder('commune'), 'xa.db');
  const setup = await timed(() =>
    communeDemo(databaseFile, { seed: options.seed, password: benchPassword, openOptions: openOptionsFor(mode) }),
  );
  const { keyDerivationMs, openMs, unlockMs } = await unlockTimes(databaseFile, mode, options.quick ? 1 : 3);
  const host = await BenchHost.open(databaseFile, mode);
  try {
    const period = demoPeriod(civilDateInVietnam(new Date()));
    const chosen =
      queries ?? memberQueries((await host.call('members.search', { limit: 500 })).rows, options.quick ? 20 : 100, options.seed);
    const latencies = await memberLatencies(host, chosen, options.quick ? 20 : 100);
    const reportMs = await bestOf(options.quick ? 2 : 5, () => host.call('reports.get', { period }));
    const exported = await watchingEventLoop(() =>
      timed(() =>
        host.call('packages.export', { period, encryptToParent: false, includeDocuments: !options.quick, jobId: newId() }),
      ),
    );
    const backup = await watchingEventLoop(() =>
      timed(() => host.call('backup.create', { destination: 'folder', jobId: newId() })),
    );
    return {
      databaseFile,
      queries: chosen,
      setupMs: setup.ms,
      unlockMs,
      openMs,
      keyDerivationMs,
      latencies,
      reportMs,
      exportMs: exported.result.ms,
      backupMs: backup.result.ms,
      eventLoopMaxDelayMs: Math.max(exported.maxDelayMs, backup.maxDelayMs),
      packageBytes: new Uint8Array(Buffer.from(exported.result.result.contentBase64, 'base64')),
    };
  } finally {
    await host.close();
  }
}

/**
 * One commune registry made by `so86 demo --scale commune`: unlocking, listing and searching its
 * members, its report, exporting its signed report file with the documents and verifying it; then
 * the same registry in the renderer.
 */
export async function benchCommune(options: BenchOptions) {
  const memory = new PeakMemory(() => servicesMemory);
  const encrypted = await memory.job('services', () => communeRun('encrypted', options, null));
  const plain = await memory.job('services', () => communeRun('plain', options, encrypted.queries));
  const verifyMs = await bestOf(options.quick ? 2 : 5, () => inspectWithoutRegistry(encrypted.packageBytes));
  const ui = await memory.job('ui', () =>
    benchUi(encrypted.databaseFile, uiQueries(encrypted.queries, options.quick), options.quick),
  );
  await stopServicesProcess();

  const pairs = {
    unlockOpenMs: [encrypted.openMs, plain.openMs],
    listP50Ms: [encrypted.latencies.list.p50Ms, plain.latencies.list.p50Ms],
    searchByNameP50Ms: [encrypted.latencies.searchByName.p50Ms, plain.latencies.searchByName.p50Ms],
    searchByCodeP50Ms: [encrypted.latencies.searchByCode.p50Ms, plain.latencies.searchByCode.p50Ms],
    reportMs: [encrypted.reportMs, plain.reportMs],
    exportMs: [encrypted.exportMs, plain.exportMs],
    backupMs: [encrypted.backupMs, plain.backupMs],
  } as const;
  const sum = (index: 0 | 1) => Object.values(pairs).reduce((total, pair) => total + pair[index], 0);
  return {
    members: encrypted.latencies.members,
    setupMs: { encrypted: encrypted.setupMs, plain: plain.setupMs },
    unlock: {
      keyDerivationMs: encrypted.keyDerivationMs,
      openMs: encrypted.openMs,
      openPlainMs: plain.openMs,
      totalMs: encrypted.unlockMs,
      totalPlainMs: plain.unlockMs,
    },
    latencies: { encrypted: encrypted.latencies, plain: plain.latencies },
    reportMs: { encrypted: encrypted.reportMs, plain: plain.reportMs },
    exportMs: { encrypted: encrypted.exportMs, plain: plain.exportMs, withDocuments: !options.quick },
    backupMs: { encrypted: encrypted.backupMs, plain: plain.backupMs },
    verifyMs,
    eventLoopMaxDelayMs: Math.max(encrypted.eventLoopMaxDelayMs, plain.eventLoopMaxDelayMs),
    overheadByWork: Object.fromEntries(Object.entries(pairs).map(([name, [enc, pl]]) => [name, ratio(enc, pl)])),
    encryptionOverheadRatio: ratio(sum(0), sum(1)),
    ui,
    peakRssMb: memory.peakMb(),
    peakRssMbByJob: memory.byJob,
    benchmarkPeakRssMbByJob: memory.benchmarkByJob,
  };
}
