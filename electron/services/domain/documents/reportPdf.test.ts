import { beforeAll, describe, expect, it } from 'vitest';
import { superscript } from './pdfWriter';
import { renderReportPdf } from './reportPdf';
import { modelReport, poppler } from '../../../testkit/documents';

/** The text of each page, as pdftotext separates them with form feeds. */
function pages(text: string): string[] {
  return text.split('\f').slice(0, -1);
}

function normalised(text: string): string {
  return text.replace(/\s+/g, ' ');
}

describe('renderReportPdf', () => {
  let pdf: Buffer;
  let text: string;

  beforeAll(async () => {
    const { data, meta, narrative } = modelReport();
    pdf = await renderReportPdf(data, meta, narrative);
    text = poppler('pdftotext', pdf, ['-layout']);
  });

  it('is a PDF whose every font is Tinos, embedded', () => {
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const rows = poppler('pdffonts', pdf).trim().split('\n').slice(2);
    expect(rows.length).toBe(4);
    for (const row of rows) {
      expect(row).toMatch(/^[A-Z]{6}\+Tinos-(Regular|Bold|Italic|BoldItalic)\s+CID TrueType\s+Identity-H\s+yes yes yes/);
    }
  });

  it('keeps every Vietnamese letter of the heading, the title and the signature', () => {
    const flat = normalised(text);
    for (const expected of [
      'ĐẢNG BỘ TỈNH AN GIANG',
      'ĐẢNG ỦY XÃ VĨNH TRẠCH',
      'ĐẢNG CỘNG SẢN VIỆT NAM',
      'Số 15-BC/ĐU',
      'Vĩnh Trạch, ngày 20 tháng 5 năm 2026',
      'BÁO CÁO',
      'Phần thứ nhất',
      'KẾT QUẢ THỰC HIỆN',
      'Nơi nhận:',
      'T/M BAN THƯỜNG VỤ',
      'PHÓ BÍ THƯ',
      'Lâm Minh Thành',
    ]) {
      expect(flat).toContain(expected);
    }
  });

  it('quotes the figures and prints each footnote at the foot of the page that cites it', () => {
    const withoutLayout = normalised(poppler('pdftotext', pdf));
    expect(withoutLayout).toContain('toàn Đảng bộ có 2.542 đảng viên được cơ quan có thẩm quyền cho phép ra nước ngoài²');
    expect(withoutLayout).toContain('công tác nước ngoài là 1.618 trường hợp');
    expect(withoutLayout).toContain('giải quyết việc riêng là 924 trường hợp');
    const citing = pages(text).find((page) => normalised(page).includes('cho phép ra nước ngoài²'));
    expect(citing).toBeDefined();
    const page = normalised(citing ?? '');
    expect(page).toContain('² Đảng viên ra nước ngoài dưới 1 tháng là 2.194 trường hợp.');
    expect(page).toContain('Đảng viên ra nước ngoài trên 12 tháng là 17 trường hợp.');
    expect(page.indexOf('cho phép ra nước ngoài²')).toBeLessThan(page.indexOf('² Đảng viên ra nước ngoài dưới 1 tháng'));
  });

  it('numbers pages from the second, centred at the top', () => {
    const all = pages(text);
    expect(all.length).toBeGreaterThanOrEqual(6);
    expect(all[0]?.trim().startsWith('ĐẢNG BỘ TỈNH AN GIANG')).toBe(true);
    all.slice(1).forEach((page, index) => expect(page.trimStart().split('\n')[0]?.trim()).toBe(String(index + 2)));
  });

  it('draws the appendices on their own pages, all three in landscape', () => {
    const all = pages(text);
    const sizes = poppler('pdfinfo', pdf, ['-f', '1', '-l', String(all.length)])
      .split('\n')
      .filter((line) => /^Page\s+\d+ size:/.test(line));
    const landscape = sizes.map((line) => /size:\s+841\.89 x 595\.28/.test(line));
    const pageOf = (label: string) => all.findIndex((page) => page.includes(label));
    expect(landscape[pageOf('Phụ lục 01')]).toBe(true);
    expect(landscape[pageOf('Phụ lục 02')]).toBe(true);
    expect(landscape[pageOf('Phụ lục 03')]).toBe(true);
    expect(landscape[0]).toBe(false);
    const appendix02 = normalised(all[pageOf('Phụ lục 02')] ?? '');
    expect(appendix02).toContain('Năm 2026 (tính đến 31/5/2026) 400 321 55 22 2');
    expect(appendix02).toContain('Tổng cộng 2.542 2.194 254 77 17');
    expect(appendix02).toContain('giải quyết việc riêng: 924 đồng chí');
    const appendix03 = normalised(all[pageOf('Phụ lục 03')] ?? '');
    expect(appendix03).toContain('Đảng viên đi xuất khẩu lao động');
    expect(appendix03).toContain('Năm 2023 1 0 1');
    const appendix01 = normalised(all[pageOf('Phụ lục 01')] ?? '');
    expect(appendix01).toContain('CÁC LOẠI VĂN BẢN');
    expect(appendix01).toContain('Quy định số 3121-QĐ/TU ngày 26/4/2023');
  });
});

describe('long tables', () => {
  it('repeat their header on every page they run onto', async () => {
    const { data, meta, narrative } = modelReport();
    const many = Array.from({ length: 40 }, (_, index) => ({
      issuer: 'Ban Thường vụ Đảng ủy xã Vĩnh Trạch',
      kind: 'official_letter' as const,
      ref: `${index + 1}-CV/ĐU`,
      date: '2025-03-10',
      title: 'về việc đôn đốc báo cáo kết quả chuyến đi của đảng viên ra nước ngoài về việc riêng',
    }));
    const pdf = await renderReportPdf({ ...data, appendix01: many }, meta, narrative);
    const all = pages(poppler('pdftotext', pdf, ['-layout']));
    const first = all.findIndex((page) => page.includes('Phụ lục 01'));
    const last = all.findIndex((page) => page.includes('Phụ lục 02'));
    const appendixPages = all.slice(first, last);
    expect(appendixPages.length).toBeGreaterThan(1);
    for (const page of appendixPages) expect(page).toContain('CÁC LOẠI VĂN BẢN');
    expect(normalised(appendixPages.join(' '))).toContain('Công văn số 40-CV/ĐU ngày 10/3/2025');
  });
});

describe('superscript', () => {
  it('writes footnote numbers with the superscript digits the font carries', () => {
    expect(superscript(2)).toBe('²');
    expect(superscript(10)).toBe('¹⁰');
  });
});
