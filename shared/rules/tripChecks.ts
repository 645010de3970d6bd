import type { DurationBracket } from '../domain/enums';
import {
  type ActivityHandling,
  missingActivityTransfer,
  permittedReturn,
  tripActivityHandling,
  tripDurationBracket,
} from './brackets';
import { addDays, type CivilDate, formatCivilDate, isAfter, realDateOrNull } from './dates';
import type { HolidayCalendar } from './holidays';
import type { DeadlineSettings } from './settings';
import { dateOrderIssues, futureDateIssue, type TripDates } from './tripDates';
import type { RuleIssue, RuleMessage, TripFacts, TripField } from './types';
import { addWorkingDays } from './workdays';

/** The last day an application may arrive: the configured number of days before the planned departure. */
export function applicationDeadline(
  trip: Pick<TripFacts, 'plannedDeparture'>,
  settings: Pick<DeadlineSettings, 'applicationDaysBeforeDeparture'>,
): CivilDate | null {
  const departure = realDateOrNull(trip.plannedDeparture);
  return departure === null ? null : addDays(departure, -settings.applicationDaysBeforeDeparture);
}

/** The last day the return report may arrive: the configured number of working days after the actual return. */
export function returnReportDueDate(
  trip: Pick<TripFacts, 'actualReturn'>,
  settings: Pick<DeadlineSettings, 'returnReportWorkingDays'>,
  calendar: HolidayCalendar,
): CivilDate | null {
  const actualReturn = realDateOrNull(trip.actualReturn);
  return actualReturn === null ? null : addWorkingDays(actualReturn, settings.returnReportWorkingDays, calendar);
}

/** Whether the trip needs the commitment about relatives abroad. */
export function commitmentRequired(trip: Pick<TripFacts, 'purpose'>): boolean {
  return trip.purpose === 'family_visit';
}

/** The departure a date must precede: the actual one once known, else the planned one. */
export function effectiveDeparture(trip: TripFacts): CivilDate | null {
  return realDateOrNull(trip.actualDeparture) ?? realDateOrNull(trip.plannedDeparture);
}

/** The trip's own dates by the names the order rules use; dates that are not real days are left out. */
export function tripDates(trip: TripFacts): TripDates {
  return {
    plannedDeparture: realDateOrNull(trip.plannedDeparture),
    plannedReturn: realDateOrNull(trip.plannedReturn),
    actualDeparture: realDateOrNull(trip.actualDeparture),
    actualReturn: realDateOrNull(trip.actualReturn),
    applicationDate: realDateOrNull(trip.applicationDate),
    commitmentDate: realDateOrNull(trip.commitmentDate),
    approvalDate: realDateOrNull(trip.approvalDate),
    extendedReturn: realDateOrNull(trip.extendedReturn),
    returnReportDate: realDateOrNull(trip.returnReportDate),
    departure: effectiveDeparture(trip),
  };
}

const pastOnlyFields = [
  'applicationDate',
  'commitmentDate',
  'approvalDate',
  'actualDeparture',
  'actualReturn',
  'returnReportDate',
] as const satisfies readonly TripField[];

/**
 * Dates that contradict each other, each pointing at the field to correct. Dates that are
 * missing or not real days are left to the form's own schema; with `today`, dates of things
 * that must already have happened may not lie in the future.
 */
export function validateTripFields(trip: TripFacts, today?: CivilDate): RuleIssue[] {
  const dates = tripDates(trip);
  // The record holds one extension, so it must run past the planned return.
  const issues = dateOrderIssues({ ...dates, permittedReturn: dates.plannedReturn }, { editing: true });
  const add = (field: TripField, key: RuleIssue['key']) => issues.push({ field, key, params: {} });
  if (dates.actualReturn && !dates.actualDeparture) add('actualReturn', 'check.returnWithoutDeparture');
  if (trip.overstay === 'permitted' && !dates.extendedReturn) add('overstay', 'check.permittedOverstayWithoutExtension');
  if (dates.returnReportDate && !dates.actualReturn) add('returnReportDate', 'check.reportWithoutReturn');
  if (today !== undefined) {
    for (const field of pastOnlyFields) {
      const value = dates[field];
      const issue = value ? futureDateIssue(field, value, today) : null;
      if (issue) issues.push(issue);
    }
  }
  return issues;
}

export type HintLevel = 'info' | 'warning';

export interface TripHint extends RuleMessage {
  level: HintLevel;
  field?: TripField;
}

