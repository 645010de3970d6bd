import { existsSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { trainingAccount } from '@shared/domain/training';
import { addMember } from '../../testkit/backup';
import { openTestRegistry, testPassword, type OpenTestRegistry } from '../../testkit/registry';
import { runScheduledBackup } from './backupSchedule';
import { AppSession } from './session';

describe('training mode', () => {
  it('switches to a training registry of sample data beside the real one, never backs it up, and switches back', async () => {
    const folder = mkdtempSync(path.join(tmpdir(), 'so86-training-'));
    const session = new AppSession({ databaseFile: path.join(folder, 'so86.db'), appVersion: 'test' });
    expect(session.status()).toMatchObject({
      state: 'uninitialised',
      training: false,
      databaseFile: path.join(folder, 'so86.db'),
    });

    expect(await session.setTraining(true)).toMatchObject({
      state: 'locked',
      training: true,
      databaseFile: path.join(folder, 'so86-training.db'),
    });
    await expect(session.unlock(trainingAccount.username, 'not the password')).rejects.toMatchObject({ code: 'WRONG_PASSWORD' });
    const unlocked = await session.unlock(trainingAccount.username, trainingAccount.password);
    expect(unlocked).toMatchObject({ state: 'unlocked', training: true, unit: { level: 'commune' } });
    const counts = session.requireRegistry().counts();
    expect(counts.members).toBeGreaterThanOrEqual(300);
    expect(counts.trips).toBeGreaterThanOrEqual(20);
    expect(await runScheduledBackup(session)).toBeNull();
    expect(existsSync(path.join(folder, 'backups'))).toBe(false);

    expect(await session.setTraining(false)).toMatchObject({ state: 'uninitialised', training: false, user: null });
    expect(session.registry).toBeNull();
    expect(readdirSync(folder).filter((name) => name.startsWith('so86.db'))).toEqual([]);

    const again = await session.setTraining(true);
    expect(again).toMatchObject({ state: 'locked', training: true });
    await session.unlock(trainingAccount.username, trainingAccount.password);
    expect(session.requireRegistry().counts().members).toBe(counts.members);
    session.dispose();
  });
});

describe('signing in', () => {
  it('takes the user name with a space typed before or after it, in any case', async () => {
    const registry = await openTestRegistry();
    try {
      registry.session.lock();
      expect(await registry.call('session.unlock', { username: ' Admin ', password: testPassword })).toMatchObject({
        state: 'unlocked',
        user: { username: 'admin' },
      });
    } finally {
      registry.session.dispose();
    }
  });
});

describe('the check of the file after signing in', () => {
  /** Asks for the check's verdict every `everyMs` until it has one: each call is activity the check gives way to. */
  async function verdictAsked(registry: OpenTestRegistry, everyMs: number) {
    let verdict = await registry.call('integrity.status', {});
    while (verdict === null) {
      await new Promise((next) => setTimeout(next, everyMs));
      verdict = await registry.call('integrity.status', {});
    }
    return verdict;
  }

  async function signedInAgain() {
    const registry = await openTestRegistry(undefined, { checkAfterSigningIn: true });
    await addMember(registry);
    registry.session.lock();
    await registry.call('session.unlock', { username: 'admin', password: testPassword });
    return registry;
  }

  it('lets the window work while it runs one table at a time, then shows its verdict', async () => {
    const registry = await signedInAgain();
    try {
      expect(await registry.call('integrity.status', {})).toBeNull();
      expect((await registry.call('members.search', {})).total).toBe(1);
      expect(await verdictAsked(registry, 200)).toMatchObject({ depth: 'quick', ok: true, problems: [] });
      expect(registry.session.status()).toMatchObject({ state: 'unlocked', foundDamaged: false });
    } finally {
      registry.session.dispose();
    }
  });

  it('finishes within seconds even when the window never stops calling', async () => {
    const registry = await signedInAgain();
    try {
      expect(await verdictAsked(registry, 10)).toMatchObject({ ok: true });
    } finally {
      registry.session.dispose();
    }
  });
});
