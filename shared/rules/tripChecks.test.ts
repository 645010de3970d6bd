import { describe, expect, it } from 'vitest';
import { translate } from '../i18n';
import { createHolidayCalendar } from './holidays';
import { DeadlineSettings, defaultDeadlineSettings } from './settings';
import { applicationDeadline, returnReportDueDate, tripHints, validateTripFields } from './tripChecks';
import type { TripFacts } from './types';

const calendar = createHolidayCalendar();

const consistent: TripFacts = {
  purpose: 'tourism',
  travelDocument: 'passport',
  applicationDate: '2025-04-20',
  approvalDate: '2025-04-25',
  plannedDeparture: '2025-05-10',
  plannedReturn: '2025-05-20',
  actualDeparture: '2025-05-10',
  actualReturn: '2025-05-20',
  returnReportDate: '2025-05-26',
};

describe('validateTripFields', () => {
  it('finds nothing wrong with a consistent trip', () => {
    expect(validateTripFields(consistent, '2025-06-30')).toEqual([]);
  });

  it.each([
    [
      'return planned before departure',
      { plannedReturn: '2025-05-09' },
      'plannedReturn',
      'check.plannedReturnBeforeDeparture',
      { plannedReturn: '09/05/2025', plannedDeparture: '10/05/2025' },
    ],
    [
      'return before departure',
      { actualReturn: '2025-05-09' },
      'actualReturn',
      'check.actualReturnBeforeDeparture',
      { actualReturn: '09/05/2025', actualDeparture: '10/05/2025' },
    ],
    [
      'return with no departure',
      { actualDeparture: null, plannedDeparture: '2025-05-01' },
      'actualReturn',
      'check.returnWithoutDeparture',
      {},
    ],
    [
      'permission after the departure',
      { approvalDate: '2025-05-11' },
      'approvalDate',
      'check.approvalAfterDeparture',
      { approvalDate: '11/05/2025', departure: '10/05/2025' },
    ],
    [
      'permission before the application',
      { approvalDate: '2025-04-19' },
      'approvalDate',
      'check.approvalBeforeApplication',
      { approvalDate: '19/04/2025', applicationDate: '20/04/2025' },
    ],
    [
      'application after the departure',
      { applicationDate: '2025-05-11', approvalDate: null },
      'applicationDate',
      'check.applicationAfterDeparture',
      { applicationDate: '11/05/2025', departure: '10/05/2025' },
    ],
    [
      'commitment after the departure',
      { commitmentDate: '2025-05-12' },
      'commitmentDate',
      'check.commitmentAfterDeparture',
      { commitmentDate: '12/05/2025', departure: '10/05/2025' },
    ],
    [
      'extended return not after the planned one',
      { extendedReturn: '2025-05-20' },
      'extendedReturn',
      'check.extendedReturnNotLater',
      { extendedReturn: '20/05/2025', permittedReturn: '20/05/2025' },
    ],
    [
      'permitted stay beyond term with no extension',
      { overstay: 'permitted' },
      'overstay',
      'check.permittedOverstayWithoutExtension',
      {},
    ],
    [
      'return report before the return',
      { returnReportDate: '2025-05-19' },
      'returnReportDate',
      'check.reportBeforeReturn',
      { returnReportDate: '19/05/2025', actualReturn: '20/05/2025' },
    ],
    ['return report with no return', { actualReturn: null }, 'returnReportDate', 'check.reportWithoutReturn', {}],
  ] as const)('flags %s', (_name, change, field, key, params) => {
    expect(validateTripFields({ ...consistent, ...change })).toEqual([{ field, key, params }]);
    expect(translate('vi', key, params)).not.toMatch(/\{\w+\}/);
  });

  it('compares with the planned departure until the actual one is known', () => {
    const planned = { ...consistent, actualDeparture: null, actualReturn: null, returnReportDate: null };
    expect(validateTripFields({ ...planned, approvalDate: '2025-05-11' })).toEqual([
      {
        field: 'approvalDate',
        key: 'check.approvalAfterDeparture',
        params: { approvalDate: '11/05/2025', departure: '10/05/2025' },
      },
    ]);
    expect(validateTripFields({ ...planned, actualDeparture: '2025-05-15', approvalDate: '2025-05-11' })).toEqual([]);
  });

  it('refuses dates of past events that lie in the future, when told today', () => {
    expect(validateTripFields(consistent, '2025-05-22')).toEqual([
      { field: 'returnReportDate', key: 'check.dateInFuture', params: { date: '26/05/2025', today: '22/05/2025' } },
    ]);
    expect(validateTripFields(consistent)).toEqual([]);
  });

  it('leaves dates that are not real days to the form’s schema', () => {
    expect(validateTripFields({ ...consistent, actualReturn: '2025-02-30', returnReportDate: null })).toEqual([]);
  });
});

