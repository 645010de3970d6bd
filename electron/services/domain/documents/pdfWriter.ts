import { createRequire } from 'node:module';
import { loadPdfKit } from '../heavyLibraries';
import {
  type Block,
  type ColumnBlock,
  type ColumnsBlock,
  type DocumentModel,
  type DocumentSection,
  type Inline,
  type ParagraphBlock,
  type TableBlock,
  bodySize,
  cellText,
  footnoteSize,
  placeCells,
  pointsPerMm,
} from './model';

const resolve = createRequire(import.meta.url).resolve;

/** Tinos: metrically compatible with Times New Roman, with full Vietnamese coverage, licensed to embed. */
const fontFiles = {
  regular: resolve('@expo-google-fonts/tinos/400Regular/Tinos_400Regular.ttf'),
  bold: resolve('@expo-google-fonts/tinos/700Bold/Tinos_700Bold.ttf'),
  italic: resolve('@expo-google-fonts/tinos/400Regular_Italic/Tinos_400Regular_Italic.ttf'),
  boldItalic: resolve('@expo-google-fonts/tinos/700Bold_Italic/Tinos_700Bold_Italic.ttf'),
};

type FontName = keyof typeof fontFiles;

function fontOf(style: { bold?: boolean; italic?: boolean }): FontName {
  if (style.bold && style.italic) return 'boldItalic';
  if (style.bold) return 'bold';
  return style.italic ? 'italic' : 'regular';
}

const superscriptDigits = ['⁰', '¹', '²', '³', '⁴', '⁵', '⁶', '⁷', '⁸', '⁹'];

/** Footnote marks as superscript digits of the font, so that text extraction keeps them. */
export function superscript(number: number): string {
  return [...String(number)].map((digit) => superscriptDigits[Number(digit)] ?? digit).join('');
}

const mm = (value: number) => value * pointsPerMm;
const cellPadding = { x: 4, y: 2.5 };
const footnoteRule = { width: mm(50), gap: 4 };

interface Piece {
  text: string;
  font: FontName;
  underline: boolean;
}

/** Lays the document model out on PDF pages: flowing text, footnotes at the foot of their page, tables, page numbers. */
class PdfLayout {
  private pageIndex = -1;
  private readonly footnotesByPage = new Map<number, { numbers: number[]; height: number; bottomMargin: number }>();
  /** Notes whose mark will fall on the next page, and the room held back on this page so that it does. */
  private deferredNotes: { numbers: number[]; heldBack: number } | undefined;

  constructor(
    private readonly doc: PDFKit.PDFDocument,
    private readonly model: DocumentModel,
  ) {
    doc.on('pageAdded', () => {
      this.pageIndex += 1;
      const deferred = this.deferredNotes;
      this.deferredNotes = undefined;
      if (deferred) this.reserveFootnotes(deferred.numbers, this.contentWidth());
    });
  }

  render(): void {
    this.model.sections.forEach((section) => this.section(section));
    this.drawFootnotes();
    if (this.model.pageNumbers) this.drawPageNumbers();
  }

  private section(section: DocumentSection): void {
    const { top, bottom, left, right } = section.margins;
    this.doc.addPage({
      size: 'A4',
      layout: section.orientation,
      margins: { top: mm(top), bottom: mm(bottom), left: mm(left), right: mm(right) },
    });
    section.blocks.forEach((block, index) => this.block(block, section.blocks[index + 1]));
  }

  private contentWidth(): number {
    const page = this.doc.page;
    return page.width - page.margins.left - page.margins.right;
  }

  private block(block: Block, next: Block | undefined): void {
    const left = this.doc.page.margins.left;
    switch (block.kind) {
      case 'paragraph':
        this.keepWithNext(block, next);
        this.paragraph(block, left, this.contentWidth(), true);
        break;
      case 'spacer':
        this.doc.y += block.height;
        break;
      case 'columns':
        this.columns(block);
        break;
      case 'table':
        this.table(block);
        break;
    }
    this.doc.x = this.doc.page.margins.left;
  }

