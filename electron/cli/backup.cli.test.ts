import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { folderSnapshot } from '../testkit/backup';
import { Registry } from '../services/storage/registry/registry';
import { AppSession } from '../services/application/session';
import { freshFolder, so86, vinhTrachInit } from '../testkit/cli';

const password = 'mật khẩu đủ dài 2026';
const env = { SO86_PASSWORD: password };
const folder = freshFolder('so86-cli-backup-');
const office = path.join(folder, 'office', 'so86.db');
const backups = path.join(folder, 'usb');
const otherRegistry = path.join(folder, 'other', 'so86.db');
let recoveryKey = '';

async function ok(args: string[], extraEnv: Record<string, string> = {}) {
  const result = await so86(args, { ...env, ...extraEnv });
  if (result.code !== 0) throw new Error(`so86 ${args.join(' ')} exited ${result.code}: ${result.stderr}`);
  return result;
}

beforeAll(async () => {
  const created = await ok([...vinhTrachInit(office)]);
  recoveryKey = created.stdout.trim();
  await ok([
    'init',
    '--db',
    otherRegistry,
    '--unit-code',
    'ANPHU',
    '--unit-name',
    'Đảng ủy xã An Phú',
    '--level',
    'commune',
    '--parent-code',
    'ANGIANG',
    '--admin',
    'vanphong',
  ]);
  mkdirSync(backups);
}, 120_000);

describe('so86 backup and so86 restore', () => {
  let backupFile = '';

  it('backs up into a folder with a dated name, and checks the file with and without the password', async () => {
    const made = JSON.parse((await ok(['backup', '--db', office, '--out', backups, '--json'])).stdout) as {
      file: string;
      fileName: string;
      bytes: number;
    };
    backupFile = made.file;
    expect(made.fileName).toMatch(/^so86_VINHTRACH_\d{4}-\d{2}-\d{2}_\d{4}\.so86bak$/);
    expect(readFileSync(made.file).length).toBe(made.bytes);

    const structure = await so86(['restore', made.file, '--check']);
    expect(structure.code).toBe(0);
    expect(structure.stdout).toContain('Bản sao lưu nguyên vẹn: đơn vị VINHTRACH');
    const opened = await ok(['restore', made.file, '--check', '--lang', 'en']);
    expect(opened.stdout).toContain('The backup of Đảng ủy xã Vĩnh Trạch opens');
  });

  it('restores to another place, and over the registry itself keeping the one it replaces; with the recovery key too', async () => {
    const elsewhere = path.join(folder, 'new-pc', 'so86.db');
    await ok(['restore', backupFile, '--db', elsewhere]);
    expect(JSON.parse((await ok(['status', '--db', elsewhere, '--json'])).stdout)).toMatchObject({ unit: { code: 'VINHTRACH' } });

    const over = JSON.parse(
      (await so86(['restore', backupFile, '--db', office, '--json'], { SO86_RECOVERY_KEY: recoveryKey })).stdout,
    ) as { keptAs: string };
    expect(path.basename(over.keptAs)).toMatch(/^so86\.db\.before-restore-\d{4}-\d{2}-\d{2}_\d{6}$/);
    expect(existsSync(`${over.keptAs}.keys`)).toBe(true);
    await ok(['status', '--db', office]);
    await ok(['status', '--db', over.keptAs]);
  });

  it('exits 4 on a wrong password, 1 on a damaged backup or another registry’s, 2 without a file, and changes nothing', async () => {
    const before = folderSnapshot(path.dirname(office));
    const wrong = await so86(['restore', backupFile, '--db', office], { SO86_PASSWORD: 'không phải mật khẩu' });
    expect(wrong).toMatchObject({ code: 4, stderr: expect.stringMatching(/^WRONG_PASSWORD: /) });

    const damaged = path.join(folder, 'damaged.so86bak');
    const bytes = readFileSync(backupFile);
    bytes[bytes.length - 10] = bytes[bytes.length - 10]! ^ 0xff;
    writeFileSync(damaged, bytes);
    const refused = await so86(['restore', damaged, '--db', office], env);
    expect(refused).toMatchObject({
      code: 1,
      stderr: expect.stringMatching(/^BACKUP_DAMAGED: Bản sao lưu “damaged.so86bak” bị hỏng/),
    });

    const other = JSON.parse(
      (await ok(['backup', '--db', otherRegistry, '--out', path.join(folder, 'other.so86bak'), '--json'])).stdout,
    ) as { file: string };
    const foreign = await so86(['restore', other.file, '--db', office], env);
    expect(foreign).toMatchObject({ code: 1, stderr: expect.stringMatching(/^BACKUP_OTHER_REGISTRY: /) });

    expect((await so86(['restore', '--db', office], env)).code).toBe(2);
    expect(folderSnapshot(path.dirname(office))).toEqual(before);
  });
});

