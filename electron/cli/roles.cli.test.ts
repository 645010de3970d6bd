import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { csvText, memberKeys, memberRow } from '../testkit/importFiles';
import { Registry } from '../services/storage/registry/registry';
import { commandNames } from './main';
import { freshFolder, so86 } from '../testkit/cli';

const adminPassword = 'mật khẩu quản trị 2026';
const viewerPassword = 'mật khẩu người xem 2026';
const folder = freshFolder('so86-cli-roles-');
const db = path.join(folder, 'office', 'so86.db');
const province = path.join(folder, 'province', 'so86.db');
const file = (name: string) => path.join(folder, name);
const asAdministrator = { SO86_PASSWORD: adminPassword, SO86_USER: 'vanphong' };
const asViewer = { SO86_PASSWORD: viewerPassword, SO86_USER: 'xem', SO86_NEW_PASSWORD: 'mật khẩu chiếm quyền 2026' };

async function ok(args: string[], env: Record<string, string>) {
  const result = await so86(args, env);
  if (result.code !== 0) throw new Error(`so86 ${args.join(' ')} exited ${result.code}: ${result.stderr}`);
  return result;
}

let provinceFingerprint = '';

beforeAll(async () => {
  const unit = ['--level', 'commune', '--parent-code', 'ANGIANG', '--admin', 'vanphong'];
  await ok(['init', '--db', db, '--unit-code', 'VINHTRACH', '--unit-name', 'Đảng ủy xã Vĩnh Trạch', ...unit], asAdministrator);
  await ok(
    [
      'init',
      '--db',
      province,
      '--unit-code',
      'ANGIANG',
      '--unit-name',
      'Tỉnh ủy An Giang',
      '--level',
      'province',
      '--parent-code',
      'TW',
      '--admin',
      'vanphong',
    ],
    asAdministrator,
  );
  provinceFingerprint = (
    JSON.parse(
      (await ok(['keys', 'card', '--db', province, '--out', file('the-tinh.json'), '--json'], asAdministrator)).stdout,
    ) as { fingerprint: string }
  ).fingerprint;
  writeFileSync(file('dang-vien.csv'), csvText([[...memberKeys], memberRow(1), memberRow(2)]));
  writeFileSync(
    file('xuat-nhap-canh.csv'),
    csvText([
      ['full_name', 'birth_date', 'direction', 'date'],
      ['Trần Thị Bình', '1961-03-02', 'exit', '2026-01-05'],
    ]),
  );
  const added = await ok(['users', 'add', 'xem', '--role', 'viewer', '--full-name', 'Người chỉ xem', '--db', db], {
    ...asAdministrator,
    SO86_NEW_PASSWORD: viewerPassword,
  });
  expect(added.stderr).toContain('Đã thêm tài khoản “xem” với vai trò Chỉ xem.');
}, 240_000);

/**
 * Every command the viewer tried in the review, and every other command that writes to the
 * registry or hands out what it holds: each is refused by the dispatcher's role check.
 */
const refusedForViewer: { args: string[]; needs: string; writes?: string }[] = [
  { args: ['import', 'members', file('dang-vien.csv')], needs: '“Quản trị” hoặc “Cán bộ nhập liệu” hoặc “Lãnh đạo”' },
  { args: ['keys', 'trust', file('the-tinh.json'), '--fingerprint', 'FINGERPRINT'], needs: '“Quản trị”' },
  { args: ['backup', '--out', file('sao-luu.so86bak')], needs: '“Quản trị”', writes: file('sao-luu.so86bak') },
  {
    args: [
      'package',
      'export',
      '--from',
      '2026-01-01',
      '--to',
      '2026-06-30',
      '--out',
      file('bao-cao.so86'),
      '--recipient',
      file('the-tinh.json'),
    ],
    needs: '“Quản trị” hoặc “Lãnh đạo”',
    writes: file('bao-cao.so86'),
  },
  { args: ['users', 'list'], needs: '“Quản trị”' },
  { args: ['users', 'add', 'moi', '--role', 'administrator'], needs: '“Quản trị”' },
  { args: ['users', 'role', 'xem', 'administrator'], needs: '“Quản trị”' },
  { args: ['users', 'disable', 'vanphong'], needs: '“Quản trị”' },
  { args: ['users', 'enable', 'vanphong'], needs: '“Quản trị”' },
  { args: ['users', 'password', 'vanphong'], needs: '“Quản trị”' },
  { args: ['rekey'], needs: '“Quản trị”' },
  { args: ['reconcile', file('xuat-nhap-canh.csv')], needs: '“Quản trị” hoặc “Cán bộ nhập liệu” hoặc “Lãnh đạo”' },
];

