import { create } from 'zustand';
import type { ReconcileResult } from '@shared/contract/reconcile';
import { defaultToleranceDays } from '@shared/reconcile/match';
import { clearOnLock } from '../../state/sessionStore';

interface ReconcileState {
  file: { fileName: string; contentBase64: string } | null;
  toleranceDays: number;
  result: ReconcileResult | null;
  /** Crossings acted on in this run, by the list's rows: the trip they now belong to. */
  handled: Record<string, string>;
  set(changes: Partial<Omit<ReconcileState, 'set'>>): void;
}

const empty = { file: null, toleranceDays: defaultToleranceDays, result: null, handled: {} };

/**
 * The last reconciliation, kept while the clerk opens a trip from it and comes back; held only in
 * the window's memory and dropped when the registry locks, since the list names non-members too.
 */
export const useReconcile = create<ReconcileState>((set) => ({ ...empty, set: (changes) => set(changes) }));

clearOnLock(() => useReconcile.setState(empty));
