import { isOptionsGroup, type ComboboxItem, type OptionsFilter } from '@mantine/core';
import { useEffect } from 'react';
import { create } from 'zustand';
import type { CellRow } from '@shared/contract/registry';
import { foldForSearch } from '@shared/text/fold';
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

/**
 * How the cell boxes match what is typed: as the search boxes do, with or without accents and in
 * any case. A box holding a cell's whole name (a member's current cell) offers every cell.
 */
export const cellChoicesFilter: OptionsFilter = ({ options, search, limit }) => {
  const items = options.filter((option): option is ComboboxItem => !isOptionsGroup(option));
  const wanted = foldForSearch(search);
  const showAll = wanted === '' || items.some((item) => foldForSearch(item.label) === wanted);
  return (showAll ? items : items.filter((item) => foldForSearch(item.label).includes(wanted))).slice(0, limit);
};

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