describe('one door: the command line goes through the dispatcher', () => {
  it('the review’s attack: a viewer imports, trusts a key card, backs up, signs a report file, manages accounts, rekeys — each refused, exit 1, nothing written, each audited', async () => {
    const keyfileBefore = readFileSync(`${db}.keys`, 'utf8');
    for (const attempt of refusedForViewer) {
      const args = attempt.args.map((arg) => (arg === 'FINGERPRINT' ? provinceFingerprint : arg));
      const result = await so86([...args, '--db', db], asViewer);
      expect({ args: attempt.args, code: result.code, stdout: result.stdout }).toEqual({
        args: attempt.args,
        code: 1,
        stdout: '',
      });
      expect(result.stderr).toMatch(/^FORBIDDEN: Vai trò “Chỉ xem” không được phép thực hiện thao tác này; cần vai trò /);
      expect(result.stderr).toContain(`cần vai trò ${attempt.needs}.`);
      if (attempt.writes) expect(existsSync(attempt.writes)).toBe(false);
    }
    // No account, password or key changed: the viewer's sign-ins only reset its own failure count, which was already zero.
    expect(JSON.parse(readFileSync(`${db}.keys`, 'utf8'))).toEqual(JSON.parse(keyfileBefore));

    const registry = await Registry.unlock(db, 'vanphong', adminPassword);
    try {
      expect(registry.counts()).toMatchObject({ members: 0, users: 2 });
      expect(registry.sqlite.prepare('SELECT count(*) AS n FROM trusted_cards').get()).toEqual({ n: 0 });
      const refused = registry.sqlite
        .prepare(`SELECT action FROM audit_log WHERE username = 'xem' AND outcome = 'refused' ORDER BY seq`)
        .all() as { action: string }[];
      expect(refused.map((row) => row.action)).toEqual([
        'import.commit',
        'keys.trust',
        'backup.create',
        'packages.export',
        'users.list',
        'users.create',
        'users.update',
        'users.update',
        'users.update',
        'users.resetPassword',
        'registry.rekey',
        'reconcile.run',
      ]);
      const viewer = registry.sqlite.prepare(`SELECT role, active FROM users WHERE username = 'xem'`).get();
      expect(viewer).toEqual({ role: 'viewer', active: 1 });
    } finally {
      registry.close();
    }
  }, 600_000);

  it('refuses a viewer before asking for a new password it could not set', async () => {
    const { SO86_NEW_PASSWORD: _unused, ...withoutNewPassword } = asViewer;
    for (const args of [
      ['users', 'password', 'vanphong'],
      ['users', 'add', 'moi', '--role', 'administrator'],
      ['users', 'enable', 'vanphong'],
    ]) {
      const result = await so86([...args, '--db', db], withoutNewPassword);
      expect({ args, code: result.code }).toEqual({ args, code: 1 });
      expect(result.stderr).toMatch(/^FORBIDDEN: Vai trò “Chỉ xem” không được phép thực hiện thao tác này/);
    }
  }, 120_000);

  it('names every command: each reaches the services only through the dispatcher, and the few that do not open a registry say why', () => {
    const throughDispatcher = [
      'init',
      'status',
      'report',
      'keys',
      'package',
      'import',
      'members',
      'trips',
      'audit',
      'backup',
      'restore',
      'users',
      'rekey',
      'annual-record',
      'reconcile',
    ];
    // `demo` creates new registries, or fills an empty one only after an administrator's password opened it (checked in the service).
    const withoutRegistry = ['demo'];
    expect([...commandNames].sort()).toEqual([...throughDispatcher, ...withoutRegistry].sort());

    // The command modules import from the services only what reads no registry: file paths, fingerprints, checking a report file against itself, the demo generator.
    const allowed = new Set([
      '../../services/domain/exchange/transfer#inspectWithoutRegistry',
      '../../services/formats/reportFiles#formatFingerprint',
      '../../services/application/demo/scenarios',
      '../../services/storage/paths',
    ]);
    const commandsFolder = path.join(import.meta.dirname, 'commands');
    for (const name of readdirSync(commandsFolder)) {
      const source = readFileSync(path.join(commandsFolder, name), 'utf8');
      for (const match of source.matchAll(/import\s+(?:type\s+)?\{([^}]*)\}\s+from\s+'(\.\.\/\.\.\/services\/[^']+)'/g)) {
        const [, imported, from] = match;
        if (allowed.has(from!)) continue;
        for (const binding of imported!
          .split(',')
          .map((part) => part.trim())
          .filter(Boolean)) {
          expect({ file: name, import: `${from}#${binding}` }).toEqual({
            file: name,
            import: expect.toSatisfy((value: string) => allowed.has(value)),
          });
        }
      }
    }
    // And the door itself: the command line's session is the dispatcher's.
    expect(readFileSync(path.join(import.meta.dirname, 'io.ts'), 'utf8')).toContain('createDispatcher(session)');
  });
});

