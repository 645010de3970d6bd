import { describe, expect, it } from 'vitest';
import { type DurationBracket, type TripPurpose, tripPurposes } from '../domain/enums';
import {
  durationBracket,
  missingActivityTransfer,
  permittedReturn,
  requiredActivityHandling,
  statisticsYear,
  tripActivityHandling,
  tripDurationBracket,
} from './brackets';

describe('durationBracket', () => {
  const cases: [departure: string, plannedReturn: string, bracket: DurationBracket][] = [
    // an ordinary mid-month departure, at and around each boundary
    ['2025-03-10', '2025-03-10', 'under1m'],
    ['2025-03-10', '2025-04-09', 'under1m'],
    ['2025-03-10', '2025-04-10', 'from1to3m'],
    ['2025-03-10', '2025-06-10', 'from1to3m'],
    ['2025-03-10', '2025-06-11', 'from3to12m'],
    ['2025-03-10', '2026-03-10', 'from3to12m'],
    ['2025-03-10', '2026-03-11', 'over12m'],
    // 31 January: one month later is the last day of February
    ['2025-01-31', '2025-02-27', 'under1m'],
    ['2025-01-31', '2025-02-28', 'from1to3m'],
    ['2025-01-31', '2025-04-30', 'from1to3m'],
    ['2025-01-31', '2025-05-01', 'from3to12m'],
    ['2025-01-31', '2026-01-31', 'from3to12m'],
    ['2025-01-31', '2026-02-01', 'over12m'],
    ['2024-01-31', '2024-02-28', 'under1m'],
    ['2024-01-31', '2024-02-29', 'from1to3m'],
    // 29 February of a leap year: twelve months later is 28 February
    ['2024-02-29', '2024-03-28', 'under1m'],
    ['2024-02-29', '2024-03-29', 'from1to3m'],
    ['2024-02-29', '2024-05-29', 'from1to3m'],
    ['2024-02-29', '2024-05-30', 'from3to12m'],
    ['2024-02-29', '2025-02-28', 'from3to12m'],
    ['2024-02-29', '2025-03-01', 'over12m'],
    // three months ending in February, leap and common year
    ['2023-11-30', '2024-02-29', 'from1to3m'],
    ['2023-11-30', '2024-03-01', 'from3to12m'],
    ['2024-11-30', '2025-02-28', 'from1to3m'],
    ['2024-11-30', '2025-03-01', 'from3to12m'],
    ['2024-12-31', '2025-01-30', 'under1m'],
    ['2024-12-31', '2025-01-31', 'from1to3m'],
    // 30 April and 31 August: the shorter following month clamps the day
    ['2025-04-30', '2025-05-29', 'under1m'],
    ['2025-04-30', '2025-05-30', 'from1to3m'],
    ['2025-04-30', '2025-07-30', 'from1to3m'],
    ['2025-04-30', '2025-07-31', 'from3to12m'],
    ['2025-08-31', '2025-09-29', 'under1m'],
    ['2025-08-31', '2025-09-30', 'from1to3m'],
    ['2025-08-31', '2025-11-30', 'from1to3m'],
    ['2025-08-31', '2025-12-01', 'from3to12m'],
    ['2025-08-31', '2026-08-31', 'from3to12m'],
    ['2025-08-31', '2026-09-01', 'over12m'],
  ];

  it.each(cases)('%s → %s is %s', (departure, plannedReturn, bracket) => {
    expect(durationBracket(departure, plannedReturn)).toBe(bracket);
  });
});

describe('permitted period', () => {
  it('uses the extended return when the stay was extended', () => {
    expect(permittedReturn({ plannedReturn: '2025-05-10' })).toBe('2025-05-10');
    expect(permittedReturn({ plannedReturn: '2025-05-10', extendedReturn: '2025-07-01' })).toBe('2025-07-01');
    expect(permittedReturn({ plannedReturn: null, extendedReturn: null })).toBeNull();
  });

  it('counts the bracket over the permitted period, so an extension can move a trip up', () => {
    const trip = { plannedDeparture: '2025-03-10', plannedReturn: '2025-05-10' };
    expect(tripDurationBracket(trip)).toBe('from1to3m');
    expect(tripDurationBracket({ ...trip, extendedReturn: '2025-07-01' })).toBe('from3to12m');
  });

  it('has no bracket while a date is missing, not a real day, or the period runs backwards', () => {
    expect(tripDurationBracket({ plannedDeparture: '2025-03-10' })).toBeNull();
    expect(tripDurationBracket({ plannedDeparture: '2025-03-10', plannedReturn: '2025-02-30' })).toBeNull();
    expect(tripDurationBracket({ plannedDeparture: '2025-03-10', plannedReturn: '2025-03-09' })).toBeNull();
  });
});

