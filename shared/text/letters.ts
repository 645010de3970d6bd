/**
 * The Vietnamese alphabet as data: twelve vowels that carry tones, đ, and the five tone
 * marks. Tone numbers follow dictionary order (the order of CLDR's Vietnamese collation):
 * 0 ngang (no mark), 1 huyền, 2 hỏi, 3 ngã, 4 sắc, 5 nặng.
 */
export const toneMarks = ['\u0300', '\u0309', '\u0303', '\u0301', '\u0323'] as const;

export type Tone = 0 | 1 | 2 | 3 | 4 | 5;

export const toneVowels = ['a', 'ă', 'â', 'e', 'ê', 'i', 'o', 'ô', 'ơ', 'u', 'ư', 'y'] as const;
export type ToneVowel = (typeof toneVowels)[number];

/** A vowel with its tone, as one NFC character (every combination exists precomposed). */
export function withTone(vowel: string, tone: Tone): string {
  return tone === 0 ? vowel : (vowel + toneMarks[tone - 1]).normalize('NFC');
}

/**
 * The 67 lower-case letters outside ASCII (the twelve vowels in six tones, less the six
 * plain ASCII vowels, plus đ), then their 67 capitals.
 */
export const vietnameseLetters: readonly string[] = (() => {
  const lower: string[] = [];
  for (const vowel of toneVowels) {
    for (let tone = 0; tone <= 5; tone += 1) {
      const letter = withTone(vowel, tone as Tone);
      if (letter.charCodeAt(0) >= 0x80) lower.push(letter);
    }
  }
  lower.push('đ');
  return [...lower, ...lower.map((letter) => letter.toUpperCase())];
})();

export interface LetterParts {
  /** The lower-case letter without tone: a–z, ă, â, đ, ê, ô, ơ, ư. */
  base: string;
  tone: Tone;
  upper: boolean;
}

const letterParts: ReadonlyMap<string, LetterParts> = (() => {
  const parts = new Map<string, LetterParts>();
  for (let code = 0x61; code <= 0x7a; code += 1) {
    const letter = String.fromCharCode(code);
    parts.set(letter, { base: letter, tone: 0, upper: false });
    parts.set(letter.toUpperCase(), { base: letter, tone: 0, upper: true });
  }
  for (const base of [...toneVowels, 'đ']) {
    for (let tone = 0; tone <= (base === 'đ' ? 0 : 5); tone += 1) {
      const letter = withTone(base, tone as Tone);
      parts.set(letter, { base, tone: tone as Tone, upper: false });
      parts.set(letter.toUpperCase(), { base, tone: tone as Tone, upper: true });
    }
  }
  return parts;
})();

/** Splits an ASCII letter or one of the 134 Vietnamese letters (NFC); undefined otherwise. */
export function letterOf(character: string): LetterParts | undefined {
  return letterParts.get(character);
}
