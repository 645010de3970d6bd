/**
 * Vietnamese ordering.
 *
 * `compareVietnamese` is ICU's Vietnamese collation as the runtime provides it, for sorting
 * in memory. `nameSortKey` reproduces that collation, restricted to the characters names
 * use, as a plain ASCII string, so that SQLite's BINARY order of stored keys lists people
 * the way offices do: by given name (the last word), then by family and middle names.
 * The key is built from tables in this file, not from the runtime's ICU, so keys written
 * by one version of the application still sort correctly beside keys written by another.
 *
 * The collation being reproduced (CLDR "vi", checked against ICU in the tests):
 * - primary: space < punctuation < digits < a ă â b c d đ e ê f g h i j k l m n o ô ơ p q r
 *   s t u ư v w x y z; case is ignored;
 * - secondary, only when the primaries are equal: tones compared letter by letter from the
 *   start, ngang < huyền < hỏi < ngã < sắc < nặng.
 * The key is: primaries of the given name, separator, its tones, separator, primaries of the
 * rest, separator, its tones. A separator sorts below every symbol, so a shorter name that
 * is a prefix of a longer one comes first, as in the collation.
 *
 * Two deliberate differences. A final "oa", "oe" or "uy" is read with the tone on its second
 * letter, so that "Hòa" and "Hoà", "Thúy" and "Thuý", "Khỏe" and "Khoẻ" — the same names
 * in the new and old tone placement — sort as one name. ICU keeps them apart (it puts
 * "Hoá" between "Hoà" and "Hòa").
 *
 * And the eth (Ð, ð), which looks exactly like Đ and comes from Latin-1 keyboards and fonts,
 * is read as đ.
 *
 * Characters outside the repertoire (letters with other diacritics, other scripts) sort
 * after every letter, by code point; that keeps the order total and deterministic.
 */

import { stringFromCodeUnits } from './codeUnits';
import { toneMarks } from './letters';

const letterOrder = [
  'a',
  'ă',
  'â',
  'b',
  'c',
  'd',
  'đ',
  'e',
  'ê',
  'f',
  'g',
  'h',
  'i',
  'j',
  'k',
  'l',
  'm',
  'n',
  'o',
  'ô',
  'ơ',
  'p',
  'q',
  'r',
  's',
  't',
  'u',
  'ư',
  'v',
  'w',
  'x',
  'y',
  'z',
] as const;
/** ASCII punctuation and symbols in the order of the CLDR root collation. */
const punctuationOrder = '_-,;:!?.\'"()[]{}@*/\\&#%`^+<=>|~$';
const primaryOrder: readonly string[] = [' ', ...punctuationOrder, ...'0123456789', ...letterOrder];

const wordSpace = 0;
const separatorUnit = 0x21; // '!'
const firstSymbolUnit = 0x23; // '#'
const otherMarkerUnit = 0x7e; // '~'
const toneUnitZero = 0x30; // '0'
const otherFlag = 0x1000000;

const rank = (symbol: string): number => primaryOrder.indexOf(symbol);
const rankOf = { a: rank('a'), e: rank('e'), o: rank('o'), u: rank('u'), y: rank('y') };

/** Combining marks that change a letter rather than add a tone: breve, circumflex, horn. */
const letterMarks: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  '\u0306': { a: 'ă' },
  '\u0302': { a: 'â', e: 'ê', o: 'ô' },
  '\u031b': { o: 'ơ', u: 'ư' },
};
const toneMarkOrder: readonly string[] = toneMarks;

const tableLimit = 0x2000;
const markNone = 0;
const markIgnored = 1;
const markBreve = 2;
const markCircumflex = 3;
const markHorn = 4;
const markToneBase = 10;
const letterMarkKinds = [markBreve, markCircumflex, markHorn];
const letterMarkCharacters = ['\u0306', '\u0302', '\u031b'];
const notSymbol = -1;

interface SymbolTables {
  primary: Int16Array;
  tone: Uint8Array;
  mark: Uint8Array;
  space: Uint8Array;
  /** Rank after applying breve, circumflex or horn to a rank; -1 when the mark does not apply. */
  modified: Int16Array;
}

function buildTables(): SymbolTables {
  const primary = new Int16Array(tableLimit).fill(notSymbol);
  const tone = new Uint8Array(tableLimit);
  const mark = new Uint8Array(tableLimit);
  const space = new Uint8Array(tableLimit);
  const modified = new Int16Array(primaryOrder.length * letterMarkKinds.length).fill(-1);
  letterMarkCharacters.forEach((markCharacter, markIndex) => {
    for (const [from, to] of Object.entries(letterMarks[markCharacter]!)) {
      modified[rank(from) * letterMarkKinds.length + markIndex] = rank(to);
    }
  });
  for (let code = 0; code < tableLimit; code += 1) {
    const character = String.fromCharCode(code);
    if (/^\s$/u.test(character)) {
      space[code] = 1;
      continue;
    }
    if (/^\p{M}$/u.test(character)) {
      const toneIndex = toneMarkOrder.indexOf(character);
      const letterIndex = letterMarkCharacters.indexOf(character);
      mark[code] = toneIndex >= 0 ? markToneBase + toneIndex + 1 : letterIndex >= 0 ? letterMarkKinds[letterIndex]! : markIgnored;
      continue;
    }
    const [decomposed = '', ...marks] = character.normalize('NFD').toLowerCase();
    const base = decomposed === 'ð' ? 'đ' : decomposed;
    let symbol = base;
    let symbolTone = 0;
    let representable = rank(base) >= 0;
    for (const combining of marks) {
      const toneIndex = toneMarkOrder.indexOf(combining);
      const changed = letterMarks[combining]?.[symbol];
      if (changed) symbol = changed;
      else if (toneIndex >= 0 && symbolTone === 0) symbolTone = toneIndex + 1;
      else representable = false;
    }
    if (!representable) continue;
    primary[code] = rank(symbol);
    tone[code] = symbolTone;
  }
  return { primary, tone, mark, space, modified };
}

