import { z } from 'zod';
import type { OverstayKind, TripState } from '../domain/enums';
import { CivilDate, requiredText, text } from '../domain/primitives';
import { permittedReturn } from './brackets';
import { formatCivilDate, isAfter, realDateOrNull } from './dates';
import { commitmentRequired, tripDates } from './tripChecks';
import { dateOrderIssues, futureDateIssue, type TripDateName, type TripDates } from './tripDates';
import type { MemberFacts, RuleIssue, TripFacts, TripRecordFacts } from './types';

/**
 * The trip's life:
 * draft → submitted → approved | rejected; approved → departed → returned → reported → closed;
 * cancelled from draft, submitted or approved; while abroad, extended (again and again) or an
 * unauthorised stay once the permitted return has passed; the return ends either.
 */
export const tripTransitions = [
  'submit',
  'approve',
  'reject',
  'cancel',
  'depart',
  'extend',
  'record_unauthorised_stay',
  'return',
  'report',
  'close',
] as const;
export const TripTransition = z.enum(tripTransitions);
export type TripTransition = z.infer<typeof TripTransition>;

export interface TransitionRule {
  from: readonly TripState[];
  to: TripState;
}

export const transitionRules: Readonly<Record<TripTransition, TransitionRule>> = {
  submit: { from: ['draft'], to: 'submitted' },
  approve: { from: ['submitted'], to: 'approved' },
  reject: { from: ['submitted'], to: 'rejected' },
  cancel: { from: ['draft', 'submitted', 'approved'], to: 'cancelled' },
  depart: { from: ['approved'], to: 'departed' },
  extend: { from: ['departed', 'extended'], to: 'extended' },
  record_unauthorised_stay: { from: ['departed', 'extended'], to: 'unauthorised_stay' },
  return: { from: ['departed', 'extended', 'unauthorised_stay'], to: 'returned' },
  report: { from: ['returned'], to: 'reported' },
  close: { from: ['reported'], to: 'closed' },
};

/** The states in which the member is abroad: the ones a return ends. */
export const abroadTripStates: readonly TripState[] = transitionRules.return.from;

/** What the member wrote in the return report. */
export const ReturnReportContents = z.object({
  /** Contacts with foreign organisations and persons. */
  foreignContacts: text(4000),
  /** Gifts, awards and invitations received. */
  giftsAndInvitations: text(4000),
  documentsBroughtBack: text(4000),
  issues: text(4000),
});
export type ReturnReportContents = z.infer<typeof ReturnReportContents>;

/** The input each transition records, as the contract validates it. */
export const transitionInputSchemas = {
  submit: z.object({
    applicationDate: CivilDate,
    commitmentDate: CivilDate.nullable().optional(),
    cellOpinion: requiredText(2000),
  }),
  approve: z.object({ approvalRef: requiredText(100), approvalDate: CivilDate, approvingCommittee: requiredText(200) }),
  reject: z.object({ decisionDate: CivilDate, reason: requiredText(2000), decisionRef: text(100).optional() }),
  cancel: z.object({ cancelledOn: CivilDate, reason: requiredText(2000) }),
  depart: z.object({ actualDeparture: CivilDate }),
  extend: z.object({ extendedReturn: CivilDate, extensionRef: requiredText(100), extensionDate: CivilDate }),
  record_unauthorised_stay: z.object({ recordedOn: CivilDate, note: text(2000).optional() }),
  return: z.object({ actualReturn: CivilDate }),
  report: z.object({ returnReportDate: CivilDate, contents: ReturnReportContents }),
  close: z.object({ closedOn: CivilDate, evaluation: requiredText(4000) }),
} satisfies Record<TripTransition, z.ZodType>;

export type TransitionInputs = { [T in TripTransition]: z.infer<(typeof transitionInputSchemas)[T]> };

export interface TransitionContext {
  today: CivilDate;
  /** Facts about the member; without them the member preconditions are not checked. */
  member?: MemberFacts | null;
}

/** The fields a transition writes: its input, plus the stay beyond term it establishes. */
export type TransitionChanges<T extends TripTransition> = TransitionInputs[T] & { overstay?: OverstayKind };

export type TransitionResult<T extends TripTransition> =
  { ok: true; state: TripState; changes: TransitionChanges<T> } | { ok: false; issues: RuleIssue[] };

/** The transitions whose preconditions, apart from the input still to be entered, hold now. */
export function availableTransitions(trip: TripRecordFacts, context: TransitionContext): TripTransition[] {
  return tripTransitions.filter((transition) => transitionBlockers(trip, transition, context).length === 0);
}