  /**
   * Runs merged wherever the font does not change: pdfkit justifies each continued fragment on its own, so a
   * paragraph split at a footnote mark would lose the space after the mark and spread its line unevenly.
   */
  private pieces(inlines: Inline[]): Piece[] {
    const pieces: Piece[] = [];
    for (const inline of inlines) {
      const piece =
        inline.kind === 'text'
          ? { text: inline.text, font: fontOf(inline), underline: inline.underline === true }
          : { text: superscript(inline.number), font: 'regular' as const, underline: false };
      if (piece.text.length === 0) continue;
      const last = pieces.at(-1);
      if (last && last.font === piece.font && last.underline === piece.underline) last.text += piece.text;
      else pieces.push(piece);
    }
    return pieces;
  }

  private lineGap(block: ParagraphBlock): number {
    this.doc.font(fontOf({})).fontSize(block.size);
    return ((block.lineSpacing ?? 1) - 1) * this.doc.currentLineHeight(true);
  }

  private textOptions(block: ParagraphBlock, width: number): PDFKit.Mixins.TextOptions {
    return { width, align: block.align, indent: mm(block.firstLineIndentMm ?? 0), lineGap: this.lineGap(block) };
  }

  private measure(text: string, font: FontName, block: ParagraphBlock, width: number): number {
    const options = this.textOptions(block, width);
    this.doc.font(font).fontSize(block.size);
    return this.doc.heightOfString(text, options);
  }

  private paragraphHeight(block: ParagraphBlock, width: number): number {
    const pieces = this.pieces(block.inlines);
    const text = pieces.map((piece) => piece.text).join('') || ' ';
    return (block.spaceBefore ?? 0) + this.measure(text, pieces[0]?.font ?? 'regular', block, width) + (block.spaceAfter ?? 0);
  }

  /**
   * A heading never ends a page: it moves on with at least two lines of what follows, or with the whole of a
   * side-by-side block (a signature), which never splits.
   */
  private keepWithNext(block: ParagraphBlock, next: Block | undefined): void {
    if (!block.keepWithNext) return;
    this.doc.font('regular').fontSize(bodySize);
    const following = next?.kind === 'columns' ? this.columnsHeight(next) : 2 * this.doc.currentLineHeight(true);
    if (this.doc.y + this.paragraphHeight(block, this.contentWidth()) + following > this.doc.page.maxY())
      this.doc.continueOnNewPage();
  }

  private paragraph(block: ParagraphBlock, x: number, width: number, flowing: boolean): void {
    const doc = this.doc;
    doc.y += block.spaceBefore ?? 0;
    if (flowing) this.placeFootnotesOf(block, width);
    const pieces = this.pieces(block.inlines);
    const options = this.textOptions(block, width);
    if (pieces.length === 0) {
      doc.font('regular').fontSize(block.size).text(' ', x, doc.y, options);
    }
    pieces.forEach((piece, index) => {
      doc.font(piece.font).fontSize(block.size);
      const pieceOptions = { ...options, continued: index < pieces.length - 1, underline: piece.underline };
      if (index === 0) doc.text(piece.text, x, doc.y, pieceOptions);
      else doc.text(piece.text, pieceOptions);
    });
    if (flowing && this.deferredNotes) {
      // The paragraph ended on the page it started on after all: the room held back becomes its notes' room.
      const { numbers, heldBack } = this.deferredNotes;
      this.deferredNotes = undefined;
      doc.page.margins.bottom -= heldBack;
      this.reserveFootnotes(numbers, width);
    }
    doc.y += block.spaceAfter ?? 0;
  }

  private footnoteHeight(number: number, width: number): number {
    this.doc.font('regular').fontSize(footnoteSize);
    const paragraphs = this.model.footnotes[number - 1] ?? [];
    return paragraphs.reduce(
      (total, line, index) =>
        total + this.doc.heightOfString(index === 0 ? `${superscript(number)} ${line}` : line, { width, align: 'justify' }),
      0,
    );
  }

