import { describe, expect, it } from 'vitest';
import { createHolidayCalendar } from '../rules/holidays';
import { defaultDeadlineSettings } from '../rules/settings';
import { combineReports } from './combine';
import { computeReport, periodYears, type ReportEvent, type ReportInput, type ReportTrip } from './compute';
import { ReportData } from './data';
import { modelAppendix02Rows, modelPeriod, modelSelfFundedOrPrivate, modelTrips } from '../testkit/reportModel';

const flagContext = { today: '2026-06-15', settings: defaultDeadlineSettings, calendar: createHolidayCalendar() };
const unit = { code: 'AG', name: 'Tỉnh ủy An Giang', level: 'province' as const };

function input(overrides: Partial<ReportInput> = {}): ReportInput {
  return {
    unit,
    period: modelPeriod,
    issuedDocuments: [],
    trips: modelTrips(),
    events: [],
    enterprises: [],
    flagContext,
    ...overrides,
  };
}

describe('appendix 02 of the model report', () => {
  const report = computeReport(input());

  it('equals the model table row for row', () => {
    expect(report.appendix02.rows).toEqual(modelAppendix02Rows);
    expect(report.appendix02.total).toEqual({ total: 2542, under1m: 2194, from1to3m: 254, from3to12m: 77, over12m: 17 });
  });

  it('gives the lines below the table and the figures the body quotes', () => {
    expect(report.appendix02).toMatchObject({
      specialMission: 0,
      invitedByName: 0,
      selfFundedOrPrivate: modelSelfFundedOrPrivate,
      stayedBeyondTerm: { total: 1, permitted: 1, unauthorised: 0 },
    });
    expect(report.figures).toMatchObject({ permitted: 2542, official: 1618, selfFundedOrPrivate: 924 });
    expect(ReportData.parse(report)).toEqual(report);
  });

  it('labels the partial last year by its last day', () => {
    expect(periodYears({ from: '2022-01-01', to: '2026-03-31' }).map((row) => row.until)).toEqual([
      '2022-12-31',
      '2023-12-31',
      '2024-12-31',
      '2025-12-31',
      '2026-03-31',
    ]);
  });
});

describe('counting brackets at the calendar-month edges', () => {
  const trip = (id: string, plannedDeparture: string, plannedReturn: string): ReportTrip => ({
    id,
    memberId: id,
    state: 'closed',
    purpose: 'official',
    selfFunded: false,
    specialMission: false,
    invitedByName: false,
    overstay: 'none',
    activityTransfer: 'none',
    exemption: false,
    labourExportTransfer: false,
    transferredBackDate: null,
    approvalDate: '2024-01-02',
    plannedDeparture,
    plannedReturn,
  });

  it.each([
    ['2024-01-31', '2024-02-28', 'under1m'],
    ['2024-01-31', '2024-02-29', 'from1to3m'],
    ['2024-01-31', '2024-04-30', 'from1to3m'],
    ['2024-01-31', '2024-05-01', 'from3to12m'],
    ['2024-02-29', '2025-02-28', 'from3to12m'],
    ['2024-02-29', '2025-03-01', 'over12m'],
  ])('a trip from %s to %s counts as %s', (from, to, bracket) => {
    const report = computeReport(input({ period: { from: '2024-01-01', to: '2024-12-31' }, trips: [trip('t', from, to)] }));
    expect(report.appendix02.total).toMatchObject({ total: 1, [bracket]: 1 });
  });
});

