import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { csvText, excelWindows1258Members, memberKeys, memberRow, spelledBytes } from '../testkit/importFiles';
import { Registry } from '../services/storage/registry/registry';
import { freshFolder, so86, vinhTrachInit } from '../testkit/cli';

const password = 'mật khẩu đủ dài 2026';
const env = { SO86_PASSWORD: password };

describe('importing and listing on the command line', () => {
  const folder = freshFolder();
  const db = path.join(folder, 'so86.db');
  const file = (name: string, text: string | Uint8Array) => {
    const target = path.join(folder, name);
    writeFileSync(target, text);
    return target;
  };

  beforeAll(async () => {
    const created = await so86([...vinhTrachInit(db)], env);
    expect(created.code).toBe(0);
  });

  it('refuses a file with bad rows: exit 1, every bad row on stderr as "dòng N, cột X: lý do", nothing written', async () => {
    const rows = [memberRow(1), memberRow(2), memberRow(3)];
    rows[0]![3] = '31/04/1980';
    rows[2]![2] = 'không rõ';
    rows[2]![0] = rows[1]![0]!;
    const bad = file('loi.csv', csvText([[...memberKeys], ...rows]));
    const result = await so86(['import', 'members', bad, '--db', db], env);
    expect(result.code).toBe(1);
    expect(result.stderr.trim().split('\n')).toEqual([
      'dòng 2, cột birth_date: “31/04/1980” không phải ngày có thật trên lịch.',
      'dòng 4, cột member_code: Mã “DV-00002” đã có ở dòng 3 của tệp này.',
      'dòng 4, cột gender: “không rõ” không phải giá trị được nhận. Giá trị được nhận: Nam / male; Nữ / female.',
      'IMPORT_ROWS_INVALID: Tệp có 3 lỗi ở 2 dòng; chưa nhập dữ liệu nào. Hãy sửa các dòng được liệt kê rồi nhập lại.',
    ]);
    const listed = await so86(['members', 'list', '--db', db, '--json'], env);
    expect(JSON.parse(listed.stdout)).toEqual([]);
  });

  it('lists the first 20,000 problems of a file that has more, then says how many are left', async () => {
    const rows = Array.from({ length: 10_001 }, (_, index) => {
      const row = memberRow(index + 1);
      row[3] = '31/04/1980';
      row[8] = 'đã đi';
      return row;
    });
    const result = await so86(
      ['import', 'members', file('sai-het.csv', csvText([[...memberKeys], ...rows])), '--db', db, '--dry-run'],
      env,
    );
    expect(result.code).toBe(1);
    const lines = result.stderr.trim().split('\n');
    expect(lines).toHaveLength(20_002);
    expect(lines[19_999]).toMatch(/^dòng 10001, cột status: /);
    expect(lines.slice(-2)).toEqual([
      'và 2 lỗi khác (chỉ liệt kê 20000 lỗi đầu tiên).',
      'IMPORT_ROWS_INVALID: Tệp có 20002 lỗi ở 10001 dòng; chưa nhập dữ liệu nào. Hãy sửa các dòng được liệt kê rồi nhập lại.',
    ]);
  });

  it('checks without writing on --dry-run, then imports, lists members as JSON and searches without diacritics', async () => {
    const good = file('dang-vien.csv', csvText([[...memberKeys], memberRow(1), memberRow(2), memberRow(3)]));
    const dryRun = await so86(['import', 'members', good, '--db', db, '--dry-run'], env);
    expect(dryRun.code).toBe(0);
    expect(dryRun.stderr).toContain('Đảng viên: 3 mới, 0 cập nhật, 0 không đổi; chi bộ mới: 3.');
    expect(dryRun.stderr).toContain('Chạy thử: đã kiểm tra, chưa ghi gì vào sổ.');
    expect(JSON.parse((await so86(['status', '--db', db, '--json'], env)).stdout).counts.members).toBe(0);

    const imported = await so86(['import', 'members', good, '--db', db, '--json'], env);
    expect(imported.code).toBe(0);
    expect(JSON.parse(imported.stdout)).toMatchObject({ committed: true, counts: { membersCreated: 3 } });

    const found = await so86(['members', 'list', '--db', db, '--search', 'LE VAN CUONG', '--json'], env);
    expect(JSON.parse(found.stdout)).toMatchObject([
      { code: 'DV-00002', fullName: 'Lê Văn Cường', cellName: 'Chi bộ ấp 3', status: 'active' },
    ]);
    const human = await so86(['members', 'list', '--db', db], env);
    const lines = human.stdout.trim().split('\n');
    expect(lines).toHaveLength(4);
    expect(lines[0]).toBe('Mã đảng viên\tHọ và tên\tGiới tính\tNgày sinh\tChi bộ\tTình trạng');
    expect(human.stdout).toContain('DV-00001\tTrần Thị Bình\tNữ\t02/03/1961\tChi bộ ấp 2\tĐang sinh hoạt');
    expect(human.stderr).toContain('Tổng số: 3.');
  });

  it('reads a Windows-1258 CSV saved by Excel with its names intact, and refuses a file whose encoding cannot be told', async () => {
    const membersNow = async () =>
      JSON.parse((await so86(['members', 'list', '--db', db, '--json'], env)).stdout) as { code: string }[];
    const before = await membersNow();
    const undecided = file('khong-ro.csv', spelledBytes('member_code,full_name,cell\r\nDV-9,T', 0xf3, ',Chi b', 0xf4, '\r\n'));
    const refused = await so86(['import', 'members', undecided, '--db', db], env);
    expect(refused.code).toBe(1);
    expect(refused.stderr.trim()).toBe(
      'IMPORT_ENCODING_UNDECIDED: Không xác định được bảng mã của tệp “khong-ro.csv”: tệp không phải UTF-8 và đọc theo các bảng mã cũ (Windows-1258, TCVN3, VNI) đều không rõ ràng. Hãy mở tệp trong Excel, chọn Lưu thành › “CSV UTF-8 (Comma delimited)” hoặc .xlsx, rồi nhập lại.',
    );
    expect(await membersNow()).toEqual(before);

    const excel = file('excel-1258.csv', excelWindows1258Members.bytes);
    const imported = await so86(['import', 'members', excel, '--db', db, '--json'], env);
    expect(imported.code).toBe(0);
    expect(JSON.parse(imported.stdout)).toMatchObject({
      committed: true,
      counts: { membersCreated: 3 },
      sources: [{ textEncoding: 'windows-1258', legacyEncoding: null }],
    });
    const codes = new Set(excelWindows1258Members.members.map((member) => member.code));
    const added = (await membersNow())
      .filter((member) => codes.has(member.code))
      .sort((one, other) => one.code.localeCompare(other.code));
    expect(added).toMatchObject(excelWindows1258Members.members);
  });

  it('imports trips and lists them by member and state', async () => {
    const trips = file(
      'chuyen-di.csv',
      csvText([
        [
          'trip_code',
          'member_code',
          'purpose',
          'countries',
          'approval_date',
          'planned_departure',
          'planned_return',
          'actual_departure',
          'actual_return',
        ],
        ['T-1', 'DV-00001', 'Du lịch', 'KR', '15/01/2025', '01/02/2025', '10/02/2025', '01/02/2025', '09/02/2025'],
        ['T-2', 'DV-00001', 'Thăm thân', 'US', '', '01/02/2027', '10/02/2027', '', ''],
        ['T-3', 'DV-00002', 'Công tác', 'LA', '15/01/2025', '01/02/2025', '10/02/2025', '01/02/2025', '09/02/2025'],
      ]),
    );
    expect((await so86(['import', 'trips', trips, '--db', db], env)).code).toBe(0);
    const listed = await so86(['trips', 'list', '--db', db, '--member', 'DV-00001', '--state', 'returned', '--json'], env);
    expect(JSON.parse(listed.stdout)).toMatchObject([
      { code: 'T-1', memberCode: 'DV-00001', state: 'returned', countries: ['KR'] },
    ]);
    const unknown = await so86(['trips', 'list', '--db', db, '--member', 'DV-404'], env);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toMatch(/^MEMBER_CODE_UNKNOWN: /);
  });

  it('verifies the audit log: exit 0 when intact, exit 1 naming the row once a row is edited', async () => {
    const intact = await so86(['audit', 'verify', '--db', db, '--json'], env);
    expect(intact.code).toBe(0);
    expect(JSON.parse(intact.stdout)).toMatchObject({ ok: true });

    const registry = await Registry.unlock(db, 'vanphong', password);
    const edited = registry.sqlite
      .prepare(`SELECT seq FROM audit_log WHERE action = 'member.create' ORDER BY seq LIMIT 1`)
      .get() as { seq: number };
    registry.sqlite.prepare(`UPDATE audit_log SET after = replace(after, 'Bình', 'Bính') WHERE seq = ?`).run(edited.seq);
    registry.close();

    const broken = await so86(['audit', 'verify', '--db', db], env);
    expect(broken.code).toBe(1);
    expect(broken.stderr.trim()).toBe(
      `AUDIT_BROKEN: Nhật ký thao tác bị sửa đổi hoặc mất dòng tại dòng số ${edited.seq} (nội dung bị sửa). Hãy báo ngay cho quản trị viên và giữ lại các bản sao lưu cũ để đối chiếu.`,
    );
  });
});
