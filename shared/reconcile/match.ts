import { z } from 'zod';
import type { TravelDocumentKind, TripState } from '../domain/enums';
import { permittedReturn } from '../rules/brackets';
import { addDays, compareCivilDates, daysBetween, isAfter, isBefore, realDateOrNull, type CivilDate } from '../rules/dates';
import { foldForSearch } from '../text/fold';
import { normaliseNationalId } from '../text/nationalId';

export const crossingDirections = ['exit', 'entry'] as const;
export const CrossingDirection = z.enum(crossingDirections);
export type CrossingDirection = z.infer<typeof CrossingDirection>;

/** How a person of the list was recognised as a member: the last is weak and never acted on without the clerk's confirmation. */
export const matchKinds = ['nationalId', 'documentNumber', 'nameAndBirthDate'] as const;
export const MatchKind = z.enum(matchKinds);
export type MatchKind = z.infer<typeof MatchKind>;

export const defaultToleranceDays = 2;
export const maximumToleranceDays = 30;

/** One row of the border-crossing list, as read from the file. */
export interface CrossingRow {
  /** The spreadsheet row a person sees. */
  row: number;
  nationalId: string | null;
  fullName: string;
  birthDate: CivilDate | null;
  direction: CrossingDirection;
  date: CivilDate;
  borderGate: string | null;
  documentType: TravelDocumentKind | null;
  documentNumber: string | null;
  /** ISO 3166-1 alpha-2. */
  country: string | null;
}

/** What matching needs to know of a member. */
export interface ReconcileMember {
  id: string;
  code: string;
  fullName: string;
  birthDate: CivilDate | null;
  nationalId: string | null;
  documentNumbers: readonly string[];
}

/** What matching needs to know of a registered trip. */
export interface ReconcileTrip {
  id: string;
  code: string | null;
  memberId: string;
  state: TripState;
  plannedDeparture: CivilDate;
  plannedReturn: CivilDate;
  actualDeparture: CivilDate | null;
  actualReturn: CivilDate | null;
  extendedReturn: CivilDate | null;
}

/** An exit and the entry that ends it, or either alone when the list holds only one of them. */
export interface Crossing {
  exitDate: CivilDate | null;
  entryDate: CivilDate | null;
  country: string | null;
  documentType: TravelDocumentKind | null;
  documentNumber: string | null;
  borderGate: string | null;
  /** The rows of the list it was made of. */
  rows: number[];
}

/** A member's crossing as the lists show it: who, how sure, and the person as the list names them. */
export interface MemberCrossing extends Crossing {
  memberId: string;
  memberCode: string;
  /** The member's name in the registry. */
  fullName: string;
  /** The name, birth date and ID number the list gives, for the clerk to compare. */
  listedName: string;
  listedBirthDate: CivilDate | null;
  listedNationalId: string | null;
  match: MatchKind;
  needsConfirmation: boolean;
}

export interface DatesDiffer extends MemberCrossing {
  tripId: string;
  tripCode: string | null;
  /** `missing`: the trip agrees with the list but lacks dates the list has; `differs`: its dates disagree beyond the tolerance. */
  kind: 'missing' | 'differs';
  recordedDeparture: CivilDate | null;
  recordedReturn: CivilDate | null;
  plannedDeparture: CivilDate;
  plannedReturn: CivilDate;
}

export interface StillAbroad extends MemberCrossing {
  tripId: string;
  tripCode: string | null;
  permittedReturn: CivilDate;
  daysOverdue: number;
}

export interface ReconcileResult {
  unreported: MemberCrossing[];
  datesDiffer: DatesDiffer[];
  stillAbroad: StillAbroad[];
  /** Persons of the list who are not members: counted, nothing else kept. */
  unmatchedPersons: number;
  /** Rows and crossings read, for the summary. */
  rows: number;
  crossings: number;
}

export interface ReconcileOptions {
  toleranceDays: number;
  today: CivilDate;
}

