import { addMonths, isBefore, realDateOrNull, type CivilDate } from './dates';

/** Many countries refuse a passport with less than six months left, so that is when the office is warned. */
export const travelDocumentWarningMonths = 6;

export type TravelDocumentExpiry = 'expired' | 'expiringSoon' | null;

/** Whether a passport or border pass has expired, or has less than the warning period left, on `today`. */
export function travelDocumentExpiry(expiresOn: string | null, today: CivilDate): TravelDocumentExpiry {
  const expires = realDateOrNull(expiresOn);
  if (!expires) return null;
  if (isBefore(expires, today)) return 'expired';
  return isBefore(expires, addMonths(today, travelDocumentWarningMonths)) ? 'expiringSoon' : null;
}
