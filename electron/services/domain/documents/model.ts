import { type PageMargins, formatNumber } from '@shared/report/narrative';

/**
 * A small description of a printed party document, built once from the data and drawn by each back end
 * (DOCX, PDF, and for the appendix tables XLSX), so that the layout is decided in one place.
 * Sizes are points, indents millimetres, as the layout guidance states them.
 */

export type Align = 'left' | 'center' | 'right' | 'justify';

export interface TextRun {
  kind: 'text';
  text: string;
  bold?: boolean;
  italic?: boolean;
  underline?: boolean;
}

/** A reference to footnote `number` (1-based) of the document. */
export interface FootnoteRef {
  kind: 'footnote';
  number: number;
}

export type Inline = TextRun | FootnoteRef;

export interface ParagraphBlock {
  kind: 'paragraph';
  inlines: Inline[];
  align: Align;
  size: number;
  firstLineIndentMm?: number;
  spaceBefore?: number;
  spaceAfter?: number;
  /** A multiple of single spacing. */
  lineSpacing?: number;
  keepWithNext?: boolean;
}

export interface SpacerBlock {
  kind: 'spacer';
  height: number;
}

export type ColumnBlock = ParagraphBlock | SpacerBlock;

/** Side by side without borders: the heading block and the recipients/signature block. */
export interface ColumnsBlock {
  kind: 'columns';
  columns: { share: number; blocks: ColumnBlock[] }[];
}

export interface TableCell {
  /** Numbers stay numbers so a spreadsheet gets numeric cells; text back ends format them. */
  value: string | number | null;
  colSpan?: number;
  rowSpan?: number;
  align?: Align;
  bold?: boolean;
  italic?: boolean;
  /** A total of the numbers in this many rows directly above in the same column: a spreadsheet writes it as a formula. */
  sumOfRowsAbove?: number;
}

export interface TableBlock {
  kind: 'table';
  /** Relative widths; the back end scales them to the text width. */
  columnWidths: number[];
  /** Repeated on every page the table runs onto. */
  header: TableCell[][];
  body: TableCell[][];
  size: number;
}

export type Block = ParagraphBlock | SpacerBlock | ColumnsBlock | TableBlock;

export type Orientation = 'portrait' | 'landscape';

/** Starts on a new page. */
export interface DocumentSection {
  orientation: Orientation;
  margins: PageMargins;
  blocks: Block[];
}

export interface DocumentModel {
  title: string;
  author: string;
  sections: DocumentSection[];
  /** Footnote texts by number − 1; each footnote is one or more paragraphs. */
  footnotes: string[][];
  /** Page numbers centred at the top from the second page, as party documents number them. */
  pageNumbers: boolean;
}

/** The font the layout guidance names; the PDF embeds Tinos, which has the same metrics. */
export const documentFont = 'Times New Roman';
export const bodySize = 14;
export const footnoteSize = 12;
export const firstLineIndentMm = 10;
export const paragraphSpacing = 6;
export const bodyLineSpacing = 1.15;
export const a4 = { widthMm: 210, heightMm: 297 };
export const pointsPerMm = 72 / 25.4;

export function text(value: string, style: Omit<TextRun, 'kind' | 'text'> = {}): TextRun {
  return { kind: 'text', text: value, ...style };
}

export function paragraph(
  inlines: Inline[] | string,
  options: Partial<Omit<ParagraphBlock, 'kind' | 'inlines'>> & { bold?: boolean; italic?: boolean; underline?: boolean } = {},
): ParagraphBlock {
  const { bold, italic, underline, ...rest } = options;
  const runs = typeof inlines === 'string' ? [text(inlines, { bold, italic, underline })] : inlines;
  return { kind: 'paragraph', inlines: runs, align: 'left', size: bodySize, ...rest };
}

export function spacer(height: number): SpacerBlock {
  return { kind: 'spacer', height };
}

/** The text width of a page in millimetres. */
export function textWidthMm(orientation: Orientation, margins: PageMargins): number {
  const pageWidth = orientation === 'portrait' ? a4.widthMm : a4.heightMm;
  return pageWidth - margins.left - margins.right;
}

export function cellText(value: TableCell['value']): string {
  if (value === null) return '';
  return typeof value === 'number' ? formatNumber(value) : value;
}

/** Column positions taken by each row, honouring spans from the rows above, so cell widths add up. */
export function placeCells(rows: TableCell[][]): { cell: TableCell; column: number }[][] {
  const claimed = new Set<string>();
  return rows.map((row, rowIndex) => {
    let column = 0;
    return row.map((cell) => {
      while (claimed.has(`${rowIndex},${column}`)) column += 1;
      const placed = { cell, column };
      for (let r = 0; r < (cell.rowSpan ?? 1); r += 1) {
        for (let c = 0; c < (cell.colSpan ?? 1); c += 1) claimed.add(`${rowIndex + r},${column + c}`);
      }
      column += cell.colSpan ?? 1;
      return placed;
    });
  });
}
