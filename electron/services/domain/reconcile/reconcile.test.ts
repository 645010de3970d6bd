import { beforeAll, describe, expect, it } from 'vitest';
import type { MemberCrossing } from '@shared/contract/reconcile';
import { addDays, civilDateInVietnam } from '@shared/rules/dates';
import { csvText, spelledBytes, utf8, xlsxBytes } from '../../../testkit/importFiles';
import { openTestRegistry, type OpenTestRegistry } from '../../../testkit/registry';

const today = civilDateInVietnam(new Date());
const daysAgo = (days: number) => addDays(today, -days);
const base64 = (content: Uint8Array | string) =>
  Buffer.from(typeof content === 'string' ? utf8(content) : content).toString('base64');

const header = [
  'national_id',
  'full_name',
  'birth_date',
  'direction',
  'date',
  'border_gate',
  'document_type',
  'document_number',
  'country',
];
const stranger = { name: 'Phạm Văn Khách', nationalId: '079190005555' };

/** The police list: Lan's border-pass day trip nobody reported, Hùng's registered trip, a non-member, Bình known only by name and birth date, Hùng leaving on a permitted trip. */
function policeList(): string {
  return csvText([
    header,
    ['089175001234', 'Nguyễn Thị Lan', '12/04/1975', 'xuất', daysAgo(30), 'Cửa khẩu Tịnh Biên', 'border_pass', 'GT123456', 'KH'],
    [
      '089175001234',
      'Nguyễn Thị Lan',
      '12/04/1975',
      'nhập',
      daysAgo(29),
      'Cửa khẩu Tịnh Biên',
      'border_pass',
      'GT123456',
      'Campuchia',
    ],
    ['', 'Trần Văn Hùng', '', 'exit', daysAgo(60), 'Tân Sơn Nhất', 'passport', 'C1234567', 'KR'],
    ['', 'Trần Văn Hùng', '', 'entry', daysAgo(49), 'Tân Sơn Nhất', 'passport', 'C1234567', 'KR'],
    [stranger.nationalId, stranger.name, '', 'exit', daysAgo(20), 'Mộc Bài', 'passport', 'P0001', 'KH'],
    [stranger.nationalId, stranger.name, '', 'entry', daysAgo(18), 'Mộc Bài', 'passport', 'P0001', 'KH'],
    ['', 'Lê Văn Bình', '20/01/1980', 'xuất cảnh', daysAgo(10), 'Cửa khẩu Vĩnh Xương', 'Giấy thông hành', '', 'KH'],
    ['', 'Lê Văn Bình', '20/01/1980', 'nhập cảnh', daysAgo(8), 'Cửa khẩu Vĩnh Xương', 'Giấy thông hành', '', 'KH'],
    ['', 'Trần Văn Hùng', '', 'exit', daysAgo(4), 'Nội Bài', 'passport', 'C1234567', 'JP'],
  ]);
}

const personOf = (crossing: MemberCrossing, documentNumber: string | null = crossing.documentNumber) => ({
  nationalId: crossing.listedNationalId,
  documentNumber,
  fullName: crossing.listedName,
  birthDate: crossing.listedBirthDate,
});

