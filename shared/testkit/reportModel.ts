import type { DurationBracket, TripPurpose } from '../domain/enums';
import { addDays, addMonths } from '../rules/dates';
import type { ReportTrip } from '../report/compute';
import { emptyComplianceFlagCounts, type ReportData } from '../report/data';

/**
 * The trips behind appendix 02 of the provincial model report (reference 003): 2,542 trips
 * permitted from 2023 to May 2026, by year and duration bracket, 924 of them self-funded or
 * private, one permitted to stay beyond its term. Plus trips that must not be counted:
 * refused, cancelled, undecided, and permitted outside the period.
 */
export const modelPeriod = { from: '2023-01-01', to: '2026-05-31' };

export const modelAppendix02Rows: {
  year: number;
  until: string;
  total: number;
  under1m: number;
  from1to3m: number;
  from3to12m: number;
  over12m: number;
}[] = [
  { year: 2023, until: '2023-12-31', total: 720, under1m: 631, from1to3m: 65, from3to12m: 21, over12m: 3 },
  { year: 2024, until: '2024-12-31', total: 819, under1m: 734, from1to3m: 64, from3to12m: 17, over12m: 4 },
  { year: 2025, until: '2025-12-31', total: 603, under1m: 508, from1to3m: 70, from3to12m: 17, over12m: 8 },
  { year: 2026, until: '2026-05-31', total: 400, under1m: 321, from1to3m: 55, from3to12m: 22, over12m: 2 },
];

export const modelSelfFundedOrPrivate = 924;

/** Return dates that put a trip in its bracket, alternating between the bracket's edge and its middle. */
function plannedReturnFor(departure: string, bracket: DurationBracket, index: number): string {
  const edge = index % 2 === 0;
  switch (bracket) {
    case 'under1m':
      return edge ? addDays(addMonths(departure, 1), -1) : addDays(departure, 9);
    case 'from1to3m':
      return edge ? addMonths(departure, index % 4 === 0 ? 1 : 3) : addMonths(departure, 2);
    case 'from3to12m':
      return edge ? addDays(addMonths(departure, 3), 1) : addMonths(departure, index % 4 === 1 ? 12 : 6);
    case 'over12m':
      return edge ? addDays(addMonths(departure, 12), 1) : addMonths(departure, 18);
  }
}

const privateMix: { purpose: TripPurpose; selfFunded: boolean }[] = [
  { purpose: 'tourism', selfFunded: true },
  { purpose: 'family_visit', selfFunded: true },
  { purpose: 'medical', selfFunded: true },
  { purpose: 'other_private', selfFunded: true },
  { purpose: 'labour', selfFunded: true },
  { purpose: 'study', selfFunded: true },
];
const officialMix: { purpose: TripPurpose; selfFunded: boolean }[] = [
  { purpose: 'official', selfFunded: false },
  { purpose: 'official', selfFunded: false },
  { purpose: 'study', selfFunded: false },
];

function baseTrip(
  id: string,
  memberId: string,
): Omit<ReportTrip, 'purpose' | 'selfFunded' | 'plannedDeparture' | 'plannedReturn' | 'approvalDate' | 'state'> {
  return {
    id,
    memberId,
    specialMission: false,
    invitedByName: false,
    overstay: 'none',
    activityTransfer: 'none',
    exemption: false,
    labourExportTransfer: false,
    transferredBackDate: null,
    travelDocument: 'passport',
  };
}

