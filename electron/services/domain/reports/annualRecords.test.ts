import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '@db/schema';
import { auditActionLabel, auditFieldLabel } from '@shared/audit/labels';
import { verifyAuditChain } from '../../storage/audit';
import {
  docxParts,
  docxTables,
  keepFirstPageAsPng,
  libreOfficeAvailable,
  libreOfficePdfs,
  paragraphTexts,
  pdfPages,
} from '../../../testkit/documents';
import { openTestRegistry, type OpenTestRegistry } from '../../../testkit/registry';

const viewerPassword = 'mật khẩu người xem 2026';
const committee = 'Ban Thường vụ Đảng ủy xã Vĩnh Trạch';

/** Members and trips in a real encrypted registry, and the supplements of 2026 the registry prints from them. */
describe('annual record supplements', () => {
  let registry: OpenTestRegistry;
  const ids: Record<string, string> = {};

  async function trip(
    memberId: string,
    plan: {
      countries: string[];
      from: string;
      to: string;
      approval?: string;
      travelled?: { from: string; to: string };
      cancel?: boolean;
    },
  ) {
    const created = await registry.call('trips.save', {
      memberId,
      purpose: 'family_visit',
      selfFunded: true,
      countries: plan.countries,
      travelDocumentKind: 'passport',
      plannedDeparture: plan.from,
      plannedReturn: plan.to,
    });
    const tripId = created.id;
    await registry.call('trips.transition', {
      tripId,
      transition: 'submit',
      input: { applicationDate: plan.from, commitmentDate: plan.from, cellOpinion: 'Đồng ý' },
    });
    if (plan.cancel) {
      await registry.call('trips.transition', {
        tripId,
        transition: 'cancel',
        input: { cancelledOn: plan.from, reason: 'Gia đình đổi kế hoạch' },
      });
      return;
    }
    await registry.call('trips.transition', {
      tripId,
      transition: 'approve',
      input: { approvalRef: plan.approval ?? '15-QĐ/ĐU', approvalDate: plan.from, approvingCommittee: committee },
    });
    if (!plan.travelled) return;
    await registry.call('trips.transition', { tripId, transition: 'depart', input: { actualDeparture: plan.travelled.from } });
    await registry.call('trips.transition', { tripId, transition: 'return', input: { actualReturn: plan.travelled.to } });
  }

  beforeAll(async () => {
    registry = await openTestRegistry();
    const member = (code: string, fullName: string, cellName: string) =>
      registry.call('members.save', { code, fullName, cellName, birthDate: '1970-04-02' });
    ids.hoa = (await member('DV-0001', 'Đặng Thị Hoà', 'Chi bộ ấp Tây Bình')).id;
    ids.binh = (await member('DV-0002', 'Lê Văn Bình', 'Chi bộ ấp Tây Bình')).id;
    ids.cuong = (await member('DV-0003', 'Trần Quốc Cường', 'Chi bộ ấp Đông Bình')).id;
    // No longer declaring: a cell with only them has no supplements to chase.
    await registry.call('members.save', {
      code: 'DV-0004',
      fullName: 'Võ Văn Tám',
      cellName: 'Chi bộ ấp Bắc Bình',
      status: 'deceased',
    });
    const archived = await member('DV-0005', 'Phan Thị Mười', 'Chi bộ ấp Bắc Bình');
    await registry.call('members.archive', { id: archived.id, archived: true });
    await trip(ids.hoa, {
      countries: ['KR'],
      from: '2026-03-01',
      to: '2026-03-10',
      approval: '15-QĐ/ĐU',
      travelled: { from: '2026-03-01', to: '2026-03-12' },
    });
    await trip(ids.hoa, {
      countries: ['LA', 'TH'],
      from: '2026-08-01',
      to: '2026-08-05',
      approval: '40-QĐ/ĐU',
      travelled: { from: '2026-08-02', to: '2026-08-05' },
    });
    await trip(ids.hoa, {
      countries: ['JP'],
      from: '2025-05-01',
      to: '2025-05-09',
      approval: '9-QĐ/ĐU',
      travelled: { from: '2025-05-01', to: '2025-05-09' },
    });
    await trip(ids.cuong, { countries: ['CN'], from: '2026-06-01', to: '2026-06-03', cancel: true });
    await registry.call('users.create', {
      username: 'nguoixem',
      displayName: 'Người Xem',
      role: 'viewer',
      password: viewerPassword,
      passwordConfirm: viewerPassword,
    });
  }, 120_000);

  afterAll(() => registry.session.dispose());

  async function memberPage(code: string) {
    const file = await registry.call('annualRecords.render', {
      year: 2026,
      scope: { kind: 'member', memberCode: code },
      format: 'docx',
    });
    const { document } = await docxParts(Buffer.from(file.contentBase64, 'base64'));
    return { texts: paragraphTexts(document), tables: docxTables(document), file };
  }

  it('lists a member’s two trips of the year and leaves out the one of another year', async () => {
    const { texts, tables, file } = await memberPage('DV-0001');
    expect(file.fileName).toBe('KeKhaiBoSungLyLich_2026_DangThiHoa.docx');
    expect(texts).toContain('BẢN KÊ KHAI BỔ SUNG LÝ LỊCH ĐẢNG VIÊN NĂM 2026');
    expect(texts).toContain('Phần đi nước ngoài');
    expect(texts).toContain('Trong năm 2026, tôi đã đi nước ngoài 2 lần, cụ thể như sau:');
    const trips = tables.find((table) => table[0]?.[0]?.text === 'STT')!;
    expect(trips.slice(1).map((row) => row.map((cell) => cell.text))).toEqual([
      [
        '1',
        '01/03/2026 – 12/03/2026',
        'Hàn Quốc',
        'Thăm thân',
        `Quyết định số 15-QĐ/ĐU ngày 01/03/2026 của ${committee}`,
        'Vẫn sinh hoạt tại chi bộ',
      ],
      [
        '2',
        '02/08/2026 – 05/08/2026',
        'Lào, Thái Lan',
        'Thăm thân',
        `Quyết định số 40-QĐ/ĐU ngày 01/08/2026 của ${committee}`,
        'Vẫn sinh hoạt tại chi bộ',
      ],
    ]);
    expect(texts.join('\n')).not.toContain('Nhật Bản');
  });

  it('says a member without trips did not go abroad, and leaves a cancelled trip out', async () => {
    expect((await memberPage('DV-0002')).texts).toContain('Không đi nước ngoài trong năm 2026.');
    const cuong = await memberPage('DV-0003');
    expect(cuong.texts).toContain('Không đi nước ngoài trong năm 2026.');
    expect(cuong.texts.join('\n')).not.toContain('Trung Quốc');
  });

  it('prints a whole cell one member to a page, in the application’s PDF too', async () => {
    const pdf = await registry.call('annualRecords.render', {
      year: 2026,
      scope: { kind: 'cell', cellName: 'chi bộ ấp tây bình' },
      format: 'pdf',
    });
    expect(pdf.members).toBe(2);
    const pages = pdfPages(Buffer.from(pdf.contentBase64, 'base64'));
    expect(pages).toHaveLength(2);
    // Vietnamese lists order by the given name: Bình before Hoà.
    expect(pages[0]).toContain('LÊ VĂN BÌNH');
    expect(pages[0]).toContain('Không đi nước ngoài trong năm 2026.');
    expect(pages[1]).toContain('ĐẶNG THỊ HOÀ');
    expect(pages[1]).toContain('Sinh ngày: 02/04/1970');
    const everyone = await registry.call('annualRecords.render', { year: 2026, scope: { kind: 'all' }, format: 'docx' });
    expect(everyone.members).toBe(3);
  });

  it('refuses an unknown member code or cell name by name', async () => {
    expect(
      await registry.refusal('annualRecords.render', { year: 2026, scope: { kind: 'member', memberCode: 'DV-9999' } }),
    ).toMatchObject({ code: 'ANNUAL_RECORD_MEMBER_UNKNOWN' });
    expect(
      await registry.refusal('annualRecords.render', { year: 2026, scope: { kind: 'cell', cellName: 'Chi bộ không có' } }),
    ).toMatchObject({ code: 'ANNUAL_RECORD_CELL_UNKNOWN' });
    expect((await registry.refusal('annualRecords.list', { year: 1800 })).code).toBe('VALIDATION');
  });

  it('counts receipts per cell as they are marked and taken back, each audited', async () => {
    const before = await registry.call('annualRecords.list', { year: 2026 });
    expect(before.outstanding).toBe(3);
    expect(before.cells.map(({ cellName, members, outstanding }) => ({ cellName, members, outstanding }))).toEqual([
      { cellName: 'Chi bộ ấp Đông Bình', members: 1, outstanding: 1 },
      { cellName: 'Chi bộ ấp Tây Bình', members: 2, outstanding: 2 },
    ]);
    expect(before.members.find((entry) => entry.code === 'DV-0001')?.tripCount).toBe(2);
    const summaryMatchesList = async (year: number) => {
      const { members: _members, ...counts } = await registry.call('annualRecords.list', { year });
      expect(await registry.call('annualRecords.summary', { year })).toEqual(counts);
    };
    await summaryMatchesList(2026);

    const marked = await registry.call('annualRecords.markReceived', {
      memberId: ids.hoa!,
      year: 2026,
      receivedOn: '2026-12-01',
    });
    expect(marked).toMatchObject({ receivedOn: '2026-12-01', recordedBy: 'Quản trị viên' });
    await registry.call('annualRecords.markReceived', { memberId: ids.binh!, year: 2026, receivedOn: '2026-12-02' });
    const afterMarks = await registry.call('annualRecords.list', { year: 2026 });
    expect(afterMarks.outstanding).toBe(1);
    expect(afterMarks.cells.find((cell) => cell.cellName === 'Chi bộ ấp Tây Bình')?.outstanding).toBe(0);
    expect((await registry.call('annualRecords.list', { year: 2025 })).outstanding).toBe(3);
    await summaryMatchesList(2026);
    await summaryMatchesList(2025);

    const unmarked = await registry.call('annualRecords.unmarkReceived', { memberId: ids.binh!, year: 2026 });
    expect(unmarked.receivedOn).toBeNull();
    const tayBinh = before.cells.find((cell) => cell.cellName === 'Chi bộ ấp Tây Bình')!.cellId;
    const cellList = await registry.call('annualRecords.list', { year: 2026, cellId: tayBinh });
    expect(cellList.members.map((entry) => [entry.code, entry.receivedOn])).toEqual([
      ['DV-0002', null],
      ['DV-0001', '2026-12-01'],
    ]);
    expect(cellList.cells.find((cell) => cell.cellId === tayBinh)?.outstanding).toBe(1);

    const db = registry.session.requireRegistry().db;
    const rows = db
      .select()
      .from(auditLog)
      .all()
      .filter((row) => row.action.startsWith('annual_record.'));
    expect(rows.map((row) => [row.action, row.entityId, row.outcome])).toEqual([
      ['annual_record.receive', ids.hoa, 'done'],
      ['annual_record.receive', ids.binh, 'done'],
      ['annual_record.unreceive', ids.binh, 'done'],
    ]);
    expect(verifyAuditChain(registry.session.requireRegistry()).ok).toBe(true);
    const { rows: logged } = await registry.call('audit.list', { action: 'annual_record.unreceive' });
    expect(logged[0]?.subject?.member).toContain('Lê Văn Bình');
    expect(logged[0]?.changes.map(({ field, before }) => [auditFieldLabel('vi', 'member', field), before])).toEqual([
      ['Ngày nhận', '2026-12-02'],
      ['Năm', 2026],
    ]);
    expect(auditActionLabel('vi', 'annual_record.unreceive')).toBe('Bỏ đánh dấu đã nhận bản kê khai bổ sung lý lịch');
  });

  it('refuses a receipt dated in the future or before the year, and taking back one never marked', async () => {
    expect(
      await registry.refusal('annualRecords.markReceived', { memberId: ids.cuong, year: 2026, receivedOn: '2099-01-01' }),
    ).toMatchObject({
      code: 'VALIDATION',
      issues: [{ path: ['receivedOn'], key: 'annualRecord.receivedInFuture' }],
    });
    expect(
      await registry.refusal('annualRecords.markReceived', { memberId: ids.cuong, year: 2026, receivedOn: '2025-12-31' }),
    ).toMatchObject({
      issues: [{ path: ['receivedOn'], key: 'annualRecord.receivedBeforeYear' }],
    });
    expect((await registry.refusal('annualRecords.unmarkReceived', { memberId: ids.cuong, year: 2026 })).code).toBe(
      'ANNUAL_RECORD_NOT_RECEIVED',
    );
  });

  it('lets a viewer read and print but refuses the viewer’s receipt, and audits the refusal', async () => {
    await registry.call('session.lock', {});
    await registry.call('session.unlock', { username: 'nguoixem', password: viewerPassword });
    expect((await registry.call('annualRecords.list', { year: 2026 })).members).toHaveLength(3);
    expect(
      (await registry.call('annualRecords.render', { year: 2026, scope: { kind: 'member', memberCode: 'DV-0002' } })).members,
    ).toBe(1);
    expect(
      (await registry.refusal('annualRecords.markReceived', { memberId: ids.cuong, year: 2026, receivedOn: '2026-12-01' })).code,
    ).toBe('FORBIDDEN');
    expect((await registry.refusal('annualRecords.unmarkReceived', { memberId: ids.hoa, year: 2026 })).code).toBe('FORBIDDEN');
    const db = registry.session.requireRegistry().db;
    const refused = db
      .select()
      .from(auditLog)
      .all()
      .filter((row) => row.outcome === 'refused');
    expect(refused.map((row) => [row.action, row.username])).toEqual([
      ['annualRecords.markReceived', 'nguoixem'],
      ['annualRecords.unmarkReceived', 'nguoixem'],
    ]);
    expect((await registry.call('annualRecords.list', { year: 2026 })).outstanding).toBe(2);
  });

  it.runIf(libreOfficeAvailable())(
    'opens in a word processor one member to a page, and leaves a picture of a supplement in the test artefacts',
    async () => {
      const cell = await registry.call('annualRecords.render', {
        year: 2026,
        scope: { kind: 'cell', cellName: 'Chi bộ ấp Tây Bình' },
        format: 'docx',
      });
      const member = await registry.call('annualRecords.render', {
        year: 2026,
        scope: { kind: 'member', memberCode: 'DV-0001' },
        format: 'docx',
      });
      const pdfs = libreOfficePdfs({
        cell: Buffer.from(cell.contentBase64, 'base64'),
        member: Buffer.from(member.contentBase64, 'base64'),
      });
      const pages = pdfPages(pdfs.cell!);
      expect(pages).toHaveLength(2);
      expect(pages[0]).toContain('LÊ VĂN BÌNH');
      expect(pages[1]).toContain('ĐẶNG THỊ HOÀ');
      expect(pages[1]).toContain('NGƯỜI KÊ KHAI');
      expect(pdfPages(pdfs.member!)).toHaveLength(1);
      keepFirstPageAsPng(pdfs.member!, 'annual-record-supplement');
    },
    240_000,
  );
});