describe('statisticsYear', () => {
  it.each([
    [{ approvalDate: '2024-12-20', plannedDeparture: '2025-01-05' }, 2024],
    [{ approvalDate: null, plannedDeparture: '2025-01-05' }, 2025],
    [{ plannedDeparture: '2023-06-01' }, 2023],
    [{}, null],
  ])('%j counts in %s', (trip, year) => {
    expect(statisticsYear(trip)).toBe(year);
  });
});

describe('requiredActivityHandling', () => {
  const expectedTransfer: Record<DurationBracket, string> = {
    under1m: 'none',
    from1to3m: 'none',
    from3to12m: 'temporary',
    over12m: 'official',
  };
  const exemptionFor: Record<TripPurpose, boolean> = {
    official: false,
    study: false,
    labour: true,
    tourism: true,
    family_visit: true,
    medical: true,
    other_private: true,
  };

  const table = (Object.keys(expectedTransfer) as DurationBracket[]).flatMap((bracket) =>
    tripPurposes.map((purpose) => [bracket, purpose] as const),
  );

  it.each(table)('%s, %s', (bracket, purpose) => {
    expect(requiredActivityHandling(bracket, purpose)).toEqual({
      transfer: expectedTransfer[bracket],
      exemptionPossible: exemptionFor[purpose],
    });
  });

  it('offers exemption for labour only to a member working alone', () => {
    expect(requiredActivityHandling('from3to12m', 'labour', { individual: false }).exemptionPossible).toBe(false);
    expect(requiredActivityHandling('from3to12m', 'labour', { individual: true }).exemptionPossible).toBe(true);
  });

  it('reads a trip’s own facts, treating a labour-export transfer as not working alone', () => {
    const trip = { purpose: 'labour', plannedDeparture: '2025-01-01', plannedReturn: '2027-01-01' } as const;
    expect(tripActivityHandling(trip)).toEqual({ transfer: 'official', exemptionPossible: true });
    expect(tripActivityHandling({ ...trip, labourExportTransfer: true })).toEqual({
      transfer: 'official',
      exemptionPossible: false,
    });
    expect(tripActivityHandling({ ...trip, purpose: null })).toBeNull();
  });
});

describe('missingActivityTransfer', () => {
  const sixMonths = { plannedDeparture: '2025-01-10', plannedReturn: '2025-07-10' };
  const twoYears = { plannedDeparture: '2025-01-10', plannedReturn: '2027-01-10' };

  it.each([
    ['a short trip needs nothing', { ...sixMonths, plannedReturn: '2025-02-10', purpose: 'official' }, null],
    ['six months of study without a transfer', { ...sixMonths, purpose: 'study' }, 'temporary'],
    ['six months of study with a temporary transfer', { ...sixMonths, purpose: 'study', activityTransfer: 'temporary' }, null],
    [
      'six months with an official transfer, which covers more',
      { ...sixMonths, purpose: 'study', activityTransfer: 'official' },
      null,
    ],
    ['two years with only a temporary transfer', { ...twoYears, purpose: 'official', activityTransfer: 'temporary' }, 'official'],
    [
      'two years of study with an exemption, which study does not allow',
      { ...twoYears, purpose: 'study', exemption: true },
      'official',
    ],
    ['two years of a private stay with an exemption', { ...twoYears, purpose: 'family_visit', exemption: true }, null],
    ['two years of labour under a labour-export transfer', { ...twoYears, purpose: 'labour', labourExportTransfer: true }, null],
    ['two years of labour alone, no transfer and no exemption', { ...twoYears, purpose: 'labour' }, 'official'],
    ['an unknown purpose cannot be judged', { ...twoYears }, null],
  ] as const)('%s', (_name, trip, missing) => {
    expect(missingActivityTransfer(trip)).toBe(missing);
  });
});
