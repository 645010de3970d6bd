import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CallInput } from '@shared/contract';
import { formatCount, narrativeTemplate } from '@shared/report/narrative';
import type { ReportData } from '@shared/report/data';
import { docxParts, textOf } from '../../../testkit/documents';
import { openTestRegistry, type OpenTestRegistry } from '../../../testkit/registry';

/**
 * Commune → province → centre through real signed report files, for a period two communes
 * answer differently: one for exactly the period asked, one for a shorter period, one not at all.
 */

const period = { from: '2023-01-01', to: '2024-12-31' };
const otherPeriod = { from: '2023-01-01', to: '2024-11-30' };

let central: OpenTestRegistry;
let province: OpenTestRegistry;
let vinhTrach: OpenTestRegistry;
let binhDuc: OpenTestRegistry;
let anPhu: OpenTestRegistry;

async function trust(office: OpenTestRegistry, other: OpenTestRegistry) {
  const card = await other.call('keys.ownCard', {});
  return office.call('keys.trust', {
    fileName: card.fileName,
    contentBase64: card.contentBase64,
    fingerprint: card.fingerprint.toLowerCase().replace(/ /g, '-'),
  });
}

async function permittedTrip(
  office: OpenTestRegistry,
  code: string,
  dates: { applied: string; approved: string; departure: string; plannedReturn: string },
) {
  const member = await office.call('members.save', { code, fullName: `Đảng viên ${code}`, cellName: 'Chi bộ 1' });
  const trip = await office.call('trips.save', {
    memberId: member.id,
    purpose: 'family_visit',
    selfFunded: true,
    countries: ['KR'],
    plannedDeparture: dates.departure,
    plannedReturn: dates.plannedReturn,
  });
  await office.call('trips.transition', {
    tripId: trip.id,
    transition: 'submit',
    input: { applicationDate: dates.applied, commitmentDate: dates.applied, cellOpinion: 'Đồng ý' },
  });
  await office.call('trips.transition', {
    tripId: trip.id,
    transition: 'approve',
    input: { approvalRef: `${code}-QĐ/ĐU`, approvalDate: dates.approved, approvingCommittee: 'Ban Thường vụ' },
  });
  await office.call('trips.transition', { tripId: trip.id, transition: 'depart', input: { actualDeparture: dates.departure } });
  return trip.id;
}

async function send(from: OpenTestRegistry, to: OpenTestRegistry, forPeriod: { from: string; to: string }) {
  const file = await from.call('packages.export', {
    period: forPeriod,
    includeDocuments: false,
  } satisfies CallInput<'packages.export'>);
  expect(await to.call('packages.import', { fileName: file.fileName, contentBase64: file.contentBase64 })).toMatchObject({
    outcome: 'imported',
  });
}

async function documentText(office: OpenTestRegistry): Promise<string> {
  const file = await office.call('reports.render', { period, format: 'docx' });
  return textOf((await docxParts(Buffer.from(file.contentBase64, 'base64'))).document);
}

