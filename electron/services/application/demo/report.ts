import { computeReport, type ReportInput } from '@shared/report/compute';
import type { ReportData } from '@shared/report/data';
import { createHolidayCalendar } from '@shared/rules/holidays';
import { defaultDeadlineSettings } from '@shared/rules/settings';
import { activityEventValues } from '../../domain/records/activityEvents';
import { appendix01RowOf, reportEventOf, reportTripOf } from '../../domain/reports/gather';
import type { DemoUnit } from './generate';

/**
 * What the counting rules would read from the unit's registry, taken straight from the made-up
 * records: a commune of the national set is counted without ever being written to a database.
 * The records are mapped by the same functions the registry's report uses.
 */
function demoReportInput(unit: DemoUnit, period: { from: string; to: string }): ReportInput {
  return {
    unit: { code: unit.unit.code, name: unit.unit.name, level: unit.unit.level },
    period,
    issuedDocuments: unit.issuedDocuments.map(appendix01RowOf),
    trips: unit.trips.map((trip) => reportTripOf({ ...trip.record, id: trip.key, memberId: trip.memberKey })),
    events: unit.events.map((event) =>
      reportEventOf({ ...activityEventValues(event.input), id: event.key, memberId: event.memberKey, tripId: event.tripKey }),
    ),
    enterprises: [],
    flagContext: { today: unit.today, settings: defaultDeadlineSettings, calendar: createHolidayCalendar() },
  };
}

export function demoReport(unit: DemoUnit, period: { from: string; to: string }): ReportData {
  return computeReport(demoReportInput(unit, period));
}
