import { describe, expect, it } from 'vitest';
import { type FlagContext, memberFlags, tripFlags } from './flags';
import { createHolidayCalendar } from './holidays';
import { DeadlineSettings, defaultDeadlineSettings } from './settings';
import type { MemberEventFacts, TripFacts } from './types';

const context: FlagContext = { today: '2025-06-30', settings: defaultDeadlineSettings, calendar: createHolidayCalendar() };

/** Applied on 20/04 (deadline 30/04), permitted 25/04, away 10–20/05, reported 26/05 (due 29/05). */
const compliant: TripFacts = {
  state: 'reported',
  purpose: 'tourism',
  travelDocument: 'passport',
  applicationDate: '2025-04-20',
  approvalDate: '2025-04-25',
  approvalRef: '12-QĐ/ĐU',
  plannedDeparture: '2025-05-10',
  plannedReturn: '2025-05-20',
  actualDeparture: '2025-05-10',
  actualReturn: '2025-05-20',
  returnReportDate: '2025-05-26',
  activityTransfer: 'none',
};
const abroad: TripFacts = { ...compliant, state: 'departed', actualReturn: null, returnReportDate: null };

describe('tripFlags', () => {
  const notGone = { approvalDate: null, approvalRef: null, actualDeparture: null, actualReturn: null, returnReportDate: null };
  const study6Months: TripFacts = { ...abroad, purpose: 'study', plannedReturn: '2025-11-10' };
  const departedWithout = (flag: string) => [{ flag, since: '2025-05-10' }];

  it.each([
    ['a compliant trip', compliant, []],
    [
      'a departure with no permission',
      { ...compliant, approvalDate: null, approvalRef: null },
      departedWithout('departed_without_approval'),
    ],
    [
      'a permission dated after the departure',
      { ...compliant, approvalDate: '2025-05-12' },
      departedWithout('departed_without_approval'),
    ],
    [
      'a permission with no application on file',
      { ...compliant, applicationDate: null },
      [{ flag: 'missing_application', since: '2025-04-25' }],
    ],
    [
      'a family visit permitted with no commitment',
      { ...compliant, purpose: 'family_visit' },
      [{ flag: 'missing_application', since: '2025-04-25' }],
    ],
    ['a family visit with its commitment', { ...compliant, purpose: 'family_visit', commitmentDate: '2025-04-20' }, []],
    [
      'an application after the deadline',
      { ...compliant, applicationDate: '2025-05-02' },
      [{ flag: 'application_late', since: '2025-05-01', dueDate: '2025-04-30' }],
    ],
    ['an application on the deadline', { ...compliant, applicationDate: '2025-04-30' }, []],
    [
      'a member still abroad after the permitted return',
      abroad,
      [{ flag: 'overstay_without_extension', since: '2025-05-21', dueDate: '2025-05-20' }],
    ],
    [
      'a member abroad within an extension',
      { ...abroad, state: 'extended', extendedReturn: '2025-07-15', overstay: 'permitted' },
      [],
    ],
    [
      'a member abroad after the extension ran out',
      { ...abroad, state: 'extended', extendedReturn: '2025-06-15' },
      [{ flag: 'overstay_without_extension', since: '2025-06-16', dueDate: '2025-06-15' }],
    ],
    [
      'a member who came back late with no extension',
      { ...compliant, actualReturn: '2025-05-22', returnReportDate: '2025-05-26' },
      [{ flag: 'overstay_without_extension', since: '2025-05-21', dueDate: '2025-05-20' }],
    ],
    [
      'a return report not received by its due date',
      { ...compliant, state: 'returned', returnReportDate: null },
      [{ flag: 'return_report_overdue', since: '2025-05-30', dueDate: '2025-05-29' }],
    ],
    [
      'a return report received late',
      { ...compliant, returnReportDate: '2025-06-02' },
      [{ flag: 'return_report_overdue', since: '2025-05-30', dueDate: '2025-05-29' }],
    ],
    ['a return report received on its due date', { ...compliant, returnReportDate: '2025-05-29' }, []],
    ['six months of study with no transfer', study6Months, departedWithout('activity_transfer_missing')],
    ['six months of study with a temporary transfer', { ...study6Months, activityTransfer: 'temporary' }, []],
    [
      'two years of official work with only a temporary transfer',
      { ...abroad, purpose: 'official', plannedReturn: '2027-05-10', activityTransfer: 'temporary' },
      departedWithout('activity_transfer_missing'),
    ],
    ['a border-pass trip reported beforehand', { ...compliant, travelDocument: 'border_pass' }, []],
    [
      'a border-pass trip with neither report nor permission',
      {
        ...abroad,
        travelDocument: 'border_pass',
        applicationDate: null,
        approvalDate: null,
        approvalRef: null,
        plannedReturn: '2025-07-01',
      },
      [...departedWithout('departed_without_approval'), ...departedWithout('border_pass_unreported')],
    ],
    [
      'a cancelled trip, however late its application',
      { ...compliant, ...notGone, state: 'cancelled', applicationDate: null },
      [],
    ],
    ['a refused trip', { ...compliant, ...notGone, state: 'rejected' }, []],
  ] as [string, TripFacts, unknown[]][])('%s', (_name, trip, expected) => {
    expect(tripFlags(trip, context)).toEqual(expected);
  });

  it('flags a planned trip whose application has not come by the deadline', () => {
    const planned: TripFacts = {
      state: 'draft',
      purpose: 'medical',
      plannedDeparture: '2025-07-20',
      plannedReturn: '2025-07-30',
    };
    expect(tripFlags(planned, { ...context, today: '2025-07-10' })).toEqual([]);
    expect(tripFlags(planned, { ...context, today: '2025-07-11' })).toEqual([
      { flag: 'application_late', since: '2025-07-11', dueDate: '2025-07-10' },
    ]);
  });

  it('counts the report deadline in working days across Tết', () => {
    const beforeTet: TripFacts = {
      ...compliant,
      applicationDate: '2024-12-20',
      approvalDate: '2024-12-27',
      plannedDeparture: '2025-01-10',
      plannedReturn: '2025-01-24',
      actualDeparture: '2025-01-10',
      actualReturn: '2025-01-24',
    };
    expect(tripFlags({ ...beforeTet, returnReportDate: '2025-02-11' }, context)).toEqual([]);
    expect(tripFlags({ ...beforeTet, returnReportDate: '2025-02-12' }, context)).toEqual([
      { flag: 'return_report_overdue', since: '2025-02-12', dueDate: '2025-02-11' },
    ]);
  });

  it('follows the unit’s deadline settings', () => {
    const strict = {
      ...context,
      settings: DeadlineSettings.parse({ returnReportWorkingDays: 2, applicationDaysBeforeDeparture: 30 }),
    };
    expect(tripFlags(compliant, strict).map((result) => result.flag)).toEqual(['application_late', 'return_report_overdue']);
  });

  it('lists several problems of one trip in the order of the flag list', () => {
    const careless: TripFacts = {
      ...abroad,
      purpose: 'labour',
      travelDocument: 'border_pass',
      applicationDate: null,
      approvalDate: null,
      approvalRef: null,
      plannedReturn: '2026-05-10',
    };
    expect(tripFlags(careless, { ...context, today: '2026-06-01' }).map((result) => result.flag)).toEqual([
      'departed_without_approval',
      'overstay_without_extension',
      'activity_transfer_missing',
      'border_pass_unreported',
    ]);
  });
});