export function modelTrips(): ReportTrip[] {
  const trips: ReportTrip[] = [];
  let sequence = 0;
  for (const row of modelAppendix02Rows) {
    const lastMonth = Number(row.until.slice(5, 7));
    const brackets: DurationBracket[] = ['under1m', 'from1to3m', 'from3to12m', 'over12m'];
    for (const bracket of brackets) {
      for (let index = 0; index < row[bracket]; index += 1) {
        const month = 1 + (index % lastMonth);
        const day = 1 + (index % 28);
        const approvalDate = `${row.year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
        const plannedDeparture = addDays(approvalDate, 7 + (index % 5));
        const mix =
          sequence < modelSelfFundedOrPrivate
            ? privateMix[sequence % privateMix.length]!
            : officialMix[sequence % officialMix.length]!;
        trips.push({
          ...baseTrip(`model-${sequence}`, `member-${sequence % 1900}`),
          ...mix,
          state: 'closed',
          approvalDate,
          approvalRef: `${sequence + 1}-QĐ/ĐU`,
          plannedDeparture,
          plannedReturn: plannedReturnFor(plannedDeparture, bracket, index),
          actualDeparture: plannedDeparture,
        });
        sequence += 1;
      }
    }
  }
  const stayedOn = trips.find(
    (trip) =>
      trip.approvalDate?.startsWith('2025') &&
      trip.plannedReturn &&
      trip.plannedDeparture &&
      addMonths(trip.plannedDeparture, 12) < trip.plannedReturn,
  )!;
  stayedOn.overstay = 'permitted';
  stayedOn.extendedReturn = addMonths(stayedOn.plannedReturn!, 2);
  return [...trips, ...uncountedTrips()];
}

/** Trips the appendix must leave out. */
function uncountedTrips(): ReportTrip[] {
  const common = { purpose: 'tourism' as const, selfFunded: true, plannedDeparture: '2024-05-10', plannedReturn: '2024-05-20' };
  return [
    { ...baseTrip('refused', 'member-x1'), ...common, state: 'rejected', approvalDate: null },
    { ...baseTrip('cancelled', 'member-x2'), ...common, state: 'cancelled', approvalDate: '2024-05-01', approvalRef: '9-QĐ/ĐU' },
    { ...baseTrip('awaiting', 'member-x3'), ...common, state: 'submitted', approvalDate: null, applicationDate: '2024-05-01' },
    {
      ...baseTrip('before', 'member-x4'),
      ...common,
      state: 'closed',
      approvalDate: '2022-12-31',
      plannedDeparture: '2023-01-05',
      plannedReturn: '2023-01-15',
    },
    {
      ...baseTrip('after', 'member-x5'),
      ...common,
      state: 'approved',
      approvalDate: '2026-06-01',
      plannedDeparture: '2026-06-10',
      plannedReturn: '2026-06-20',
    },
    {
      ...baseTrip('unpermitted', 'member-x6'),
      ...common,
      state: 'returned',
      approvalDate: null,
      actualDeparture: '2024-05-10',
      actualReturn: '2024-05-20',
    },
  ];
}

/** Report data equal to the appendices of the model report. */
export function modelReportData(): ReportData {
  return {
    unit: { code: 'VT', name: 'Đảng ủy xã Vĩnh Trạch', level: 'commune' },
    period: { ...modelPeriod },
    appendix01: [
      {
        issuer: 'Ban Thường vụ Tỉnh ủy An Giang',
        kind: 'other',
        ref: '3121-QĐ/TU',
        date: '2023-04-26',
        title:
          'về công tác quản lý và nhiệm vụ của cán bộ, đảng viên thuộc Đảng bộ tỉnh An Giang khi ra nước ngoài và quan hệ với cá nhân, tổ chức nước ngoài',
      },
      {
        issuer: 'Ban Thường vụ Tỉnh ủy An Giang',
        kind: 'other',
        ref: '64-QĐ/TU',
        date: '2025-11-27',
        title: 'về công tác quản lý cán bộ, đảng viên đi nước ngoài',
      },
      {
        issuer: 'Ban Thường vụ Đảng ủy xã Vĩnh Trạch',
        kind: 'official_letter',
        ref: '112-CV/ĐU',
        date: '2025-08-05',
        title: 'về việc tăng cường quản lý đảng viên xuất cảnh bằng giấy thông hành',
      },
    ],
    appendix02: {
      rows: modelAppendix02Rows.map((row) => ({ ...row })),
      total: { total: 2542, under1m: 2194, from1to3m: 254, from3to12m: 77, over12m: 17 },
      specialMission: 0,
      invitedByName: 0,
      selfFundedOrPrivate: modelSelfFundedOrPrivate,
      stayedBeyondTerm: { total: 1, permitted: 1, unauthorised: 0 },
    },
    appendix03: {
      rows: [
        { year: 2023, until: '2023-12-31', transferredOut: 1, transferredBack: 0, notTransferredBack: 1 },
        { year: 2024, until: '2024-12-31', transferredOut: 0, transferredBack: 0, notTransferredBack: 0 },
        { year: 2025, until: '2025-12-31', transferredOut: 0, transferredBack: 0, notTransferredBack: 0 },
        { year: 2026, until: '2026-05-31', transferredOut: 0, transferredBack: 0, notTransferredBack: 0 },
      ],
      total: { transferredOut: 1, transferredBack: 0, notTransferredBack: 1 },
      enterprise: { committees: 0, cells: 0, members: 0 },
    },
    figures: {
      permitted: 2542,
      official: 1618,
      selfFundedOrPrivate: 924,
      temporaryTransfers: 15,
      officialTransfers: 15,
      exemptions: 82,
      marriagesToForeigners: 3,
      leftParty: 2,
      abroadNow: 37,
      complianceFlags: { ...emptyComplianceFlagCounts(), return_report_overdue: 4, border_pass_unreported: 2 },
    },
  };
}
