import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { auditLog } from '@db/schema';
import type { TripInput } from '@shared/contract/registry';
import { addDays, civilDateInVietnam } from '@shared/rules/dates';
import { openTestRegistry, testPassword, type OpenTestRegistry } from '../../../testkit/registry';

let registry: OpenTestRegistry;
const today = civilDateInVietnam(new Date());
const day = (offset: number) => addDays(today, offset);

beforeEach(async () => {
  registry = await openTestRegistry();
});

afterEach(() => registry.session.dispose());

async function tripFor(input: Partial<TripInput> = {}) {
  const member = await registry.call('members.save', {
    code: 'DV-0001',
    fullName: 'Đặng Thị Hoà',
    cellName: 'Chi bộ ấp Tây Bình',
  });
  return registry.call('trips.save', {
    memberId: member.id,
    purpose: 'tourism',
    selfFunded: true,
    countries: ['KR'],
    plannedDeparture: day(-40),
    plannedReturn: day(-30),
    ...input,
  });
}

function auditRows(action: string) {
  return registry.session
    .requireRegistry()
    .db.select()
    .from(auditLog)
    .all()
    .filter((row) => row.action === action);
}

async function signInAs(role: 'clerk' | 'viewer') {
  await registry.call('users.create', {
    username: role === 'clerk' ? 'canbo' : 'xem',
    displayName: 'Người dùng',
    role,
    password: testPassword,
    passwordConfirm: testPassword,
  });
  await registry.call('session.lock', {});
  await registry.call('session.unlock', { username: role === 'clerk' ? 'canbo' : 'xem', password: testPassword });
}

