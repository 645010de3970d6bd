import { describe, expect, it } from 'vitest';
import { foldForSearch } from './fold';
import {
  CountryCode,
  borderPassCountries,
  countryAliases,
  countryCodes,
  countryName,
  findCountryCode,
  isBorderPassCountry,
  isCountryCode,
} from './countries';
import { textMessages } from './messages';

describe('country table', () => {
  it('holds the 249 officially assigned ISO 3166-1 alpha-2 codes, in order, each known to CLDR', () => {
    expect(countryCodes).toHaveLength(249);
    expect([...countryCodes].sort()).toEqual(countryCodes);
    expect(new Set(countryCodes).size).toBe(249);
    const cldr = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'code' });
    for (const code of countryCodes) expect([code, cldr.of(code) !== code]).toEqual([code, true]);
  });

  it('leaves out reserved, user-assigned and withdrawn codes', () => {
    for (const code of ['UK', 'EU', 'XK', 'AN', 'YU', 'CS', 'ZZ', 'AA']) expect(isCountryCode(code)).toBe(false);
  });

  it('names countries as party documents do', () => {
    const expected: [CountryCode, string][] = [
      ['KR', 'Hàn Quốc'],
      ['JP', 'Nhật Bản'],
      ['CN', 'Trung Quốc'],
      ['LA', 'Lào'],
      ['KH', 'Campuchia'],
      ['US', 'Hoa Kỳ'],
      ['TW', 'Đài Loan (Trung Quốc)'],
      ['DK', 'Đan Mạch'],
      ['RU', 'Nga'],
      ['TH', 'Thái Lan'],
    ];
    for (const [code, name] of expected) expect(countryName(code)).toBe(name);
    expect(countryName('KR', 'en')).toBe('South Korea');
  });

  it('has a distinct NFC Vietnamese name and a distinct English name for every code', () => {
    const vi = countryCodes.map((code) => countryName(code, 'vi'));
    const en = countryCodes.map((code) => countryName(code, 'en'));
    expect(new Set(vi).size).toBe(249);
    expect(new Set(en).size).toBe(249);
    for (const name of [...vi, ...en])
      expect(name === name.normalize('NFC') && name.trim() === name && name.length > 1).toBe(true);
  });
});

describe('CountryCode schema', () => {
  it('trims and upper-cases', () => {
    expect(CountryCode.parse(' kr ')).toBe('KR');
  });

  it('refuses unknown codes with a message key of the catalog', () => {
    const result = CountryCode.safeParse('XX');
    expect(result.success).toBe(false);
    const message = result.error?.issues[0]?.message;
    expect(message).toBe('country.unknown');
    expect(Object.keys(textMessages.vi)).toContain(message);
  });
});

describe('findCountryCode', () => {
  it('finds a country by code, name or alias, ignoring case, marks and hyphens', () => {
    expect(findCountryCode('kr')).toBe('KR');
    expect(findCountryCode('han quoc')).toBe('KR');
    expect(findCountryCode('Korea')).toBe('KR');
    expect(findCountryCode('Mỹ')).toBe('US');
    expect(findCountryCode('Úc')).toBe('AU');
    expect(findCountryCode('Ma lai xi a')).toBe('MY');
    expect(findCountryCode('Malaysia')).toBe('MY');
    expect(findCountryCode('Đài Loan')).toBe('TW');
    expect(findCountryCode('  THỤY SỸ ')).toBe('CH');
    expect(findCountryCode('Atlantis')).toBeUndefined();
  });

  it('never maps one folded name to two countries', () => {
    const seen = new Map<string, string>();
    for (const code of countryCodes) {
      for (const name of [countryName(code, 'vi'), countryName(code, 'en'), ...(countryAliases[code] ?? [])]) {
        const folded = foldForSearch(name.replace(/-/g, ' '));
        expect([folded, seen.get(folded) ?? code]).toEqual([folded, code]);
        seen.set(folded, code);
        expect(findCountryCode(name)).toBe(code);
      }
    }
  });
});

describe('border-pass countries', () => {
  it('are Cambodia, Laos and China', () => {
    expect([...borderPassCountries].sort()).toEqual(['CN', 'KH', 'LA']);
    expect(isBorderPassCountry('LA')).toBe(true);
    expect(isBorderPassCountry('TH')).toBe(false);
  });
});
