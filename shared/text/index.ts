export * from './collation';
export * from './countries';
export * from './fileName';
export * from './fold';
export * from './legacy';
export * from './nationalId';
export * from './searchRank';
export { textMessages } from './messages';
export {
  letterOf,
  toneMarks,
  toneVowels,
  vietnameseLetters,
  withTone,
  type LetterParts,
  type Tone,
  type ToneVowel,
} from './letters';
