import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ImportReport } from '@shared/contract/importing';
import { maximumImportBytes, maximumImportSize, reportedIssueLimit } from '@shared/contract/importing';
import { translate } from '@shared/i18n';
import { decodeWindows1252, encodeLegacy } from '@shared/text/legacy';
import { errorSentence } from '@shared/errors';
import { translatorIn } from '@shared/i18n';
import { createDispatcher } from '../../application/api/dispatch';
import { verifyAuditChain } from '../../storage/audit';
import { openTestRegistry, type OpenTestRegistry } from '../../../testkit/registry';
import { csvText, memberKeys, memberRow, readWorkbook, utf8, xlsxBytes, type FixtureCell } from '../../../testkit/importFiles';
import { previewImport } from './index';
import { maximumUnpackedBytes } from './sheet';

let registry: OpenTestRegistry;

beforeEach(async () => {
  registry = await openTestRegistry();
});

afterEach(() => registry.session.dispose());

const base64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64');

function preview(kind: 'members' | 'trips', fileName: string, bytes: Uint8Array): Promise<ImportReport> {
  return registry.call('import.preview', { kind, fileName, contentBase64: base64(bytes) });
}

function commit(
  kind: 'members' | 'trips',
  fileName: string,
  bytes: Uint8Array,
  membersFile?: { fileName: string; bytes: Uint8Array },
): Promise<ImportReport> {
  return registry.call('import.commit', {
    kind,
    fileName,
    contentBase64: base64(bytes),
    ...(membersFile ? { membersFile: { fileName: membersFile.fileName, contentBase64: base64(membersFile.bytes) } } : {}),
  });
}

async function members() {
  return (await registry.call('members.search', { includeArchived: true, limit: 500 })).rows;
}

async function memberByCode(code: string) {
  const row = (await registry.call('members.search', { query: code, includeArchived: true })).rows.find(
    (member) => member.code === code,
  );
  if (!row) throw new Error(`No member ${code}`);
  return registry.call('members.get', { id: row.id });
}

function issuesOf(report: ImportReport) {
  return report.issues.map(({ row, column, key }) => ({ row, column, key }));
}

function storedFileBytes(): Buffer[] {
  return [registry.databaseFile, `${registry.databaseFile}-wal`].map((file) => readFileSync(file));
}

