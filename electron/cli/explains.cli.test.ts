import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { csvText } from '../testkit/importFiles';
import { commandTable } from './commandTable';
import { usageLine } from './help';
import { main } from './main';
import { freshFolder, so86, vinhTrachInit } from '../testkit/cli';

const env = { SO86_PASSWORD: 'mật khẩu đủ dài 2026' };

/** `main` in this process, its two streams kept apart: for the checks that open no registry. */
async function run(argv: string[]) {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const code = await main(argv, {
    out: (text) => stdout.push(text),
    err: (text) => stderr.push(text),
    env: {},
    askPassword: async () => null,
  });
  return { code, stdout: stdout.join('\n'), stderr: stderr.join('\n') };
}

describe('so86 explains itself', () => {
  it('prints its help on stdout, so `so86 --help | less` shows it, naming every command', async () => {
    const help = await so86(['--help']);
    expect(help).toMatchObject({ code: 0, stderr: '' });
    expect(help.stdout).toMatch(/^Cách dùng: so86 <lệnh> \[tùy chọn\]/);
    for (const spec of commandTable) expect(help.stdout).toContain(`so86 ${spec.name}`);
    expect(help.stdout).toContain('Mã thoát: 0 xong, 1 thất bại, 2 sai cách dùng');
    expect((await run(['help'])).stdout).toBe(help.stdout.trimEnd());
    expect((await run(['--help', '--lang', 'en'])).stdout).toMatch(/^Usage: so86 <command> \[options\]/);
    expect((await run(['help', '--lang', 'en', 'users', 'add'])).stdout).toMatch(/^Usage: so86 users add NAME --role /);
  });

  it('answers a bare so86 with the help on stderr and exit 2, since nothing was asked', async () => {
    const bare = await run([]);
    expect(bare).toMatchObject({ code: 2, stdout: '' });
    expect(bare.stderr).toMatch(/^Cách dùng: so86 <lệnh> \[tùy chọn\]/);
  });

  it('gives `so86 <command> --help` for every command, on stdout, with each of its options', async () => {
    const status = await so86(['status', '--help']);
    expect(status).toMatchObject({ code: 0, stderr: '' });
    expect(status.stdout).toMatch(/^Cách dùng: so86 status\n/);
    for (const spec of commandTable) {
      const help = await run([...spec.name.split(' '), '--help']);
      expect({ command: spec.name, code: help.code, stderr: help.stderr }).toEqual({ command: spec.name, code: 0, stderr: '' });
      expect(help.stdout.split('\n')[0]).toMatch(new RegExp(`^Cách dùng: so86 ${spec.name}( |$)`));
      for (const option of spec.options) expect(help.stdout).toContain(`--${option.name}`);
      expect(help.stdout).not.toMatch(/cli\.(option|summary|arg)\./);
    }
    const english = await run(['import', '--help', '--lang', 'en']);
    expect(english.stdout).toMatch(/^Usage: so86 import members\|trips FILE \[--dry-run\] \[--members FILE\]\n/);
  });

  it('is documented in the README by the same usage lines the help prints', () => {
    const readme = readFileSync(path.resolve(import.meta.dirname, '../../README.md'), 'utf8');
    const section = readme.slice(readme.indexOf('## Command line'));
    const block = section.slice(section.indexOf('```sh\n') + 6, section.indexOf('\n```', section.indexOf('```sh')));
    expect(block.split('\n')).toEqual(['so86 --version', ...commandTable.map((spec) => usageLine('en', spec))]);
  });

  it('lists the subcommands of a group on `so86 users --help`, and refuses a group named alone with a pointer to it', async () => {
    const group = await run(['users', '--help']);
    expect(group.code).toBe(0);
    for (const action of ['list', 'add', 'disable', 'enable', 'role', 'password'])
      expect(group.stdout).toContain(`so86 users ${action}`);
    expect(await run(['users'])).toEqual({
      code: 2,
      stdout: '',
      stderr:
        'USAGE: Hãy ghi tiếp một lệnh con của users: list, add, disable, enable, role, password.\nXem cách dùng: so86 users --help',
    });
  });

  it('refuses a bad command line with a code, a sentence naming the option, and the help to read: exit 2', async () => {
    const cases: [string[], string][] = [
      [['frobnicate'], 'USAGE: Không có lệnh “frobnicate”.\nXem cách dùng: so86 --help'],
      [['status', '--bogus'], 'USAGE: Lệnh status không có tùy chọn --bogus.\nXem cách dùng: so86 status --help'],
      [['report', '--from'], 'USAGE: Tùy chọn --from cần một giá trị ngay sau nó.\nXem cách dùng: so86 report --help'],
      [['report', '--to', '2025-06-30'], 'USAGE: Thiếu tùy chọn bắt buộc --from.\nXem cách dùng: so86 report --help'],
      [['reconcile'], 'USAGE: Lệnh reconcile cần TỆP.\nXem cách dùng: so86 reconcile --help'],
      [
        ['status', 'thừa'],
        'USAGE: Thừa tham số “thừa”. Nếu tên tệp có dấu cách, hãy đặt nó trong dấu ngoặc kép.\nXem cách dùng: so86 status --help',
      ],
      [
        ['trips', 'list', '--state', 'đang đi'],
        'USAGE: --state: “đang đi” không phải giá trị được nhận. Hãy ghi một trong: draft, submitted, approved, rejected, cancelled, departed, extended, unauthorised_stay, returned, reported, closed.\nXem cách dùng: so86 trips list --help',
      ],
      [
        ['reconcile', 'x.csv', '--tolerance-days', 'hai'],
        'USAGE: Tùy chọn --tolerance-days: “hai” không phải số nguyên. Hãy ghi một số, ví dụ 2.\nXem cách dùng: so86 reconcile --help',
      ],
      [
        ['reconcile', 'x.csv', '--tolerance-days', '31'],
        'USAGE: Tùy chọn --tolerance-days: 31 nằm ngoài khoảng cho phép. Hãy ghi một số từ 0 đến 30.\nXem cách dùng: so86 reconcile --help',
      ],
      [
        ['import', 'dangvien', 'x.csv'],
        'USAGE: import members|trips: “dangvien” không phải giá trị được nhận. Hãy ghi một trong: members, trips.\nXem cách dùng: so86 import --help',
      ],
    ];
    for (const [argv, message] of cases)
      expect({ argv, ...(await run(argv)) }).toEqual({ argv, code: 2, stdout: '', stderr: message });
  });

  it('accepts a date as dd/mm/yyyy or yyyy-mm-dd, and refuses one that is neither by saying both forms', async () => {
    const report = (from: string, to: string) =>
      run(['report', '--db', path.join(freshFolder(), 'none.db'), '--from', from, '--to', to]);
    const refused = await report('01/13/2025', '2025-06-30');
    expect(refused).toMatchObject({ code: 2, stdout: '' });
    expect(refused.stderr).toContain(
      'USAGE: Tùy chọn --from: “01/13/2025” không phải ngày có thật. Hãy ghi ngày dạng dd/mm/yyyy hoặc yyyy-mm-dd, ví dụ 01/01/2025 hoặc 2025-01-01.',
    );
    // Both forms pass the checks and reach the registry, which is not there.
    for (const [from, to] of [
      ['01/01/2025', '30/06/2025'],
      ['2025-01-01', '2025-06-30'],
      ['1/1/2025', '2025-06-30'],
    ]) {
      expect((await report(from!, to!)).stderr).toMatch(/^NOT_INITIALISED: /);
    }
  });

  it('names the registry it looked for and says to run so86 init when there is none: exit 1', async () => {
    const missing = path.join(freshFolder(), 'chua-co.db');
    for (const argv of [['status'], ['members', 'list'], ['audit', 'verify']]) {
      const result = await so86([...argv, '--db', missing], env);
      expect({ argv, ...result }).toEqual({
        argv,
        code: 1,
        stdout: '',
        stderr: `NOT_INITIALISED: Không có sổ dữ liệu tại ${missing}. Hãy chạy so86 init để tạo sổ mới (xem so86 init --help), hoặc dùng --db để chỉ đến sổ đã có.\n`,
      });
    }
  });

  it('says which file is missing, with exit 1 and no stack trace, for every command that reads a file', async () => {
    const folder = freshFolder();
    const missing = path.join(folder, 'khong-co.csv');
    const db = ['--db', path.join(folder, 'none.db')];
    const attempts: [string[], RegExp][] = [
      [['import', 'members', missing, ...db], /^FILE_NOT_FOUND: Không tìm thấy tệp “.*khong-co\.csv”\. Hãy kiểm tra đường dẫn/],
      [['import', 'trips', path.join(folder, 'chuyen-di.csv'), '--members', missing, ...db], /^FILE_NOT_FOUND: /],
      [['reconcile', missing, ...db], /^FILE_NOT_FOUND: Không tìm thấy tệp “.*khong-co\.csv”/],
      [['package', 'verify', missing], /^FILE_NOT_FOUND: /],
      [['package', 'import', missing, ...db], /^FILE_NOT_FOUND: /],
      [['keys', 'trust', missing, ...db], /^FILE_NOT_FOUND: /],
      [['package', 'export', '--from', '2026-01-01', '--to', '2026-06-30', '--recipient', missing, ...db], /^FILE_NOT_FOUND: /],
      [
        ['restore', missing, ...db, '--check'],
        /^BACKUP_NOT_FOUND: Không tìm thấy tệp sao lưu “khong-co\.csv”\. Hãy kiểm tra đường dẫn/,
      ],
    ];
    writeFileSync(
      path.join(folder, 'chuyen-di.csv'),
      csvText([['member_code', 'purpose', 'countries', 'planned_departure', 'planned_return']]),
    );
    for (const [argv, stderr] of attempts) {
      const result = await so86(argv, env);
      expect([argv.slice(0, 2).join(' '), result.code, result.stderr]).toEqual([
        argv.slice(0, 2).join(' '),
        1,
        expect.stringMatching(stderr),
      ]);
      expect(result.stderr).not.toMatch(/INTERNAL|\n\s+at /);
    }
  }, 120_000);
});

