import {
  AlignmentType,
  BorderStyle,
  Document,
  FootnoteReferenceRun,
  Header,
  LineRuleType,
  Packer,
  PageNumber,
  PageOrientation,
  Paragraph,
  type ParagraphChild,
  type ISectionOptions,
  Table,
  TableBorders,
  TableCell as DocxTableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlignTable,
  WidthType,
} from 'docx';
import {
  type Align,
  type Block,
  type ColumnsBlock,
  type DocumentModel,
  type DocumentSection,
  type Inline,
  type ParagraphBlock,
  type TableBlock,
  a4,
  bodySize,
  cellText,
  documentFont,
  footnoteSize,
  placeCells,
  textWidthMm,
} from './model';

const twipsPerMm = 1440 / 25.4;
const twips = (mm: number) => Math.round(mm * twipsPerMm);
const halfPoints = (points: number) => Math.round(points * 2);

const alignments: Record<Align, (typeof AlignmentType)[keyof typeof AlignmentType]> = {
  left: AlignmentType.LEFT,
  center: AlignmentType.CENTER,
  right: AlignmentType.RIGHT,
  justify: AlignmentType.JUSTIFIED,
};

function runs(inlines: Inline[], size: number): ParagraphChild[] {
  return inlines.map((inline) =>
    inline.kind === 'footnote'
      ? new FootnoteReferenceRun(inline.number)
      : new TextRun({
          text: inline.text,
          bold: inline.bold,
          italics: inline.italic,
          underline: inline.underline ? {} : undefined,
          size: halfPoints(size),
        }),
  );
}

function paragraph(block: ParagraphBlock): Paragraph {
  return new Paragraph({
    alignment: alignments[block.align],
    indent: block.firstLineIndentMm ? { firstLine: twips(block.firstLineIndentMm) } : undefined,
    spacing: {
      before: (block.spaceBefore ?? 0) * 20,
      after: (block.spaceAfter ?? 0) * 20,
      line: Math.round((block.lineSpacing ?? 1) * 240),
      lineRule: LineRuleType.AUTO,
    },
    keepNext: block.keepWithNext,
    children: runs(block.inlines, block.size),
  });
}

function spacerParagraph(height: number): Paragraph {
  return new Paragraph({
    spacing: { before: 0, after: 0, line: Math.round(height * 20), lineRule: LineRuleType.EXACT },
    children: [],
  });
}

const thinBorder = { style: BorderStyle.SINGLE, size: 4, color: '000000' };

function columnsTable(block: ColumnsBlock, widthMm: number): Table {
  const widths = block.columns.map((column) => twips(widthMm * column.share));
  return new Table({
    layout: TableLayoutType.FIXED,
    width: { size: twips(widthMm), type: WidthType.DXA },
    columnWidths: widths,
    borders: TableBorders.NONE,
    rows: [
      new TableRow({
        cantSplit: true,
        children: block.columns.map(
          (column, index) =>
            new DocxTableCell({
              width: { size: widths[index] ?? 0, type: WidthType.DXA },
              margins: { left: 0, right: 0 },
              children: column.blocks.map((inner) =>
                inner.kind === 'spacer' ? spacerParagraph(inner.height) : paragraph(inner),
              ),
            }),
        ),
      }),
    ],
  });
}

function dataTable(block: TableBlock, widthMm: number): Table {
  const totalShare = block.columnWidths.reduce((a, b) => a + b, 0);
  const widths = block.columnWidths.map((share) => twips((widthMm * share) / totalShare));
  const headerCount = block.header.length;
  const placed = placeCells([...block.header, ...block.body]);
  return new Table({
    layout: TableLayoutType.FIXED,
    width: { size: widths.reduce((a, b) => a + b, 0), type: WidthType.DXA },
    columnWidths: widths,
    borders: {
      top: thinBorder,
      bottom: thinBorder,
      left: thinBorder,
      right: thinBorder,
      insideHorizontal: thinBorder,
      insideVertical: thinBorder,
    },
    rows: placed.map(
      (row, rowIndex) =>
        new TableRow({
          tableHeader: rowIndex < headerCount,
          cantSplit: true,
          children: row.map(({ cell, column }) => {
            const span = cell.colSpan ?? 1;
            const width = widths.slice(column, column + span).reduce((a, b) => a + b, 0);
            return new DocxTableCell({
              columnSpan: cell.colSpan,
              rowSpan: cell.rowSpan,
              width: { size: width, type: WidthType.DXA },
              verticalAlign: VerticalAlignTable.CENTER,
              margins: { left: 80, right: 80, top: 40, bottom: 40 },
              children: [
                new Paragraph({
                  alignment: alignments[cell.align ?? 'left'],
                  children: [
                    new TextRun({
                      text: cellText(cell.value),
                      bold: cell.bold,
                      italics: cell.italic,
                      size: halfPoints(block.size),
                    }),
                  ],
                }),
              ],
            });
          }),
        }),
    ),
  });
}

function blocks(section: DocumentSection): (Paragraph | Table)[] {
  const widthMm = textWidthMm(section.orientation, section.margins);
  return section.blocks.map((block: Block) => {
    switch (block.kind) {
      case 'paragraph':
        return paragraph(block);
      case 'spacer':
        return spacerParagraph(block.height);
      case 'columns':
        return columnsTable(block, widthMm);
      case 'table':
        return dataTable(block, widthMm);
    }
  });
}

function pageNumberHeader(): Header {
  return new Header({
    children: [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [new TextRun({ children: [PageNumber.CURRENT], size: halfPoints(bodySize) })],
      }),
    ],
  });
}

function sectionOptions(section: DocumentSection, index: number, model: DocumentModel): ISectionOptions {
  const margins = section.margins;
  const portrait = section.orientation === 'portrait';
  const first = index === 0;
  return {
    properties: {
      titlePage: first && model.pageNumbers,
      page: {
        // The library swaps width and height itself for a landscape section.
        size: {
          width: twips(a4.widthMm),
          height: twips(a4.heightMm),
          orientation: portrait ? PageOrientation.PORTRAIT : PageOrientation.LANDSCAPE,
        },
        margin: {
          top: twips(margins.top),
          bottom: twips(margins.bottom),
          left: twips(margins.left),
          right: twips(margins.right),
          header: twips(margins.top / 2),
        },
      },
    },
    headers: model.pageNumbers
      ? { default: pageNumberHeader(), ...(first ? { first: new Header({ children: [] }) } : {}) }
      : undefined,
    children: blocks(section),
  };
}

/** Writes the document model as a Word file: A4, Times New Roman, real footnotes and tables. */
export async function writeDocx(model: DocumentModel): Promise<Buffer> {
  const footnotes = Object.fromEntries(
    model.footnotes.map((paragraphs, index) => [
      String(index + 1),
      {
        children: paragraphs.map(
          (line, lineIndex) =>
            new Paragraph({
              alignment: AlignmentType.JUSTIFIED,
              // Word puts the footnote number right before the first paragraph's text; a space keeps them apart.
              children: [new TextRun({ text: lineIndex === 0 ? ` ${line}` : line, size: halfPoints(footnoteSize) })],
            }),
        ),
      },
    ]),
  );
  const document = new Document({
    title: model.title,
    creator: model.author,
    styles: {
      default: {
        document: {
          run: { font: documentFont, size: halfPoints(bodySize), language: { value: 'vi-VN' } },
          paragraph: { spacing: { before: 0, after: 0, line: 240, lineRule: LineRuleType.AUTO } },
        },
      },
    },
    footnotes,
    sections: model.sections.map((section, index) => sectionOptions(section, index, model)),
  });
  return Packer.toBuffer(document);
}