describe('reading CSV files', () => {
  it('imports UTF-8 with a BOM, CRLF, semicolons and quoted fields holding delimiters, quotes and line breaks', async () => {
    const text = csvText(
      [
        [...memberKeys],
        [
          'DV-001',
          'Nguyễn Văn "Ba" An',
          'nam',
          '02/01/1980',
          'Chi bộ ấp Tây Bình; ấp 1',
          'có',
          '001080000123',
          '0912 345 678',
          '',
        ],
        ['DV-002', 'Đặng Thị Hoà', 'nữ', '1985-05-06', 'Chi bộ\r\nấp 2', 'x', '', '', 'Miễn sinh hoạt'],
      ],
      { delimiter: ';', lineBreak: '\r\n' },
    );
    const report = await commit('members', 'dang-vien.csv', utf8(`\ufeff${text}`));
    expect(report).toMatchObject({ committed: true, issueCount: 0, counts: { membersCreated: 2, cellsCreated: 2 } });
    expect(report.sources[0]).toMatchObject({
      format: 'csv',
      textEncoding: 'utf-8',
      delimiter: ';',
      rows: 2,
      legacyEncoding: null,
    });
    expect(await memberByCode('DV-001')).toMatchObject({
      fullName: 'Nguyễn Văn "Ba" An',
      gender: 'male',
      birthDate: '1980-01-02',
      cellName: 'Chi bộ ấp Tây Bình; ấp 1',
      holdsLeadershipPost: true,
      nationalId: '001080000123',
      phone: '0912 345 678',
      status: 'active',
    });
    expect(await memberByCode('DV-002')).toMatchObject({
      fullName: 'Đặng Thị Hoà',
      cellName: 'Chi bộ ấp 2',
      holdsLeadershipPost: true,
      status: 'exempt',
      nationalId: null,
    });
  });

  it('puts members in the cells the registry has, however the file spells them, and records each new cell before its members', async () => {
    await registry.call('members.save', { code: 'DV-900', fullName: 'Võ Thị Lan', cellName: 'Chi bộ ấp 1' });
    const text = csvText([
      memberKeys,
      ['DV-901', 'Lê Văn An', 'nam', '', 'CHI BỘ ẤP 1', '', '', '', ''],
      ['DV-902', 'Trần Thị Bình', 'nữ', '', 'Chi bộ ấp 2', '', '', '', ''],
      ['DV-903', 'Phạm Văn Cường', 'nam', '', 'chi bộ ấp 2', '', '', '', ''],
    ]);
    const report = await commit('members', 'dang-vien.csv', utf8(text));
    expect(report).toMatchObject({ committed: true, counts: { membersCreated: 3, cellsCreated: 1 } });
    expect((await registry.call('registry.overview', {})).counts.cells).toBe(2);
    const { sqlite } = registry.session.requireRegistry();
    const cellOf = (code: string) =>
      (sqlite.prepare('SELECT cell_id AS id FROM members WHERE code = ?').get(code) as { id: string }).id;
    expect(cellOf('DV-901')).toBe(cellOf('DV-900'));
    expect(cellOf('DV-903')).toBe(cellOf('DV-902'));
    expect(cellOf('DV-902')).not.toBe(cellOf('DV-900'));

    const written = sqlite
      .prepare(
        `SELECT action, entity_id AS entityId, after FROM audit_log WHERE action IN ('cell.create', 'member.create') ORDER BY seq`,
      )
      .all() as { action: string; entityId: string; after: string }[];
    const imported = written.slice(-4);
    expect(imported.map((row) => row.action)).toEqual(['member.create', 'cell.create', 'member.create', 'member.create']);
    expect(imported[1]).toMatchObject({ entityId: cellOf('DV-902') });
    expect(JSON.parse(imported[1]!.after)).toEqual({ name: 'Chi bộ ấp 2' });
    expect(verifyAuditChain(registry.session.requireRegistry())).toMatchObject({ ok: true });
  });

  it('accepts the Vietnamese labels of the template as headers, with or without diacritics, in any case', async () => {
    const text = csvText([
      ['MÃ ĐẢNG VIÊN', 'ho va ten', 'Giới tính', 'Ngày sinh', 'Chi bo', 'Số CCCD'],
      ['DV-1', 'Trần Văn Bình', 'Nam', '07/08/1975', 'Chi bộ 1', '001075000001'],
    ]);
    const report = await commit('members', 'nhan-vien.csv', utf8(text));
    expect(report).toMatchObject({ committed: true, counts: { membersCreated: 1 } });
    expect(await memberByCode('DV-1')).toMatchObject({
      fullName: 'Trần Văn Bình',
      birthDate: '1975-08-07',
      nationalId: '001075000001',
    });
  });

  it('converts a file saved in TCVN3 and says so', async () => {
    const text = csvText([
      [...memberKeys],
      ['DV-1', 'Nguyễn Văn An', 'nam', '', 'Chi bộ ấp Tây Bình', '', '', '', ''],
      ['DV-2', 'Lê Thị Hồng', 'nữ', '', 'Chi bộ ấp Tây Bình', '', '', '', 'đang sinh hoạt'],
    ]);
    const report = await commit('members', 'tcvn3.csv', encodeLegacy(text, 'tcvn3'));
    expect(report.sources[0]).toMatchObject({ textEncoding: 'tcvn3', legacyEncoding: 'tcvn3', convertedCells: 6 });
    expect(await memberByCode('DV-2')).toMatchObject({
      fullName: 'Lê Thị Hồng',
      gender: 'female',
      cellName: 'Chi bộ ấp Tây Bình',
    });
  });

  it('converts VNI text inside a UTF-8 file (a sheet typed in a VNI font, saved as CSV UTF-8)', async () => {
    const vni = (text: string) => decodeWindows1252(encodeLegacy(text, 'vni'));
    const text = csvText([
      ['member_code', 'full_name', 'cell'],
      ['DV-1', vni('Nguyễn Văn An'), vni('Chi bộ ấp Tây Bình')],
      ['DV-2', vni('Trần Thị Bình'), vni('Chi bộ ấp Đông')],
    ]);
    const report = await commit('members', 'vni.csv', utf8(text));
    expect(report.sources[0]).toMatchObject({ textEncoding: 'utf-8', legacyEncoding: 'vni', convertedCells: 4 });
    expect((await members()).map((member) => member.fullName).sort()).toEqual(['Nguyễn Văn An', 'Trần Thị Bình']);
  });
});

describe('reading XLSX workbooks', () => {
  it('reads the first visible sheet: numbers, date cells, rich text, formula results and merged cells', async () => {
    const bytes = await xlsxBytes(
      [
        ['Mã đảng viên', 'Họ và tên', 'Ngày sinh', 'Chi bộ', 'Số CCCD', 'Giữ chức vụ lãnh đạo, quản lý', 'Số điện thoại'],
        [
          1001,
          { richText: [{ text: 'Nguyễn ' }, { text: 'Văn An', font: { bold: true } }] },
          new Date(Date.UTC(1980, 0, 2)),
          'Chi bộ 1',
          '001080000123',
          true,
          912345678,
        ],
        [1002, 'Trần Thị Bình', '15/06/1985', null, { formula: '"00118"&"5000002"', result: '001185000002' }, 'không', null],
      ],
      (sheet) => {
        sheet.mergeCells('D2:D3');
        sheet.getCell('C2').numFmt = 'dd/mm/yyyy';
      },
    );
    const report = await commit('members', 'danh-sach.xlsx', bytes);
    expect(report).toMatchObject({ committed: true, issueCount: 0 });
    expect(report.sources[0]).toMatchObject({ format: 'xlsx', sheetName: 'Danh sách', rows: 2 });
    expect(await memberByCode('1001')).toMatchObject({
      fullName: 'Nguyễn Văn An',
      birthDate: '1980-01-02',
      holdsLeadershipPost: true,
      phone: '912345678',
    });
    expect(await memberByCode('1002')).toMatchObject({
      fullName: 'Trần Thị Bình',
      birthDate: '1985-06-15',
      cellName: 'Chi bộ 1',
      nationalId: '001185000002',
    });
  });

  it('converts cells typed in .VnTime and VNI-Times fonts, all-capitals fonts included, and counts them', async () => {
    const legacy = (text: string, encoding: 'tcvn3' | 'vni') => decodeWindows1252(encodeLegacy(text, encoding));
    const bytes = await xlsxBytes(
      [
        ['member_code', 'full_name', 'cell'],
        ['DV-1', legacy('Nguyễn Văn An', 'tcvn3'), legacy('chi bộ ấp đông', 'tcvn3')],
        ['DV-2', legacy('Lê Thị Hồng', 'vni'), 'Chi bộ ấp Tây'],
      ],
      (sheet) => {
        sheet.getCell('B2').font = { name: '.VnTime' };
        sheet.getCell('C2').font = { name: '.VnTimeH' };
        sheet.getCell('B3').font = { name: 'VNI-Times' };
      },
    );
    const report = await commit('members', 'cu.xlsx', bytes);
    expect(report.sources[0]).toMatchObject({ legacyEncoding: 'tcvn3', convertedCells: 3 });
    expect(await memberByCode('DV-1')).toMatchObject({ fullName: 'Nguyễn Văn An', cellName: 'CHI BỘ ẤP ĐÔNG' });
    expect(await memberByCode('DV-2')).toMatchObject({ fullName: 'Lê Thị Hồng', cellName: 'Chi bộ ấp Tây' });
  });
});

