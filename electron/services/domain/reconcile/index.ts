import { createHash } from 'node:crypto';
import { and, eq, inArray, isNull } from 'drizzle-orm';
import { members, travelDocuments, trips } from '@db/schema';
import type { CreateTripFromCrossing, RecordCrossingDates } from '@shared/contract/reconcile';
import { TripInput, type TripDetail } from '@shared/contract/registry';
import type { TripState } from '@shared/domain/enums';
import { DomainError } from '@shared/errors';
import { newId } from '@shared/ids';
import { translate, type MessageKey, type MessageParams } from '@shared/i18n';
import { crossingColumns } from '@shared/reconcile/columns';
import {
  memberIdentifier,
  reconcile,
  type CrossingRow,
  type MatchKind,
  type ReconcileMember,
  type ReconcileResult,
  type ReconcileTrip,
} from '@shared/reconcile/match';
import { formatCivilDate, isAfter, type CivilDate } from '@shared/rules/dates';
import { deriveStateFromDates } from '@shared/rules/tripMachine';
import type { CountryCode } from '@shared/text/countries';
import { decodeNationalId, normaliseNationalId } from '@shared/text/nationalId';
import { appendAudit } from '../../storage/audit';
import { mapHeaderTo } from '../importing/header';
import type { ImportIssue } from '../importing/plan';
import { readSheet, type SheetTable } from '../importing/sheet';
import { parseCell, type ColumnValue } from '../importing/values';
import { invalid, nowIso, ruleContext } from '../records/common';
import { emptyLifeDates, getTrip, replaceCountries, tripFacts, tripIssues, tripValues, type TripRecord } from '../records/trips';
import type { Registry } from '../../storage/registry/registry';

/** The border-crossing list as read: its rows when every row is good, else every problem and no rows. */
export interface CrossingList {
  fileName: string;
  format: SheetTable['format'];
  textEncoding: SheetTable['textEncoding'];
  legacyEncoding: SheetTable['legacy']['encoding'];
  /** How many rows the file has. */
  rowCount: number;
  rows: CrossingRow[];
  issues: ImportIssue[];
}

type RowValues = Record<string, ColumnValue>;

function textOf(values: RowValues, key: string): string | null {
  const value = values[key];
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : null;
}

/**
 * Reads the list with the importer's reading of CSV (every encoding it knows) and XLSX and its
 * headers; each row is checked, and one bad row keeps the whole file from being used.
 */
export async function readCrossingList(fileName: string, content: Uint8Array, today: CivilDate): Promise<CrossingList> {
  const table = await readSheet(fileName, content);
  const header = mapHeaderTo(crossingColumns, fileName, table.header);
  const issues: ImportIssue[] = [];
  const rows: CrossingRow[] = [];
  const headerOf = (key: string) => table.header[header.positions.get(key) ?? -1] ?? key;
  for (const sheetRow of table.rows) {
    const values: RowValues = {};
    const refused = new Set<string>();
    const problem = (key: string, message: MessageKey | string, params: MessageParams = {}) => {
      refused.add(key);
      issues.push({ file: fileName, row: sheetRow.row, column: headerOf(key), key: message, params });
    };
    header.columns.forEach((column, position) => {
      if (!column) return;
      const parsed = parseCell(column, sheetRow.cells[position]);
      if (parsed.ok) values[column.key] = parsed.value;
      else problem(column.key, parsed.key, parsed.params);
    });
    for (const column of crossingColumns) {
      if (column.required && !refused.has(column.key) && (values[column.key] === null || values[column.key] === undefined))
        problem(column.key, 'validation.required');
    }
    const nationalId = textOf(values, 'national_id');
    if (nationalId !== null) {
      const decoded = decodeNationalId(nationalId);
      if (!decoded.ok) problem('national_id', 'reconcile.nationalId', { value: nationalId });
    }
    const date = textOf(values, 'date');
    if (date !== null && isAfter(date, today)) problem('date', 'reconcile.dateInFuture', { value: formatCivilDate(date) });
    const countries = values.country;
    if (Array.isArray(countries) && countries.length > 1) problem('country', 'reconcile.oneCountry', { count: countries.length });
    const documentNumber = textOf(values, 'document_number');
    const birthDate = textOf(values, 'birth_date');
    if (!refused.has('full_name') && nationalId === null && documentNumber === null && birthDate === null)
      problem('full_name', 'reconcile.identityMissing');
    if (refused.size > 0) continue;
    rows.push({
      row: sheetRow.row,
      nationalId: nationalId === null ? null : normaliseNationalId(nationalId),
      fullName: textOf(values, 'full_name')!,
      birthDate,
      direction: values.direction as CrossingRow['direction'],
      date: date!,
      borderGate: textOf(values, 'border_gate'),
      documentType: (values.document_type as CrossingRow['documentType']) ?? null,
      documentNumber,
      country: Array.isArray(countries) ? (countries[0] ?? null) : null,
    });
  }
  return {
    fileName,
    format: table.format,
    textEncoding: table.textEncoding,
    legacyEncoding: table.legacy.encoding,
    rowCount: table.rows.length,
    rows: issues.length > 0 ? [] : rows,
    issues,
  };
}

