import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createKeyCard, encodeKeyCard, parseKeyCard, sealPackage } from '../../formats/reportFiles';
import { openTestRegistry, type OpenTestRegistry } from '../../../testkit/registry';
import { currentIdentity } from '../../storage/registry/ownIdentity';
import { exportReportPackage, tripRecordsForReview } from './transfer';

// Report files against someone holding genuine keys: each attack is refused with its own code,
// or counts for nothing, and leaves the receiving registry as it was.

const period = { from: '2026-01-01', to: '2026-06-30' };

let province: OpenTestRegistry;
let commune: OpenTestRegistry;
let sibling: OpenTestRegistry;

async function trust(office: OpenTestRegistry, other: OpenTestRegistry) {
  const card = await other.call('keys.ownCard', {});
  return office.call('keys.trust', { fileName: card.fileName, contentBase64: card.contentBase64, fingerprint: card.fingerprint });
}

async function addTrip(office: OpenTestRegistry, code: string) {
  const member = await office.call('members.save', { code, fullName: 'Nguyễn Văn Hùng', cellName: 'Chi bộ 1' });
  const trip = await office.call('trips.save', {
    memberId: member.id,
    purpose: 'tourism',
    selfFunded: true,
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
    input: { approvalRef: `${code}-QĐ`, approvalDate: '2026-02-25', approvingCommittee: 'BTV' },
  });
}

const base64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64');

/**
 * The commune's report file sealed with its genuine key outside the application's own export, as
 * someone holding the keys could: dated as asked, with the trip details as given, never encrypted.
 */
async function sealedByCommune(made: { createdAt?: string; details?: unknown[] }) {
  const registry = commune.session.requireRegistry();
  const unit = registry.ownUnit();
  const report = await commune.call('reports.get', { period });
  const encoded = (value: unknown) => new TextEncoder().encode(JSON.stringify(value));
  return sealPackage({
    kind: 'report',
    unit: { code: unit.code, name: unit.name, level: unit.level },
    period,
    round: null,
    appVersion: 'test',
    parts: { 'report.json': encoded(report.data), ...(made.details ? { 'details.json': encoded(made.details) } : {}) },
    identity: currentIdentity(registry).identity,
    ...(made.createdAt ? { createdAt: made.createdAt } : {}),
  });
}

/** Everything the receiving office keeps about report files and rounds, to show a refusal wrote nothing. */
async function stateOf(office: OpenTestRegistry) {
  return {
    history: await office.call('packages.history', {}),
    rounds: await office.call('rounds.list', {}),
    cards: await office.call('keys.list', {}),
  };
}

beforeAll(async () => {
  province = await openTestRegistry({ code: 'ANGIANG', name: 'Tỉnh ủy An Giang', level: 'province', parentCode: 'TW' });
  commune = await openTestRegistry({ code: 'VINHTRACH', name: 'Đảng ủy xã Vĩnh Trạch', level: 'commune', parentCode: 'ANGIANG' });
  sibling = await openTestRegistry({ code: 'BINHDUC', name: 'Đảng ủy phường Bình Đức', level: 'commune', parentCode: 'ANGIANG' });
  await trust(province, commune);
  await trust(commune, province);
  await trust(sibling, province);
  await addTrip(commune, 'DV-1');
}, 120_000);

afterAll(() => {
  for (const office of [province, commune, sibling]) office.session.dispose();
});

describe('a genuine key signing a date in the future', () => {
  it('a report file dated 2099 is refused, and cannot pin the unit: the next genuine file is the current one', async () => {
    const from2099 = await sealedByCommune({ createdAt: '2099-01-01T00:00:00.000Z' });
    const before = await stateOf(province);
    expect(
      await province.refusal('packages.import', { fileName: 'VINHTRACH_2099.so86', contentBase64: base64(from2099) }),
    ).toMatchObject({ code: 'PKG_CREATED_IN_FUTURE' });
    expect(
      await province.refusal('packages.verify', { fileName: 'VINHTRACH_2099.so86', contentBase64: base64(from2099) }),
    ).toMatchObject({ code: 'PKG_CREATED_IN_FUTURE' });
    expect(await stateOf(province)).toEqual(before);

    const genuine = await commune.call('packages.export', { period, includeDocuments: false });
    expect(
      await province.call('packages.import', { fileName: genuine.fileName, contentBase64: genuine.contentBase64 }),
    ).toMatchObject({ outcome: 'imported' });
  });

  it('a key card dated 2099 is not trusted', async () => {
    const registry = sibling.session.requireRegistry();
    const unit = registry.ownUnit();
    const card = createKeyCard({
      unit: { code: unit.code, name: unit.name, level: unit.level },
      identity: currentIdentity(registry).identity,
      createdAt: '2099-01-01T00:00:00.000Z',
    });
    const before = await stateOf(province);
    expect(
      await province.refusal('keys.trust', {
        fileName: 'the.json',
        contentBase64: base64(encodeKeyCard(card)),
        fingerprint: card.fingerprint,
      }),
    ).toMatchObject({
      code: 'PKG_CARD_CREATED_IN_FUTURE',
    });
    expect(await stateOf(province)).toEqual(before);
  });
});

