import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ActivityEventInput, IssuedDocumentInput, MemberInput, TripInput } from '@shared/contract/registry';
import { PackageDetails } from '@shared/contract/exchange';
import { ReportData } from '@shared/report/data';
import { tripDurationBracket } from '@shared/rules/brackets';
import { deriveStateFromDates } from '@shared/rules/tripMachine';
import { seededRandom } from '@shared/seededRandom';
import { vietnameseLetters } from '@shared/text/letters';
import { checkNationalId } from '@shared/text/nationalId';
import { verifyAuditChain } from '../../storage/audit';
import { completeness } from '../../domain/exchange/combined';
import { createKeyCard, generateOfficeIdentity, verifyPackage } from '../../formats/reportFiles';
import { Registry } from '../../storage/registry/registry';
import { searchTrips } from '../../domain/records/trips';
import { ownReport } from '../../domain/reports/gather';
import { testPassword } from '../../../testkit/registry';
import { generateDemoUnit, type DemoUnit, type DemoUnitSpec } from './generate';
import { communeOffices, demoDeadline, demoPeriod } from './packages';
import { codeOf, provinces } from './places';
import { demoReport } from './report';
import { communeDemo, nationalDemo, provinceDemo } from './scenarios';
import { writeDemoUnit } from './write';

const today = '2026-05-20';
const anGiang = provinces.find((province) => province.name === 'An Giang')!;

function commune(seed: number, overrides: Partial<DemoUnitSpec> = {}): DemoUnit {
  return generateDemoUnit({
    random: seededRandom(seed),
    today,
    unit: { code: 'VINHTRACH', name: 'Đảng ủy xã Vĩnh Trạch', level: 'commune', parentCode: 'ANGIANG' },
    kind: 'commune',
    place: 'Vĩnh Trạch',
    province: anGiang,
    memberCount: 420,
    ...overrides,
  });
}

const freshFile = (prefix: string) => path.join(mkdtempSync(path.join(tmpdir(), prefix)), 'so86.db');

