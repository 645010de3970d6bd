import type { ComplianceFlag, PartyActivityEventKind, TripState } from '../domain/enums';
import { missingActivityTransfer, permittedReturn } from './brackets';
import { addDays, type CivilDate, isAfter, isBefore, realDateOrNull } from './dates';
import type { HolidayCalendar } from './holidays';
import type { DeadlineSettings } from './settings';
import { applicationDeadline, borderPassUnreported, commitmentRequired, returnReportDueDate } from './tripChecks';
import type { MemberEventFacts, TripFacts } from './types';

/**
 * One compliance problem. A missed deadline stays a flag after the late document arrives:
 * the report counts violations, not only open ones.
 */
export interface ComplianceFlagResult {
  flag: ComplianceFlag;
  /** The first day the problem existed. */
  since?: CivilDate;
  /** The deadline that was missed, for the deadline flags. */
  dueDate?: CivilDate;
}

export interface FlagContext {
  today: CivilDate;
  settings: DeadlineSettings;
  calendar: HolidayCalendar;
}

const endedWithoutTrip: readonly TripState[] = ['cancelled', 'rejected'];

/** The compliance flags of one trip, in the order of `complianceFlags`. */
export function tripFlags(trip: TripFacts, context: FlagContext): ComplianceFlagResult[] {
  const flags: ComplianceFlagResult[] = [];
  const actualDeparture = realDateOrNull(trip.actualDeparture);
  const actualReturn = realDateOrNull(trip.actualReturn);
  const approvalDate = realDateOrNull(trip.approvalDate);
  const applicationDate = realDateOrNull(trip.applicationDate);
  const state = trip.state ?? null;
  if (actualDeparture === null && state !== null && endedWithoutTrip.includes(state)) return flags;
  // A trip the office learnt of only from the border-crossing list is one violation, not the
  // missing application, permission, border-pass notice and return report it implies.
  if (realDateOrNull(trip.unreportedFoundOn) !== null) return unreportedTripFlags(trip, context);

  if (actualDeparture && (approvalDate === null || isAfter(approvalDate, actualDeparture))) {
    flags.push({ flag: 'departed_without_approval', since: actualDeparture });
  }

  // Judged from the decision on file rather than the state, so that a trip that left without
  // permission is not also reported as a permitted trip missing its application.
  const permitted = approvalDate !== null || Boolean(trip.approvalRef?.trim());
  const commitmentMissing = commitmentRequired(trip) && realDateOrNull(trip.commitmentDate) === null;
  if (permitted && (applicationDate === null || commitmentMissing)) {
    flags.push(withSince('missing_application', approvalDate ?? actualDeparture));
  }

  const applicationDue = applicationDeadline(trip, context.settings);
  if (applicationDue !== null) {
    // With no application yet, only a trip still being prepared is late; one already permitted
    // or gone without an application is flagged above as missing it.
    const stillAwaited = applicationDate === null && !permitted && actualDeparture === null;
    const arrived = applicationDate ?? (stillAwaited ? context.today : null);
    if (arrived !== null && isAfter(arrived, applicationDue)) {
      flags.push({ flag: 'application_late', since: addDays(applicationDue, 1), dueDate: applicationDue });
    }
  }

  const end = permittedReturn(trip);
  if (actualDeparture && end && isAfter(actualReturn ?? context.today, end)) {
    flags.push({ flag: 'overstay_without_extension', since: addDays(end, 1), dueDate: end });
  }

  const reportDue = returnReportDueDate(trip, context.settings, context.calendar);
  if (reportDue !== null && isAfter(realDateOrNull(trip.returnReportDate) ?? context.today, reportDue)) {
    flags.push({ flag: 'return_report_overdue', since: addDays(reportDue, 1), dueDate: reportDue });
  }

  if (actualDeparture && missingActivityTransfer(trip) !== null) {
    flags.push({ flag: 'activity_transfer_missing', since: actualDeparture });
  }

  if (actualDeparture && borderPassUnreported(trip)) flags.push({ flag: 'border_pass_unreported', since: actualDeparture });

  return flags;
}

