import { newId } from '@shared/ids';
import type { ReportData } from '@shared/report/data';
import { addDays, type CivilDate, daysBetween, earliest, isAfter } from '@shared/rules/dates';
import type { SeededRandom } from '@shared/seededRandom';
import {
  createKeyCard,
  encodeKeyCard,
  generateOfficeIdentity,
  packageFileName,
  sealPackage,
  type KeyCard,
  type OfficeIdentity,
} from '../../formats/reportFiles';
import { appVersion } from '../../storage/version';
import { generateDemoUnit, type DemoUnitKind, type DemoUnitRef } from './generate';
import { placeName } from './names';
import { codeOf, type Province } from './places';
import { demoReport } from './report';

/** The reporting period the demonstration asks for: from 1 January three years back to the end of last month, as the model report does. */
export function demoPeriod(today: CivilDate): { from: CivilDate; to: CivilDate } {
  const year = Number(today.slice(0, 4));
  return { from: `${year - 3}-01-01`, to: addDays(`${today.slice(0, 7)}-01`, -1) };
}

/** Two weeks after the period, or two days ago if that is sooner, so some units can be shown as late. */
export function demoDeadline(today: CivilDate, period: { to: CivilDate }): CivilDate {
  const deadline = earliest(addDays(period.to, 15), addDays(today, -2));
  return isAfter(period.to, deadline) ? period.to : deadline;
}

export type Submission = 'submitted' | 'late' | 'missing';

export interface CommuneOffice {
  unit: DemoUnitRef;
  identity: OfficeIdentity;
  card: KeyCard;
  cardBytes: Uint8Array;
  cardFileName: string;
  report: ReportData;
  trips: number;
  submission: Submission;
  /** The signed report file, none for a unit that has not reported. */
  package: { fileName: string; bytes: Uint8Array; signedAt: string } | null;
}

export interface CommuneSetSpec {
  random: SeededRandom;
  today: CivilDate;
  province: Province;
  provinceCode: string;
  count: number;
  period: { from: CivilDate; to: CivilDate };
  round: string;
  deadline: CivilDate;
  /** The province's card: each commune encrypts its report to it. */
  recipientCard: KeyCard;
  /** Every commune reports (the benchmark combines all 3,321); otherwise a few have not yet. */
  allReport?: boolean;
}

/** A moment on `day` during office hours in Vietnam (01:00–09:59 UTC). */
function officeHours(random: SeededRandom, day: CivilDate): string {
  return `${day}T0${random.between(1, 9)}:${String(random.between(0, 59)).padStart(2, '0')}:00.000Z`;
}

/** The day the unit signed: between the end of the period and the deadline, or after the deadline for a late one; null when that is not possible yet. */
function signingDay(random: SeededRandom, late: boolean, spec: CommuneSetSpec): CivilDate | null {
  const lastDay = addDays(spec.today, -1);
  if (late)
    return isAfter(lastDay, spec.deadline)
      ? addDays(spec.deadline, random.between(1, daysBetween(spec.deadline, lastDay)))
      : null;
  const first = addDays(spec.period.to, 1);
  const last = earliest(spec.deadline, lastDay);
  return isAfter(first, last) ? last : addDays(first, random.int(daysBetween(first, last) + 1));
}

/**
 * The communes of one province as the province receives them: each with its own keys and key
 * card, its records made up and counted in memory (never written to a database), and its report
 * sealed as a genuine signed package encrypted to the province. A few have not reported yet and
 * a few signed after the deadline.
 */
export function communeOffices(spec: CommuneSetSpec, onCommune?: (done: number) => void): CommuneOffice[] {
  const names = new Set<string>();
  const offices: CommuneOffice[] = [];
  for (let index = 0; index < spec.count; index += 1) {
    const random = spec.random.derive(`commune ${index}`);
    const kind: DemoUnitKind = random.chance(0.2) ? 'ward' : 'commune';
    const place = placeName(random, names);
    const unit: DemoUnitRef = {
      code: `${spec.provinceCode}-${codeOf(place)}`.slice(0, 32),
      name: `Đảng ủy ${kind === 'ward' ? 'phường' : 'xã'} ${place}`,
      level: 'commune',
      parentCode: spec.provinceCode,
    };
    const records = generateDemoUnit({
      random: random.derive('records'),
      today: spec.today,
      unit,
      kind,
      place,
      province: spec.province,
      memberCount: random.between(250, 600),
    });
    const report = demoReport(records, spec.period);
    const identity = generateOfficeIdentity(random.derive('keys').bytes);
    const unitRef = { code: unit.code, name: unit.name, level: unit.level };
    const card = createKeyCard({ unit: unitRef, identity, createdAt: `${spec.period.from}T02:00:00.000Z` });
    const wanted = random.weighted<Submission>([
      ['submitted', 90],
      ['late', 7],
      ['missing', spec.allReport ? 0 : 3],
    ]);
    const day = wanted === 'missing' ? null : (signingDay(random, wanted === 'late', spec) ?? signingDay(random, false, spec));
    const submission: Submission = day === null ? 'missing' : isAfter(day, spec.deadline) ? 'late' : 'submitted';
    let sealed: CommuneOffice['package'] = null;
    if (day !== null) {
      const signedAt = officeHours(random, day);
      const bytes = sealPackage({
        kind: 'report',
        unit: unitRef,
        period: spec.period,
        round: spec.round,
        appVersion,
        parts: { 'report.json': new TextEncoder().encode(JSON.stringify(report)) },
        identity,
        recipientCard: spec.recipientCard,
        createdAt: signedAt,
        packageId: newId(Date.parse(signedAt), random.derive('package id').bytes),
        random: random.derive('seal').bytes,
      });
      sealed = { fileName: packageFileName({ unitCode: unit.code, period: spec.period, version: 1 }), bytes, signedAt };
    }
    offices.push({
      unit,
      identity,
      card,
      cardBytes: encodeKeyCard(card),
      cardFileName: `TheKhoa_${unit.code}.json`,
      report,
      trips: records.trips.length,
      submission,
      package: sealed,
    });
    onCommune?.(index + 1);
  }
  return offices;
}
