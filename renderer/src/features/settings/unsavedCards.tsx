import { createContext, useCallback, useContext, useEffect, useState, type ReactNode } from 'react';
import { useUnsavedChanges } from '../../app/UnsavedChanges';

type ReportUnsaved = (card: string, unsaved: boolean) => void;

const UnsavedCardsContext = createContext<ReportUnsaved>(() => undefined);

/**
 * The settings cards are separate forms on one screen: each says whether it holds typing not yet
 * saved, and while any does, leaving the screen asks first as a form does. `children` receives
 * whether any card is unsaved, for the screen's own tabs.
 */
export function UnsavedCards({ children }: { children: (anyUnsaved: boolean) => ReactNode }) {
  const [unsavedCards, setUnsavedCards] = useState<ReadonlySet<string>>(new Set());
  useUnsavedChanges(unsavedCards.size > 0);
  const report = useCallback<ReportUnsaved>(
    (card, unsaved) =>
      setUnsavedCards((previous) => {
        if (previous.has(card) === unsaved) return previous;
        const next = new Set(previous);
        if (unsaved) next.add(card);
        else next.delete(card);
        return next;
      }),
    [],
  );
  return <UnsavedCardsContext.Provider value={report}>{children(unsavedCards.size > 0)}</UnsavedCardsContext.Provider>;
}

/** Tells the settings screen whether this card holds unsaved typing. */
export function useUnsavedCard(card: string, unsaved: boolean): void {
  const report = useContext(UnsavedCardsContext);
  useEffect(() => {
    report(card, unsaved);
    return () => report(card, false);
  }, [card, unsaved, report]);
}
