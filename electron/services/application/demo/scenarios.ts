import { existsSync, promises as fs } from 'node:fs';
import path from 'node:path';
import type { OpenOptions } from '@db/connection';
import { RoundInput } from '@shared/contract/exchange';
import type { UnitLevel } from '@shared/domain/enums';
import { trainingAccount } from '@shared/domain/training';
import { DomainError } from '@shared/errors';
import { translate } from '@shared/i18n';
import { addDays, type CivilDate, civilDateInVietnam, earliest } from '@shared/rules/dates';
import { seededRandom, type SeededRandom } from '@shared/seededRandom';
import { appendAudit } from '../../storage/audit';
import { currentCard } from '../../storage/registry/ownIdentity';
import { exportRoundRequest, listRounds, saveRound } from '../../domain/exchange/rounds';
import { exportReportPackage, importPackageFiles } from '../../domain/exchange/transfer';
import { trustCard } from '../../domain/exchange/trust';
import { Registry } from '../../storage/registry/registry';
import { placeOf } from '@shared/report/issuer';
import { generateDemoUnit, type DemoUnitKind, type DemoUnitRef } from './generate';
import { placeName } from './names';
import { communeOffices, demoDeadline, demoPeriod, type CommuneOffice } from './packages';
import { centreUnit, codeOf, provinceCommitteeName, provinces, type Province } from './places';
import { writeDemoUnit, type DemoCounts } from './write';

export const demoScales = ['commune', 'province', 'national'] as const;
export type DemoScale = (typeof demoScales)[number];

export type DemoPhase = 'unit' | 'communes' | 'import' | 'provinces';

export interface DemoOptions {
  seed: number;
  /** The password of the administrator account of every registry made, or of the registry filled. */
  password: string;
  /** The day the records are made up to: today in Vietnam unless given. */
  today?: CivilDate;
  onProgress?: (phase: DemoPhase, done: number, total: number) => void;
  /** How the registries are opened; the benchmark uses it to compare with an unencrypted database. */
  openOptions?: OpenOptions;
}

/** The administrator account of every registry the demonstration creates. */
export const demoAdministrator = { username: trainingAccount.username, displayName: 'Quản trị viên' };

export interface UnitDemoResult {
  databaseFile: string;
  unit: DemoUnitRef;
  /** Shown once when the registry was created here; null when an existing registry was filled. */
  recoveryKey: string | null;
  counts: DemoCounts;
}

export interface ProvinceDemoResult extends UnitDemoResult {
  communesFolder: string;
  communes: number;
  imported: number;
  submitted: number;
  late: number;
  missing: number;
  period: { from: CivilDate; to: CivilDate };
}

export interface NationalDemoResult {
  folder: string;
  centreFile: string;
  provincesFolder: string;
  packagesFolder: string;
  recoveryKeysFile: string;
  provinces: number;
  communes: number;
  communePackages: number;
  period: { from: CivilDate; to: CivilDate };
}

const levelOf: Record<Exclude<DemoScale, 'national'>, UnitLevel> = { commune: 'commune', province: 'province' };

/** A new registry for the unit, or the existing one at that path when it is of the right level and still empty. */
async function openForDemo(
  databaseFile: string,
  unit: DemoUnitRef,
  scale: Exclude<DemoScale, 'national'>,
  options: DemoOptions,
): Promise<{ registry: Registry; recoveryKey: string | null }> {
  if (!Registry.exists(databaseFile)) {
    const created = await Registry.create(
      databaseFile,
      { unit, admin: { ...demoAdministrator, password: options.password } },
      options.openOptions,
    );
    return created;
  }
  const registry = await Registry.unlock(databaseFile, null, options.password, options.openOptions);
  // Filling an existing registry is an administrator's decision, like every other write to it.
  if (registry.user.role !== 'administrator') {
    registry.write((db) => appendAudit(db, registry.actor, { action: 'demo.fill', entity: 'registry', outcome: 'refused' }));
    registry.close();
    throw new DomainError('FORBIDDEN', {
      role: translate('vi', `role.${registry.user.role}`),
      needed: `“${translate('vi', 'role.administrator')}”`,
    });
  }
  const own = registry.ownUnit();
  const counts = registry.counts();
  if (own.level !== levelOf[scale]) {
    registry.close();
    throw new DomainError('DEMO_LEVEL_MISMATCH', { level: own.level, expected: levelOf[scale], scale });
  }
  if (counts.members! > 0 || counts.importedPackages! > 0) {
    registry.close();
    throw new DomainError('DEMO_NOT_EMPTY', { path: databaseFile });
  }
  return { registry, recoveryKey: null };
}

