import { describe, expect, it } from 'vitest';
import { type TripState, tripStates } from '../domain/enums';
import { translate } from '../i18n';
import {
  applyTransition,
  availableTransitions,
  checkTransition,
  deriveStateFromDates,
  type TransitionContext,
  type TransitionInputs,
  transitionInputSchemas,
  transitionRules,
  type TripTransition,
  tripTransitions,
} from './tripMachine';
import type { TripFacts, TripRecordFacts } from './types';

const today = '2025-06-30';
const context: TransitionContext = { today, member: { status: 'active', underDisciplinaryReview: false } };

const planned: TripFacts = { purpose: 'tourism', plannedDeparture: '2025-05-10', plannedReturn: '2025-05-20' };
const submitted: TripFacts = { ...planned, applicationDate: '2025-04-20' };
const approved: TripFacts = { ...submitted, approvalDate: '2025-04-25', approvalRef: '12-QĐ/ĐU' };
const departed: TripFacts = { ...approved, actualDeparture: '2025-05-10' };
const returned: TripFacts = { ...departed, actualReturn: '2025-05-20' };
const reported: TripFacts = { ...returned, returnReportDate: '2025-05-26' };

/** A trip in each state, with the dates that state implies. */
const tripIn: Record<TripState, TripRecordFacts> = {
  draft: { ...planned, state: 'draft' },
  submitted: { ...submitted, state: 'submitted' },
  approved: { ...approved, state: 'approved' },
  rejected: { ...submitted, state: 'rejected' },
  cancelled: { ...planned, state: 'cancelled' },
  departed: { ...departed, state: 'departed' },
  extended: { ...departed, extendedReturn: '2025-06-10', overstay: 'permitted', state: 'extended' },
  unauthorised_stay: { ...departed, overstay: 'unauthorised', state: 'unauthorised_stay' },
  returned: { ...returned, state: 'returned' },
  reported: { ...reported, state: 'reported' },
  closed: { ...reported, state: 'closed' },
};

const reportContents = {
  foreignContacts: 'Không',
  giftsAndInvitations: 'Không',
  documentsBroughtBack: 'Không',
  issues: 'Không',
};

/** An input for each transition that every precondition accepts. */
const validInput: { [T in TripTransition]: TransitionInputs[T] } = {
  submit: { applicationDate: '2025-04-20', commitmentDate: null, cellOpinion: 'Chi bộ đồng ý' },
  approve: { approvalRef: '12-QĐ/ĐU', approvalDate: '2025-04-25', approvingCommittee: 'Ban Thường vụ Đảng ủy xã' },
  reject: { decisionDate: '2025-04-25', reason: 'Chưa đủ điều kiện' },
  cancel: { cancelledOn: '2025-04-28', reason: 'Đảng viên rút đơn' },
  depart: { actualDeparture: '2025-05-10' },
  extend: { extendedReturn: '2025-07-31', extensionRef: '15-QĐ/ĐU', extensionDate: '2025-06-05' },
  record_unauthorised_stay: { recordedOn: '2025-06-30' },
  return: { actualReturn: '2025-06-20' },
  report: { returnReportDate: '2025-05-26', contents: reportContents },
  close: { closedOn: '2025-06-15', evaluation: 'Chấp hành tốt quy định' },
};

const allowed: Record<TripState, readonly TripTransition[]> = {
  draft: ['submit', 'cancel'],
  submitted: ['approve', 'reject', 'cancel'],
  approved: ['cancel', 'depart'],
  rejected: [],
  cancelled: [],
  departed: ['extend', 'record_unauthorised_stay', 'return'],
  extended: ['extend', 'record_unauthorised_stay', 'return'],
  unauthorised_stay: ['return'],
  returned: ['report'],
  reported: ['close'],
  closed: [],
};

const expectedTarget: Record<TripTransition, TripState> = {
  submit: 'submitted',
  approve: 'approved',
  reject: 'rejected',
  cancel: 'cancelled',
  depart: 'departed',
  extend: 'extended',
  record_unauthorised_stay: 'unauthorised_stay',
  return: 'returned',
  report: 'reported',
  close: 'closed',
};

function run<T extends TripTransition>(trip: TripRecordFacts, transition: T, input: TransitionInputs[T], at = context) {
  return applyTransition(trip, transition, input, at);
}

