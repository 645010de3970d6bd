import { type ReportData } from '@shared/report/data';
import {
  type Narrative,
  type NarrativeSection,
  type ReportMeta,
  documentNumberLine,
  formatPlaceDate,
  recipientLines,
  reportAuthor,
  reportRecipients,
  splitFootnotes,
} from '@shared/report/narrative';
import { coverageSentence } from '@shared/report/coverage';
import { type Appendix, appendixTableSize, buildAppendices, noteText } from './appendices';
import { buildUnitsAnnex } from './unitsAnnex';
import {
  type Block,
  type DocumentModel,
  type DocumentSection,
  type Inline,
  firstLineIndentMm,
  paragraph,
  spacer,
  text,
} from './model';
import { bodyParagraph, documentTitle, partyHeading, recipientsColumn, signatureBlock, signatureColumn } from './partyLayout';

/** Collects footnotes in the order the body cites them and numbers them from 1. */
class FootnoteCollector {
  readonly footnotes: string[][] = [];

  inlines(paragraphText: string, style: { bold?: boolean; italic?: boolean } = {}): Inline[] {
    return splitFootnotes(paragraphText).map((piece) => {
      if (piece.kind === 'text') return text(piece.text, style);
      this.footnotes.push(piece.paragraphs);
      return { kind: 'footnote', number: this.footnotes.length };
    });
  }
}

function headingBlocks(section: NarrativeSection, notes: FootnoteCollector): Block[] {
  if (section.level === 'body') return section.paragraphs.map((body) => bodyParagraph(notes.inlines(body)));
  if (section.level === 'part') {
    return [
      paragraph(section.number, { align: 'center', bold: true, keepWithNext: true, spaceBefore: 6 }),
      paragraph(section.title, { align: 'center', bold: true, keepWithNext: true, spaceAfter: 6 }),
      ...section.paragraphs.map((body) => bodyParagraph(notes.inlines(body))),
    ];
  }
  const headingStyle = { bold: true, italic: section.level === 'subitem' };
  const heading = `${section.number} ${section.title}`.trim();
  const [first, ...rest] = section.paragraphs;
  if (section.runIn && first !== undefined && rest.length === 0) {
    return [bodyParagraph([text(`${heading}:`, headingStyle), ...notes.inlines(` ${first}`)])];
  }
  return [
    bodyParagraph([text(heading, headingStyle)], { keepWithNext: true }),
    ...section.paragraphs.map((body) => bodyParagraph(notes.inlines(body))),
  ];
}

function appendixSection(appendix: Appendix, meta: ReportMeta): DocumentSection {
  const blocks: Block[] = [
    paragraph(appendix.label, { align: 'right', bold: true, italic: true }),
    ...appendix.titleLines.map((line) => paragraph(line, { align: 'center', bold: true })),
    paragraph(appendix.attachedTo, { align: 'center', italic: true, size: appendixTableSize }),
    paragraph(appendix.period, { align: 'center', italic: true, size: appendixTableSize, spaceAfter: 10 }),
    appendix.table,
  ];
  if (appendix.notes.length > 0) blocks.push(spacer(8));
  for (const note of appendix.notes) {
    blocks.push(
      paragraph(noteText(note), {
        align: 'justify',
        size: appendixTableSize,
        firstLineIndentMm: note.level === 0 ? 0 : firstLineIndentMm,
        bold: note.bold,
        italic: note.bold,
        spaceAfter: 3,
      }),
    );
  }
  return { orientation: appendix.orientation, margins: meta.margins, blocks };
}

/** The statistical appendices, then at an upper level the list of units whose reports the figures include. */
export function reportAppendices(data: ReportData, meta: ReportMeta): Appendix[] {
  const unitsAnnex = buildUnitsAnnex(data, meta);
  return unitsAnnex ? [...buildAppendices(data, meta), unitsAnnex] : buildAppendices(data, meta);
}

/** The sentence that says, above every figure, which subordinate units the figures leave out. */
function coverageBlocks(data: ReportData): Block[] {
  const sentence = coverageSentence(data);
  return sentence ? [bodyParagraph([text(sentence, { bold: true, italic: true })])] : [];
}

/** The periodic report as printed: heading, title, body with footnotes, signature, then the three appendices. */
export function buildReportDocument(data: ReportData, meta: ReportMeta, narrative: Narrative): DocumentModel {
  const notes = new FootnoteCollector();
  const body: Block[] = [
    partyHeading({
      parentName: meta.parentName,
      issuerNames: [meta.committeeName],
      numberLine: documentNumberLine(meta.numberAndSymbol, meta.symbol),
      placeDate: formatPlaceDate(meta.place, meta.date),
    }),
    ...documentTitle(meta.documentType, [meta.title]),
    ...coverageBlocks(data),
    ...narrative.sections.flatMap((section) => headingBlocks(section, notes)),
    spacer(6),
    signatureBlock(
      recipientsColumn(recipientLines(reportRecipients(meta))),
      signatureColumn({ authority: meta.signer.authority, title: meta.signer.title, name: meta.signer.name }),
    ),
  ];
  return {
    title: `${meta.documentType} ${meta.title}`,
    author: reportAuthor(meta),
    sections: [
      { orientation: 'portrait', margins: meta.margins, blocks: body },
      ...reportAppendices(data, meta).map((appendix) => appendixSection(appendix, meta)),
    ],
    footnotes: notes.footnotes,
    pageNumbers: true,
  };
}
