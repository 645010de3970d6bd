import type { TripRow } from '@shared/contract/registry';
import type { ComplianceFlag, TripState } from '@shared/domain/enums';
import { call } from '../api/client';
import { createPagedList } from '../components/pagedList';
import { useMemberList } from './memberList';

export interface TripFilters {
  query: string;
  state: TripState | null;
  flag: ComplianceFlag | null;
  /** With a flag: only the trips where it still needs action. */
  openFlagsOnly: boolean;
}

export const useTripList = createPagedList<TripFilters, TripRow>(
  (filters, offset, limit) =>
    call('trips.search', {
      query: filters.query.trim() || undefined,
      state: filters.state ?? undefined,
      flag: filters.flag ?? undefined,
      openFlagsOnly: filters.flag && filters.openFlagsOnly ? true : undefined,
      offset,
      limit,
    }),
  { query: '', state: null, flag: null, openFlagsOnly: false },
);

/** A trip changed: both lists show it (the members list counts trips and who is abroad). */
export function tripsChanged(): void {
  useTripList.getState().refresh();
  useMemberList.getState().refresh();
}
