import { describe, expect, it } from 'vitest';
import { renderTripFormDocx, renderTripFormPdf, tripFormKinds } from './forms';
import { docxParts, docxTables, paragraphTexts, poppler, runPropertiesOf, sampleTripForm } from '../../../testkit/documents';

async function formText(kind: (typeof tripFormKinds)[number], data = sampleTripForm()) {
  const { document } = await docxParts(await renderTripFormDocx(kind, data));
  return { document, texts: paragraphTexts(document), tables: docxTables(document) };
}

describe('trip forms', () => {
  it.each(tripFormKinds)('%s carries the party heading, the place and date, and the member’s signature', async (kind) => {
    const { document, tables } = await formText(kind);
    expect(tables[0]?.[0]?.map((cell) => cell.text.split('\n'))).toEqual([
      ['ĐẢNG BỘ XÃ VĨNH TRẠCH', 'CHI BỘ ẤP TÂY BÌNH', '*'],
      ['ĐẢNG CỘNG SẢN VIỆT NAM', '', 'Vĩnh Trạch, ngày 12 tháng 5 năm 2026'],
    ]);
    expect(runPropertiesOf(document, 'ĐẢNG CỘNG SẢN VIỆT NAM')).toContain('<w:u w:val="single"/>');
    expect(runPropertiesOf(document, 'Vĩnh Trạch, ngày 12 tháng 5 năm 2026')).toContain('<w:i/>');
    const signature = tables.at(-1)?.[0]?.map((cell) => cell.text.split('\n').filter(Boolean));
    expect(signature?.[0]?.slice(-2)).toEqual(['T/M CHI ỦY', 'BÍ THƯ']);
    expect(signature?.[1]?.at(-1)).toBe('Nguyễn Thị Hồng Nhung');
    expect(signature?.[1]).toContain('(Ký, ghi rõ họ tên)');
    expect(tables[1]?.[0]?.map((cell) => cell.text)).toEqual([
      'Kính gửi:',
      ' - Ban Thường vụ Đảng ủy xã Vĩnh Trạch;\n - Chi ủy Chi bộ ấp Tây Bình.',
    ]);
  });

  it('addresses the standing committee once, whether the record names the committee or its standing committee', async () => {
    const data = sampleTripForm();
    for (const managingCommittee of ['Đảng ủy xã Vĩnh Trạch', 'Ban Thường vụ Đảng ủy xã Vĩnh Trạch']) {
      const { texts, tables } = await formText('application', { ...data, managingCommittee });
      expect(tables[1]?.[0]?.[1]?.text).toBe(' - Ban Thường vụ Đảng ủy xã Vĩnh Trạch;\n - Chi ủy Chi bộ ấp Tây Bình.');
      expect(
        texts.some((text) => text.startsWith('Nay tôi làm đơn này đề nghị Ban Thường vụ Đảng ủy xã Vĩnh Trạch xem xét')),
      ).toBe(true);
      expect(texts.join('\n')).not.toContain('Ban Thường vụ Ban Thường vụ');
    }
    const blank = await formText('return_report', {
      ...data,
      managingCommittee: 'Ban Thường vụ Đảng ủy xã Vĩnh Trạch',
      returnReport: {},
    });
    expect(blank.texts.some((text) => /Quyết định số …+ của Ban Thường vụ Đảng ủy xã Vĩnh Trạch cho phép tôi/.test(text))).toBe(
      true,
    );
  });

  it('fills the application with the member, the trip and the pledges', async () => {
    const { texts } = await formText('application');
    expect(texts).toContain('ĐƠN ĐỀ NGHỊ');
    expect(texts).toContain('đi nước ngoài về việc riêng');
    expect(texts).toContain('Họ và tên: NGUYỄN THỊ HỒNG NHUNG; giới tính: Nữ; sinh ngày: 07/02/1984');
    expect(texts).toContain('Số định danh cá nhân: 089184001234');
    expect(texts).toContain('Chức vụ, đơn vị công tác: Giáo viên, Trường Tiểu học Vĩnh Trạch');
    expect(texts).toContain('Sinh hoạt đảng tại: Chi bộ ấp Tây Bình');
    expect(texts).toContain('- Nước đến: Hàn Quốc');
    expect(texts).toContain('- Mục đích chuyến đi: Thăm thân (thăm con gái đang học tập)');
    expect(texts).toContain('- Thời gian: từ ngày 01/6/2026 đến ngày 20/6/2026 (20 ngày)');
    expect(texts).toContain('- Kinh phí: Tự túc');
    expect(texts).toContain('- Giấy tờ xuất nhập cảnh: Hộ chiếu phổ thông, số P01234567, có giá trị đến ngày 15/3/2031');
    expect(texts).toContain(
      '4. Trong thời hạn 07 ngày làm việc kể từ ngày về nước, báo cáo bằng văn bản kết quả chuyến đi với chi bộ và cấp ủy quản lý.',
    );
    expect(texts).toContain('NGƯỜI LÀM ĐƠN');
  });

  it('leaves dotted lines where the registry has no value, for the member to fill in by hand', async () => {
    const data = sampleTripForm();
    const { texts } = await formText('application', { ...data, date: undefined, returnReportDueDays: 10 });
    expect(texts.find((text) => text.startsWith('Nơi cư trú:'))).toBe('Nơi cư trú: ……………………; điện thoại: ……………………');
    expect(texts.find((text) => text.startsWith('Ngày vào Đảng:'))).toBe('Ngày vào Đảng: ……………………; số thẻ đảng viên: ……………………');
    expect(texts.some((text) => /^Vĩnh Trạch, ngày\s+tháng\s+năm 20/.test(text))).toBe(true);
    expect(texts.some((text) => text.startsWith('4. Trong thời hạn 10 ngày làm việc'))).toBe(true);
  });

  it('lists the relatives abroad in the commitment, with numbered rows left for at least five', async () => {
    const { texts, tables } = await formText('commitment');
    expect(texts).toContain('BẢN CAM KẾT');
    expect(tables[2]?.map((row) => row.map((cell) => cell.text))).toEqual([
      ['STT', 'Họ và tên', 'Quan hệ', 'Năm sinh', 'Nước cư trú', 'Nghề nghiệp, nơi làm việc'],
      ['1', 'Trần Ngọc Hân', 'Con gái', '2004', 'Hàn Quốc', 'Sinh viên Đại học Quốc gia Seoul'],
      ...['2', '3', '4', '5'].map((number) => [number, '', '', '', '', '']),
    ]);
    expect(texts).toContain('NGƯỜI CAM KẾT');
  });

  it('gives every relative a row when the record holds more than five', async () => {
    const relatives = Array.from({ length: 7 }, (_, index) => ({
      fullName: `Trần Văn ${index + 1}`,
      relationship: 'Anh ruột',
      country: 'Nhật Bản',
    }));
    const { tables } = await formText('commitment', { ...sampleTripForm(), relativesAbroad: relatives });
    const body = tables[2]?.slice(1) ?? [];
    expect(body.map((row) => [row[0]?.text, row[1]?.text])).toEqual(
      relatives.map((relative, index) => [String(index + 1), relative.fullName]),
    );
  });

  it('reports the trip’s outcome against the permission decision', async () => {
    const { texts } = await formText('return_report');
    expect(texts).toContain('kết quả chuyến đi nước ngoài');
    expect(
      texts.some((text) =>
        text.startsWith('Thực hiện Quyết định số 125-QĐ/ĐU, ngày 25/5/2026 của Ban Thường vụ Đảng ủy xã Vĩnh Trạch cho phép tôi'),
      ),
    ).toBe(true);
    expect(texts).toContain('Xuất cảnh ngày 01/6/2026, nhập cảnh về nước ngày 19/6/2026.');
    expect(texts).toContain('3. Quan hệ, tiếp xúc với tổ chức, cá nhân nước ngoài');
    expect(texts).toContain('Đã thăm con gái, tham dự lễ tốt nghiệp của con.');
    const issues = texts.indexOf('6. Những vấn đề phát sinh, kiến nghị');
    expect(texts[issues + 1]).toMatch(/^…{20,}$/);
    expect(texts).toContain('NGƯỜI BÁO CÁO');
  });

  it('renders the same form as a one-page PDF with embedded fonts', async () => {
    const pdf = await renderTripFormPdf('application', sampleTripForm());
    const text = poppler('pdftotext', pdf).replace(/\s+/g, ' ');
    expect(text).toContain('ĐƠN ĐỀ NGHỊ');
    expect(text).toContain('Họ và tên: NGUYỄN THỊ HỒNG NHUNG');
    expect(text).toContain('Nguyễn Thị Hồng Nhung');
    expect(poppler('pdfinfo', pdf)).toMatch(/Pages:\s+1\n/);
    for (const row of poppler('pdffonts', pdf).trim().split('\n').slice(2)) expect(row).toMatch(/Tinos.*\byes yes yes\b/);
  });
});
