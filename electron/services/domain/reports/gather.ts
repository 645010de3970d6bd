import { enterpriseOrganisations, issuedDocuments, partyActivityEvents, trips } from '@db/schema';
import { computeReport, type ReportEvent, type ReportInput, type ReportTrip } from '@shared/report/compute';
import type { Appendix01Row, ReportData } from '@shared/report/data';
import type { Registry } from '../../storage/registry/registry';
import { ruleContext } from '../records/common';
import { tripFacts, type TripRecord } from '../records/trips';

type EventValues = Pick<
  typeof partyActivityEvents.$inferSelect,
  'id' | 'memberId' | 'tripId' | 'kind' | 'effectiveDate' | 'returned' | 'returnedDate' | 'marriageOutcome'
>;

/** A stored trip as the counting rules see it. */
export function reportTripOf(record: Omit<TripRecord, 'createdAt' | 'updatedAt'>): ReportTrip {
  return {
    ...tripFacts(record as TripRecord),
    id: record.id,
    memberId: record.memberId,
    state: record.state,
    purpose: record.purpose,
    selfFunded: record.selfFunded,
    specialMission: record.specialMission,
    invitedByName: record.invitedByName,
    overstay: record.overstay,
    activityTransfer: record.activityTransfer,
    exemption: record.exemption,
    labourExportTransfer: record.labourExportTransfer,
    transferredBackDate: record.transferredBackDate,
  };
}

/** A stored party-activity event as the counting rules see it. */
export function reportEventOf(record: EventValues): ReportEvent {
  return {
    id: record.id,
    memberId: record.memberId,
    tripId: record.tripId,
    kind: record.kind,
    effectiveDate: record.effectiveDate,
    returned: record.returned,
    returnedDate: record.returnedDate,
    marriageOutcome: record.marriageOutcome,
  };
}

/** An issued document as appendix 01 lists it. */
export function appendix01RowOf(record: Appendix01Row): Appendix01Row {
  return { issuer: record.issuer, kind: record.kind, ref: record.ref, date: record.date, title: record.title };
}

/** Everything the counting rules need from this unit's own registry. */
export function reportInput(registry: Registry, period: { from: string; to: string }, now: Date = new Date()): ReportInput {
  const unit = registry.ownUnit();
  const reportTrips: ReportTrip[] = registry.db.select().from(trips).all().map(reportTripOf);
  return {
    unit: { code: unit.code, name: unit.name, level: unit.level },
    period,
    issuedDocuments: registry.db.select().from(issuedDocuments).all().map(appendix01RowOf),
    trips: reportTrips,
    events: registry.db.select().from(partyActivityEvents).all().map(reportEventOf),
    enterprises: registry.db.select().from(enterpriseOrganisations).all(),
    flagContext: ruleContext(registry.db, now),
  };
}

/** This unit's own report for the period, counted from its registry. */
export function ownReport(registry: Registry, period: { from: string; to: string }): ReportData {
  return computeReport(reportInput(registry, period));
}
