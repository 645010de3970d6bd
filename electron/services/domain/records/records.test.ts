import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { MemberInput, TripInput } from '@shared/contract/registry';
import { openTestRegistry, testPassword, type OpenTestRegistry } from '../../../testkit/registry';

let registry: OpenTestRegistry;

beforeEach(async () => {
  registry = await openTestRegistry();
});

afterEach(() => registry.session.dispose());

const hoa: MemberInput = {
  code: 'DV-0001',
  fullName: 'Đặng Thị Hoà',
  gender: 'female',
  birthDate: '1980-03-02',
  nationalId: '087180000123',
  cellName: 'Chi bộ ấp Tây Bình',
};

async function addMember(input: Partial<MemberInput> = {}) {
  return registry.call('members.save', { ...hoa, ...input });
}

function tourism(memberId: string, input: Partial<TripInput> = {}): TripInput {
  return {
    memberId,
    purpose: 'tourism',
    selfFunded: true,
    countries: ['KR'],
    travelDocumentKind: 'passport',
    plannedDeparture: '2026-03-01',
    plannedReturn: '2026-03-10',
    ...input,
  };
}

describe('members', () => {
  it('finds a member whatever the diacritics, case, đ/d or Unicode form of the query', async () => {
    await addMember();
    await addMember({ code: 'DV-0002', fullName: 'Nguyễn Văn An', nationalId: null, gender: 'male' });
    for (const query of [
      'dang thi hoa',
      'ĐẶNG THỊ HOÀ',
      'Đặng Thị Hòa'.normalize('NFD'),
      'dang hoa',
      'DV-0001',
      '087180000123',
    ]) {
      const found = await registry.call('members.search', { query });
      expect({ query, names: found.rows.map((row) => row.fullName) }).toEqual({ query, names: ['Đặng Thị Hoà'] });
    }
    expect((await registry.call('members.search', { query: '100%_' })).total).toBe(0);
  });

  it('ranks the whole name, then names starting with the query, then word starts, above names that only contain the letters', async () => {
    const names = ['Nguyễn Văn Toàn', 'Trần Văn Ân', 'Nguyễn Văn Anh', 'Nguyễn Văn An', 'Lê Nguyễn Văn Ánh', 'Nguyễn Văn Bình'];
    for (const [index, fullName] of names.entries()) await addMember({ code: `DV-${index}`, fullName, nationalId: null });
    const found = await registry.call('members.search', { query: 'nguyen van an' });
    expect(found.rows.map((row) => row.fullName)).toEqual([
      'Nguyễn Văn An',
      'Nguyễn Văn Anh',
      'Lê Nguyễn Văn Ánh',
      'Nguyễn Văn Bình',
      'Nguyễn Văn Toàn',
    ]);
    expect(found.total).toBe(5);
    const paged = await registry.call('members.search', { query: 'nguyen van an', offset: 1, limit: 2 });
    expect(paged.rows.map((row) => row.fullName)).toEqual(['Nguyễn Văn Anh', 'Lê Nguyễn Văn Ánh']);
  });

  it('lists members in Vietnamese order: by given name, then family and middle names', async () => {
    const names = ['Trần Văn Đức', 'Lê Thị Ánh', 'Nguyễn Văn Dũng', 'Phạm Thị Ân', 'Võ Văn Ba', 'Đỗ Thị Ánh'];
    for (const [index, fullName] of names.entries()) await addMember({ code: `DV-${index}`, fullName, nationalId: null });
    const listed = (await registry.call('members.search', {})).rows.map((row) => row.fullName);
    expect(listed).toEqual(['Đỗ Thị Ánh', 'Lê Thị Ánh', 'Phạm Thị Ân', 'Võ Văn Ba', 'Nguyễn Văn Dũng', 'Trần Văn Đức']);
  });

  it('refuses a duplicate code, a national ID that is not 12 digits, and one that contradicts the birth year, writing nothing', async () => {
    await addMember();
    expect(await registry.refusal('members.save', { ...hoa, fullName: 'Người khác', nationalId: null })).toMatchObject({
      code: 'VALIDATION',
      issues: [{ path: ['code'], key: 'member.code.duplicate' }],
    });
    expect(await registry.refusal('members.save', { ...hoa, code: 'DV-9', nationalId: '08718000012' })).toMatchObject({
      code: 'VALIDATION',
      issues: [{ path: ['nationalId'] }],
    });
    expect(await registry.refusal('members.save', { ...hoa, code: 'DV-9', birthDate: '1990-01-01' })).toMatchObject({
      issues: [{ path: ['nationalId'], key: 'nationalId.birthYear' }],
    });
    expect((await registry.call('members.search', {})).total).toBe(1);
  });

  it('archives a member with trips instead of deleting, and refuses new trips for the archived member', async () => {
    const member = await addMember();
    await registry.call('trips.save', tourism(member.id));
    const archived = await registry.call('members.archive', { id: member.id, archived: true });
    expect(archived).toMatchObject({ archived: true, tripCount: 1 });
    expect((await registry.call('members.search', {})).total).toBe(0);
    expect((await registry.call('members.search', { includeArchived: true })).total).toBe(1);
    expect(await registry.refusal('trips.save', tourism(member.id))).toMatchObject({
      code: 'TRIP_FIELDS_INVALID',
      issues: [{ path: ['memberId'], key: 'member.archived' }],
    });
  });

  it('refuses to archive a member abroad, whose return must still be recorded', async () => {
    const member = await addMember();
    const trip = await registry.call(
      'trips.save',
      tourism(member.id, { plannedDeparture: '2026-01-05', plannedReturn: '2026-01-20' }),
    );
    await registry.call('trips.transition', {
      tripId: trip.id,
      transition: 'submit',
      input: { applicationDate: '2026-01-02', cellOpinion: 'Đồng ý' },
    });
    await registry.call('trips.transition', {
      tripId: trip.id,
      transition: 'approve',
      input: { approvalRef: '2-QĐ', approvalDate: '2026-01-03', approvingCommittee: 'BTV' },
    });
    await registry.call('trips.transition', { tripId: trip.id, transition: 'depart', input: { actualDeparture: '2026-01-05' } });
    expect(await registry.refusal('members.archive', { id: member.id, archived: true })).toMatchObject({
      code: 'VALIDATION',
      issues: [{ key: 'reason.archive.abroad' }],
    });
    expect((await registry.call('members.get', { id: member.id })).archived).toBe(false);
    await registry.call('trips.transition', { tripId: trip.id, transition: 'return', input: { actualReturn: '2026-01-20' } });
    expect((await registry.call('members.archive', { id: member.id, archived: true })).archived).toBe(true);
  });
});

