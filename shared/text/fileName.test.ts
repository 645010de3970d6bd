import { describe, expect, it } from 'vitest';
import { fileNameStem, withoutMarks } from './fileName';
import { toneVowels, withTone, type Tone } from './letters';

const plainVowel: Record<(typeof toneVowels)[number], string> = {
  a: 'a',
  ă: 'a',
  â: 'a',
  e: 'e',
  ê: 'e',
  i: 'i',
  o: 'o',
  ô: 'o',
  ơ: 'o',
  u: 'u',
  ư: 'u',
  y: 'y',
};
const tones: Tone[] = [0, 1, 2, 3, 4, 5];

describe('file-name folding', () => {
  it('reads đ as d and Đ as D', () => {
    expect(withoutMarks('đ')).toBe('d');
    expect(withoutMarks('Đ')).toBe('D');
    expect(withoutMarks('Đinh Đức Đạt, đội 3')).toBe('Dinh Duc Dat, doi 3');
  });

  it.each(toneVowels.flatMap((vowel) => tones.map((tone) => [withTone(vowel, tone), plainVowel[vowel]] as const)))(
    'reads %s as %s, in both cases and both normal forms',
    (letter, plain) => {
      expect(withoutMarks(letter)).toBe(plain);
      expect(withoutMarks(letter.toUpperCase())).toBe(plain.toUpperCase());
      expect(withoutMarks(letter.normalize('NFD'))).toBe(plain);
      expect(withoutMarks(letter.toUpperCase().normalize('NFD'))).toBe(plain.toUpperCase());
    },
  );

  it('makes a name one word of ASCII letters and digits', () => {
    expect(fileNameStem('Đặng Thị Hoà')).toBe('DangThiHoa');
    expect(fileNameStem('Chi bộ ấp Phú Hữu 2')).toBe('ChiboapPhuHuu2');
  });
});