describe('correcting the last recorded step', () => {
  it('records the corrected return date, recomputes the flags and deadlines, and audits before, after and reason', async () => {
    const trip = await tripFor();
    await registry.call('trips.transition', {
      tripId: trip.id,
      transition: 'submit',
      input: { applicationDate: day(-60), cellOpinion: 'Đồng ý' },
    });
    await registry.call('trips.transition', {
      tripId: trip.id,
      transition: 'approve',
      input: { approvalRef: '12-QĐ/ĐU', approvalDate: day(-50), approvingCommittee: 'BTV' },
    });
    await registry.call('trips.transition', { tripId: trip.id, transition: 'depart', input: { actualDeparture: day(-40) } });
    // Typed a month late: the return looks like an overstay and the report is not yet due.
    const wrong = await registry.call('trips.transition', {
      tripId: trip.id,
      transition: 'return',
      input: { actualReturn: day(-2) },
    });
    expect(wrong.flags).toContain('overstay_without_extension');
    expect(wrong.overstay).toBe('unauthorised');
    expect(wrong.flags).not.toContain('return_report_overdue');
    expect(wrong.correctableStep).toBe('return');

    const corrected = await registry.call('trips.correctStep', {
      tripId: trip.id,
      reason: 'Nhập nhầm ngày về nước.',
      step: { transition: 'return', input: { actualReturn: day(-30) } },
    });
    expect(corrected.actualReturn).toBe(day(-30));
    expect(corrected.state).toBe('returned');
    expect(corrected.overstay).toBe('none');
    expect(corrected.flags).not.toContain('overstay_without_extension');
    expect(corrected.flagDetails.find((flag) => flag.flag === 'return_report_overdue')).toMatchObject({
      open: true,
      advice: 'flagHelp.return_report_overdue',
    });

    const returnStep = corrected.events.find((event) => event.transition === 'return');
    expect(returnStep?.effectiveDate).toBe(day(-30));
    expect(corrected.events.at(-1)).toMatchObject({
      transition: 'correct_step',
      note: 'Nhập nhầm ngày về nước.',
      toState: 'returned',
    });
    const [audit] = auditRows('trip.correct_step');
    expect(audit).toMatchObject({ entityId: trip.id, outcome: 'done' });
    expect(JSON.parse(audit!.before!)).toMatchObject({ actualReturn: day(-2), overstay: 'unauthorised', step: 'return' });
    expect(JSON.parse(audit!.after!)).toMatchObject({
      actualReturn: day(-30),
      overstay: 'none',
      reason: 'Nhập nhầm ngày về nước.',
    });
    // The correction is a note in the history, not a step: the return stays the step to correct.
    expect(corrected.correctableStep).toBe('return');
  });

  it('corrects a decision number under the same rules, and refuses a correction the rules refuse, writing nothing', async () => {
    const trip = await tripFor();
    await registry.call('trips.transition', {
      tripId: trip.id,
      transition: 'submit',
      input: { applicationDate: day(-60), cellOpinion: 'Đồng ý' },
    });
    await registry.call('trips.transition', {
      tripId: trip.id,
      transition: 'approve',
      input: { approvalRef: '21-QĐ/ĐU', approvalDate: day(-50), approvingCommittee: 'BTV' },
    });
    const corrected = await registry.call('trips.correctStep', {
      tripId: trip.id,
      reason: 'Sai số quyết định.',
      step: { transition: 'approve', input: { approvalRef: '12-QĐ/ĐU', approvalDate: day(-50), approvingCommittee: 'BTV' } },
    });
    expect(corrected.approvalRef).toBe('12-QĐ/ĐU');
    expect(corrected.state).toBe('approved');

    expect(
      await registry.refusal('trips.correctStep', {
        tripId: trip.id,
        reason: 'Sửa ngày',
        step: { transition: 'approve', input: { approvalRef: '12-QĐ/ĐU', approvalDate: day(-61), approvingCommittee: 'BTV' } },
      }),
    ).toMatchObject({ code: 'TRANSITION_REFUSED', issues: [{ path: ['approvalDate'], key: 'check.approvalBeforeApplication' }] });
    expect(
      await registry.refusal('trips.correctStep', {
        tripId: trip.id,
        reason: 'Sửa ngày',
        step: { transition: 'submit', input: { applicationDate: day(-59), cellOpinion: 'Đồng ý' } },
      }),
    ).toMatchObject({ code: 'TRANSITION_REFUSED', issues: [{ key: 'reason.correct.notLastStep' }] });
    expect(
      await registry.refusal('trips.correctStep', {
        tripId: trip.id,
        reason: '  ',
        step: { transition: 'approve', input: { approvalRef: '1', approvalDate: day(-50), approvingCommittee: 'BTV' } },
      }),
    ).toMatchObject({
      code: 'VALIDATION',
      issues: [{ path: ['reason'], key: 'text.required' }],
    });
    const unchanged = await registry.call('trips.get', { id: trip.id });
    expect(unchanged.approvalDate).toBe(day(-50));
    expect(auditRows('trip.correct_step')).toHaveLength(1);
  });

  it('refuses a trip with no recorded step', async () => {
    const trip = await tripFor();
    expect(trip.correctableStep).toBeNull();
    expect(
      await registry.refusal('trips.correctStep', {
        tripId: trip.id,
        reason: 'Sửa',
        step: { transition: 'submit', input: { applicationDate: day(-60), cellOpinion: 'Đồng ý' } },
      }),
    ).toMatchObject({
      code: 'TRANSITION_REFUSED',
      issues: [{ key: 'reason.correct.noStep' }],
    });
  });

  it('lets only a leader or an administrator correct a decision, and no viewer correct anything', async () => {
    const trip = await tripFor();
    await registry.call('trips.transition', {
      tripId: trip.id,
      transition: 'submit',
      input: { applicationDate: day(-60), cellOpinion: 'Đồng ý' },
    });
    await registry.call('trips.transition', {
      tripId: trip.id,
      transition: 'approve',
      input: { approvalRef: '21-QĐ/ĐU', approvalDate: day(-50), approvingCommittee: 'BTV' },
    });
    await signInAs('clerk');
    expect(
      await registry.refusal('trips.correctStep', {
        tripId: trip.id,
        reason: 'Sai số',
        step: { transition: 'approve', input: { approvalRef: '12-QĐ/ĐU', approvalDate: day(-50), approvingCommittee: 'BTV' } },
      }),
    ).toMatchObject({
      code: 'FORBIDDEN',
    });
    expect(auditRows('trip.correct_step').at(-1)).toMatchObject({ outcome: 'refused', username: 'canbo' });
    expect((await registry.call('trips.get', { id: trip.id })).approvalRef).toBe('21-QĐ/ĐU');
  });
});

