import { describe, expect, it } from 'vitest';
import { flagFollowUp } from './flags';
import { correctLastStep, factsBeforeStep, tripDeletionBlockers } from './tripCorrection';
import type { TripRecordFacts } from './types';

const returned: TripRecordFacts = {
  state: 'returned',
  purpose: 'tourism',
  applicationDate: '2026-01-02',
  approvalDate: '2026-01-05',
  approvalRef: '12-QĐ/ĐU',
  plannedDeparture: '2026-01-10',
  plannedReturn: '2026-01-20',
  actualDeparture: '2026-01-10',
  actualReturn: '2026-02-20',
  overstay: 'unauthorised',
};
const returnStep = {
  transition: 'return' as const,
  fromState: 'departed' as const,
  values: { actualReturn: '2026-02-20', overstay: 'unauthorised' },
};
const context = { today: '2026-03-01', earlier: { previousExtendedReturn: null } };

describe('correcting the last step', () => {
  it('takes the step out again, with the stay beyond term it established', () => {
    expect(factsBeforeStep(returned, returnStep, context.earlier)).toMatchObject({
      state: 'departed',
      actualReturn: null,
      overstay: 'none',
    });
  });

  it('replays the step with the corrected input: a return within the permitted period is no longer an overstay', () => {
    const result = correctLastStep(returned, returnStep, { actualReturn: '2026-01-20' }, context);
    expect(result).toMatchObject({
      ok: true,
      state: 'returned',
      changes: { actualReturn: '2026-01-20' },
      before: { overstay: 'none' },
    });
    expect(result.ok && result.changes.overstay).toBeUndefined();
  });

  it('refuses a correction the rules would have refused when the step was recorded', () => {
    expect(correctLastStep(returned, returnStep, { actualReturn: '2026-01-09' }, context)).toEqual({
      ok: false,
      issues: [
        {
          field: 'actualReturn',
          key: 'check.actualReturnBeforeDeparture',
          params: { actualReturn: '09/01/2026', actualDeparture: '10/01/2026' },
        },
      ],
    });
  });

  it('judges an extension of an extension against the extension before it', () => {
    const extended: TripRecordFacts = {
      ...returned,
      state: 'extended',
      actualReturn: null,
      extendedReturn: '2026-03-15',
      overstay: 'permitted',
    };
    const step = { transition: 'extend' as const, fromState: 'extended' as const, values: { extendedReturn: '2026-03-15' } };
    const earlier = { previousExtendedReturn: '2026-02-10' };
    expect(factsBeforeStep(extended, step, earlier)).toMatchObject({ extendedReturn: '2026-02-10', overstay: 'permitted' });
    const input = { extendedReturn: '2026-02-05', extensionRef: '3-QĐ', extensionDate: '2026-01-15' };
    expect(correctLastStep(extended, step, input, { today: context.today, earlier })).toMatchObject({
      ok: false,
      issues: [{ key: 'check.extendedReturnNotLater' }],
    });
  });
});

describe('removing a trip', () => {
  it('allows only a trip on which nothing was decided', () => {
    expect(tripDeletionBlockers({ state: 'draft' })).toEqual([]);
    expect(tripDeletionBlockers({ state: 'submitted', applicationDate: '2026-01-02' })).toEqual([]);
    expect(tripDeletionBlockers({ state: 'cancelled' })).toEqual([]);
    for (const trip of [
      { state: 'cancelled' as const, approvalDate: '2026-01-05' },
      { state: 'rejected' as const },
      { state: 'approved' as const },
      returned,
    ]) {
      expect(tripDeletionBlockers(trip)).toEqual([{ key: 'reason.delete.hasDecision', params: {} }]);
    }
  });
});

describe('what a flag still asks of the office', () => {
  it('chases a missing report, keeps a late one for the record, and offers no extension after an unauthorised stay', () => {
    expect(flagFollowUp({ flag: 'return_report_overdue' }, { ...returned, returnReportDate: null })).toEqual({
      open: true,
      advice: 'flagHelp.return_report_overdue',
    });
    expect(
      flagFollowUp({ flag: 'return_report_overdue' }, { ...returned, state: 'closed', returnReportDate: '2026-02-28' }),
    ).toEqual({ open: false, advice: 'flagRecord.return_report_overdue' });
    const abroad = { ...returned, state: 'unauthorised_stay' as const, actualReturn: null };
    expect(flagFollowUp({ flag: 'overstay_without_extension' }, abroad)).toEqual({
      open: true,
      advice: 'flagHelp.overstay_without_extension.recorded',
    });
    expect(flagFollowUp({ flag: 'overstay_without_extension' }, { ...abroad, overstay: 'none', state: 'departed' })).toEqual({
      open: true,
      advice: 'flagHelp.overstay_without_extension',
    });
    expect(flagFollowUp({ flag: 'overstay_without_extension' }, returned)).toEqual({
      open: false,
      advice: 'flagRecord.overstay_without_extension',
    });
  });
});