describe('refusing what is not an import file', () => {
  it('refuses a header with required columns missing and unknown columns, naming them all', async () => {
    const text = csvText([
      ['member_code', 'Tên gọi khác', 'Ghi chú riêng', 'cell'],
      ['DV-1', 'An', '', 'Chi bộ 1'],
    ]);
    const envelope = await createDispatcher(registry.session)('import.preview', {
      kind: 'members',
      fileName: 'sai.csv',
      contentBase64: base64(utf8(text)),
    });
    expect(envelope.ok).toBe(false);
    const { code, message } = envelope.ok
      ? { code: '', message: '' }
      : { code: envelope.error.code, message: errorSentence(envelope.error, translatorIn('vi')) };
    expect(code).toBe('IMPORT_HEADER');
    expect(message).toContain('Thiếu cột bắt buộc: Họ và tên (full_name)');
    expect(message).toContain('Cột không nhận ra: “Tên gọi khác”, “Ghi chú riêng”');
  });

  it('refuses binary files, broken UTF-8, empty files, a header with no rows, old .xls files and damaged workbooks', async () => {
    const refusal = (fileName: string, bytes: Uint8Array) =>
      registry.refusal('import.preview', { kind: 'members', fileName, contentBase64: base64(bytes) });
    const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]);
    expect(await refusal('anh.png', png)).toMatchObject({ code: 'IMPORT_NOT_TEXT' });
    const broken = Uint8Array.from([
      0xef,
      0xbb,
      0xbf,
      ...utf8('member_code,full_name,cell\nDV-1,Nguy'),
      0xc3,
      0x28,
      ...utf8('n,Chi bộ\n'),
    ]);
    expect(await refusal('hong.csv', broken)).toMatchObject({ code: 'IMPORT_ENCODING' });
    expect(await refusal('rong.csv', new Uint8Array())).toMatchObject({ code: 'IMPORT_EMPTY' });
    expect(await refusal('trang.csv', utf8('\r\n ,, \r\n'))).toMatchObject({ code: 'IMPORT_EMPTY' });
    expect(await refusal('tieu-de.csv', utf8('member_code,full_name,cell\r\n'))).toMatchObject({ code: 'IMPORT_NO_ROWS' });
    expect(await refusal('cu.xls', Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]))).toMatchObject({
      code: 'IMPORT_OLD_EXCEL',
    });
    expect(await refusal('hong.xlsx', Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4, 5]))).toMatchObject({
      code: 'IMPORT_NOT_SPREADSHEET',
    });
    expect(await refusal('doi-ten.xlsx', utf8('member_code,full_name,cell\nDV-1,An,Chi bộ\n'))).toMatchObject({
      code: 'IMPORT_NOT_SPREADSHEET',
    });
  });

  it('refuses a workbook whose parts would unpack to more than 48 MB, before unpacking it, naming the limit', async () => {
    const bytes = await xlsxBytes([
      ['member_code', 'full_name', 'cell'],
      ['DV-1', 'Nguyễn Văn An', 'Chi bộ 1'],
    ]);
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const directory = bytes.findIndex((_, offset) => offset + 4 <= bytes.length && view.getUint32(offset, true) === 0x02014b50);
    view.setUint32(directory + 24, maximumUnpackedBytes + 1, true);
    expect(
      await registry.refusal('import.preview', { kind: 'members', fileName: 'bom.xlsx', contentBase64: base64(bytes) }),
    ).toMatchObject({ code: 'IMPORT_WORKBOOK_TOO_LARGE' });
    await expect(
      previewImport(registry.session.requireRegistry(), [{ kind: 'members', fileName: 'bom.xlsx', content: bytes }]),
    ).rejects.toMatchObject({ params: { limit: '48 MB' } });
  });

  it('refuses a file over 16 MB before reading it, naming the limit', async () => {
    expect(translate('vi', 'import.tooLarge')).toContain(maximumImportSize);
    expect(translate('vi', 'error.IMPORT_TOO_LARGE', { limit: maximumImportSize })).toBe(
      'Tệp lớn hơn 16 MB. Hãy chia thành nhiều tệp nhỏ hơn rồi nhập lần lượt.',
    );
    const tooLarge = 'A'.repeat(Math.ceil(maximumImportBytes / 3) * 4 + 4);
    expect(
      await registry.refusal('import.preview', { kind: 'members', fileName: 'lon.csv', contentBase64: tooLarge }),
    ).toMatchObject({
      code: 'VALIDATION',
      issues: [{ path: ['contentBase64'], key: 'import.tooLarge' }],
    });
  });
});