/** The keys of the refusals, after checking that each one reads in full in both languages. */
function keys<T extends TripTransition>(trip: TripRecordFacts, transition: T, input: TransitionInputs[T], at = context) {
  const issues = checkTransition(trip, transition, input, at);
  for (const issue of issues) {
    expect(translate('vi', issue.key, issue.params)).not.toMatch(/\{\w+\}/);
    expect(translate('en', issue.key, issue.params)).not.toMatch(/\{\w+\}/);
  }
  return issues.map((issue) => issue.key);
}

describe('every state against every transition', () => {
  const table = tripStates.flatMap((state) => tripTransitions.map((transition) => [state, transition] as const));

  it.each(table)('from %s, %s', (state, transition) => {
    const result = run(tripIn[state], transition, validInput[transition]);
    if (allowed[state].includes(transition)) {
      expect(result).toEqual({
        ok: true,
        state: expectedTarget[transition],
        changes: expect.objectContaining(validInput[transition]),
      });
    } else {
      const refusal =
        transition === 'depart' && (state === 'draft' || state === 'submitted')
          ? 'reason.depart.notApproved'
          : `reason.notAllowed.${transition}`;
      expect(result).toEqual({ ok: false, issues: [{ key: refusal, params: { state } }] });
    }
  });

  it('lists the transitions available in each state', () => {
    for (const state of tripStates) {
      expect(availableTransitions(tripIn[state], context).sort()).toEqual([...allowed[state]].sort());
    }
  });

  it('keeps the declared rules and the allowed table in step', () => {
    for (const transition of tripTransitions) {
      const from = tripStates.filter((state) => allowed[state].includes(transition));
      expect([...transitionRules[transition].from].sort()).toEqual(from.sort());
      expect(transitionRules[transition].to).toBe(expectedTarget[transition]);
    }
  });

  it('accepts every valid input through the contract schemas', () => {
    for (const transition of tripTransitions) {
      expect(transitionInputSchemas[transition].safeParse(validInput[transition]).success).toBe(true);
    }
  });
});

