import { z } from 'zod';
import { ComplianceFlag, TripPurpose } from '../domain/enums';
import { CivilDate } from '../domain/primitives';
import { BracketCounts } from '../report/data';
import { readCall } from './define';
import { TripRow } from './registry';

export const Period = z
  .object({ from: CivilDate, to: CivilDate })
  .strict()
  .refine((period) => period.from <= period.to, { message: 'period.backwards', path: ['to'] });
export type Period = z.infer<typeof Period>;

export const Dashboard = z.object({
  today: z.string(),
  abroadNow: z.array(TripRow),
  returnsDueThisWeek: z.array(TripRow),
  reportsOverdue: z.number().int(),
  awaitingDecision: z.array(TripRow),
  flags: z.record(ComplianceFlag, z.number().int()),
  byYear: z.array(BracketCounts.extend({ year: z.number().int(), until: z.string() })),
  byPurpose: z.array(z.object({ purpose: TripPurpose, count: z.number().int() })),
  byCountry: z.array(z.object({ country: z.string(), count: z.number().int() })),
});
export type Dashboard = z.infer<typeof Dashboard>;

export const dashboardCalls = {
  'dashboard.get': readCall(Period, Dashboard),
} as const;
