import path from 'node:path';
import { newId } from '../../shared/ids';
import { civilDateInVietnam } from '../../shared/rules/dates';
import { seededRandom } from '../../shared/seededRandom';
import { communeOffices, demoDeadline, demoPeriod, type CommuneOffice } from '../../electron/services/application/demo/packages';
import { centreUnit, codeOf, provinceCommitteeName, provinces } from '../../electron/services/application/demo/places';
import { demoAdministrator } from '../../electron/services/application/demo/scenarios';
import { reportFor } from '../../electron/services/domain/exchange/combined';
import { currentCard } from '../../electron/services/storage/registry/ownIdentity';
import { exportReportPackage, importPackageFiles, type PackageFile } from '../../electron/services/domain/exchange/transfer';
import { trustCard } from '../../electron/services/domain/exchange/trust';
import { Registry } from '../../electron/services/storage/registry/registry';
import type { BenchOptions } from './commune';
import { benchPassword, BenchHost, openOptionsFor, type Mode } from './host';
import { benchFolder, latency, PeakMemory, ratio, timed, watchingEventLoop, type Latency } from './measure';

interface Office {
  code: string;
  databaseFile: string;
  registry: Registry | null;
  files: PackageFile[];
}

interface NationalRun {
  setupMs: number;
  generationMs: number;
  communePackages: number;
  combineMs: number;
  provinceMs: Latency;
  centreMs: number;
  throughHost: { province: string; packages: number; ms: number; eventLoopMaxDelayMs: number };
}

const filesOf = (offices: readonly CommuneOffice[]): PackageFile[] =>
  offices.flatMap((office) => (office.package ? [{ fileName: office.package.fileName, bytes: office.package.bytes }] : []));

/** Verifies and imports the communes' files, combines the province's report and exports it to the centre. */
function combineProvince(registry: Registry, files: readonly PackageFile[], period: { from: string; to: string }) {
  const refused = importPackageFiles(registry, files).filter((result) => !result.ok);
  if (refused.length > 0) throw new Error(`Refused report files: ${JSON.stringify(refused.slice(0, 2))}`);
  reportFor(registry, period);
  return exportReportPackage(registry, { period, recipient: 'parent', includeDocuments: false });
}