beforeAll(async () => {
  central = await openTestRegistry({ code: 'TW', name: 'Ban Tổ chức Trung ương', level: 'central', parentCode: null });
  province = await openTestRegistry({ code: 'ANGIANG', name: 'Tỉnh ủy An Giang', level: 'province', parentCode: 'TW' });
  vinhTrach = await openTestRegistry({
    code: 'VINHTRACH',
    name: 'Đảng ủy xã Vĩnh Trạch',
    level: 'commune',
    parentCode: 'ANGIANG',
  });
  binhDuc = await openTestRegistry({ code: 'BINHDUC', name: 'Đảng ủy phường Bình Đức', level: 'commune', parentCode: 'ANGIANG' });
  anPhu = await openTestRegistry({ code: 'ANPHU', name: 'Đảng ủy xã An Phú', level: 'commune', parentCode: 'ANGIANG' });
  for (const commune of [vinhTrach, binhDuc, anPhu]) {
    await trust(province, commune);
    await trust(commune, province);
  }
  await trust(province, central);
  await trust(central, province);

  // Left in 2022 and still abroad without permission: a stock the 2023–2024 report must count.
  const stayed = await permittedTrip(vinhTrach, 'VT-2022', {
    applied: '2022-02-01',
    approved: '2022-02-15',
    departure: '2022-03-01',
    plannedReturn: '2022-04-01',
  });
  await vinhTrach.call('trips.transition', {
    tripId: stayed,
    transition: 'record_unauthorised_stay',
    input: { recordedOn: '2022-05-02' },
  });
  const returned = await permittedTrip(vinhTrach, 'VT-2023', {
    applied: '2023-05-02',
    approved: '2023-05-10',
    departure: '2023-06-01',
    plannedReturn: '2023-06-15',
  });
  await vinhTrach.call('trips.transition', { tripId: returned, transition: 'return', input: { actualReturn: '2023-06-14' } });
  const married = await vinhTrach.call('members.save', { code: 'VT-KH', fullName: 'Đảng viên kết hôn', cellName: 'Chi bộ 1' });
  await vinhTrach.call('activityEvents.save', {
    memberId: married.id,
    kind: 'foreign_marriage',
    effectiveDate: '2024-03-05',
    spouseCountry: 'TW',
    marriageOutcome: 'exempted',
  });
  for (const code of ['BD-1', 'BD-2']) {
    const trip = await permittedTrip(binhDuc, code, {
      applied: '2024-03-01',
      approved: '2024-03-10',
      departure: '2024-04-01',
      plannedReturn: '2024-04-10',
    });
    await binhDuc.call('trips.transition', { tripId: trip, transition: 'return', input: { actualReturn: '2024-04-10' } });
  }

  await send(vinhTrach, province, period);
  await send(binhDuc, province, otherPeriod);
  await send(province, central, period);
}, 180_000);

afterAll(() => {
  for (const office of [central, province, vinhTrach, binhDuc, anPhu]) office.session.dispose();
});

