import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CallInput } from '@shared/contract';
import { docxParts, textOf } from '../../../testkit/documents';
import { openTestRegistry, type OpenTestRegistry } from '../../../testkit/registry';

const period = { from: '2026-01-01', to: '2026-06-30' };

let central: OpenTestRegistry;
let province: OpenTestRegistry;
let communeA: OpenTestRegistry;
let communeB: OpenTestRegistry;

/** `office` trusts `other`'s key card after the fingerprint read over the phone matches. */
async function trust(office: OpenTestRegistry, other: OpenTestRegistry) {
  const card = await other.call('keys.ownCard', {});
  return office.call('keys.trust', {
    fileName: card.fileName,
    contentBase64: card.contentBase64,
    fingerprint: card.fingerprint.toLowerCase().replace(/ /g, '-'),
  });
}

async function addTrips(office: OpenTestRegistry, count: number, purpose: 'tourism' | 'official') {
  const cell = 'Chi bộ 1';
  for (let index = 0; index < count; index += 1) {
    const member = await office.call('members.save', {
      code: `${purpose}-${index}`,
      fullName: `Đảng viên ${index}`,
      cellName: cell,
    });
    const trip = await office.call('trips.save', {
      memberId: member.id,
      purpose,
      selfFunded: purpose === 'tourism',
      countries: ['KR'],
      plannedDeparture: '2026-03-10',
      plannedReturn: '2026-03-20',
    });
    await office.call('trips.transition', {
      tripId: trip.id,
      transition: 'submit',
      input: { applicationDate: '2026-02-20', cellOpinion: 'Đồng ý' },
    });
    await office.call('trips.transition', {
      tripId: trip.id,
      transition: 'approve',
      input: { approvalRef: `${index}-QĐ`, approvalDate: '2026-02-25', approvingCommittee: 'BTV' },
    });
  }
}

async function exportPackage(office: OpenTestRegistry, input: Partial<CallInput<'packages.export'>> = {}) {
  return office.call('packages.export', { period, includeDocuments: false, ...input });
}

beforeAll(async () => {
  central = await openTestRegistry({ code: 'TW', name: 'Ban Tổ chức Trung ương', level: 'central', parentCode: null });
  province = await openTestRegistry({ code: 'ANGIANG', name: 'Tỉnh ủy An Giang', level: 'province', parentCode: 'TW' });
  communeA = await openTestRegistry({
    code: 'VINHTRACH',
    name: 'Đảng ủy xã Vĩnh Trạch',
    level: 'commune',
    parentCode: 'ANGIANG',
  });
  communeB = await openTestRegistry({
    code: 'BINHDUC',
    name: 'Đảng ủy phường Bình Đức',
    level: 'commune',
    parentCode: 'ANGIANG',
  });
  await trust(province, communeA);
  await trust(province, communeB);
  await trust(communeA, province);
  await trust(communeB, province);
  await trust(central, province);
  await trust(province, central);
  await addTrips(communeA, 3, 'tourism');
  await addTrips(communeB, 2, 'official');
}, 120_000);

afterAll(() => {
  for (const office of [central, province, communeA, communeB]) office.session.dispose();
});

describe('key cards', () => {
  it('classifies trusted units as parent or child and refuses a wrong fingerprint', async () => {
    expect((await province.call('keys.list', {})).map((card) => [card.unitCode, card.relation]).sort()).toEqual([
      ['BINHDUC', 'child'],
      ['TW', 'parent'],
      ['VINHTRACH', 'child'],
    ]);
    const card = await communeA.call('keys.ownCard', {});
    const stranger = await openTestRegistry({ code: 'XA', name: 'Đảng ủy xã X', level: 'commune', parentCode: 'ANGIANG' });
    expect(
      await stranger.refusal('keys.trust', {
        fileName: 'c.json',
        contentBase64: card.contentBase64,
        fingerprint: '0000 1111 2222 3333 4444 5555 6666 7777 8888 9999',
      }),
    ).toMatchObject({ code: 'PKG_FINGERPRINT_DIFFERENT' });
    expect(
      await stranger.refusal('keys.trust', {
        fileName: 'c.json',
        contentBase64: (await stranger.call('keys.ownCard', {})).contentBase64,
        fingerprint: null,
      }),
    ).toMatchObject({ code: 'EXCHANGE_OWN_CARD' });
    stranger.session.dispose();
  });
});

