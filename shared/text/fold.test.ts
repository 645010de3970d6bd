import { describe, expect, it } from 'vitest';
import { foldForSearch, normaliseMultilineText, normaliseText } from './fold';

/** The definition, applied character by character without any table. */
function referenceFold(text: string): string {
  return [...text]
    .map((character) =>
      /^\s$/u.test(character)
        ? ' '
        : character.normalize('NFD').toLowerCase().normalize('NFD').replace(/\p{M}/gu, '').replace(/[đð]/g, 'd'),
    )
    .join('')
    .replace(/ +/g, ' ')
    .trim();
}

describe('foldForSearch', () => {
  it('folds every spelling of a name to the same string', () => {
    const target = foldForSearch('Đặng Thị Hoà');
    expect(target).toBe('dang thi hoa');
    for (const typed of [
      'dang thi hoa',
      'ĐẶNG THỊ HOÀ',
      'Đặng Thị Hòa',
      'Đặng Thị Hoà'.normalize('NFD'),
      'ĐẶNG THỊ HÒA'.normalize('NFD'),
      '  đặng\tthị\u00a0 hoà\n',
    ]) {
      expect(foldForSearch(typed)).toBe(target);
    }
  });

  it('reads đ, Đ and the look-alike eth as d, and removes every Vietnamese mark', () => {
    expect(foldForSearch('Đường Ðình đá')).toBe('duong dinh da');
    expect(foldForSearch('ắằẳẵặấầẩẫậếềểễệốồổỗộớờởỡợứừửữựíìỉĩịýỳỷỹỵ')).toBe('aaaaaaaaaaeeeeeoooooooooouuuuuiiiiiyyyyy');
  });

  it('agrees with the per-character definition for every code point of the Basic Multilingual Plane', () => {
    const disagreements: string[] = [];
    for (let code = 0; code <= 0xffff; code += 1) {
      if (code >= 0xd800 && code <= 0xdfff) continue;
      const character = String.fromCharCode(code);
      const text = `x${character}Y`;
      if (foldForSearch(text) !== referenceFold(text)) disagreements.push(code.toString(16));
    }
    expect(disagreements).toEqual([]);
  });

  it('agrees with the definition on long mixed strings, astral characters included', () => {
    const pieces = ['Nguyễn', ' ', '\u3000', 'İ', 'ẞ', '한국', '😀', 'Ω', '\u0301', 'Ǆ', '\t', 'ﬁ', '𝐀', 'Đ'];
    let text = '';
    for (let index = 0; index < 6000; index += 1) text += pieces[(index * 7) % pieces.length];
    expect(foldForSearch(text)).toBe(referenceFold(text));
  });

  it('returns already folded text as it is and empties blank text', () => {
    expect(foldForSearch('dv-001 nguyen van a')).toBe('dv-001 nguyen van a');
    expect(foldForSearch(' \t\n ')).toBe('');
    expect(foldForSearch('')).toBe('');
  });
});

describe('normaliseText', () => {
  it('composes to NFC, collapses white space and trims', () => {
    expect(normaliseText('  Nguyễn\t\tThị  Hường \n'.normalize('NFD'))).toBe('Nguyễn Thị Hường');
    expect(normaliseText('Nguyễn\u00a0Văn\u2003A')).toBe('Nguyễn Văn A');
  });

  it('removes invisible characters and turns control characters into spaces', () => {
    expect(normaliseText('\ufeffPhạm\u200b Văn\u00adBa\u0000Bốn\u0085')).toBe('Phạm VănBa Bốn');
  });

  it('keeps tone placement and case as typed', () => {
    expect(normaliseText('Hoà')).toBe('Hoà');
    expect(normaliseText('Hòa')).toBe('Hòa');
  });
});

describe('normaliseMultilineText', () => {
  it('keeps paragraphs, normalises each line and drops blank lines at the ends', () => {
    const typed = '\r\n  Đã gặp  đối tác.\r\n\r\n\r\n\r\nKhông nhận quà.  \n  \n';
    expect(normaliseMultilineText(typed)).toBe('Đã gặp đối tác.\n\nKhông nhận quà.');
  });
});