describe('trips across the turn of a year', () => {
  it('lists a stay over New Year, and a member still abroad, in every year they touch', async () => {
    const registry = await openTestRegistry();
    try {
      const travel = async (
        code: string,
        fullName: string,
        departure: string,
        plannedReturn: string,
        actualReturn: string | null,
      ) => {
        const member = await registry.call('members.save', { code, fullName, cellName: 'Chi bộ ấp Tây Bình' });
        const { id: tripId } = await registry.call('trips.save', {
          memberId: member.id,
          purpose: 'family_visit',
          selfFunded: true,
          countries: ['JP'],
          travelDocumentKind: 'passport',
          plannedDeparture: departure,
          plannedReturn,
        });
        await registry.call('trips.transition', {
          tripId,
          transition: 'submit',
          input: { applicationDate: '2025-10-01', commitmentDate: '2025-10-01', cellOpinion: 'Đồng ý' },
        });
        await registry.call('trips.transition', {
          tripId,
          transition: 'approve',
          input: { approvalRef: '30-QĐ/ĐU', approvalDate: '2025-10-05', approvingCommittee: committee },
        });
        await registry.call('trips.transition', { tripId, transition: 'depart', input: { actualDeparture: departure } });
        if (actualReturn) await registry.call('trips.transition', { tripId, transition: 'return', input: { actualReturn } });
      };
      await travel('DV-0101', 'Ngô Văn Tết', '2025-12-20', '2025-12-30', '2026-01-03');
      await travel('DV-0102', 'Vũ Thị Xa', '2025-11-01', '2025-11-30', null);
      const tripCounts = async (year: number) =>
        (await registry.call('annualRecords.list', { year })).members.map((entry) => [entry.code, entry.tripCount]);
      expect(await tripCounts(2024)).toEqual([
        ['DV-0101', 0],
        ['DV-0102', 0],
      ]);
      expect(await tripCounts(2025)).toEqual([
        ['DV-0101', 1],
        ['DV-0102', 1],
      ]);
      expect(await tripCounts(2026)).toEqual([
        ['DV-0101', 1],
        ['DV-0102', 1],
      ]);
      const file = await registry.call('annualRecords.render', {
        year: 2026,
        scope: { kind: 'member', memberCode: 'DV-0102' },
        format: 'docx',
      });
      const texts = paragraphTexts((await docxParts(Buffer.from(file.contentBase64, 'base64'))).document);
      expect(texts).toContain('01/11/2025 – nay (đang ở nước ngoài)');
    } finally {
      registry.session.dispose();
    }
  }, 120_000);
});
