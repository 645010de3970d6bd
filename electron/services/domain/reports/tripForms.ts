import { eq } from 'drizzle-orm';
import { cells, members, travelDocuments, tripCountries, trips } from '@db/schema';
import { DomainError } from '@shared/errors';
import { translate, type MessageKey } from '@shared/i18n';
import { formatCivilDate } from '@shared/rules/dates';
import { countryName, isCountryCode } from '@shared/text/countries';
import { fileNameStem } from '@shared/text/fileName';
import { renderTripFormDocx, renderTripFormPdf, type TripFormData, type TripFormKind } from '../documents/forms';
import type { Registry } from '../../storage/registry/registry';
import { deadlineSetting, readSetting } from '../../storage/settings';
import { placeOf } from '@shared/report/issuer';

const fileStems: Record<TripFormKind, string> = {
  application: 'DonDeNghi',
  commitment: 'BanCamKet',
  return_report: 'BaoCaoKetQua',
};

const vi = (key: string) => translate('vi', key as MessageKey);

/** The trip's record as the member signs it: the application, the commitment, or the return report. */
export function tripFormData(registry: Registry, tripId: string): TripFormData {
  const trip = registry.db.select().from(trips).where(eq(trips.id, tripId)).get();
  if (!trip) throw new DomainError('NOT_FOUND');
  const member = registry.db.select().from(members).where(eq(members.id, trip.memberId)).get()!;
  const cell = registry.db.select().from(cells).where(eq(cells.id, member.cellId)).get()!;
  const document = trip.travelDocumentId
    ? registry.db.select().from(travelDocuments).where(eq(travelDocuments.id, trip.travelDocumentId)).get()
    : undefined;
  const countries = registry.db
    .select()
    .from(tripCountries)
    .where(eq(tripCountries.tripId, tripId))
    .orderBy(tripCountries.position)
    .all();
  const unit = registry.ownUnit();
  return {
    partyOrganisation: unit.name.replace(/^Đảng ủy/u, 'Đảng bộ'),
    managingCommittee: member.managingCommittee ?? unit.name,
    place: placeOf(unit.name),
    member: {
      fullName: member.fullName,
      ...(member.gender ? { gender: member.gender } : {}),
      ...(member.birthDate ? { birthDate: member.birthDate } : {}),
      ...(member.nationalId ? { nationalId: member.nationalId } : {}),
      partyCardNumber: member.code,
      cell: cell.name,
      ...(member.leadershipPost ? { post: member.leadershipPost } : {}),
      ...(member.address ? { residence: member.address } : {}),
      ...(member.phone ? { phone: member.phone } : {}),
    },
    trip: {
      purpose: vi(`purpose.${trip.purpose}`),
      ...(trip.purposeDetail ? { purposeDetail: trip.purposeDetail } : {}),
      countries: countries.map((row) => (isCountryCode(row.country) ? countryName(row.country) : row.country)),
      plannedDeparture: trip.plannedDeparture,
      plannedReturn: trip.plannedReturn,
      funding: trip.selfFunded ? vi('fundingSource.self') : trip.fundingSource ? vi(`fundingSource.${trip.fundingSource}`) : '',
      travelDocument: trip.travelDocumentKind ? vi(`travelDocument.${trip.travelDocumentKind}`) : '',
      ...(document ? { travelDocumentNumber: document.number } : {}),
      ...(document?.expiresOn ? { travelDocumentValidUntil: document.expiresOn } : {}),
      ...(trip.inviter ? { inviter: trip.inviter } : {}),
    },
    returnReportDueDays: readSetting(registry.db, deadlineSetting).returnReportWorkingDays,
    returnReport: {
      ...(trip.approvalRef && trip.approvalDate
        ? { permission: { ref: trip.approvalRef, date: trip.approvalDate, issuer: trip.approvingCommittee ?? unit.name } }
        : {}),
      ...(trip.actualDeparture ? { actualDeparture: trip.actualDeparture } : {}),
      ...(trip.actualReturn ? { actualReturn: trip.actualReturn } : {}),
      ...(trip.reportForeignContacts ? { contacts: trip.reportForeignContacts } : {}),
      ...(trip.reportGifts ? { giftsAwardsInvitations: trip.reportGifts } : {}),
      ...(trip.reportDocumentsBrought ? { documentsBroughtBack: trip.reportDocumentsBrought } : {}),
      ...(trip.reportIssues ? { issues: trip.reportIssues } : {}),
    },
  };
}

export async function renderTripForm(
  registry: Registry,
  tripId: string,
  kind: TripFormKind,
  format: 'docx' | 'pdf',
): Promise<{ fileName: string; content: Buffer }> {
  const data = tripFormData(registry, tripId);
  const content = format === 'pdf' ? await renderTripFormPdf(kind, data) : await renderTripFormDocx(kind, data);
  return {
    fileName: `${fileStems[kind]}_${fileNameStem(data.member.fullName)}_${formatCivilDate(data.trip.plannedDeparture).replace(/\//g, '-')}.${format}`,
    content,
  };
}
