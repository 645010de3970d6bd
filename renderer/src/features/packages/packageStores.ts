import { useEffect } from 'react';
import { create } from 'zustand';
import type { KeyCardSummary } from '@shared/contract/exchange';
import { call } from '../../api/client';
import { clearOnLock } from '../../state/sessionStore';

export type PackagesTab = 'send' | 'receive' | 'completeness' | 'rounds' | 'keys';

interface PackagesViewState {
  tab: PackagesTab | null;
  /** A report file dropped on the window or opened elsewhere, waiting to be checked on the receive tab. */
  incoming: File | null;
  setTab(tab: PackagesTab): void;
  receive(file: File): void;
  takeIncoming(): File | null;
}

export const usePackagesView = create<PackagesViewState>((set, get) => ({
  tab: null,
  incoming: null,
  setTab: (tab) => set({ tab }),
  receive: (file) => set({ incoming: file, tab: 'receive' }),
  takeIncoming: () => {
    const file = get().incoming;
    if (file) set({ incoming: null });
    return file;
  },
}));

interface KeyCardsState {
  cards: KeyCardSummary[] | null;
  refresh(): Promise<void>;
}

export const useKeyCardsStore = create<KeyCardsState>((set) => ({
  cards: null,
  refresh: async () => set({ cards: await call('keys.list', {}) }),
}));

clearOnLock(() => {
  usePackagesView.setState({ tab: null, incoming: null });
  useKeyCardsStore.setState({ cards: null });
});

/** The key cards this office trusts, read on first use. */
export function useKeyCards(): KeyCardSummary[] | null {
  const cards = useKeyCardsStore((state) => state.cards);
  const refresh = useKeyCardsStore((state) => state.refresh);
  useEffect(() => {
    // The screens that need the cards report a failure when they act; a missing list only hides the parent's name.
    if (cards === null) refresh().catch(() => undefined);
  }, [cards, refresh]);
  return cards;
}

/** The upper level's card this office would encrypt its report file to. */
export function useParentCard(): KeyCardSummary | null {
  const cards = useKeyCards();
  return cards?.find((card) => card.relation === 'parent' && card.revokedAt === null) ?? null;
}
