import type { TripRecord } from '../records/trips';
import type { ColumnValue } from './values';

type TripColumnFacts = Omit<TripRecord, 'id' | 'memberId' | 'createdAt' | 'updatedAt'>;

/** A trip record by the columns of the trips file: for the import's preview and for the exported list. */
export function tripColumnValues(
  record: TripColumnFacts,
  countries: readonly string[],
  member: { code: string; name: string },
): Record<string, ColumnValue> {
  return {
    trip_code: record.code,
    member_code: member.code,
    member_name: member.name,
    purpose: record.purpose,
    self_funded: record.selfFunded,
    countries: [...countries] as ColumnValue,
    travel_document: record.travelDocumentKind,
    invited_by_name: record.invitedByName,
    special_mission: record.specialMission,
    application_date: record.applicationDate,
    approval_date: record.approvalDate,
    approval_ref: record.approvalRef,
    planned_departure: record.plannedDeparture,
    planned_return: record.plannedReturn,
    actual_departure: record.actualDeparture,
    actual_return: record.actualReturn,
    extended_return: record.extendedReturn,
    overstay: record.overstay,
    activity_transfer: record.activityTransfer,
    exemption: record.exemption,
    return_report_date: record.returnReportDate,
    labour_export_transfer: record.labourExportTransfer,
    transferred_back_date: record.transferredBackDate,
    state: record.state,
  };
}
