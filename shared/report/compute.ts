import type {
  ActivityTransferKind,
  ComplianceFlag,
  DurationBracket,
  ForeignMarriageOutcome,
  OverstayKind,
  PartyActivityEventKind,
  TripPurpose,
  TripState,
  UnitLevel,
} from '../domain/enums';
import { isAfter, isBefore, realDateOrNull, yearOf } from '../rules/dates';
import { statisticsYear, tripDurationBracket } from '../rules/brackets';
import { memberFlags, tripFlags, type FlagContext } from '../rules/flags';
import type { TripFacts } from '../rules/types';
import { abroadTripStates } from '../rules/tripMachine';
import { emptyComplianceFlagCounts, type Appendix01Row, type BracketCounts, type ReportData } from './data';

/** A trip as the report counts it: the facts of the rules plus the report's own columns. */
export interface ReportTrip extends TripFacts {
  id: string;
  memberId: string;
  state: TripState;
  purpose: TripPurpose;
  selfFunded: boolean;
  specialMission: boolean;
  invitedByName: boolean;
  overstay: OverstayKind;
  activityTransfer: ActivityTransferKind;
  exemption: boolean;
  labourExportTransfer: boolean;
  transferredBackDate: string | null;
}

export interface ReportEvent {
  id: string;
  memberId: string;
  tripId: string | null;
  kind: PartyActivityEventKind;
  effectiveDate: string;
  returned: boolean | null;
  returnedDate: string | null;
  marriageOutcome: ForeignMarriageOutcome | null;
}

export interface ReportEnterprise {
  year: number;
  committees: number;
  cells: number;
  members: number;
}

export interface ReportInput {
  unit: { code: string; name: string; level: UnitLevel };
  period: { from: string; to: string };
  issuedDocuments: readonly Appendix01Row[];
  trips: readonly ReportTrip[];
  events: readonly ReportEvent[];
  enterprises: readonly ReportEnterprise[];
  flagContext: FlagContext;
}

function within(date: string | null | undefined, period: { from: string; to: string }): boolean {
  const day = realDateOrNull(date);
  return day !== null && !isBefore(day, period.from) && !isAfter(day, period.to);
}

/** The date a trip counts on: its permission decision, else its planned departure (domain.md, "Year of a trip"). */
export function statisticsDate(trip: Pick<TripFacts, 'approvalDate' | 'plannedDeparture'>): string | null {
  return realDateOrNull(trip.approvalDate) ?? realDateOrNull(trip.plannedDeparture);
}

/** Whether a trip counts in the period's figures: its statistics date falls within the period. */
export function countsInPeriod(
  trip: Pick<TripFacts, 'approvalDate' | 'plannedDeparture'>,
  period: { from: string; to: string },
): boolean {
  return within(statisticsDate(trip), period);
}

/** Permitted: a permission decision is on file and the trip was neither refused nor called off. */
export function isPermitted(trip: ReportTrip): boolean {
  const decided = realDateOrNull(trip.approvalDate) !== null || Boolean(trip.approvalRef?.trim());
  return decided && trip.state !== 'cancelled' && trip.state !== 'rejected';
}

/**
 * Sent (cử đi) rather than self-funded or private: official business, and study or labour
 * paid for by the state. Everything else is the report's "lao động, học tập tự túc hoặc giải
 * quyết việc riêng", so the two always add up to the permitted total.
 */
export function isOfficial(trip: Pick<ReportTrip, 'purpose' | 'selfFunded'>): boolean {
  return trip.purpose === 'official' || ((trip.purpose === 'study' || trip.purpose === 'labour') && !trip.selfFunded);
}

/**
 * Abroad on the given day: departed on or before it and not back by then. A trip without a
 * recorded departure date counts by its state, as on the day the report is made.
 */
export function abroadOn(trip: Pick<ReportTrip, 'state' | 'actualDeparture' | 'actualReturn'>, day: string): boolean {
  const departed = realDateOrNull(trip.actualDeparture);
  if (!departed) return abroadTripStates.includes(trip.state);
  if (isAfter(departed, day)) return false;
  const returned = realDateOrNull(trip.actualReturn);
  return returned === null || isAfter(returned, day);
}

