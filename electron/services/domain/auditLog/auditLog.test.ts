import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditActionLabel, auditSubjectText, auditValueText } from '@shared/audit/labels';
import { addDays, civilDateInVietnam } from '@shared/rules/dates';
import { addMember } from '../../../testkit/backup';
import { openTestRegistry, testPassword, type OpenTestRegistry } from '../../../testkit/registry';
import { facetQuery } from './query';

let registry: OpenTestRegistry;
const today = civilDateInVietnam(new Date());

beforeAll(async () => {
  registry = await openTestRegistry();
  const member = await addMember(registry);
  await registry.call('members.save', {
    id: member.id,
    code: member.code,
    fullName: 'Đặng Thị Hòa',
    cellName: member.cellName,
    nationalId: member.nationalId,
    gender: 'female',
    birthDate: '1990-03-04',
  });
  await registry.call('users.create', {
    username: 'lanhdao',
    displayName: 'Lãnh đạo',
    role: 'leader',
    password: testPassword,
    passwordConfirm: testPassword,
  });
  await registry.call('users.create', {
    username: 'canbo',
    displayName: 'Cán bộ',
    role: 'clerk',
    password: testPassword,
    passwordConfirm: testPassword,
  });
  await registry.call('session.lock', {});
  await registry.call('session.unlock', { username: 'canbo', password: testPassword });
  expect(
    (
      await registry.refusal('users.create', {
        username: 'x123',
        displayName: 'X',
        role: 'viewer',
        password: testPassword,
        passwordConfirm: testPassword,
      })
    ).code,
  ).toBe('FORBIDDEN');
  expect((await registry.refusal('audit.list', {})).code).toBe('FORBIDDEN');
  await registry.call('session.lock', {});
  await registry.call('session.unlock', { username: 'lanhdao', password: testPassword });
});

afterAll(() => registry.session.dispose());

describe('reading the change log', () => {
  it('pages the log newest first, for a leader as for an administrator', async () => {
    const all = await registry.call('audit.list', { limit: 500 });
    expect(all.rows.map((row) => row.seq)).toEqual([...all.rows.map((row) => row.seq)].sort((a, b) => b - a));
    const second = await registry.call('audit.list', { offset: 2, limit: 2 });
    expect(second).toEqual({ total: all.total, rows: all.rows.slice(2, 4) });
  });

  it('shows an edit as the fields it changed, before and after', async () => {
    const { rows } = await registry.call('audit.list', { action: 'member.update' });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      username: 'admin',
      entity: 'member',
      outcome: 'done',
      changes: [{ field: 'fullName', kind: 'changed', before: 'Đặng Thị Hoà', after: 'Đặng Thị Hòa' }],
    });
  });

  it('filters by person, action, kind of record, outcome and Vietnam’s days', async () => {
    const total = (await registry.call('audit.list', {})).total;
    const refused = await registry.call('audit.list', { outcome: 'refused' });
    // Refused reads are logged as well as refused writes, newest first.
    expect(refused.rows).toMatchObject([
      { username: 'canbo', action: 'audit.list', entity: 'call', outcome: 'refused' },
      { username: 'canbo', action: 'users.create', entity: 'call', outcome: 'refused' },
    ]);
    expect((await registry.call('audit.list', { username: 'canbo' })).rows.map((row) => row.action)).toEqual([
      'audit.list',
      'users.create',
      'session.unlock',
    ]);
    expect((await registry.call('audit.list', { entity: 'member' })).total).toBe(2);
    expect((await registry.call('audit.list', { from: today, to: today })).total).toBe(total);
    expect((await registry.call('audit.list', { from: addDays(today, 1) })).total).toBe(0);
    expect((await registry.call('audit.list', { to: addDays(today, -1) })).total).toBe(0);
    const facets = await registry.call('audit.facets', {});
    expect(facets.usernames).toEqual(['admin', 'canbo', 'lanhdao']);
    expect(facets.actions).toEqual(expect.arrayContaining(['member.create', 'member.update', 'session.unlock', 'users.create']));
    const { sqlite } = registry.session.requireRegistry();
    const everyValue = (column: string) =>
      (
        sqlite
          .prepare(`SELECT DISTINCT ${column} AS value FROM audit_log WHERE ${column} IS NOT NULL ORDER BY ${column}`)
          .all() as {
          value: string;
        }[]
      ).map((row) => row.value);
    expect(facets).toEqual({ usernames: everyValue('username'), actions: everyValue('action'), entities: everyValue('entity') });
    // Found through the indexes: the log's rows are never read one by one.
    for (const [column, index] of [
      ['username', 'audit_log_username'],
      ['action', 'audit_log_action'],
      ['entity', 'audit_log_entity'],
    ] as const) {
      const plan = (sqlite.prepare(`EXPLAIN QUERY PLAN ${facetQuery(column)}`).all() as { detail: string }[]).map(
        (step) => step.detail,
      );
      expect(plan.filter((detail) => detail.includes('audit_log'))).not.toEqual([]);
      for (const detail of plan.filter((step) => step.includes('audit_log'))) expect(detail).toContain(`COVERING INDEX ${index}`);
    }
    expect(await registry.refusal('audit.list', { from: '2026-02-30' })).toMatchObject({
      code: 'VALIDATION',
      issues: [{ path: ['from'] }],
    });
  });

  it('exports the filtered log as a workbook in Vietnamese, one change per line', async () => {
    const exported = await registry.call('audit.exportXlsx', { entity: 'member' });
    expect(exported).toMatchObject({ fileName: `nhat-ky-thay-doi-VINHTRACH-${today}.xlsx`, rows: 2 });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(exported.contentBase64, 'base64') as never);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.name).toBe('Nhật ký thay đổi');
    expect(sheet.getRow(1).values).toEqual([
      undefined,
      'Số',
      'Thời điểm',
      'Người thực hiện',
      'Thao tác',
      'Loại dữ liệu',
      'Liên quan đến',
      'Mã bản ghi',
      'Kết quả',
      'Nội dung thay đổi',
    ]);
    expect(sheet.rowCount).toBe(3);
    expect(sheet.getRow(2).getCell(4).value).toBe('Sửa thông tin đảng viên');
    expect(sheet.getRow(2).getCell(6).value).toBe('Đặng Thị Hòa');
    expect(sheet.getRow(2).getCell(9).value).toBe('Họ và tên: Đặng Thị Hoà → Đặng Thị Hòa');
    const created = String(sheet.getRow(3).getCell(9).value).split('\n');
    expect(created).toEqual(
      expect.arrayContaining([
        'Ngày sinh: — → 04/03/1990',
        'Giới tính: — → Nữ',
        'Chi bộ: — → Chi bộ ấp Tây Bình',
        'Tình trạng: — → Đang sinh hoạt',
      ]),
    );
  });
});