describe('commune → province → central', () => {
  it('carries the round down, the reports up, and combines them at each level', async () => {
    const round = await province.call('rounds.save', {
      ref: '626-CV/BTCTW',
      title: 'báo cáo quản lý đảng viên ở nước ngoài',
      periodFrom: period.from,
      periodTo: period.to,
      deadline: '2099-12-31',
      detailsRequested: true,
    });
    const request = await province.call('rounds.exportRequest', { id: round.id });
    expect(request.fileName).toMatch(/^YeuCau_ANGIANG_626-CV-BTCTW_2026-01-01_2026-06-30\.so86$/);
    expect(
      await communeA.call('packages.import', { fileName: request.fileName, contentBase64: request.contentBase64 }),
    ).toMatchObject({ outcome: 'round_created' });
    expect(
      await communeA.call('packages.import', { fileName: request.fileName, contentBase64: request.contentBase64 }),
    ).toMatchObject({ outcome: 'round_known' });
    const receivedRound = (await communeA.call('rounds.list', {}))[0]!;
    expect(receivedRound).toMatchObject({ ref: '626-CV/BTCTW', issuerCode: 'ANGIANG', detailsRequested: true, isOwn: false });

    expect((await province.call('rounds.completeness', { period })).missing).toBe(2);
    const fromA = await exportPackage(communeA, { roundId: receivedRound.id, includeDocuments: true });
    expect(fromA.fileName).toBe('VINHTRACH_2026-01-01_2026-06-30_v1.so86');
    const verdict = await province.call('packages.verify', { fileName: fromA.fileName, contentBase64: fromA.contentBase64 });
    expect(verdict).toMatchObject({
      unit: { code: 'VINHTRACH' },
      signerTrusted: true,
      encrypted: true,
      round: '626-CV/BTCTW',
      detailsCount: 3,
      report: { figures: { permitted: 3 } },
    });
    expect(
      await province.call('packages.import', { fileName: fromA.fileName, contentBase64: fromA.contentBase64 }),
    ).toMatchObject({ outcome: 'imported' });
    expect(
      await province.call('packages.import', { fileName: fromA.fileName, contentBase64: fromA.contentBase64 }),
    ).toMatchObject({ outcome: 'already_imported' });

    let status = await province.call('rounds.completeness', { period });
    expect(status.units.map((unit) => [unit.code, unit.status])).toEqual([
      ['BINHDUC', 'missing'],
      ['VINHTRACH', 'submitted'],
    ]);
    const fromB = await exportPackage(communeB);
    await province.call('packages.import', { fileName: fromB.fileName, contentBase64: fromB.contentBase64 });
    status = await province.call('rounds.completeness', { period });
    expect([status.submitted, status.late, status.missing]).toEqual([2, 0, 0]);

    const provincial = await province.call('reports.get', { period });
    expect(provincial.data.figures).toMatchObject({ permitted: 5, official: 2, selfFundedOrPrivate: 3 });
    expect(provincial.data.units).toHaveLength(2);
    const drillDown = await province.call('packages.unitReport', {
      packageId: status.units.find((unit) => unit.code === 'VINHTRACH')!.packageId!,
    });
    expect(drillDown.report?.figures.permitted).toBe(3);
    expect(
      (await province.call('packages.details', { packageId: drillDown.packageId })).map((record) => record.memberName),
    ).toHaveLength(3);

    const fromProvince = await exportPackage(province);
    expect(
      await central.call('packages.import', { fileName: fromProvince.fileName, contentBase64: fromProvince.contentBase64 }),
    ).toMatchObject({ outcome: 'imported' });
    const national = await central.call('reports.get', { period });
    expect(national.data.figures).toMatchObject({ permitted: 5, official: 2 });
    expect(national.data.appendix02.total.total).toBe(5);
    expect(national.data.units).toEqual([
      {
        code: 'ANGIANG',
        name: 'Tỉnh ủy An Giang',
        status: 'submitted',
        packageId: expect.any(String),
        signedAt: expect.any(String),
        versions: 1,
      },
    ]);
  });

  it('supersedes an older version with a newer one and keeps both in the history', async () => {
    await addTrips(communeB, 1, 'tourism');
    const second = await exportPackage(communeB);
    expect(second.version).toBeGreaterThan(1);
    expect(
      await province.call('packages.import', { fileName: second.fileName, contentBase64: second.contentBase64 }),
    ).toMatchObject({ outcome: 'superseded_older' });
    const history = await province.call('packages.history', { unitCode: 'BINHDUC', period });
    expect(history).toHaveLength(2);
    expect(history.filter((entry) => entry.supersededBy === null)).toHaveLength(1);
    expect((await province.call('reports.get', { period })).data.figures.permitted).toBe(6);
  });
});