/** A member file of `count` rows with problems at known places; returns the file and the problems expected. */
function memberFileWithErrors(count: number) {
  const rows: FixtureCell[][] = [[...memberKeys]];
  const expected: { row: number; column: string; key: string }[] = [];
  for (let index = 1; index <= count; index += 1) {
    const row = memberRow(index);
    const rowNumber = index + 1;
    if (index % 997 === 0) {
      row[3] = '30/02/1980';
      expected.push({ row: rowNumber, column: 'birth_date', key: 'import.dateInvalid' });
    }
    if (index % 1499 === 0) {
      row[2] = 'không rõ';
      row[5] = 'hình như có';
      expected.push(
        { row: rowNumber, column: 'gender', key: 'import.enum' },
        { row: rowNumber, column: 'leadership', key: 'import.boolean' },
      );
    }
    if (index % 2003 === 0) {
      row[1] = '';
      expected.push({ row: rowNumber, column: 'full_name', key: 'text.required' });
    }
    if (index % 2503 === 0) {
      row[6] = String(row[6]).replace(/^001/, '999');
      expected.push({ row: rowNumber, column: 'national_id', key: 'nationalId.province' });
    }
    if (index % 3001 === 0) {
      row[0] = memberRow(index - 1)[0]!;
      expected.push({ row: rowNumber, column: 'member_code', key: 'import.duplicateInFile' });
    }
    rows.push(row);
  }
  return {
    bytes: utf8(csvText(rows)),
    expected,
    fixed: utf8(csvText([[...memberKeys], ...Array.from({ length: count }, (_, index) => memberRow(index + 1))])),
  };
}

describe('ten thousand rows, all or nothing', () => {
  it('reports every bad row with its row and column and writes nothing; the corrected file then imports whole', async () => {
    const { bytes, expected, fixed } = memberFileWithErrors(10_000);
    const before = (await registry.call('registry.overview', {})).counts;
    const bytesBefore = storedFileBytes();

    const refused = await commit('members', 'muoi-nghin.csv', bytes);
    expect(refused.committed).toBe(false);
    expect(issuesOf(refused)).toEqual(expected);
    expect(refused.errorRows).toBe(new Set(expected.map((issue) => issue.row)).size);
    expect(refused.issues[0]!.reason).toBe('“30/02/1980” không phải ngày có thật trên lịch.');
    expect((await registry.call('registry.overview', {})).counts).toEqual(before);
    expect(storedFileBytes()).toEqual(bytesBefore);

    const started = performance.now();
    const imported = await commit('members', 'muoi-nghin.csv', fixed);
    const seconds = (performance.now() - started) / 1000;
    console.warn(`Imported 10,000 member rows in ${seconds.toFixed(2)} s`);
    expect(imported).toMatchObject({ committed: true, counts: { membersCreated: 10_000, cellsCreated: 3 } });
    const after = (await registry.call('registry.overview', {})).counts;
    expect(after.members).toBe(10_000);
    expect(after.cells).toBe(3);
    expect(after.auditRows).toBe(before.auditRows! + 3 + 10_000 + 1);
    expect(verifyAuditChain(registry.session.requireRegistry())).toEqual({ ok: true, rows: after.auditRows });
    expect(await memberByCode('DV-00050')).toMatchObject({ status: 'exempt', fullName: 'Lê Văn Cường', cellName: 'Chi bộ ấp 3' });
  });
});

describe('large files, row by row', () => {
  it('keeps the first 20,000 problems of a file where every row is bad, and counts the rest', async () => {
    const rows = 7_001;
    const lines: FixtureCell[][] = [[...memberKeys]];
    for (let index = 1; index <= rows; index += 1) {
      const row = memberRow(index);
      // Three problems a row: a gender, a date and a status nobody has.
      row[2] = 'khác';
      row[3] = '31/02/1980';
      row[8] = 'đã đi';
      lines.push(row);
    }
    const refused = await commit('members', 'sai-het.csv', utf8(csvText(lines)));
    expect(refused).toMatchObject({ committed: false, issueCount: rows * 3, errorRows: rows });
    expect(refused.issues).toHaveLength(reportedIssueLimit);
    expect(issuesOf(refused).slice(0, 3)).toEqual([
      { row: 2, column: 'gender', key: 'import.enum' },
      { row: 2, column: 'birth_date', key: 'import.dateInvalid' },
      { row: 2, column: 'status', key: 'import.enum' },
    ]);
    expect(refused.issues.at(-1)!.row).toBe(Math.ceil(reportedIssueLimit / 3) + 1);
    expect((await registry.call('registry.overview', {})).counts.members).toBe(0);
  });

  it('writes nothing of a file whose only bad row comes after 20,000 good ones already written in the transaction', async () => {
    const good = 20_000;
    const lines: FixtureCell[][] = [[...memberKeys]];
    for (let index = 1; index <= good; index += 1) lines.push(memberRow(index));
    const late = memberRow(good + 1);
    late[1] = '';
    lines.push(late);
    const before = (await registry.call('registry.overview', {})).counts;
    const refused = await commit('members', 'sai-cuoi.csv', utf8(csvText(lines)));
    expect(refused).toMatchObject({ committed: false, issueCount: 1, errorRows: 1, counts: { membersCreated: good } });
    expect(issuesOf(refused)).toEqual([{ row: good + 2, column: 'full_name', key: 'text.required' }]);
    expect((await registry.call('registry.overview', {})).counts).toEqual(before);
    expect((await registry.call('members.search', { query: 'DV-00001' })).total).toBe(0);
    expect((await registry.call('cells.list', {})).length).toBe(0);
    expect(verifyAuditChain(registry.session.requireRegistry())).toEqual({ ok: true, rows: before.auditRows });

    // The same connection goes on writing as usual: the file without its bad row imports whole.
    const imported = await commit('members', 'dung.csv', utf8(csvText(lines.slice(0, -1))));
    expect(imported).toMatchObject({ committed: true, counts: { membersCreated: good, cellsCreated: 3 } });
    expect((await registry.call('registry.overview', {})).counts.members).toBe(good);
  });
});