/** Members still in the unit's care: archived members and those who left, moved or died are not. */
const followedStatuses = ['active', 'exempt'] as const;

function documentNumbersOf(registry: Registry, memberIds: string[]): Map<string, string[]> {
  const numbers = new Map<string, string[]>();
  if (memberIds.length === 0) return numbers;
  const rows = registry.db
    .select({ memberId: travelDocuments.memberId, number: travelDocuments.number })
    .from(travelDocuments)
    .where(inArray(travelDocuments.memberId, memberIds))
    .all();
  for (const row of rows) numbers.set(row.memberId, [...(numbers.get(row.memberId) ?? []), row.number]);
  return numbers;
}

function reconcileMemberOf(
  record: Pick<typeof members.$inferSelect, 'id' | 'code' | 'fullName' | 'birthDate' | 'nationalId'>,
  documentNumbers: string[],
): ReconcileMember {
  return {
    id: record.id,
    code: record.code,
    fullName: record.fullName,
    birthDate: record.birthDate,
    nationalId: record.nationalId,
    documentNumbers,
  };
}

function registryView(registry: Registry): { members: ReconcileMember[]; trips: ReconcileTrip[] } {
  const records = registry.db
    .select({
      id: members.id,
      code: members.code,
      fullName: members.fullName,
      birthDate: members.birthDate,
      nationalId: members.nationalId,
    })
    .from(members)
    .where(and(isNull(members.archivedAt), inArray(members.status, followedStatuses)))
    .all();
  const allDocuments = registry.db
    .select({ memberId: travelDocuments.memberId, number: travelDocuments.number })
    .from(travelDocuments)
    .all();
  const documents = new Map<string, string[]>();
  for (const row of allDocuments) documents.set(row.memberId, [...(documents.get(row.memberId) ?? []), row.number]);
  const tripRows = registry.db
    .select({
      id: trips.id,
      code: trips.code,
      memberId: trips.memberId,
      state: trips.state,
      plannedDeparture: trips.plannedDeparture,
      plannedReturn: trips.plannedReturn,
      actualDeparture: trips.actualDeparture,
      actualReturn: trips.actualReturn,
      extendedReturn: trips.extendedReturn,
    })
    .from(trips)
    .all();
  return { members: records.map((record) => reconcileMemberOf(record, documents.get(record.id) ?? [])), trips: tripRows };
}

export interface Reconciliation {
  list: CrossingList;
  toleranceDays: number;
  /** Null when the file has bad rows. */
  result: ReconcileResult | null;
}

/**
 * Reads the list and compares it with the registry. Nothing of the list is stored; the audit
 * log keeps who reconciled which file (its name and SHA-256) and the counts.
 */
export async function runReconciliation(
  registry: Registry,
  file: { fileName: string; content: Uint8Array },
  toleranceDays: number,
): Promise<Reconciliation> {
  const { today } = ruleContext(registry.db);
  const list = await readCrossingList(file.fileName, file.content, today);
  if (list.issues.length > 0) return { list, toleranceDays, result: null };
  const view = registryView(registry);
  const result = reconcile(list.rows, view.members, view.trips, { toleranceDays, today });
  registry.write((db) =>
    appendAudit(db, registry.actor, {
      action: 'reconcile.run',
      entity: 'reconciliation',
      after: {
        fileName: file.fileName,
        sha256: createHash('sha256').update(file.content).digest('hex'),
        toleranceDays,
        rows: result.rows,
        crossings: result.crossings,
        unreported: result.unreported.length,
        datesDiffer: result.datesDiffer.length,
        stillAbroad: result.stillAbroad.length,
        unmatchedPersons: result.unmatchedPersons,
      },
    }),
  );
  return { list, toleranceDays, result };
}

type ListedPerson = CreateTripFromCrossing['person'];

/** Checks again that the person of the list is this member; a match by name and birth date alone needs the clerk's confirmation. */
function confirmPerson(
  registry: Registry,
  memberId: string,
  person: ListedPerson,
  confirmed: boolean,
): { member: typeof members.$inferSelect; match: MatchKind } {
  const member = registry.db.select().from(members).where(eq(members.id, memberId)).get();
  if (!member) throw invalid([{ path: ['memberId'], key: 'trip.member.unknown' }]);
  const found = memberIdentifier([
    reconcileMemberOf(member, documentNumbersOf(registry, [member.id]).get(member.id) ?? []),
  ]).identify(person);
  if (!found) throw new DomainError('RECONCILE_PERSON_MISMATCH');
  if (found.match === 'nameAndBirthDate' && !confirmed) throw new DomainError('RECONCILE_CONFIRMATION_REQUIRED');
  return { member, match: found.match };
}