describe('a request file from a child commune', () => {
  it('is refused as a round at the province, which keeps none', async () => {
    const round = await commune.call('rounds.save', {
      ref: '01-CV/ĐU',
      title: 'yêu cầu giả',
      periodFrom: period.from,
      periodTo: period.to,
      deadline: '2026-07-15',
      detailsRequested: true,
    });
    const request = await commune.call('rounds.exportRequest', { id: round.id });
    const before = await stateOf(province);
    expect(
      await province.refusal('packages.import', { fileName: request.fileName, contentBase64: request.contentBase64 }),
    ).toMatchObject({ code: 'EXCHANGE_REQUEST_NOT_FROM_PARENT' });
    expect(await stateOf(province)).toEqual(before);
  });
});

describe('members’ names leaving the unit', () => {
  it('travel only encrypted: a round asking for details cannot be answered with an unencrypted file', async () => {
    const round = await province.call('rounds.save', {
      ref: '626-CV/BTCTW',
      title: 'báo cáo',
      periodFrom: period.from,
      periodTo: period.to,
      deadline: '2099-12-31',
      detailsRequested: true,
    });
    const request = await province.call('rounds.exportRequest', { id: round.id });
    expect(
      await commune.call('packages.import', { fileName: request.fileName, contentBase64: request.contentBase64 }),
    ).toMatchObject({ outcome: 'round_created' });
    const received = (await commune.call('rounds.list', {})).find((entry) => entry.ref === '626-CV/BTCTW')!;
    const auditRowsBefore = (await commune.call('audit.list', {})).total;
    expect(
      await commune.refusal('packages.export', { period, roundId: received.id, encryptToParent: false, includeDocuments: false }),
    ).toMatchObject({
      code: 'EXCHANGE_DETAILS_NEED_ENCRYPTION',
    });
    expect((await commune.call('audit.list', {})).total).toBe(auditRowsBefore);
    const sealed = await commune.call('packages.export', {
      period,
      roundId: received.id,
      encryptToParent: true,
      includeDocuments: false,
    });
    expect(
      await province.call('packages.verify', { fileName: sealed.fileName, contentBase64: sealed.contentBase64 }),
    ).toMatchObject({ encrypted: true, detailsCount: 1 });
  });

  it('are refused at the upper level from a file that carries them unencrypted, signed with the genuine key', async () => {
    const details = tripRecordsForReview(commune.session.requireRegistry());
    expect(details.length).toBeGreaterThan(0);
    const inClear = await sealedByCommune({ details });
    const before = await stateOf(province);
    for (const call of ['packages.verify', 'packages.import'] as const)
      expect(await province.refusal(call, { fileName: 'VINHTRACH_ro-ten.so86', contentBase64: base64(inClear) })).toMatchObject({
        code: 'EXCHANGE_DETAILS_UNENCRYPTED',
      });
    expect(await stateOf(province)).toEqual(before);
  });

  it('are encrypted only to a card this office trusts', async () => {
    const strangerCard = parseKeyCard(Buffer.from((await sibling.call('keys.ownCard', {})).contentBase64, 'base64'));
    const registry = commune.session.requireRegistry();
    const auditRowsBefore = (await commune.call('audit.list', {})).total;
    await expect(
      exportReportPackage(registry, { period, recipient: strangerCard, includeDocuments: false }),
    ).rejects.toMatchObject({ code: 'EXCHANGE_RECIPIENT_NOT_TRUSTED' });
    expect((await commune.call('audit.list', {})).total).toBe(auditRowsBefore);
  });
});

describe('a revoked signer', () => {
  it('no longer counts in the combined report, and the history says why', async () => {
    const counted = await province.call('reports.get', { period });
    expect(counted.data.units).toEqual([expect.objectContaining({ code: 'VINHTRACH', status: 'submitted' })]);
    expect(counted.data.figures.permitted).toBe(1);

    const card = (await province.call('keys.list', {})).find((entry) => entry.unitCode === 'VINHTRACH')!;
    await province.call('keys.revoke', { id: card.id, reason: 'Máy tính của xã bị mất' });
    const combined = await province.call('reports.get', { period });
    expect(combined.data.units).toEqual([expect.objectContaining({ code: 'VINHTRACH', status: 'missing', packageId: null })]);
    expect(combined.data.figures.permitted).toBe(0);
    const history = await province.call('packages.history', { unitCode: 'VINHTRACH' });
    expect(history.length).toBeGreaterThan(0);
    expect(history.map((entry) => entry.standing)).toEqual(history.map(() => 'signer_revoked'));
  });
});

describe('report files beyond what the host can hold', () => {
  // Each under the limit of one file (50 MB, 69,905,068 characters of base64), three together over that of a batch.
  const heavy = 'A'.repeat(60_000_000);

  it('sent at once are refused whole, before any is read, with the limit named', async () => {
    const before = await stateOf(province);
    const refusal = await province.refusal('packages.importMany', {
      files: ['VINHTRACH_1.so86', 'VINHTRACH_2.so86', 'VINHTRACH_3.so86'].map((fileName) => ({ fileName, contentBase64: heavy })),
    });
    expect(refusal).toEqual({ code: 'VALIDATION', issues: [{ path: ['files'], key: 'packageBatch.tooLarge' }] });
    expect(await stateOf(province)).toEqual(before);
  });

  it('one at a time are refused over 50 MB, with the way to receive them from the command line', async () => {
    const refusal = await province.refusal('packages.verify', { fileName: 'VINHTRACH.so86', contentBase64: `${heavy}${heavy}` });
    expect(refusal).toEqual({ code: 'VALIDATION', issues: [{ path: ['contentBase64'], key: 'packages.fileTooLarge' }] });
  });
});