describe('reconciling the border-crossing list on an encrypted registry', () => {
  let registry: OpenTestRegistry;
  const ids: Record<string, string> = {};
  const run = (content: string | Uint8Array = policeList(), fileName = 'danh-sach-xnc.csv', toleranceDays = 2) =>
    registry.call('reconcile.run', { fileName, contentBase64: base64(content), toleranceDays });

  beforeAll(async () => {
    registry = await openTestRegistry();
    const save = async (code: string, fullName: string, extra: Record<string, unknown>) =>
      (ids[code] = (await registry.call('members.save', { code, fullName, cellName: 'Chi bộ ấp Hòa Long', ...extra })).id);
    await save('DV-001', 'Nguyễn Thị Lan', { gender: 'female', birthDate: '1975-04-12', nationalId: '089175001234' });
    await save('DV-002', 'Trần Văn Hùng', { gender: 'male', birthDate: '1968-09-01' });
    await save('DV-003', 'Lê Văn Bình', { gender: 'male', birthDate: '1980-01-20' });
    await registry.call('travelDocuments.save', { memberId: ids['DV-001']!, kind: 'border_pass', number: 'GT123456' });
    await registry.call('travelDocuments.save', { memberId: ids['DV-002']!, kind: 'passport', number: 'C1234567' });
    const trips = csvText([
      [
        'trip_code',
        'member_code',
        'purpose',
        'countries',
        'travel_document',
        'application_date',
        'approval_date',
        'approval_ref',
        'planned_departure',
        'planned_return',
        'actual_departure',
        'actual_return',
        'return_report_date',
      ],
      [
        'CD-1',
        'DV-002',
        'family_visit',
        'KR',
        'passport',
        daysAgo(80),
        daysAgo(70),
        '12-QĐ/ĐU',
        daysAgo(60),
        daysAgo(50),
        daysAgo(60),
        daysAgo(50),
        daysAgo(45),
      ],
      [
        'CD-2',
        'DV-002',
        'tourism',
        'JP',
        'passport',
        daysAgo(20),
        daysAgo(12),
        '30-QĐ/ĐU',
        daysAgo(5),
        addDays(today, 5),
        '',
        '',
        '',
      ],
    ]);
    const imported = await registry.call('import.commit', {
      kind: 'trips',
      fileName: 'chuyen-di.csv',
      contentBase64: base64(trips),
    });
    expect(imported.issues).toEqual([]);
  });

  it('lists a member’s border-pass crossing with no trip as unreported, not a registered trip’s own crossings, and only counts a non-member', async () => {
    const result = await run();
    expect(result).toMatchObject({ issueCount: 0, rows: 9, crossings: 4, unmatchedPersons: 1, toleranceDays: 2 });
    expect(result.unreported).toEqual([
      expect.objectContaining({
        memberCode: 'DV-001',
        fullName: 'Nguyễn Thị Lan',
        exitDate: daysAgo(30),
        entryDate: daysAgo(29),
        country: 'KH',
        documentType: 'border_pass',
        borderGate: 'Cửa khẩu Tịnh Biên',
        match: 'nationalId',
        needsConfirmation: false,
      }),
      expect.objectContaining({
        memberCode: 'DV-003',
        exitDate: daysAgo(10),
        entryDate: daysAgo(8),
        match: 'nameAndBirthDate',
        needsConfirmation: true,
      }),
    ]);
    expect(result.datesDiffer).toEqual([
      expect.objectContaining({
        memberCode: 'DV-002',
        tripCode: 'CD-2',
        kind: 'missing',
        exitDate: daysAgo(4),
        entryDate: null,
        recordedDeparture: null,
        match: 'documentNumber',
      }),
    ]);
    expect(result.stillAbroad).toEqual([]);
    expect(JSON.stringify(result)).not.toContain(stranger.name);
  });

  it('keeps nothing of the list: the non-member is nowhere in the registry, and the audit log has the file and counts only', async () => {
    await run();
    const sqlite = registry.session.requireRegistry().sqlite;
    const tables = (sqlite.prepare(`SELECT name FROM sqlite_master WHERE type = 'table'`).all() as { name: string }[]).map(
      (table) => table.name,
    );
    const everything = JSON.stringify(tables.map((table) => sqlite.prepare(`SELECT * FROM "${table}"`).all()));
    expect(everything).not.toContain(stranger.name);
    expect(everything).not.toContain(stranger.nationalId);
    expect(everything).not.toContain('Mộc Bài');
    const audit = await registry.call('audit.list', { action: 'reconcile.run' });
    expect(audit.total).toBeGreaterThan(0);
    expect(audit.rows[0]!.username).toBe('admin');
    const values = Object.fromEntries(audit.rows[0]!.changes.map((change) => [change.field, change.after]));
    expect(values).toMatchObject({
      fileName: 'danh-sach-xnc.csv',
      rows: 9,
      crossings: 4,
      unreported: 2,
      datesDiffer: 1,
      stillAbroad: 0,
      unmatchedPersons: 1,
      toleranceDays: 2,
    });
  });

  it('creates the trip of an unreported crossing, pre-filled and flagged “xuất cảnh không báo cáo”, counted as a violation in the report', async () => {
    const lan = (await run()).unreported.find((crossing) => crossing.memberCode === 'DV-001')!;
    const trip = await registry.call('reconcile.createTrip', {
      memberId: lan.memberId,
      person: personOf(lan),
      crossing: { exitDate: lan.exitDate, entryDate: lan.entryDate },
      country: lan.country,
      documentType: lan.documentType,
      borderGate: lan.borderGate,
      purpose: 'family_visit',
    });
    expect(trip).toMatchObject({
      memberId: ids['DV-001'],
      state: 'returned',
      purpose: 'family_visit',
      countries: ['KH'],
      travelDocumentKind: 'border_pass',
      actualDeparture: daysAgo(30),
      actualReturn: daysAgo(29),
      unreportedFoundOn: today,
    });
    expect(trip.flags).toEqual(['unreported_departure']);
    expect(trip.flagDetails.map((entry) => [entry.flag, entry.since, entry.open])).toEqual([
      ['unreported_departure', daysAgo(30), true],
    ]);
    expect(trip.notes).toContain('Cửa khẩu Tịnh Biên');
    const audit = await registry.call('audit.list', { action: 'reconcile.create_trip' });
    expect(audit.rows[0]).toMatchObject({ entityId: trip.id, username: 'admin' });

    const again = await run();
    expect(again.unreported.map((crossing) => crossing.memberCode)).toEqual(['DV-003']);
    const report = await registry.call('reports.get', { period: { from: `${today.slice(0, 4)}-01-01`, to: today } });
    expect(report.data.figures.complianceFlags.unreported_departure).toBe(1);
  });

  it('never acts on a match by name and birth date alone, nor on a person who is not the member', async () => {
    const binh = (await run()).unreported.find((crossing) => crossing.memberCode === 'DV-003')!;
    const request = {
      memberId: binh.memberId,
      person: personOf(binh),
      crossing: { exitDate: binh.exitDate, entryDate: binh.entryDate },
      country: binh.country,
      documentType: binh.documentType,
      borderGate: binh.borderGate,
      purpose: 'other_private' as const,
    };
    const tripsBefore = (await registry.call('trips.search', { memberId: binh.memberId })).total;
    expect(await registry.refusal('reconcile.createTrip', request)).toMatchObject({ code: 'RECONCILE_CONFIRMATION_REQUIRED' });
    expect(
      await registry.refusal('reconcile.createTrip', { ...request, memberId: ids['DV-001'], confirmed: true }),
    ).toMatchObject({ code: 'RECONCILE_PERSON_MISMATCH' });
    expect((await registry.call('trips.search', { memberId: binh.memberId })).total).toBe(tripsBefore);
    const confirmed = await registry.call('reconcile.createTrip', { ...request, confirmed: true });
    expect(confirmed.flags).toEqual(['unreported_departure']);
  });

  it('records the list’s dates on a registered trip that lacks them', async () => {
    const hung = (await run()).datesDiffer[0]!;
    const trip = await registry.call('reconcile.recordDates', {
      tripId: hung.tripId,
      person: personOf(hung),
      crossing: { exitDate: hung.exitDate, entryDate: hung.entryDate },
    });
    expect(trip).toMatchObject({ code: 'CD-2', actualDeparture: daysAgo(4), actualReturn: null, state: 'departed' });
    expect((await registry.call('audit.list', { action: 'reconcile.record_dates' })).rows[0]).toMatchObject({
      entityId: hung.tripId,
    });
    expect((await run()).datesDiffer).toEqual([]);
    expect(
      await registry.refusal('reconcile.recordDates', {
        tripId: hung.tripId,
        person: personOf(hung),
        crossing: { exitDate: hung.exitDate, entryDate: null },
      }),
    ).toMatchObject({ code: 'RECONCILE_NOTHING_TO_RECORD' });
  });

  it('keeps nothing from a file with one bad row: every problem as row and column, no lists, no run recorded', async () => {
    const runsBefore = (await registry.call('audit.list', { action: 'reconcile.run' })).total;
    const lines = policeList().split('\n');
    lines[3] = lines[3]!.replace(daysAgo(60), '31/02/2026');
    const result = await run(lines.join('\n'), 'loi.csv');
    expect(result.issues).toEqual([
      expect.objectContaining({
        file: 'loi.csv',
        row: 4,
        column: 'date',
        reason: '“31/02/2026” không phải ngày có thật trên lịch.',
      }),
    ]);
    expect(result).toMatchObject({
      issueCount: 1,
      errorRows: 1,
      unreported: [],
      datesDiffer: [],
      stillAbroad: [],
      unmatchedPersons: 0,
    });
    expect((await registry.call('audit.list', { action: 'reconcile.run' })).total).toBe(runsBefore);
  });

  it('checks every cell: direction, document type, one country, a way to recognise the person, no date to come', async () => {
    const content = csvText([
      header,
      ['12345', 'Người Lạ', '', 'đi', daysAgo(3), '', 'hộ chiếu', '', 'KH;LA'],
      ['', 'Không Có Gì', '', 'exit', addDays(today, 3), '', '', '', ''],
    ]);
    const result = await run(content, 'sai.csv');
    expect(result.issues.map((issue) => [issue.row, issue.column, issue.key])).toEqual([
      [2, 'direction', 'import.enum'],
      [2, 'national_id', 'reconcile.nationalId'],
      [2, 'country', 'reconcile.oneCountry'],
      [3, 'date', 'reconcile.dateInFuture'],
      [3, 'full_name', 'reconcile.identityMissing'],
    ]);
  });

  it('reads a Windows-1258 CSV as Excel on a Vietnamese Windows saves it, with Vietnamese headers and values', async () => {
    // "Họ và tên;CCCD;Xuất/nhập;Ngày;Cửa khẩu" and Lan's exit and entry at Tịnh Biên, byte by byte.
    const lan = ['N', 'g', 'u', 'y', 0xea, 0xde, 'n Th', 'i', 0xf2, ' Lan'];
    const gate = ['C', 0xfd, 0xd2, 'a kh', 0xe2, 0xd2, 'u T', 'i', 0xf2, 'nh Bi', 0xea, 'n'];
    const bytes = spelledBytes(
      'H',
      'o',
      0xf2,
      ' v',
      0xe0,
      ' t',
      0xea,
      'n;CCCD;Xu',
      0xe2,
      0xec,
      't/nh',
      0xe2,
      0xf2,
      'p;Ng',
      0xe0,
      'y;C',
      0xfd,
      0xd2,
      'a kh',
      0xe2,
      0xd2,
      'u\r\n',
      ...lan,
      ';089175001234;xu',
      0xe2,
      0xec,
      't;',
      daysAgo(100),
      ';',
      ...gate,
      '\r\n',
      ...lan,
      ';089175001234;nh',
      0xe2,
      0xf2,
      'p;',
      daysAgo(99),
      ';',
      ...gate,
      '\r\n',
    );
    const result = await run(bytes, 'xnc-excel.csv');
    expect(result).toMatchObject({ issueCount: 0, format: 'csv', textEncoding: 'windows-1258' });
    expect(result.unreported).toEqual([
      expect.objectContaining({
        memberCode: 'DV-001',
        listedName: 'Nguyễn Thị Lan',
        borderGate: 'Cửa khẩu Tịnh Biên',
        exitDate: daysAgo(100),
        entryDate: daysAgo(99),
      }),
    ]);
  });

  it('reads the XLSX template filled in, with the Vietnamese headers', async () => {
    const template = await registry.call('reconcile.template', { format: 'xlsx' });
    expect(template.fileName).toBe('mau-danh-sach-xuat-nhap-canh.xlsx');
    const csvTemplate = await registry.call('reconcile.template', { format: 'csv' });
    const labels = Buffer.from(csvTemplate.contentBase64, 'base64')
      .toString('utf8')
      .replace(/^\ufeff/, '')
      .trim()
      .split(',');
    expect(labels).toEqual([
      'Số CCCD',
      'Họ và tên',
      'Ngày sinh',
      'Xuất/nhập',
      'Ngày xuất/nhập cảnh',
      'Cửa khẩu',
      'Loại giấy tờ',
      'Số giấy tờ',
      'Nước',
    ]);
    const workbook = await xlsxBytes([
      labels,
      ['089175001234', 'Nguyễn Thị Lan', '', 'Xuất cảnh', daysAgo(200), 'Tịnh Biên', 'Giấy thông hành', '', 'Campuchia'],
      ['089175001234', 'Nguyễn Thị Lan', '', 'Nhập cảnh', daysAgo(198), 'Tịnh Biên', 'Giấy thông hành', '', 'Campuchia'],
    ]);
    const result = await run(workbook, 'xnc.xlsx');
    expect(result).toMatchObject({ issueCount: 0, format: 'xlsx' });
    expect(result.unreported).toEqual([
      expect.objectContaining({
        memberCode: 'DV-001',
        exitDate: daysAgo(200),
        entryDate: daysAgo(198),
        documentType: 'border_pass',
        country: 'KH',
      }),
    ]);
  });
});
