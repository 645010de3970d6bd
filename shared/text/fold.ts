/**
 * Text as it comes in, and text as it is searched.
 *
 * Folding is defined per character: decompose (NFD), drop every combining mark, lower-case,
 * and read đ (and the look-alike eth, ð, which Latin-1 keyboards and fonts produce) as d;
 * then runs of white space become one space and the ends are trimmed. Defining it per
 * character makes NFC and NFD input, and the old ("hoà") and new ("hòa") tone placements,
 * fold to the same string. Characters below U+2000 — every Latin letter Vietnamese uses —
 * go through a table built once; anything above is folded on the spot.
 */

import { stringFromCodeUnits } from './codeUnits';

const tableLimit = 0x2000;
/** Table values that are not code units: the character folds to nothing, to a space, or to a string. */
const drop = 0xffff;
const space = 0xfffe;
const several = 0xfffd;
const whiteSpace = /^\s$/u;

function foldCharacterSlowly(character: string): string {
  if (whiteSpace.test(character)) return ' ';
  // Lower-casing can produce a decomposable character, so decompose again after it.
  return character.normalize('NFD').toLowerCase().normalize('NFD').replace(/\p{M}/gu, '').replace(/[đð]/g, 'd');
}

/** For each code unit below `tableLimit`: its folded code unit, `drop` or `space`; 0 when it folds to several units. */
const foldTable: Uint16Array = (() => {
  const table = new Uint16Array(tableLimit);
  for (let code = 0; code < tableLimit; code += 1) {
    const character = String.fromCharCode(code);
    const folded = foldCharacterSlowly(character);
    if (folded === ' ') table[code] = space;
    else if (folded.length === 0) table[code] = drop;
    else if (folded.length === 1) table[code] = folded.charCodeAt(0);
  }
  return table;
})();

let output = new Uint16Array(256);

function ensureOutput(length: number): void {
  if (output.length >= length) return;
  const larger = new Uint16Array(Math.max(length, output.length * 2));
  larger.set(output);
  output = larger;
}

/**
 * The search form of a text: lower case, no marks, đ → d, single spaces, trimmed.
 * "ĐẶNG THỊ HOÀ", "dang thi hoa", "Đặng Thị Hòa" and their NFD forms all give "dang thi hoa".
 */
export function foldForSearch(text: string): string {
  ensureOutput(text.length);
  let length = 0;
  let pendingSpace = false;
  let unchanged = true;
  for (let index = 0; index < text.length; index += 1) {
    const code = text.charCodeAt(index);
    let folded: number;
    let wide = '';
    if (code < 0x80) {
      if (code >= 0x41 && code <= 0x5a) folded = code + 0x20;
      else if (code === 0x20 || (code >= 0x09 && code <= 0x0d)) folded = space;
      else folded = code;
    } else if (code < tableLimit && foldTable[code] !== 0) {
      folded = foldTable[code]!;
    } else {
      const next = index + 1 < text.length ? text.charCodeAt(index + 1) : 0;
      const units = code >= 0xd800 && code <= 0xdbff && next >= 0xdc00 && next <= 0xdfff ? 2 : 1;
      wide = foldCharacterSlowly(text.slice(index, index + units));
      index += units - 1;
      folded = wide === ' ' ? space : wide.length === 0 ? drop : several;
    }
    if (folded === space) {
      if (code !== 0x20 || pendingSpace || length === 0) unchanged = false;
      pendingSpace = length > 0;
      continue;
    }
    if (folded === drop) {
      unchanged = false;
      continue;
    }
    ensureOutput(length + 1 + wide.length);
    if (pendingSpace) {
      output[length++] = 0x20;
      pendingSpace = false;
    }
    if (folded !== several) {
      if (folded !== code) unchanged = false;
      output[length++] = folded;
    } else {
      unchanged = false;
      for (let offset = 0; offset < wide.length; offset += 1) output[length++] = wide.charCodeAt(offset);
    }
  }
  if (pendingSpace) unchanged = false;
  return unchanged ? text : stringFromCodeUnits(output, length);
}

const invisibleCharacters = /[\u00ad\u200b-\u200d\u2060\ufeff]/g;
const controlCharacters = /\p{Cc}/gu;

/**
 * Every text field from a person or a file: NFC, no invisible characters, runs of white
 * space (line breaks included) as one space, trimmed. Run legacy-encoding repair first:
 * it reads characters this removes.
 */
export function normaliseText(text: string): string {
  return text.normalize('NFC').replace(invisibleCharacters, '').replace(controlCharacters, ' ').replace(/\s+/g, ' ').trim();
}

/** Like `normaliseText` for notes and reports: keeps line breaks (as \n) and single blank lines between paragraphs. */
export function normaliseMultilineText(text: string): string {
  const lines = text.split(/\r\n|[\n\r\u2028\u2029\u0085]/).map(normaliseText);
  return lines
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .replace(/^\n+|\n+$/g, '');
}
