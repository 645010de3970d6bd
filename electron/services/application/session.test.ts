import { existsSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { trainingAccount } from '@shared/domain/training';
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
