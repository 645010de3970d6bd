import { type Tone, type ToneVowel, toneVowels, withTone } from './letters';

/**
 * TCVN 5712:1993, table VN3 ("TCVN3", "ABC"; fonts .VnTime, .VnArial): ASCII plus 75
 * characters — the no-break space, the seven capitals without tone (Ă Â Ê Ô Ơ Ư Đ), and
 * 67 lower-case letters. It has no capitals with tones: text in capitals was typed with
 * the lower-case codes and shown through an all-capitals font (.VnTimeH).
 * The code points of VN1's extra capitals (0x80–0x9F, 0xAF, 0xBA, 0xBF–0xC5, …) are not
 * part of VN3; in real files those bytes are Windows-1252 punctuation such as curly quotes.
 *
 * Each row lists the codes of a vowel with huyền, hỏi, ngã, sắc, nặng.
 */
const tcvn3ToneRows: Readonly<Record<ToneVowel, readonly [number, number, number, number, number]>> = {
  a: [0xb5, 0xb6, 0xb7, 0xb8, 0xb9],
  ă: [0xbb, 0xbc, 0xbd, 0xbe, 0xc6],
  â: [0xc7, 0xc8, 0xc9, 0xca, 0xcb],
  e: [0xcc, 0xce, 0xcf, 0xd0, 0xd1],
  ê: [0xd2, 0xd3, 0xd4, 0xd5, 0xd6],
  i: [0xd7, 0xd8, 0xdc, 0xdd, 0xde],
  o: [0xdf, 0xe1, 0xe2, 0xe3, 0xe4],
  ô: [0xe5, 0xe6, 0xe7, 0xe8, 0xe9],
  ơ: [0xea, 0xeb, 0xec, 0xed, 0xee],
  u: [0xef, 0xf1, 0xf2, 0xf3, 0xf4],
  ư: [0xf5, 0xf6, 0xf7, 0xf8, 0xf9],
  y: [0xfa, 0xfb, 0xfc, 0xfd, 0xfe],
};

const tcvn3Plain: readonly (readonly [number, string])[] = [
  [0xa0, '\u00a0'],
  [0xa1, 'Ă'],
  [0xa2, 'Â'],
  [0xa3, 'Ê'],
  [0xa4, 'Ô'],
  [0xa5, 'Ơ'],
  [0xa6, 'Ư'],
  [0xa7, 'Đ'],
  [0xa8, 'ă'],
  [0xa9, 'â'],
  [0xaa, 'ê'],
  [0xab, 'ô'],
  [0xac, 'ơ'],
  [0xad, 'ư'],
  [0xae, 'đ'],
];

/** Byte → character for the 75 codes of VN3 above 0x7F. */
export const tcvn3Characters: ReadonlyMap<number, string> = new Map<number, string>([
  ...tcvn3Plain,
  ...toneVowels.flatMap((vowel) =>
    tcvn3ToneRows[vowel].map((code, index) => [code, withTone(vowel, (index + 1) as Tone)] as const),
  ),
]);

/**
 * VNI-Windows (fonts "VNI-Times", …): a letter is an ASCII base letter followed by at most
 * one modifier character of Windows-1252; a few letters are single characters (ơ = ô,
 * ư = ö, đ = ñ, and i with tones, and ỵ). Capitals use the capital forms of the same
 * characters (Ơ = Ô, Ư = Ö, Đ = Ñ, Ú after A for Ẳ, …).
 *
 * Each row lists the sequences of a vowel with no tone, huyền, hỏi, ngã, sắc, nặng.
 */
const vniRows: Readonly<Record<ToneVowel, readonly [string, string, string, string, string, string]>> = {
  a: ['a', 'aø', 'aû', 'aõ', 'aù', 'aï'],
  ă: ['aê', 'aè', 'aú', 'aü', 'aé', 'aë'],
  â: ['aâ', 'aà', 'aå', 'aã', 'aá', 'aä'],
  e: ['e', 'eø', 'eû', 'eõ', 'eù', 'eï'],
  ê: ['eâ', 'eà', 'eå', 'eã', 'eá', 'eä'],
  i: ['i', 'ì', 'æ', 'ó', 'í', 'ò'],
  o: ['o', 'oø', 'oû', 'oõ', 'où', 'oï'],
  ô: ['oâ', 'oà', 'oå', 'oã', 'oá', 'oä'],
  ơ: ['ô', 'ôø', 'ôû', 'ôõ', 'ôù', 'ôï'],
  u: ['u', 'uø', 'uû', 'uõ', 'uù', 'uï'],
  ư: ['ö', 'öø', 'öû', 'öõ', 'öù', 'öï'],
  y: ['y', 'yø', 'yû', 'yõ', 'yù', 'î'],
};

/** Lower-case Vietnamese letter → its lower-case VNI sequence, for the 67 letters outside ASCII. */
export const vniSequences: ReadonlyMap<string, string> = new Map<string, string>([
  ...toneVowels.flatMap((vowel) =>
    vniRows[vowel]
      .map((sequence, tone) => [withTone(vowel, tone as Tone), sequence] as const)
      .filter(([letter]) => letter.charCodeAt(0) >= 0x80),
  ),
  ['đ', 'ñ'],
]);

/** The 32 characters Windows-1252 puts at 0x80–0x9F (undefined codes keep their C1 control). */
export const windows1252High =
  '\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f' +
  '\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178';

/**
 * The bytes where Windows-1258 (the ANSI code page of a Vietnamese Windows, what Excel saves
 * as "CSV") differs from Windows-1252 among the letters: the letters ă, đ, ơ, ư and their
 * capitals, the đồng sign, and the five tone marks as combining characters written after
 * their base letter (0xCC huyền, 0xD2 hỏi, 0xDE ngã, 0xEC sắc, 0xF2 nặng). Windows writes a
 * letter that the page holds whole (à, á, ã, è, ù, …) as one byte and any other toned letter
 * as its base letter followed by the mark, so "Nguyễn" is "Nguy" 0xEA 0xDE "n". The four codes
 * where Windows-1252 has Š, Ž, š, ž are unassigned in Windows-1258 and keep their C1 control.
 */
export const windows1258Differences: ReadonlyMap<number, string> = new Map([
  [0x8a, '\u008a'],
  [0x8e, '\u008e'],
  [0x9a, '\u009a'],
  [0x9e, '\u009e'],
  [0xc3, '\u0102'],
  [0xcc, '\u0300'],
  [0xd0, '\u0110'],
  [0xd2, '\u0309'],
  [0xd5, '\u01a0'],
  [0xdd, '\u01af'],
  [0xde, '\u0303'],
  [0xe3, '\u0103'],
  [0xec, '\u0301'],
  [0xf0, '\u0111'],
  [0xf2, '\u0323'],
  [0xf5, '\u01a1'],
  [0xfd, '\u01b0'],
  [0xfe, '\u20ab'],
]);