describe('a disabled account and an older backup', () => {
  it('the review’s attack: a disabled clerk restores last month’s backup over the registry with its old password — refused, nothing touched, and the password opens nothing', async () => {
    const live = path.join(folder, 'disabled-clerk', 'so86.db');
    const clerk = { SO86_USER: 'nhaplieu', SO86_PASSWORD: 'mật khẩu của cán bộ 2026' };
    await ok([...vinhTrachInit(live)]);
    await ok(['users', 'add', clerk.SO86_USER, '--role', 'clerk', '--db', live], { SO86_NEW_PASSWORD: clerk.SO86_PASSWORD });
    const lastMonth = JSON.parse(
      (await ok(['backup', '--db', live, '--out', path.join(folder, 'thang-truoc.so86bak'), '--json'])).stdout,
    ) as { file: string };
    await ok(['users', 'disable', clerk.SO86_USER, '--db', live]);

    const before = folderSnapshot(path.dirname(live));
    const refused = await so86(['restore', lastMonth.file, '--db', live], clerk);
    expect(refused).toMatchObject({ code: 1, stderr: expect.stringMatching(/^BACKUP_ACCOUNT_DISABLED: /) });
    expect(folderSnapshot(path.dirname(live))).toEqual(before);
    expect(await so86(['status', '--db', live], clerk)).toMatchObject({
      code: 4,
      stderr: expect.stringMatching(/^WRONG_PASSWORD: /),
    });

    const onNewPc = path.join(folder, 'disabled-clerk-new-pc', 'so86.db');
    await ok(['restore', lastMonth.file, '--db', onNewPc], clerk);
  }, 240_000);

  it('an administrator restores a backup made while the clerk was active: the clerk stays disabled, its old password opens neither the registry nor the backup over it, and the restore is audited', async () => {
    const live = path.join(folder, 'restore-keeps-disabled', 'so86.db');
    const administrator = { SO86_USER: 'vanphong', SO86_PASSWORD: password };
    const clerk = { SO86_USER: 'nhaplieu', SO86_PASSWORD: 'mật khẩu của cán bộ 2026' };
    await ok([...vinhTrachInit(live)]);
    await ok(['users', 'add', clerk.SO86_USER, '--role', 'clerk', '--db', live], { SO86_NEW_PASSWORD: clerk.SO86_PASSWORD });
    const lastMonth = JSON.parse(
      (await ok(['backup', '--db', live, '--out', path.join(folder, 'restore-keeps-disabled.so86bak'), '--json'])).stdout,
    ) as { file: string };
    await ok(['users', 'disable', clerk.SO86_USER, '--db', live]);

    const restored = await ok(['restore', lastMonth.file, '--db', live], administrator);
    expect(restored.stdout + restored.stderr).toContain(clerk.SO86_USER);
    expect(restored.stdout).toMatch(/([0-9A-Z]{4}-){7}[0-9A-Z]{4}/);

    expect(await so86(['status', '--db', live], clerk)).toMatchObject({
      code: 4,
      stderr: expect.stringMatching(/^WRONG_PASSWORD: /),
    });
    const before = folderSnapshot(path.dirname(live));
    expect(await so86(['restore', lastMonth.file, '--db', live], clerk)).toMatchObject({
      code: 1,
      stderr: expect.stringMatching(/^BACKUP_ACCOUNT_DISABLED: /),
    });
    expect(folderSnapshot(path.dirname(live))).toEqual(before);
    await ok(['status', '--db', live], administrator);
    await ok(['audit', 'verify', '--db', live], administrator);

    const registry = await Registry.unlock(live, administrator.SO86_USER, administrator.SO86_PASSWORD);
    try {
      expect(registry.sqlite.prepare('SELECT active FROM users WHERE username = ?').get(clerk.SO86_USER)).toEqual({ active: 0 });
      const restoreRow = registry.sqlite
        .prepare(`SELECT username, after FROM audit_log WHERE action = 'backup.restore'`)
        .get() as { username: string; after: string };
      expect(restoreRow.username).toBe(administrator.SO86_USER);
      expect(JSON.parse(restoreRow.after)).toMatchObject({
        fileName: path.basename(lastMonth.file),
        overLiveRegistry: true,
        disabledAccounts: clerk.SO86_USER,
      });
    } finally {
      registry.close();
    }
  }, 240_000);
});