/** One row per calendar year of the period; the last row ends on the period's last day. */
export function periodYears(period: { from: string; to: string }): { year: number; until: string }[] {
  const rows: { year: number; until: string }[] = [];
  for (let year = yearOf(period.from); year <= yearOf(period.to); year += 1) {
    rows.push({ year, until: year === yearOf(period.to) ? period.to : `${year}-12-31` });
  }
  return rows;
}

function emptyBrackets(): BracketCounts {
  return { total: 0, under1m: 0, from1to3m: 0, from3to12m: 0, over12m: 0 };
}

function addBracket(counts: BracketCounts, bracket: DurationBracket) {
  counts.total += 1;
  counts[bracket] += 1;
}

/**
 * A party-activity decision counted once: a recorded event and the trip it belongs to
 * describe the same decision, and trips imported from spreadsheets carry the decision as a
 * field with no event.
 */
function countDecisions(
  input: ReportInput,
  permittedInPeriod: readonly ReportTrip[],
  eventKind: PartyActivityEventKind,
  tripHasIt: (trip: ReportTrip) => boolean,
): number {
  const counted = new Set<string>();
  for (const event of input.events) {
    if (event.kind === eventKind && within(event.effectiveDate, input.period))
      counted.add(event.tripId ? `trip:${event.tripId}` : `event:${event.id}`);
  }
  for (const trip of permittedInPeriod) if (tripHasIt(trip)) counted.add(`trip:${trip.id}`);
  return counted.size;
}

/** Labour-export transfers by year, and whether each came back by the end of the period. */
function labourExport(input: ReportInput) {
  interface Transfer {
    date: string;
    back: boolean;
  }
  const transfers = new Map<string, Transfer>();
  const backEvents = input.events.filter(
    (event) => event.kind === 'labour_export_return' && !isAfter(event.effectiveDate, input.period.to),
  );
  for (const event of input.events) {
    if (event.kind !== 'labour_export_transfer') continue;
    const back =
      (event.returned === true && (!event.returnedDate || !isAfter(event.returnedDate, input.period.to))) ||
      backEvents.some(
        (returning) => returning.memberId === event.memberId && !isBefore(returning.effectiveDate, event.effectiveDate),
      );
    transfers.set(event.tripId ? `trip:${event.tripId}` : `event:${event.id}`, { date: event.effectiveDate, back });
  }
  for (const trip of input.trips) {
    if (!trip.labourExportTransfer || transfers.has(`trip:${trip.id}`)) continue;
    const date = realDateOrNull(trip.actualDeparture) ?? realDateOrNull(trip.plannedDeparture);
    if (!date) continue;
    const back = trip.transferredBackDate !== null && !isAfter(trip.transferredBackDate, input.period.to);
    transfers.set(`trip:${trip.id}`, { date, back });
  }
  const rows = periodYears(input.period).map(({ year, until }) => {
    const ofYear = [...transfers.values()].filter(
      (transfer) => yearOf(transfer.date) === year && within(transfer.date, input.period),
    );
    const transferredBack = ofYear.filter((transfer) => transfer.back).length;
    return { year, until, transferredOut: ofYear.length, transferredBack, notTransferredBack: ofYear.length - transferredBack };
  });
  const total = rows.reduce(
    (sum, row) => ({
      transferredOut: sum.transferredOut + row.transferredOut,
      transferredBack: sum.transferredBack + row.transferredBack,
      notTransferredBack: sum.notTransferredBack + row.notTransferredBack,
    }),
    { transferredOut: 0, transferredBack: 0, notTransferredBack: 0 },
  );
  return { rows, total };
}

/** Enterprise organisations are a stock: the figures of the last year recorded within the period. */
function enterpriseAtEnd(input: ReportInput) {
  const endYear = yearOf(input.period.to);
  const recorded = input.enterprises.filter((row) => row.year <= endYear && row.year >= yearOf(input.period.from));
  const lastYear = Math.max(...recorded.map((row) => row.year), -Infinity);
  return recorded
    .filter((row) => row.year === lastYear)
    .reduce(
      (sum, row) => ({
        committees: sum.committees + row.committees,
        cells: sum.cells + row.cells,
        members: sum.members + row.members,
      }),
      { committees: 0, cells: 0, members: 0 },
    );
}

/**
 * The member-level flags (a marriage to a foreigner not dealt with), one per member; with a
 * period, only for members whose marriage was recorded in it.
 */
