import { describe, expect, it } from 'vitest';
import { ReportMeta, applyNarrativeEdits, fillNarrative, narrativeTemplate } from '@shared/report/narrative';
import { renderReportDocx } from './reportDocx';
import { docxParts, docxTables, modelReport, paragraphTexts, runPropertiesOf } from '../../../testkit/documents';

async function renderModel() {
  const { data, meta, narrative } = modelReport();
  return docxParts(await renderReportDocx(data, meta, narrative));
}

function cellTexts(table: { text: string }[][] | undefined): string[][] {
  return (table ?? []).map((row) => row.map((cell) => cell.text));
}

describe('renderReportDocx', () => {
  it('prints the party heading: superior body, committee in bold, number, party title underlined, place and date in italics', async () => {
    const { document } = await renderModel();
    const [heading] = docxTables(document);
    expect(heading?.[0]?.map((cell) => cell.text.split('\n'))).toEqual([
      ['ĐẢNG BỘ TỈNH AN GIANG', 'ĐẢNG ỦY XÃ VĨNH TRẠCH', '*', 'Số 15-BC/ĐU'],
      ['ĐẢNG CỘNG SẢN VIỆT NAM', '', 'Vĩnh Trạch, ngày 20 tháng 5 năm 2026'],
    ]);
    expect(runPropertiesOf(document, 'ĐẢNG ỦY XÃ VĨNH TRẠCH')).toContain('<w:b/>');
    expect(runPropertiesOf(document, 'ĐẢNG BỘ TỈNH AN GIANG')).not.toContain('<w:b/>');
    const partyTitle = runPropertiesOf(document, 'ĐẢNG CỘNG SẢN VIỆT NAM') ?? '';
    expect(partyTitle).toContain('<w:b/>');
    expect(partyTitle).toContain('<w:u w:val="single"/>');
    expect(partyTitle).toContain('<w:sz w:val="30"/>');
    expect(runPropertiesOf(document, 'Vĩnh Trạch, ngày 20 tháng 5 năm 2026')).toContain('<w:i/>');
  });

  it('sets the document type in bold capitals above the subject, then the body', async () => {
    const { document } = await renderModel();
    const texts = paragraphTexts(document);
    const type = texts.indexOf('BÁO CÁO');
    expect(type).toBeGreaterThan(0);
    expect(texts[type + 1]).toBe(
      'kết quả thực hiện công tác xây dựng tổ chức đảng, phát triển và quản lý đảng viên ở nước ngoài',
    );
    expect(runPropertiesOf(document, 'BÁO CÁO')).toMatch(/<w:b\/>[\s\S]*<w:sz w:val="32"\/>/);
    expect(texts[type + 3]).toBe(
      'Căn cứ Công văn 626-CV/BTCTW, ngày 17/4/2026 của Ban Tổ chức Trung ương về việc xây dựng báo cáo thực hiện công tác xây dựng tổ chức đảng, phát triển và quản lý đảng viên ở nước ngoài, Ban Thường vụ Đảng ủy xã Vĩnh Trạch báo cáo kết quả triển khai, thực hiện như sau:',
    );
    for (const heading of [
      'Phần thứ nhất',
      'KẾT QUẢ THỰC HIỆN',
      'I- Công tác lãnh đạo, chỉ đạo triển khai thực hiện',
      'III- Đánh giá chung',
      'Phần thứ hai',
      'Xin báo cáo các đồng chí.',
    ]) {
      expect(texts).toContain(heading);
    }
    expect(texts).toContain(
      '2. Việc quản lý, theo dõi, tổ chức sinh hoạt đối với đảng viên trong các tổ chức đảng của một số doanh nghiệp đang hoạt động ở nước ngoài: Không có.',
    );
  });

  it('quotes every figure of the report data in the body', async () => {
    const { document } = await renderModel();
    const body = paragraphTexts(document).join('\n');
    for (const sentence of [
      'Từ năm 2023 đến tháng 5/2026, toàn Đảng bộ có 2.542 đảng viên được cơ quan có thẩm quyền cho phép ra nước ngoài, trong đó đảng viên được cử đi công tác nước ngoài là 1.618 trường hợp, đảng viên ra nước ngoài lao động, học tập tự túc hoặc giải quyết việc riêng là 924 trường hợp.',
      'có 03 trường hợp đảng viên kết hôn với người nước ngoài. Trong kỳ, có 02 đảng viên ra khỏi đảng.',
      'Đến cuối kỳ báo cáo, có 37 đảng viên đang ở nước ngoài. Số đảng viên còn ở lại nước ngoài sau khi hết thời hạn là 01 trường hợp',
      'cấp ủy đã làm thủ tục chuyển sinh hoạt đảng tạm thời cho 15 đảng viên.',
      'cấp ủy đã làm thủ tục chuyển sinh hoạt đảng chính thức cho 15 đảng viên.',
      'cho miễn sinh hoạt đảng đối với 82 trường hợp.',
      'còn 04 trường hợp chậm báo cáo kết quả chuyến đi sau khi về nước; 02 trường hợp xuất cảnh bằng giấy thông hành nhưng không báo cáo trước khi đi.',
      'phát hiện 06 trường hợp chưa chấp hành đầy đủ quy định',
      'có 01 đảng viên chuyển sinh hoạt đảng đi lao động ở nước ngoài',
    ]) {
      expect(body).toContain(sentence);
    }
  });

  it('puts the duration breakdown and the issued documents in real footnotes', async () => {
    const { document, footnotes } = await renderModel();
    expect(document.match(/<w:footnoteReference w:id="\d+"\/>/g)).toEqual([
      '<w:footnoteReference w:id="1"/>',
      '<w:footnoteReference w:id="2"/>',
    ]);
    const notes = paragraphTexts(footnotes).map((text) => text.trim());
    expect(notes).toContain('Đảng viên ra nước ngoài dưới 1 tháng là 2.194 trường hợp.');
    expect(notes).toContain('Đảng viên ra nước ngoài từ 1 tháng đến 3 tháng là 254 trường hợp.');
    expect(notes).toContain('Đảng viên ra nước ngoài từ trên 3 tháng đến 12 tháng là 77 trường hợp.');
    expect(notes).toContain('Đảng viên ra nước ngoài trên 12 tháng là 17 trường hợp.');
    expect(notes).toContain('Quy định số 64-QĐ/TU ngày 27/11/2025 về công tác quản lý cán bộ, đảng viên đi nước ngoài.');
    expect(footnotes).toContain('<w:sz w:val="24"/>');
  });

  it('ends with the recipients beside the standing committee signature', async () => {
    const { document } = await renderModel();
    const signature = docxTables(document)[1];
    const [recipients, signer] = (signature?.[0] ?? []).map((cell) => cell.text.split('\n'));
    expect(recipients).toEqual([
      'Nơi nhận:',
      '- Ban Thường vụ Tỉnh ủy (để b/c),',
      '- Ban Tổ chức Tỉnh ủy,',
      '- Các chi bộ trực thuộc,',
      '- Lưu Văn phòng Đảng ủy.',
    ]);
    expect(signer?.filter(Boolean)).toEqual(['T/M BAN THƯỜNG VỤ', 'PHÓ BÍ THƯ', 'Lâm Minh Thành']);
    expect(runPropertiesOf(document, 'Nơi nhận:')).toContain('<w:u w:val="single"/>');
    expect(runPropertiesOf(document, '- Ban Tổ chức Tỉnh ủy,')).toContain('<w:sz w:val="24"/>');
    expect(runPropertiesOf(document, 'Lâm Minh Thành')).toContain('<w:b/>');
  });

  it('lays appendix 01 out with the five kinds of document and a note column', async () => {
    const { document } = await renderModel();
    const table = docxTables(document)[2] ?? [];
    expect(table[0]?.map((cell) => [cell.text, cell.gridSpan, cell.vMerge])).toEqual([
      ['STT', 1, 'restart'],
      ['CƠ QUAN BAN HÀNH', 1, 'restart'],
      ['CÁC LOẠI VĂN BẢN', 5, undefined],
      ['Ghi chú', 1, 'restart'],
    ]);
    expect(cellTexts(table).slice(1)).toEqual([
      ['', '', 'Chỉ thị, nghị quyết, kết luận', 'Công văn', 'Kế hoạch', 'Hướng dẫn', 'Văn bản khác', ''],
      [
        '1',
        'Ban Thường vụ Tỉnh ủy An Giang',
        '',
        '',
        '',
        '',
        'Quy định',
        'Quy định số 3121-QĐ/TU ngày 26/4/2023 về công tác quản lý và nhiệm vụ của cán bộ, đảng viên thuộc Đảng bộ tỉnh An Giang khi ra nước ngoài và quan hệ với cá nhân, tổ chức nước ngoài',
      ],
      [
        '2',
        'Ban Thường vụ Tỉnh ủy An Giang',
        '',
        '',
        '',
        '',
        'Quy định',
        'Quy định số 64-QĐ/TU ngày 27/11/2025 về công tác quản lý cán bộ, đảng viên đi nước ngoài',
      ],
      [
        '3',
        'Ban Thường vụ Đảng ủy xã Vĩnh Trạch',
        '',
        'Công văn',
        '',
        '',
        '',
        'Công văn số 112-CV/ĐU ngày 05/8/2025 về việc tăng cường quản lý đảng viên xuất cảnh bằng giấy thông hành',
      ],
    ]);
  });

  it('lays appendix 02 out by year with a total row and the "Trong đó" lines', async () => {
    const { document } = await renderModel();
    expect(cellTexts(docxTables(document)[3])).toEqual([
      ['STT', 'Năm', 'Tổng số', 'Dưới 1 tháng', 'Từ 01 - 03 tháng', 'Từ 03 - 12 tháng', 'Trên 12 tháng'],
      ['1', 'Năm 2023', '720', '631', '65', '21', '3'],
      ['2', 'Năm 2024', '819', '734', '64', '17', '4'],
      ['3', 'Năm 2025', '603', '508', '70', '17', '8'],
      ['4', 'Năm 2026 (tính đến 31/5/2026)', '400', '321', '55', '22', '2'],
      ['', 'Tổng cộng', '2.542', '2.194', '254', '77', '17'],
    ]);
    const texts = paragraphTexts(document);
    expect(texts).toContain('SỐ LƯỢNG ĐẢNG VIÊN ĐƯỢC CỬ, CHO PHÉP RA NƯỚC NGOÀI');
    expect(texts).toContain('(Kèm theo Báo cáo số 15-BC/ĐU, ngày 20/5/2026 của Ban Thường vụ Đảng ủy xã Vĩnh Trạch)');
    expect(texts).toContain('Trong đó:');
    expect(texts).toContain('- Đảng viên ra nước ngoài làm nhiệm vụ đặc biệt: không có');
    expect(texts).toContain('- Đảng viên ra nước ngoài lao động, học tập tự túc hoặc giải quyết việc riêng: 924 đồng chí');
    expect(texts).toContain('- Số đảng viên ở lại nước ngoài sau khi hết thời hạn: 01 đồng chí');
    expect(texts).toContain('+ Được cấp có thẩm quyền cho phép: 01 đồng chí');
    expect(texts).toContain('+ Tự ý ở lại: không có');
  });

  it('lays appendix 03 out under a two-level header with the enterprise columns', async () => {
    const { document } = await renderModel();
    const table = docxTables(document)[4] ?? [];
    expect(table[0]?.map((cell) => [cell.text, cell.gridSpan])).toEqual([
      ['STT', 1],
      ['Năm', 1],
      ['Đảng viên đi xuất khẩu lao động', 3],
      ['Tổ chức đảng của các doanh nghiệp nhà nước, công ty thành viên làm việc dài hạn ở nước ngoài', 3],
    ]);
    expect(cellTexts(table).slice(1)).toEqual([
      [
        '',
        '',
        'Tổng số đảng viên chuyển sinh hoạt đi xuất khẩu lao động trong năm',
        'Số đảng viên chuyển sinh hoạt về nước',
        'Số đảng viên chưa chuyển sinh hoạt về nước',
        'Đảng bộ',
        'Chi bộ',
        'Tổng số đảng viên',
      ],
      ['1', 'Năm 2023', '1', '0', '1', '', '', ''],
      ['2', 'Năm 2024', '0', '0', '0', '', '', ''],
      ['3', 'Năm 2025', '0', '0', '0', '', '', ''],
      ['4', 'Năm 2026 (tính đến 31/5/2026)', '0', '0', '0', '', '', ''],
      ['', 'Tổng cộng', '1', '0', '1', '0', '0', '0'],
    ]);
  });

  it('uses A4 in Times New Roman with the configured margins, every appendix landscape, numbered from page 2', async () => {
    const { data, meta, narrative } = modelReport();
    const narrow = ReportMeta.parse({ ...meta, margins: { top: 25, bottom: 25, left: 35, right: 20 } });
    const { document, styles, headers } = await docxParts(await renderReportDocx(data, narrow, narrative));
    expect(styles).toContain(
      '<w:rFonts w:ascii="Times New Roman" w:cs="Times New Roman" w:eastAsia="Times New Roman" w:hAnsi="Times New Roman"/>',
    );
    const sections = [...document.matchAll(/<w:sectPr>[\s\S]*?<\/w:sectPr>/g)].map((match) => match[0]);
    expect(sections.map((section) => /<w:pgSz [^>]*\/>/.exec(section)?.[0])).toEqual([
      '<w:pgSz w:w="11906" w:h="16838" w:orient="portrait"/>',
      '<w:pgSz w:w="16838" w:h="11906" w:orient="landscape"/>',
      '<w:pgSz w:w="16838" w:h="11906" w:orient="landscape"/>',
      '<w:pgSz w:w="16838" w:h="11906" w:orient="landscape"/>',
    ]);
    for (const section of sections) expect(section).toMatch(/<w:pgMar w:top="1417" w:right="1134" w:bottom="1417" w:left="1984"/);
    expect(sections[0]).toContain('<w:titlePg/>');
    expect(headers.filter((header) => header.includes('PAGE'))).toHaveLength(4);
  });

  it('prints the office’s edited text with the figures refilled', async () => {
    const { data, meta } = modelReport();
    const template = applyNarrativeEdits(narrativeTemplate(data, meta), {
      'part2.proposals': ['Đề nghị Ban Tổ chức Tỉnh ủy hướng dẫn quản lý {stayedBeyondTerm} trường hợp ở lại quá hạn.'],
    });
    const { document } = await docxParts(await renderReportDocx(data, meta, fillNarrative(template, data, meta)));
    expect(paragraphTexts(document)).toContain(
      'III- Kiến nghị, đề xuất: Đề nghị Ban Tổ chức Tỉnh ủy hướng dẫn quản lý 01 trường hợp ở lại quá hạn.',
    );
  });
});