describe('previews and updates', () => {
  it('previews without writing a byte, reporting what a commit would do and the first rows as stored', async () => {
    const text = csvText([[...memberKeys], memberRow(1), memberRow(2), memberRow(3)]);
    const before = storedFileBytes();
    const overview = (await registry.call('registry.overview', {})).counts;
    const report = await preview('members', 'xem-truoc.csv', utf8(text));
    expect(report).toMatchObject({ committed: false, issueCount: 0, counts: { membersCreated: 3, cellsCreated: 3 } });
    expect(report.sources[0]!.preview[0]).toEqual({
      row: 2,
      action: 'create',
      values: {
        member_code: 'DV-00001',
        full_name: 'Trần Thị Bình',
        gender: 'female',
        birth_date: '1961-03-02',
        cell: 'Chi bộ ấp 2',
        leadership: false,
        national_id: '001161000001',
        phone: '0900000001',
        status: 'active',
      },
    });
    expect((await registry.call('registry.overview', {})).counts).toEqual(overview);
    expect(storedFileBytes()).toEqual(before);
  });

  it('updates members whose code is already in the registry from the columns the file has, leaving the others alone', async () => {
    const first = csvText([[...memberKeys], memberRow(1), memberRow(2)]);
    await commit('members', 'lan-1.csv', utf8(first));
    const second = csvText([
      ['member_code', 'full_name', 'cell', 'status'],
      ['DV-00001', 'Trần Thị Bình', 'Chi bộ ấp 2', ''],
      ['DV-00002', 'Lê Văn Cường', 'Chi bộ mới', 'Từ trần'],
      ['DV-00003', 'Phạm Thị Dung', 'Chi bộ ấp 1', ''],
    ]);
    const report = await commit('members', 'lan-2.csv', utf8(second));
    expect(report.counts).toEqual({
      membersCreated: 1,
      membersUpdated: 1,
      membersUnchanged: 1,
      cellsCreated: 2,
      tripsCreated: 0,
    });
    expect(report.sources[0]!.preview.map((row) => row.action)).toEqual(['unchanged', 'update', 'create']);
    expect(await memberByCode('DV-00002')).toMatchObject({
      cellName: 'Chi bộ mới',
      status: 'deceased',
      phone: '0900000002',
      nationalId: '001062000002',
      birthDate: '1962-03-03',
    });
    const audit = registry.session
      .requireRegistry()
      .sqlite.prepare(
        `SELECT action, before, after FROM audit_log WHERE action IN ('member.update', 'import.commit') ORDER BY seq`,
      )
      .all() as {
      action: string;
      before: string | null;
      after: string;
    }[];
    expect(audit.map((row) => row.action)).toEqual(['import.commit', 'member.update', 'import.commit']);
    expect(JSON.parse(audit[1]!.before!)).toMatchObject({ status: 'active' });
    expect(JSON.parse(audit[1]!.after)).toMatchObject({ status: 'deceased' });
  });

  it('reports progress as rows are checked and written', async () => {
    const text = csvText([[...memberKeys], ...Array.from({ length: 1200 }, (_, index) => memberRow(index + 1))]);
    const calls: [number, number][] = [];
    await previewImport(registry.session.requireRegistry(), [{ kind: 'members', fileName: 'tien-do.csv', content: utf8(text) }], {
      onProgress: (done, total) => calls.push([done, total]),
    });
    expect(calls).toEqual([
      [500, 1200],
      [1000, 1200],
      [1200, 1200],
    ]);
  });
});

const tripHeader = [
  'trip_code',
  'member_code',
  'purpose',
  'self_funded',
  'countries',
  'travel_document',
  'application_date',
  'approval_date',
  'approval_ref',
  'planned_departure',
  'planned_return',
  'actual_departure',
  'actual_return',
  'extended_return',
  'overstay',
  'return_report_date',
];