function unreportedTripFlags(trip: TripFacts, context: FlagContext): ComplianceFlagResult[] {
  const actualDeparture = realDateOrNull(trip.actualDeparture);
  const flags: ComplianceFlagResult[] = [
    withSince('unreported_departure', actualDeparture ?? realDateOrNull(trip.plannedDeparture)),
  ];
  const end = permittedReturn(trip);
  if (actualDeparture && end && isAfter(realDateOrNull(trip.actualReturn) ?? context.today, end)) {
    flags.push({ flag: 'overstay_without_extension', since: addDays(end, 1), dueDate: end });
  }
  if (actualDeparture && missingActivityTransfer(trip) !== null)
    flags.push({ flag: 'activity_transfer_missing', since: actualDeparture });
  return flags;
}

/** Decisions that settle a member's marriage to a foreigner, whatever the recorded outcome says. */
const settlingEvents: readonly PartyActivityEventKind[] = ['exemption', 'left_party', 'struck_off'];

/** The compliance flags of a member, from the member's party-activity events. */
export function memberFlags(events: readonly MemberEventFacts[]): ComplianceFlagResult[] {
  const unprocessed = events.filter(
    (event) =>
      event.kind === 'foreign_marriage' &&
      (event.outcome ?? 'pending') === 'pending' &&
      !events.some((later) => settlingEvents.includes(later.kind) && !isBefore(later.date, event.date)),
  );
  if (unprocessed.length === 0) return [];
  const earliest = unprocessed.reduce((first, event) => (isBefore(event.date, first.date) ? event : first));
  return [{ flag: 'foreign_marriage_unprocessed', since: earliest.date }];
}

function withSince(flag: ComplianceFlag, since: CivilDate | null): ComplianceFlagResult {
  return since === null ? { flag } : { flag, since };
}

/** The advice shown with a flag: what to do while it is open, what it means once it is settled. */
export type FlagAdvice =
  `flagHelp.${ComplianceFlag}` | `flagRecord.${ComplianceFlag}` | 'flagHelp.overstay_without_extension.recorded';

export interface FlagFollowUp {
  /**
   * The office still has something to do about it (chase a report, record a return…); otherwise
   * the violation is over and kept only for the record and the report's counts.
   */
  open: boolean;
  /** What the office should do next, or what the record now says: a message key. */
  advice: FlagAdvice;
}

/** Whether a trip's flag still needs action, and the advice to show with it. */
export function flagFollowUp(result: Pick<ComplianceFlagResult, 'flag'>, trip: TripFacts): FlagFollowUp {
  const open = flagStillOpen(result.flag, trip);
  if (!open) return { open, advice: `flagRecord.${result.flag}` };
  // Once the unauthorised stay is recorded, an extension is no longer the way out: the return is awaited.
  if (result.flag === 'overstay_without_extension' && trip.overstay === 'unauthorised') {
    return { open, advice: 'flagHelp.overstay_without_extension.recorded' };
  }
  return { open, advice: `flagHelp.${result.flag}` };
}

function flagStillOpen(flag: ComplianceFlag, trip: TripFacts): boolean {
  // A trip closed with its evaluation has been dealt with by the committee, whatever it shows.
  if (trip.state === 'closed') return false;
  const returned = realDateOrNull(trip.actualReturn) !== null;
  switch (flag) {
    case 'application_late':
      return realDateOrNull(trip.applicationDate) === null && realDateOrNull(trip.actualDeparture) === null;
    case 'overstay_without_extension':
    case 'activity_transfer_missing':
      return !returned;
    case 'return_report_overdue':
      return realDateOrNull(trip.returnReportDate) === null;
    default:
      return true;
  }
}