async function nationalRun(mode: Mode, options: BenchOptions): Promise<NationalRun> {
  const folder = benchFolder('national');
  const today = civilDateInVietnam(new Date());
  const period = demoPeriod(today);
  const deadline = demoDeadline(today, period);
  const admin = { ...demoAdministrator, password: benchPassword };
  const chosen = options.quick ? provinces.slice(0, 2).map((province) => ({ ...province, communes: 5 })) : provinces;

  const setup = await timed(async () => {
    const centre = (
      await Registry.create(
        path.join(folder, 'centre.db'),
        { unit: { ...centreUnit, parentCode: null }, admin },
        openOptionsFor(mode),
      )
    ).registry;
    const centreCard = currentCard(centre.db);
    const offices: Office[] = [];
    for (const province of chosen) {
      const code = codeOf(province.name);
      const databaseFile = path.join(folder, `${code}.db`);
      const { registry } = await Registry.create(
        databaseFile,
        { unit: { code, name: provinceCommitteeName(province), level: 'province', parentCode: centreUnit.code }, admin },
        openOptionsFor(mode),
      );
      trustCard(registry, centreCard.cardBytes, centreCard.card.fingerprint);
      const own = currentCard(registry.db);
      trustCard(centre, own.cardBytes, own.card.fingerprint);
      offices.push({ code, databaseFile, registry, files: [] });
    }
    return { centre, offices };
  });
  const { centre, offices } = setup.result;

  // The communes exist only as their signed files: made up and counted in memory, sealed with their own keys, encrypted to their province.
  const generation = await timed(() => {
    for (const [index, province] of chosen.entries()) {
      const office = offices[index]!;
      const communes = communeOffices({
        random: seededRandom(options.seed).derive(`province ${index}`),
        today,
        province,
        provinceCode: office.code,
        count: province.communes,
        period,
        round: '626-CV/BTCTW',
        deadline,
        recipientCard: currentCard(office.registry!.db).card,
        allReport: true,
      });
      office.registry!.write(() => {
        for (const commune of communes) trustCard(office.registry!, commune.cardBytes, commune.card.fingerprint);
      });
      office.files = filesOf(communes);
    }
  });

  // One province goes through the service host, as in the application, to see what the window would feel while it combines.
  const hosted = offices.reduce((largest, office) => (office.files.length > largest.files.length ? office : largest));
  hosted.registry!.close();
  hosted.registry = null;

  const provinceTimes: number[] = [];
  const provinceFiles: PackageFile[] = [];
  let throughHost: NationalRun['throughHost'] = {
    province: hosted.code,
    packages: hosted.files.length,
    ms: 0,
    eventLoopMaxDelayMs: 0,
  };
  const combine = await timed(async () => {
    for (const office of offices) {
      if (office.registry) {
        const { ms, result } = await timed(() => combineProvince(office.registry!, office.files, period));
        provinceTimes.push(ms);
        provinceFiles.push({ fileName: result.fileName, bytes: result.content });
        continue;
      }
      const host = await BenchHost.open(office.databaseFile, mode);
      try {
        const watched = await watchingEventLoop(() =>
          timed(async () => {
            await host.call('packages.importMany', {
              files: office.files.map((file) => ({
                fileName: file.fileName,
                contentBase64: Buffer.from(file.bytes).toString('base64'),
              })),
              jobId: newId(),
            });
            await host.call('reports.get', { period });
            return host.call('packages.export', { period, encryptToParent: true, includeDocuments: false, jobId: newId() });
          }),
        );
        throughHost = {
          province: office.code,
          packages: office.files.length,
          ms: watched.result.ms,
          eventLoopMaxDelayMs: watched.maxDelayMs,
        };
        provinceTimes.push(watched.result.ms);
        provinceFiles.push({
          fileName: watched.result.result.fileName,
          bytes: new Uint8Array(Buffer.from(watched.result.result.contentBase64, 'base64')),
        });
      } finally {
        await host.close();
      }
    }
    return timed(() => {
      importPackageFiles(centre, provinceFiles);
      return reportFor(centre, period);
    });
  });
  const communePackages = offices.reduce((sum, office) => sum + office.files.length, 0);
  for (const office of offices) office.registry?.close();
  centre.close();
  return {
    setupMs: setup.ms,
    generationMs: generation.ms,
    communePackages,
    // The time spent starting the hosted province's service host and signing in there is not combining.
    combineMs: Math.round((provinceTimes.reduce((sum, ms) => sum + ms, 0) + combine.result.ms) * 10) / 10,
    provinceMs: latency(provinceTimes),
    centreMs: combine.result.ms,
    throughHost,
  };
}

/**
 * The whole country: 3,321 communes' signed report files verified and imported by 34 provinces,
 * each province's report combined and sent to the centre, which imports the 34 and combines the
 * national report.
 */
export async function benchNational(options: BenchOptions) {
  const memory = new PeakMemory();
  const encrypted = await memory.job('encrypted', () => nationalRun('encrypted', options));
  const plain = await memory.job('plain', () => nationalRun('plain', options));
  return {
    provinces: options.quick ? 2 : provinces.length,
    communePackages: encrypted.communePackages,
    setupMs: { encrypted: encrypted.setupMs, plain: plain.setupMs },
    generationMs: { encrypted: encrypted.generationMs, plain: plain.generationMs },
    combineMs: { encrypted: encrypted.combineMs, plain: plain.combineMs },
    provinceCombineMs: { encrypted: encrypted.provinceMs, plain: plain.provinceMs },
    centreCombineMs: { encrypted: encrypted.centreMs, plain: plain.centreMs },
    throughHost: { encrypted: encrypted.throughHost, plain: plain.throughHost },
    eventLoopMaxDelayMs: Math.max(encrypted.throughHost.eventLoopMaxDelayMs, plain.throughHost.eventLoopMaxDelayMs),
    encryptionOverheadRatio: ratio(encrypted.combineMs, plain.combineMs),
    peakRssMb: memory.peakMb(),
  };
}
