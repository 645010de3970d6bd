import { describe, expect, it } from 'vitest';
import { memberIdentifier, pairCrossings, reconcile, type CrossingRow, type ReconcileMember, type ReconcileTrip } from './match';

const lan: ReconcileMember = {
  id: 'm-lan',
  code: 'DV-001',
  fullName: 'Nguyễn Thị Lan',
  birthDate: '1975-04-12',
  nationalId: '089175001234',
  documentNumbers: ['GT123456'],
};
const hung: ReconcileMember = {
  id: 'm-hung',
  code: 'DV-002',
  fullName: 'Trần Văn Hùng',
  birthDate: '1968-09-01',
  nationalId: null,
  documentNumbers: ['C1234567'],
};
const binh: ReconcileMember = {
  id: 'm-binh',
  code: 'DV-003',
  fullName: 'Lê Văn Bình',
  birthDate: '1980-01-20',
  nationalId: null,
  documentNumbers: [],
};
const members = [lan, hung, binh];

let nextRow = 2;
function row(values: Partial<CrossingRow> & Pick<CrossingRow, 'direction' | 'date'>): CrossingRow {
  return {
    row: nextRow++,
    nationalId: null,
    fullName: 'Nguyễn Thị Lan',
    birthDate: null,
    borderGate: 'Cửa khẩu Tịnh Biên',
    documentType: 'border_pass',
    documentNumber: null,
    country: 'KH',
    ...values,
  };
}
const lanRow = (direction: CrossingRow['direction'], date: string) => row({ nationalId: '089175001234', direction, date });

function trip(values: Partial<ReconcileTrip>): ReconcileTrip {
  return {
    id: 't-1',
    code: 'CD-1',
    memberId: lan.id,
    state: 'returned',
    plannedDeparture: '2026-03-01',
    plannedReturn: '2026-03-05',
    actualDeparture: '2026-03-01',
    actualReturn: '2026-03-05',
    extendedReturn: null,
    ...values,
  };
}
const options = { toleranceDays: 2, today: '2026-06-01' };

describe('identifying persons of the list', () => {
  const identifier = memberIdentifier(members);

  it('takes the citizen ID first, then the travel document number, then name and birth date as a weak match', () => {
    expect(
      identifier.identify({ nationalId: '089 175 001 234', documentNumber: null, fullName: 'khác', birthDate: null }),
    ).toMatchObject({ member: { id: 'm-lan' }, match: 'nationalId' });
    expect(
      identifier.identify({ nationalId: null, documentNumber: 'c 123-4567', fullName: 'Trần Hùng', birthDate: null }),
    ).toMatchObject({ member: { id: 'm-hung' }, match: 'documentNumber' });
    expect(
      identifier.identify({ nationalId: null, documentNumber: null, fullName: 'LE VAN BINH', birthDate: '1980-01-20' }),
    ).toMatchObject({ member: { id: 'm-binh' }, match: 'nameAndBirthDate' });
  });

  it('does not take a namesake by name and birth date when the list gives another ID than the member’s', () => {
    expect(
      identifier.identify({
        nationalId: '001080009999',
        documentNumber: null,
        fullName: 'Nguyễn Thị Lan',
        birthDate: '1975-04-12',
      }),
    ).toBeNull();
    expect(
      identifier.identify({
        nationalId: '001080009999',
        documentNumber: 'GT123456',
        fullName: 'Nguyễn Thị Lan',
        birthDate: null,
      }),
    ).toBeNull();
  });

  it('identifies nobody by a name and birth date two members share', () => {
    const twin = { ...binh, id: 'm-twin', code: 'DV-009' };
    expect(
      memberIdentifier([...members, twin]).identify({
        nationalId: null,
        documentNumber: null,
        fullName: 'Lê Văn Bình',
        birthDate: '1980-01-20',
      }),
    ).toBeNull();
  });
});

describe('pairing exits and entries', () => {
  it('ends each exit with the next entry, keeps an entry without exit and an exit without entry alone, day trips exit first', () => {
    const rows = [
      lanRow('entry', '2026-01-03'),
      lanRow('exit', '2026-02-10'),
      lanRow('entry', '2026-02-10'),
      lanRow('exit', '2026-03-01'),
      lanRow('exit', '2026-04-01'),
    ];
    const paired = pairCrossings([...rows].reverse()).map(({ crossing }) => [crossing.exitDate, crossing.entryDate]);
    expect(paired).toEqual([
      [null, '2026-01-03'],
      ['2026-02-10', '2026-02-10'],
      ['2026-03-01', null],
      ['2026-04-01', null],
    ]);
  });
});

