import {
  type Block,
  type ColumnBlock,
  type ColumnsBlock,
  type Inline,
  type ParagraphBlock,
  bodyLineSpacing,
  bodySize,
  firstLineIndentMm,
  footnoteSize,
  paragraph,
  paragraphSpacing,
  spacer,
  text,
} from './model';

/**
 * The parts every party document shares, sized after Hướng dẫn 36-HD/VPTW: the heading block, the document type and
 * its subject, body paragraphs, and the recipients/signature block.
 */

const partyTitle = 'ĐẢNG CỘNG SẢN VIỆT NAM';

export interface PartyHeading {
  /** The directly superior organisation, printed in capitals (may be empty). */
  parentName: string;
  /** The issuing committee or cell, printed in bold capitals. */
  issuerNames: string[];
  /** "Số 15-BC/ĐU"; absent on a member's own form. */
  numberLine?: string;
  placeDate: string;
}

/** Left: superior organisation, issuer in bold, "*", number. Right: the party title underlined, then place and date in italics. */
export function partyHeading(heading: PartyHeading): ColumnsBlock {
  const left: ColumnBlock[] = [];
  if (heading.parentName.trim()) left.push(paragraph(heading.parentName.toUpperCase(), { align: 'center' }));
  for (const name of heading.issuerNames) left.push(paragraph(name.toUpperCase(), { align: 'center', bold: true }));
  left.push(paragraph('*', { align: 'center' }));
  if (heading.numberLine) left.push(paragraph(heading.numberLine, { align: 'center' }));
  const right: ColumnBlock[] = [
    paragraph(partyTitle, { align: 'center', bold: true, underline: true, size: 15 }),
    spacer(8),
    paragraph(heading.placeDate, { align: 'center', italic: true }),
  ];
  return {
    kind: 'columns',
    columns: [
      { share: 0.44, blocks: left },
      { share: 0.56, blocks: right },
    ],
  };
}

/** "BÁO CÁO" in bold capitals, the subject in bold below it, and the short rule under both; a one-page form leaves less room around it. */
export function documentTitle(type: string, subjectLines: string[], spaceAround = 12): Block[] {
  return [
    spacer(spaceAround),
    paragraph(type.toUpperCase(), { align: 'center', bold: true, size: 16, keepWithNext: true }),
    ...subjectLines.map((line) => paragraph(line, { align: 'center', bold: true, keepWithNext: true })),
    paragraph('-----', { align: 'center', keepWithNext: true, spaceAfter: spaceAround }),
  ];
}

export function bodyParagraph(inlines: Inline[] | string, options: Partial<ParagraphBlock> = {}): ParagraphBlock {
  return paragraph(inlines, {
    align: 'justify',
    firstLineIndentMm,
    spaceAfter: paragraphSpacing,
    lineSpacing: bodyLineSpacing,
    ...options,
  });
}

export interface Signature {
  /** "T/M BAN THƯỜNG VỤ", "NGƯỜI LÀM ĐƠN" */
  authority: string;
  /** "BÍ THƯ"; empty for a member's own signature. */
  title?: string;
  /** "(Ký, ghi rõ họ tên)" */
  hint?: string;
  name: string;
  /** Room for the handwritten signature (and the seal), in points. */
  signingSpace?: number;
}

export function signatureColumn(signature: Signature): ColumnBlock[] {
  const blocks: ColumnBlock[] = [paragraph(signature.authority, { align: 'center', bold: true })];
  if (signature.title) blocks.push(paragraph(signature.title, { align: 'center', bold: true }));
  if (signature.hint) blocks.push(paragraph(signature.hint, { align: 'center', italic: true }));
  blocks.push(spacer(signature.signingSpace ?? 72), paragraph(signature.name, { align: 'center', bold: true }));
  return blocks;
}

/** "Nơi nhận:" (underlined, 14 pt) and the recipients in 12 pt, as Hướng dẫn 36-HD/VPTW sets them. */
export function recipientsColumn(lines: string[]): ColumnBlock[] {
  return [
    paragraph([text('Nơi nhận:', { underline: true })], { size: bodySize }),
    ...lines.map((line) => paragraph(line, { size: footnoteSize })),
  ];
}

export function signatureBlock(left: ColumnBlock[], right: ColumnBlock[]): ColumnsBlock {
  return {
    kind: 'columns',
    columns: [
      { share: 0.5, blocks: left },
      { share: 0.5, blocks: right },
    ],
  };
}
