import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { csvText, utf8 } from '../../../testkit/importFiles';
import { openTestRegistry, testPassword, type OpenTestRegistry } from '../../../testkit/registry';
import { searchMembers } from './members';

let registry: OpenTestRegistry;

beforeEach(async () => {
  registry = await openTestRegistry();
});

afterEach(() => registry.session.dispose());

const familyNames = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Huỳnh', 'Võ', 'Đặng'];
const givenNames = ['An', 'Ánh', 'Bình', 'Hoà', 'Hoa', 'Thành', 'Đức', 'Lan', 'Anh', 'Ân'];

/** 210 members in four cells, codes sharing prefixes and digits, so that fragments match many or few of them. */
function membersFile(): string {
  const lines: (string | null)[][] = [['member_code', 'full_name', 'gender', 'cell']];
  for (let index = 0; index < 210; index += 1) {
    const fullName = `${familyNames[index % familyNames.length]} ${index % 2 === 0 ? 'Thị' : 'Văn'} ${givenNames[index % givenNames.length]}`;
    lines.push([
      `AG-${String(index * 37).padStart(5, '0')}`,
      fullName,
      index % 2 === 0 ? 'female' : 'male',
      `Chi bộ ấp ${index % 4}`,
    ]);
  }
  return csvText(lines);
}

const queries = [
  'ag-00037',
  '00037',
  '370',
  '037',
  '37',
  '7',
  'ag-',
  'ag',
  'nguyen',
  'thi an',
  'van anh',
  'hoa',
  'ho',
  'an',
  'dang thi',
  'nguyen 037',
  'tran ag-00',
  'khong-co-ai',
  '"ag"',
  'a"g',
  'x',
];

/** Every query's results, page and count, through the index and without it. */
function bothWays(options: { includeArchived?: boolean } = {}) {
  const open = registry.session.requireRegistry();
  return queries.map((query) => {
    const input = { query, includeArchived: options.includeArchived ?? false, limit: 50, offset: 0 };
    const ids = (found: ReturnType<typeof searchMembers>) => ({
      query,
      total: found.total,
      ids: found.rows.map((row) => row.id),
    });
    return { indexed: ids(searchMembers(open, input)), scanned: ids(searchMembers(open, input, { trigramIndex: false })) };
  });
}

function expectSameBothWays(options: { includeArchived?: boolean } = {}) {
  const results = bothWays(options);
  expect(results.map((result) => result.indexed)).toEqual(results.map((result) => result.scanned));
  // Not a comparison of two empty lists: most queries find someone.
  expect(results.filter((result) => result.indexed.total > 0).length).toBeGreaterThanOrEqual(12);
}

/** FTS5's own check that the index holds exactly the members' search texts. */
function expectIndexInStep() {
  const open = registry.session.requireRegistry();
  expect(() =>
    open.sqlite.prepare(`INSERT INTO member_search_trigrams(member_search_trigrams, rank) VALUES ('integrity-check', 1)`).run(),
  ).not.toThrow();
}

describe('the trigram index of member search', () => {
  it('finds the same members in the same order as looking in every member, after an import, edits, a backup restored and a rekey', async () => {
    const imported = await registry.call('import.commit', {
      kind: 'members',
      fileName: 'dang-vien.csv',
      contentBase64: Buffer.from(utf8(membersFile())).toString('base64'),
    });
    expect(imported.counts.membersCreated).toBe(210);
    expectSameBothWays();
    expectIndexInStep();

    const first = (await registry.call('members.search', { query: 'ag-00037' })).rows[0]!;
    const member = await registry.call('members.get', { id: first.id });
    await registry.call('members.save', { id: member.id, code: 'AG-99999', fullName: 'Lê Văn Ánh', cellName: member.cellName });
    await registry.call('members.archive', {
      id: (await registry.call('members.search', { query: 'ag-00074' })).rows[0]!.id,
      archived: true,
    });
    expect((await registry.call('members.search', { query: 'ag-00037' })).total).toBe(0);
    expect((await registry.call('members.search', { query: '99999' })).rows.map((row) => row.fullName)).toEqual(['Lê Văn Ánh']);
    expectSameBothWays();
    expectSameBothWays({ includeArchived: true });
    expectIndexInStep();

    const made = await registry.call('backup.create', { destination: 'download' });
    await registry.call('members.save', { code: 'AG-88888', fullName: 'Võ Thị Lan', cellName: 'Chi bộ ấp 1' });
    registry.session.lock();
    await registry.call('backup.restore', {
      fileName: made.fileName,
      contentBase64: made.contentBase64!,
      credentials: { password: testPassword },
    });
    await registry.call('session.unlock', { username: 'admin', password: testPassword });
    expect((await registry.call('members.search', { query: '88888' })).total).toBe(0);
    expect((await registry.call('members.search', { query: '99999' })).total).toBe(1);
    expectSameBothWays();
    expectIndexInStep();

    await registry.call('registry.rekey', {});
    expectSameBothWays({ includeArchived: true });
    expectIndexInStep();
  });
});