describe('the commune’s report for a round', () => {
  it('makes its files for the round chosen on screen, even when the period’s report was saved without it', async () => {
    const request = await province.call('rounds.exportRequest', { id: (await province.call('rounds.list', {}))[0]!.id });
    await communeB.call('packages.import', { fileName: request.fileName, contentBase64: request.contentBase64 });
    const round = (await communeB.call('rounds.list', {}))[0]!;
    const draft = await communeB.call('reports.get', { period });
    expect(draft.roundId).toBeNull();
    await communeB.call('reports.save', { period, meta: { ...draft.meta, numberAndSymbol: '15-BC/ĐU' }, edits: {} });

    const documentOf = async (roundId: string | null) => {
      const file = await communeB.call('reports.render', { period, roundId, format: 'docx' });
      return textOf((await docxParts(Buffer.from(file.contentBase64, 'base64'))).document);
    };
    const forRound = await documentOf(round.id);
    expect(forRound).toContain('Số 15-BC/ĐU');
    expect(forRound).toContain('626-CV/BTCTW');
    const forPeriod = await documentOf(null);
    expect(forPeriod).toContain('Số 15-BC/ĐU');
    expect(forPeriod).not.toContain('626-CV/BTCTW');
  });
});

describe('refusals', () => {
  it('refuses a changed byte, an untrusted signer and a package encrypted for another unit, changing nothing', async () => {
    const genuine = await exportPackage(communeA);
    const bytes = Buffer.from(genuine.contentBase64, 'base64');
    bytes.writeUInt8(bytes.readUInt8(bytes.length - 10) ^ 0x01, bytes.length - 10);
    const before = await province.call('packages.history', {});
    expect(
      (await province.refusal('packages.import', { fileName: 'x.so86', contentBase64: bytes.toString('base64') })).code,
    ).toMatch(/^PKG_/);

    const stranger = await openTestRegistry({
      code: 'LAQUOC',
      name: 'Đảng ủy xã Lạc Quốc',
      level: 'commune',
      parentCode: 'ANGIANG',
    });
    await trust(stranger, province);
    await addTrips(stranger, 1, 'tourism');
    const unknown = await exportPackage(stranger);
    expect(
      await province.refusal('packages.import', { fileName: unknown.fileName, contentBase64: unknown.contentBase64 }),
    ).toMatchObject({ code: 'PKG_SIGNER_UNKNOWN' });
    stranger.session.dispose();

    expect(
      await central.refusal('packages.import', { fileName: genuine.fileName, contentBase64: genuine.contentBase64 }),
    ).toMatchObject({ code: 'PKG_WRONG_RECIPIENT' });
    expect(await province.call('packages.history', {})).toEqual(before);
  });

  it('refuses every package signed with a revoked key, and marks the files it signed before as no longer trusted', async () => {
    const card = (await province.call('keys.list', {})).find((entry) => entry.unitCode === 'VINHTRACH')!;
    const beforeRevocation = await exportPackage(communeA);
    const imported = (await province.call('packages.history', { unitCode: 'VINHTRACH' })).map((entry) => entry.signerTrusted);
    expect(imported.length).toBeGreaterThan(0);
    expect(imported.every(Boolean)).toBe(true);
    await province.call('keys.revoke', { id: card.id, reason: 'Máy tính bị mất' });
    expect(
      await province.refusal('packages.import', {
        fileName: beforeRevocation.fileName,
        contentBase64: beforeRevocation.contentBase64,
      }),
    ).toMatchObject({ code: 'PKG_SIGNER_REVOKED' });
    // The files already imported stay, but the history no longer calls their signer trusted.
    expect((await province.call('packages.history', { unitCode: 'VINHTRACH' })).map((entry) => entry.signerTrusted)).toEqual(
      imported.map(() => false),
    );
  });

  it('accepts a rotated card on the old key’s endorsement, with no new phone check', async () => {
    const rotated = await communeB.call('keys.rotate', {});
    const trusted = await province.call('keys.trust', {
      fileName: rotated.fileName,
      contentBase64: rotated.contentBase64,
      fingerprint: null,
    });
    expect(trusted).toMatchObject({ unitCode: 'BINHDUC', rotatedFrom: expect.any(String) });
    const afterRotation = await exportPackage(communeB);
    expect(
      (await province.call('packages.import', { fileName: afterRotation.fileName, contentBase64: afterRotation.contentBase64 }))
        .outcome,
    ).toMatch(/imported|superseded_older/);
  });
});