describe('trips', () => {
  it('takes a trip from application to closed, recording who, when and the document at each step', async () => {
    const member = await addMember();
    let trip = await registry.call('trips.save', tourism(member.id, { purpose: 'family_visit', countries: ['US', 'CA'] }));
    expect(trip).toMatchObject({ state: 'draft', countries: ['US', 'CA'], bracket: 'under1m' });
    expect(trip.availableTransitions).toEqual(['submit', 'cancel']);

    trip = await registry.call('trips.transition', {
      tripId: trip.id,
      transition: 'submit',
      input: { applicationDate: '2026-02-10', commitmentDate: '2026-02-10', cellOpinion: 'Chi bộ đồng ý' },
    });
    trip = await registry.call('trips.transition', {
      tripId: trip.id,
      transition: 'approve',
      input: { approvalRef: '15-QĐ/ĐU', approvalDate: '2026-02-15', approvingCommittee: 'Ban Thường vụ Đảng ủy' },
    });
    trip = await registry.call('trips.transition', {
      tripId: trip.id,
      transition: 'depart',
      input: { actualDeparture: '2026-03-01' },
    });
    expect((await registry.call('members.get', { id: member.id })).abroadNow).toBe(true);
    trip = await registry.call('trips.transition', {
      tripId: trip.id,
      transition: 'return',
      input: { actualReturn: '2026-03-10' },
    });
    trip = await registry.call('trips.transition', {
      tripId: trip.id,
      transition: 'report',
      input: {
        returnReportDate: '2026-03-12',
        contents: { foreignContacts: 'Không', giftsAndInvitations: 'Không', documentsBroughtBack: 'Không', issues: 'Không' },
      },
    });
    trip = await registry.call('trips.transition', {
      tripId: trip.id,
      transition: 'close',
      input: { closedOn: '2026-03-20', evaluation: 'Chấp hành tốt quy định.' },
    });

    expect(trip).toMatchObject({
      state: 'closed',
      approvalRef: '15-QĐ/ĐU',
      actualReturn: '2026-03-10',
      evaluation: 'Chấp hành tốt quy định.',
      flags: [],
    });
    expect(trip.report).toMatchObject({ foreignContacts: 'Không' });
    expect(trip.events.map((event) => [event.transition, event.toState, event.username])).toEqual([
      ['submit', 'submitted', 'admin'],
      ['approve', 'approved', 'admin'],
      ['depart', 'departed', 'admin'],
      ['return', 'returned', 'admin'],
      ['report', 'reported', 'admin'],
      ['close', 'closed', 'admin'],
    ]);
    expect(trip.events[1]).toMatchObject({ effectiveDate: '2026-02-15', documentRef: '15-QĐ/ĐU' });
    expect((await registry.call('audit.verify', {})).ok).toBe(true);
  });

  it('refuses a transition out of order, or with a date before its precondition, and changes nothing', async () => {
    const member = await addMember();
    const trip = await registry.call('trips.save', tourism(member.id));
    expect(
      await registry.refusal('trips.transition', {
        tripId: trip.id,
        transition: 'depart',
        input: { actualDeparture: '2026-03-01' },
      }),
    ).toMatchObject({
      code: 'TRANSITION_REFUSED',
      issues: [{ key: 'reason.depart.notApproved' }],
    });
    await registry.call('trips.transition', {
      tripId: trip.id,
      transition: 'submit',
      input: { applicationDate: '2026-02-10', cellOpinion: 'Đồng ý' },
    });
    expect(
      await registry.refusal('trips.transition', {
        tripId: trip.id,
        transition: 'approve',
        input: { approvalRef: '1-QĐ', approvalDate: '2026-03-05', approvingCommittee: 'BTV' },
      }),
    ).toMatchObject({
      code: 'TRANSITION_REFUSED',
    });
    expect((await registry.call('trips.get', { id: trip.id })).state).toBe('submitted');
  });

  it('records a family visit’s commitment that arrives after the application, which the approval needs', async () => {
    const member = await addMember();
    const visit = tourism(member.id, { purpose: 'family_visit' });
    const trip = await registry.call('trips.save', visit);
    await registry.call('trips.transition', {
      tripId: trip.id,
      transition: 'submit',
      input: { applicationDate: '2026-02-10', cellOpinion: 'Đồng ý' },
    });
    const approval = {
      tripId: trip.id,
      transition: 'approve' as const,
      input: { approvalRef: '3-QĐ', approvalDate: '2026-02-15', approvingCommittee: 'BTV' },
    };
    expect(await registry.refusal('trips.transition', approval)).toMatchObject({
      code: 'TRANSITION_REFUSED',
      issues: [{ key: 'reason.approve.commitmentMissing' }],
    });
    await registry.call('trips.save', { ...visit, id: trip.id, commitmentDate: '2026-02-12' });
    expect((await registry.call('trips.transition', approval)).state).toBe('approved');
    expect((await registry.call('trips.save', { ...visit, id: trip.id, notes: 'Ghi chú' })).commitmentDate).toBe('2026-02-12');
  });

  it('refuses a return date before the departure and an unknown country', async () => {
    const member = await addMember();
    expect(await registry.refusal('trips.save', tourism(member.id, { plannedReturn: '2026-02-20' }))).toMatchObject({
      code: 'TRIP_FIELDS_INVALID',
      issues: [{ path: ['plannedReturn'], key: 'check.plannedReturnBeforeDeparture' }],
    });
    expect(await registry.refusal('trips.save', tourism(member.id, { countries: ['XX'] }))).toMatchObject({
      code: 'VALIDATION',
      issues: [{ path: ['countries', 0] }],
    });
    expect((await registry.call('trips.search', {})).total).toBe(0);
  });

  it('lets only a leader or an administrator decide on a trip; a clerk’s attempt is refused and audited', async () => {
    const member = await addMember();
    const trip = await registry.call('trips.save', tourism(member.id));
    await registry.call('trips.transition', {
      tripId: trip.id,
      transition: 'submit',
      input: { applicationDate: '2026-02-10', cellOpinion: 'Đồng ý' },
    });
    await registry.call('users.create', {
      username: 'canbo',
      displayName: 'Cán bộ',
      role: 'clerk',
      password: testPassword,
      passwordConfirm: testPassword,
    });
    await registry.call('session.lock', {});
    await registry.call('session.unlock', { username: 'canbo', password: testPassword });
    expect(
      await registry.refusal('trips.transition', {
        tripId: trip.id,
        transition: 'approve',
        input: { approvalRef: '1-QĐ', approvalDate: '2026-02-15', approvingCommittee: 'BTV' },
      }),
    ).toMatchObject({
      code: 'FORBIDDEN',
    });
    expect((await registry.call('trips.get', { id: trip.id })).state).toBe('submitted');
  });

  it('finds trips by compliance flag', async () => {
    const member = await addMember();
    const trip = await registry.call(
      'trips.save',
      tourism(member.id, { plannedDeparture: '2026-01-05', plannedReturn: '2026-01-20' }),
    );
    await registry.call('trips.transition', {
      tripId: trip.id,
      transition: 'submit',
      input: { applicationDate: '2026-01-02', cellOpinion: 'Đồng ý' },
    });
    await registry.call('trips.transition', {
      tripId: trip.id,
      transition: 'approve',
      input: { approvalRef: '2-QĐ', approvalDate: '2026-01-03', approvingCommittee: 'BTV' },
    });
    await registry.call('trips.transition', { tripId: trip.id, transition: 'depart', input: { actualDeparture: '2026-01-05' } });
    await registry.call('trips.transition', { tripId: trip.id, transition: 'return', input: { actualReturn: '2026-01-20' } });
    const overdue = await registry.call('trips.search', { flag: 'return_report_overdue' });
    expect(overdue.rows.map((row) => row.id)).toEqual([trip.id]);
    expect(overdue.rows[0]!.flags).toEqual(expect.arrayContaining(['application_late', 'return_report_overdue']));
    expect((await registry.call('trips.search', { flag: 'departed_without_approval' })).total).toBe(0);
  });
});