describe('an administrator manages the accounts from the command line', () => {
  const clerk = (password: string) => ({ SO86_USER: 'nhaplieu', SO86_PASSWORD: password });
  const first = 'mật khẩu nhập liệu 2026';
  const reset = 'mật khẩu cấp lại 2026';
  const afterEnable = 'mật khẩu mở lại 2026';

  function accountIn(registry: Registry, username: string) {
    return registry.sqlite
      .prepare('SELECT role, active, display_name AS displayName FROM users WHERE username = ?')
      .get(username);
  }

  it('lists, adds, changes a role, sets a password, disables and enables: each exit 0, and the registry and its key file hold the change', async () => {
    const listed = await ok(['users', 'list', '--db', db], asAdministrator);
    expect(listed.stdout).toContain('vanphong');
    expect(listed.stdout).toContain('xem');
    const asJson = JSON.parse((await ok(['users', 'list', '--db', db, '--json'], asAdministrator)).stdout) as {
      username: string;
      role: string;
      active: boolean;
    }[];
    expect(asJson.map((user) => [user.username, user.role, user.active])).toEqual([
      ['vanphong', 'administrator', true],
      ['xem', 'viewer', true],
    ]);

    await ok(['users', 'add', 'nhaplieu', '--role', 'clerk', '--full-name', 'Cán bộ nhập liệu', '--db', db], {
      ...asAdministrator,
      SO86_NEW_PASSWORD: first,
    });
    const promoted = await ok(['users', 'role', 'NhapLieu', 'leader', '--db', db], asAdministrator);
    expect(promoted.stdout + promoted.stderr).toContain('nhaplieu');
    await ok(['status', '--db', db], clerk(first));

    const passwordSet = await ok(['users', 'password', 'nhaplieu', '--db', db], { ...asAdministrator, SO86_NEW_PASSWORD: reset });
    expect(passwordSet.stdout + passwordSet.stderr).toContain('nhaplieu');
    expect((await so86(['status', '--db', db], clerk(first))).code).toBe(4);
    await ok(['status', '--db', db], clerk(reset));
    let registry = await Registry.unlock(db, 'nhaplieu', reset);
    try {
      // Promoted to leader, then given a password by an administrator who holds the office keys: it holds them too.
      expect(registry.officeKeysIfHeld()).not.toBeNull();
    } finally {
      registry.close();
    }

    const disabled = await ok(['users', 'disable', 'nhaplieu', '--db', db], asAdministrator);
    expect(disabled.stdout).toMatch(/([0-9A-Z]{4}-){7}[0-9A-Z]{4}/);
    expect((await so86(['status', '--db', db], clerk(reset))).code).toBe(4);

    await ok(['users', 'enable', 'nhaplieu', '--db', db], { ...asAdministrator, SO86_NEW_PASSWORD: afterEnable });
    expect((await so86(['status', '--db', db], clerk(reset))).code).toBe(4);
    await ok(['status', '--db', db], clerk(afterEnable));

    expect((await so86(['users', 'role', 'khongco', 'clerk', '--db', db], asAdministrator)).stderr).toMatch(/^USER_NOT_FOUND: /);

    registry = await Registry.unlock(db, 'vanphong', adminPassword);
    try {
      expect(accountIn(registry, 'nhaplieu')).toEqual({ role: 'leader', active: 1, displayName: 'Cán bộ nhập liệu' });
      const done = registry.sqlite
        .prepare(`SELECT action FROM audit_log WHERE username = 'vanphong' AND action LIKE 'user.%' ORDER BY seq`)
        .all() as { action: string }[];
      expect(done.map((row) => row.action)).toEqual([
        'user.create',
        'user.create',
        'user.create',
        'user.update',
        'user.reset_password',
        'user.update',
        'user.update',
        'user.reset_password',
      ]);
    } finally {
      registry.close();
    }
  }, 600_000);
});
