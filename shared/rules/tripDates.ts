import type { CivilDate } from '../domain/primitives';
import { formatCivilDate, isAfter, isBefore } from './dates';
import type { RuleIssue } from './types';

/**
 * The dates of a trip the order rules compare: its own dates, the dates transitions record
 * (refusal, cancellation, extension, unauthorised stay, closing), and two that are worked out:
 * `departure`, the actual departure once known, else the planned one; `permittedReturn`, the
 * return the member may stay until before a new extension.
 */
export type TripDateName =
  | 'plannedDeparture'
  | 'plannedReturn'
  | 'actualDeparture'
  | 'actualReturn'
  | 'applicationDate'
  | 'commitmentDate'
  | 'approvalDate'
  | 'extendedReturn'
  | 'returnReportDate'
  | 'departure'
  | 'permittedReturn'
  | 'decisionDate'
  | 'extensionDate'
  | 'recordedOn'
  | 'cancelledOn'
  | 'closedOn';

export type TripDates = Partial<Record<TripDateName, CivilDate | null>>;

type Refused = (date: CivilDate, other: CivilDate) => boolean;
const before: Refused = isBefore;
const after: Refused = isAfter;
const notAfter: Refused = (date, other) => !isAfter(date, other);

interface DateOrder {
  /** The date that is wrong when the order is broken: the field the issue points at. */
  date: TripDateName;
  other: TripDateName;
  refused: Refused;
  key: RuleIssue['key'];
  /** False for an order only a step of the trip enforces: editing the record may state the fact, which is then flagged. */
  whenEditing: boolean;
}

/** Every order two trip dates must keep, each fault with its one message; a date on the same day as the other is fine unless said. */
const dateOrders: readonly DateOrder[] = [
  {
    date: 'plannedReturn',
    other: 'plannedDeparture',
    refused: before,
    key: 'check.plannedReturnBeforeDeparture',
    whenEditing: true,
  },
  {
    date: 'actualReturn',
    other: 'actualDeparture',
    refused: before,
    key: 'check.actualReturnBeforeDeparture',
    whenEditing: true,
  },
  { date: 'applicationDate', other: 'departure', refused: after, key: 'check.applicationAfterDeparture', whenEditing: true },
  { date: 'commitmentDate', other: 'departure', refused: after, key: 'check.commitmentAfterDeparture', whenEditing: true },
  { date: 'approvalDate', other: 'departure', refused: after, key: 'check.approvalAfterDeparture', whenEditing: true },
  { date: 'approvalDate', other: 'applicationDate', refused: before, key: 'check.approvalBeforeApplication', whenEditing: true },
  // A departure without permission does happen: the record states it and the form flags it; the departure step refuses it.
  { date: 'actualDeparture', other: 'approvalDate', refused: before, key: 'check.departureBeforeApproval', whenEditing: false },
  { date: 'extendedReturn', other: 'permittedReturn', refused: notAfter, key: 'check.extendedReturnNotLater', whenEditing: true },
  { date: 'returnReportDate', other: 'actualReturn', refused: before, key: 'check.reportBeforeReturn', whenEditing: true },
  { date: 'decisionDate', other: 'applicationDate', refused: before, key: 'check.decisionBeforeApplication', whenEditing: false },
  { date: 'extensionDate', other: 'actualDeparture', refused: before, key: 'check.extensionBeforeDeparture', whenEditing: false },
  { date: 'recordedOn', other: 'permittedReturn', refused: notAfter, key: 'check.unauthorisedStayTooEarly', whenEditing: false },
  { date: 'closedOn', other: 'returnReportDate', refused: before, key: 'check.closedBeforeReport', whenEditing: false },
];

export interface DateOrderScope {
  /** Check only the orders whose wrong date is one of these: the dates a step records. */
  dates?: readonly TripDateName[];
  /** Editing the record, where orders only a step enforces are left to the flags. */
  editing: boolean;
}

/**
 * The broken orders among the dates given, each pointing at the date to correct and naming
 * both dates in its parameters. A date that is missing is not compared. The trip form, the
 * import, the saved record and every step of the trip use this one list.
 */
export function dateOrderIssues(dates: TripDates, scope: DateOrderScope): RuleIssue[] {
  const issues: RuleIssue[] = [];
  for (const order of dateOrders) {
    if (scope.editing && !order.whenEditing) continue;
    if (scope.dates && !scope.dates.includes(order.date)) continue;
    const date = dates[order.date];
    const other = dates[order.other];
    if (!date || !other || !order.refused(date, other)) continue;
    issues.push({
      field: order.date,
      key: order.key,
      params: { [order.date]: formatCivilDate(date), [order.other]: formatCivilDate(other) },
    });
  }
  return issues;
}

/** The refusal of a date of something that must already have happened but lies after today; null when it does not. */
export function futureDateIssue(field: string, date: CivilDate, today: CivilDate): RuleIssue | null {
  if (!isAfter(date, today)) return null;
  return { field, key: 'check.dateInFuture', params: { date: formatCivilDate(date), today: formatCivilDate(today) } };
}
