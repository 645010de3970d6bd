import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { addDays, civilDateInVietnam, formatCivilDate } from '../../shared/rules/dates';
import { csvText } from '../testkit/importFiles';
import { freshFolder, so86, vinhTrachInit } from '../testkit/cli';

const env = { SO86_PASSWORD: 'mật khẩu đủ dài 2026' };
const today = civilDateInVietnam(new Date());
const daysAgo = (days: number) => addDays(today, -days);

describe('so86 reconcile', () => {
  const folder = freshFolder('so86-cli-reconcile-');
  const db = path.join(folder, 'so86.db');
  const file = (name: string, text: string) => {
    const target = path.join(folder, name);
    writeFileSync(target, text);
    return target;
  };
  const header = [
    'Số CCCD',
    'Họ và tên',
    'Ngày sinh',
    'Xuất/nhập',
    'Ngày xuất/nhập cảnh',
    'Cửa khẩu',
    'Loại giấy tờ',
    'Số giấy tờ',
    'Nước',
  ];
  const list = [
    header,
    [
      '089175001234',
      'Nguyễn Thị Lan',
      '',
      'Xuất cảnh',
      formatCivilDate(daysAgo(30)),
      'Tịnh Biên',
      'Giấy thông hành',
      'GT123456',
      'Campuchia',
    ],
    [
      '089175001234',
      'Nguyễn Thị Lan',
      '',
      'Nhập cảnh',
      formatCivilDate(daysAgo(29)),
      'Tịnh Biên',
      'Giấy thông hành',
      'GT123456',
      'Campuchia',
    ],
    ['089068005678', 'Trần Văn Hùng', '', 'Xuất cảnh', formatCivilDate(daysAgo(20)), 'Tân Sơn Nhất', 'Hộ chiếu', '', 'Hàn Quốc'],
    ['089068005678', 'Trần Văn Hùng', '', 'Nhập cảnh', formatCivilDate(daysAgo(11)), 'Tân Sơn Nhất', 'Hộ chiếu', '', 'Hàn Quốc'],
    ['079190005555', 'Phạm Văn Khách', '', 'Xuất cảnh', formatCivilDate(daysAgo(5)), 'Mộc Bài', 'Hộ chiếu', '', 'KH'],
  ];

  beforeAll(async () => {
    expect((await so86([...vinhTrachInit(db)], env)).code).toBe(0);
    const members = file(
      'dang-vien.csv',
      csvText([
        ['member_code', 'full_name', 'gender', 'birth_date', 'cell', 'national_id'],
        ['DV-001', 'Nguyễn Thị Lan', 'female', '1975-04-12', 'Chi bộ ấp Hòa Long', '089175001234'],
        ['DV-002', 'Trần Văn Hùng', 'male', '1968-09-01', 'Chi bộ ấp Hòa Long', '089068005678'],
      ]),
    );
    const trips = file(
      'chuyen-di.csv',
      csvText([
        [
          'trip_code',
          'member_code',
          'purpose',
          'countries',
          'approval_date',
          'approval_ref',
          'planned_departure',
          'planned_return',
          'actual_departure',
          'actual_return',
        ],
        ['CD-1', 'DV-002', 'family_visit', 'KR', daysAgo(40), '12-QĐ/ĐU', daysAgo(20), daysAgo(15), daysAgo(20), daysAgo(15)],
      ]),
    );
    expect((await so86(['import', 'trips', trips, '--members', members, '--db', db], env)).code).toBe(0);
  }, 120_000);

  it('prints the three lists and the count of non-members as JSON', async () => {
    const result = await so86(['reconcile', file('xnc.csv', csvText(list)), '--db', db, '--json'], env);
    expect(result.code).toBe(0);
    const json = JSON.parse(result.stdout);
    expect(Object.keys(json)).toEqual(['unreported', 'datesDiffer', 'stillAbroad', 'unmatchedPersons']);
    expect(json).toEqual({
      unreported: [
        {
          memberCode: 'DV-001',
          fullName: 'Nguyễn Thị Lan',
          exitDate: daysAgo(30),
          entryDate: daysAgo(29),
          country: 'KH',
          documentType: 'border_pass',
          borderGate: 'Tịnh Biên',
          match: 'nationalId',
          needsConfirmation: false,
        },
      ],
      datesDiffer: [
        {
          memberCode: 'DV-002',
          fullName: 'Trần Văn Hùng',
          exitDate: daysAgo(20),
          entryDate: daysAgo(11),
          country: 'KR',
          documentType: 'passport',
          borderGate: 'Tân Sơn Nhất',
          match: 'nationalId',
          needsConfirmation: false,
          tripCode: 'CD-1',
          recordedDeparture: daysAgo(20),
          recordedReturn: daysAgo(15),
        },
      ],
      stillAbroad: [],
      unmatchedPersons: 1,
    });
    expect(result.stderr).toContain(
      'Đã đối chiếu 5 dòng: 1 lần đi không báo cáo, 1 chuyến đi có ngày khác với sổ, 0 còn ở nước ngoài quá hạn; 1 người không phải đảng viên của đơn vị.',
    );
  });

  it('takes the tolerance: five days make the return four days late agree', async () => {
    const result = await so86(['reconcile', file('xnc.csv', csvText(list)), '--db', db, '--json', '--tolerance-days', '5'], env);
    expect(JSON.parse(result.stdout).datesDiffer).toEqual([]);
    const bad = await so86(['reconcile', file('xnc.csv', csvText(list)), '--db', db, '--tolerance-days', 'hai'], env);
    expect(bad.code).toBe(2);
  });

  it('lists the crossings for a person, tab-separated, in Vietnamese', async () => {
    const result = await so86(['reconcile', file('xnc.csv', csvText(list)), '--db', db], env);
    expect(result.code).toBe(0);
    const lines = result.stdout.split('\n');
    const unreported = lines.indexOf('Không báo cáo (1):');
    expect(unreported).toBeGreaterThanOrEqual(0);
    expect(lines.slice(unreported + 1, unreported + 3)).toEqual([
      'Mã đảng viên\tHọ và tên\tXuất cảnh – nhập cảnh\tNước\tGiấy tờ\tCửa khẩu',
      `DV-001\tNguyễn Thị Lan\t${formatCivilDate(daysAgo(30))} – ${formatCivilDate(daysAgo(29))}\tCampuchia\tGiấy thông hành\tTịnh Biên`,
    ]);
  });

  it('refuses a file with one bad row: exit 1, each problem as "dòng N, cột X: lý do", no lists', async () => {
    const broken = list.map((row) => [...row]);
    broken[2]![3] = 'vào';
    const result = await so86(['reconcile', file('loi.csv', csvText(broken)), '--db', db, '--json'], env);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr.trim().split('\n')).toEqual([
      'dòng 3, cột Xuất/nhập: “vào” không phải giá trị được nhận. Giá trị được nhận: Xuất cảnh / exit; Nhập cảnh / entry.',
      'RECONCILE_ROWS_INVALID: Tệp có 1 lỗi ở 1 dòng; chưa đối chiếu. Hãy sửa các dòng được liệt kê rồi chọn lại tệp.',
    ]);
  });
});