describe('so86 with a registry', () => {
  const folder = freshFolder('so86-cli-explains-');
  const db = path.join(folder, 'so86.db');
  const file = (name: string, rows: string[][]) => {
    const target = path.join(folder, name);
    writeFileSync(target, csvText(rows));
    return target;
  };

  beforeAll(async () => {
    const created = await so86([...vinhTrachInit(db)], env);
    expect(created.code).toBe(0);
    const members = file('dang-vien.csv', [
      ['member_code', 'full_name', 'cell'],
      ['DV-001', 'Nguyễn Thị Lan', 'Chi bộ ấp Hòa Long'],
    ]);
    const trips = file('chuyen-di.csv', [
      ['member_code', 'purpose', 'countries', 'planned_departure', 'planned_return'],
      ['DV-001', 'family_visit', 'KR', '2026-01-10', '2026-01-20'],
    ]);
    expect((await so86(['import', 'trips', trips, '--members', members, '--db', db], env)).code).toBe(0);
  }, 120_000);

  it('prints what was asked on stdout and what happened on stderr: the status, then a message', async () => {
    const status = await so86(['status', '--db', db], env);
    expect(status).toMatchObject({ code: 0, stderr: '' });
    expect(status.stdout.split('\n')).toEqual([
      'Đơn vị: Đảng ủy xã Vĩnh Trạch (VINHTRACH, Cấp xã, phường)',
      expect.stringMatching(/^Đảng viên: 1 · Chi bộ: 1 · Chuyến đi: 1 · Người dùng: 1 · Nhật ký: \d+ dòng$/),
      expect.stringMatching(/^Phiên bản lược đồ dữ liệu: \d+$/),
      `Tệp dữ liệu: ${db}`,
      '',
    ]);
  });

  it('lists with a header row and leaves out a column no record fills: the trip code nobody gave', async () => {
    const trips = await so86(['trips', 'list', '--db', db], env);
    expect(trips.code).toBe(0);
    expect(trips.stdout.split('\n')).toEqual([
      'Mã đảng viên\tHọ và tên\tMục đích\tNước đến\tThời gian dự kiến\tTrạng thái',
      'DV-001\tNguyễn Thị Lan\tThăm thân\tHàn Quốc\t10/01/2026 – 20/01/2026\tDự thảo',
      '',
    ]);
    expect(trips.stderr).toBe('Tổng số: 1.\n');
    const members = await so86(['members', 'list', '--db', db], env);
    expect(members.stdout.split('\n')).toEqual([
      'Mã đảng viên\tHọ và tên\tChi bộ\tTình trạng',
      'DV-001\tNguyễn Thị Lan\tChi bộ ấp Hòa Long\tĐang sinh hoạt',
      '',
    ]);
  });

  it('names the option whose value the registry refused, never "-"', async () => {
    const reversed = await so86(['report', '--db', db, '--from', '01/07/2026', '--to', '30/06/2026'], env);
    expect(reversed).toMatchObject({ code: 2, stdout: '' });
    expect(reversed.stderr).toBe(
      'VALIDATION: Giá trị chưa hợp lệ. Hãy sửa các tùy chọn nêu dưới đây rồi chạy lại lệnh.\n--to: Ngày kết thúc kỳ phải sau ngày bắt đầu.\n',
    );
    const code = await so86(
      [
        'init',
        '--db',
        path.join(folder, 'khac.db'),
        '--unit-code',
        'mã có dấu',
        '--unit-name',
        'X',
        '--level',
        'commune',
        '--parent-code',
        'ANGIANG',
        '--admin',
        'a1',
      ],
      env,
    );
    expect(code.code).toBe(2);
    expect(code.stderr).toContain('\n--unit-code: Mã đơn vị chỉ gồm chữ không dấu');
    expect(code.stderr).not.toMatch(/^-:/m);
    const short = await so86(['demo', '--db', path.join(folder, 'mau.db'), '--scale', 'commune'], { SO86_PASSWORD: 'ngắn' });
    expect(short.code).toBe(2);
    expect(short.stderr).toMatch(/^VALIDATION: .*\nSO86_PASSWORD: /);
  });

  it('takes the dates of a report in either form and gives the same report', async () => {
    const vietnamese = await so86(['report', '--db', db, '--from', '01/01/2026', '--to', '30/06/2026'], env);
    const iso = await so86(['report', '--db', db, '--from', '2026-01-01', '--to', '2026-06-30'], env);
    expect(vietnamese.code).toBe(0);
    expect(JSON.parse(vietnamese.stdout)).toMatchObject({ period: { from: '2026-01-01', to: '2026-06-30' } });
    expect(vietnamese.stdout).toBe(iso.stdout);
  });
});
