import { create } from 'zustand';
import type { ComplianceFlag } from '@shared/domain/enums';
import { useTripList } from '../data/tripList';
import { clearOnLock } from './sessionStore';

export type View =
  | 'home'
  | 'members'
  | 'trips'
  | 'annualRecords'
  | 'catalogues'
  | 'reports'
  | 'packages'
  | 'import'
  | 'reconcile'
  | 'audit'
  | 'settings';

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
  /** A form on screen holds typing not yet saved: leaving it asks first. */
  unsavedChanges: boolean;
  setUnsavedChanges(unsaved: boolean): void;
  /** The move held back until the person confirms leaving the unsaved form. */
  pendingLeave: (() => void) | null;
  /** Drops the unsaved typing and makes the move held back. */
  confirmLeave(): void;
  /** Something that closes every screen (locking, switching registries): at once, or once the person confirms leaving the unsaved form. */
  leaveThen(move: () => void): void;
  stay(): void;
}

const start: Place = { view: 'home', detail: null };

export const useNavigation = create<NavigationState>((set, get) => {
  /** Makes a move at once, or holds it back while a form has unsaved typing. */
  const leave = (move: () => void) => {
    if (get().unsavedChanges) set({ pendingLeave: move });
    else move();
  };
  return {
    ...start,
    history: [],
    go: (view) => leave(() => set({ view, detail: null, history: [] })),
    open: (view, detail) =>
      leave(() => {
        const { view: currentView, detail: currentDetail, history } = get();
        set({ view, detail, history: [...history, { view: currentView, detail: currentDetail }] });
      }),
    replace: (detail) => leave(() => set({ detail })),
    back: () =>
      leave(() => {
        const { history, view } = get();
        const previous = history.at(-1);
        if (previous) set({ ...previous, history: history.slice(0, -1) });
        else set({ view, detail: null });
      }),
    unsavedChanges: false,
    setUnsavedChanges: (unsaved) => set({ unsavedChanges: unsaved }),
    pendingLeave: null,
    confirmLeave: () => {
      const move = get().pendingLeave;
      set({ unsavedChanges: false, pendingLeave: null });
      move?.();
    },
    stay: () => set({ pendingLeave: null }),
    leaveThen: leave,
  };
});

// Record ids are registry data, and the next person to sign in may be someone else.
clearOnLock(() => useNavigation.setState({ ...start, history: [], unsavedChanges: false, pendingLeave: null }));

/** The trips list showing only the trips that carry this compliance flag (still needing action, if asked), as the dashboard's counts open it. */
export function showFlaggedTrips(flag: ComplianceFlag, openFlagsOnly = false): void {
  useTripList.getState().setFilters({ query: '', state: null, flag, openFlagsOnly });
  useNavigation.getState().go('trips');
}
