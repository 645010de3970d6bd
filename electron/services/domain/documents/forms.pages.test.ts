import { describe, expect, it } from 'vitest';
import { type TripFormData, type TripFormKind, renderTripFormDocx, renderTripFormPdf } from './forms';
import { keepFirstPageAsPng, libreOfficeAvailable, libreOfficePdfs, pdfPages, sampleTripForm } from '../../../testkit/documents';

/*
 * The forms as an office prints them: the Word file through LibreOffice, and the application's own PDF. Each form
 * is meant for one sheet; whatever runs over, no page may hold the signatures and nothing else.
 */

const longAnswer = Array.from(
  { length: 6 },
  (_, index) =>
    `Ngày thứ ${index + 1}: làm việc với đối tác, tham quan cơ sở sản xuất, trao đổi kinh nghiệm quản lý và ghi chép đầy đủ nội dung để báo cáo chi bộ.`,
).join('\n');

const forms: Record<string, { kind: TripFormKind; data: TripFormData; onePage: boolean }> = {
  application: { kind: 'application', data: sampleTripForm(), onePage: true },
  commitment: { kind: 'commitment', data: sampleTripForm(), onePage: true },
  return_report: { kind: 'return_report', data: sampleTripForm(), onePage: true },
  return_report_blank: { kind: 'return_report', data: { ...sampleTripForm(), returnReport: undefined }, onePage: true },
  commitment_many_relatives: {
    kind: 'commitment',
    data: {
      ...sampleTripForm(),
      relativesAbroad: Array.from({ length: 9 }, (_, index) => ({
        fullName: `Trần Văn ${index + 1}`,
        relationship: 'Cháu',
        country: 'Nhật Bản',
        occupation: 'Kỹ sư',
      })),
    },
    onePage: false,
  },
  return_report_long: {
    kind: 'return_report',
    data: { ...sampleTripForm(), returnReport: { ...sampleTripForm().returnReport, results: longAnswer, issues: longAnswer } },
    onePage: false,
  },
};

const signatureLines = new Set([
  'Ý KIẾN CỦA CHI BỘ',
  'XÁC NHẬN CỦA CHI BỘ',
  'NHẬN XÉT CỦA CHI BỘ',
  'NGƯỜI LÀM ĐƠN',
  'NGƯỜI CAM KẾT',
  'NGƯỜI BÁO CÁO',
  'T/M CHI ỦY',
  'BÍ THƯ',
  '(Ký, ghi rõ họ tên)',
  sampleTripForm().member.fullName,
]);

/** The lines of a page that are not the page number, the signature block or dotted lines. */
function contentLines(page: string): string[] {
  return page
    .split('\n')
    .flatMap((line) => line.trim().split(/\s{2,}/))
    .map((part) => part.trim())
    .filter((part) => part !== '' && !/^\d+$/.test(part) && !/^…+$/.test(part) && !signatureLines.has(part));
}

function expectNoPageOfSignaturesAlone(pages: string[]) {
  for (const page of pages) {
    expect(page).toMatch(/\S/);
    expect(contentLines(page).length).toBeGreaterThan(0);
  }
}

describe('printed trip forms', () => {
  it(
    'fit one page each in the application’s PDF, and pages that run over carry text with the signatures',
    { timeout: 180_000 },
    async () => {
      for (const { kind, data, onePage } of Object.values(forms)) {
        const pages = pdfPages(await renderTripFormPdf(kind, data));
        if (onePage) expect(pages).toHaveLength(1);
        else expect(pages.length).toBeGreaterThan(1);
        expectNoPageOfSignaturesAlone(pages);
        expect(pages.at(-1)).toContain('BÍ THƯ');
      }
    },
  );

  it.runIf(libreOfficeAvailable())(
    'open in a word processor the same way, and leave a picture of each form in the test artefacts',
    async () => {
      const documents = Object.fromEntries(
        await Promise.all(
          Object.entries(forms).map(async ([name, { kind, data }]) => [name, await renderTripFormDocx(kind, data)] as const),
        ),
      );
      const pdfs = libreOfficePdfs(documents);
      for (const [name, { onePage }] of Object.entries(forms)) {
        const pages = pdfPages(pdfs[name]!);
        if (onePage) expect(pages, name).toHaveLength(1);
        else expect(pages.length, name).toBeGreaterThan(1);
        expectNoPageOfSignaturesAlone(pages);
        expect(pages.at(-1)).toContain('T/M CHI ỦY');
        if (onePage) keepFirstPageAsPng(pdfs[name]!, `form-${name}`);
      }
    },
    240_000,
  );
});
