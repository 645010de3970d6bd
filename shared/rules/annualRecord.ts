import type { ActivityTransferKind, TripPurpose, TripState } from '../domain/enums';
import { translate, type MessageKey } from '../i18n';
import { countryName, isCountryCode } from '../text/countries';
import { compareCivilDates, formatCivilDate, isAfter, isBefore, type CivilDate } from './dates';
import { abroadTripStates } from './tripMachine';

/**
 * The trips abroad a member declares in the yearly supplement to the personal record (kê khai bổ sung lý lịch
 * hằng năm): every trip whose time abroad touches the year. The supplement is a Vietnamese document whatever the
 * reader's language, so its lines are worded here in Vietnamese.
 */

/** A refused or cancelled trip never left; a draft was never put to the party organisation. */
export const tripStatesLeftOutOfRecord: readonly TripState[] = ['draft', 'rejected', 'cancelled'];

export interface AnnualRecordTrip {
  state: TripState;
  purpose: TripPurpose;
  purposeDetail: string | null;
  /** ISO codes, or names kept as typed when they were not recognised. */
  countries: readonly string[];
  plannedDeparture: CivilDate;
  plannedReturn: CivilDate;
  actualDeparture: CivilDate | null;
  actualReturn: CivilDate | null;
  extendedReturn: CivilDate | null;
  approvalRef: string | null;
  approvalDate: CivilDate | null;
  approvingCommittee: string | null;
  activityTransfer: ActivityTransferKind;
  exemption: boolean;
  labourExportTransfer: boolean;
  transferredBackDate: CivilDate | null;
}

export interface AnnualRecordLine {
  /** "01/03/2026 – 10/03/2026", with "(dự kiến)" for dates not yet travelled and "nay" for a member still abroad. */
  period: string;
  countries: string;
  purpose: string;
  /** "Quyết định số 15-QĐ/ĐU ngày 15/02/2026 của Ban Thường vụ Đảng ủy xã Vĩnh Trạch", or that none is recorded. */
  permission: string;
  partyActivity: string;
  /** The first day abroad, for ordering. */
  from: CivilDate;
}

interface TimeAbroad {
  from: CivilDate;
  /** Null while the member is still abroad: the stay runs on past any year asked about. */
  to: CivilDate | null;
  planned: boolean;
}

function timeAbroad(trip: AnnualRecordTrip): TimeAbroad {
  if (trip.actualDeparture) {
    if (trip.actualReturn) return { from: trip.actualDeparture, to: trip.actualReturn, planned: false };
    if (abroadTripStates.includes(trip.state)) return { from: trip.actualDeparture, to: null, planned: false };
    return { from: trip.actualDeparture, to: trip.extendedReturn ?? trip.plannedReturn, planned: false };
  }
  return { from: trip.plannedDeparture, to: trip.extendedReturn ?? trip.plannedReturn, planned: true };
}

/** Whether the trip's time abroad — travelled, or planned when not travelled yet — has a day in `year`. */
export function tripFallsInYear(trip: AnnualRecordTrip, year: number): boolean {
  if (tripStatesLeftOutOfRecord.includes(trip.state)) return false;
  const { from, to } = timeAbroad(trip);
  const firstDay = `${year}-01-01`;
  const lastDay = `${year}-12-31`;
  return !isAfter(from, lastDay) && (to === null || !isBefore(to, firstDay));
}

const vi = (key: string) => translate('vi', key as MessageKey);

function periodText({ from, to, planned }: TimeAbroad): string {
  const span = `${formatCivilDate(from)} – ${to === null ? 'nay (đang ở nước ngoài)' : formatCivilDate(to)}`;
  return planned ? `${span} (dự kiến)` : span;
}

function countriesText(countries: readonly string[]): string {
  return countries.map((country) => (isCountryCode(country) ? countryName(country) : country)).join(', ');
}

function purposeText(trip: AnnualRecordTrip): string {
  const purpose = vi(`purpose.${trip.purpose}`);
  return trip.purposeDetail?.trim() ? `${purpose} (${trip.purposeDetail.trim()})` : purpose;
}

function permissionText(trip: AnnualRecordTrip, managingCommittee: string): string {
  if (!trip.approvalRef) return 'Chưa ghi quyết định cho phép';
  const date = trip.approvalDate ? ` ngày ${formatCivilDate(trip.approvalDate)}` : '';
  return `Quyết định số ${trip.approvalRef}${date} của ${trip.approvingCommittee?.trim() || managingCommittee}`;
}

function partyActivityText(trip: AnnualRecordTrip): string {
  const handling: string[] = [];
  if (trip.labourExportTransfer) handling.push('Chuyển sinh hoạt đảng đi xuất khẩu lao động');
  else if (trip.activityTransfer === 'temporary') handling.push('Chuyển sinh hoạt đảng tạm thời');
  else if (trip.activityTransfer === 'official') handling.push('Chuyển sinh hoạt đảng chính thức');
  if (trip.exemption) handling.push('Miễn sinh hoạt đảng');
  if (handling.length === 0) return 'Vẫn sinh hoạt tại chi bộ';
  const back = trip.transferredBackDate ? `; chuyển sinh hoạt về ngày ${formatCivilDate(trip.transferredBackDate)}` : '';
  return `${handling.join('; ')}${back}`;
}

/** The member's trips of `year` as the supplement lists them, oldest first. */
export function annualRecordLines(
  trips: readonly AnnualRecordTrip[],
  year: number,
  managingCommittee: string,
): AnnualRecordLine[] {
  return trips
    .filter((trip) => tripFallsInYear(trip, year))
    .map((trip) => {
      const abroad = timeAbroad(trip);
      return {
        period: periodText(abroad),
        countries: countriesText(trip.countries),
        purpose: purposeText(trip),
        permission: permissionText(trip, managingCommittee),
        partyActivity: partyActivityText(trip),
        from: abroad.from,
      };
    })
    .sort((a, b) => compareCivilDates(a.from, b.from));
}
