import { DomainError } from '@shared/errors';
import { civilDateInVietnam, formatCivilDate } from '@shared/rules/dates';

/**
 * How far a signer's `createdAt` may run ahead of the receiving PC's clock: clocks of office
 * PCs drift and time zones are mistaken, but never by a day. A later date is refused, because a
 * genuine key that signed a file dated 2099 would otherwise make every later genuine file of
 * its unit "older than the current one" (docs/formats/report-file.md §11).
 */
export const maximumClockLeadMs = 24 * 60 * 60 * 1000;

/** Refuses a signed date more than `maximumClockLeadMs` after `now`. */
export function refuseFutureDate(
  createdAt: string,
  now: Date,
  code: 'PKG_CREATED_IN_FUTURE' | 'PKG_CARD_CREATED_IN_FUTURE',
): void {
  if (Date.parse(createdAt) - now.getTime() > maximumClockLeadMs) {
    throw new DomainError(code, {
      createdAt: formatCivilDate(civilDateInVietnam(createdAt)),
      today: formatCivilDate(civilDateInVietnam(now)),
    });
  }
}
