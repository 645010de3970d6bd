import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, civilDateInVietnam, formatCivilDate } from '@shared/rules/dates';
import { keepFirstPageAsPng, pdfPages, poppler } from '../../../testkit/documents';
import { openTestRegistry, type OpenTestRegistry } from '../../../testkit/registry';

const today = civilDateInVietnam(new Date());

function pdfOf(file: { contentBase64: string }): Buffer {
  return Buffer.from(file.contentBase64, 'base64');
}

/** Every page's text with runs of spaces folded, so table cells read as words. */
function textOf(pdf: Buffer): string {
  return pdfPages(pdf)
    .join('\n')
    .replace(/[ \t]+/g, ' ');
}

function allPagesLandscape(pdf: Buffer): boolean {
  const pages = Number(/^Pages:\s+(\d+)/m.exec(poppler('pdfinfo', pdf))?.[1]);
  const sizes = poppler('pdfinfo', pdf, ['-f', '1', '-l', String(pages)])
    .split('\n')
    .filter((line) => /^Page\s+\d+ size:/.test(line));
  return sizes.length === pages && sizes.every((line) => /size:\s+841\.89 x 595\.28/.test(line));
}

/** Members abroad now, an overdue return report, and two cells, in a real registry, printed as the screens filter them. */
describe('printed lists', () => {
  let registry: OpenTestRegistry;

  beforeAll(async () => {
    registry = await openTestRegistry();
    const abroad = await registry.call('members.save', {
      code: 'DV-0001',
      fullName: 'Đặng Thị Hoà',
      cellName: 'Chi bộ ấp Tây Bình',
    });
    const returned = await registry.call('members.save', {
      code: 'DV-0002',
      fullName: 'Lê Văn Bảy',
      cellName: 'Chi bộ ấp Trung Bình',
    });
    await registry.call('members.save', { code: 'DV-0003', fullName: 'Phan Thị Cúc', cellName: 'Chi bộ ấp Tây Bình' });
    const journey = (memberId: string, departure: string, country: string) =>
      registry.call('trips.save', {
        memberId,
        purpose: 'family_visit',
        selfFunded: true,
        countries: [country],
        travelDocumentKind: 'passport',
        plannedDeparture: departure,
        plannedReturn: addDays(departure, 60),
      });
    const approveAndLeave = async (tripId: string, departure: string) => {
      await registry.call('trips.transition', {
        tripId,
        transition: 'submit',
        input: { applicationDate: addDays(departure, -20), commitmentDate: addDays(departure, -20), cellOpinion: 'Đồng ý' },
      });
      await registry.call('trips.transition', {
        tripId,
        transition: 'approve',
        input: {
          approvalRef: '15-QĐ/ĐU',
          approvalDate: addDays(departure, -10),
          approvingCommittee: 'Ban Thường vụ Đảng ủy xã Vĩnh Trạch',
        },
      });
      await registry.call('trips.transition', { tripId, transition: 'depart', input: { actualDeparture: departure } });
    };
    const away = await journey(abroad.id, addDays(today, -10), 'TW');
    await approveAndLeave(away.id, addDays(today, -10));
    const back = await journey(returned.id, addDays(today, -100), 'JP');
    await approveAndLeave(back.id, addDays(today, -100));
    await registry.call('trips.transition', {
      tripId: back.id,
      transition: 'return',
      input: { actualReturn: addDays(today, -40) },
    });
  });

  afterAll(() => registry.session.dispose());

  it('prints the members abroad now on landscape A4 under the unit heading, with the date and the rows', async () => {
    const file = await registry.call('lists.printTrips', { abroadNow: true });
    expect(file.fileName).toBe(`DangVienDangONuocNgoai_${formatCivilDate(today).replace(/\//g, '-')}.pdf`);
    const pdf = pdfOf(file);
    expect(allPagesLandscape(pdf)).toBe(true);
    const text = textOf(pdf);
    expect(text).toContain('ĐẢNG ỦY XÃ VĨNH TRẠCH');
    expect(text).toContain('DANH SÁCH ĐẢNG VIÊN ĐANG Ở NƯỚC NGOÀI');
    expect(text).toContain(`Tính đến ngày ${formatCivilDate(today)}: 1 dòng`);
    expect(text).toContain('Đặng Thị Hoà');
    expect(text).toContain('Đài Loan (Trung Quốc)');
    expect(text).not.toContain('Lê Văn Bảy');
    keepFirstPageAsPng(pdf, 'printed-list-abroad');
  });

  it('prints the overdue return reports still to chase', async () => {
    const pdf = pdfOf(await registry.call('lists.printTrips', { flag: 'return_report_overdue', openFlagsOnly: true }));
    const text = textOf(pdf);
    expect(text).toContain('DANH SÁCH ĐẢNG VIÊN QUÁ HẠN BÁO CÁO KẾT QUẢ CHUYẾN ĐI');
    expect(text).toContain('Cảnh báo còn phải xử lý: Quá hạn báo cáo kết quả chuyến đi');
    expect(text).toContain('Lê Văn Bảy');
    expect(text).toContain(`${formatCivilDate(addDays(today, -100))} – ${formatCivilDate(addDays(today, -40))}`);
    expect(text).toContain('Đã về nước');
    expect(text).not.toContain('Đặng Thị Hoà');
  });

  it("prints a cell's members only, and says so when a list is empty", async () => {
    const cells = await registry.call('cells.list', {});
    const tayBinh = cells.find((cell) => cell.name === 'Chi bộ ấp Tây Bình')!;
    const file = await registry.call('lists.printMembers', { cellId: tayBinh.id });
    expect(file.fileName).toMatch(/^DangVienChiBo_\d{2}-\d{2}-\d{4}\.pdf$/);
    const text = textOf(pdfOf(file));
    expect(text).toContain('DANH SÁCH ĐẢNG VIÊN CHI BỘ');
    expect(text).toContain('Đặng Thị Hoà');
    expect(text).toContain('Phan Thị Cúc');
    expect(text).not.toContain('Lê Văn Bảy');
    expect(text).toContain(': 2 dòng');

    const empty = textOf(pdfOf(await registry.call('lists.printTrips', { query: 'không có ai tên này' })));
    expect(empty).toContain('Không có dòng nào.');
  });

  it('refuses a cell that does not exist and a malformed filter', async () => {
    expect((await registry.refusal('lists.printMembers', { cellId: '00000000-0000-4000-8000-000000000000' })).code).toBe(
      'NOT_FOUND',
    );
    expect((await registry.refusal('lists.printTrips', { state: 'somewhere' })).code).toBe('VALIDATION');
  });
});