const tables = buildTables();

let primaries = new Int32Array(64);
let tones = new Uint8Array(64);
let output = new Uint16Array(256);

function ensureCapacity(symbols: number): void {
  if (primaries.length < symbols) {
    primaries = new Int32Array(symbols * 2);
    tones = new Uint8Array(symbols * 2);
  }
  const units = symbols * 8 + 3;
  if (output.length < units) output = new Uint16Array(units * 2);
}

/** Appends a word space unless the name is still empty or already ends with one; returns the new count. */
function pushSpace(count: number): number {
  if (count === 0 || primaries[count - 1] === wordSpace) return count;
  primaries[count] = wordSpace;
  tones[count] = 0;
  return count + 1;
}

function isOpenDiphthong(first: number, second: number): boolean {
  return (first === rankOf.o && (second === rankOf.a || second === rankOf.e)) || (first === rankOf.u && second === rankOf.y);
}

function placeTonesOnNucleus(count: number): void {
  for (let end = 0; end <= count; end += 1) {
    if (end < count && primaries[end] !== wordSpace) continue;
    const first = end - 2;
    if (first >= 0 && primaries[first] !== wordSpace && isOpenDiphthong(primaries[first]!, primaries[first + 1]!)) {
      if (tones[first] !== 0 && tones[first + 1] === 0) {
        tones[first + 1] = tones[first]!;
        tones[first] = 0;
      }
    }
  }
}

function writePrimaries(from: number, to: number, length: number): number {
  for (let index = from; index < to; index += 1) {
    const symbol = primaries[index]!;
    if (symbol < otherFlag) {
      output[length++] = firstSymbolUnit + symbol;
      continue;
    }
    output[length++] = otherMarkerUnit;
    const codePoint = symbol - otherFlag;
    for (let shift = 20; shift >= 0; shift -= 4) {
      const digit = (codePoint >> shift) & 0xf;
      output[length++] = digit < 10 ? 0x30 + digit : 0x57 + digit;
    }
  }
  return length;
}

function writeTones(from: number, to: number, length: number): number {
  for (let index = from; index < to; index += 1) output[length++] = toneUnitZero + tones[index]!;
  return length;
}

/**
 * An ASCII key whose binary order is the Vietnamese order of full names, given name first.
 * Case, NFC/NFD form, surrounding and repeated spaces, and old/new tone placement do not
 * change the key.
 */
export function nameSortKey(fullName: string): string {
  ensureCapacity(fullName.length + 1);
  const { primary, tone, mark, space, modified } = tables;
  let count = 0;
  for (let index = 0; index < fullName.length; index += 1) {
    const code = fullName.charCodeAt(index);
    if (code < tableLimit) {
      if (space[code] === 1) {
        count = pushSpace(count);
        continue;
      }
      const markKind = mark[code]!;
      if (markKind !== markNone) {
        const previous = count - 1;
        if (previous < 0 || primaries[previous] === wordSpace || primaries[previous]! >= otherFlag) continue;
        if (markKind > markToneBase) {
          if (tones[previous] === 0) tones[previous] = markKind - markToneBase;
        } else if (markKind !== markIgnored) {
          const changed = modified[primaries[previous]! * letterMarkKinds.length + markKind - markBreve]!;
          if (changed >= 0) primaries[previous] = changed;
        }
        continue;
      }
      const symbol = primary[code]!;
      if (symbol !== notSymbol) {
        primaries[count] = symbol;
        tones[count++] = tone[code]!;
        continue;
      }
    }
    const character = String.fromCodePoint(fullName.codePointAt(index)!);
    if (/^\s$/u.test(character)) {
      count = pushSpace(count);
    } else if (!/^\p{M}$/u.test(character)) {
      primaries[count] = otherFlag + character.toLowerCase().codePointAt(0)!;
      tones[count++] = 0;
    }
    index += character.length - 1;
  }
  if (count > 0 && primaries[count - 1] === wordSpace) count -= 1;
  placeTonesOnNucleus(count);
  let givenStart = count;
  while (givenStart > 0 && primaries[givenStart - 1] !== wordSpace) givenStart -= 1;
  const restEnd = Math.max(0, givenStart - 1);

  let length = writePrimaries(givenStart, count, 0);
  output[length++] = separatorUnit;
  length = writeTones(givenStart, count, length);
  output[length++] = separatorUnit;
  length = writePrimaries(0, restEnd, length);
  output[length++] = separatorUnit;
  length = writeTones(0, restEnd, length);
  return stringFromCodeUnits(output, length);
}

/** Orders full names as `nameSortKey` does, for sorting in memory beside a database ordered by the key. */
export function compareNames(a: string, b: string): number {
  const keyA = nameSortKey(a);
  const keyB = nameSortKey(b);
  return keyA < keyB ? -1 : keyA > keyB ? 1 : 0;
}

let collator: Intl.Collator | undefined;

/** ICU's Vietnamese collation (letters, then tones, then case). */
export function compareVietnamese(a: string, b: string): number {
  collator ??= new Intl.Collator('vi');
  return collator.compare(a, b);
}