function ownUnitRef(registry: Registry): DemoUnitRef {
  const unit = registry.ownUnit();
  return { code: unit.code, name: unit.name, level: unit.level, parentCode: unit.parentCode };
}

function todayOf(options: DemoOptions): CivilDate {
  return options.today ?? civilDateInVietnam(new Date());
}

/**
 * One commune (or ward) with a few hundred members, years of trips in every state of their life,
 * overdue return reports, an overstay, transfers, exemptions, labour-export transfers, marriages
 * to foreigners and the committee's documents — written into the registry at `databaseFile`,
 * which is created unless it exists already (then it must be a commune's and still empty).
 */
export async function communeDemo(databaseFile: string, options: DemoOptions): Promise<UnitDemoResult> {
  const random = seededRandom(options.seed);
  const province = random.pick(provinces);
  const kind: DemoUnitKind = random.chance(0.25) ? 'ward' : 'commune';
  const place = placeName(random, new Set());
  const proposed: DemoUnitRef = {
    code: codeOf(place),
    name: `Đảng ủy ${kind === 'ward' ? 'phường' : 'xã'} ${place}`,
    level: 'commune',
    parentCode: codeOf(province.name),
  };
  const { registry, recoveryKey } = await openForDemo(databaseFile, proposed, 'commune', options);
  try {
    const unit = ownUnitRef(registry);
    const records = generateDemoUnit({
      random: random.derive('records'),
      today: todayOf(options),
      unit,
      kind: /phường/i.test(unit.name) ? 'ward' : 'commune',
      place: placeOf(unit.name),
      province,
      memberCount: random.between(300, 500),
      showcase: true,
    });
    options.onProgress?.('unit', 0, 1);
    const counts = writeDemoUnit(registry, records, { seed: options.seed, scale: 'commune' });
    options.onProgress?.('unit', 1, 1);
    return { databaseFile, unit, recoveryKey, counts };
  } finally {
    registry.close();
  }
}

/** Where the communes' key cards and report files of the province scale go: beside the registry. */
function communesFolderOf(databaseFile: string): string {
  return `${databaseFile.replace(/\.db$/i, '')}-communes`;
}

function provinceUnitRef(province: Province): DemoUnitRef {
  return { code: codeOf(province.name), name: provinceCommitteeName(province), level: 'province', parentCode: centreUnit.code };
}

/** The province's own records: the cadres it manages directly, mostly on official trips. */
function writeProvinceRecords(
  registry: Registry,
  random: SeededRandom,
  province: Province,
  today: CivilDate,
  seed: number,
): DemoCounts {
  const records = generateDemoUnit({
    random: random.derive('records'),
    today,
    unit: ownUnitRef(registry),
    kind: 'province',
    place: province.name,
    province,
    memberCount: random.between(100, 150),
  });
  return writeDemoUnit(registry, records, { seed, scale: 'province' });
}

