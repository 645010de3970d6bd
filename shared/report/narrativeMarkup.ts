/**
 * The markup of a narrative paragraph as it is saved: `{token}` for a figure, `^[…]` for a footnote. The editor
 * shows neither; it reads a paragraph into pieces and writes the pieces back, and writing what was read gives the
 * paragraph back exactly, whatever it holds (an unclosed `^[` or a lone brace is text).
 */

/** A figure placeholder: a name of letters, digits and underscores in braces. */
export const tokenPattern = /\{(\w+)\}/g;

export type FootnoteSegment = { kind: 'text'; text: string } | { kind: 'footnote'; body: string };
export type TokenPiece = { kind: 'text'; text: string } | { kind: 'token'; name: string };

/** Splits a paragraph at its inline footnotes `^[…]`; brackets inside a footnote must balance, or it stays text. */
export function footnoteSegments(paragraph: string): FootnoteSegment[] {
  const segments: FootnoteSegment[] = [];
  let text = '';
  let index = 0;
  while (index < paragraph.length) {
    if (paragraph.startsWith('^[', index)) {
      let depth = 1;
      let end = index + 2;
      while (end < paragraph.length && depth > 0) {
        if (paragraph[end] === '[') depth += 1;
        else if (paragraph[end] === ']') depth -= 1;
        end += 1;
      }
      if (depth === 0) {
        if (text) segments.push({ kind: 'text', text });
        text = '';
        segments.push({ kind: 'footnote', body: paragraph.slice(index + 2, end - 1) });
        index = end;
        continue;
      }
    }
    text += paragraph[index];
    index += 1;
  }
  if (text) segments.push({ kind: 'text', text });
  return segments;
}

export function writeFootnoteSegments(segments: readonly FootnoteSegment[]): string {
  return segments.map((segment) => (segment.kind === 'text' ? segment.text : `^[${segment.body}]`)).join('');
}

/** Splits text at its `{token}` placeholders. */
export function tokenPieces(text: string): TokenPiece[] {
  const pieces: TokenPiece[] = [];
  let last = 0;
  for (const match of text.matchAll(tokenPattern)) {
    if (match.index > last) pieces.push({ kind: 'text', text: text.slice(last, match.index) });
    pieces.push({ kind: 'token', name: match[1] ?? '' });
    last = match.index + match[0].length;
  }
  if (last < text.length) pieces.push({ kind: 'text', text: text.slice(last) });
  return pieces;
}

export function writeTokenPieces(pieces: readonly TokenPiece[]): string {
  return pieces.map((piece) => (piece.kind === 'text' ? piece.text : `{${piece.name}}`)).join('');
}
