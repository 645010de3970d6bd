/**
 * Text files and spreadsheet cells from before Unicode.
 *
 * Offices still hold registers typed in TCVN3 (.VnTime fonts) or VNI (VNI-Times fonts).
 * Such text arrives in two shapes:
 * - bytes of a CSV file, one byte per character (TCVN3) or per base letter and modifier
 *   (VNI, over Windows-1252);
 * - strings from XLSX cells that were typed with a legacy font: each legacy byte appears as
 *   the Windows-1252 (or, from old .xls files, Latin-1) character with that code, e.g.
 *   "§¶ng" (TCVN3) or "Ñaûng" (VNI) for "Đảng".
 *
 * Detection reads the text three ways — as it is, as TCVN3, as VNI — and counts the words
 * that are well-formed Vietnamese syllables in each reading (onset, rhyme, at most one tone,
 * sắc or nặng on a rhyme closed by c, ch, p, t) against the words that hold non-ASCII
 * characters but are not. A reading is chosen only when it scores strictly better than the
 * text as it is, so ASCII, English, codes like "ĐV-001" and Unicode Vietnamese (which nearly
 * always holds a character Windows-1252 lacks, such as ư, ơ, ă, đ or ệ) stay unchanged.
 *
 * TCVN3 has no capitals with tones (see `legacyTables.ts`). Decoding yields the lower-case
 * letter, then restores capitals where the text shows it was written in capitals: a word
 * whose other letters of known case are all capitals (at least two of them), or any word
 * of a line whose letters of known case are all capitals (at least two). "NGUYÔN" becomes
 * "NGUYỄN" and "Hµ NéI" becomes "HÀ NỘI"; a lone "Hµ" stays "Hà". When a spreadsheet says
 * the cell's font was an all-capitals one (.VnTimeH), upper-case the whole result instead;
 * see `legacyFontOf`.
 */

import { stringFromCodeUnits } from './codeUnits';
import { letterOf } from './letters';
import { tcvn3Characters, vniSequences, windows1252High, windows1258Differences } from './legacyTables';

export type LegacyEncoding = 'tcvn3' | 'vni';
/** The single-byte encodings a text file is told apart between: the legacy fonts' and the two Windows code pages. */
export type SingleByteEncoding = 'windows-1252' | 'windows-1258' | LegacyEncoding;
export type TextFileEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | SingleByteEncoding;

/* ---------- Windows-1252 ---------- */

const windows1252Bytes: ReadonlyMap<number, number> = new Map(
  [...windows1252High].map((character, index) => [character.charCodeAt(0), 0x80 + index]),
);

/** The byte a character stands for in Windows-1252 text, also accepting Latin-1's C1 controls; -1 if none. */
function windows1252ByteOf(code: number): number {
  if (code <= 0xff) return code;
  return windows1252Bytes.get(code) ?? -1;
}

/** A Latin-1 C1 control as the Windows-1252 character with its code; any other code unit as it is. */
function asWindows1252(code: number): number {
  return code >= 0x80 && code < 0xa0 ? windows1252High.charCodeAt(code - 0x80) : code;
}

export function decodeWindows1252(bytes: Uint8Array): string {
  const units = new Uint16Array(bytes.length);
  for (let index = 0; index < bytes.length; index += 1) units[index] = asWindows1252(bytes[index]!);
  return stringFromCodeUnits(units, units.length);
}

/* ---------- Windows-1258 ---------- */

const windows1258Units: ReadonlyMap<number, number> = new Map(
  [...windows1258Differences].map(([byte, character]) => [asWindows1252(byte), character.charCodeAt(0)]),
);

/** Text read as Windows-1252 characters, read again as Windows-1258; its tone marks stay combining characters. */
function windows1258ToUnicode(text: string): string {
  const { units } = scratch(text.length);
  for (let index = 0; index < text.length; index += 1) {
    const code = asWindows1252(text.charCodeAt(index));
    units[index] = windows1258Units.get(code) ?? code;
  }
  return stringFromCodeUnits(units, text.length);
}

