import { describe, expect, it } from 'vitest';
import { allMessageKeys } from '../i18n';
import * as text from './index';

describe('shared/text', () => {
  it('exposes its API from one entry point', () => {
    for (const name of [
      'foldForSearch',
      'normaliseText',
      'normaliseMultilineText',
      'nameSortKey',
      'compareNames',
      'compareVietnamese',
      'decodeTextFile',
      'repairLegacyText',
      'repairLegacyFields',
      'detectLegacyEncoding',
      'legacyToUnicode',
      'encodeLegacy',
      'legacyFontOf',
      'isCountryCode',
      'countryName',
      'findCountryCode',
      'isBorderPassCountry',
      'checkNationalId',
      'decodeNationalId',
    ] as const) {
      expect([name, typeof text[name]]).toEqual([name, 'function']);
    }
    expect(text.CountryCode.parse('jp')).toBe('JP');
    expect(text.NationalId.parse('001085012345')).toBe('001085012345');
  });

  it('has messages with the same keys in both languages, and no key another module already uses', () => {
    const keys = Object.keys(text.textMessages.vi);
    expect(Object.keys(text.textMessages.en).sort()).toEqual([...keys].sort());
    // Once these messages are registered the catalog holds all of them, and refuses duplicates itself.
    const inCatalog = keys.filter((key) => allMessageKeys().includes(key));
    expect(inCatalog.length === 0 || inCatalog.length === keys.length).toBe(true);
  });
});
