import { create } from 'zustand';
import { civilDateInVietnam, yearOf } from '@shared/rules/dates';
import { clearOnLock } from '../state/sessionStore';
import { useNavigation } from '../state/navigation';

export function currentYear(): number {
  return yearOf(civilDateInVietnam(new Date()));
}

interface AnnualRecordFilter {
  year: number;
  /** Null for every cell. */
  cellId: string | null;
  set(filter: Partial<Pick<AnnualRecordFilter, 'year' | 'cellId'>>): void;
}

export const useAnnualRecordFilter = create<AnnualRecordFilter>((set) => ({
  year: currentYear(),
  cellId: null,
  set: (filter) => set(filter),
}));

clearOnLock(() => useAnnualRecordFilter.setState({ year: currentYear(), cellId: null }));

/** The list of supplements for the year, narrowed to one cell, as the dashboard's card opens it to chase. */
export function showAnnualRecords(year: number, cellId: string | null): void {
  useAnnualRecordFilter.getState().set({ year, cellId });
  useNavigation.getState().go('annualRecords');
}