/** Whether every character has a Windows-1252 byte and at least one is not ASCII: the only text a legacy reading can change. */
function isLegacyCandidate(text: string): boolean {
  let nonAscii = false;
  for (let index = 0; index < text.length; index += 1) {
    const code = text.charCodeAt(index);
    if (code < 0x80) continue;
    if (windows1252ByteOf(code) < 0) return false;
    nonAscii = true;
  }
  return nonAscii;
}

/* ---------- Letters and case, by code unit ---------- */

const caseTableLimit = 0x2000;
const caseless = 0;
const upperCase = 1;
const lowerCase = 2;

/** For code units below `caseTableLimit`: whether the unit is a letter, and its case. */
const letterCase: { isLetter: Uint8Array; kind: Uint8Array } = (() => {
  const isLetter = new Uint8Array(caseTableLimit);
  const kind = new Uint8Array(caseTableLimit);
  for (let code = 0; code < caseTableLimit; code += 1) {
    const character = String.fromCharCode(code);
    isLetter[code] = /\p{L}/u.test(character) ? 1 : 0;
    const upper = character.toUpperCase();
    const lower = character.toLowerCase();
    kind[code] = upper === lower ? caseless : character === upper ? upperCase : lowerCase;
  }
  return { isLetter, kind };
})();

function isLetterUnit(code: number): boolean {
  return code < caseTableLimit ? letterCase.isLetter[code] === 1 : /\p{L}/u.test(String.fromCharCode(code));
}

function caseOfUnit(code: number): number {
  return code < caseTableLimit ? letterCase.kind[code]! : caseless;
}

/* ---------- TCVN3 ---------- */

/** Byte → decoded code unit, 0 where VN3 assigns nothing. */
const tcvn3Decode: Uint16Array = (() => {
  const decode = new Uint16Array(256);
  for (const [byte, character] of tcvn3Characters) decode[byte] = character.charCodeAt(0);
  return decode;
})();

/** Bytes whose letter TCVN3 has only in lower case, so the case of the original is unknown. */
const tcvn3CaseUnknown: Uint8Array = (() => {
  const unknown = new Uint8Array(256);
  for (const [byte, character] of tcvn3Characters) unknown[byte] = character !== character.toUpperCase() ? 1 : 0;
  return unknown;
})();

function upperUnit(code: number): number {
  return String.fromCharCode(code).toUpperCase().charCodeAt(0);
}

/** Upper-cases the letters of unknown case in each word, and each line, that shows it was written in capitals. */
function restoreCapitals(units: Uint16Array, caseUnknown: Uint8Array, length: number): void {
  let lineStart = 0;
  while (lineStart < length) {
    let lineEnd = lineStart;
    let lineUpper = 0;
    let lineLower = 0;
    for (; lineEnd < length && units[lineEnd] !== 0x0a && units[lineEnd] !== 0x0d; lineEnd += 1) {
      if (caseUnknown[lineEnd] === 1) continue;
      const kind = caseOfUnit(units[lineEnd]!);
      if (kind === upperCase) lineUpper += 1;
      else if (kind === lowerCase) lineLower += 1;
    }
    const lineInCapitals = lineLower === 0 && lineUpper >= 2;
    let index = lineStart;
    while (index < lineEnd) {
      if (!isLetterUnit(units[index]!)) {
        index += 1;
        continue;
      }
      const wordStart = index;
      let upper = 0;
      let lower = 0;
      let unknown = 0;
      for (; index < lineEnd && isLetterUnit(units[index]!); index += 1) {
        if (caseUnknown[index] === 1) unknown += 1;
        else {
          const kind = caseOfUnit(units[index]!);
          if (kind === upperCase) upper += 1;
          else if (kind === lowerCase) lower += 1;
        }
      }
      if (unknown === 0 || lower > 0 || (upper < 2 && !lineInCapitals)) continue;
      for (let letter = wordStart; letter < index; letter += 1) {
        if (caseUnknown[letter] === 1) units[letter] = upperUnit(units[letter]!);
      }
    }
    lineStart = lineEnd + 1;
  }
}

