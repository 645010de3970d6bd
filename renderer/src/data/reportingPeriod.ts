import { useEffect } from 'react';
import { create } from 'zustand';
import type { Period } from '@shared/contract/dashboard';
import type { RoundRow } from '@shared/contract/exchange';
import { addDays, addMonths, civilDateInVietnam } from '@shared/rules/dates';
import { call } from '../api/client';
import { clearOnLock } from '../state/sessionStore';

export function today(): string {
  return civilDateInVietnam(new Date());
}

export function thisYear(): Period {
  const end = today();
  return { from: `${end.slice(0, 4)}-01-01`, to: end };
}

export function lastSixMonths(): Period {
  const end = today();
  return { from: addDays(addMonths(end, -6), 1), to: end };
}

interface ReportingPeriodState {
  period: Period;
  /** The reporting round the period was taken from, if any: the report answers it and the export names it. */
  roundId: string | null;
  choose(period: Period, roundId?: string | null): void;
}

/**
 * The period the office is working on, shared by the dashboard, the report and the report files,
 * so that choosing it once carries over from one screen to the next.
 */
export const useReportingPeriod = create<ReportingPeriodState>((set) => ({
  period: thisYear(),
  roundId: null,
  choose: (period, roundId = null) => set({ period, roundId }),
}));

interface RoundsState {
  rounds: RoundRow[] | null;
  refresh(): Promise<void>;
}

export const useRoundsStore = create<RoundsState>((set) => ({
  rounds: null,
  refresh: async () => set({ rounds: await call('rounds.list', {}) }),
}));

clearOnLock(() => {
  useReportingPeriod.setState({ period: thisYear(), roundId: null });
  useRoundsStore.setState({ rounds: null });
});

/** The reporting rounds this office asked for or received, read on first use. */
export function useRounds(): RoundRow[] {
  const rounds = useRoundsStore((state) => state.rounds);
  const refresh = useRoundsStore((state) => state.refresh);
  useEffect(() => {
    // Without the rounds the period is still chosen by dates; the screens report their own failures.
    if (rounds === null) refresh().catch(() => undefined);
  }, [rounds, refresh]);
  return rounds ?? [];
}

/** The round chosen with the period, once the rounds are known. */
export function useChosenRound(): RoundRow | null {
  const roundId = useReportingPeriod((state) => state.roundId);
  const rounds = useRounds();
  return rounds.find((round) => round.id === roundId) ?? null;
}
