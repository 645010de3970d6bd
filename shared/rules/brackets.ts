import { type ActivityTransferKind, type DurationBracket, privatePurposes, type TripPurpose } from '../domain/enums';
import { addMonths, type CivilDate, isAfter, isBefore, realDateOrNull, yearOf } from './dates';
import type { TripFacts } from './types';

/**
 * The duration bracket of a permitted period, in calendar months (a month after 31/01 is
 * the last day of February):
 * under1m: return < departure + 1 month; from1to3m: up to departure + 3 months inclusive;
 * from3to12m: up to departure + 12 months inclusive; over12m: later still.
 */
export function durationBracket(departure: CivilDate, plannedReturn: CivilDate): DurationBracket {
  if (isBefore(plannedReturn, addMonths(departure, 1))) return 'under1m';
  if (!isAfter(plannedReturn, addMonths(departure, 3))) return 'from1to3m';
  if (!isAfter(plannedReturn, addMonths(departure, 12))) return 'from3to12m';
  return 'over12m';
}

/** The last day the member may be abroad: the extended return if extended, else the planned return. */
export function permittedReturn(trip: Pick<TripFacts, 'plannedReturn' | 'extendedReturn'>): CivilDate | null {
  return realDateOrNull(trip.extendedReturn) ?? realDateOrNull(trip.plannedReturn);
}

/**
 * The bracket the statistics count a trip in: its permitted period, planned departure to
 * permitted return. Null while either date is unknown or the period runs backwards.
 */
export function tripDurationBracket(
  trip: Pick<TripFacts, 'plannedDeparture' | 'plannedReturn' | 'extendedReturn'>,
): DurationBracket | null {
  const departure = realDateOrNull(trip.plannedDeparture);
  const end = permittedReturn(trip);
  if (departure === null || end === null || isBefore(end, departure)) return null;
  return durationBracket(departure, end);
}

/** The year a trip counts in: that of its permission decision, else that of its planned departure. */
export function statisticsYear(trip: Pick<TripFacts, 'approvalDate' | 'plannedDeparture'>): number | null {
  const date = realDateOrNull(trip.approvalDate) ?? realDateOrNull(trip.plannedDeparture);
  return date === null ? null : yearOf(date);
}

export interface ActivityHandling {
  /** The party-activity transfer the duration calls for. */
  transfer: ActivityTransferKind;
  /**
   * Whether exemption from party activity (miễn sinh hoạt đảng) is an accepted alternative:
   * the Charter guidance allows it for members abroad alone on private business or alone for
   * work, where they cannot join a party organisation. It is accepted in place of a transfer
   * for longer trips too, since those members are exactly the ones who cannot be transferred.
   */
  exemptionPossible: boolean;
}

export interface ActivityHandlingOptions {
  /** A labour trip taken alone, not with a labour-export programme's party organisation. */
  individual?: boolean;
}

/**
 * Party activity by duration: up to 3 months no transfer; over 3 to 12 months a temporary
 * transfer; over 12 months an official transfer (through the Party Committee of the
 * Ministry of Foreign Affairs).
 */
export function requiredActivityHandling(
  bracket: DurationBracket,
  purpose: TripPurpose,
  options: ActivityHandlingOptions = {},
): ActivityHandling {
  const transfer: ActivityTransferKind = bracket === 'over12m' ? 'official' : bracket === 'from3to12m' ? 'temporary' : 'none';
  const exemptionPossible = privatePurposes.includes(purpose) || (purpose === 'labour' && (options.individual ?? true));
  return { transfer, exemptionPossible };
}

/** The handling a trip's own facts call for, or null while its purpose or period is unknown. */
export function tripActivityHandling(trip: TripFacts): ActivityHandling | null {
  const bracket = tripDurationBracket(trip);
  if (bracket === null || !trip.purpose) return null;
  return requiredActivityHandling(bracket, trip.purpose, { individual: !trip.labourExportTransfer });
}

const transferRank: Record<ActivityTransferKind, number> = { none: 0, temporary: 1, official: 2 };

/**
 * The transfer a trip still lacks for its duration, or null when its handling is in order
 * (or cannot be judged yet). A transfer to a labour-export programme's organisation counts
 * as the transfer; an official transfer also covers a temporary one.
 */
export function missingActivityTransfer(trip: TripFacts): ActivityTransferKind | null {
  const handling = tripActivityHandling(trip);
  if (handling === null || handling.transfer === 'none') return null;
  if (transferRank[trip.activityTransfer ?? 'none'] >= transferRank[handling.transfer]) return null;
  if (trip.purpose === 'labour' && trip.labourExportTransfer) return null;
  if (trip.exemption && handling.exemptionPossible) return null;
  return handling.transfer;
}
