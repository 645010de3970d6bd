import { describe, expect, it } from 'vitest';
import { letterOf, toneMarks, vietnameseLetters, withTone } from './letters';

describe('Vietnamese letters', () => {
  it('are 67 lower-case and 67 capital precomposed NFC characters outside ASCII', () => {
    expect(vietnameseLetters).toHaveLength(134);
    expect(new Set(vietnameseLetters).size).toBe(134);
    for (const letter of vietnameseLetters) {
      expect(letter).toHaveLength(1);
      expect(letter.normalize('NFC')).toBe(letter);
      expect(letter.charCodeAt(0)).toBeGreaterThan(0x7f);
    }
    expect(vietnameseLetters.slice(0, 67).every((letter) => letter === letter.toLowerCase())).toBe(true);
    expect(vietnameseLetters.slice(67)).toEqual(vietnameseLetters.slice(0, 67).map((letter) => letter.toUpperCase()));
    expect(vietnameseLetters).toContain('đ');
    expect(vietnameseLetters).toContain('Ự');
  });

  it('put tones in dictionary order', () => {
    expect(toneMarks.map((mark) => `a${mark}`.normalize('NFC'))).toEqual(['à', 'ả', 'ã', 'á', 'ạ']);
    expect(withTone('ư', 4)).toBe('ứ');
    expect(withTone('ê', 0)).toBe('ê');
  });

  it('split into base letter, tone and case', () => {
    expect(letterOf('Ặ')).toEqual({ base: 'ă', tone: 5, upper: true });
    expect(letterOf('ờ')).toEqual({ base: 'ơ', tone: 1, upper: false });
    expect(letterOf('Đ')).toEqual({ base: 'đ', tone: 0, upper: true });
    expect(letterOf('q')).toEqual({ base: 'q', tone: 0, upper: false });
    expect(letterOf('ç')).toBeUndefined();
    expect(letterOf('1')).toBeUndefined();
  });
});