describe('trips', () => {
  beforeEach(async () => {
    await commit('members', 'dang-vien.csv', utf8(csvText([[...memberKeys], memberRow(1), memberRow(2)])));
  });

  it('derives each trip’s state from its dates and stores its countries and stay beyond term', async () => {
    const text = csvText([
      tripHeader,
      [
        'T-1',
        'DV-00001',
        'Du lịch',
        'có',
        'KR',
        'Hộ chiếu phổ thông',
        '',
        '',
        '',
        '01/03/2027',
        '10/03/2027',
        '',
        '',
        '',
        '',
        '',
      ],
      [
        'T-2',
        'DV-00001',
        'Thăm thân',
        'có',
        'US; Ca-na-đa',
        'passport',
        '10/01/2026',
        '',
        '',
        '01/04/2027',
        '10/04/2027',
        '',
        '',
        '',
        '',
        '',
      ],
      [
        'T-3',
        'DV-00002',
        'official',
        'không',
        'Nhật Bản',
        'official_passport',
        '05/01/2025',
        '15/01/2025',
        '15-QĐ/ĐU',
        '01/02/2025',
        '10/02/2025',
        '01/02/2025',
        '',
        '',
        '',
        '',
      ],
      [
        'T-4',
        'DV-00002',
        'labour',
        'có',
        'TW',
        'passport',
        '05/01/2025',
        '15/01/2025',
        '16-QĐ/ĐU',
        '01/02/2025',
        '01/08/2025',
        '01/02/2025',
        '',
        '01/12/2025',
        'permitted',
        '',
      ],
      [
        'T-5',
        'DV-00002',
        'tourism',
        'có',
        'LA',
        'Giấy thông hành',
        '05/03/2025',
        '15/03/2025',
        '17-QĐ/ĐU',
        '01/04/2025',
        '10/04/2025',
        '01/04/2025',
        '',
        '',
        'Tự ý ở lại',
        '',
      ],
      [
        '',
        'DV-00001',
        'study',
        'không',
        'AU',
        'passport',
        '05/01/2024',
        '15/01/2024',
        '18-QĐ/ĐU',
        '01/02/2024',
        '10/02/2024',
        '01/02/2024',
        '09/02/2024',
        '',
        '',
        '',
      ],
      [
        '',
        'DV-00001',
        'medical',
        'có',
        'SG',
        'passport',
        '05/01/2023',
        '15/01/2023',
        '19-QĐ/ĐU',
        '01/02/2023',
        '10/02/2023',
        '01/02/2023',
        '09/02/2023',
        '',
        '',
        '12/02/2023',
      ],
    ]);
    const report = await commit('trips', 'chuyen-di.csv', utf8(text));
    expect(report.issues).toEqual([]);
    expect(report).toMatchObject({ committed: true, issueCount: 0, counts: { tripsCreated: 7 } });
    expect(report.tripStates).toEqual({
      draft: 1,
      submitted: 1,
      departed: 1,
      extended: 1,
      unauthorised_stay: 1,
      returned: 1,
      reported: 1,
    });
    const trips = (await registry.call('trips.search', { limit: 100 })).rows;
    expect(trips.find((trip) => trip.code === 'T-2')).toMatchObject({
      state: 'submitted',
      countries: ['US', 'CA'],
      purpose: 'family_visit',
    });
    const extended = await registry.call('trips.get', { id: trips.find((trip) => trip.code === 'T-4')!.id });
    expect(extended).toMatchObject({
      state: 'extended',
      overstay: 'permitted',
      extendedReturn: '2025-12-01',
      approvalRef: '16-QĐ/ĐU',
      travelDocumentKind: 'passport',
      selfFunded: true,
    });
    expect(verifyAuditChain(registry.session.requireRegistry())).toMatchObject({ ok: true });
  });

  it('refuses unknown members, repeated and existing trip codes, repeated trips and contradictory dates, row by row', async () => {
    await commit(
      'trips',
      'truoc.csv',
      utf8(
        csvText([
          tripHeader,
          ['T-1', 'DV-00001', 'tourism', '', 'KR', '', '', '', '', '01/03/2027', '10/03/2027', '', '', '', '', ''],
        ]),
      ),
    );
    const text = csvText([
      tripHeader,
      ['T-1', 'DV-00001', 'tourism', '', 'KR', '', '', '', '', '01/05/2027', '10/05/2027', '', '', '', '', ''],
      ['T-2', 'DV-99999', 'tourism', '', 'KR', '', '', '', '', '01/05/2027', '10/05/2027', '', '', '', '', ''],
      ['T-3', 'DV-00002', 'picnic', '', 'KR; Atlantis', '', '', '', '', '01/05/2027', '10/04/2027', '', '05/05/2025', '', '', ''],
      ['T-3', 'DV-00002', 'tourism', '', 'KR', '', '', '', '', '01/06/2027', '10/06/2027', '', '', '', '', ''],
      ['', 'DV-00001', 'tourism', '', 'KR', '', '', '', '', '01/03/2027', '10/03/2027', '', '', '', '', ''],
      ['', 'DV-00002', 'tourism', '', '', '', '', '', '', '01/07/2027', '10/07/2027', '', '', '', 'permitted', '01/01/2030'],
    ]);
    const before = (await registry.call('registry.overview', {})).counts;
    const report = await commit('trips', 'loi.csv', utf8(text));
    expect(report.committed).toBe(false);
    expect(issuesOf(report)).toEqual([
      { row: 2, column: 'trip_code', key: 'trip.code.duplicate' },
      { row: 3, column: 'member_code', key: 'import.trip.member.unknown' },
      { row: 4, column: 'purpose', key: 'import.enum' },
      { row: 4, column: 'countries', key: 'import.country' },
      { row: 4, column: 'planned_return', key: 'check.plannedReturnBeforeDeparture' },
      { row: 4, column: 'actual_return', key: 'check.returnWithoutDeparture' },
      { row: 5, column: 'trip_code', key: 'import.duplicateInFile' },
      { row: 6, column: 'planned_departure', key: 'import.trip.sameAsExisting' },
      { row: 7, column: 'countries', key: 'trip.countries.required' },
      { row: 7, column: 'overstay', key: 'check.permittedOverstayWithoutExtension' },
      { row: 7, column: 'return_report_date', key: 'check.reportWithoutReturn' },
      { row: 7, column: 'return_report_date', key: 'check.dateInFuture' },
    ]);
    expect((await registry.call('registry.overview', {})).counts).toEqual(before);
  });

  it('accepts trips of members added by the members file of the same import, in one transaction', async () => {
    const membersFile = utf8(csvText([[...memberKeys], memberRow(7)]));
    const tripsFile = utf8(
      csvText([
        tripHeader,
        ['', 'DV-00007', 'tourism', 'có', 'TH', '', '', '', '', '01/05/2027', '10/05/2027', '', '', '', '', ''],
      ]),
    );
    expect((await preview('trips', 'chuyen-di.csv', tripsFile)).issues.map((issue) => issue.key)).toEqual([
      'import.trip.member.unknown',
    ]);
    const report = await commit('trips', 'chuyen-di.csv', tripsFile, { fileName: 'dang-vien.csv', bytes: membersFile });
    expect(report).toMatchObject({ committed: true, counts: { membersCreated: 1, tripsCreated: 1 } });
    expect(report.sources.map((source) => source.kind)).toEqual(['members', 'trips']);
    expect((await memberByCode('DV-00007')).trips).toMatchObject([{ countries: ['TH'], state: 'draft' }]);
  });
});

