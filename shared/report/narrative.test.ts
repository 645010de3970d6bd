import { describe, expect, it } from 'vitest';
import { hasMessage } from '../i18n';
import { type ReportData, emptyComplianceFlagCounts } from './data';
import { modelReportData } from '../testkit/reportModel';
import {
  ReportMeta,
  applyNarrativeEdits,
  basisSentence,
  bodyText,
  defaultNarrative,
  documentNumberLine,
  fillNarrative,
  formatCount,
  formatDate,
  formatNumber,
  formatPlaceDate,
  issuedDocumentCitation,
  issuedDocumentKindWord,
  narrativeSectionIds,
  narrativeTemplate,
  narrativeTokenNames,
  narrativeTokens,
  periodLabel,
  periodPhrase,
  recipientLines,
  reportRecipients,
  splitFootnotes,
  unknownTokens,
  yearToDateLabel,
} from './narrative';

/** The model report's data with one issued document and one compliance flag, the figures the sentences below quote. */
function modelData(): ReportData {
  const data = modelReportData();
  return {
    ...data,
    appendix01: data.appendix01.slice(0, 1),
    figures: { ...data.figures, complianceFlags: { ...emptyComplianceFlagCounts(), return_report_overdue: 4 } },
  };
}

function emptyData(): ReportData {
  const zero = { total: 0, under1m: 0, from1to3m: 0, from3to12m: 0, over12m: 0 };
  return {
    unit: { code: 'VT', name: 'Đảng ủy xã Vĩnh Trạch', level: 'commune' },
    period: { from: '2025-01-01', to: '2025-12-31' },
    appendix01: [],
    appendix02: {
      rows: [{ year: 2025, until: '2025-12-31', ...zero }],
      total: zero,
      specialMission: 0,
      invitedByName: 0,
      selfFundedOrPrivate: 0,
      stayedBeyondTerm: { total: 0, permitted: 0, unauthorised: 0 },
    },
    appendix03: {
      rows: [{ year: 2025, until: '2025-12-31', transferredOut: 0, transferredBack: 0, notTransferredBack: 0 }],
      total: { transferredOut: 0, transferredBack: 0, notTransferredBack: 0 },
      enterprise: { committees: 0, cells: 0, members: 0 },
    },
    figures: {
      permitted: 0,
      official: 0,
      selfFundedOrPrivate: 0,
      temporaryTransfers: 0,
      officialTransfers: 0,
      exemptions: 0,
      marriagesToForeigners: 0,
      leftParty: 0,
      abroadNow: 0,
      complianceFlags: emptyComplianceFlagCounts(),
    },
  };
}

const meta = ReportMeta.parse({
  parentName: 'Đảng bộ tỉnh An Giang',
  committeeName: 'Đảng ủy xã Vĩnh Trạch',
  numberAndSymbol: '15-BC/ĐU',
  place: 'Vĩnh Trạch',
  date: '2026-05-20',
  round: { reference: '626-CV/BTCTW', date: '2026-04-17', issuer: 'Ban Tổ chức Trung ương' },
  signer: { title: 'PHÓ BÍ THƯ', name: 'Lâm Minh Thành' },
});

function sectionText(narrative: ReturnType<typeof defaultNarrative>, id: string): string {
  const section = narrative.sections.find((candidate) => candidate.id === id);
  if (!section) throw new Error(`no section ${id}`);
  return section.paragraphs.join('\n');
}

describe('Vietnamese formats', () => {
  it('separates thousands with dots and pads single-digit counts as the model report does', () => {
    expect(formatNumber(2542)).toBe('2.542');
    expect(formatNumber(1234567)).toBe('1.234.567');
    expect(formatNumber(17)).toBe('17');
    expect(formatCount(3)).toBe('03');
    expect(formatCount(0)).toBe('0');
    expect(formatCount(924)).toBe('924');
    expect(formatCount(2194)).toBe('2.194');
  });

  it('writes dates with zeros only for days below 10 and months below 3', () => {
    expect(formatDate('2026-04-17')).toBe('17/4/2026');
    expect(formatDate('2022-02-08')).toBe('08/02/2022');
    expect(formatDate('2022-10-28')).toBe('28/10/2022');
    expect(formatPlaceDate('Vĩnh Trạch', '2026-05-20')).toBe('Vĩnh Trạch, ngày 20 tháng 5 năm 2026');
    expect(formatPlaceDate('Vĩnh Trạch', '2026-01-05')).toBe('Vĩnh Trạch, ngày 05 tháng 01 năm 2026');
    expect(formatPlaceDate('Vĩnh Trạch', undefined)).toMatch(/^Vĩnh Trạch, ngày\s+tháng\s+năm 20\s*$/);
  });

  it('names the period and the year rows of the report data', () => {
    expect(periodLabel({ from: '2023-01-01', to: '2026-05-31' })).toBe('Từ năm 2023 đến tháng 5/2026');
    expect(periodLabel({ from: '2023-01-01', to: '2025-12-31' })).toBe('Từ năm 2023 đến năm 2025');
    expect(periodLabel({ from: '2025-01-01', to: '2025-12-31' })).toBe('Năm 2025');
    expect(periodLabel({ from: '2025-07-01', to: '2026-03-31' })).toBe('Từ tháng 7/2025 đến tháng 3/2026');
    expect(periodPhrase({ from: '2023-01-01', to: '2026-05-31' })).toBe('từ năm 2023 đến tháng 5/2026');
    expect(yearToDateLabel({ year: 2023, until: '2023-12-31' })).toBe('Năm 2023');
    expect(yearToDateLabel({ year: 2026, until: '2026-03-31' })).toBe('Năm 2026 (tính đến 31/3/2026)');
    expect(yearToDateLabel({ year: 2026, until: '2026-12-04' })).toBe('Năm 2026 (tính đến 04/12/2026)');
    expect(yearToDateLabel({ year: 2026, until: '2026-12-04' })).not.toContain('Tháng');
  });
});