/** States a trip's dates move on; later ones (reported, closed) and trips that never went keep theirs. */
const statesFollowingDates: readonly TripState[] = [
  'draft',
  'submitted',
  'approved',
  'departed',
  'extended',
  'unauthorised_stay',
  'returned',
];

function tripNote(today: CivilDate, borderGate: string | null): string {
  const gate = borderGate ? translate('vi', 'reconcile.tripNote.gate', { gate: borderGate }) : '';
  return translate('vi', 'reconcile.tripNote', { date: formatCivilDate(today), gate });
}

/**
 * Creates the trip of an unreported crossing: planned and actual dates from the list, flagged
 * "xuất cảnh không báo cáo" (`unreportedFoundOn`). With only an exit, the planned return is the
 * exit day, so the stay shows as beyond its term until the office records more.
 */
export function createTripFromCrossing(registry: Registry, input: CreateTripFromCrossing & { confirmed: boolean }): TripDetail {
  const { match } = confirmPerson(registry, input.memberId, input.person, input.confirmed);
  if (!input.country) throw new DomainError('RECONCILE_COUNTRY_REQUIRED');
  const { today } = ruleContext(registry.db);
  const departure = input.crossing.exitDate ?? input.crossing.entryDate!;
  const parsed = TripInput.parse({
    memberId: input.memberId,
    purpose: input.purpose,
    countries: [input.country as CountryCode],
    travelDocumentKind: input.documentType,
    plannedDeparture: departure,
    plannedReturn: input.crossing.entryDate ?? departure,
    notes: tripNote(today, input.borderGate),
  });
  const life = { actualDeparture: departure, actualReturn: input.crossing.entryDate, unreportedFoundOn: today };
  const candidate = { ...emptyLifeDates(), ...tripValues(parsed), ...life };
  const record = { ...candidate, state: deriveStateFromDates(tripFacts(candidate as TripRecord)) };
  const issues = tripIssues(registry.db, record, today);
  if (issues.length > 0) throw invalid(issues, 'TRIP_FIELDS_INVALID');
  const id = newId();
  registry.write((db) => {
    const now = nowIso();
    db.insert(trips)
      .values({ id, ...record, createdAt: now, updatedAt: now })
      .run();
    replaceCountries(db, id, parsed.countries);
    appendAudit(db, registry.actor, {
      action: 'reconcile.create_trip',
      entity: 'trip',
      entityId: id,
      after: { ...record, countries: parsed.countries, match, borderGate: input.borderGate },
    });
  });
  return getTrip(registry, id);
}

/** Records on a registered trip the actual dates the list has and the trip lacks or disagrees on. */
export function recordCrossingDates(registry: Registry, input: RecordCrossingDates & { confirmed: boolean }): TripDetail {
  const trip = registry.db.select().from(trips).where(eq(trips.id, input.tripId)).get();
  if (!trip) throw new DomainError('NOT_FOUND');
  const { match } = confirmPerson(registry, trip.memberId, input.person, input.confirmed);
  const changes: Partial<TripRecord> = {};
  if (input.crossing.exitDate !== null && input.crossing.exitDate !== trip.actualDeparture)
    changes.actualDeparture = input.crossing.exitDate;
  if (input.crossing.entryDate !== null && input.crossing.entryDate !== trip.actualReturn)
    changes.actualReturn = input.crossing.entryDate;
  if (Object.keys(changes).length === 0) throw new DomainError('RECONCILE_NOTHING_TO_RECORD');
  const merged = { ...trip, ...changes };
  const state = statesFollowingDates.includes(trip.state) ? deriveStateFromDates(tripFacts(merged)) : trip.state;
  const { today } = ruleContext(registry.db);
  const issues = tripIssues(registry.db, { ...merged, state }, today);
  if (issues.length > 0) throw invalid(issues, 'TRIP_FIELDS_INVALID');
  registry.write((db) => {
    db.update(trips)
      .set({ ...changes, state, updatedAt: nowIso() })
      .where(eq(trips.id, trip.id))
      .run();
    appendAudit(db, registry.actor, {
      action: 'reconcile.record_dates',
      entity: 'trip',
      entityId: trip.id,
      before: trip,
      after: { ...merged, state, match },
    });
  });
  return getTrip(registry, trip.id);
}
