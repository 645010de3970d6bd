import { tripCountries } from '@db/schema';
import type { Dashboard } from '@shared/contract/dashboard';
import { emptyComplianceFlagCounts } from '@shared/report/data';
import { computeReport, countsInPeriod, isPermitted, memberFlagsOf } from '@shared/report/compute';
import { tripPurposes } from '@shared/domain/enums';
import { addDays, isAfter, isBefore } from '@shared/rules/dates';
import { abroadTripStates } from '@shared/rules/tripMachine';
import { permittedReturn } from '@shared/rules/brackets';
import { flagFollowUp, tripFlags } from '@shared/rules/flags';
import type { Registry } from '../../storage/registry/registry';
import { tripRowsById } from '../records/trips';
import { reportInput } from './gather';

/**
 * What the office looks at first: who is abroad, who is due back this week, what awaits a
 * decision, every compliance flag of the registry, and the period's trips by year and
 * duration, by purpose and by destination.
 */
export function dashboard(registry: Registry, period: { from: string; to: string }): Dashboard {
  const input = reportInput(registry, period);
  const { today } = input.flagContext;
  const weekEnd = addDays(today, 7);
  const abroadNow = input.trips.filter((trip) => abroadTripStates.includes(trip.state));
  const dueThisWeek = abroadNow.filter((trip) => {
    const end = permittedReturn(trip);
    return end !== null && !isBefore(end, today) && !isAfter(end, weekEnd);
  });
  const flags = emptyComplianceFlagCounts();
  let reportsOverdue = 0;
  for (const trip of input.trips) {
    for (const result of tripFlags(trip, input.flagContext)) {
      flags[result.flag] += 1;
      // The tile counts the reports still to chase; a late report already received stays among the flags only.
      if (result.flag === 'return_report_overdue' && flagFollowUp(result, trip).open) reportsOverdue += 1;
    }
  }
  for (const flag of memberFlagsOf(input.events)) flags[flag] += 1;
  const report = computeReport(input);

  const permittedInPeriod = input.trips.filter((trip) => isPermitted(trip) && countsInPeriod(trip, period));
  const permittedIds = new Set(permittedInPeriod.map((trip) => trip.id));
  const countryCounts = new Map<string, number>();
  for (const row of registry.db.select().from(tripCountries).all()) {
    if (permittedIds.has(row.tripId)) countryCounts.set(row.country, (countryCounts.get(row.country) ?? 0) + 1);
  }

  return {
    today,
    abroadNow: tripRowsById(
      registry,
      abroadNow.map((trip) => trip.id),
    ),
    returnsDueThisWeek: tripRowsById(
      registry,
      dueThisWeek.map((trip) => trip.id),
    ),
    reportsOverdue,
    awaitingDecision: tripRowsById(
      registry,
      input.trips.filter((trip) => trip.state === 'submitted').map((trip) => trip.id),
    ),
    flags,
    byYear: report.appendix02.rows,
    byPurpose: tripPurposes.map((purpose) => ({
      purpose,
      count: permittedInPeriod.filter((trip) => trip.purpose === purpose).length,
    })),
    byCountry: [...countryCounts.entries()]
      .map(([country, count]) => ({ country, count }))
      .sort((a, b) => b.count - a.count || a.country.localeCompare(b.country)),
  };
}