describe('issued documents', () => {
  it('cites a document as appendix 01 of the model does', () => {
    const row = {
      issuer: 'Ban Thường vụ Tỉnh ủy An Giang',
      kind: 'other' as const,
      ref: '64-QĐ/TU',
      date: '2025-11-27',
      title: 'về công tác quản lý cán bộ, đảng viên đi nước ngoài',
    };
    expect(issuedDocumentCitation(row)).toBe(
      'Quy định số 64-QĐ/TU ngày 27/11/2025 về công tác quản lý cán bộ, đảng viên đi nước ngoài',
    );
  });

  it('takes the kind word from the title first, then from the symbol, then from the kind', () => {
    expect(issuedDocumentKindWord({ kind: 'other', ref: '12-QĐ/ĐU', title: 'Quyết định ban hành quy chế làm việc' })).toBe(
      'Quyết định',
    );
    expect(issuedDocumentKindWord({ kind: 'directive', ref: '05-CT/TU', title: 'về tăng cường quản lý' })).toBe('Chỉ thị');
    expect(issuedDocumentKindWord({ kind: 'directive', ref: '07-NQ/TU', title: 'về công tác cán bộ' })).toBe('Nghị quyết');
    expect(issuedDocumentKindWord({ kind: 'other', ref: '3-TB/ĐU', title: 'kết luận hội nghị' })).toBe('Thông báo');
    expect(issuedDocumentKindWord({ kind: 'official_letter', ref: '112-CV/ĐU', title: 'về việc giấy thông hành' })).toBe(
      'Công văn',
    );
    expect(issuedDocumentKindWord({ kind: 'other', ref: 'không số', title: 'ghi nhớ' })).toBe('Văn bản');
    expect(
      issuedDocumentCitation({
        issuer: 'x',
        kind: 'other',
        ref: '12-QĐ/ĐU',
        date: '2026-03-02',
        title: 'Quyết định Về việc ban hành quy chế',
      }),
    ).toBe('Quyết định số 12-QĐ/ĐU ngày 02/3/2026 về việc ban hành quy chế');
  });
});

describe('report metadata', () => {
  it('defaults the layout to Hướng dẫn 36-HD/VPTW and the signing authority to the standing committee', () => {
    expect(meta.margins).toEqual({ top: 20, bottom: 20, left: 30, right: 15 });
    expect(meta.documentType).toBe('BÁO CÁO');
    expect(meta.signer.authority).toBe('T/M BAN THƯỜNG VỤ');
    expect(documentNumberLine(meta.numberAndSymbol)).toBe('Số 15-BC/ĐU');
    expect(documentNumberLine('')).toMatch(/^Số\s+-BC\/ĐU$/);
  });

  it('refuses margins outside any sensible page', () => {
    expect(ReportMeta.safeParse({ ...meta, margins: { top: 0, bottom: 20, left: 30, right: 15 } }).success).toBe(false);
  });

  it('opens with the upper level request when the round names one', () => {
    expect(basisSentence(meta)).toBe(
      'Căn cứ Công văn 626-CV/BTCTW, ngày 17/4/2026 của Ban Tổ chức Trung ương, Ban Thường vụ Đảng ủy xã Vĩnh Trạch báo cáo kết quả triển khai, thực hiện như sau:',
    );
    const withoutRound = basisSentence({ ...meta, round: undefined });
    expect(withoutRound).toMatch(/^Thực hiện chế độ báo cáo định kỳ .*, Ban Thường vụ Đảng ủy xã Vĩnh Trạch báo cáo/);
    // Section I opens with the governing texts; the opening must not say the same thing first.
    expect(withoutRound).not.toContain('Quy định số 86-QĐ/TW');
  });

  it('punctuates recipients and falls back to the usual ones', () => {
    expect(recipientLines(['Ban Tổ chức Tỉnh ủy,', 'Lưu Văn phòng Đảng ủy'])).toEqual([
      '- Ban Tổ chức Tỉnh ủy,',
      '- Lưu Văn phòng Đảng ủy.',
    ]);
    expect(reportRecipients(meta)).toContain('Lưu Văn phòng Đảng ủy xã Vĩnh Trạch');
  });
});