describe('refused preconditions', () => {
  const underReview: TransitionContext = { today, member: { status: 'active', underDisciplinaryReview: true } };
  const deceased: TransitionContext = { today, member: { status: 'deceased', underDisciplinaryReview: false } };
  const early: TransitionContext = { ...context, today: '2025-05-15' };
  const familyVisit: TripRecordFacts = { ...tripIn.submitted, purpose: 'family_visit' };

  interface Refusal {
    name: string;
    refused: () => string[];
    expected: string[];
  }
  /** A refusal case: the valid input of the transition with some of its fields changed. */
  const refusal = <T extends TripTransition>(
    name: string,
    trip: TripRecordFacts,
    transition: T,
    change: Partial<TransitionInputs[T]>,
    expected: string[],
    at: TransitionContext = context,
  ): Refusal => ({ name, refused: () => keys(trip, transition, { ...validInput[transition], ...change }, at), expected });
  const untilReturn: TransitionContext = { ...context, today: '2025-06-10' };

  const cases: Refusal[] = [
    refusal(
      'no permission for a member under review',
      tripIn.submitted,
      'approve',
      {},
      ['reason.approve.memberUnderReview'],
      underReview,
    ),
    refusal(
      'no application from a member no longer in the unit',
      tripIn.draft,
      'submit',
      {},
      ['reason.memberInactive'],
      deceased,
    ),
    refusal(
      'no permission for a member no longer in the unit',
      tripIn.submitted,
      'approve',
      {},
      ['reason.memberInactive'],
      deceased,
    ),
    refusal('no family visit permitted without the commitment', familyVisit, 'approve', {}, ['reason.approve.commitmentMissing']),
    refusal('an application needs the planned period', { ...tripIn.draft, plannedReturn: null }, 'submit', {}, [
      'reason.plannedPeriodMissing',
    ]),
    refusal('an application needs a forward period', { ...tripIn.draft, plannedReturn: '2025-05-01' }, 'submit', {}, [
      'check.plannedReturnBeforeDeparture',
    ]),
    refusal('an application after the planned departure', tripIn.draft, 'submit', { applicationDate: '2025-05-11' }, [
      'check.applicationAfterDeparture',
    ]),
    refusal('a commitment signed after the planned departure', tripIn.draft, 'submit', { commitmentDate: '2025-05-12' }, [
      'check.commitmentAfterDeparture',
    ]),
    refusal('an application without the cell’s opinion', tripIn.draft, 'submit', { cellOpinion: '   ' }, ['reason.required']),
    refusal('a permission dated before the application', tripIn.submitted, 'approve', { approvalDate: '2025-04-19' }, [
      'check.approvalBeforeApplication',
    ]),
    refusal('a permission dated after the planned departure', tripIn.submitted, 'approve', { approvalDate: '2025-05-11' }, [
      'check.approvalAfterDeparture',
    ]),
    refusal(
      'a permission with no decision number or committee',
      tripIn.submitted,
      'approve',
      { approvalRef: ' ', approvingCommittee: '' },
      ['reason.required', 'reason.required'],
    ),
    refusal('a refusal dated before the application', tripIn.submitted, 'reject', { decisionDate: '2025-04-01' }, [
      'check.decisionBeforeApplication',
    ]),
    refusal('a refusal without a reason', tripIn.submitted, 'reject', { reason: '' }, ['reason.required']),
    refusal('a cancellation without a reason', tripIn.approved, 'cancel', { reason: '' }, ['reason.required']),
    refusal(
      'cancelling a trip whose departure is recorded',
      { ...tripIn.approved, actualDeparture: '2025-05-10' },
      'cancel',
      {},
      ['reason.cancel.departed'],
    ),
    refusal('a departure before the permission decision', tripIn.approved, 'depart', { actualDeparture: '2025-04-24' }, [
      'check.departureBeforeApproval',
    ]),
    refusal('a departure in the future', tripIn.approved, 'depart', { actualDeparture: '2025-07-01' }, ['check.dateInFuture']),
    refusal('a departure on a day that does not exist', tripIn.approved, 'depart', { actualDeparture: '2025-02-30' }, [
      'reason.dateInvalid',
    ]),
    refusal('an extension that does not move the return later', tripIn.departed, 'extend', { extendedReturn: '2025-05-20' }, [
      'check.extendedReturnNotLater',
    ]),
    refusal('a second extension shorter than the first', tripIn.extended, 'extend', { extendedReturn: '2025-06-01' }, [
      'check.extendedReturnNotLater',
    ]),
    refusal('an extension decided before the departure', tripIn.departed, 'extend', { extensionDate: '2025-05-09' }, [
      'check.extensionBeforeDeparture',
    ]),
    refusal('an extension without its decision number', tripIn.departed, 'extend', { extensionRef: '' }, ['reason.required']),
    refusal(
      'an unauthorised stay before the permitted return has passed',
      tripIn.departed,
      'record_unauthorised_stay',
      { recordedOn: '2025-05-15' },
      ['reason.unauthorisedStay.notOverdue', 'check.unauthorisedStayTooEarly'],
      early,
    ),
    refusal(
      'an unauthorised stay while an extension still runs',
      tripIn.extended,
      'record_unauthorised_stay',
      { recordedOn: '2025-06-10' },
      ['reason.unauthorisedStay.notOverdue', 'check.unauthorisedStayTooEarly'],
      untilReturn,
    ),
    refusal('a return before the departure', tripIn.departed, 'return', { actualReturn: '2025-05-09' }, [
      'check.actualReturnBeforeDeparture',
    ]),
    refusal('a return report before the return', tripIn.returned, 'report', { returnReportDate: '2025-05-19' }, [
      'check.reportBeforeReturn',
    ]),
    refusal('closing before the return report', tripIn.reported, 'close', { closedOn: '2025-05-25' }, [
      'check.closedBeforeReport',
    ]),
    refusal('closing without an evaluation', tripIn.reported, 'close', { evaluation: ' ' }, ['reason.required']),
  ];

  it.each(cases)('$name', ({ refused, expected }) => {
    expect(refused()).toEqual(expected);
  });

  it('gives every failing reason at once, each with its field and parameters', () => {
    const issues = checkTransition(
      tripIn.submitted,
      'approve',
      { approvalRef: '', approvalDate: '2025-07-02', approvingCommittee: 'Ban Thường vụ' },
      underReview,
    );
    expect(issues).toEqual([
      { key: 'reason.approve.memberUnderReview', params: {} },
      { field: 'approvalRef', key: 'reason.required', params: {} },
      { field: 'approvalDate', key: 'check.dateInFuture', params: { date: '02/07/2025', today: '30/06/2025' } },
    ]);
  });

  it('words date-order refusals with the dates involved', () => {
    expect(checkTransition(tripIn.approved, 'depart', { actualDeparture: '2025-04-24' }, context)).toEqual([
      {
        field: 'actualDeparture',
        key: 'check.departureBeforeApproval',
        params: { actualDeparture: '24/04/2025', approvalDate: '25/04/2025' },
      },
    ]);
  });

  it('never throws, even on input that escaped the schema', () => {
    const loose = { actualReturn: 42 } as unknown as TransitionInputs['return'];
    expect(checkTransition(tripIn.departed, 'return', loose, context)).toEqual([
      { field: 'actualReturn', key: 'reason.dateInvalid', params: {} },
    ]);
    const noContents = { returnReportDate: '2025-05-26' } as unknown as TransitionInputs['report'];
    expect(checkTransition(tripIn.returned, 'report', noContents, context).map((issue) => issue.field)).toEqual(['contents']);
  });

  it('hides the transitions whose own preconditions fail', () => {
    expect(availableTransitions(tripIn.submitted, underReview)).toEqual(['reject', 'cancel']);
    expect(availableTransitions(tripIn.departed, early)).toEqual(['extend', 'return']);
    expect(availableTransitions(familyVisit, context)).toEqual(['reject', 'cancel']);
    expect(availableTransitions({ ...familyVisit, commitmentDate: '2025-04-20' }, context)).toContain('approve');
  });

  it('checks the member only when the caller knows the member', () => {
    expect(keys(tripIn.submitted, 'approve', validInput.approve, { today })).toEqual([]);
  });
});

