import path from 'node:path';
import { describe, expect, it } from 'vitest';
import packageJson from '../../package.json';
import { freshFolder, so86, vinhTrachInit } from '../testkit/cli';

const password = 'mật khẩu đủ dài 2026';

function freshDatabase() {
  return path.join(freshFolder(), 'so86.db');
}

const initArgs = (db: string) => [...vinhTrachInit(db)];

describe('the so86 command', () => {
  it('prints its version', async () => {
    expect(await so86(['--version'])).toMatchObject({ code: 0, stdout: `${packageJson.version}\n` });
  });

  it('creates a registry, prints the recovery key once, then reports its status as JSON', async () => {
    const db = freshDatabase();
    const created = await so86(initArgs(db), { SO86_PASSWORD: password });
    expect(created.code).toBe(0);
    expect(created.stdout.trim()).toMatch(/^([0-9A-Z]{4}-){7}[0-9A-Z]{4}$/);
    expect(created.stderr).toContain('Đã tạo sổ dữ liệu mã hóa cho Đảng ủy xã Vĩnh Trạch');

    const status = await so86(['status', '--db', db, '--json'], { SO86_PASSWORD: password });
    expect(status.code).toBe(0);
    expect(JSON.parse(status.stdout)).toMatchObject({
      unit: { code: 'VINHTRACH', name: 'Đảng ủy xã Vĩnh Trạch', level: 'commune' },
      schemaVersion: expect.any(Number),
      counts: { users: 1, members: 0 },
    });

    const human = await so86(['status', '--db', db, '--lang', 'en'], { SO86_PASSWORD: password });
    expect(human.stdout).toContain('Unit: Đảng ủy xã Vĩnh Trạch (VINHTRACH, Commune or ward)');
  });

  it('exits 4 on a wrong password and 1 on a registry that already exists', async () => {
    const db = freshDatabase();
    await so86(initArgs(db), { SO86_PASSWORD: password });
    const wrong = await so86(['status', '--db', db], { SO86_PASSWORD: 'không phải mật khẩu' });
    expect(wrong.code).toBe(4);
    expect(wrong.stderr).toMatch(/^WRONG_PASSWORD: /);
    const again = await so86(initArgs(db), { SO86_PASSWORD: password });
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/^ALREADY_INITIALISED: /);
  });

  it("asks for the parent unit code in plain Vietnamese, without the level's internal name", async () => {
    const db = freshDatabase();
    const withoutParent = initArgs(db).filter(
      (_, index, args) => args[index] !== '--parent-code' && args[index - 1] !== '--parent-code',
    );
    const refused = await so86(withoutParent, { SO86_PASSWORD: password });
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('PARENT_REQUIRED: Chưa có mã đơn vị cấp trên. Hãy nhập mã của cấp ủy cấp trên trực tiếp');
    expect(refused.stderr).not.toContain('commune');
  });

  it('exits 2 on bad usage: an unknown command, a missing option, an invalid value, no password and no terminal', async () => {
    const db = freshDatabase();
    expect((await so86(['frobnicate'])).code).toBe(2);
    const missing = await so86(['init', '--db', db, '--unit-name', 'X', '--level', 'commune', '--admin', 'a1'], {
      SO86_PASSWORD: password,
    });
    expect(missing).toMatchObject({ code: 2 });
    expect(missing.stderr).toContain('--unit-code');
    const invalid = await so86([...initArgs(db).slice(0, 4), 'mã có dấu', ...initArgs(db).slice(5)], { SO86_PASSWORD: password });
    expect(invalid.code).toBe(2);
    expect(invalid.stderr).toContain('Mã đơn vị chỉ gồm chữ không dấu');
    const noPassword = await so86(initArgs(db));
    expect(noPassword.code).toBe(2);
    expect(noPassword.stderr).toContain('SO86_PASSWORD');
  });
});