describe('a trip found only by reconciliation', () => {
  const found: TripFacts = {
    state: 'returned',
    purpose: 'other_private',
    travelDocument: 'border_pass',
    plannedDeparture: '2025-05-10',
    plannedReturn: '2025-05-14',
    actualDeparture: '2025-05-10',
    actualReturn: '2025-05-14',
    unreportedFoundOn: '2025-06-20',
  };

  it('is one "xuất cảnh không báo cáo" violation instead of the missing permission, border-pass notice and report it implies', () => {
    expect(tripFlags(found, context)).toEqual([{ flag: 'unreported_departure', since: '2025-05-10' }]);
    expect(tripFlags({ ...found, unreportedFoundOn: null }, context).map((result) => result.flag)).toEqual([
      'departed_without_approval',
      'return_report_overdue',
      'border_pass_unreported',
    ]);
  });

  it('still counts a stay past the return the office recorded', () => {
    expect(tripFlags({ ...found, state: 'departed', actualReturn: null }, context).map((result) => result.flag)).toEqual([
      'unreported_departure',
      'overstay_without_extension',
    ]);
  });
});

describe('memberFlags', () => {
  const marriage: MemberEventFacts = { kind: 'foreign_marriage', date: '2025-03-01', outcome: 'pending' };

  it.each([
    ['no events', [], []],
    ['a marriage not yet dealt with', [marriage], [{ flag: 'foreign_marriage_unprocessed', since: '2025-03-01' }]],
    [
      'a marriage with no outcome recorded',
      [{ ...marriage, outcome: null }],
      [{ flag: 'foreign_marriage_unprocessed', since: '2025-03-01' }],
    ],
    ['a marriage after which the member continues', [{ ...marriage, outcome: 'continuing' }], []],
    ['a marriage settled by a later exemption', [marriage, { kind: 'exemption', date: '2025-04-01' }], []],
    ['a marriage settled by leaving the party', [marriage, { kind: 'left_party', date: '2025-03-01' }], []],
    [
      'a marriage after an older exemption',
      [{ kind: 'exemption', date: '2024-01-01' }, marriage],
      [{ flag: 'foreign_marriage_unprocessed', since: '2025-03-01' }],
    ],
    [
      'two marriages, counted once from the first',
      [{ ...marriage, date: '2025-05-01' }, marriage],
      [{ flag: 'foreign_marriage_unprocessed', since: '2025-03-01' }],
    ],
    ['other events only', [{ kind: 'temporary_transfer_out', date: '2025-03-01' }], []],
  ] as [string, MemberEventFacts[], unknown[]][])('%s', (_name, events, expected) => {
    expect(memberFlags(events)).toEqual(expected);
  });
});
