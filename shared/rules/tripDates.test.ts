import { describe, expect, it } from 'vitest';
import { validateTripFields } from './tripChecks';
import { dateOrderIssues } from './tripDates';
import { checkTransition } from './tripMachine';
import type { TripRecordFacts } from './types';

const today = '2025-06-30';
const departed: TripRecordFacts = {
  state: 'departed',
  purpose: 'tourism',
  plannedDeparture: '2025-05-10',
  plannedReturn: '2025-05-20',
  applicationDate: '2025-04-20',
  approvalDate: '2025-04-25',
  actualDeparture: '2025-05-10',
};

describe('the one list of trip date orders', () => {
  it('gives the same issue for the same fault in the form and in the trip’s step', () => {
    const fromForm = validateTripFields({ ...departed, actualReturn: '2025-05-09' }, today);
    const fromStep = checkTransition(departed, 'return', { actualReturn: '2025-05-09' }, { today });
    expect(fromForm).toEqual(fromStep);
    expect(fromStep).toEqual([
      {
        field: 'actualReturn',
        key: 'check.actualReturnBeforeDeparture',
        params: { actualReturn: '09/05/2025', actualDeparture: '10/05/2025' },
      },
    ]);
  });

  it('gives the same issue for a date in the future', () => {
    const fromForm = validateTripFields({ ...departed, actualReturn: '2025-07-01' }, today);
    const fromStep = checkTransition(departed, 'return', { actualReturn: '2025-07-01' }, { today });
    expect(fromForm).toEqual(fromStep);
    expect(fromStep).toEqual([
      { field: 'actualReturn', key: 'check.dateInFuture', params: { date: '01/07/2025', today: '30/06/2025' } },
    ]);
  });

  it('leaves a departure before the permission to the flags when the record is edited, and refuses it as a step', () => {
    const dates = { actualDeparture: '2025-04-24', approvalDate: '2025-04-25' };
    expect(dateOrderIssues(dates, { editing: true })).toEqual([]);
    expect(dateOrderIssues(dates, { editing: false }).map((issue) => issue.key)).toEqual(['check.departureBeforeApproval']);
  });

  it('checks only the dates a step records', () => {
    const dates = {
      plannedDeparture: '2025-05-10',
      plannedReturn: '2025-05-01',
      applicationDate: '2025-05-11',
      departure: '2025-05-10',
    };
    expect(dateOrderIssues(dates, { editing: false, dates: ['applicationDate'] }).map((issue) => issue.field)).toEqual([
      'applicationDate',
    ]);
    expect(dateOrderIssues(dates, { editing: false }).map((issue) => issue.field)).toEqual(['plannedReturn', 'applicationDate']);
  });
});