describe('coverage of a province’s report', () => {
  it('names the file for another period and the silent unit, and counts neither', async () => {
    const { data } = await province.call('reports.get', { period });
    expect(data.units?.map((unit) => [unit.code, unit.status, unit.from, unit.to])).toEqual([
      ['ANPHU', 'missing', undefined, undefined],
      ['BINHDUC', 'period_differs', otherPeriod.from, otherPeriod.to],
      ['VINHTRACH', 'submitted', undefined, undefined],
    ]);
    expect(data.figures.permitted).toBe(1);
    const status = await province.call('rounds.completeness', { period });
    expect([status.submitted, status.late, status.missing, status.periodDiffers]).toEqual([1, 0, 1, 1]);
  });

  it('says so above the figures and lists every unit in an annex of the document', async () => {
    const text = await documentText(province);
    expect(text).toContain(
      'Số liệu chưa bao gồm 02 đơn vị: Đảng ủy xã An Phú (chưa gửi báo cáo), Đảng ủy phường Bình Đức (báo cáo gửi cho kỳ từ 01/01/2023 đến 30/11/2024).',
    );
    expect(text.indexOf('Số liệu chưa bao gồm')).toBeLessThan(text.indexOf('Phần thứ nhất'));
    expect(text).toContain('DANH SÁCH ĐƠN VỊ ĐÃ GỬI, GỬI MUỘN, CHƯA GỬI BÁO CÁO');
    expect(text).toContain('Gửi báo cáo kỳ khác (01/01/2023 – 30/11/2024)');
  });

  it('gives the same list a sheet of its own in the workbook', async () => {
    const file = await province.call('reports.render', { period, format: 'xlsx' });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(file.contentBase64, 'base64') as unknown as Parameters<typeof workbook.xlsx.load>[0]);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual([
      'Phụ lục 01',
      'Phụ lục 02',
      'Phụ lục 03',
      'Đơn vị gửi báo cáo',
    ]);
    const sheet = workbook.getWorksheet('Đơn vị gửi báo cáo')!;
    const cells: string[] = [];
    sheet.eachRow((row) => row.eachCell((cell) => cells.push(String(cell.value))));
    expect(cells).toEqual(
      expect.arrayContaining([
        'Đảng ủy xã An Phú',
        'Chưa gửi',
        'Đảng ủy phường Bình Đức',
        'Gửi báo cáo kỳ khác (01/01/2023 – 30/11/2024)',
        'Đảng ủy xã Vĩnh Trạch',
        'Đã gửi',
      ]),
    );
    expect(cells.some((value) => value.startsWith('Số liệu chưa bao gồm 02 đơn vị'))).toBe(true);
  });

  it('counts a member abroad without permission since 2022 among the period’s unauthorised stays', async () => {
    const { data, narrative } = await province.call('reports.get', { period });
    expect(data.appendix02.stayedBeyondTerm).toEqual({ total: 1, permitted: 0, unauthorised: 1 });
    expect(data.figures.abroadNow).toBe(1);
    const duties = narrative.sections.find((section) => section.id === 'part1.results.duties')!.paragraphs.join('\n');
    expect(duties).toContain('tự ý ở lại 01 trường hợp');
    expect(duties).not.toContain('không có trường hợp tự ý ở lại');
  });

  it('names the units of marriages to foreigners and their outcomes in a footnote, as the model report does', async () => {
    const { data } = await province.call('reports.get', { period });
    expect(data.marriages).toEqual([{ unit: 'Đảng ủy xã Vĩnh Trạch', outcome: 'exempted' }]);
    const footnotes = textOf(
      (await docxParts(Buffer.from((await province.call('reports.render', { period, format: 'docx' })).contentBase64, 'base64')))
        .footnotes,
    );
    expect(footnotes).toContain('Đảng ủy xã Vĩnh Trạch: 01 trường hợp (01 cho miễn sinh hoạt đảng).');
  });

  it('does not praise strict compliance when the figures show a breach, and asks for guidance', async () => {
    const { narrative } = await province.call('reports.get', { period });
    const section = (id: string) => narrative.sections.find((candidate) => candidate.id === id)!.paragraphs.join('\n');
    expect(section('part1.assessment.strengths.results')).not.toContain('chấp hành nghiêm');
    expect(section('part1.assessment.weaknesses.results')).toContain('01 đảng viên tự ý ở lại nước ngoài sau khi hết thời hạn');
    expect(section('part2.proposals')).not.toBe('Không có.');
  });

  it('is headed as a Tỉnh ủy’s report to the Centre', async () => {
    const { meta } = await province.call('reports.get', { period });
    expect(meta).toMatchObject({ symbol: 'TU', place: 'An Giang', level: 'province' });
    const text = await documentText(province);
    expect(text).toMatch(/Số\s+-BC\/TU/);
    expect(text).not.toContain('-BC/ĐU');
    expect(text).toContain('An Giang, ngày');
    expect(text).toContain('- Ban Tổ chức Trung ương,');
    expect(text).toContain('các cấp ủy, tổ chức đảng trực thuộc');
    expect(text).not.toContain('Các chi bộ trực thuộc');
    expect(text).toMatch(/Kèm theo Báo cáo số\s+-BC\/TU, ngày/);
  });
});