describe('attachments', () => {
  const pdf = Buffer.concat([
    Buffer.from('%PDF-1.7\n'),
    Buffer.from('BẢN QUÉT ĐƠN ĐỀ NGHỊ của Đặng Thị Hoà'),
    Buffer.alloc(2000, 0x20),
  ]);

  it('stores a PDF inside the encrypted registry and refuses other files and oversized ones', async () => {
    const member = await addMember();
    const trip = await registry.call('trips.save', tourism(member.id));
    const stored = await registry.call('attachments.add', {
      ownerKind: 'trip',
      ownerId: trip.id,
      kind: 'application',
      fileName: 'don.pdf',
      contentBase64: pdf.toString('base64'),
    });
    expect(stored).toMatchObject({ mediaType: 'application/pdf', size: pdf.length });
    expect(Buffer.from((await registry.call('attachments.get', { id: stored.id })).contentBase64, 'base64').equals(pdf)).toBe(
      true,
    );

    const executable = Buffer.from('MZ\x90\x00 this is not a scan');
    expect(
      await registry.refusal('attachments.add', {
        ownerKind: 'trip',
        ownerId: trip.id,
        kind: 'other',
        fileName: 'scan.pdf',
        contentBase64: executable.toString('base64'),
      }),
    ).toMatchObject({
      code: 'ATTACHMENT_REFUSED',
      issues: [{ key: 'attachment.type' }],
    });
    const huge = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(10 * 1024 * 1024)]);
    expect(
      (
        await registry.refusal('attachments.add', {
          ownerKind: 'trip',
          ownerId: trip.id,
          kind: 'other',
          fileName: 'big.pdf',
          contentBase64: huge.toString('base64'),
        })
      ).code,
    ).toMatch(/VALIDATION|ATTACHMENT_REFUSED/);
    expect((await registry.call('trips.get', { id: trip.id })).attachments).toHaveLength(1);

    const folder = path.dirname(registry.databaseFile);
    for (const file of readdirSync(folder))
      expect(readFileSync(path.join(folder, file)).includes(Buffer.from('BẢN QUÉT ĐƠN ĐỀ NGHỊ'))).toBe(false);
  });
});