/** Document numbers compared without spaces, dashes or case. */
export function normaliseDocumentNumber(value: string): string {
  return value.replace(/[\s.-]+/g, '').toUpperCase();
}

function nameAndBirthKey(fullName: string, birthDate: CivilDate | null): string | null {
  return birthDate === null ? null : `${foldForSearch(fullName)}|${birthDate}`;
}

function indexBy(
  members: readonly ReconcileMember[],
  keysOf: (member: ReconcileMember) => (string | null)[],
): Map<string, ReconcileMember[]> {
  const index = new Map<string, ReconcileMember[]>();
  for (const member of members) {
    for (const key of new Set(keysOf(member))) if (key) index.set(key, [...(index.get(key) ?? []), member]);
  }
  return index;
}

/** Recognises the person of a row among the members, or says why not (null). */
export interface MemberIdentifier {
  identify(
    person: Pick<CrossingRow, 'nationalId' | 'documentNumber' | 'fullName' | 'birthDate'>,
  ): { member: ReconcileMember; match: MatchKind } | null;
}

/**
 * By citizen ID; else by travel document number; else by name and birth date, which is weak.
 * A member whose recorded ID differs from the row's is never taken by the weaker ways, and a
 * key two members share identifies nobody.
 */
export function memberIdentifier(members: readonly ReconcileMember[]): MemberIdentifier {
  const byNationalId = indexBy(members, (member) => [member.nationalId ? normaliseNationalId(member.nationalId) : null]);
  const byDocument = indexBy(members, (member) => member.documentNumbers.map(normaliseDocumentNumber));
  const byNameAndBirth = indexBy(members, (member) => [nameAndBirthKey(member.fullName, member.birthDate)]);
  const only = (found: ReconcileMember[] | undefined) => (found?.length === 1 ? found[0]! : null);
  return {
    identify(person) {
      const nationalId = person.nationalId ? normaliseNationalId(person.nationalId) : null;
      const compatible = (member: ReconcileMember) =>
        nationalId === null || member.nationalId === null || normaliseNationalId(member.nationalId) === nationalId;
      if (nationalId) {
        const member = only(byNationalId.get(nationalId));
        if (member) return { member, match: 'nationalId' };
      }
      if (person.documentNumber) {
        const member = only(byDocument.get(normaliseDocumentNumber(person.documentNumber)));
        if (member && compatible(member)) return { member, match: 'documentNumber' };
      }
      const key = nameAndBirthKey(person.fullName, person.birthDate);
      const member = key ? only(byNameAndBirth.get(key)) : null;
      if (member && compatible(member)) return { member, match: 'nameAndBirthDate' };
      return null;
    },
  };
}

const matchStrength: Record<MatchKind, number> = { nationalId: 2, documentNumber: 1, nameAndBirthDate: 0 };

function weaker(a: MatchKind, b: MatchKind): MatchKind {
  return matchStrength[a] <= matchStrength[b] ? a : b;
}

/** The key that tells persons of the list apart when they are not members. */
function personKey(row: CrossingRow): string {
  if (row.nationalId) return `id:${normaliseNationalId(row.nationalId)}`;
  if (row.documentNumber) return `document:${normaliseDocumentNumber(row.documentNumber)}`;
  return `name:${foldForSearch(row.fullName)}|${row.birthDate ?? ''}`;
}

/**
 * Pairs one person's exits and entries in date order: an entry ends the exit before it. On the
 * same day an exit comes first, since a day trip on a border pass is the usual case.
 */
