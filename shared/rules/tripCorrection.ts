import type { OverstayKind, TripState } from '../domain/enums';
import { realDateOrNull, type CivilDate } from './dates';
import {
  checkTransition,
  derivedChanges,
  transitionRules,
  type TransitionChanges,
  type TransitionInputs,
  type TripTransition,
} from './tripMachine';
import type { RuleIssue, TripRecordFacts } from './types';

/**
 * Correcting a recorded step and removing a trip entered by mistake. A correction replays the
 * trip's last step with the corrected input on the trip as it stood before that step, under the
 * same rules as recording it, so that a corrected trip is one that could have been recorded so.
 */

/** The history's name for a correction of a step, so that it reads as what it is and is never taken for a step itself. */
export const correctionEventName = 'correct_step';

/** A step of the trip's life as recorded in its history. */
export interface RecordedStep {
  transition: TripTransition;
  fromState: TripState;
  /** What the step recorded: its input and the stay beyond term it established. */
  values: Record<string, unknown>;
}

/** The return date of the extension before the one being corrected, when the step corrected is an extension of an extension. */
export interface EarlierSteps {
  previousExtendedReturn: CivilDate | null;
}

/** The trip's facts as they stood before its last step: the step's own dates taken out again. */
export function factsBeforeStep(trip: TripRecordFacts, step: RecordedStep, earlier: EarlierSteps): TripRecordFacts {
  const before: TripRecordFacts = { ...trip, state: step.fromState };
  const overstayBeforeAbroadStep: OverstayKind = step.fromState === 'extended' ? 'permitted' : 'none';
  switch (step.transition) {
    case 'submit':
      return { ...before, applicationDate: null, commitmentDate: null };
    case 'approve':
      return { ...before, approvalDate: null, approvalRef: null };
    case 'depart':
      return { ...before, actualDeparture: null };
    case 'extend':
      return { ...before, extendedReturn: earlier.previousExtendedReturn, overstay: overstayBeforeAbroadStep };
    case 'record_unauthorised_stay':
      return { ...before, overstay: overstayBeforeAbroadStep };
    case 'return': {
      // A return after the permitted date recorded the unauthorised stay itself; before it, the stay was as extended or none.
      const recordedOverstay = 'overstay' in step.values;
      const overstay = recordedOverstay ? (realDateOrNull(trip.extendedReturn) ? 'permitted' : 'none') : trip.overstay;
      return { ...before, actualReturn: null, overstay };
    }
    case 'report':
      return { ...before, returnReportDate: null };
    default:
      return before;
  }
}

export type CorrectionResult<T extends TripTransition> =
  { ok: true; state: TripState; changes: TransitionChanges<T>; before: TripRecordFacts } | { ok: false; issues: RuleIssue[] };

/**
 * The last step recorded again with corrected input. The member's situation today is not asked:
 * the correction states what happened then, which a later disciplinary case does not change.
 */
export function correctLastStep<T extends TripTransition>(
  trip: TripRecordFacts,
  step: RecordedStep & { transition: T },
  input: TransitionInputs[T],
  context: { today: CivilDate; earlier: EarlierSteps },
): CorrectionResult<T> {
  const before = factsBeforeStep(trip, step, context.earlier);
  const issues = checkTransition(before, step.transition, input, { today: context.today, member: null });
  if (issues.length > 0) return { ok: false, issues };
  return {
    ok: true,
    state: transitionRules[step.transition].to,
    changes: { ...input, ...derivedChanges(before, step.transition, input) },
    before,
  };
}

/** The states of a trip on which nobody has decided yet; a cancelled trip qualifies only if it was cancelled before any decision. */
const undecidedStates: readonly TripState[] = ['draft', 'submitted', 'cancelled'];

/**
 * Why a trip may not be removed. Only a trip on which nothing was decided may go, such as one
 * entered twice; a trip with a decision, a refusal or a departure is part of the record.
 */
export function tripDeletionBlockers(trip: TripRecordFacts): RuleIssue[] {
  const decided =
    !undecidedStates.includes(trip.state) ||
    realDateOrNull(trip.approvalDate) !== null ||
    Boolean(trip.approvalRef?.trim()) ||
    realDateOrNull(trip.actualDeparture) !== null;
  return decided ? [{ key: 'reason.delete.hasDecision', params: {} }] : [];
}