/** Scratch buffers shared by the converters, grown as needed: most calls convert one short cell. */
let scratchUnits = new Uint16Array(1024);
let scratchFlags = new Uint8Array(1024);

function scratch(length: number): { units: Uint16Array; flags: Uint8Array } {
  if (scratchUnits.length < length) {
    scratchUnits = new Uint16Array(length);
    scratchFlags = new Uint8Array(length);
  }
  scratchFlags.fill(0, 0, length);
  return { units: scratchUnits, flags: scratchFlags };
}

/** TCVN3 text read as Windows-1252 characters → Unicode. */
function tcvn3ToUnicode(text: string): string {
  const length = text.length;
  const { units, flags: caseUnknown } = scratch(length);
  let anyUnknown = false;
  for (let index = 0; index < length; index += 1) {
    const code = text.charCodeAt(index);
    if (code < 0x80) {
      units[index] = code;
      continue;
    }
    const byte = windows1252ByteOf(code);
    const letter = byte >= 0x80 ? tcvn3Decode[byte]! : 0;
    if (letter === 0) {
      units[index] = asWindows1252(code);
      continue;
    }
    units[index] = letter;
    if (tcvn3CaseUnknown[byte] === 1) {
      caseUnknown[index] = 1;
      anyUnknown = true;
    }
  }
  if (anyUnknown) restoreCapitals(units, caseUnknown, length);
  return stringFromCodeUnits(units, length);
}

const tcvn3Encode: ReadonlyMap<string, number> = (() => {
  const encode = new Map<string, number>();
  for (const [byte, character] of tcvn3Characters) {
    encode.set(character, byte);
    if (!encode.has(character.toUpperCase())) encode.set(character.toUpperCase(), byte);
  }
  return encode;
})();

/* ---------- VNI ---------- */

/** Lower-case Latin-1 letter for a Latin-1 code unit (VNI sequences use no other letters). */
function lowerLatin1(code: number): number {
  return (code >= 0x41 && code <= 0x5a) || (code >= 0xc0 && code <= 0xde && code !== 0xd7) ? code + 0x20 : code;
}

/** Decoded letters as (lower-case code unit, upper-case code unit), keyed by the lower-cased sequence. */
const vniPairs = new Map<number, readonly [number, number]>();
const vniSingles = new Map<number, readonly [number, number]>();
for (const [letter, sequence] of vniSequences) {
  const decoded = [letter.charCodeAt(0), letter.toUpperCase().charCodeAt(0)] as const;
  if (sequence.length === 2) vniPairs.set((sequence.charCodeAt(0) << 16) | sequence.charCodeAt(1), decoded);
  else vniSingles.set(sequence.charCodeAt(0), decoded);
}

/** VNI text read as Windows-1252 characters → Unicode. */
function vniToUnicode(text: string): string {
  const { units } = scratch(text.length);
  let length = 0;
  for (let index = 0; index < text.length; index += 1) {
    const code = text.charCodeAt(index);
    const lower = lowerLatin1(code);
    const upper = lower !== code;
    const next = index + 1 < text.length ? text.charCodeAt(index + 1) : 0;
    if (next >= 0x80) {
      const pair = vniPairs.get((lower << 16) | lowerLatin1(next));
      if (pair !== undefined) {
        units[length++] = pair[upper ? 1 : 0];
        index += 1;
        continue;
      }
    }
    const single = code >= 0x80 ? vniSingles.get(lower) : undefined;
    units[length++] = single === undefined ? asWindows1252(code) : single[upper ? 1 : 0];
  }
  return stringFromCodeUnits(units, length);
}

/* ---------- Conversion both ways ---------- */

/** Converts text in its Windows-1252 string form from a legacy encoding, unconditionally. */
export function legacyToUnicode(text: string, encoding: LegacyEncoding): string {
  return encoding === 'tcvn3' ? tcvn3ToUnicode(text) : vniToUnicode(text);
}

