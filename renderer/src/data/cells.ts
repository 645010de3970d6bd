import { useEffect } from 'react';
import { create } from 'zustand';
import type { CellRow } from '@shared/contract/registry';
import { call } from '../api/client';
import { clearOnLock } from '../state/sessionStore';

interface CellsState {
  cells: CellRow[] | null;
  /** Reads the cells again: a member saved with a new cell name creates the cell. */
  refresh(): Promise<void>;
}

/** Counts the sessions, so that an answer arriving after the registry locked is dropped. */
let session = 0;

export const useCellsStore = create<CellsState>((set) => ({
  cells: null,
  refresh: async () => {
    const askedIn = session;
    const cells = await call('cells.list', { includeArchived: false });
    if (askedIn === session) set({ cells });
  },
}));

clearOnLock(() => {
  session += 1;
  useCellsStore.setState({ cells: null });
});

/**
 * How many cells a cell box's dropdown shows at a time; typing narrows them. The boxes render every
 * option they may show, hidden or not, and a large unit has thousands of cells.
 */
export const cellChoicesShown = 50;

/** The unit's party cells, read on first use. */
export function useCells(): CellRow[] {
  const cells = useCellsStore((state) => state.cells);
  const refresh = useCellsStore((state) => state.refresh);
  useEffect(() => {
    // A failure here leaves the lists without their cell filter; the screens report their own failures.
    if (cells === null) refresh().catch(() => undefined);
  }, [cells, refresh]);
  return cells ?? [];
}
