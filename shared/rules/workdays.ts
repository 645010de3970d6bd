import { addDays, type CivilDate, compareCivilDates, isWeekend } from './dates';
import type { HolidayCalendar } from './holidays';

/** Monday to Friday, unless a day off; a Saturday or Sunday only when declared a working day. */
export function isWorkingDay(date: CivilDate, calendar: HolidayCalendar): boolean {
  if (calendar.isExtraWorkingDay(date)) return true;
  return !isWeekend(date) && calendar.holidayOn(date) === null;
}

/**
 * The `count`-th working day after `date` (before it when negative); the day itself is not
 * counted, so a report due "7 working days after the return" is `addWorkingDays(return, 7)`.
 */
export function addWorkingDays(date: CivilDate, count: number, calendar: HolidayCalendar): CivilDate {
  if (!Number.isInteger(count)) throw new RangeError(`Not a whole number of working days: ${count}`);
  const step = count < 0 ? -1 : 1;
  let remaining = Math.abs(count);
  let current = date;
  while (remaining > 0) {
    current = addDays(current, step);
    if (isWorkingDay(current, calendar)) remaining -= 1;
  }
  return current;
}

/**
 * The working days after `from` up to and including `to`; negative when `to` is earlier.
 * Undoes `addWorkingDays` forward: `workingDaysBetween(d, addWorkingDays(d, n)) === n` for n ≥ 0.
 */
export function workingDaysBetween(from: CivilDate, to: CivilDate, calendar: HolidayCalendar): number {
  const order = compareCivilDates(from, to);
  if (order === 0) return 0;
  if (order > 0) return -workingDaysBetween(to, from, calendar);
  let count = 0;
  for (let current = addDays(from, 1); compareCivilDates(current, to) <= 0; current = addDays(current, 1)) {
    if (isWorkingDay(current, calendar)) count += 1;
  }
  return count;
}