/** The round a level asks of the level below: the reference of its letter, the period, the deadline. */
function askForReports(
  registry: Registry,
  random: SeededRandom,
  suffix: string,
  period: { from: CivilDate; to: CivilDate },
  deadline: CivilDate,
  today: CivilDate,
) {
  return saveRound(
    registry,
    RoundInput.parse({
      ref: `${random.between(100, 900)}-CV/${suffix}`,
      title: 'Báo cáo kết quả thực hiện Quy định số 86-QĐ/TW về quản lý đảng viên ở nước ngoài',
      refDate: earliest(addDays(period.to, 1), today),
      periodFrom: period.from,
      periodTo: period.to,
      deadline,
    }),
  );
}

async function writeOffices(folder: string, offices: readonly CommuneOffice[]): Promise<void> {
  await fs.mkdir(folder, { recursive: true });
  for (const office of offices) {
    await fs.writeFile(path.join(folder, office.cardFileName), office.cardBytes);
    if (office.package) await fs.writeFile(path.join(folder, office.package.fileName), office.package.bytes);
  }
}

/** Trusts every commune's card (its fingerprint checked, as read over the phone) and imports every report file that came in. */
function receiveCommunes(
  registry: Registry,
  offices: readonly CommuneOffice[],
  onProgress?: (done: number, total: number) => void,
): number {
  registry.write(() => {
    for (const office of offices) trustCard(registry, office.cardBytes, office.card.fingerprint);
  });
  const files = offices.flatMap((office) =>
    office.package ? [{ fileName: office.package.fileName, bytes: office.package.bytes }] : [],
  );
  const results = importPackageFiles(registry, files, onProgress);
  const refused = results.filter((result) => !result.ok);
  if (refused.length > 0) throw new Error(`Demonstration report files were refused: ${JSON.stringify(refused.slice(0, 3))}`);
  return results.length;
}

/**
 * A province registry with its own records and about a hundred communes: each commune has its
 * own keys and its report, counted from made-up records in memory, sealed as a genuine signed
 * file encrypted to the province. The province trusts every commune's card and imports the
 * files; a few communes are late and a few have not reported. The cards and files are also
 * written to `communesFolderOf(databaseFile)`.
 */
export async function provinceDemo(
  databaseFile: string,
  options: DemoOptions & { communes?: number },
): Promise<ProvinceDemoResult> {
  const random = seededRandom(options.seed);
  const province = random.pick(provinces);
  const today = todayOf(options);
  const { registry, recoveryKey } = await openForDemo(databaseFile, provinceUnitRef(province), 'province', options);
  try {
    const unit = ownUnitRef(registry);
    options.onProgress?.('unit', 0, 1);
    const counts = writeProvinceRecords(registry, random, province, today, options.seed);
    options.onProgress?.('unit', 1, 1);
    const period = demoPeriod(today);
    const deadline = demoDeadline(today, period);
    const round = askForReports(registry, random, 'TU', period, deadline, today);
    const count = options.communes ?? 100;
    const offices = communeOffices(
      {
        random: random.derive('communes'),
        today,
        province,
        provinceCode: unit.code,
        count,
        period,
        round: round.ref,
        deadline,
        recipientCard: currentCard(registry.db).card,
      },
      (done) => options.onProgress?.('communes', done, count),
    );
    const communesFolder = communesFolderOf(databaseFile);
    await writeOffices(communesFolder, offices);
    const imported = receiveCommunes(registry, offices, (done, total) => options.onProgress?.('import', done, total));
    return {
      databaseFile,
      unit,
      recoveryKey,
      counts,
      communesFolder,
      communes: offices.length,
      imported,
      submitted: offices.filter((office) => office.submission === 'submitted').length,
      late: offices.filter((office) => office.submission === 'late').length,
      missing: offices.filter((office) => office.submission === 'missing').length,
      period,
    };
  } finally {
    registry.close();
  }
}

/**
 * The whole country: 3,321 communes' signed report files feeding 34 provincial registries, each
 * of which imports them and sends its own combined report to the registry of the Central
 * Organisation Commission. The communes are never databases: their records are made up and
 * counted in memory and only their signed files exist. `folder` must be empty or new.
 */
