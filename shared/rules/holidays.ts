import { addDays, type CivilDate, civilDate, compareCivilDates, formatCivilDate, isWeekend, yearOf } from './dates';
import { lunarNewYear, lunarToSolar, solarToLunar } from './lunar';
import type { HolidayOverride } from './settings';
import type { RuleMessage } from './types';

/**
 * Public holidays under the Labour Code 2019, article 112, as computed defaults:
 * - 1/1 (Tết Dương lịch);
 * - Tết Âm lịch, 5 days: by default the last day of the lunar year and days 1–4 of month 1;
 * - 10/3 lunar (Giỗ Tổ Hùng Vương); 30/4 (Ngày Chiến thắng); 1/5 (Quốc tế Lao động);
 * - 2/9 (Quốc khánh) and one adjacent day, by default 1/9;
 * - when one of these falls on a Saturday or Sunday (the weekly rest of state offices),
 *   a compensatory day off on the next working day (article 112(3)).
 * The government re-arranges these days every year, so the office's overrides are applied
 * on top: see `HolidayOverride`.
 */

export type HolidayKind = 'statutory' | 'compensatory' | 'added';

export interface Holiday {
  date: CivilDate;
  kind: HolidayKind;
  label: RuleMessage;
}

export interface HolidayCalendar {
  readonly overrides: readonly HolidayOverride[];
  /** Every day off of a Gregorian year, in date order. */
  holidaysOfYear(year: number): readonly Holiday[];
  holidayOn(date: CivilDate): Holiday | null;
  /** A Saturday or Sunday that the office has declared a working day. */
  isExtraWorkingDay(date: CivilDate): boolean;
}

/** The days off of article 112 for a year, before compensation and overrides. */
export function statutoryHolidays(year: number): Holiday[] {
  const holiday = (date: CivilDate, key: RuleMessage['key'], params: RuleMessage['params'] = {}): Holiday => ({
    date,
    kind: 'statutory',
    label: { key, params },
  });
  const newYear = lunarNewYear(year);
  const tetDays = [-1, 0, 1, 2, 3].map((offset) => {
    const date = addDays(newYear, offset);
    const lunar = solarToLunar(date);
    return holiday(date, 'holiday.tet', { lunarDate: `${lunar.day}/${lunar.month}` });
  });
  const hungKings = lunarToSolar({ year, month: 3, day: 10, leap: false });
  if (hungKings === null) throw new RangeError(`No 10/3 lunar in ${year}`);
  return [
    holiday(civilDate(year, 1, 1), 'holiday.newYear'),
    ...tetDays,
    holiday(hungKings, 'holiday.hungKings'),
    holiday(civilDate(year, 4, 30), 'holiday.victoryDay'),
    holiday(civilDate(year, 5, 1), 'holiday.labourDay'),
    holiday(civilDate(year, 9, 1), 'holiday.nationalDayAdjacent'),
    holiday(civilDate(year, 9, 2), 'holiday.nationalDay'),
  ].sort(byDate);
}

/**
 * The days off with the office's overrides applied. Only article 112 days earn a compensatory
 * day: an added day comes from a government notice that has already placed it. A date that is
 * removed or declared a working day stops being a day off, and a removed compensatory day is
 * not moved to the next free day. Each year is computed once, on first use.
 */
export function createHolidayCalendar(overrides: readonly HolidayOverride[] = []): HolidayCalendar {
  const removed = new Set(overrides.filter((override) => override.kind !== 'add').map((override) => override.date));
  const extraWorkingDays = new Set(
    overrides.filter((override) => override.kind === 'working_day').map((override) => override.date),
  );
  const added = overrides.flatMap((override): Holiday[] =>
    override.kind === 'add'
      ? [{ date: override.date, kind: 'added', label: { key: 'holiday.custom', params: { name: override.name } } }]
      : [],
  );
  const years = new Map<number, { list: Holiday[]; byDate: Map<CivilDate, Holiday> }>();

  function daysOffAround(year: number): Holiday[] {
    const statutory = [...statutoryHolidays(year - 1), ...statutoryHolidays(year)].filter(
      (holiday) => !removed.has(holiday.date),
    );
    const taken = new Set([...statutory, ...added].map((holiday) => holiday.date));
    const isFree = (date: CivilDate) => !taken.has(date) && (!isWeekend(date) || extraWorkingDays.has(date));
    const compensatory: Holiday[] = [];
    for (const holiday of statutory) {
      if (!isWeekend(holiday.date)) continue;
      let date = addDays(holiday.date, 1);
      while (!isFree(date)) date = addDays(date, 1);
      taken.add(date);
      if (removed.has(date)) continue;
      compensatory.push({
        date,
        kind: 'compensatory',
        label: { key: 'holiday.compensatory', params: { date: formatCivilDate(holiday.date) } },
      });
    }
    const statutoryDates = new Set(statutory.map((holiday) => holiday.date));
    const extra = added.filter((holiday) => !statutoryDates.has(holiday.date));
    return [...statutory, ...compensatory, ...extra];
  }

  function yearTable(year: number) {
    const cached = years.get(year);
    if (cached) return cached;
    const list = daysOffAround(year)
      .filter((holiday) => yearOf(holiday.date) === year)
      .sort(byDate);
    const table = { list, byDate: new Map(list.map((holiday) => [holiday.date, holiday])) };
    years.set(year, table);
    return table;
  }

  return {
    overrides,
    holidaysOfYear: (year) => yearTable(year).list,
    holidayOn: (date) => yearTable(yearOf(date)).byDate.get(date) ?? null,
    isExtraWorkingDay: (date) => extraWorkingDays.has(date) && isWeekend(date),
  };
}

function byDate(a: Holiday, b: Holiday): number {
  return compareCivilDates(a.date, b.date);
}
