import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { auditLog } from '@db/schema';
import { errorSentence } from '@shared/errors';
import { translatorIn } from '@shared/i18n';
import { createDispatcher } from '../application/api/dispatch';
import { verifyAuditChain } from '../storage/audit';
import { AppSession } from '../application/session';

const adminPassword = 'quản trị viên 2026';
const clerkPassword = 'cán bộ nhập liệu 2026';
const sessions: AppSession[] = [];

async function setUp() {
  const session = new AppSession({
    databaseFile: path.join(mkdtempSync(path.join(tmpdir(), 'so86-users-')), 'so86.db'),
    appVersion: 'test',
  });
  sessions.push(session);
  const dispatch = createDispatcher(session);
  await dispatch('setup.newRecoveryKey', {});
  const created = await dispatch('setup.create', {
    unit: { code: 'VT', name: 'Đảng ủy xã Vĩnh Trạch', level: 'commune', parentCode: 'AG' },
    admin: { username: 'admin', displayName: 'Quản trị', password: adminPassword, passwordConfirm: adminPassword },
    recoveryKeyConfirmed: true,
  });
  expect(created.ok).toBe(true);
  return { session, dispatch };
}

afterEach(() => {
  for (const session of sessions.splice(0)) session.dispose();
});

describe('users and roles', () => {
  it('lets an administrator add a clerk who can then sign in, but not manage users; the refusal is audited', async () => {
    const { session, dispatch } = await setUp();
    const clerk = await dispatch('users.create', {
      username: 'canbo',
      displayName: 'Lê Văn Tâm',
      role: 'clerk',
      password: clerkPassword,
      passwordConfirm: clerkPassword,
    });
    expect(clerk).toMatchObject({ ok: true, value: { username: 'canbo', role: 'clerk', active: true } });
    expect(
      await dispatch('users.create', {
        username: 'canbo',
        displayName: 'X',
        role: 'viewer',
        password: clerkPassword,
        passwordConfirm: clerkPassword,
      }),
    ).toMatchObject({
      ok: false,
      error: { code: 'USER_EXISTS' },
    });

    await dispatch('session.lock', {});
    expect(await dispatch('session.unlock', { username: 'canbo', password: clerkPassword })).toMatchObject({
      ok: true,
      value: { user: { username: 'canbo', role: 'clerk' } },
    });
    const refused = await dispatch('users.create', {
      username: 'khac',
      displayName: 'Y',
      role: 'administrator',
      password: clerkPassword,
      passwordConfirm: clerkPassword,
    });
    expect(refused).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const refusal = refused.ok ? '' : errorSentence(refused.error, translatorIn('vi'));
    expect(refusal).toContain('Cán bộ nhập liệu');
    expect(refusal).toContain('cần vai trò “Quản trị”');
    expect(await dispatch('users.list', {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });

    // Refused reads are audited too, so that probing shows in the log.
    const registry = session.requireRegistry();
    const lastRows = registry.db.select().from(auditLog).all().slice(-2);
    expect(lastRows).toMatchObject([
      { action: 'users.create', outcome: 'refused', username: 'canbo' },
      { action: 'users.list', outcome: 'refused', username: 'canbo' },
    ]);
    expect(verifyAuditChain(registry).ok).toBe(true);
  });

  it('disables an account so its password no longer opens the registry, and re-enables it with a new password', async () => {
    const { dispatch } = await setUp();
    const created = await dispatch('users.create', {
      username: 'canbo',
      displayName: 'Lê Văn Tâm',
      role: 'clerk',
      password: clerkPassword,
      passwordConfirm: clerkPassword,
    });
    const id = (created as { value: { id: string } }).value.id;
    expect(await dispatch('users.update', { id, active: false })).toMatchObject({ ok: true, value: { active: false } });
    await dispatch('session.lock', {});
    expect(await dispatch('session.unlock', { username: 'canbo', password: clerkPassword })).toMatchObject({
      ok: false,
      error: { code: 'WRONG_PASSWORD' },
    });

    await dispatch('session.unlock', { username: 'admin', password: adminPassword });
    await dispatch('users.update', { id, active: true });
    await dispatch('users.resetPassword', { id, password: 'mật khẩu mới cấp lại', passwordConfirm: 'mật khẩu mới cấp lại' });
    await dispatch('session.lock', {});
    expect(await dispatch('session.unlock', { username: 'canbo', password: 'mật khẩu mới cấp lại' })).toMatchObject({ ok: true });
  });

  it('keeps one active administrator and refuses to disable the signed-in account', async () => {
    const { dispatch, session } = await setUp();
    const adminId = session.status().user!.id;
    expect(await dispatch('users.update', { id: adminId, role: 'clerk' })).toMatchObject({
      ok: false,
      error: { code: 'LAST_ADMINISTRATOR' },
    });
    expect(await dispatch('users.update', { id: adminId, active: false })).toMatchObject({
      ok: false,
      error: { code: 'CANNOT_DISABLE_SELF' },
    });
    await dispatch('users.create', {
      username: 'admin2',
      displayName: 'Quản trị 2',
      role: 'administrator',
      password: clerkPassword,
      passwordConfirm: clerkPassword,
    });
    expect(await dispatch('users.update', { id: adminId, role: 'leader' })).toMatchObject({
      ok: true,
      value: { role: 'leader' },
    });
  });
});

describe('auto-lock', () => {
  it('locks after the idle time, drops the registry and tells the renderer why', async () => {
    const { session, dispatch } = await setUp();
    const locked: string[] = [];
    session.onEvent((name, payload) => locked.push(`${name}:${(payload as { reason: string }).reason}`));
    const start = Date.now();
    session.touch(start);
    expect(session.lockIfIdle(start + 14 * 60_000)).toBe(false);
    expect(session.lockIfIdle(start + 15 * 60_000)).toBe(true);
    expect(session.registry).toBeNull();
    expect(locked).toEqual(['session.locked:idle']);
    expect(await dispatch('registry.overview', {})).toMatchObject({ ok: false, error: { code: 'LOCKED' } });
  });
});
