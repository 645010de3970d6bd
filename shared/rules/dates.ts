import { type CivilDate, daysInMonth, digitsAt, isRealCivilDate } from '../domain/primitives';

export type { CivilDate };

/** The parts of a civil date; months and days count from 1. */
export interface CivilParts {
  year: number;
  month: number;
  day: number;
}

/** 0 = Sunday … 6 = Saturday, as `Date.prototype.getUTCDay`. */
export type Weekday = 0 | 1 | 2 | 3 | 4 | 5 | 6;

const msPerDay = 86_400_000;
const daysPer400Years = 146_097;
/** Day number of 1970-01-01 counted from 0000-03-01. */
const daysFromMarchYear0To1970 = 719_468;
const vietnamOffsetMs = 7 * 3_600_000;
const instantWithOffset = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

/**
 * Reads `YYYY-MM-DD` or `dd/mm/yyyy` (also `d/m/yyyy`, and `.` or `-` between the parts),
 * the two forms offices type and spreadsheets export. Returns null for anything that is
 * not a real day, so 29/02/2023 or 31/04/2024 never slip through as a neighbouring day.
 */
export function parseCivilDate(input: string): CivilDate | null {
  const value = input.trim();
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (iso) return isRealCivilDate(value) ? value : null;
  const vietnamese = /^(\d{1,2})([/.-])(\d{1,2})\2(\d{4})$/.exec(value);
  if (!vietnamese) return null;
  const candidate = toCivilDateString(Number(vietnamese[4]), Number(vietnamese[3]), Number(vietnamese[1]));
  return isRealCivilDate(candidate) ? candidate : null;
}

/** The value itself when it is a real civil date, else null: for facts typed half-way in a form. */
export function realDateOrNull(value: string | null | undefined): CivilDate | null {
  return typeof value === 'string' && isRealCivilDate(value) ? value : null;
}

/** `2025-01-29` → `29/01/2025`, the way every date is shown to a person. */
export function formatCivilDate(date: CivilDate): string {
  const { year, month, day } = civilParts(date);
  return `${pad2(day)}/${pad2(month)}/${String(year).padStart(4, '0')}`;
}

export function civilParts(date: CivilDate): CivilParts {
  if (!isRealCivilDate(date)) throw new RangeError(`Not a civil date: ${date}`);
  return { year: digitsAt(date, 0, 4), month: digitsAt(date, 5, 2), day: digitsAt(date, 8, 2) };
}

/** Builds a civil date from parts that must already name a real day. */
export function civilDate(year: number, month: number, day: number): CivilDate {
  const value = toCivilDateString(year, month, day);
  if (!isRealCivilDate(value)) throw new RangeError(`Not a civil date: ${year}-${month}-${day}`);
  return value;
}

export function yearOf(date: CivilDate): number {
  if (!isRealCivilDate(date)) throw new RangeError(`Not a civil date: ${date}`);
  return digitsAt(date, 0, 4);
}

/**
 * Negative, zero or positive as `a` is before, the same day as, or after `b`. Two real
 * `YYYY-MM-DD` dates order exactly as their text does.
 */
export function compareCivilDates(a: CivilDate, b: CivilDate): number {
  if (!isRealCivilDate(a)) throw new RangeError(`Not a civil date: ${a}`);
  if (!isRealCivilDate(b)) throw new RangeError(`Not a civil date: ${b}`);
  return a < b ? -1 : a > b ? 1 : 0;
}

export function isBefore(a: CivilDate, b: CivilDate): boolean {
  return compareCivilDates(a, b) < 0;
}

export function isAfter(a: CivilDate, b: CivilDate): boolean {
  return compareCivilDates(a, b) > 0;
}

export function earliest(first: CivilDate, ...others: CivilDate[]): CivilDate {
  return others.reduce((best, date) => (isBefore(date, best) ? date : best), first);
}

/**
 * Days since 1970-01-01 in the proleptic Gregorian calendar, from the year, month and day
 * alone, so no time zone or daylight-saving rule can shift a date. Years are counted from
 * March so that the leap day falls at the end of a counted year.
 */
export function dayNumber(date: CivilDate): number {
  const { year, month, day } = civilParts(date);
  const marchYear = month <= 2 ? year - 1 : year;
  const era = Math.floor(marchYear / 400);
  const yearOfEra = marchYear - era * 400;
  const dayOfYear = Math.floor((153 * ((month + 9) % 12) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * daysPer400Years + dayOfEra - daysFromMarchYear0To1970;
}

export function fromDayNumber(days: number): CivilDate {
  if (!Number.isInteger(days)) throw new RangeError(`Not a whole day number: ${days}`);
  const shifted = days + daysFromMarchYear0To1970;
  const era = Math.floor(shifted / daysPer400Years);
  const dayOfEra = shifted - era * daysPer400Years;
  const yearOfEra = Math.floor(
    (dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36_524) - Math.floor(dayOfEra / 146_096)) / 365,
  );
  const dayOfYear = dayOfEra - (yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const monthFromMarch = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * monthFromMarch + 2) / 5) + 1;
  const month = monthFromMarch < 10 ? monthFromMarch + 3 : monthFromMarch - 9;
  return toCivilDateString(yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day);
}

export function addDays(date: CivilDate, days: number): CivilDate {
  return fromDayNumber(dayNumber(date) + days);
}

/**
 * Calendar-month arithmetic: the same day number `months` later, clamped to the last day
 * of the target month when that month is shorter (31/01 + 1 month = 28/02 or 29/02).
 */
export function addMonths(date: CivilDate, months: number): CivilDate {
  if (!Number.isInteger(months)) throw new RangeError(`Not a whole number of months: ${months}`);
  const { year, month, day } = civilParts(date);
  const monthIndex = year * 12 + (month - 1) + months;
  const targetYear = Math.floor(monthIndex / 12);
  const targetMonth = monthIndex - targetYear * 12 + 1;
  return civilDate(targetYear, targetMonth, Math.min(day, daysInMonth(targetYear, targetMonth)));
}

/** Whole days from `from` to `to`; negative when `to` is earlier. */
export function daysBetween(from: CivilDate, to: CivilDate): number {
  return dayNumber(to) - dayNumber(from);
}

export function dayOfWeek(date: CivilDate): Weekday {
  return ((((dayNumber(date) + 4) % 7) + 7) % 7) as Weekday;
}

export function isWeekend(date: CivilDate): boolean {
  const weekday = dayOfWeek(date);
  return weekday === 0 || weekday === 6;
}

/**
 * The calendar date in Vietnam (UTC+7, no daylight saving) at a given instant. A string must
 * carry its offset (`Z` or `±hh:mm`): one without would be read in the machine's own zone.
 */
export function civilDateInVietnam(instant: Date | string): CivilDate {
  const time =
    typeof instant === 'string' ? (instantWithOffset.test(instant) ? Date.parse(instant) : Number.NaN) : instant.getTime();
  if (Number.isNaN(time)) throw new RangeError(`Not an instant: ${String(instant)}`);
  return fromDayNumber(Math.floor((time + vietnamOffsetMs) / msPerDay));
}

function toCivilDateString(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${pad2(month)}-${pad2(day)}`;
}

function pad2(value: number): string {
  return String(value).padStart(2, '0');
}
