import { foldForSearch } from './fold';

/**
 * How well a search matches a name, best first. A person typing "nhat" means "Nhật Bản" before
 * "… Thống nhất", and "nguyen van an" means "Nguyễn Văn An" before "Nguyễn Văn Toàn, Công an xã":
 * the whole name, then the start of the name, then the start of a word, then anywhere inside.
 */
export const searchRank = { exact: 0, namePrefix: 1, wordStarts: 2, inside: 3 } as const;
export type SearchRank = (typeof searchRank)[keyof typeof searchRank];

/** The words of a search as they are matched: folded, hyphens read as spaces ("Ả-rập" → "a", "rap"). */
export function searchWords(query: string): string[] {
  return foldForSearch(query.replace(/-/g, ' ')).split(' ').filter(Boolean);
}

/** A name in the form searches are matched against: folded, hyphens read as spaces. */
export function searchableName(name: string): string {
  return foldForSearch(name.replace(/-/g, ' '));
}

/** How well every word matches one searchable name, or undefined when some word is not in it. */
export function rankName(name: string, words: readonly string[]): SearchRank | undefined {
  if (words.length === 0) return searchRank.inside;
  const query = words.join(' ');
  if (name === query) return searchRank.exact;
  if (name.startsWith(query)) return searchRank.namePrefix;
  const spaced = ` ${name}`;
  if (words.every((word) => spaced.includes(` ${word}`))) return searchRank.wordStarts;
  if (words.every((word) => name.includes(word))) return searchRank.inside;
  return undefined;
}

/** The best rank among an item's names (official name, other names, code). */
export function rankNames(names: readonly string[], words: readonly string[]): SearchRank | undefined {
  let best: SearchRank | undefined;
  for (const name of names) {
    const rank = rankName(name, words);
    if (rank !== undefined && (best === undefined || rank < best)) best = rank;
  }
  return best;
}

/** The items some name of which matches every word, best match first, in their given order within a rank. */
export function rankMatches<T>(items: readonly T[], namesOf: (item: T) => readonly string[], query: string): T[] {
  const words = searchWords(query);
  if (words.length === 0) return [...items];
  return items
    .map((item, index) => ({ item, index, rank: rankNames(namesOf(item), words) }))
    .filter((entry): entry is { item: T; index: number; rank: SearchRank } => entry.rank !== undefined)
    .sort((a, b) => a.rank - b.rank || a.index - b.index)
    .map((entry) => entry.item);
}
