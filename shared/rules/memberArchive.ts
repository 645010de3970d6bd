import type { TripState } from '../domain/enums';
import { abroadTripStates } from './tripMachine';
import type { RuleIssue } from './types';

/** The states in which a trip's life is over: nothing more will be recorded on it. */
export const finishedTripStates: readonly TripState[] = ['closed', 'cancelled', 'rejected'];

/** The member's trips that still await a step: archiving would leave them half recorded. */
export function unfinishedTrips<Trip extends { state: TripState }>(trips: readonly Trip[]): Trip[] {
  return trips.filter((trip) => !finishedTripStates.includes(trip.state));
}

/**
 * Why a member's record may not be archived now. A member abroad on a trip still has a return
 * to be recorded, which an archived record no longer accepts.
 */
export function archiveBlockers(trips: readonly { state: TripState }[]): RuleIssue[] {
  return trips.some((trip) => abroadTripStates.includes(trip.state)) ? [{ key: 'reason.archive.abroad', params: {} }] : [];
}