describe('removing a trip entered by mistake', () => {
  it('removes a trip with no decision with its history and countries, keeping the whole trip and the reason in the audit log', async () => {
    const trip = await tripFor();
    await registry.call('trips.transition', {
      tripId: trip.id,
      transition: 'submit',
      input: { applicationDate: day(-60), cellOpinion: 'Đồng ý' },
    });
    expect((await registry.call('trips.get', { id: trip.id })).deletable).toBe(true);
    await registry.call('trips.delete', { id: trip.id, reason: 'Nhập trùng chuyến đi.' });
    expect(await registry.refusal('trips.get', { id: trip.id })).toMatchObject({ code: 'NOT_FOUND' });
    expect((await registry.call('trips.search', {})).total).toBe(0);
    const sqlite = registry.session.requireRegistry().sqlite;
    expect(sqlite.prepare('SELECT count(*) AS n FROM trip_events WHERE trip_id = ?').get(trip.id)).toEqual({ n: 0 });
    expect(sqlite.prepare('SELECT count(*) AS n FROM trip_countries WHERE trip_id = ?').get(trip.id)).toEqual({ n: 0 });
    const [audit] = auditRows('trip.delete');
    expect(audit).toMatchObject({ entityId: trip.id, outcome: 'done' });
    expect(JSON.parse(audit!.before!)).toMatchObject({ id: trip.id, state: 'submitted', countries: ['KR'] });
    expect(JSON.parse(audit!.after!)).toEqual({ reason: 'Nhập trùng chuyến đi.' });
    expect((await registry.call('audit.verify', {})).ok).toBe(true);
  });

  it('refuses to remove a trip that has a decision, writing nothing', async () => {
    const trip = await tripFor();
    await registry.call('trips.transition', {
      tripId: trip.id,
      transition: 'submit',
      input: { applicationDate: day(-60), cellOpinion: 'Đồng ý' },
    });
    await registry.call('trips.transition', {
      tripId: trip.id,
      transition: 'approve',
      input: { approvalRef: '21-QĐ/ĐU', approvalDate: day(-50), approvingCommittee: 'BTV' },
    });
    await registry.call('trips.transition', {
      tripId: trip.id,
      transition: 'cancel',
      input: { cancelledOn: day(-45), reason: 'Không đi nữa' },
    });
    const cancelled = await registry.call('trips.get', { id: trip.id });
    expect(cancelled.deletable).toBe(false);
    expect(await registry.refusal('trips.delete', { id: trip.id, reason: 'Nhập trùng' })).toMatchObject({
      code: 'TRANSITION_REFUSED',
      issues: [{ key: 'reason.delete.hasDecision' }],
    });
    expect((await registry.call('trips.get', { id: trip.id })).state).toBe('cancelled');
    expect(auditRows('trip.delete')).toHaveLength(0);
  });

  it('lets no viewer remove a trip', async () => {
    const trip = await tripFor();
    await signInAs('viewer');
    expect(await registry.refusal('trips.delete', { id: trip.id, reason: 'Nhập trùng' })).toMatchObject({ code: 'FORBIDDEN' });
    expect((await registry.call('trips.get', { id: trip.id })).state).toBe('draft');
  });
});

describe('flags that still need action and flags kept for the record', () => {
  it('counts only the reports still to chase on the dashboard, and advises no reminder for a closed trip', async () => {
    const trip = await tripFor();
    await registry.call('trips.transition', {
      tripId: trip.id,
      transition: 'submit',
      input: { applicationDate: day(-60), cellOpinion: 'Đồng ý' },
    });
    await registry.call('trips.transition', {
      tripId: trip.id,
      transition: 'approve',
      input: { approvalRef: '12-QĐ/ĐU', approvalDate: day(-50), approvingCommittee: 'BTV' },
    });
    await registry.call('trips.transition', { tripId: trip.id, transition: 'depart', input: { actualDeparture: day(-40) } });
    await registry.call('trips.transition', { tripId: trip.id, transition: 'return', input: { actualReturn: day(-30) } });
    const period = { from: day(-365), to: day(30) };
    expect((await registry.call('dashboard.get', period)).reportsOverdue).toBe(1);
    await registry.call('trips.transition', {
      tripId: trip.id,
      transition: 'report',
      input: {
        returnReportDate: day(-5),
        contents: { foreignContacts: '', giftsAndInvitations: '', documentsBroughtBack: '', issues: '' },
      },
    });
    const closed = await registry.call('trips.transition', {
      tripId: trip.id,
      transition: 'close',
      input: { closedOn: day(-1), evaluation: 'Chấp hành tốt.' },
    });
    expect(closed.flagDetails).toEqual([
      expect.objectContaining({ flag: 'return_report_overdue', open: false, advice: 'flagRecord.return_report_overdue' }),
    ]);
    const board = await registry.call('dashboard.get', period);
    expect(board.flags.return_report_overdue).toBe(1);
    expect(board.reportsOverdue).toBe(0);
    expect((await registry.call('trips.search', { flag: 'return_report_overdue' })).total).toBe(1);
    expect((await registry.call('trips.search', { flag: 'return_report_overdue', openFlagsOnly: true })).total).toBe(0);
  });
});