  /** Reserves room at the foot of the page where each footnote mark of the paragraph will print. */
  private placeFootnotesOf(block: ParagraphBlock, width: number): void {
    const lastRef = block.inlines.findLastIndex((inline) => inline.kind === 'footnote');
    if (lastRef < 0) return;
    const numbers = block.inlines.flatMap((inline) => (inline.kind === 'footnote' ? [inline.number] : []));
    const needed = this.footnoteBlockHeight(numbers, width);
    const upToMark = this.pieces(block.inlines.slice(0, lastRef + 1))
      .map((piece) => piece.text)
      .join('');
    const markDepth = this.measure(upToMark, 'regular', block, width);
    if (markDepth + needed <= this.doc.page.maxY() - this.doc.y) {
      this.reserveFootnotes(numbers, width);
      return;
    }
    // Mark and note do not both fit here. Holding the note's room back pushes the mark over to the next page,
    // where the note follows it, as a word processor does.
    this.doc.page.margins.bottom += needed;
    this.deferredNotes = { numbers, heldBack: needed };
  }

  private footnoteBlockHeight(numbers: number[], width: number): number {
    const existing = this.footnotesByPage.get(this.pageIndex);
    const rule = existing ? 0 : footnoteRule.gap * 2;
    return rule + numbers.reduce((total, number) => total + this.footnoteHeight(number, width), 0);
  }

  private reserveFootnotes(numbers: number[], width: number): void {
    const page = this.doc.page;
    const needed = this.footnoteBlockHeight(numbers, width);
    const entry = this.footnotesByPage.get(this.pageIndex) ?? { numbers: [], height: 0, bottomMargin: page.margins.bottom };
    entry.numbers.push(...numbers);
    entry.height += needed;
    this.footnotesByPage.set(this.pageIndex, entry);
    page.margins.bottom += needed;
  }

  private drawFootnotes(): void {
    const doc = this.doc;
    for (const [pageIndex, entry] of this.footnotesByPage) {
      doc.switchToPage(pageIndex);
      const page = doc.page;
      // The notes sit in the room reserved above the bottom margin; with no margin below them pdfkit cannot
      // decide that a last line overflows and start a page of its own.
      page.margins.bottom = 0;
      const x = page.margins.left;
      const width = page.width - page.margins.left - page.margins.right;
      let y = page.height - entry.bottomMargin - entry.height + footnoteRule.gap;
      doc
        .save()
        .lineWidth(0.5)
        .moveTo(x, y)
        .lineTo(x + footnoteRule.width, y)
        .stroke()
        .restore();
      y += footnoteRule.gap;
      doc.font('regular').fontSize(footnoteSize);
      for (const number of entry.numbers) {
        (this.model.footnotes[number - 1] ?? []).forEach((line, index) => {
          doc.text(index === 0 ? `${superscript(number)} ${line}` : line, x, y, { width, align: 'justify' });
          y = doc.y;
        });
      }
      page.margins.bottom = entry.bottomMargin;
    }
  }

  private drawPageNumbers(): void {
    const doc = this.doc;
    const { start, count } = doc.bufferedPageRange();
    for (let index = start + 1; index < start + count; index += 1) {
      doc.switchToPage(index);
      const page = doc.page;
      doc.font('regular').fontSize(bodySize);
      const y = Math.max(0, page.margins.top / 2 - doc.currentLineHeight() / 2);
      doc.text(String(index + 1), 0, y, { width: page.width, align: 'center', lineBreak: false });
    }
  }

  private columnHeight(blocks: ColumnBlock[], width: number): number {
    return blocks.reduce(
      (total, block) => total + (block.kind === 'spacer' ? block.height : this.paragraphHeight(block, width)),
      0,
    );
  }

  private columnsHeight(block: ColumnsBlock): number {
    const total = this.contentWidth();
    return Math.max(...block.columns.map((column) => this.columnHeight(column.blocks, total * column.share)));
  }

  /** Side-by-side blocks kept on one page: the heading and the signature. */
  private columns(block: ColumnsBlock): void {
    const doc = this.doc;
    const left = doc.page.margins.left;
    const total = this.contentWidth();
    if (doc.y + this.columnsHeight(block) > doc.page.maxY()) doc.continueOnNewPage();
    const top = doc.y;
    let x = left;
    let bottom = top;
    for (const column of block.columns) {
      const width = total * column.share;
      doc.y = top;
      for (const inner of column.blocks) {
        if (inner.kind === 'spacer') doc.y += inner.height;
        else this.paragraph(inner, x, width, false);
      }
      bottom = Math.max(bottom, doc.y);
      x += width;
    }
    doc.y = bottom;
  }

