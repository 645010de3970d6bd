import { describe, expect, it } from 'vitest';
import { countryAliases, countryCodes, countryName } from './countries';
import { rankMatches, rankName, searchableName, searchRank, searchWords } from './searchRank';

const countryNames = (code: (typeof countryCodes)[number]) =>
  [countryName(code, 'vi'), countryName(code, 'en'), code, ...(countryAliases[code] ?? [])].map(searchableName);

describe('rankName', () => {
  it('ranks the whole name, then its start, then the start of a word, then anywhere inside', () => {
    const words = searchWords('nguyen van an');
    expect(rankName(searchableName('Nguyễn Văn An'), words)).toBe(searchRank.exact);
    expect(rankName(searchableName('Nguyễn Văn Anh'), words)).toBe(searchRank.namePrefix);
    expect(rankName(searchableName('Trần Nguyễn Văn Ánh'), words)).toBe(searchRank.wordStarts);
    expect(rankName(searchableName('Nguyễn Văn Toàn'), words)).toBe(searchRank.inside);
    expect(rankName(searchableName('Lê Thị Hoa'), words)).toBeUndefined();
  });

  it('reads hyphens as spaces and ignores marks and case', () => {
    expect(rankName(searchableName('Các Tiểu vương quốc Ả-rập Thống nhất'), searchWords('A-RẬP'))).toBe(searchRank.wordStarts);
    expect(rankName(searchableName('Nhật Bản'), searchWords('NHẬT'))).toBe(searchRank.namePrefix);
  });
});

describe('rankMatches', () => {
  it('puts Nhật Bản first for "nhat", ahead of the Emirates whose name ends in "Thống nhất"', () => {
    const found = rankMatches(countryCodes, countryNames, 'nhat');
    expect(found[0]).toBe('JP');
    expect(found).toContain('AE');
    expect(found.indexOf('JP')).toBeLessThan(found.indexOf('AE'));
  });

  it('puts an exact name ahead of longer names that start with it', () => {
    expect(rankMatches(countryCodes, countryNames, 'han quoc')[0]).toBe('KR');
    expect(rankMatches(countryCodes, countryNames, 'uc')[0]).toBe('AU');
    expect(rankMatches(countryCodes, countryNames, 'dai loan')[0]).toBe('TW');
  });

  it('keeps the given order within a rank and every item for an empty search', () => {
    const names = ['Nguyễn Văn Toàn', 'Nguyễn Văn An', 'Nguyễn Văn Anh', 'Lê Văn An', 'Nguyễn An'];
    expect(rankMatches(names, (name) => [searchableName(name)], 'nguyen van an')).toEqual([
      'Nguyễn Văn An',
      'Nguyễn Văn Anh',
      'Nguyễn Văn Toàn',
    ]);
    expect(rankMatches(names, (name) => [searchableName(name)], 'an')).toEqual([
      'Nguyễn Văn An',
      'Nguyễn Văn Anh',
      'Lê Văn An',
      'Nguyễn An',
      'Nguyễn Văn Toàn',
    ]);
    expect(rankMatches(names, (name) => [searchableName(name)], '  ')).toEqual(names);
  });
});
