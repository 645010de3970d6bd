import { describe, expect, it } from 'vitest';
import { type AnnualRecordTrip, annualRecordLines, tripFallsInYear } from './annualRecord';

const committee = 'Ban Thường vụ Đảng ủy xã Vĩnh Trạch';

function trip(overrides: Partial<AnnualRecordTrip> = {}): AnnualRecordTrip {
  return {
    state: 'closed',
    purpose: 'family_visit',
    purposeDetail: null,
    countries: ['KR'],
    plannedDeparture: '2026-03-01',
    plannedReturn: '2026-03-10',
    actualDeparture: '2026-03-01',
    actualReturn: '2026-03-12',
    extendedReturn: null,
    approvalRef: '15-QĐ/ĐU',
    approvalDate: '2026-02-15',
    approvingCommittee: committee,
    activityTransfer: 'none',
    exemption: false,
    labourExportTransfer: false,
    transferredBackDate: null,
    ...overrides,
  };
}

describe('tripFallsInYear', () => {
  it('takes a trip travelled inside the year and leaves it out of other years', () => {
    expect(tripFallsInYear(trip(), 2026)).toBe(true);
    expect(tripFallsInYear(trip(), 2025)).toBe(false);
    expect(tripFallsInYear(trip(), 2027)).toBe(false);
  });

  it('counts a stay across New Year in both years, by its actual dates', () => {
    const overYearEnd = trip({
      plannedDeparture: '2025-12-20',
      plannedReturn: '2025-12-30',
      actualDeparture: '2025-12-20',
      actualReturn: '2026-01-02',
    });
    expect(tripFallsInYear(overYearEnd, 2025)).toBe(true);
    expect(tripFallsInYear(overYearEnd, 2026)).toBe(true);
    expect(tripFallsInYear(overYearEnd, 2024)).toBe(false);
  });

  it('uses the actual dates over the planned ones once travelled', () => {
    const postponed = trip({
      plannedDeparture: '2025-12-28',
      plannedReturn: '2025-12-31',
      actualDeparture: '2026-01-05',
      actualReturn: '2026-01-09',
    });
    expect(tripFallsInYear(postponed, 2025)).toBe(false);
    expect(tripFallsInYear(postponed, 2026)).toBe(true);
  });

  it('uses the planned dates of a permitted trip not travelled yet', () => {
    const planned = trip({
      state: 'approved',
      plannedDeparture: '2026-12-30',
      plannedReturn: '2027-01-05',
      actualDeparture: null,
      actualReturn: null,
    });
    expect(tripFallsInYear(planned, 2026)).toBe(true);
    expect(tripFallsInYear(planned, 2027)).toBe(true);
    expect(tripFallsInYear(planned, 2028)).toBe(false);
  });

  it('keeps a member still abroad in every year from the departure on', () => {
    const abroad = trip({
      state: 'unauthorised_stay',
      plannedDeparture: '2024-06-01',
      plannedReturn: '2024-07-01',
      actualDeparture: '2024-06-01',
      actualReturn: null,
    });
    expect(tripFallsInYear(abroad, 2023)).toBe(false);
    expect(tripFallsInYear(abroad, 2024)).toBe(true);
    expect(tripFallsInYear(abroad, 2026)).toBe(true);
  });

  it('leaves out refused, cancelled and draft trips', () => {
    for (const state of ['rejected', 'cancelled', 'draft'] as const) {
      expect(tripFallsInYear(trip({ state, actualDeparture: null, actualReturn: null }), 2026)).toBe(false);
    }
  });
});

describe('annualRecordLines', () => {
  it('words each line in Vietnamese with dates as dd/mm/yyyy, oldest first', () => {
    const lines = annualRecordLines(
      [
        trip({
          countries: ['LA', 'TH'],
          purpose: 'tourism',
          purposeDetail: 'theo đoàn',
          plannedDeparture: '2026-08-01',
          plannedReturn: '2026-08-05',
          actualDeparture: '2026-08-01',
          actualReturn: '2026-08-05',
          approvalRef: '40-QĐ/ĐU',
          approvalDate: '2026-07-20',
        }),
        trip(),
        trip({
          plannedDeparture: '2025-05-01',
          plannedReturn: '2025-05-03',
          actualDeparture: '2025-05-01',
          actualReturn: '2025-05-03',
        }),
      ],
      2026,
      committee,
    );
    expect(lines.map(({ from: _from, ...line }) => line)).toEqual([
      {
        period: '01/03/2026 – 12/03/2026',
        countries: 'Hàn Quốc',
        purpose: 'Thăm thân',
        permission: `Quyết định số 15-QĐ/ĐU ngày 15/02/2026 của ${committee}`,
        partyActivity: 'Vẫn sinh hoạt tại chi bộ',
      },
      {
        period: '01/08/2026 – 05/08/2026',
        countries: 'Lào, Thái Lan',
        purpose: 'Du lịch (theo đoàn)',
        permission: `Quyết định số 40-QĐ/ĐU ngày 20/07/2026 của ${committee}`,
        partyActivity: 'Vẫn sinh hoạt tại chi bộ',
      },
    ]);
  });

  it('marks planned dates, a stay still running, a missing decision, and the party activity handling', () => {
    const [planned] = annualRecordLines(
      [trip({ state: 'approved', actualDeparture: null, actualReturn: null, approvingCommittee: null })],
      2026,
      committee,
    );
    expect(planned?.period).toBe('01/03/2026 – 10/03/2026 (dự kiến)');
    expect(planned?.permission).toBe(`Quyết định số 15-QĐ/ĐU ngày 15/02/2026 của ${committee}`);

    const [abroad] = annualRecordLines(
      [trip({ state: 'departed', actualReturn: null, approvalRef: null, approvalDate: null, activityTransfer: 'temporary' })],
      2026,
      committee,
    );
    expect(abroad?.period).toBe('01/03/2026 – nay (đang ở nước ngoài)');
    expect(abroad?.permission).toBe('Chưa ghi quyết định cho phép');
    expect(abroad?.partyActivity).toBe('Chuyển sinh hoạt đảng tạm thời');

    const [labour] = annualRecordLines(
      [trip({ purpose: 'labour', labourExportTransfer: true, exemption: true, transferredBackDate: '2026-11-02' })],
      2026,
      committee,
    );
    expect(labour?.partyActivity).toBe(
      'Chuyển sinh hoạt đảng đi xuất khẩu lao động; Miễn sinh hoạt đảng; chuyển sinh hoạt về ngày 02/11/2026',
    );
  });

  it('prints a country typed by name as it was typed', () => {
    const [line] = annualRecordLines([trip({ countries: ['KR', 'Vùng lãnh thổ X'] })], 2026, committee);
    expect(line?.countries).toBe('Hàn Quốc, Vùng lãnh thổ X');
  });

  it('has nothing to list for a year without trips', () => {
    expect(annualRecordLines([trip({ state: 'cancelled' })], 2026, committee)).toEqual([]);
  });
});