/**
 * Encodes Unicode text in a legacy encoding, as a legacy program would have saved it.
 * Capitals with tones become TCVN3's lower-case codes; characters the encoding lacks
 * become "?".
 */
export function encodeLegacy(text: string, encoding: LegacyEncoding): Uint8Array {
  const bytes: number[] = [];
  const pushWindows1252 = (character: string) => {
    const byte = windows1252ByteOf(character.charCodeAt(0));
    bytes.push(character.length === 1 && byte >= 0 ? byte : 0x3f);
  };
  for (const character of text.normalize('NFC')) {
    if (character.charCodeAt(0) < 0x80) {
      bytes.push(character.charCodeAt(0));
    } else if (encoding === 'tcvn3') {
      const byte = tcvn3Encode.get(character);
      if (byte === undefined) pushWindows1252(character);
      else bytes.push(byte);
    } else {
      const lower = character.toLowerCase();
      const sequence = vniSequences.get(lower);
      if (sequence === undefined) pushWindows1252(character);
      else for (const unit of character === lower ? sequence : sequence.toUpperCase()) pushWindows1252(unit);
    }
  }
  return Uint8Array.from(bytes);
}

/* ---------- Deciding ---------- */

const onsets = [
  '',
  'b',
  'c',
  'ch',
  'd',
  'đ',
  'g',
  'gh',
  'gi',
  'h',
  'k',
  'kh',
  'l',
  'm',
  'n',
  'ng',
  'ngh',
  'nh',
  'p',
  'ph',
  'qu',
  'r',
  's',
  't',
  'th',
  'tr',
  'v',
  'x',
];

const rhymes: ReadonlySet<string> = new Set(
  [
    'a ai ao au ay ac ach am an ang anh ap at',
    'ăc ăm ăn ăng ăp ăt',
    'âc âm ân âng âp ât âu ây',
    'e ec em en eng eo ep et',
    'ê êch êm ên ênh êp êt êu',
    'i ia ich im in inh ip it iu iêc iêm iên iêng iêp iêt iêu',
    'o oc oi om on ong op ot ooc oong',
    'oa oac oach oai oam oan oang oanh oao oap oat oay oăc oăm oăn oăng oăp oăt oe oen oeo oet',
    'ô ôc ôi ôm ôn ông ôp ôt',
    'ơ ơi ơm ơn ơp ơt',
    'u ua uc ui um un ung up ut uôc uôi uôm uôn uông uôt',
    'uân uâng uât uây uê uêch uênh uêt uơ uy uya uych uyên uyêt uynh uyt uyu',
    'ư ưa ưc ưi ưm ưn ưng ưt ưu ươc ươi ươm ươn ương ươp ươt ươu',
    'y yêm yên yêt yêu ych ynh yt',
  ]
    .join(' ')
    .split(' '),
);

const frontVowels = new Set(['i', 'e', 'ê', 'y']);

function spellingAllows(onset: string, rhyme: string): boolean {
  const first = rhyme.charAt(0);
  if (onset === 'k' || onset === 'gh' || onset === 'ngh') return frontVowels.has(first) && (first !== 'y' || onset === 'k');
  if (onset === 'c' || onset === 'ng') return !frontVowels.has(first);
  return true;
}

/** Whether a word is one well-formed Vietnamese syllable. */
export function isVietnameseSyllable(word: string): boolean {
  let bases = '';
  let tone = 0;
  for (const character of word.normalize('NFC')) {
    const parts = letterOf(character);
    if (parts === undefined) return false;
    if (parts.tone !== 0) {
      if (tone !== 0) return false;
      tone = parts.tone;
    }
    bases += parts.base;
  }
  for (const onset of onsets) {
    if (!bases.startsWith(onset)) continue;
    const rhyme = bases.slice(onset.length);
    if (!rhymes.has(rhyme) || !spellingAllows(onset, rhyme)) continue;
    const closedByStop = /(c|ch|p|t)$/.test(rhyme);
    if (!closedByStop || tone === 4 || tone === 5) return true;
  }
  return false;
}