describe('reconcile', () => {
  it('finds a member’s border-pass crossing with no trip unreported, with the crossing’s details', () => {
    const result = reconcile([lanRow('exit', '2026-05-02'), lanRow('entry', '2026-05-03')], members, [trip({})], options);
    expect(result.unreported).toEqual([
      expect.objectContaining({
        memberId: 'm-lan',
        memberCode: 'DV-001',
        fullName: 'Nguyễn Thị Lan',
        exitDate: '2026-05-02',
        entryDate: '2026-05-03',
        country: 'KH',
        documentType: 'border_pass',
        borderGate: 'Cửa khẩu Tịnh Biên',
        match: 'nationalId',
        needsConfirmation: false,
      }),
    ]);
    expect(result.datesDiffer).toEqual([]);
    expect(result.stillAbroad).toEqual([]);
    expect(result.crossings).toBe(1);
  });

  it('finds nothing for a registered trip’s own crossings, within the tolerance', () => {
    const result = reconcile([lanRow('exit', '2026-03-02'), lanRow('entry', '2026-03-07')], members, [trip({})], options);
    expect(result).toMatchObject({ unreported: [], datesDiffer: [], stillAbroad: [], unmatchedPersons: 0 });
  });

  it('lists a trip whose recorded dates disagree beyond the tolerance', () => {
    const result = reconcile([lanRow('exit', '2026-03-01'), lanRow('entry', '2026-03-15')], members, [trip({})], options);
    expect(result.unreported).toEqual([]);
    expect(result.datesDiffer).toEqual([
      expect.objectContaining({
        tripId: 't-1',
        kind: 'differs',
        exitDate: '2026-03-01',
        entryDate: '2026-03-15',
        recordedDeparture: '2026-03-01',
        recordedReturn: '2026-03-05',
      }),
    ]);
  });

  it('lists a trip that agrees with its planned dates but lacks the dates the list has', () => {
    const planned = trip({ state: 'approved', actualDeparture: null, actualReturn: null });
    const result = reconcile([lanRow('exit', '2026-03-02'), lanRow('entry', '2026-03-04')], members, [planned], options);
    expect(result.datesDiffer).toEqual([
      expect.objectContaining({
        kind: 'missing',
        recordedDeparture: null,
        recordedReturn: null,
        plannedDeparture: '2026-03-01',
        plannedReturn: '2026-03-05',
      }),
    ]);
  });

  it('a tolerance of 0 asks for the very day', () => {
    const result = reconcile([lanRow('exit', '2026-03-02'), lanRow('entry', '2026-03-05')], members, [trip({})], {
      ...options,
      toleranceDays: 0,
    });
    expect(result.datesDiffer).toEqual([expect.objectContaining({ kind: 'differs' })]);
  });

  it('lists an exit with no entry past the permitted return as still abroad', () => {
    const away = trip({
      state: 'departed',
      plannedReturn: '2026-05-10',
      actualReturn: null,
      actualDeparture: '2026-05-01',
      plannedDeparture: '2026-05-01',
    });
    const result = reconcile([lanRow('exit', '2026-05-01')], members, [away], options);
    expect(result.stillAbroad).toEqual([
      expect.objectContaining({
        tripId: 't-1',
        exitDate: '2026-05-01',
        entryDate: null,
        permittedReturn: '2026-05-10',
        daysOverdue: 22,
      }),
    ]);
    expect(result.unreported).toEqual([]);
    const extended = reconcile(
      [lanRow('exit', '2026-05-01')],
      members,
      [{ ...away, state: 'extended', extendedReturn: '2026-07-01' }],
      options,
    );
    expect(extended.stillAbroad).toEqual([]);
  });

  it('does not take a later trip for an old exit the list shows no entry for', () => {
    const later = trip({
      plannedDeparture: '2026-05-01',
      plannedReturn: '2026-05-03',
      actualDeparture: '2026-05-01',
      actualReturn: '2026-05-03',
    });
    const result = reconcile([lanRow('exit', '2026-01-10')], members, [later], options);
    expect(result.unreported).toEqual([expect.objectContaining({ exitDate: '2026-01-10', entryDate: null })]);
    expect(result.datesDiffer).toEqual([]);
  });

  it('does not count a cancelled or refused trip as reported', () => {
    const result = reconcile(
      [lanRow('exit', '2026-03-01'), lanRow('entry', '2026-03-05')],
      members,
      [trip({ state: 'cancelled', actualDeparture: null, actualReturn: null })],
      options,
    );
    expect(result.unreported).toHaveLength(1);
  });

  it('only counts persons who are not members, each once', () => {
    const stranger = (direction: CrossingRow['direction'], date: string) =>
      row({ nationalId: '079190005555', fullName: 'Phạm Văn Khách', direction, date });
    const result = reconcile(
      [
        stranger('exit', '2026-03-01'),
        stranger('entry', '2026-03-02'),
        row({ fullName: 'Võ Thị Không Rõ', birthDate: '1990-01-01', direction: 'exit', date: '2026-03-01' }),
      ],
      members,
      [],
      options,
    );
    expect(result).toMatchObject({ unreported: [], datesDiffer: [], stillAbroad: [], unmatchedPersons: 2 });
  });

  it('marks a crossing matched by name and birth date for confirmation, and by the weakest of its rows', () => {
    const weak = row({ fullName: 'Lê Văn Bình', birthDate: '1980-01-20', direction: 'exit', date: '2026-04-01' });
    const result = reconcile(
      [weak, row({ fullName: 'Lê Văn Bình', birthDate: '1980-01-20', direction: 'entry', date: '2026-04-02' })],
      members,
      [],
      options,
    );
    expect(result.unreported).toEqual([
      expect.objectContaining({
        memberId: 'm-binh',
        match: 'nameAndBirthDate',
        needsConfirmation: true,
        listedName: 'Lê Văn Bình',
        listedBirthDate: '1980-01-20',
      }),
    ]);
    const mixed = reconcile(
      [
        lanRow('exit', '2026-04-01'),
        row({ fullName: 'Nguyễn Thị Lan', birthDate: '1975-04-12', direction: 'entry', date: '2026-04-02' }),
      ],
      members,
      [],
      options,
    );
    expect(mixed.unreported).toEqual([
      expect.objectContaining({ memberId: 'm-lan', match: 'nameAndBirthDate', needsConfirmation: true, entryDate: '2026-04-02' }),
    ]);
  });
});
