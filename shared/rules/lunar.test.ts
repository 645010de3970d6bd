import { describe, expect, it } from 'vitest';
import { addDays, dayNumber, fromDayNumber } from './dates';
import {
  deltaTSeconds,
  leapMonthOf,
  lunarMonthsOfYear,
  lunarNewYear,
  lunarToSolar,
  newMoonJulianEphemerisDay,
  solarToLunar,
  sunApparentLongitude,
} from './lunar';

/**
 * Tết as published: the Chinese New Year dates, except where Vietnam's time zone puts the
 * new moon on the evening before (2007, 2030: Tết a day earlier than in China).
 */
const tet: Record<number, string> = {
  1990: '1990-01-27',
  1991: '1991-02-15',
  1992: '1992-02-04',
  1993: '1993-01-23',
  1994: '1994-02-10',
  1995: '1995-01-31',
  1996: '1996-02-19',
  1997: '1997-02-07',
  1998: '1998-01-28',
  1999: '1999-02-16',
  2000: '2000-02-05',
  2001: '2001-01-24',
  2002: '2002-02-12',
  2003: '2003-02-01',
  2004: '2004-01-22',
  2005: '2005-02-09',
  2006: '2006-01-29',
  2007: '2007-02-17',
  2008: '2008-02-07',
  2009: '2009-01-26',
  2010: '2010-02-14',
  2011: '2011-02-03',
  2012: '2012-01-23',
  2013: '2013-02-10',
  2014: '2014-01-31',
  2015: '2015-02-19',
  2016: '2016-02-08',
  2017: '2017-01-28',
  2018: '2018-02-16',
  2019: '2019-02-05',
  2020: '2020-01-25',
  2021: '2021-02-12',
  2022: '2022-02-01',
  2023: '2023-01-22',
  2024: '2024-02-10',
  2025: '2025-01-29',
  2026: '2026-02-17',
  2027: '2027-02-06',
  2028: '2028-01-26',
  2029: '2029-02-13',
  2030: '2030-02-02',
  2031: '2031-01-23',
  2032: '2032-02-11',
  2033: '2033-01-31',
  2034: '2034-02-19',
  2035: '2035-02-08',
  2036: '2036-01-28',
  2037: '2037-02-15',
  2038: '2038-02-04',
  2039: '2039-01-24',
  2040: '2040-02-12',
  2041: '2041-02-01',
  2042: '2042-01-22',
  2043: '2043-02-10',
  2044: '2044-01-30',
  2045: '2045-02-17',
  2046: '2046-02-06',
  2047: '2047-01-26',
  2048: '2048-02-14',
  2049: '2049-02-02',
  2050: '2050-01-23',
};

describe('the astronomy, against the worked examples of Meeus, Astronomical Algorithms', () => {
  it('places the new moon of February 1977 (example 49.a) at JDE 2443192.65118', () => {
    expect(newMoonJulianEphemerisDay(-283)).toBeCloseTo(2_443_192.651_18, 4);
  });

  it('gives the Sun’s apparent longitude on 1992-10-13.0 TD (example 25.b) as 199°54′21.8″', () => {
    expect(sunApparentLongitude(2_448_908.5)).toBeCloseTo(199.906_06, 3);
  });

  it('models the Earth’s clock drift near its observed values', () => {
    expect(deltaTSeconds(2_451_545)).toBeCloseTo(63.8, 0);
    expect(deltaTSeconds(2_415_020.5)).toBeCloseTo(-2.8, 0);
  });
});

describe('Tết (1/1 lunar)', () => {
  it.each(Object.entries(tet))('Tết %s is on %s', (year, date) => {
    expect(lunarNewYear(Number(year))).toBe(date);
    expect(solarToLunar(date)).toEqual({ year: Number(year), month: 1, day: 1, leap: false });
    expect(solarToLunar(addDays(date, -1)).year).toBe(Number(year) - 1);
  });

  it.each([
    [1985, '1985-01-21', 'a month before China’s (20 February): the 1984 solstice fell before midnight in Hanoi'],
    [1968, '1968-01-29', 'the first Tết of the UTC+7 calendar, a day before the South’s'],
    [2053, '2053-02-18', 'a day before China’s'],
  ])('Tết %i is on %s, %s', (year, date) => {
    expect(lunarNewYear(year)).toBe(date);
  });
});