/** Why a transition cannot start at all, whatever its input: the trip's state and the member's situation. */
export function transitionBlockers(trip: TripRecordFacts, transition: TripTransition, context: TransitionContext): RuleIssue[] {
  const issues: RuleIssue[] = [];
  const stateAllowed = transitionRules[transition].from.includes(trip.state);
  if (!stateAllowed) {
    const notApproved = transition === 'depart' && (trip.state === 'draft' || trip.state === 'submitted');
    issues.push({
      key: notApproved ? 'reason.depart.notApproved' : `reason.notAllowed.${transition}`,
      params: { state: trip.state },
    });
  }
  const member = context.member;
  switch (transition) {
    case 'submit':
      if (member && memberInactive(member)) issues.push({ key: 'reason.memberInactive', params: {} });
      issues.push(...plannedPeriodIssues(trip));
      break;
    case 'approve':
      if (member && memberInactive(member)) issues.push({ key: 'reason.memberInactive', params: {} });
      if (member?.underDisciplinaryReview) issues.push({ key: 'reason.approve.memberUnderReview', params: {} });
      if (commitmentRequired(trip) && realDateOrNull(trip.commitmentDate) === null) {
        issues.push({ field: 'commitmentDate', key: 'reason.approve.commitmentMissing', params: {} });
      }
      break;
    case 'cancel': {
      const actualDeparture = realDateOrNull(trip.actualDeparture);
      if (stateAllowed && actualDeparture) {
        issues.push({ key: 'reason.cancel.departed', params: { actualDeparture: formatCivilDate(actualDeparture) } });
      }
      break;
    }
    case 'record_unauthorised_stay': {
      const end = permittedReturn(trip);
      if (end && !isAfter(context.today, end)) {
        issues.push({ key: 'reason.unauthorisedStay.notOverdue', params: { permittedReturn: formatCivilDate(end) } });
      }
      break;
    }
    default:
      break;
  }
  return issues;
}

/** Every reason the transition is refused with this input; empty when it may proceed. Never throws. */
export function checkTransition<T extends TripTransition>(
  trip: TripRecordFacts,
  transition: T,
  input: TransitionInputs[T],
  context: TransitionContext,
): RuleIssue[] {
  return [...transitionBlockers(trip, transition, context), ...inputIssues(trip, transition, input, context.today)];
}

/** The new state and the fields to write, or every reason for refusal. Pure: the trip is not touched. */
export function applyTransition<T extends TripTransition>(
  trip: TripRecordFacts,
  transition: T,
  input: TransitionInputs[T],
  context: TransitionContext,
): TransitionResult<T> {
  const issues = checkTransition(trip, transition, input, context);
  if (issues.length > 0) return { ok: false, issues };
  return { ok: true, state: transitionRules[transition].to, changes: { ...input, ...derivedChanges(trip, transition, input) } };
}

/** The fields a transition establishes besides its input: the stay beyond term it records. */
export function derivedChanges(trip: TripRecordFacts, transition: TripTransition, input: object): { overstay?: OverstayKind } {
  if (transition === 'extend') return { overstay: 'permitted' };
  if (transition === 'record_unauthorised_stay') return { overstay: 'unauthorised' };
  if (transition === 'return') {
    const end = permittedReturn(trip);
    const { actualReturn } = input as TransitionInputs['return'];
    if (end && isAfter(actualReturn, end) && trip.overstay !== 'unauthorised') return { overstay: 'unauthorised' };
  }
  return {};
}

/**
 * The state an imported trip has reached, judged from its dates alone (an import has no
 * history). Cancellations and refusals leave no dates, so they are never derived; an
 * overstay that was recorded as unauthorised and has no return is an unauthorised stay.
 */
export function deriveStateFromDates(trip: TripFacts): TripState {
  if (realDateOrNull(trip.returnReportDate)) return 'reported';
  if (realDateOrNull(trip.actualReturn)) return 'returned';
  if (realDateOrNull(trip.actualDeparture)) {
    if (trip.overstay === 'unauthorised') return 'unauthorised_stay';
    return realDateOrNull(trip.extendedReturn) ? 'extended' : 'departed';
  }
  if (realDateOrNull(trip.approvalDate) || trip.approvalRef?.trim()) return 'approved';
  if (realDateOrNull(trip.applicationDate)) return 'submitted';
  return 'draft';
}

