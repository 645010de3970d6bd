import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { freshFolder, so86 } from '../testkit/cli';

const env = { SO86_PASSWORD: 'mật khẩu đủ dài 2026' };

describe('so86 demo', () => {
  it('fills a new commune registry that the other commands then read', async () => {
    const db = path.join(freshFolder(), 'xa.db');
    const made = await so86(['demo', '--db', db, '--scale', 'commune', '--seed', '12', '--json'], env);
    expect(made.code).toBe(0);
    const result = JSON.parse(made.stdout) as {
      scale: string;
      seed: number;
      recoveryKey: string;
      counts: { members: number; trips: number };
    };
    expect(result).toMatchObject({ scale: 'commune', seed: 12 });
    expect(result.recoveryKey).toMatch(/^([0-9A-Z]{4}-){7}[0-9A-Z]{4}$/);

    const status = await so86(['status', '--db', db, '--json'], env);
    expect(JSON.parse(status.stdout)).toMatchObject({ counts: { members: result.counts.members, trips: result.counts.trips } });
    const abroad = await so86(['trips', 'list', '--db', db, '--state', 'unauthorised_stay', '--json'], env);
    expect((JSON.parse(abroad.stdout) as unknown[]).length).toBeGreaterThan(0);

    const again = await so86(['demo', '--db', db, '--scale', 'commune'], env);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('DEMO_NOT_EMPTY');
  });

  it('refuses an unknown scale as bad usage', async () => {
    const result = await so86(['demo', '--db', path.join(freshFolder(), 'x.db'), '--scale', 'district'], env);
    expect(result.code).toBe(2);
  });
});