describe('what a row concerns and how it reads', () => {
  it('names the member and the trip, and shows the countries before and after by name', async () => {
    await registry.call('session.lock', {});
    await registry.call('session.unlock', { username: 'admin', password: testPassword });
    const member = (await registry.call('members.search', {})).rows[0]!;
    const trip = await registry.call('trips.save', {
      memberId: member.id,
      purpose: 'tourism',
      selfFunded: true,
      countries: ['AE'],
      travelDocumentKind: 'passport',
      plannedDeparture: '2026-03-01',
      plannedReturn: '2026-03-10',
    });
    await registry.call('trips.save', {
      id: trip.id,
      memberId: member.id,
      purpose: 'tourism',
      selfFunded: true,
      countries: ['JP'],
      travelDocumentKind: 'passport',
      plannedDeparture: '2026-03-01',
      plannedReturn: '2026-03-10',
    });
    const [row] = (await registry.call('audit.list', { action: 'trip.update' })).rows;
    const countries = row!.changes.find((change) => change.field === 'countries')!;
    expect(countries).toMatchObject({ kind: 'changed', before: 'AE', after: 'JP' });
    expect(`${auditValueText('vi', 'countries', countries.before)} → ${auditValueText('vi', 'countries', countries.after)}`).toBe(
      'Các Tiểu vương quốc Ả-rập Thống nhất → Nhật Bản',
    );
    expect(auditSubjectText('vi', row!.subject)).toBe('Đặng Thị Hòa · chuyến đi Nhật Bản, dự kiến đi 01/03/2026');
    const [memberRow] = (await registry.call('audit.list', { action: 'member.update' })).rows;
    expect(auditSubjectText('vi', memberRow!.subject)).toBe('Đặng Thị Hòa');
  });

  it('has a Vietnamese label for every action the services record', () => {
    const servicesFolder = path.resolve(import.meta.dirname, '../..');
    const sources = readdirSync(servicesFolder, { recursive: true, encoding: 'utf8' })
      .filter((file) => file.endsWith('.ts') && !file.endsWith('.test.ts'))
      .map((file) => readFileSync(path.join(servicesFolder, file), 'utf8'));
    // Actions are written as `action: 'x.y'` (or `archived ? 'x.y' : 'x.z'`) beside the audit call, and sign-ins as `signedIn('x.y')`.
    const recorded = /(?:action: (?:archived \? )?|signedIn\()'([a-z_]+\.[a-z_]+)'(?: : '([a-z_]+\.[a-z_]+)')?/g;
    const actions = new Set(
      sources
        .filter((source) => /appendAudit|signedIn\(/.test(source))
        .flatMap((source) => [...source.matchAll(recorded)].flatMap((match) => [match[1]!, ...(match[2] ? [match[2]] : [])])),
    );
    expect(actions.size).toBeGreaterThan(30);
    for (const action of ['demo.fill', 'backup.before_upgrade', 'session.unlock', 'member.archive', 'cell.restore'])
      expect(actions).toContain(action);
    const unlabelled = [...actions].filter((action) => auditActionLabel('vi', action).startsWith('Thao tác không đủ quyền'));
    expect(unlabelled).toEqual([]);
  });
});