describe('other lunar dates', () => {
  it.each([
    ['2024-04-18', 2024, 3, 10],
    ['2025-04-07', 2025, 3, 10],
    ['2026-04-26', 2026, 3, 10],
    ['2024-09-17', 2024, 8, 15],
    ['2025-10-06', 2025, 8, 15],
    ['2006-06-25', 2006, 6, 1],
  ])('%s is %i-%i-%i lunar', (solar, year, month, day) => {
    expect(solarToLunar(solar)).toEqual({ year, month, day, leap: false });
    expect(lunarToSolar({ year, month, day, leap: false })).toBe(solar);
  });

  it('ends the lunar year on the eve of Tết, on day 29 or 30 of month 12', () => {
    expect(solarToLunar('2025-01-28')).toEqual({ year: 2024, month: 12, day: 29, leap: false });
    expect(solarToLunar('2026-02-16')).toEqual({ year: 2025, month: 12, day: 29, leap: false });
    expect(solarToLunar('2024-02-09')).toEqual({ year: 2023, month: 12, day: 30, leap: false });
  });
});

describe('leap months', () => {
  it.each([
    [1990, 5],
    [1993, 3],
    [1995, 8],
    [1998, 5],
    [2001, 4],
    [2004, 2],
    [2006, 7],
    [2009, 5],
    [2012, 4],
    [2014, 9],
    [2017, 6],
    [2020, 4],
    [2023, 2],
    [2025, 6],
    [2028, 5],
    [2031, 3],
    [2033, 11],
    [2036, 6],
  ])('lunar year %i repeats month %i', (year, month) => {
    expect(leapMonthOf(year)).toBe(month);
    expect(lunarMonthsOfYear(year)).toHaveLength(13);
  });

  it.each([2019, 2021, 2022, 2024, 2026, 2027])('lunar year %i has no leap month', (year) => {
    expect(leapMonthOf(year)).toBeNull();
    expect(lunarMonthsOfYear(year)).toHaveLength(12);
  });

  it('puts the leap month after the month it repeats', () => {
    expect(lunarToSolar({ year: 2023, month: 2, day: 1, leap: false })).toBe('2023-02-20');
    expect(lunarToSolar({ year: 2023, month: 2, day: 1, leap: true })).toBe('2023-03-22');
    expect(lunarToSolar({ year: 2025, month: 6, day: 1, leap: true })).toBe('2025-07-25');
    expect(solarToLunar('2025-07-25')).toEqual({ year: 2025, month: 6, day: 1, leap: true });
    expect(solarToLunar('2025-08-23')).toEqual({ year: 2025, month: 7, day: 1, leap: false });
  });

  it('refuses lunar dates that do not exist', () => {
    expect(lunarToSolar({ year: 2025, month: 3, day: 1, leap: true })).toBeNull();
    expect(lunarToSolar({ year: 2024, month: 12, day: 30, leap: false })).toBeNull();
    expect(lunarToSolar({ year: 2023, month: 12, day: 30, leap: false })).toBe('2024-02-09');
    expect(lunarToSolar({ year: 2025, month: 13, day: 1, leap: false })).toBeNull();
    expect(lunarToSolar({ year: 2025, month: 1, day: 0, leap: false })).toBeNull();
  });
});

describe('consistency over the years', () => {
  it('gives every year months of 29 or 30 days that follow each other without a gap', () => {
    for (let year = 1968; year < 2199; year += 1) {
      const months = lunarMonthsOfYear(year);
      expect(months[0]!.start).toBe(lunarNewYear(year));
      months.forEach((month, index) => {
        expect([29, 30]).toContain(month.days);
        const next = months[index + 1]?.start ?? lunarNewYear(year + 1);
        expect(addDays(month.start, month.days)).toBe(next);
      });
      expect(months.filter((month) => month.leap).length).toBe(months.length - 12);
    }
  });

  it('converts every day from 1968 to 2100 to a lunar date and back', () => {
    let previous = solarToLunar('1967-12-31');
    for (let day = dayNumber('1968-01-01'); day <= dayNumber('2100-12-31'); day += 1) {
      const solar = fromDayNumber(day);
      const lunar = solarToLunar(solar);
      expect(lunarToSolar(lunar)).toBe(solar);
      if (lunar.day !== 1) expect(lunar).toEqual({ ...previous, day: previous.day + 1 });
      previous = lunar;
    }
  });

  it('keeps to the years it can compute', () => {
    expect(() => solarToLunar('1899-06-01')).toThrow(RangeError);
    expect(() => lunarNewYear(2200)).toThrow(RangeError);
  });
});