describe('a backup path that is not a readable file', () => {
  it('says so with its own code and exit 1, never INTERNAL: a folder, a pipe, for restore and its check, and for a report file the same', async () => {
    const aFolder = path.join(folder, 'thu-muc.so86bak');
    mkdirSync(aFolder);
    const aPipe = path.join(folder, 'ong-dan.so86bak');
    // A named pipe: opening it for reading would wait for a writer forever, as root too.
    execFileSync('mkfifo', [aPipe]);
    const before = folderSnapshot(path.dirname(office));
    const attempts: [args: string[], stderr: RegExp][] = [
      [['restore', aFolder, '--db', office], /^FILE_IS_FOLDER: “.*thu-muc\.so86bak” là một thư mục, không phải tệp/],
      [['restore', aFolder, '--check'], /^FILE_IS_FOLDER: /],
      [['restore', aPipe, '--db', office], /^FILE_UNREADABLE: Không đọc được tệp “.*ong-dan\.so86bak”/],
      [['restore', aPipe, '--check'], /^FILE_UNREADABLE: /],
      [['package', 'verify', aPipe], /^FILE_UNREADABLE: Không đọc được tệp/],
      [['import', 'members', aPipe, '--db', office], /^FILE_UNREADABLE: /],
    ];
    for (const [args, stderr] of attempts) {
      const result = await so86(args, env);
      expect([args.slice(0, 2).join(' '), result.code, result.stderr]).toEqual([
        args.slice(0, 2).join(' '),
        1,
        expect.stringMatching(stderr),
      ]);
      expect(result.stderr).not.toMatch(/INTERNAL|\n\s+at /);
    }
    expect(folderSnapshot(path.dirname(office))).toEqual(before);
  }, 120_000);
});

describe('the command line and the application on the same file at once', () => {
  let app: AppSession;

  beforeAll(async () => {
    app = new AppSession({ databaseFile: office, appVersion: 'test' });
    await app.unlock('vanphong', password);
  });

  afterAll(() => app.dispose());

  it('tells the command line the registry is in use, corrupts nothing, and works again once the application closes', async () => {
    const registryFolder = path.dirname(office);
    for (const args of [['status'], ['backup', '--out', backups], ['restore', anyBackup()]]) {
      const refused = await so86([...args, '--db', office], env);
      expect({ args, code: refused.code }).toEqual({ args, code: 1 });
      expect(refused.stderr).toMatch(/^DATABASE_IN_USE: Sổ dữ liệu đang được một chương trình khác sử dụng/);
    }
    expect(app.requireRegistry().sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(app.requireRegistry().counts().users).toBe(1);
    app.lock();
    expect(readdirSync(registryFolder).filter((name) => name.endsWith('-shm'))).toEqual([]);
    expect(JSON.parse((await ok(['status', '--db', office, '--json'])).stdout)).toMatchObject({ unit: { code: 'VINHTRACH' } });
  });

  function anyBackup() {
    return readdirSync(backups)
      .filter((name) => name.endsWith('.so86bak'))
      .map((name) => path.join(backups, name))[0]!;
  }
});