export function pairCrossings(rows: readonly CrossingRow[]): { crossing: Crossing; rows: CrossingRow[] }[] {
  const sorted = [...rows].sort(
    (a, b) =>
      compareCivilDates(a.date, b.date) || (a.direction === b.direction ? 0 : a.direction === 'exit' ? -1 : 1) || a.row - b.row,
  );
  const paired: { crossing: Crossing; rows: CrossingRow[] }[] = [];
  let open: CrossingRow | null = null;
  const close = (exit: CrossingRow | null, entry: CrossingRow | null) => {
    const parts = [exit, entry].filter((row): row is CrossingRow => row !== null);
    const first = parts[0]!;
    paired.push({
      crossing: {
        exitDate: exit?.date ?? null,
        entryDate: entry?.date ?? null,
        country: exit?.country ?? entry?.country ?? null,
        documentType: exit?.documentType ?? entry?.documentType ?? null,
        documentNumber: exit?.documentNumber ?? entry?.documentNumber ?? null,
        borderGate: first.borderGate ?? parts.at(-1)!.borderGate,
        rows: parts.map((row) => row.row),
      },
      rows: parts,
    });
  };
  for (const row of sorted) {
    if (row.direction === 'exit') {
      if (open) close(open, null);
      open = row;
    } else {
      close(open, row);
      open = null;
    }
  }
  if (open) close(open, null);
  return paired;
}

/** The dates a trip is compared on: what was recorded, else what was planned. */
function referenceDates(trip: ReconcileTrip): { departure: CivilDate; return: CivilDate } {
  return {
    departure: realDateOrNull(trip.actualDeparture) ?? trip.plannedDeparture,
    return: realDateOrNull(trip.actualReturn) ?? permittedReturn(trip) ?? trip.plannedReturn,
  };
}

function within(a: CivilDate, b: CivilDate, toleranceDays: number): boolean {
  return Math.abs(daysBetween(a, b)) <= toleranceDays;
}

/** Both ends of the crossing the list has fall within the tolerance of the trip's dates. */
function agrees(crossing: Crossing, trip: ReconcileTrip, toleranceDays: number): boolean {
  const reference = referenceDates(trip);
  return (
    (crossing.exitDate === null || within(crossing.exitDate, reference.departure, toleranceDays)) &&
    (crossing.entryDate === null || within(crossing.entryDate, reference.return, toleranceDays))
  );
}

/**
 * The crossing's days and the trip's days (widened by the tolerance) have a day in common. An exit
 * the list shows no entry for counts as its day alone: the list may simply end before the return.
 */
function overlaps(crossing: Crossing, trip: ReconcileTrip, options: ReconcileOptions): boolean {
  const start = crossing.exitDate ?? crossing.entryDate!;
  const end = crossing.entryDate ?? start;
  const reference = referenceDates(trip);
  const stillAway =
    realDateOrNull(trip.actualDeparture) !== null &&
    realDateOrNull(trip.actualReturn) === null &&
    isAfter(options.today, reference.return);
  const tripStart = addDays(reference.departure, -options.toleranceDays);
  const tripEnd = addDays(stillAway ? options.today : reference.return, options.toleranceDays);
  return !isAfter(start, tripEnd) && !isBefore(end, tripStart);
}

function distance(crossing: Crossing, trip: ReconcileTrip): number {
  const reference = referenceDates(trip);
  return (
    (crossing.exitDate ? Math.abs(daysBetween(crossing.exitDate, reference.departure)) : 0) +
    (crossing.entryDate ? Math.abs(daysBetween(crossing.entryDate, reference.return)) : 0)
  );
}

const notTravelled: readonly TripState[] = ['cancelled', 'rejected'];

/**
 * Compares the border-crossing list with the registry. A member's crossing with no registered
 * trip around it is `unreported`; one whose trip agrees within the tolerance but lacks dates the
 * list has, or whose trip's dates disagree, is in `datesDiffer`; an exit with no entry past the
 * trip's permitted return is in `stillAbroad`. Persons who are not members are only counted.
 */