  private table(block: TableBlock): void {
    const doc = this.doc;
    const left = doc.page.margins.left;
    const totalShare = block.columnWidths.reduce((a, b) => a + b, 0);
    const widths = block.columnWidths.map((share) => (this.contentWidth() * share) / totalShare);
    const offsets = widths.map((_, index) => left + widths.slice(0, index).reduce((a, b) => a + b, 0));
    const rows = placeCells([...block.header, ...block.body]);
    const heights = rows.map(() => 0);
    const measured = rows.map((row) =>
      row.map(({ cell, column }) => {
        const width = widths.slice(column, column + (cell.colSpan ?? 1)).reduce((a, b) => a + b, 0);
        doc.font(fontOf(cell)).fontSize(block.size);
        const textHeight = doc.heightOfString(cellText(cell.value) || ' ', {
          width: width - 2 * cellPadding.x,
          align: cell.align ?? 'left',
        });
        return { cell, column, width, textHeight };
      }),
    );
    measured.forEach((row, rowIndex) => {
      for (const { cell, textHeight } of row) {
        if ((cell.rowSpan ?? 1) === 1) heights[rowIndex] = Math.max(heights[rowIndex] ?? 0, textHeight + 2 * cellPadding.y);
      }
    });
    measured.forEach((row, rowIndex) => {
      for (const { cell, textHeight } of row) {
        const span = cell.rowSpan ?? 1;
        if (span === 1) continue;
        const spanned = heights.slice(rowIndex, rowIndex + span).reduce((a, b) => a + b, 0);
        const lastRow = rowIndex + span - 1;
        const deficit = textHeight + 2 * cellPadding.y - spanned;
        if (deficit > 0) heights[lastRow] = (heights[lastRow] ?? 0) + deficit;
      }
    });
    const headerCount = block.header.length;
    const headerHeight = heights.slice(0, headerCount).reduce((a, b) => a + b, 0);

    const drawRow = (rowIndex: number, top: number) => {
      for (const { cell, column, width, textHeight } of measured[rowIndex] ?? []) {
        const height = heights.slice(rowIndex, rowIndex + (cell.rowSpan ?? 1)).reduce((a, b) => a + b, 0);
        const x = offsets[column] ?? left;
        doc.save().lineWidth(0.5).rect(x, top, width, height).stroke().restore();
        doc.font(fontOf(cell)).fontSize(block.size);
        doc.text(cellText(cell.value), x + cellPadding.x, top + (height - textHeight) / 2, {
          width: width - 2 * cellPadding.x,
          align: cell.align ?? 'left',
        });
      }
    };
    const drawHeader = (top: number) => {
      let y = top;
      for (let rowIndex = 0; rowIndex < headerCount; rowIndex += 1) {
        drawRow(rowIndex, y);
        y += heights[rowIndex] ?? 0;
      }
      return y;
    };

    let y = doc.y;
    if (y + headerHeight + (heights[headerCount] ?? 0) > doc.page.maxY()) {
      doc.continueOnNewPage();
      y = doc.y;
    }
    y = drawHeader(y);
    for (let rowIndex = headerCount; rowIndex < rows.length; rowIndex += 1) {
      const height = heights[rowIndex] ?? 0;
      if (y + height > doc.page.maxY()) {
        doc.continueOnNewPage();
        y = drawHeader(doc.page.margins.top);
      }
      drawRow(rowIndex, y);
      y += height;
    }
    doc.x = left;
    doc.y = y + 4;
  }
}

/** Draws the document model as an A4 PDF with the Tinos fonts embedded. */
export async function writePdf(model: DocumentModel): Promise<Buffer> {
  const PDFDocument = await loadPdfKit();
  const doc = new PDFDocument({
    autoFirstPage: false,
    bufferPages: true,
    size: 'A4',
    font: fontFiles.regular,
    lang: 'vi-VN',
    displayTitle: true,
    pdfVersion: '1.7',
    info: { Title: model.title, Author: model.author, Creator: 'Sổ 86' },
  });
  for (const [name, file] of Object.entries(fontFiles)) doc.registerFont(name, file);
  const chunks: Buffer[] = [];
  const finished = new Promise<Buffer>((resolvePdf, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolvePdf(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  new PdfLayout(doc, model).render();
  doc.end();
  return finished;
}