describe('made-up records of a commune', () => {
  const units = Array.from({ length: 30 }, (_, index) =>
    commune(1000 + index, { province: provinces[index % provinces.length]!, kind: index % 5 === 0 ? 'ward' : 'commune' }),
  );
  const members = units.flatMap((unit) => unit.members);
  const trips = units.flatMap((unit) => unit.trips);

  it('are the same for the same seed and day, and different for another seed', () => {
    expect(commune(86)).toEqual(commune(86));
    expect(commune(87).members.map((member) => member.input.fullName)).not.toEqual(
      commune(86).members.map((member) => member.input.fullName),
    );
    expect(commune(86, { today: '2026-06-20' }).trips).not.toEqual(commune(86).trips);
  });

  it('hold exactly what the forms would accept', () => {
    for (const unit of units.slice(0, 5)) {
      for (const member of unit.members) expect(MemberInput.parse(member.input)).toEqual(member.input);
      for (const trip of unit.trips) expect(TripInput.parse(trip.input)).toEqual(trip.input);
      for (const event of unit.events) expect(ActivityEventInput.parse(event.input)).toEqual(event.input);
      for (const document of unit.issuedDocuments) expect(IssuedDocumentInput.parse(document)).toEqual(document);
    }
  });

  it('write names in Vietnamese with their marks, in NFC, family names in their usual shares', () => {
    const letters = new Set(vietnameseLetters);
    const misspelt = members
      .map((member) => member.input.fullName)
      .filter(
        (name) =>
          name !== name.normalize('NFC') ||
          name.split(' ').length < 3 ||
          [...name.toLowerCase().replace(/ /g, '')].some((letter) => !/^[a-z]$/.test(letter) && !letters.has(letter)),
      );
    expect(misspelt).toEqual([]);
    const share = (family: string) =>
      members.filter((member) => member.input.fullName.startsWith(`${family} `)).length / members.length;
    expect(share('Nguyễn')).toBeGreaterThan(0.33);
    expect(share('Nguyễn')).toBeLessThan(0.43);
    expect(share('Trần')).toBeGreaterThan(0.08);
    expect(share('Lê')).toBeGreaterThan(0.07);
    expect(members.some((member) => /[ăâđêôơư]/i.test(member.input.fullName))).toBe(true);
    expect(
      members.filter((member) => member.input.gender === 'female').every((member) => !/ Văn /.test(member.input.fullName)),
    ).toBe(true);
    expect(
      members.filter((member) => member.input.gender === 'male').every((member) => !/ Thị /.test(member.input.fullName)),
    ).toBe(true);
  });

  it('give every member a CCCD number that agrees with the birth year and gender, unique in the unit', () => {
    for (const unit of units) {
      const numbers = unit.members.map((member) => member.input.nationalId!);
      expect(new Set(numbers).size).toBe(numbers.length);
      for (const member of unit.members) {
        expect(
          checkNationalId(member.input.nationalId!, {
            birthYear: Number(member.input.birthDate!.slice(0, 4)),
            gender: member.input.gender!,
          }),
        ).toEqual([]);
      }
    }
  });

  it('have mostly short private and official trips, in the model report’s proportions', () => {
    const permitted = trips.filter((trip) => trip.record.approvalDate !== null);
    const share = (test: (trip: (typeof trips)[number]) => boolean) => permitted.filter(test).length / permitted.length;
    expect(permitted.length).toBeGreaterThan(units.length * 15);
    expect(share((trip) => tripDurationBracket(trip.record) === 'under1m')).toBeGreaterThan(0.78);
    expect(share((trip) => tripDurationBracket(trip.record) === 'over12m')).toBeLessThan(0.05);
    expect(share((trip) => trip.input.purpose === 'official')).toBeGreaterThan(0.15);
    expect(share((trip) => ['tourism', 'family_visit', 'medical', 'other_private'].includes(trip.input.purpose))).toBeGreaterThan(
      0.5,
    );
    expect(share((trip) => trip.input.purpose === 'study' || trip.input.purpose === 'labour')).toBeLessThan(0.15);
    expect(
      share(
        (trip) =>
          trip.input.purpose === 'family_visit' &&
          trip.input.countries.some((country) => ['KR', 'JP', 'TW', 'US'].includes(country)),
      ),
    ).toBeGreaterThan(0.1);
    const borderPasses = trips.filter((trip) => trip.input.travelDocumentKind === 'border_pass');
    expect(borderPasses.length).toBeGreaterThan(0);
    expect(borderPasses.every((trip) => trip.input.countries.every((country) => ['LA', 'KH', 'CN'].includes(country)))).toBe(
      true,
    );
  });

  it('walk each trip through the state machine, so its state is the one its dates give', () => {
    for (const trip of trips) {
      const [first] = trip.steps;
      if (first) expect(first.fromState).toBe('draft');
      for (const [index, step] of trip.steps.entries())
        if (index > 0) expect(step.fromState).toBe(trip.steps[index - 1]!.toState);
      expect(trip.record.state).toBe(trip.steps.at(-1)?.toState ?? 'draft');
      if (!['rejected', 'cancelled', 'closed'].includes(trip.record.state))
        expect(deriveStateFromDates(trip.record)).toBe(trip.record.state);
      for (const date of [
        trip.record.applicationDate,
        trip.record.approvalDate,
        trip.record.actualDeparture,
        trip.record.actualReturn,
        trip.record.returnReportDate,
      ]) {
        if (date) expect(date <= today).toBe(true);
      }
    }
    const states = new Set(trips.map((trip) => trip.record.state));
    for (const state of ['draft', 'submitted', 'approved', 'rejected', 'cancelled', 'departed', 'returned', 'reported', 'closed'])
      expect(states).toContain(state);
  });

  it('shows every rare case in the commune-scale demonstration', () => {
    const showcase = commune(86, { showcase: true });
    expect(showcase.trips.some((trip) => trip.record.state === 'unauthorised_stay')).toBe(true);
    expect(showcase.trips.some((trip) => trip.record.state === 'extended')).toBe(true);
    expect(showcase.trips.filter((trip) => trip.record.labourExportTransfer).length).toBeGreaterThanOrEqual(1);
    expect(showcase.events.filter((event) => event.input.kind === 'labour_export_transfer').length).toBeGreaterThanOrEqual(1);
    expect(
      showcase.events.filter((event) => event.input.kind === 'foreign_marriage').map((event) => event.input.marriageOutcome),
    ).toContain('pending');
    expect(showcase.trips.some((trip) => trip.record.state === 'returned' && trip.record.returnReportDate === null)).toBe(true);
    expect(
      showcase.events.some((event) =>
        ['temporary_transfer_out', 'official_transfer_out', 'exemption'].includes(event.input.kind),
      ),
    ).toBe(true);
    expect(showcase.issuedDocuments.length).toBeGreaterThan(0);
  });
});