describe('footnotes in paragraph text', () => {
  it('splits inline footnotes, keeping nested brackets and line breaks', () => {
    expect(splitFootnotes('có 2.542 đảng viên^[dưới 1 tháng [ghi chú]\nTrên 12 tháng] được phép.')).toEqual([
      { kind: 'text', text: 'có 2.542 đảng viên' },
      { kind: 'footnote', paragraphs: ['dưới 1 tháng [ghi chú]', 'Trên 12 tháng'] },
      { kind: 'text', text: ' được phép.' },
    ]);
    expect(bodyText('a^[b] c')).toBe('a c');
    expect(splitFootnotes('không đóng ^[ngoặc')).toEqual([{ kind: 'text', text: 'không đóng ^[ngoặc' }]);
  });
});

describe('defaultNarrative', () => {
  const narrative = defaultNarrative(modelData(), meta);

  it('follows the headings of the model report with stable, unique ids', () => {
    expect(narrative.sections.map((section) => section.id)).toEqual([...narrativeSectionIds]);
    const headings = narrative.sections.map((section) => `${section.number} ${section.title}`.trim());
    expect(headings).toContain('Phần thứ nhất KẾT QUẢ THỰC HIỆN');
    expect(headings).toContain('I- Công tác lãnh đạo, chỉ đạo triển khai thực hiện');
    expect(headings).toContain('II- Kết quả thực hiện các quy định');
    expect(headings).toContain('III- Đánh giá chung');
    expect(headings).toContain('Phần thứ hai NHIỆM VỤ, GIẢI PHÁP THỜI GIAN TỚI');
    expect(
      narrative.sections.filter((section) => section.level === 'item' && section.id.startsWith('part1.results.')),
    ).toHaveLength(8);
  });

  it('fills every figure of the model report', () => {
    const selection = sectionText(narrative, 'part1.results.selection');
    expect(bodyText(selection)).toContain(
      'Từ năm 2023 đến tháng 5/2026, toàn Đảng bộ có 2.542 đảng viên được cơ quan có thẩm quyền cho phép ra nước ngoài, trong đó đảng viên được cử đi công tác nước ngoài là 1.618 trường hợp, đảng viên ra nước ngoài lao động, học tập tự túc hoặc giải quyết việc riêng là 924 trường hợp.',
    );
    const durationNote = splitFootnotes(selection).find((piece) => piece.kind === 'footnote');
    expect(durationNote).toEqual({
      kind: 'footnote',
      paragraphs: [
        'Đảng viên ra nước ngoài dưới 1 tháng là 2.194 trường hợp.',
        'Đảng viên ra nước ngoài từ 1 tháng đến 3 tháng là 254 trường hợp.',
        'Đảng viên ra nước ngoài từ trên 3 tháng đến 12 tháng là 77 trường hợp.',
        'Đảng viên ra nước ngoài trên 12 tháng là 17 trường hợp.',
      ],
    });
    expect(sectionText(narrative, 'part1.results.duties')).toContain('có 03 trường hợp đảng viên kết hôn với người nước ngoài');
    expect(sectionText(narrative, 'part1.results.duties')).toContain('Trong kỳ, có 02 đảng viên ra khỏi đảng.');
    expect(narrative.sections.flatMap((section) => section.paragraphs).join('\n')).not.toMatch(
      /\(được cho ra khỏi đảng hoặc bị xóa tên\)/,
    );
    expect(sectionText(narrative, 'part1.results.duties')).toContain('có 37 đảng viên đang ở nước ngoài');
    expect(sectionText(narrative, 'part1.results.duties')).toContain(
      'còn ở lại nước ngoài sau khi hết thời hạn là 01 trường hợp, trong đó được cấp có thẩm quyền cho phép 01 trường hợp, không có trường hợp tự ý ở lại',
    );
    expect(sectionText(narrative, 'part1.results.transfers')).toContain('chuyển sinh hoạt đảng tạm thời cho 15 đảng viên');
    expect(sectionText(narrative, 'part1.results.transfers')).toContain('chuyển sinh hoạt đảng chính thức cho 15 đảng viên');
    expect(sectionText(narrative, 'part1.results.exemption')).toContain('miễn sinh hoạt đảng đối với 82 trường hợp');
    expect(sectionText(narrative, 'part1.results.return')).toContain(
      'có 01 đảng viên chuyển sinh hoạt đảng đi lao động ở nước ngoài; trong đó chưa có đảng viên chuyển sinh hoạt đảng về nước, 01 đảng viên chưa chuyển',
    );
    expect(sectionText(narrative, 'part1.results.reporting')).toContain(
      'còn 04 trường hợp chậm báo cáo kết quả chuyến đi sau khi về nước',
    );
    expect(sectionText(narrative, 'part1.results.coordination')).toContain(
      'phát hiện 04 trường hợp chưa chấp hành đầy đủ quy định',
    );
    expect(sectionText(narrative, 'part1.leadership')).toContain(
      'đã ban hành 01 văn bản^[Quy định số 3121-QĐ/TU ngày 26/4/2023 về công tác quản lý',
    );
  });

  it('leaves no placeholder unfilled', () => {
    for (const section of narrative.sections) {
      for (const paragraph of section.paragraphs) expect(paragraph).not.toMatch(/\{\w+\}/);
    }
  });

  it('runs "Không có." into the heading where the model does', () => {
    const enterprise = narrative.sections.find((section) => section.id === 'part1.results.enterprise');
    expect(enterprise).toMatchObject({ runIn: true, paragraphs: ['Không có.'] });
  });

  it('words zero figures as "không có" rather than printing zeros', () => {
    const empty = defaultNarrative(emptyData(), meta);
    expect(sectionText(empty, 'part1.results.selection')).toContain(
      'Năm 2025, toàn Đảng bộ không có đảng viên được cấp có thẩm quyền cho phép ra nước ngoài.',
    );
    expect(sectionText(empty, 'part1.results.selection')).not.toContain('^[');
    expect(sectionText(empty, 'part1.results.duties')).toContain('không có trường hợp đảng viên kết hôn với người nước ngoài');
    expect(sectionText(empty, 'part1.results.reporting')).toContain(
      'Đảng viên ra nước ngoài đều thực hiện nghiêm túc chế độ báo cáo',
    );
    expect(sectionText(empty, 'part1.leadership')).not.toContain('đã ban hành');
    for (const section of empty.sections) {
      for (const paragraph of section.paragraphs) expect(paragraph).not.toMatch(/\b0+ (trường hợp|đảng viên)/);
    }
  });
});