export interface TripHints {
  bracket: DurationBracket | null;
  activity: ActivityHandling | null;
  commitmentRequired: boolean;
  borderPass: boolean;
  applicationDeadline: CivilDate | null;
  returnReportDue: CivilDate | null;
  /** What to show beside the form, in the order it should be read. */
  messages: TripHint[];
}

/** What the trip form shows while it is being filled: the consequences of the facts entered so far. */
export function tripHints(trip: TripFacts, settings: DeadlineSettings, calendar: HolidayCalendar, today: CivilDate): TripHints {
  const messages: TripHint[] = [];
  const hint = (level: HintLevel, key: TripHint['key'], params: TripHint['params'] = {}, field?: TripField) =>
    messages.push(field === undefined ? { level, key, params } : { level, key, params, field });

  const bracket = tripDurationBracket(trip);
  if (bracket !== null) hint('info', `hint.duration.${bracket}`, {}, 'plannedReturn');

  const activity = tripActivityHandling(trip);
  if (activity !== null) {
    hint('info', `hint.activity.${activity.transfer}`, {}, 'activityTransfer');
    if (activity.exemptionPossible) hint('info', 'hint.activity.exemptionPossible', {}, 'exemption');
    if (realDateOrNull(trip.actualDeparture) && missingActivityTransfer(trip) !== null) {
      hint('warning', 'hint.activity.missing', {}, 'activityTransfer');
    }
  }

  const needsCommitment = commitmentRequired(trip);
  if (needsCommitment && !realDateOrNull(trip.commitmentDate)) hint('warning', 'hint.commitmentRequired', {}, 'commitmentDate');

  const borderPass = trip.travelDocument === 'border_pass';
  if (borderPass) {
    hint('warning', 'hint.borderPass', {}, 'travelDocument');
    if (borderPassUnreported(trip)) hint('warning', 'hint.borderPassUnreported', {}, 'applicationDate');
  }

  const actualDeparture = realDateOrNull(trip.actualDeparture);
  const approvalDate = realDateOrNull(trip.approvalDate);
  if (actualDeparture && (!approvalDate || isAfter(approvalDate, actualDeparture))) {
    hint('warning', 'hint.departedWithoutApproval', {}, 'approvalDate');
  }

  const deadline = applicationDeadline(trip, settings);
  if (deadline !== null) {
    const applicationDate = realDateOrNull(trip.applicationDate);
    const params = { date: formatCivilDate(deadline), days: settings.applicationDaysBeforeDeparture };
    hint('info', 'hint.applicationDeadline', params, 'applicationDate');
    if (applicationDate && isAfter(applicationDate, deadline)) {
      hint(
        'warning',
        'hint.applicationLate',
        { ...params, applicationDate: formatCivilDate(applicationDate) },
        'applicationDate',
      );
    } else if (!applicationDate && !actualDeparture && isAfter(today, deadline)) {
      hint('warning', 'hint.applicationDeadlinePassed', params, 'applicationDate');
    }
  }

  const end = permittedReturn(trip);
  if (actualDeparture && !realDateOrNull(trip.actualReturn) && end && isAfter(today, end)) {
    // Once the unauthorised stay is recorded, only the return is still awaited: no extension is offered.
    const recorded = trip.overstay === 'unauthorised';
    hint(
      'warning',
      recorded ? 'hint.unauthorisedStayRecorded' : 'hint.pastPermittedReturn',
      { date: formatCivilDate(end) },
      'actualReturn',
    );
  }

  const due = returnReportDueDate(trip, settings, calendar);
  if (due !== null) {
    const reportDate = realDateOrNull(trip.returnReportDate);
    const params = { date: formatCivilDate(due), days: settings.returnReportWorkingDays };
    hint('info', 'hint.returnReportDue', params, 'returnReportDate');
    if (reportDate && isAfter(reportDate, due)) {
      hint('warning', 'hint.returnReportLate', { ...params, returnReportDate: formatCivilDate(reportDate) }, 'returnReportDate');
    } else if (!reportDate && isAfter(today, due)) {
      hint('warning', 'hint.returnReportOverdue', params, 'returnReportDate');
    }
  }

  return {
    bracket,
    activity,
    commitmentRequired: needsCommitment,
    borderPass,
    applicationDeadline: deadline,
    returnReportDue: due,
    messages,
  };
}

/** A border-pass trip that left with no application (the written report before leaving) dated on or before the departure. */
export function borderPassUnreported(trip: TripFacts): boolean {
  const actualDeparture = realDateOrNull(trip.actualDeparture);
  if (trip.travelDocument !== 'border_pass' || actualDeparture === null) return false;
  const applicationDate = realDateOrNull(trip.applicationDate);
  return applicationDate === null || isAfter(applicationDate, actualDeparture);
}
