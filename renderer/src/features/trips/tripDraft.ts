import type { TripDetail } from '@shared/contract/registry';
import type { ActivityTransferKind, FundingSource, TravelDocumentKind, TripPurpose } from '@shared/domain/enums';
import type { TripFacts, TripRecordFacts } from '@shared/rules/types';
import { isCountryCode, type CountryCode } from '@shared/text';
import { dateOf, datePayload, dateText } from '../../components/DateField';

/** The trip form as typed: dates stay text until they are read. */
export interface TripDraft {
  memberId: string | null;
  code: string;
  purpose: TripPurpose | null;
  purposeDetail: string;
  selfFunded: boolean;
  fundingSource: FundingSource | null;
  fundingNote: string;
  countries: CountryCode[];
  invitedByName: boolean;
  inviter: string;
  specialMission: boolean;
  travelDocumentKind: TravelDocumentKind | null;
  travelDocumentId: string | null;
  carriesSecretDocuments: boolean;
  secretDocumentsApproval: string;
  plannedDeparture: string;
  plannedReturn: string;
  /** The commitment about relatives abroad, which may arrive after the application. */
  commitmentDate: string;
  activityTransfer: ActivityTransferKind;
  exemption: boolean;
  labourExportTransfer: boolean;
  transferredBackDate: string;
  notes: string;
}

export function tripDraftOf(trip: TripDetail | null, memberId: string | null): TripDraft {
  return {
    memberId: trip?.memberId ?? memberId,
    code: trip?.code ?? '',
    purpose: trip?.purpose ?? null,
    purposeDetail: trip?.purposeDetail ?? '',
    selfFunded: trip?.selfFunded ?? false,
    fundingSource: trip?.fundingSource ?? null,
    fundingNote: trip?.fundingNote ?? '',
    countries: (trip?.countries ?? []).filter(isCountryCode),
    invitedByName: trip?.invitedByName ?? false,
    inviter: trip?.inviter ?? '',
    specialMission: trip?.specialMission ?? false,
    travelDocumentKind: trip?.travelDocumentKind ?? null,
    travelDocumentId: trip?.travelDocumentId ?? null,
    carriesSecretDocuments: trip?.carriesSecretDocuments ?? false,
    secretDocumentsApproval: trip?.secretDocumentsApproval ?? '',
    plannedDeparture: dateText(trip?.plannedDeparture),
    plannedReturn: dateText(trip?.plannedReturn),
    commitmentDate: dateText(trip?.commitmentDate),
    activityTransfer: trip?.activityTransfer ?? 'none',
    exemption: trip?.exemption ?? false,
    labourExportTransfer: trip?.labourExportTransfer ?? false,
    transferredBackDate: dateText(trip?.transferredBackDate),
    notes: trip?.notes ?? '',
  };
}

const orNull = (text: string) => (text.trim() === '' ? null : text);

/**
 * What `trips.save` is to receive, before the contract's schema has checked it (what is still
 * missing is left undefined, so that the schema calls it required); fields that do not apply, such as an inviter with no invitation, are cleared.
 */
export function tripCandidateOf(draft: TripDraft, id: string | undefined) {
  const labour = draft.purpose === 'labour';
  return {
    ...(id ? { id } : {}),
    memberId: draft.memberId ?? undefined,
    code: orNull(draft.code),
    purpose: draft.purpose ?? undefined,
    purposeDetail: orNull(draft.purposeDetail),
    selfFunded: draft.selfFunded,
    fundingSource: draft.fundingSource,
    fundingNote: orNull(draft.fundingNote),
    countries: draft.countries,
    invitedByName: draft.invitedByName,
    inviter: draft.invitedByName ? orNull(draft.inviter) : null,
    specialMission: draft.specialMission,
    travelDocumentKind: draft.travelDocumentKind,
    travelDocumentId: draft.travelDocumentId,
    carriesSecretDocuments: draft.carriesSecretDocuments,
    secretDocumentsApproval: draft.carriesSecretDocuments ? orNull(draft.secretDocumentsApproval) : null,
    plannedDeparture: datePayload(draft.plannedDeparture) ?? undefined,
    plannedReturn: datePayload(draft.plannedReturn) ?? undefined,
    // Left out when empty, so that clearing nothing never erases a date on file.
    commitmentDate: datePayload(draft.commitmentDate) ?? undefined,
    activityTransfer: draft.activityTransfer,
    exemption: draft.exemption,
    labourExportTransfer: labour && draft.labourExportTransfer,
    transferredBackDate: labour && draft.labourExportTransfer ? datePayload(draft.transferredBackDate) : null,
    notes: orNull(draft.notes),
  };
}

/** The rules' view of a stored trip, as its page shows it. */
export function tripRecordFacts(trip: TripDetail): TripRecordFacts {
  return {
    state: trip.state,
    purpose: trip.purpose,
    travelDocument: trip.travelDocumentKind,
    selfFunded: trip.selfFunded,
    applicationDate: trip.applicationDate,
    commitmentDate: trip.commitmentDate,
    approvalDate: trip.approvalDate,
    approvalRef: trip.approvalRef,
    plannedDeparture: trip.plannedDeparture,
    plannedReturn: trip.plannedReturn,
    actualDeparture: trip.actualDeparture,
    actualReturn: trip.actualReturn,
    extendedReturn: trip.extendedReturn,
    returnReportDate: trip.returnReportDate,
    overstay: trip.overstay,
    activityTransfer: trip.activityTransfer,
    exemption: trip.exemption,
    labourExportTransfer: trip.labourExportTransfer,
  };
}

/** The rules' view of the form as it stands: the record's life so far, with the fields being typed over it. */
export function tripDraftFacts(draft: TripDraft, trip: TripDetail | null): TripFacts {
  return {
    ...(trip ? tripRecordFacts(trip) : { state: 'draft' }),
    purpose: draft.purpose,
    travelDocument: draft.travelDocumentKind,
    selfFunded: draft.selfFunded,
    plannedDeparture: dateOf(draft.plannedDeparture),
    plannedReturn: dateOf(draft.plannedReturn),
    commitmentDate: dateOf(draft.commitmentDate),
    activityTransfer: draft.activityTransfer,
    exemption: draft.exemption,
    labourExportTransfer: draft.purpose === 'labour' && draft.labourExportTransfer,
  };
}