/** ASCII punctuation, digits and white space, and the punctuation of Windows-1252's 0x80–0x9F, which no legacy encoding uses for letters. */
const wordSeparators =
  /[\s\u0021-\u0040\u005b-\u0060\u007b-\u007e\u2013\u2014\u2018-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a]+/;

/** Words repeat endlessly in a register (Nguyễn, Thị, Văn), so their verdicts are remembered, up to a bound. */
const syllableVerdicts = new Map<string, boolean>();
const syllableVerdictLimit = 50_000;

/** +1 per non-ASCII word that is a Vietnamese syllable, -1 per non-ASCII word that is not; ASCII words count 0. */
function plausibility(text: string): number {
  let score = 0;
  for (const word of text.split(wordSeparators)) {
    if (!/[^\p{ASCII}]/u.test(word)) continue;
    let verdict = syllableVerdicts.get(word);
    if (verdict === undefined) {
      verdict = isVietnameseSyllable(word);
      if (syllableVerdicts.size >= syllableVerdictLimit) syllableVerdicts.clear();
      syllableVerdicts.set(word, verdict);
    }
    score += verdict ? 1 : -1;
  }
  return score;
}

/** How much candidate text detection reads before deciding: plenty for a file, bounded for a large one. */
const detectionBudget = 1 << 16;

function bestEncoding(original: number, tcvn3: number, vni: number): LegacyEncoding | null {
  if (tcvn3 > original && tcvn3 > vni) return 'tcvn3';
  if (vni > original && vni > tcvn3) return 'vni';
  return null;
}

/**
 * The legacy encoding that makes texts of one source (the cells of a sheet, the lines of a
 * file) read as Vietnamese clearly better than they read as they are; null if none does.
 * Texts that no legacy reading can change are skipped, and reading stops after
 * `detectionBudget` characters of the others.
 */
export function detectLegacyEncoding(texts: Iterable<string>): LegacyEncoding | null {
  let original = 0;
  let tcvn3 = 0;
  let vni = 0;
  let read = 0;
  for (const text of texts) {
    if (!isLegacyCandidate(text)) continue;
    original += plausibility(text);
    tcvn3 += plausibility(tcvn3ToUnicode(text));
    vni += plausibility(vniToUnicode(text));
    read += text.length;
    if (read >= detectionBudget) break;
  }
  return bestEncoding(original, tcvn3, vni);
}

export interface LegacyRepair {
  text: string;
  /** The encoding the text was converted from; null when it was left as it was. */
  encoding: LegacyEncoding | null;
}

/**
 * Converts one string (an XLSX cell, a CSV field) from TCVN3 or VNI when it reads better
 * that way. With `assume` (known from the cell's font, or from the rest of the file), a
 * reading that ties with the text as it is also converts; a reading that scores worse
 * still does not.
 */
export function repairLegacyText(text: string, assume?: LegacyEncoding): LegacyRepair {
  if (!isLegacyCandidate(text)) return { text, encoding: null };
  const original = plausibility(text);
  const tcvn3 = tcvn3ToUnicode(text);
  const vni = vniToUnicode(text);
  const scores = { tcvn3: plausibility(tcvn3), vni: plausibility(vni) };
  const encoding = assume ? (scores[assume] >= original ? assume : null) : bestEncoding(original, scores.tcvn3, scores.vni);
  const converted = encoding === 'tcvn3' ? tcvn3 : encoding === 'vni' ? vni : text;
  if (encoding === null || converted === text) return { text, encoding: null };
  return { text: converted.normalize('NFC'), encoding };
}

export interface LegacyFieldsRepair {
  values: string[];
  /** The encoding found across the fields; null when none was. */
  encoding: LegacyEncoding | null;
  /** How many values were converted. */
  repaired: number;
}