describe('a made-up commune written into an encrypted registry', () => {
  let registry: Registry;
  let unit: DemoUnit;
  const todayNow = new Date().toISOString().slice(0, 10);

  beforeAll(async () => {
    ({ registry } = await Registry.create(freshFile('so86-demo-'), {
      unit: { code: 'VINHTRACH', name: 'Đảng ủy xã Vĩnh Trạch', level: 'commune', parentCode: 'ANGIANG' },
      admin: { username: 'admin', displayName: 'Quản trị viên', password: testPassword },
    }));
    unit = generateDemoUnit({
      random: seededRandom(5),
      today: todayNow,
      unit: { code: 'VINHTRACH', name: 'Đảng ủy xã Vĩnh Trạch', level: 'commune', parentCode: 'ANGIANG' },
      kind: 'commune',
      place: 'Vĩnh Trạch',
      province: anGiang,
      memberCount: 350,
      showcase: true,
    });
    writeDemoUnit(registry, unit);
  });

  afterAll(() => registry.close());

  it('counts the same report from the registry as from the records in memory', () => {
    const period = demoPeriod(todayNow);
    expect(ownReport(registry, period)).toEqual(demoReport(unit, period));
    expect(ownReport(registry, period).figures.permitted).toBeGreaterThan(0);
  });

  it('keeps every record, the trips’ histories and an audit chain that verifies', () => {
    expect(registry.counts()).toMatchObject({
      members: unit.members.length,
      trips: unit.trips.length,
      partyActivityEvents: unit.events.length,
      issuedDocuments: unit.issuedDocuments.length,
    });
    const history = registry.sqlite.prepare('SELECT count(*) AS n FROM trip_events').get() as { n: number };
    expect(history.n).toBe(unit.trips.reduce((sum, trip) => sum + trip.steps.length, 0));
    expect(verifyAuditChain(registry)).toMatchObject({ ok: true });
  });

  it('shows the office overdue return reports and an overstay to deal with', () => {
    expect(searchTrips(registry, { flag: 'return_report_overdue', offset: 0, limit: 10 }).total).toBeGreaterThan(0);
    expect(searchTrips(registry, { flag: 'overstay_without_extension', offset: 0, limit: 10 }).total).toBeGreaterThan(0);
  });
});