describe('party activity, labour export and marriages', () => {
  const event = (
    id: string,
    kind: ReportEvent['kind'],
    effectiveDate: string,
    extra: Partial<ReportEvent> = {},
  ): ReportEvent => ({
    id,
    memberId: `m-${id}`,
    tripId: null,
    kind,
    effectiveDate,
    returned: null,
    returnedDate: null,
    marriageOutcome: null,
    ...extra,
  });

  it('counts appendix 03 like the model: one member transferred for labour export in 2022, not yet back', () => {
    const report = computeReport(
      input({
        period: { from: '2022-01-01', to: '2026-03-31' },
        trips: [],
        events: [event('l1', 'labour_export_transfer', '2022-08-15', { returned: false })],
      }),
    );
    expect(report.appendix03.rows).toEqual([
      { year: 2022, until: '2022-12-31', transferredOut: 1, transferredBack: 0, notTransferredBack: 1 },
      { year: 2023, until: '2023-12-31', transferredOut: 0, transferredBack: 0, notTransferredBack: 0 },
      { year: 2024, until: '2024-12-31', transferredOut: 0, transferredBack: 0, notTransferredBack: 0 },
      { year: 2025, until: '2025-12-31', transferredOut: 0, transferredBack: 0, notTransferredBack: 0 },
      { year: 2026, until: '2026-03-31', transferredOut: 0, transferredBack: 0, notTransferredBack: 0 },
    ]);
    expect(report.appendix03.total).toEqual({ transferredOut: 1, transferredBack: 0, notTransferredBack: 1 });
  });

  it('counts a transfer once whether it is recorded as an event, on the trip, or both', () => {
    const trips = modelTrips()
      .slice(0, 3)
      .map((trip, index) => ({ ...trip, activityTransfer: index < 2 ? ('temporary' as const) : ('none' as const) }));
    const events = [
      event('e1', 'temporary_transfer_out', '2023-02-01', { tripId: trips[0]!.id }),
      event('e2', 'temporary_transfer_out', '2023-03-01'),
      event('e3', 'exemption', '2023-04-01'),
    ];
    const report = computeReport(input({ trips, events }));
    expect(report.figures).toMatchObject({ temporaryTransfers: 3, officialTransfers: 0, exemptions: 1 });
  });

  it('counts marriages to foreigners, members leaving the party, and flags the unprocessed marriage', () => {
    const events = [
      event('w1', 'foreign_marriage', '2025-10-01', { memberId: 'a', marriageOutcome: 'left_party' }),
      event('w2', 'left_party', '2025-10-27', { memberId: 'a' }),
      event('w3', 'foreign_marriage', '2026-03-01', { memberId: 'b', marriageOutcome: 'left_party' }),
      event('w4', 'left_party', '2026-03-19', { memberId: 'b' }),
      event('w5', 'foreign_marriage', '2025-05-01', { memberId: 'c' }),
    ];
    const report = computeReport(input({ trips: [], events }));
    expect(report.figures).toMatchObject({ marriagesToForeigners: 3, leftParty: 2 });
    expect(report.figures.complianceFlags.foreign_marriage_unprocessed).toBe(1);
  });
});

describe('combining subordinate reports', () => {
  it('adds every figure of the subordinates to the upper level’s own and lists the units', () => {
    const trips = modelTrips();
    const half = Math.floor(trips.length / 2);
    const communeA = computeReport(input({ unit: { code: 'A', name: 'Xã A', level: 'commune' }, trips: trips.slice(0, half) }));
    const communeB = computeReport(input({ unit: { code: 'B', name: 'Xã B', level: 'commune' }, trips: trips.slice(half) }));
    const own = computeReport(input({ trips: [] }));
    const combined = combineReports(
      own,
      [communeA, communeB],
      [
        { code: 'A', name: 'Xã A', status: 'submitted', packageId: 'p1' },
        { code: 'B', name: 'Xã B', status: 'late', packageId: 'p2' },
      ],
    );
    expect(combined.appendix02.rows).toEqual(modelAppendix02Rows);
    expect(combined.figures).toEqual(computeReport(input()).figures);
    expect(combined.units).toHaveLength(2);
    expect(ReportData.parse(combined)).toEqual(combined);
  });
});

describe('appendix 01', () => {
  it('lists the documents of the period in the order they were issued, whatever order they were recorded in', () => {
    const document = (ref: string, date: string) => ({
      issuer: 'Ban Thường vụ Tỉnh ủy',
      kind: 'other' as const,
      ref,
      date,
      title: `Văn bản ${ref}`,
    });
    const report = computeReport(
      input({
        issuedDocuments: [
          document('64-QĐ/TU', '2025-11-27'),
          document('1-CV/TU', '2022-05-01'),
          document('3121-QĐ/TU', '2023-04-26'),
          document('12-KH/TU', '2025-11-27'),
        ],
      }),
    );
    expect(report.appendix01.map((row) => row.ref)).toEqual(['3121-QĐ/TU', '12-KH/TU', '64-QĐ/TU']);
  });
});
