import { create } from 'zustand';
import type { ComplianceFlag } from '../../../shared/domain/enums';
import { useTripList } from '../features/trips/tripList';
import { clearOnLock } from './sessionStore';

export type View = 'home' | 'members' | 'trips' | 'catalogues' | 'reports' | 'packages' | 'import' | 'audit' | 'settings';

/** A record opened from a section's list; the screen shows it instead of the list. */
export type Detail =
  | { kind: 'member'; memberId: string }
  | { kind: 'newMember' }
  | { kind: 'trip'; tripId: string }
  | { kind: 'tripForm'; tripId: string | null; memberId: string | null };

export interface Place {
  view: View;
  detail: Detail | null;
}

interface NavigationState extends Place {
  /** The places to go back to, latest last. */
  history: Place[];
  /** Switches to a section's list; the way back starts afresh. */
  go(view: View): void;
  /** Opens a record, remembering the current place for `back`. */
  open(view: View, detail: Detail): void;
  /** Shows another record in place of the current one (a saved form becomes the record's page). */
  replace(detail: Detail): void;
  back(): void;
}

const start: Place = { view: 'home', detail: null };

export const useNavigation = create<NavigationState>((set, get) => ({
  ...start,
  history: [],
  go: (view) => set({ view, detail: null, history: [] }),
  open: (view, detail) => {
    const { view: currentView, detail: currentDetail, history } = get();
    set({ view, detail, history: [...history, { view: currentView, detail: currentDetail }] });
  },
  replace: (detail) => set({ detail }),
  back: () => {
    const { history, view } = get();
    const previous = history.at(-1);
    if (previous) set({ ...previous, history: history.slice(0, -1) });
    else set({ view, detail: null });
  },
}));

// Record ids are registry data, and the next person to sign in may be someone else.
clearOnLock(() => useNavigation.setState({ ...start, history: [] }));

/** The trips list showing only the trips that carry this compliance flag, as the dashboard's counts open it. */
export function showFlaggedTrips(flag: ComplianceFlag): void {
  useTripList.getState().setFilters({ query: '', state: null, flag });
  useNavigation.getState().go('trips');
}