/**
 * Converts the fields of one file (every cell of a sheet, every field of a CSV) together:
 * the encoding is decided over them (as `detectLegacyEncoding` does), then each field
 * converts unless it reads worse that way. A field that reads equally well both ways converts too — unless some
 * field of the file reads clearly better as it is, which means the file mixes Unicode and
 * legacy text and an undecided field is left alone.
 */
export function repairLegacyFields(values: readonly string[]): LegacyFieldsRepair {
  const encoding = detectLegacyEncoding(values);
  if (encoding === null) return { values: [...values], encoding: null, repaired: 0 };
  const readings = values.map((value) => {
    if (!isLegacyCandidate(value)) return undefined;
    const text = legacyToUnicode(value, encoding);
    return { text, score: plausibility(text), original: plausibility(value) };
  });
  const mixed = readings.some((reading) => reading !== undefined && reading.original > reading.score);
  let repaired = 0;
  const repairedValues = values.map((value, index) => {
    const reading = readings[index];
    if (reading === undefined || reading.text === value) return value;
    if (reading.score < reading.original || (reading.score === reading.original && mixed)) return value;
    repaired += 1;
    return reading.text.normalize('NFC');
  });
  return { values: repairedValues, encoding: repaired > 0 ? encoding : null, repaired };
}

/**
 * The legacy encoding a font name implies, as recorded with spreadsheet cells: ".VnTime",
 * ".VnArial", … (TCVN3; a final "H" is the all-capitals variant) and "VNI-Times", … (VNI).
 */
export function legacyFontOf(fontName: string): { encoding: LegacyEncoding; capitals: boolean } | null {
  const name = fontName.trim();
  if (/^\.vn/i.test(name)) return { encoding: 'tcvn3', capitals: /H$/.test(name) };
  if (/^vni[-\s]/i.test(name)) return { encoding: 'vni', capitals: false };
  return null;
}

/* ---------- Bytes ---------- */

export interface DecodedTextFile {
  text: string;
  encoding: TextFileEncoding;
}

const replacement = 0xfffd;

const isHighSurrogate = (unit: number) => unit >= 0xd800 && unit <= 0xdbff;
const isLowSurrogate = (unit: number) => unit >= 0xdc00 && unit <= 0xdfff;

/** UTF-16 after its two-byte BOM; unpaired surrogates become U+FFFD. */
function decodeUtf16(bytes: Uint8Array, littleEndian: boolean): string {
  const length = (bytes.length >> 1) - 1;
  const units = new Uint16Array(Math.max(0, length));
  for (let index = 0; index < length; index += 1) {
    const offset = 2 + index * 2;
    units[index] = littleEndian ? bytes[offset]! | (bytes[offset + 1]! << 8) : (bytes[offset]! << 8) | bytes[offset + 1]!;
  }
  for (let index = 0; index < length; index += 1) {
    const unit = units[index]!;
    if (isHighSurrogate(unit) && index + 1 < length && isLowSurrogate(units[index + 1]!)) index += 1;
    else if (isHighSurrogate(unit) || isLowSurrogate(unit)) units[index] = replacement;
  }
  return stringFromCodeUnits(units, length);
}