const inactiveStatuses: readonly MemberFacts['status'][] = ['transferred_out', 'left', 'deceased'];

function memberInactive(member: MemberFacts): boolean {
  return inactiveStatuses.includes(member.status);
}

function plannedPeriodIssues(trip: TripFacts): RuleIssue[] {
  const plannedDeparture = realDateOrNull(trip.plannedDeparture);
  const plannedReturn = realDateOrNull(trip.plannedReturn);
  if (plannedDeparture === null || plannedReturn === null) {
    return [
      { field: plannedDeparture === null ? 'plannedDeparture' : 'plannedReturn', key: 'reason.plannedPeriodMissing', params: {} },
    ];
  }
  return dateOrderIssues({ plannedDeparture, plannedReturn }, { editing: false });
}

/** Collects the input problems of one transition, and the dates it records for the order check. */
class InputChecker {
  readonly issues: RuleIssue[] = [];
  /** The dates the input records, by the names the order rules use. */
  readonly recorded: TripDates = {};

  constructor(private readonly today: CivilDate) {}

  /** A date of something that has happened: a real day, not after today. */
  date(field: TripDateName, value: unknown): void {
    const date = this.realDay(field, value);
    if (date === null) return;
    const future = futureDateIssue(field, date, this.today);
    if (future === null) this.recorded[field] = date;
    else this.issues.push(future);
  }

  optionalDate(field: TripDateName, value: unknown): void {
    if (value !== null && value !== undefined && value !== '') this.date(field, value);
  }

  /** A real day that may lie ahead, such as a new return date. */
  anyDate(field: TripDateName, value: unknown): void {
    const date = this.realDay(field, value);
    if (date !== null) this.recorded[field] = date;
  }

  private realDay(field: TripDateName, value: unknown): CivilDate | null {
    const date = typeof value === 'string' ? realDateOrNull(value) : null;
    if (date === null) this.issues.push({ field, key: 'reason.dateInvalid', params: {} });
    return date;
  }

  text(field: string, value: unknown): void {
    if (typeof value === 'string' && value.trim() !== '') return;
    this.issues.push({ field, key: 'reason.required', params: {} });
  }

  contents(field: string, value: unknown): void {
    if (typeof value === 'object' && value !== null) return;
    this.issues.push({ field, key: 'reason.required', params: {} });
  }

  /** The trip's dates as they would stand after the step, checked in the one list of date orders for the dates the step records. */
  dateOrder(trip: TripRecordFacts): void {
    const recordedNames = Object.keys(this.recorded) as TripDateName[];
    const before = tripDates(trip);
    const departure = this.recorded.actualDeparture ?? before.departure;
    const dates: TripDates = { ...before, permittedReturn: permittedReturn(trip), ...this.recorded, departure };
    this.issues.push(...dateOrderIssues(dates, { dates: recordedNames, editing: false }));
  }
}

function inputIssues(trip: TripRecordFacts, transition: TripTransition, input: object, today: CivilDate): RuleIssue[] {
  const check = new InputChecker(today);
  const value = input as Record<string, unknown>;

  switch (transition) {
    case 'submit':
      check.date('applicationDate', value.applicationDate);
      check.optionalDate('commitmentDate', value.commitmentDate);
      check.text('cellOpinion', value.cellOpinion);
      break;
    case 'approve':
      check.text('approvalRef', value.approvalRef);
      check.text('approvingCommittee', value.approvingCommittee);
      check.date('approvalDate', value.approvalDate);
      break;
    case 'reject':
      check.text('reason', value.reason);
      check.date('decisionDate', value.decisionDate);
      break;
    case 'cancel':
      check.text('reason', value.reason);
      check.date('cancelledOn', value.cancelledOn);
      break;
    case 'depart':
      check.date('actualDeparture', value.actualDeparture);
      break;
    case 'extend':
      check.text('extensionRef', value.extensionRef);
      check.date('extensionDate', value.extensionDate);
      check.anyDate('extendedReturn', value.extendedReturn);
      break;
    case 'record_unauthorised_stay':
      check.date('recordedOn', value.recordedOn);
      break;
    case 'return':
      check.date('actualReturn', value.actualReturn);
      break;
    case 'report':
      check.date('returnReportDate', value.returnReportDate);
      check.contents('contents', value.contents);
      break;
    case 'close':
      check.text('evaluation', value.evaluation);
      check.date('closedOn', value.closedOn);
      break;
  }
  check.dateOrder(trip);
  return check.issues;
}