export function memberFlagsOf(events: readonly ReportEvent[], period?: { from: string; to: string }): ComplianceFlag[] {
  const byMember = new Map<string, ReportEvent[]>();
  for (const event of events) byMember.set(event.memberId, [...(byMember.get(event.memberId) ?? []), event]);
  const flags: ComplianceFlag[] = [];
  for (const memberEvents of byMember.values()) {
    if (period && !memberEvents.some((event) => event.kind === 'foreign_marriage' && within(event.effectiveDate, period)))
      continue;
    const facts = memberEvents.map((event) => ({ kind: event.kind, date: event.effectiveDate, outcome: event.marriageOutcome }));
    flags.push(...memberFlags(facts).map((result) => result.flag));
  }
  return flags;
}

/** The report of one unit for a period, counted from its own records by the rules of domain.md. */
export function computeReport(input: ReportInput): ReportData {
  const inPeriod = input.trips.filter((trip) => countsInPeriod(trip, input.period));
  const permitted = inPeriod.filter(isPermitted);

  const years = periodYears(input.period).map((row) => ({ ...row, ...emptyBrackets() }));
  const total = emptyBrackets();
  for (const trip of permitted) {
    const bracket = tripDurationBracket(trip);
    const year = statisticsYear(trip);
    const row = years.find((candidate) => candidate.year === year);
    if (!bracket || !row) continue;
    addBracket(row, bracket);
    addBracket(total, bracket);
  }

  const official = permitted.filter(isOfficial).length;
  // Stocks at the period's end, whatever the year of permission (docs/formats/report-data.md, "Stocks and flows").
  const abroadAtEnd = input.trips.filter(
    (trip) => trip.state !== 'cancelled' && trip.state !== 'rejected' && abroadOn(trip, input.period.to),
  );
  const stayedPermitted = abroadAtEnd.filter((trip) => trip.overstay === 'permitted').length;
  const stayedUnauthorised = abroadAtEnd.filter((trip) => trip.overstay === 'unauthorised').length;

  const complianceFlags = emptyComplianceFlagCounts();
  const count = (flag: ComplianceFlag) => (complianceFlags[flag] += 1);
  for (const trip of inPeriod) for (const result of tripFlags(trip, input.flagContext)) count(result.flag);
  for (const flag of memberFlagsOf(input.events, input.period)) count(flag);

  const eventsInPeriod = (kinds: readonly PartyActivityEventKind[]) =>
    input.events.filter((event) => kinds.includes(event.kind) && within(event.effectiveDate, input.period)).length;

  return {
    unit: input.unit,
    period: input.period,
    // In the order they were issued, as appendix 01 and the footnote of section I list them.
    appendix01: input.issuedDocuments
      .filter((row) => within(row.date, input.period))
      .sort((a, b) => a.date.localeCompare(b.date) || a.ref.localeCompare(b.ref, 'vi')),
    appendix02: {
      rows: years,
      total,
      specialMission: permitted.filter((trip) => trip.specialMission).length,
      invitedByName: permitted.filter((trip) => trip.invitedByName).length,
      selfFundedOrPrivate: permitted.length - official,
      stayedBeyondTerm: {
        total: stayedPermitted + stayedUnauthorised,
        permitted: stayedPermitted,
        unauthorised: stayedUnauthorised,
      },
    },
    appendix03: { ...labourExport(input), enterprise: enterpriseAtEnd(input) },
    figures: {
      permitted: total.total,
      official,
      selfFundedOrPrivate: permitted.length - official,
      temporaryTransfers: countDecisions(
        input,
        permitted,
        'temporary_transfer_out',
        (trip) => trip.activityTransfer === 'temporary',
      ),
      officialTransfers: countDecisions(
        input,
        permitted,
        'official_transfer_out',
        (trip) => trip.activityTransfer === 'official',
      ),
      exemptions: countDecisions(input, permitted, 'exemption', (trip) => trip.exemption),
      marriagesToForeigners: eventsInPeriod(['foreign_marriage']),
      leftParty: eventsInPeriod(['left_party', 'struck_off']),
      abroadNow: abroadAtEnd.length,
      complianceFlags,
    },
    marriages: input.events
      .filter((event) => event.kind === 'foreign_marriage' && within(event.effectiveDate, input.period))
      .map((event) => ({ unit: input.unit.name, outcome: event.marriageOutcome })),
  };
}
