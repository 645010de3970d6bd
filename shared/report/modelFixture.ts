import type { DurationBracket, TripPurpose } from '../domain/enums';
import { addDays, addMonths } from '../rules/dates';
import type { ReportTrip } from './compute';

/**
 * The trips behind appendix 02 of the provincial model report (reference 003): 2,542 trips
 * permitted from 2023 to May 2026, by year and duration bracket, 924 of them self-funded or
 * private, one permitted to stay beyond its term. Plus trips that must not be counted:
 * refused, cancelled, undecided, and permitted outside the period.
 */
export const modelPeriod = { from: '2023-01-01', to: '2026-05-31' };

export const modelAppendix02Rows: { year: number; until: string; total: number; under1m: number; from1to3m: number; from3to12m: number; over12m: number }[] = [
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

function baseTrip(id: string, memberId: string): Omit<ReportTrip, 'purpose' | 'selfFunded' | 'plannedDeparture' | 'plannedReturn' | 'approvalDate' | 'state'> {
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
        const mix = sequence < modelSelfFundedOrPrivate ? privateMix[sequence % privateMix.length]! : officialMix[sequence % officialMix.length]!;
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
  const stayedOn = trips.find((trip) => trip.approvalDate?.startsWith('2025') && trip.plannedReturn && trip.plannedDeparture && addMonths(trip.plannedDeparture, 12) < trip.plannedReturn)!;
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
    { ...baseTrip('before', 'member-x4'), ...common, state: 'closed', approvalDate: '2022-12-31', plannedDeparture: '2023-01-05', plannedReturn: '2023-01-15' },
    { ...baseTrip('after', 'member-x5'), ...common, state: 'approved', approvalDate: '2026-06-01', plannedDeparture: '2026-06-10', plannedReturn: '2026-06-20' },
    { ...baseTrip('unpermitted', 'member-x6'), ...common, state: 'returned', approvalDate: null, actualDeparture: '2024-05-10', actualReturn: '2024-05-20' },
  ];
}
