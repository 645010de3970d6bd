import { describe, expect, it } from 'vitest';
import { createHolidayCalendar, type Holiday, statutoryHolidays } from './holidays';
import type { HolidayOverride } from './settings';

function summary(holidays: readonly Holiday[]): string[] {
  return holidays.map((holiday) => `${holiday.date} ${holiday.kind} ${holiday.label.key}`);
}

describe('statutoryHolidays (Labour Code 2019, article 112)', () => {
  it('lists the eleven days off of 2025, Tết from the last day of the lunar year', () => {
    expect(statutoryHolidays(2025).map((holiday) => holiday.date)).toEqual([
      '2025-01-01',
      '2025-01-28',
      '2025-01-29',
      '2025-01-30',
      '2025-01-31',
      '2025-02-01',
      '2025-04-07',
      '2025-04-30',
      '2025-05-01',
      '2025-09-01',
      '2025-09-02',
    ]);
  });

  it('names each Tết day by its lunar date', () => {
    const tet = statutoryHolidays(2025).filter((holiday) => holiday.label.key === 'holiday.tet');
    expect(tet.map((holiday) => holiday.label.params.lunarDate)).toEqual(['29/12', '1/1', '2/1', '3/1', '4/1']);
    const tet2024 = statutoryHolidays(2024).filter((holiday) => holiday.label.key === 'holiday.tet');
    expect(tet2024[0]).toMatchObject({ date: '2024-02-09', label: { params: { lunarDate: '30/12' } } });
  });
});

describe('the default calendar, with compensatory days', () => {
  const calendar = createHolidayCalendar();

  it('gives Tết 2025 a compensatory Monday for its Saturday', () => {
    expect(summary(calendar.holidaysOfYear(2025))).toEqual([
      '2025-01-01 statutory holiday.newYear',
      '2025-01-28 statutory holiday.tet',
      '2025-01-29 statutory holiday.tet',
      '2025-01-30 statutory holiday.tet',
      '2025-01-31 statutory holiday.tet',
      '2025-02-01 statutory holiday.tet',
      '2025-02-03 compensatory holiday.compensatory',
      '2025-04-07 statutory holiday.hungKings',
      '2025-04-30 statutory holiday.victoryDay',
      '2025-05-01 statutory holiday.labourDay',
      '2025-09-01 statutory holiday.nationalDayAdjacent',
      '2025-09-02 statutory holiday.nationalDay',
    ]);
    expect(calendar.holidayOn('2025-02-03')?.label).toEqual({
      key: 'holiday.compensatory',
      params: { date: '01/02/2025' },
    });
  });

  it('keeps Tết 2026 on weekdays and moves the Hùng Kings’ Sunday to Monday', () => {
    const days = calendar.holidaysOfYear(2026).map((holiday) => `${holiday.date} ${holiday.kind}`);
    expect(days).toEqual([
      '2026-01-01 statutory',
      '2026-02-16 statutory',
      '2026-02-17 statutory',
      '2026-02-18 statutory',
      '2026-02-19 statutory',
      '2026-02-20 statutory',
      '2026-04-26 statutory',
      '2026-04-27 compensatory',
      '2026-04-30 statutory',
      '2026-05-01 statutory',
      '2026-09-01 statutory',
      '2026-09-02 statutory',
    ]);
  });

  it('compensates 30/4 and 1/5 on a weekend with the next two working days (2022)', () => {
    const may = calendar.holidaysOfYear(2022).filter((holiday) => holiday.date >= '2022-04-30' && holiday.date <= '2022-05-31');
    expect(may.map((holiday) => `${holiday.date} ${holiday.kind}`)).toEqual([
      '2022-04-30 statutory',
      '2022-05-01 statutory',
      '2022-05-02 compensatory',
      '2022-05-03 compensatory',
    ]);
    expect(calendar.holidayOn('2022-01-03')?.kind).toBe('compensatory');
    expect(calendar.holidayOn('2022-04-11')?.kind).toBe('compensatory');
  });

  it('skips over a holiday to find the compensatory day (30/4/2028 is a Sunday, 1/5 a Monday)', () => {
    expect(calendar.holidayOn('2028-05-01')?.kind).toBe('statutory');
    expect(calendar.holidayOn('2028-05-02')?.label.params).toEqual({ date: '30/04/2028' });
  });

  it('compensates New Year’s Day on a Sunday in the new year (2023)', () => {
    expect(calendar.holidayOn('2023-01-02')?.kind).toBe('compensatory');
    expect(calendar.holidayOn('2022-12-30')).toBeNull();
  });
});

describe('overrides from the office', () => {
  it('adds a day off with the name the office gives it', () => {
    const calendar = createHolidayCalendar([{ kind: 'add', date: '2025-11-24', name: 'Nghỉ theo thông báo của Chính phủ' }]);
    expect(calendar.holidayOn('2025-11-24')).toEqual({
      date: '2025-11-24',
      kind: 'added',
      label: { key: 'holiday.custom', params: { name: 'Nghỉ theo thông báo của Chính phủ' } },
    });
    expect(calendar.holidaysOfYear(2025)).toHaveLength(13);
  });

  it('moves the day next to 2/9 from 1/9 to 3/9', () => {
    const calendar = createHolidayCalendar([
      { kind: 'remove', date: '2025-09-01' },
      { kind: 'add', date: '2025-09-03', name: 'Quốc khánh (ngày nghỉ liền kề)' },
    ]);
    expect(calendar.holidayOn('2025-09-01')).toBeNull();
    expect(calendar.holidayOn('2025-09-03')?.kind).toBe('added');
  });

  it('drops the compensation of a removed weekend holiday, and a removed compensatory day is not moved on', () => {
    const withoutHungKings = createHolidayCalendar([{ kind: 'remove', date: '2026-04-26' }]);
    expect(withoutHungKings.holidayOn('2026-04-27')).toBeNull();
    const withoutCompensation = createHolidayCalendar([{ kind: 'remove', date: '2025-02-03' }]);
    expect(withoutCompensation.holidayOn('2025-02-03')).toBeNull();
    expect(withoutCompensation.holidayOn('2025-02-04')).toBeNull();
  });

  it('gives no compensation for an added day on a weekend, and keeps the statutory name when an added day repeats one', () => {
    const calendar = createHolidayCalendar([
      { kind: 'add', date: '2025-03-08', name: 'Thêm' },
      { kind: 'add', date: '2025-04-30', name: 'Trùng' },
    ]);
    expect(calendar.holidayOn('2025-03-10')).toBeNull();
    expect(calendar.holidayOn('2025-04-30')?.label.key).toBe('holiday.victoryDay');
  });

  it('records a weekend worked in exchange, and a working-day override cancels a holiday', () => {
    const overrides: HolidayOverride[] = [
      { kind: 'working_day', date: '2025-02-08' },
      { kind: 'working_day', date: '2025-04-30' },
    ];
    const calendar = createHolidayCalendar(overrides);
    expect(calendar.isExtraWorkingDay('2025-02-08')).toBe(true);
    expect(calendar.isExtraWorkingDay('2025-02-09')).toBe(false);
    expect(calendar.holidayOn('2025-04-30')).toBeNull();
    expect(calendar.isExtraWorkingDay('2025-04-30')).toBe(false);
    expect(calendar.overrides).toBe(overrides);
  });
});