describe('the communes’ signed report files', () => {
  const provinceIdentity = generateOfficeIdentity(seededRandom(1).bytes);
  const province = createKeyCard({
    unit: { code: 'ANGIANG', name: 'Tỉnh ủy An Giang', level: 'province' },
    identity: provinceIdentity,
  });
  const period = demoPeriod(today);
  const offices = communeOffices({
    random: seededRandom(9),
    today,
    province: anGiang,
    provinceCode: 'ANGIANG',
    count: 12,
    period,
    round: '12-CV/TU',
    deadline: demoDeadline(today, period),
    recipientCard: province,
  });

  it('each verify as signed by its commune’s own key and open only for the province', () => {
    const sealed = offices.filter((office) => office.package);
    expect(sealed.length).toBeGreaterThan(8);
    for (const office of sealed) {
      const verified = verifyPackage(office.package!.bytes, {
        lookupSigner: (fingerprint) =>
          fingerprint === office.card.fingerprint
            ? { signingPublicKey: office.card.signingPublicKey, revoked: false, unitCode: office.unit.code }
            : null,
        receiver: { fingerprint: province.fingerprint, encryptionPrivateKey: provinceIdentity.encryptionPrivateKey },
        detailsSchema: PackageDetails,
      });
      expect(verified.encrypted).toBe(true);
      expect(ReportData.parse(verified.report)).toEqual(office.report);
      expect(verified.manifest.unit.code).toBe(office.unit.code);
    }
    expect(new Set(offices.map((office) => office.card.fingerprint)).size).toBe(offices.length);
  });

  it('come out the same for the same seed', () => {
    const again = communeOffices({
      random: seededRandom(9),
      today,
      province: anGiang,
      provinceCode: 'ANGIANG',
      count: 12,
      period,
      round: '12-CV/TU',
      deadline: demoDeadline(today, period),
      recipientCard: province,
    });
    expect(again.map((office) => [office.unit.code, office.card.fingerprint, office.report, office.package?.bytes])).toEqual(
      offices.map((office) => [office.unit.code, office.card.fingerprint, office.report, office.package?.bytes]),
    );
  });
});

describe('the demonstration scales', () => {
  it('fill a new commune registry, and refuse one that already has records', async () => {
    const databaseFile = freshFile('so86-demo-commune-');
    const result = await communeDemo(databaseFile, { seed: 3, password: testPassword });
    expect(result.recoveryKey).toMatch(/^([0-9A-Z]{4}-){7}[0-9A-Z]{4}$/);
    expect(result.counts.members).toBeGreaterThanOrEqual(300);
    await expect(communeDemo(databaseFile, { seed: 3, password: testPassword })).rejects.toMatchObject({
      code: 'DEMO_NOT_EMPTY',
    });
    await expect(provinceDemo(databaseFile, { seed: 3, password: testPassword })).rejects.toMatchObject({
      code: 'DEMO_LEVEL_MISMATCH',
    });
  });

  it('give a province the communes’ report files, trusted and imported, with some late and some missing', async () => {
    const databaseFile = freshFile('so86-demo-province-');
    const result = await provinceDemo(databaseFile, { seed: 4, password: testPassword, communes: 30 });
    expect(result.communes).toBe(30);
    expect(result.imported).toBe(result.submitted + result.late);
    expect(readdirSync(result.communesFolder).filter((name) => name.endsWith('.so86'))).toHaveLength(result.imported);
    const registry = await Registry.unlock(databaseFile, 'admin', testPassword);
    try {
      const status = completeness(registry, result.period);
      expect(status.units).toHaveLength(30);
      expect([status.submitted, status.late, status.missing]).toEqual([result.submitted, result.late, result.missing]);
      expect(registry.ownUnit().code).toBe(codeOf(registry.ownUnit().name.replace(/^(Tỉnh|Thành) ủy /, '')));
    } finally {
      registry.close();
    }
  });

  it('refuse to make the national set in a folder that has files', async () => {
    const folder = mkdtempSync(path.join(tmpdir(), 'so86-demo-national-'));
    writeFileSync(path.join(folder, 'notes.txt'), 'x');
    await expect(nationalDemo(folder, { seed: 1, password: testPassword })).rejects.toMatchObject({
      code: 'DEMO_FOLDER_NOT_EMPTY',
    });
  });
});