describe('templates', () => {
  it('offers for each kind a workbook with Vietnamese headers, a frozen bold header row and instructions, which the importer accepts', async () => {
    for (const kind of ['members', 'trips'] as const) {
      const template = await registry.call('import.template', { kind });
      const workbook = await readWorkbook(Buffer.from(template.contentBase64, 'base64'));
      const [data, instructions] = workbook.worksheets;
      expect(instructions!.name).toBe('Hướng dẫn');
      expect(data!.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
      expect(data!.getRow(1).getCell(1).font).toMatchObject({ bold: true });
      const refusal = await registry.refusal('import.preview', {
        kind,
        fileName: template.fileName,
        contentBase64: template.contentBase64,
      });
      expect(refusal.code).toBe('IMPORT_NO_ROWS');
      if (kind === 'members') {
        expect((data!.getRow(1).values as string[]).slice(1)).toEqual([
          'Mã đảng viên',
          'Họ và tên',
          'Giới tính',
          'Ngày sinh',
          'Chi bộ',
          'Giữ chức vụ lãnh đạo, quản lý',
          'Số CCCD',
          'Số điện thoại',
          'Tình trạng',
        ]);
        data!.addRow([
          'DV-1',
          'Nguyễn Văn An',
          'Nam',
          new Date(Date.UTC(1980, 0, 2)),
          'Chi bộ 1',
          'Có',
          '001080000123',
          '0912345678',
          'Đang sinh hoạt',
        ]);
      } else {
        await commit('members', 'dang-vien.csv', utf8(csvText([[...memberKeys], memberRow(1)])));
        data!.addRow([
          '',
          'DV-00001',
          'Du lịch',
          'Có',
          'Hàn Quốc',
          'Hộ chiếu phổ thông',
          'Không',
          'Không',
          null,
          null,
          null,
          new Date(Date.UTC(2027, 2, 1)),
          new Date(Date.UTC(2027, 2, 10)),
        ]);
      }
      const filled = new Uint8Array(await workbook.xlsx.writeBuffer());
      const report = await commit(kind, template.fileName, filled);
      expect({ kind, committed: report.committed, issues: report.issues }).toEqual({ kind, committed: true, issues: [] });
    }
  });
});

describe('exports', () => {
  it('writes a member list longer than SQLite binds values to one statement, every member once', async () => {
    await commit('members', 'dang-vien.csv', utf8(csvText([[...memberKeys], memberRow(1)])));
    const sqlite = registry.session.requireRegistry().sqlite;
    const columns = (sqlite.prepare('PRAGMA table_info(members)').all() as { name: string }[]).map((column) => column.name);
    const copied = columns.map((column) =>
      column === 'id' ? `id || '-' || n.i` : column === 'code' ? `code || '-' || n.i` : column,
    );
    sqlite
      .prepare(
        `WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 33000) INSERT INTO members (${columns.join(', ')}) SELECT ${copied.join(', ')} FROM members, n WHERE code = 'DV-00001'`,
      )
      .run();
    const exported = await registry.call('export.members', { includeArchived: true });
    const sheet = (await readWorkbook(Buffer.from(exported.contentBase64, 'base64'))).worksheets[0]!;
    expect(sheet.rowCount).toBe(33_002);
    const codes = new Set<string>();
    sheet.eachRow((row, number) => number > 1 && codes.add(String(row.getCell(1).value)));
    expect(codes.size).toBe(33_001);
  }, 120_000);

  it('writes the member and trip lists with Vietnamese headers, labels and dates, readable back, and imports back whole', async () => {
    await commit('members', 'dang-vien.csv', utf8(csvText([[...memberKeys], memberRow(1), memberRow(2), memberRow(50)])));
    await commit(
      'trips',
      'chuyen-di.csv',
      utf8(
        csvText([
          tripHeader,
          [
            'T-1',
            'DV-00001',
            'tourism',
            'có',
            'KR;JP',
            'passport',
            '05/01/2025',
            '15/01/2025',
            '15-QĐ/ĐU',
            '01/02/2025',
            '10/02/2025',
            '01/02/2025',
            '09/02/2025',
            '',
            '',
            '',
          ],
        ]),
      ),
    );

    const exported = await registry.call('export.members', { status: 'active' });
    expect(exported.fileName).toMatch(/^danh-sach-dang-vien-\d{4}-\d{2}-\d{2}\.xlsx$/);
    const sheet = (await readWorkbook(Buffer.from(exported.contentBase64, 'base64'))).worksheets[0]!;
    expect(sheet.rowCount).toBe(3);
    const header = (sheet.getRow(1).values as string[]).slice(1);
    const first = Object.fromEntries(header.map((name, index) => [name, sheet.getRow(2).getCell(index + 1)]));
    expect(first['Mã đảng viên']!.value).toBe('DV-00001');
    expect(first['Giới tính']!.value).toBe('Nữ');
    expect(first['Ngày sinh']!.value).toEqual(new Date(Date.UTC(1961, 2, 2)));
    expect(first['Ngày sinh']!.numFmt).toBe('dd/mm/yyyy');
    expect(first['Tình trạng']!.value).toBe('Đang sinh hoạt');
    expect(first['Giữ chức vụ lãnh đạo, quản lý']!.value).toBe('Không');

    const trips = await registry.call('export.trips', {});
    const tripSheet = (await readWorkbook(Buffer.from(trips.contentBase64, 'base64'))).worksheets[0]!;
    const tripHeaderRow = (tripSheet.getRow(1).values as string[]).slice(1);
    const trip = Object.fromEntries(tripHeaderRow.map((name, index) => [name, tripSheet.getRow(2).getCell(index + 1).value]));
    expect(trip).toMatchObject({
      'Mã chuyến đi': 'T-1',
      'Họ và tên đảng viên': 'Trần Thị Bình',
      'Mục đích': 'Du lịch',
      'Nước đến': 'Hàn Quốc; Nhật Bản',
      'Ngày về nước': new Date(Date.UTC(2025, 1, 9)),
      'Trạng thái': 'Đã về nước',
    });

    const everyone = await registry.call('export.members', {});
    const elsewhere = await openTestRegistry({
      code: 'VINHTE',
      name: 'Đảng ủy xã Vĩnh Tế',
      level: 'commune',
      parentCode: 'ANGIANG',
    });
    try {
      const call = (kind: 'members' | 'trips', file: { fileName: string; contentBase64: string }) =>
        elsewhere.call('import.commit', { kind, ...file });
      expect(await call('members', everyone)).toMatchObject({ committed: true, counts: { membersCreated: 3 } });
      const tripsBack = await call('trips', trips);
      expect(tripsBack).toMatchObject({ committed: true, counts: { tripsCreated: 1 }, tripStates: { returned: 1 } });
      expect(tripsBack.sources[0]!.ignoredColumns).toEqual(['Họ và tên đảng viên', 'Trạng thái']);
      const original = (await registry.call('trips.search', {})).rows[0]!;
      const copy = (await elsewhere.call('trips.search', {})).rows[0]!;
      expect({ ...copy, id: '', memberId: '' }).toEqual({ ...original, id: '', memberId: '' });
    } finally {
      elsewhere.session.dispose();
    }
  });

  it('writes text that a spreadsheet could run as a formula inert, keeps numbers as numbers, and imports it back as typed', async () => {
    const hostile = [
      'DV-9',
      'Lê Văn Tám',
      'nam',
      '1970-01-01',
      '=HYPERLINK("http://x.example","Bấm")',
      '',
      '',
      '+84 912 345 678',
      '',
    ];
    await commit('members', 'dang-vien.csv', utf8(csvText([[...memberKeys], hostile])));
    const exported = await registry.call('export.members', {});
    const sheet = (await readWorkbook(Buffer.from(exported.contentBase64, 'base64'))).worksheets[0]!;
    const header = (sheet.getRow(1).values as string[]).slice(1);
    const row = Object.fromEntries(header.map((name, index) => [name, sheet.getRow(2).getCell(index + 1).value]));
    expect(row).toMatchObject({
      'Chi bộ': '\'=HYPERLINK("http://x.example","Bấm")',
      'Số điện thoại': "'+84 912 345 678",
      'Họ và tên': 'Lê Văn Tám',
    });
    expect(row['Ngày sinh']).toEqual(new Date(Date.UTC(1970, 0, 1)));

    const elsewhere = await openTestRegistry({
      code: 'VINHTE',
      name: 'Đảng ủy xã Vĩnh Tế',
      level: 'commune',
      parentCode: 'ANGIANG',
    });
    try {
      await elsewhere.call('import.commit', {
        kind: 'members',
        fileName: exported.fileName,
        contentBase64: exported.contentBase64,
      });
      const back = (await elsewhere.call('members.search', { query: 'DV-9' })).rows[0]!;
      expect(await elsewhere.call('members.get', { id: back.id })).toMatchObject({
        cellName: '=HYPERLINK("http://x.example","Bấm")',
        phone: '+84 912 345 678',
      });
    } finally {
      elsewhere.session.dispose();
    }
  });
});