describe('party-activity events', () => {
  it('records an exemption with its period, refuses one without an end date, and flags an unprocessed foreign marriage', async () => {
    const member = await addMember();
    expect(
      await registry.refusal('activityEvents.save', { memberId: member.id, kind: 'exemption', effectiveDate: '2026-01-01' }),
    ).toMatchObject({ issues: [{ path: ['endDate'], key: 'event.exemptionNeedsEnd' }] });
    await registry.call('activityEvents.save', {
      memberId: member.id,
      kind: 'exemption',
      effectiveDate: '2026-01-01',
      endDate: '2026-12-31',
      reason: 'Đi lao động đơn lẻ',
      decidingBody: 'Đảng ủy xã',
    });
    await registry.call('activityEvents.save', {
      memberId: member.id,
      kind: 'foreign_marriage',
      effectiveDate: '2026-06-01',
      spouseCountry: 'TW',
    });
    const detail = await registry.call('members.get', { id: member.id });
    expect(detail.events.map((event) => event.kind)).toEqual(['exemption', 'foreign_marriage']);
    expect(detail.flags.map((flag) => flag.flag)).toEqual(['foreign_marriage_unprocessed']);
  });
});

describe('reference tables', () => {
  it('starts with the governing texts and records that one replaces another', async () => {
    const bases = await registry.call('legalBases.list', {});
    expect(bases.map((basis) => basis.ref)).toEqual(
      expect.arrayContaining(['86-QĐ/TW', '30-HD/BTCTW', '58-QĐ/TW', '127-QĐ/TW', '294-QĐ/TW', '399-QĐ/TW', '76/2020/NĐ-CP']),
    );
    const oldLayout = bases.find((basis) => basis.ref === '36-HD/VPTW')!;
    const successor = await registry.call('legalBases.save', {
      ref: '05-HD/VPTW',
      date: '2026-06-01',
      issuer: 'Văn phòng Trung ương Đảng',
      title: 'Hướng dẫn thể thức văn bản của Đảng',
    });
    const replaced = await registry.call('legalBases.save', {
      id: oldLayout.id,
      ref: oldLayout.ref,
      date: oldLayout.date,
      issuer: oldLayout.issuer,
      title: oldLayout.title,
      replacedById: successor.id,
    });
    expect(replaced).toMatchObject({ replacedByRef: '05-HD/VPTW' });
    expect(await registry.refusal('legalBases.save', { ref: '86-QĐ/TW', issuer: 'X', title: 'Y' })).toMatchObject({
      issues: [{ key: 'legalBasis.ref.duplicate' }],
    });
  });
});