/** Strict UTF-8 (no overlong forms, no surrogates, nothing above U+10FFFF); null when invalid and `lenient` is false. */
function decodeUtf8(bytes: Uint8Array, start: number, lenient: boolean): string | null {
  const units = new Uint16Array(bytes.length);
  let length = 0;
  let index = start;
  while (index < bytes.length) {
    const first = bytes[index]!;
    if (first < 0x80) {
      units[length++] = first;
      index += 1;
      continue;
    }
    let needed = 0;
    let codePoint = 0;
    let lowest = 0x80;
    let highest = 0xbf;
    if (first >= 0xc2 && first <= 0xdf) {
      needed = 1;
      codePoint = first & 0x1f;
    } else if (first >= 0xe0 && first <= 0xef) {
      needed = 2;
      codePoint = first & 0x0f;
      if (first === 0xe0) lowest = 0xa0;
      if (first === 0xed) highest = 0x9f;
    } else if (first >= 0xf0 && first <= 0xf4) {
      needed = 3;
      codePoint = first & 0x07;
      if (first === 0xf0) lowest = 0x90;
      if (first === 0xf4) highest = 0x8f;
    }
    let consumed = 1;
    let valid = needed > 0;
    for (let step = 0; valid && step < needed; step += 1) {
      const next = bytes[index + consumed];
      if (next === undefined || next < lowest || next > highest) {
        valid = false;
        break;
      }
      codePoint = (codePoint << 6) | (next & 0x3f);
      consumed += 1;
      lowest = 0x80;
      highest = 0xbf;
    }
    if (!valid) {
      if (!lenient) return null;
      units[length++] = replacement;
      index += consumed;
      continue;
    }
    if (codePoint >= 0x10000) {
      codePoint -= 0x10000;
      units[length++] = 0xd800 + (codePoint >> 10);
      units[length++] = 0xdc00 + (codePoint & 0x3ff);
    } else {
      units[length++] = codePoint;
    }
    index += consumed;
  }
  return stringFromCodeUnits(units, length);
}

/** The readings of a single-byte file, in the order that settles a tie between readings that agree. */
const singleByteReadings: readonly (readonly [SingleByteEncoding, (text: string) => string])[] = [
  ['windows-1252', (text) => text],
  ['windows-1258', windows1258ToUnicode],
  ['tcvn3', tcvn3ToUnicode],
  ['vni', vniToUnicode],
];

/**
 * The single-byte encoding under which a file reads best as Vietnamese (scored as
 * `detectLegacyEncoding` scores), read from its Windows-1252 characters; null when the best
 * readings tie and differ, so that choosing one would be a guess.
 */
function decideSingleByteEncoding(text: string): SingleByteEncoding | null {
  const sample: string[] = [];
  const scores = singleByteReadings.map(() => 0);
  let read = 0;
  for (const line of linesOf(text)) {
    if (!isLegacyCandidate(line)) continue;
    sample.push(line);
    singleByteReadings.forEach(([, reading], index) => {
      scores[index]! += plausibility(reading(line));
    });
    read += line.length;
    if (read >= detectionBudget) break;
  }
  const best = Math.max(...scores);
  const tied = singleByteReadings.filter((_, index) => scores[index] === best);
  const [first] = tied;
  const agree = tied.every(([, reading]) => sample.every((line) => reading(line) === first![1](line)));
  return agree ? first![0] : null;
}

/**
 * Decodes an import file: UTF-8 (with or without BOM), UTF-16 with BOM, otherwise a
 * single-byte file in Windows-1258, TCVN3, VNI or plain Windows-1252, whichever reads
 * clearly best as Vietnamese; null when no reading does, which is refused rather than
 * guessed. A UTF-8 or UTF-16 file can still hold legacy text in its fields (a sheet typed
 * in .VnTime and saved as CSV UTF-8): pass the parsed fields to `repairLegacyFields`.
 */
export function decodeTextFile(bytes: Uint8Array): DecodedTextFile | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { text: decodeUtf8(bytes, 3, true)!, encoding: 'utf-8' };
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: decodeUtf16(bytes, true), encoding: 'utf-16le' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: decodeUtf16(bytes, false), encoding: 'utf-16be' };
  const utf8 = decodeUtf8(bytes, 0, false);
  if (utf8 !== null) return { text: utf8, encoding: 'utf-8' };
  const text = decodeWindows1252(bytes);
  const encoding = decideSingleByteEncoding(text);
  if (encoding === null) return null;
  const [, reading] = singleByteReadings.find(([candidate]) => candidate === encoding)!;
  return { text: encoding === 'windows-1252' ? text : reading(text).normalize('NFC'), encoding };
}

function* linesOf(text: string): Generator<string> {
  let start = 0;
  while (start < text.length) {
    const end = text.indexOf('\n', start);
    const stop = end < 0 ? text.length : end;
    yield text.slice(start, stop);
    start = stop + 1;
  }
}