export async function nationalDemo(folder: string, options: DemoOptions): Promise<NationalDemoResult> {
  if (existsSync(folder) && (await fs.readdir(folder)).length > 0)
    throw new DomainError('DEMO_FOLDER_NOT_EMPTY', { path: folder });
  const random = seededRandom(options.seed);
  const today = todayOf(options);
  const period = demoPeriod(today);
  const communeDeadline = demoDeadline(today, period);
  const provincesFolder = path.join(folder, 'provinces');
  const packagesFolder = path.join(folder, 'packages');
  await fs.mkdir(provincesFolder, { recursive: true });
  const centreFile = path.join(folder, 'centre.db');
  const admin = { ...demoAdministrator, password: options.password };
  const centre = await Registry.create(centreFile, { unit: { ...centreUnit, parentCode: null }, admin }, options.openOptions);
  const recoveryKeys: Record<string, string> = { [centreUnit.code]: centre.recoveryKey };
  let communePackages = 0;
  try {
    const centreRound = askForReports(centre.registry, random, 'BTCTW', period, addDays(today, 10), today);
    const request = exportRoundRequest(centre.registry, centreRound.id);
    const centreCard = currentCard(centre.registry.db);
    const provinceFiles: { fileName: string; bytes: Uint8Array }[] = [];
    for (const [index, province] of provinces.entries()) {
      options.onProgress?.('provinces', index, provinces.length);
      const provinceRandom = random.derive(`province ${index}`);
      const unit = provinceUnitRef(province);
      const created = await Registry.create(path.join(provincesFolder, `${unit.code}.db`), { unit, admin }, options.openOptions);
      recoveryKeys[unit.code] = created.recoveryKey;
      const registry = created.registry;
      try {
        trustCard(registry, centreCard.cardBytes, centreCard.card.fingerprint);
        const own = currentCard(registry.db);
        trustCard(centre.registry, own.cardBytes, own.card.fingerprint);
        importPackageFiles(registry, [{ fileName: request.fileName, bytes: request.content }]);
        writeProvinceRecords(registry, provinceRandom, province, today, options.seed);
        const round = askForReports(registry, provinceRandom, 'TU', period, communeDeadline, today);
        const offices = communeOffices(
          {
            random: provinceRandom.derive('communes'),
            today,
            province,
            provinceCode: unit.code,
            count: province.communes,
            period,
            round: round.ref,
            deadline: communeDeadline,
            recipientCard: own.card,
          },
          (done) => options.onProgress?.('communes', done, province.communes),
        );
        await writeOffices(path.join(packagesFolder, unit.code), offices);
        communePackages += receiveCommunes(registry, offices);
        // The province answers the centre's request, which its import turned into a round of its own registry.
        const receivedRound = listRounds(registry).find((candidate) => !candidate.isOwn);
        const exported = await exportReportPackage(registry, {
          period,
          roundId: receivedRound?.id ?? null,
          recipient: 'parent',
          includeDocuments: false,
        });
        await fs.writeFile(path.join(provincesFolder, exported.fileName), exported.content);
        provinceFiles.push({ fileName: exported.fileName, bytes: exported.content });
      } finally {
        registry.close();
      }
    }
    options.onProgress?.('provinces', provinces.length, provinces.length);
    importPackageFiles(centre.registry, provinceFiles);
  } finally {
    centre.registry.close();
  }
  const recoveryKeysFile = path.join(folder, 'recovery-keys.json');
  await fs.writeFile(recoveryKeysFile, `${JSON.stringify(recoveryKeys, null, 2)}\n`, { mode: 0o600 });
  return {
    folder,
    centreFile,
    provincesFolder,
    packagesFolder,
    recoveryKeysFile,
    provinces: provinces.length,
    communes: provinces.reduce((sum, province) => sum + province.communes, 0),
    communePackages,
    period,
  };
}