/** Every `{token}` of the template, and the report data's value it must print, worked out here from the data alone. */
function expectedFigures(data: ReportData): Record<string, number> {
  const { figures, appendix02, appendix03 } = data;
  const flags = figures.complianceFlags;
  return {
    permitted: figures.permitted,
    official: figures.official,
    selfFundedOrPrivate: figures.selfFundedOrPrivate,
    under1m: appendix02.total.under1m,
    from1to3m: appendix02.total.from1to3m,
    from3to12m: appendix02.total.from3to12m,
    over12m: appendix02.total.over12m,
    temporaryTransfers: figures.temporaryTransfers,
    officialTransfers: figures.officialTransfers,
    exemptions: figures.exemptions,
    marriagesToForeigners: figures.marriagesToForeigners,
    leftParty: figures.leftParty,
    abroadNow: figures.abroadNow,
    stayedBeyondTerm: appendix02.stayedBeyondTerm.total,
    stayedPermitted: appendix02.stayedBeyondTerm.permitted,
    stayedUnauthorised: appendix02.stayedBeyondTerm.unauthorised,
    labourTransferredOut: appendix03.total.transferredOut,
    labourTransferredBack: appendix03.total.transferredBack,
    labourNotTransferredBack: appendix03.total.notTransferredBack,
    enterpriseCommittees: appendix03.enterprise.committees,
    enterpriseCells: appendix03.enterprise.cells,
    enterpriseMembers: appendix03.enterprise.members,
    issuedDocumentCount: data.appendix01.length,
    violations: Object.values(flags).reduce((sum, value) => sum + value, 0),
    departedWithoutApproval: flags.departed_without_approval ?? 0,
    missingApplication: flags.missing_application ?? 0,
    applicationLate: flags.application_late ?? 0,
    overstayWithoutExtension: flags.overstay_without_extension ?? 0,
    returnReportOverdue: flags.return_report_overdue ?? 0,
    activityTransferMissing: flags.activity_transfer_missing ?? 0,
    borderPassUnreported: flags.border_pass_unreported ?? 0,
    foreignMarriageUnprocessed: flags.foreign_marriage_unprocessed ?? 0,
  };
}

describe('the numbers the narrative quotes', () => {
  it('equal the report data’s, at the province and at the centre', async () => {
    for (const office of [province, central]) {
      const draft = await office.call('reports.get', { period });
      const expected = expectedFigures(draft.data);
      const template = narrativeTemplate(draft.data, draft.meta);
      let quoted = 0;
      template.sections.forEach((section, sectionIndex) => {
        section.paragraphs.forEach((paragraph, paragraphIndex) => {
          // Every figure token of the template, filled from the data by this test, gives the printed paragraph.
          const filledHere = paragraph.replace(/\{(\w+)\}/g, (whole, name: string) => {
            if (!(name in expected)) return whole;
            quoted += 1;
            return formatCount(expected[name]!);
          });
          const printed = draft.narrative.sections[sectionIndex]!.paragraphs[paragraphIndex]!;
          const tokensLeft = [...filledHere.matchAll(/\{(\w+)\}/g)].map((match) => match[1]);
          expect(tokensLeft.every((name) => !/^\d/.test(name ?? ''))).toBe(true);
          if (tokensLeft.length === 0) expect(printed).toBe(filledHere);
          else {
            // Text tokens (period, author, documents) are not numbers; the numbers around them must still match.
            const pattern = new RegExp(
              `^${filledHere
                .split(/\{\w+\}/)
                .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
                .join('[^]*?')}$`,
            );
            expect(printed).toMatch(pattern);
          }
        });
      });
      expect(quoted).toBeGreaterThan(5);
    }
  });
});

describe('the centre’s report', () => {
  it('is a national summary numbered -BC/BTCTW and dated at Hà Nội', async () => {
    const { data, meta } = await central.call('reports.get', { period });
    expect(data.units?.map((unit) => [unit.code, unit.status])).toEqual([['ANGIANG', 'submitted']]);
    expect(meta).toMatchObject({ symbol: 'BTCTW', place: 'Hà Nội', level: 'central' });
    const text = await documentText(central);
    expect(text).toContain('-BC/BTCTW');
    expect(text).toMatch(/Hà Nội, ngày \d\d tháng \d+ năm \d{4}/);
    expect(text).toContain('Ban Tổ chức Trung ương báo cáo kết quả');
    expect(text).not.toContain('Ban Thường vụ Ban Tổ chức Trung ương');
    expect(text).toContain('các tỉnh ủy, thành ủy, đảng ủy trực thuộc Trung ương');
    expect(text).toContain('toàn Đảng có');
    expect(text).not.toContain('các chi bộ');
    expect(text).not.toContain('toàn Đảng bộ');
  });
});