describe('deadlines', () => {
  it('puts the application deadline the configured number of days before the planned departure', () => {
    expect(applicationDeadline({ plannedDeparture: '2025-03-05' }, defaultDeadlineSettings)).toBe('2025-02-23');
    expect(applicationDeadline({ plannedDeparture: '2025-03-05' }, { applicationDaysBeforeDeparture: 0 })).toBe('2025-03-05');
    expect(applicationDeadline({}, defaultDeadlineSettings)).toBeNull();
  });

  it('puts the return report the configured number of working days after the return, across Tết', () => {
    expect(returnReportDueDate({ actualReturn: '2025-01-24' }, defaultDeadlineSettings, calendar)).toBe('2025-02-11');
    expect(returnReportDueDate({ actualReturn: '2025-01-24' }, { returnReportWorkingDays: 1 }, calendar)).toBe('2025-01-27');
    expect(returnReportDueDate({ actualReturn: null }, defaultDeadlineSettings, calendar)).toBeNull();
  });
});

describe('tripHints', () => {
  it('tells the form everything a family visit of five months implies', () => {
    const hints = tripHints(
      { purpose: 'family_visit', travelDocument: 'passport', plannedDeparture: '2025-03-10', plannedReturn: '2025-08-10' },
      defaultDeadlineSettings,
      calendar,
      '2025-02-01',
    );
    expect(hints).toEqual({
      bracket: 'from3to12m',
      activity: { transfer: 'temporary', exemptionPossible: true },
      commitmentRequired: true,
      borderPass: false,
      applicationDeadline: '2025-02-28',
      returnReportDue: null,
      messages: [
        { level: 'info', key: 'hint.duration.from3to12m', params: {}, field: 'plannedReturn' },
        { level: 'info', key: 'hint.activity.temporary', params: {}, field: 'activityTransfer' },
        { level: 'info', key: 'hint.activity.exemptionPossible', params: {}, field: 'exemption' },
        { level: 'warning', key: 'hint.commitmentRequired', params: {}, field: 'commitmentDate' },
        { level: 'info', key: 'hint.applicationDeadline', params: { date: '28/02/2025', days: 10 }, field: 'applicationDate' },
      ],
    });
  });

  it('says nothing while nothing is known', () => {
    expect(tripHints({}, defaultDeadlineSettings, calendar, '2025-02-01')).toEqual({
      bracket: null,
      activity: null,
      commitmentRequired: false,
      borderPass: false,
      applicationDeadline: null,
      returnReportDue: null,
      messages: [],
    });
  });

  /** The warnings shown, after checking that every hint reads in full in both languages. */
  const warnings = (trip: TripFacts, today: string, settings = defaultDeadlineSettings) => {
    const { messages } = tripHints(trip, settings, calendar, today);
    for (const message of messages) {
      expect(translate('vi', message.key, message.params)).not.toMatch(/\{\w+\}/);
      expect(translate('en', message.key, message.params)).not.toMatch(/\{\w+\}/);
    }
    return messages.filter((message) => message.level === 'warning').map((message) => [message.key, message.params]);
  };

  it('warns about border passes, and about one used without a report before leaving', () => {
    const borderTrip: TripFacts = { ...consistent, travelDocument: 'border_pass' };
    expect(tripHints(borderTrip, defaultDeadlineSettings, calendar, '2025-06-30').borderPass).toBe(true);
    expect(warnings(borderTrip, '2025-06-30')).toEqual([['hint.borderPass', {}]]);
    expect(warnings({ ...borderTrip, applicationDate: null, approvalDate: null }, '2025-06-30')).toEqual([
      ['hint.borderPass', {}],
      ['hint.borderPassUnreported', {}],
      ['hint.departedWithoutApproval', {}],
    ]);
  });

  const notYetGone: TripFacts = {
    ...consistent,
    applicationDate: null,
    approvalDate: null,
    actualDeparture: null,
    actualReturn: null,
    returnReportDate: null,
  };
  const stillAbroad: TripFacts = { ...consistent, actualReturn: null, returnReportDate: null };

  it.each([
    [
      'no application after the deadline',
      notYetGone,
      '2025-05-01',
      [['hint.applicationDeadlinePassed', { date: '30/04/2025', days: 10 }]],
    ],
    [
      'an application after the deadline',
      { ...consistent, applicationDate: '2025-05-02' },
      '2025-06-30',
      [['hint.applicationLate', { date: '30/04/2025', days: 10, applicationDate: '02/05/2025' }]],
    ],
    [
      'a report not received by its due date',
      { ...consistent, returnReportDate: null },
      '2025-05-30',
      [['hint.returnReportOverdue', { date: '29/05/2025', days: 7 }]],
    ],
    [
      'a report received late',
      { ...consistent, returnReportDate: '2025-05-30' },
      '2025-06-30',
      [['hint.returnReportLate', { date: '29/05/2025', days: 7, returnReportDate: '30/05/2025' }]],
    ],
    [
      'a member still abroad after the permitted return',
      stillAbroad,
      '2025-05-21',
      [['hint.pastPermittedReturn', { date: '20/05/2025' }]],
    ],
    [
      'a member whose unauthorised stay is recorded: the return is awaited, no extension offered',
      { ...stillAbroad, state: 'unauthorised_stay', overstay: 'unauthorised' },
      '2025-05-21',
      [['hint.unauthorisedStayRecorded', { date: '20/05/2025' }]],
    ],
    [
      'a long trip with no transfer of party activity',
      { ...stillAbroad, purpose: 'study', plannedReturn: '2025-12-10' },
      '2025-06-30',
      [['hint.activity.missing', {}]],
    ],
  ] as const)('warns about %s', (_name, trip, today, expected) => {
    expect(warnings(trip, today)).toEqual(expected);
  });

  it('follows the unit’s own deadlines', () => {
    const settings = DeadlineSettings.parse({ returnReportWorkingDays: 5, applicationDaysBeforeDeparture: 15 });
    const hints = tripHints(consistent, settings, calendar, '2025-06-30');
    expect(hints.applicationDeadline).toBe('2025-04-25');
    expect(hints.returnReportDue).toBe('2025-05-27');
  });

  it('gives the report due date after a return just before Tết', () => {
    const beforeTet: TripFacts = {
      ...consistent,
      applicationDate: '2024-12-20',
      approvalDate: '2024-12-27',
      plannedDeparture: '2025-01-10',
      plannedReturn: '2025-01-24',
      actualDeparture: '2025-01-10',
      actualReturn: '2025-01-24',
      returnReportDate: null,
    };
    expect(tripHints(beforeTet, defaultDeadlineSettings, calendar, '2025-02-11').returnReportDue).toBe('2025-02-11');
    expect(warnings(beforeTet, '2025-02-11')).toEqual([]);
    expect(warnings(beforeTet, '2025-02-12')).toEqual([['hint.returnReportOverdue', { date: '11/02/2025', days: 7 }]]);
  });
});
