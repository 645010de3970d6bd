import { enterpriseOrganisations, issuedDocuments, partyActivityEvents, trips } from '../../../db/schema';
import { computeReport, type ReportInput, type ReportTrip } from '../../../shared/report/compute';
import type { ReportData } from '../../../shared/report/data';
import type { Registry } from '../registry/registry';
import { ruleContext } from '../records/common';
import { tripFacts } from '../records/trips';

/** Everything the counting rules need from this unit's own registry. */
export function reportInput(registry: Registry, period: { from: string; to: string }, now: Date = new Date()): ReportInput {
  const unit = registry.ownUnit();
  const reportTrips: ReportTrip[] = registry.db
    .select()
    .from(trips)
    .all()
    .map((record) => ({
      ...tripFacts(record),
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
    }));
  return {
    unit: { code: unit.code, name: unit.name, level: unit.level },
    period,
    issuedDocuments: registry.db
      .select()
      .from(issuedDocuments)
      .all()
      .map((record) => ({ issuer: record.issuer, kind: record.kind, ref: record.ref, date: record.date, title: record.title })),
    trips: reportTrips,
    events: registry.db
      .select()
      .from(partyActivityEvents)
      .all()
      .map((record) => ({
        id: record.id,
        memberId: record.memberId,
        tripId: record.tripId,
        kind: record.kind,
        effectiveDate: record.effectiveDate,
        returned: record.returned,
        returnedDate: record.returnedDate,
        marriageOutcome: record.marriageOutcome,
      })),
    enterprises: registry.db.select().from(enterpriseOrganisations).all(),
    flagContext: ruleContext(registry.db, now),
  };
}

/** This unit's own report for the period, counted from its registry. */
export function ownReport(registry: Registry, period: { from: string; to: string }): ReportData {
  return computeReport(reportInput(registry, period));
}
