import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { civilDateInVietnam, addDays } from '@shared/rules/dates';
import { openTestRegistry, type OpenTestRegistry } from '../../../testkit/registry';

let registry: OpenTestRegistry;
const today = civilDateInVietnam(new Date());

async function trip(
  memberId: string,
  steps: {
    purpose?: 'tourism' | 'official';
    countries: string[];
    departure: string;
    plannedReturn: string;
    depart?: boolean;
    returnOn?: string;
    submitOnly?: boolean;
  },
) {
  let saved = await registry.call('trips.save', {
    memberId,
    purpose: steps.purpose ?? 'tourism',
    selfFunded: true,
    countries: steps.countries,
    plannedDeparture: steps.departure,
    plannedReturn: steps.plannedReturn,
  });
  const applied = [addDays(steps.departure, -20), today].sort()[0]!;
  saved = await registry.call('trips.transition', {
    tripId: saved.id,
    transition: 'submit',
    input: { applicationDate: applied, cellOpinion: 'Đồng ý' },
  });
  if (steps.submitOnly) return saved;
  saved = await registry.call('trips.transition', {
    tripId: saved.id,
    transition: 'approve',
    input: { approvalRef: 'QĐ', approvalDate: addDays(applied, 1), approvingCommittee: 'BTV' },
  });
  if (steps.depart)
    saved = await registry.call('trips.transition', {
      tripId: saved.id,
      transition: 'depart',
      input: { actualDeparture: steps.departure },
    });
  if (steps.returnOn)
    saved = await registry.call('trips.transition', {
      tripId: saved.id,
      transition: 'return',
      input: { actualReturn: steps.returnOn },
    });
  return saved;
}

beforeAll(async () => {
  registry = await openTestRegistry();
  const member = (code: string, fullName: string) => registry.call('members.save', { code, fullName, cellName: 'Chi bộ ấp 1' });
  const a = await member('A1', 'Nguyễn Văn An');
  const b = await member('B1', 'Trần Thị Bình');
  const c = await member('C1', 'Lê Văn Cường');
  await trip(a.id, { countries: ['KR'], departure: addDays(today, -10), plannedReturn: addDays(today, 3), depart: true });
  await trip(b.id, {
    countries: ['JP', 'KR'],
    departure: addDays(today, -60),
    plannedReturn: addDays(today, -50),
    depart: true,
    returnOn: addDays(today, -50),
  });
  await trip(c.id, {
    purpose: 'official',
    countries: ['LA'],
    departure: addDays(today, 30),
    plannedReturn: addDays(today, 40),
    submitOnly: true,
  });
});

afterAll(() => registry.session.dispose());

describe('the dashboard', () => {
  it('shows who is abroad, who is due back this week, what awaits a decision and the flags', async () => {
    const board = await registry.call('dashboard.get', {
      from: `${Number(today.slice(0, 4)) - 1}-01-01`,
      to: addDays(today, 60),
    });
    expect(board.abroadNow.map((row) => row.memberName)).toEqual(['Nguyễn Văn An']);
    expect(board.returnsDueThisWeek.map((row) => row.memberName)).toEqual(['Nguyễn Văn An']);
    expect(board.awaitingDecision.map((row) => row.memberName)).toEqual(['Lê Văn Cường']);
    expect(board.reportsOverdue).toBe(1);
    expect(board.flags.return_report_overdue).toBe(1);
    expect(board.byCountry).toEqual([
      { country: 'KR', count: 2 },
      { country: 'JP', count: 1 },
    ]);
    expect(board.byPurpose.find((entry) => entry.purpose === 'tourism')?.count).toBe(2);
    expect(board.byYear.reduce((sum, row) => sum + row.total, 0)).toBe(2);
  });

  it('refuses a period that runs backwards', async () => {
    expect(await registry.refusal('dashboard.get', { from: '2026-05-01', to: '2026-01-01' })).toMatchObject({
      code: 'VALIDATION',
      issues: [{ path: ['to'], key: 'period.backwards' }],
    });
  });
});
