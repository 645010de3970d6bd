import { describe, expect, it } from 'vitest';
import {
  addDays,
  addMonths,
  civilDate,
  civilDateInVietnam,
  compareCivilDates,
  dayNumber,
  dayOfWeek,
  daysBetween,
  earliest,
  formatCivilDate,
  fromDayNumber,
  isAfter,
  isBefore,
  isWeekend,
  parseCivilDate,
  realDateOrNull,
} from './dates';

describe('parseCivilDate', () => {
  it.each([
    ['2025-01-29', '2025-01-29'],
    ['29/01/2025', '2025-01-29'],
    ['9/1/2025', '2025-01-09'],
    [' 05.03.2024 ', '2024-03-05'],
    ['05-03-2024', '2024-03-05'],
    ['29/02/2024', '2024-02-29'],
    ['2000-02-29', '2000-02-29'],
  ])('reads %j as %s', (input, expected) => {
    expect(parseCivilDate(input)).toBe(expected);
  });

  it.each([
    '29/02/2023',
    '31/04/2024',
    '1900-02-29',
    '2025-13-01',
    '00/01/2025',
    '2025-1-5',
    '01/02/25',
    '05/03-2024',
    '',
    'hôm nay',
  ])('refuses %j, which is not a real day in a known form', (input) => {
    expect(parseCivilDate(input)).toBeNull();
  });
});

describe('formatting and parts', () => {
  it('shows dates as dd/mm/yyyy', () => {
    expect(formatCivilDate('2025-01-09')).toBe('09/01/2025');
  });

  it('refuses to build or format a day that does not exist', () => {
    expect(() => civilDate(2023, 2, 29)).toThrow(RangeError);
    expect(() => formatCivilDate('2023-02-29')).toThrow(RangeError);
  });

  it('keeps only real days from half-typed form values', () => {
    expect(realDateOrNull('2024-02-29')).toBe('2024-02-29');
    expect(realDateOrNull('2024-02-3')).toBeNull();
    expect(realDateOrNull(null)).toBeNull();
    expect(realDateOrNull(undefined)).toBeNull();
  });
});

describe('day arithmetic', () => {
  it('numbers days from 1970-01-01 in both directions, across centuries', () => {
    expect(dayNumber('1970-01-01')).toBe(0);
    expect(dayNumber('2000-03-01')).toBe(11_017);
    expect(dayNumber('1969-12-31')).toBe(-1);
    for (const date of ['1600-02-29', '1899-12-31', '1900-03-01', '2024-02-29', '2100-02-28', '2100-03-01', '2400-02-29']) {
      expect(fromDayNumber(dayNumber(date))).toBe(date);
    }
    for (let days = -200_000; days <= 200_000; days += 997) {
      expect(dayNumber(fromDayNumber(days))).toBe(days);
      expect(fromDayNumber(days)).toBe(new Date(days * 86_400_000).toISOString().slice(0, 10));
    }
  });

  it.each([
    ['2024-02-28', 1, '2024-02-29'],
    ['2023-02-28', 1, '2023-03-01'],
    ['2024-12-31', 1, '2025-01-01'],
    ['2025-03-01', -1, '2025-02-28'],
    ['2025-01-29', 0, '2025-01-29'],
    ['2025-01-29', 365, '2026-01-29'],
  ])('addDays(%s, %i) = %s', (date, days, expected) => {
    expect(addDays(date, days)).toBe(expected);
  });

  it('counts the days between two dates, negative backwards', () => {
    expect(daysBetween('2024-02-01', '2024-03-01')).toBe(29);
    expect(daysBetween('2023-02-01', '2023-03-01')).toBe(28);
    expect(daysBetween('2025-01-01', '2024-01-01')).toBe(-366);
  });

  it('compares dates by the calendar', () => {
    expect(compareCivilDates('2025-01-29', '2025-01-30')).toBeLessThan(0);
    expect(compareCivilDates('2025-01-29', '2025-01-29')).toBe(0);
    expect(isBefore('2024-12-31', '2025-01-01')).toBe(true);
    expect(isAfter('2024-12-31', '2025-01-01')).toBe(false);
    expect(earliest('2025-03-01', '2025-01-02', '2025-02-01')).toBe('2025-01-02');
  });
});

describe('addMonths', () => {
  it.each([
    ['2025-01-15', 1, '2025-02-15'],
    ['2025-01-31', 1, '2025-02-28'],
    ['2024-01-31', 1, '2024-02-29'],
    ['2024-02-29', 12, '2025-02-28'],
    ['2024-02-29', 48, '2028-02-29'],
    ['2025-03-31', 1, '2025-04-30'],
    ['2025-04-30', 1, '2025-05-30'],
    ['2025-08-31', 1, '2025-09-30'],
    ['2025-10-31', 3, '2026-01-31'],
    ['2025-11-30', 3, '2026-02-28'],
    ['2025-12-31', 2, '2026-02-28'],
    ['2025-03-31', -1, '2025-02-28'],
    ['2025-01-31', -2, '2024-11-30'],
    ['2025-06-15', -18, '2023-12-15'],
  ])('addMonths(%s, %i) = %s, clamped to the month’s last day', (date, months, expected) => {
    expect(addMonths(date, months)).toBe(expected);
  });
});

describe('weekdays', () => {
  it.each([
    ['2025-01-29', 3],
    ['2026-02-17', 2],
    ['2022-04-30', 6],
    ['2022-05-01', 0],
    ['1970-01-01', 4],
    ['1969-12-28', 0],
  ])('%s falls on weekday %i (0 = Sunday)', (date, weekday) => {
    expect(dayOfWeek(date)).toBe(weekday);
  });

  it('treats Saturday and Sunday as the weekend', () => {
    expect(['2025-02-01', '2025-02-02', '2025-02-03'].map(isWeekend)).toEqual([true, true, false]);
  });
});

describe('civilDateInVietnam', () => {
  it.each([
    ['2025-01-28T16:59:59.999Z', '2025-01-28'],
    ['2025-01-28T17:00:00.000Z', '2025-01-29'],
    ['2024-12-31T17:00:00Z', '2025-01-01'],
    ['2025-01-29T06:00:00+07:00', '2025-01-29'],
    ['2025-01-28T23:30:00-05:00', '2025-01-29'],
  ])('%s is %s in Vietnam (UTC+7)', (instant, expected) => {
    expect(civilDateInVietnam(instant)).toBe(expected);
    expect(civilDateInVietnam(new Date(instant))).toBe(expected);
  });

  it.each(['ngày mai', '2025-01-28T23:30:00', '2025-01-28'])('refuses %j, which does not name one instant', (input) => {
    expect(() => civilDateInVietnam(input)).toThrow(RangeError);
  });

  it('refuses an invalid Date', () => {
    expect(() => civilDateInVietnam(new Date(Number.NaN))).toThrow(RangeError);
  });
});