describe('applyTransition', () => {
  it('returns the new state and the fields to write without touching the trip', () => {
    const trip = Object.freeze({ ...tripIn.approved });
    expect(run(trip, 'depart', { actualDeparture: '2025-05-10' })).toEqual({
      ok: true,
      state: 'departed',
      changes: { actualDeparture: '2025-05-10' },
    });
    expect(trip.state).toBe('approved');
  });

  it('marks an extension as a permitted stay beyond term', () => {
    const result = run(tripIn.departed, 'extend', validInput.extend);
    expect(result).toEqual({ ok: true, state: 'extended', changes: { ...validInput.extend, overstay: 'permitted' } });
  });

  it('marks a recorded unauthorised stay', () => {
    const result = run(tripIn.departed, 'record_unauthorised_stay', validInput.record_unauthorised_stay);
    expect(result.ok && result.changes.overstay).toBe('unauthorised');
  });

  it.each([
    ['a return within the permitted stay', tripIn.departed, '2025-05-20', undefined],
    ['a late return with no extension', tripIn.departed, '2025-05-21', 'unauthorised'],
    ['a return within the extension', tripIn.extended, '2025-06-10', undefined],
    ['a return after the extension ran out', tripIn.extended, '2025-06-11', 'unauthorised'],
  ] as const)('records %s', (_name, trip, actualReturn, overstay) => {
    expect(run(trip, 'return', { actualReturn })).toStrictEqual({
      ok: true,
      state: 'returned',
      changes: overstay === undefined ? { actualReturn } : { actualReturn, overstay },
    });
  });

  it('refuses with every reason instead of a result', () => {
    expect(run(tripIn.draft, 'depart', { actualDeparture: '2025-05-10' })).toEqual({
      ok: false,
      issues: [{ key: 'reason.depart.notApproved', params: { state: 'draft' } }],
    });
  });
});

describe('deriveStateFromDates', () => {
  it.each([
    [{}, 'draft'],
    [{ applicationDate: '2025-04-20' }, 'submitted'],
    [{ applicationDate: '2025-04-20', approvalDate: '2025-04-25' }, 'approved'],
    [{ approvalRef: '12-QĐ/ĐU' }, 'approved'],
    [{ approvalRef: '   ' }, 'draft'],
    [{ approvalDate: '2025-04-25', actualDeparture: '2025-05-10' }, 'departed'],
    [{ actualDeparture: '2025-05-10' }, 'departed'],
    [{ actualDeparture: '2025-05-10', extendedReturn: '2025-07-01' }, 'extended'],
    [{ actualDeparture: '2025-05-10', extendedReturn: '2025-07-01', overstay: 'unauthorised' }, 'unauthorised_stay'],
    [{ actualDeparture: '2025-05-10', actualReturn: '2025-05-20', overstay: 'unauthorised' }, 'returned'],
    [{ actualDeparture: '2025-05-10', actualReturn: '2025-05-20' }, 'returned'],
    [{ actualDeparture: '2025-05-10', actualReturn: '2025-05-20', returnReportDate: '2025-05-25' }, 'reported'],
    [{ applicationDate: '2025-02-30' }, 'draft'],
  ] as [TripFacts, TripState][])('%j is %s', (facts, state) => {
    expect(deriveStateFromDates({ ...planned, ...facts })).toBe(state);
  });
});