export function reconcile(
  rows: readonly CrossingRow[],
  members: readonly ReconcileMember[],
  trips: readonly ReconcileTrip[],
  options: ReconcileOptions,
): ReconcileResult {
  const identifier = memberIdentifier(members);
  interface MemberRows {
    member: ReconcileMember;
    rows: CrossingRow[];
    matches: Map<number, MatchKind>;
  }
  const rowsByMember = new Map<string, MemberRows>();
  const strangers = new Set<string>();
  for (const row of rows) {
    const found = identifier.identify(row);
    if (!found) {
      strangers.add(personKey(row));
      continue;
    }
    const entry: MemberRows = rowsByMember.get(found.member.id) ?? { member: found.member, rows: [], matches: new Map() };
    entry.rows.push(row);
    entry.matches.set(row.row, found.match);
    rowsByMember.set(found.member.id, entry);
  }

  const tripsByMember = new Map<string, ReconcileTrip[]>();
  for (const trip of trips)
    if (!notTravelled.includes(trip.state)) tripsByMember.set(trip.memberId, [...(tripsByMember.get(trip.memberId) ?? []), trip]);

  const result: ReconcileResult = {
    unreported: [],
    datesDiffer: [],
    stillAbroad: [],
    unmatchedPersons: strangers.size,
    rows: rows.length,
    crossings: 0,
  };
  for (const { member, rows: memberRows, matches } of rowsByMember.values()) {
    for (const { crossing, rows: parts } of pairCrossings(memberRows)) {
      result.crossings += 1;
      const match = parts.map((part) => matches.get(part.row)!).reduce(weaker);
      const listed = parts.find((part) => part.nationalId) ?? parts[0]!;
      const memberCrossing: MemberCrossing = {
        ...crossing,
        memberId: member.id,
        memberCode: member.code,
        fullName: member.fullName,
        listedName: listed.fullName,
        listedBirthDate: parts.find((part) => part.birthDate)?.birthDate ?? null,
        listedNationalId: listed.nationalId,
        match,
        needsConfirmation: match === 'nameAndBirthDate',
      };
      const candidates = (tripsByMember.get(member.id) ?? []).filter((trip) => overlaps(crossing, trip, options));
      if (candidates.length === 0) {
        result.unreported.push(memberCrossing);
        continue;
      }
      const agreeing = candidates.filter((trip) => agrees(crossing, trip, options.toleranceDays));
      const trip = [...(agreeing.length > 0 ? agreeing : candidates)].sort(
        (a, b) => distance(crossing, a) - distance(crossing, b),
      )[0]!;
      const tripFields = { tripId: trip.id, tripCode: trip.code };
      const lacksDates =
        (crossing.exitDate !== null && realDateOrNull(trip.actualDeparture) === null) ||
        (crossing.entryDate !== null && realDateOrNull(trip.actualReturn) === null);
      if (agreeing.length === 0 || lacksDates) {
        result.datesDiffer.push({
          ...memberCrossing,
          ...tripFields,
          kind: agreeing.length === 0 ? 'differs' : 'missing',
          recordedDeparture: realDateOrNull(trip.actualDeparture),
          recordedReturn: realDateOrNull(trip.actualReturn),
          plannedDeparture: trip.plannedDeparture,
          plannedReturn: trip.plannedReturn,
        });
      }
      const end = permittedReturn(trip);
      if (
        crossing.exitDate !== null &&
        crossing.entryDate === null &&
        realDateOrNull(trip.actualReturn) === null &&
        end !== null &&
        isAfter(options.today, end)
      ) {
        result.stillAbroad.push({
          ...memberCrossing,
          ...tripFields,
          permittedReturn: end,
          daysOverdue: daysBetween(end, options.today),
        });
      }
    }
  }
  const byDate = (a: MemberCrossing, b: MemberCrossing) =>
    compareCivilDates(a.exitDate ?? a.entryDate!, b.exitDate ?? b.entryDate!) || a.memberCode.localeCompare(b.memberCode);
  result.unreported.sort(byDate);
  result.datesDiffer.sort(byDate);
  result.stillAbroad.sort(byDate);
  return result;
}
