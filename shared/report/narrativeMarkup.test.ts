import { describe, expect, it } from 'vitest';
import { modelReportData } from '../testkit/reportModel';
import { ReportMeta, narrativeTemplate } from './narrative';
import { footnoteSegments, tokenPieces, writeFootnoteSegments, writeTokenPieces } from './narrativeMarkup';

/** A paragraph read into the pieces the editor shows (text, figures, footnotes holding text and figures) and written back. */
function readAndWrite(paragraph: string): string {
  const segments = footnoteSegments(paragraph).map((segment) =>
    segment.kind === 'text'
      ? { kind: 'text' as const, text: writeTokenPieces(tokenPieces(segment.text)) }
      : { kind: 'footnote' as const, body: writeTokenPieces(tokenPieces(segment.body)) },
  );
  return writeFootnoteSegments(segments);
}

const meta = ReportMeta.parse({
  parentName: 'Đảng bộ tỉnh An Giang',
  committeeName: 'Đảng ủy xã Vĩnh Trạch',
  numberAndSymbol: '15-BC/ĐU',
  place: 'Vĩnh Trạch',
  date: '2026-05-20',
  signer: { name: 'Lâm Minh Thành' },
});

describe('narrative markup', () => {
  it('reads figures and footnotes apart from the text', () => {
    expect(footnoteSegments('Có {permitted} trường hợp^[Dưới 1 tháng là {under1m}.\nTrên 12 tháng là {over12m}.] đi.')).toEqual([
      { kind: 'text', text: 'Có {permitted} trường hợp' },
      { kind: 'footnote', body: 'Dưới 1 tháng là {under1m}.\nTrên 12 tháng là {over12m}.' },
      { kind: 'text', text: ' đi.' },
    ]);
    expect(tokenPieces('{period}, có {permitted} trường hợp')).toEqual([
      { kind: 'token', name: 'period' },
      { kind: 'text', text: ', có ' },
      { kind: 'token', name: 'permitted' },
      { kind: 'text', text: ' trường hợp' },
    ]);
  });

  it('keeps brackets that balance inside a footnote, and leaves an unclosed footnote or a lone brace as text', () => {
    expect(footnoteSegments('a^[b [c] d]e')).toEqual([
      { kind: 'text', text: 'a' },
      { kind: 'footnote', body: 'b [c] d' },
      { kind: 'text', text: 'e' },
    ]);
    expect(footnoteSegments('a^[b [c] d')).toEqual([{ kind: 'text', text: 'a^[b [c] d' }]);
    expect(tokenPieces('{ không phải } {số-liệu} {')).toEqual([{ kind: 'text', text: '{ không phải } {số-liệu} {' }]);
  });

  it('writes back exactly what it read, for every paragraph the report template holds and for odd input', () => {
    const paragraphs = narrativeTemplate(modelReportData(), meta).sections.flatMap((section) => section.paragraphs);
    expect(paragraphs.some((paragraph) => paragraph.includes('^['))).toBe(true);
    const odd = ['', '^[]', '^[^[x]]', '{a}{b}', 'x^[', ']^[{y}]z', '  hai  dấu cách  ', 'dòng 1\ndòng 2', '{} {_} {1}'];
    for (const paragraph of [...paragraphs, ...odd]) expect(readAndWrite(paragraph)).toBe(paragraph);
  });
});
