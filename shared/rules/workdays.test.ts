import { describe, expect, it } from 'vitest';
import { addDays } from './dates';
import { createHolidayCalendar } from './holidays';
import { addWorkingDays, isWorkingDay, workingDaysBetween } from './workdays';

const calendar = createHolidayCalendar();

describe('isWorkingDay', () => {
  it.each([
    ['2025-01-27', true, 'the Monday before Tết'],
    ['2025-01-28', false, 'the last day of the lunar year'],
    ['2025-02-01', false, 'Tết on a Saturday'],
    ['2025-02-03', false, 'the compensatory Monday'],
    ['2025-02-04', true, 'back at work'],
    ['2025-02-08', false, 'an ordinary Saturday'],
    ['2025-04-07', false, 'the Hùng Kings’ day'],
    ['2026-02-13', true, 'the Friday before Tết 2026'],
    ['2026-02-16', false, 'the eve of Tết 2026'],
    ['2026-02-23', true, 'the Monday after Tết 2026'],
  ])('%s is a working day: %s (%s)', (date, working) => {
    expect(isWorkingDay(date, calendar)).toBe(working);
  });
});

describe('addWorkingDays', () => {
  it.each([
    ['2025-01-24', 7, '2025-02-11', 'a return on the Friday before Tết 2025: one day, then Tết and its compensatory day'],
    ['2025-01-27', 1, '2025-02-04', 'the day after Tết 2025 and its compensation'],
    ['2026-02-12', 7, '2026-03-02', 'a return on the Thursday before Tết 2026'],
    ['2022-04-29', 1, '2022-05-04', '30/4–1/5 on a weekend, compensated on 2 and 3 May'],
    ['2025-03-03', 7, '2025-03-12', 'an ordinary fortnight'],
    ['2025-03-08', 1, '2025-03-10', 'from a Saturday'],
    ['2025-03-03', 0, '2025-03-03', 'no days at all'],
    ['2025-02-04', -1, '2025-01-27', 'backwards across Tết'],
  ])('%s + %i working days = %s (%s)', (date, count, expected) => {
    expect(addWorkingDays(date, count, calendar)).toBe(expected);
  });

  it('follows the office’s overrides: an extra day off, a removed compensation, a Saturday worked', () => {
    const decided = createHolidayCalendar([
      { kind: 'add', date: '2025-01-27', name: 'Nghỉ Tết theo thông báo (hoán đổi ngày làm việc)' },
      { kind: 'remove', date: '2025-02-03' },
      { kind: 'working_day', date: '2025-02-08' },
    ]);
    expect(isWorkingDay('2025-01-27', decided)).toBe(false);
    expect(isWorkingDay('2025-02-03', decided)).toBe(true);
    expect(isWorkingDay('2025-02-08', decided)).toBe(true);
    expect(addWorkingDays('2025-01-24', 7, decided)).toBe('2025-02-10');
  });

  it('refuses a fractional count', () => {
    expect(() => addWorkingDays('2025-03-03', 1.5, calendar)).toThrow(RangeError);
  });
});

describe('workingDaysBetween', () => {
  it('counts the working days after the first date up to and including the second', () => {
    expect(workingDaysBetween('2025-01-24', '2025-02-11', calendar)).toBe(7);
    expect(workingDaysBetween('2025-02-11', '2025-01-24', calendar)).toBe(-7);
    expect(workingDaysBetween('2025-01-28', '2025-02-03', calendar)).toBe(0);
    expect(workingDaysBetween('2025-03-03', '2025-03-03', calendar)).toBe(0);
  });

  it('undoes addWorkingDays on every day of 2025 and 2026', () => {
    for (let date = '2025-01-01'; date <= '2026-12-31'; date = addDays(date, 1)) {
      for (const count of [1, 7, 20]) {
        expect(workingDaysBetween(date, addWorkingDays(date, count, calendar), calendar)).toBe(count);
      }
    }
  });

  it('finds 250 working days in 2025 under the default holidays', () => {
    expect(workingDaysBetween('2024-12-31', '2025-12-31', calendar)).toBe(250);
  });
});
