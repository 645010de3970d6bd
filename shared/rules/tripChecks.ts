import type { DurationBracket } from '../domain/enums';
import {
  type ActivityHandling,
  missingActivityTransfer,
  permittedReturn,
  tripActivityHandling,
  tripDurationBracket,
} from './brackets';
import { addDays, type CivilDate, formatCivilDate, isAfter, isBefore, realDateOrNull } from './dates';
import type { HolidayCalendar } from './holidays';
import type { DeadlineSettings } from './settings';
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
function effectiveDeparture(trip: TripFacts): CivilDate | null {
  return realDateOrNull(trip.actualDeparture) ?? realDateOrNull(trip.plannedDeparture);
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
  const issues: RuleIssue[] = [];
  const add = (field: TripField, key: RuleIssue['key'], params: Record<string, CivilDate>) =>
    issues.push({ field, key, params: formatDates(params) });
  const plannedDeparture = realDateOrNull(trip.plannedDeparture);
  const plannedReturn = realDateOrNull(trip.plannedReturn);
  const actualDeparture = realDateOrNull(trip.actualDeparture);
  const actualReturn = realDateOrNull(trip.actualReturn);
  const applicationDate = realDateOrNull(trip.applicationDate);
  const commitmentDate = realDateOrNull(trip.commitmentDate);
  const approvalDate = realDateOrNull(trip.approvalDate);
  const extendedReturn = realDateOrNull(trip.extendedReturn);
  const returnReportDate = realDateOrNull(trip.returnReportDate);
  const departure = effectiveDeparture(trip);

  if (plannedDeparture && plannedReturn && isBefore(plannedReturn, plannedDeparture)) {
    add('plannedReturn', 'check.plannedReturnBeforeDeparture', { plannedDeparture });
  }
  if (actualReturn && !actualDeparture) add('actualReturn', 'check.returnWithoutDeparture', {});
  if (actualDeparture && actualReturn && isBefore(actualReturn, actualDeparture)) {
    add('actualReturn', 'check.actualReturnBeforeDeparture', { actualDeparture });
  }
  if (departure && applicationDate && isAfter(applicationDate, departure)) {
    add('applicationDate', 'check.applicationAfterDeparture', { departure });
  }
  if (departure && commitmentDate && isAfter(commitmentDate, departure)) {
    add('commitmentDate', 'check.commitmentAfterDeparture', { departure });
  }
  if (departure && approvalDate && isAfter(approvalDate, departure)) {
    add('approvalDate', 'check.approvalAfterDeparture', { departure });
  }
  if (applicationDate && approvalDate && isBefore(approvalDate, applicationDate)) {
    add('approvalDate', 'check.approvalBeforeApplication', { applicationDate });
  }
  if (plannedReturn && extendedReturn && !isAfter(extendedReturn, plannedReturn)) {
    add('extendedReturn', 'check.extendedReturnNotLater', { plannedReturn });
  }
  if (trip.overstay === 'permitted' && !extendedReturn) add('overstay', 'check.permittedOverstayWithoutExtension', {});
  if (returnReportDate && !actualReturn) add('returnReportDate', 'check.reportWithoutReturn', {});
  if (actualReturn && returnReportDate && isBefore(returnReportDate, actualReturn)) {
    add('returnReportDate', 'check.reportBeforeReturn', { actualReturn });
  }
  if (today !== undefined) {
    for (const field of pastOnlyFields) {
      const value = realDateOrNull(trip[field]);
      if (value && isAfter(value, today)) add(field, 'check.dateInFuture', { today });
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
export function tripHints(
  trip: TripFacts,
  settings: DeadlineSettings,
  calendar: HolidayCalendar,
  today: CivilDate,
): TripHints {
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
      hint('warning', 'hint.applicationLate', { ...params, applicationDate: formatCivilDate(applicationDate) }, 'applicationDate');
    } else if (!applicationDate && !actualDeparture && isAfter(today, deadline)) {
      hint('warning', 'hint.applicationDeadlinePassed', params, 'applicationDate');
    }
  }

  const end = permittedReturn(trip);
  if (actualDeparture && !realDateOrNull(trip.actualReturn) && end && isAfter(today, end)) {
    // Once the unauthorised stay is recorded, only the return is still awaited: no extension is offered.
    const recorded = trip.overstay === 'unauthorised';
    hint('warning', recorded ? 'hint.unauthorisedStayRecorded' : 'hint.pastPermittedReturn', { date: formatCivilDate(end) }, 'actualReturn');
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

function formatDates(params: Record<string, CivilDate>): Record<string, string> {
  return Object.fromEntries(Object.entries(params).map(([name, date]) => [name, formatCivilDate(date)]));
}