describe('edits', () => {
  it('keeps edited sections and refills their figures from the next report data', () => {
    const template = narrativeTemplate(modelData(), meta);
    const edits = {
      'part1.results.exemption': ['Cấp ủy đã cho miễn sinh hoạt đảng {exemptions} trường hợp, đúng thẩm quyền.'],
      removed: ['x'],
    };
    const nextPeriod = { ...modelData(), figures: { ...modelData().figures, exemptions: 5 } };
    const narrative = fillNarrative(applyNarrativeEdits(template, edits), nextPeriod, meta);
    expect(sectionText(narrative, 'part1.results.exemption')).toBe(
      'Cấp ủy đã cho miễn sinh hoạt đảng 05 trường hợp, đúng thẩm quyền.',
    );
    expect(narrative.sections.map((section) => section.id)).toEqual([...narrativeSectionIds]);
  });

  it('stops running a section into its heading once it has more than one paragraph', () => {
    const template = narrativeTemplate(modelData(), meta);
    const edited = applyNarrativeEdits(template, { 'part2.proposals': ['Đề nghị thứ nhất.', 'Đề nghị thứ hai.'] });
    expect(edited.sections.find((section) => section.id === 'part2.proposals')?.runIn).toBe(false);
  });

  it('keeps an unknown token visible so the office sees the typo', () => {
    const template = applyNarrativeEdits(narrativeTemplate(modelData(), meta), { closing: ['{khongCo} trường hợp.'] });
    expect(sectionText(fillNarrative(template, modelData(), meta), 'closing')).toBe('{khongCo} trường hợp.');
    expect(unknownTokens('{permitted} và {khongCo}, {exemptions}')).toEqual(['khongCo']);
  });
});

describe('catalog', () => {
  it('labels every section and every token for the editor', () => {
    for (const id of narrativeSectionIds) expect(hasMessage(`report.section.${id}`), id).toBe(true);
    for (const name of narrativeTokenNames) expect(hasMessage(`report.token.${name}`), name).toBe(true);
    expect(Object.keys(narrativeTokens(modelData(), meta)).sort()).toEqual([...narrativeTokenNames].sort());
  });
});
