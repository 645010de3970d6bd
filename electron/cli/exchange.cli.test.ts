import { existsSync, mkdirSync, readFileSync, truncateSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ReportData } from '../../shared/report/data';
import { docxParts, textOf } from '../testkit/documents';
import { freshFolder, so86 } from '../testkit/cli';

const password = 'mật khẩu đủ dài 2026';
const env = { SO86_PASSWORD: password };
const folder = freshFolder('so86-cli-exchange-');
const commune = path.join(folder, 'commune.db');
const province = path.join(folder, 'province.db');
const central = path.join(folder, 'central.db');
const file = (name: string) => path.join(folder, name);

async function ok(args: string[]) {
  const result = await so86(args, env);
  if (result.code !== 0) throw new Error(`so86 ${args.join(' ')} exited ${result.code}: ${result.stderr}`);
  return result;
}

beforeAll(async () => {
  await ok([
    'init',
    '--db',
    central,
    '--unit-code',
    'TW',
    '--unit-name',
    'Ban Tổ chức Trung ương',
    '--level',
    'central',
    '--admin',
    'admin',
  ]);
  await ok([
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
    'admin',
  ]);
  await ok([
    'init',
    '--db',
    commune,
    '--unit-code',
    'VINHTRACH',
    '--unit-name',
    'Đảng ủy xã Vĩnh Trạch',
    '--level',
    'commune',
    '--parent-code',
    'ANGIANG',
    '--admin',
    'admin',
    '--superior-name',
    'Đảng bộ tỉnh An Giang',
  ]);
}, 120_000);

describe('report and package commands', () => {
  it('prints the report data of docs/formats/report-data.md and writes each document format', async () => {
    const json = await ok(['report', '--db', commune, '--from', '2026-01-01', '--to', '2026-06-30']);
    const data = JSON.parse(json.stdout) as unknown;
    expect(ReportData.strict().parse(data)).toMatchObject({
      unit: { code: 'VINHTRACH', level: 'commune' },
      period: { from: '2026-01-01', to: '2026-06-30' },
    });
    expect(Object.keys(data as object).sort()).toEqual([
      'appendix01',
      'appendix02',
      'appendix03',
      'figures',
      'marriages',
      'period',
      'unit',
    ]);
    for (const [format, magic] of [
      ['docx', 'PK'],
      ['xlsx', 'PK'],
      ['pdf', '%PDF'],
    ] as const) {
      await ok([
        'report',
        '--db',
        commune,
        '--from',
        '2026-01-01',
        '--to',
        '2026-06-30',
        '--format',
        format,
        '--out',
        file(`report.${format}`),
      ]);
      expect(
        readFileSync(file(`report.${format}`))
          .subarray(0, magic.length)
          .toString('latin1'),
      ).toBe(magic);
    }
    expect((await so86(['report', '--db', commune, '--from', '2026-07-01', '--to', '2026-01-01'], env)).code).toBe(2);
    // The superior organisation's line given to init heads the document; the symbol and place follow from the unit's name.
    const heading = textOf((await docxParts(readFileSync(file('report.docx')))).document);
    expect(heading).toMatch(/^ĐẢNG BỘ TỈNH AN GIANGĐẢNG ỦY XÃ VĨNH TRẠCH\*Số\s+-BC\/ĐU/);
    expect(heading).toContain('Vĩnh Trạch, ngày');
  }, 120_000);

  it('carries a signed, encrypted report from commune to province to centre', async () => {
    const communeCard = JSON.parse(
      (await ok(['keys', 'card', '--db', commune, '--out', file('commune-card.json'), '--json'])).stdout,
    ) as { fingerprint: string };
    const provinceCard = JSON.parse(
      (await ok(['keys', 'card', '--db', province, '--out', file('province-card.json'), '--json'])).stdout,
    ) as { fingerprint: string };
    expect(communeCard.fingerprint).toMatch(/^([0-9A-F]{4} ){9}[0-9A-F]{4}$/);

    const wrongCheck = await so86(
      ['keys', 'trust', file('commune-card.json'), '--db', province, '--fingerprint', provinceCard.fingerprint],
      env,
    );
    expect(wrongCheck.code).toBe(3);
    expect(wrongCheck.stderr).toMatch(/^PKG_FINGERPRINT_DIFFERENT/);
    await ok(['keys', 'trust', file('commune-card.json'), '--db', province, '--fingerprint', communeCard.fingerprint]);

    const untrusted = await so86(
      [
        'package',
        'export',
        '--db',
        commune,
        '--from',
        '2026-01-01',
        '--to',
        '2026-06-30',
        '--out',
        file('report.so86'),
        '--recipient',
        file('province-card.json'),
      ],
      env,
    );
    expect(untrusted.code).toBe(1);
    expect(untrusted.stderr).toMatch(/^EXCHANGE_RECIPIENT_NOT_TRUSTED: Thẻ khóa của Tỉnh ủy An Giang \(ANGIANG, dấu vân tay /);
    expect(existsSync(file('report.so86'))).toBe(false);
    await ok(['keys', 'trust', file('province-card.json'), '--db', commune, '--fingerprint', provinceCard.fingerprint]);
    await ok([
      'package',
      'export',
      '--db',
      commune,
      '--from',
      '2026-01-01',
      '--to',
      '2026-06-30',
      '--out',
      file('report.so86'),
      '--recipient',
      file('province-card.json'),
    ]);
    const inspected = await ok(['package', 'verify', file('report.so86'), '--json']);
    expect(JSON.parse(inspected.stdout)).toMatchObject({
      unit: { code: 'VINHTRACH' },
      signerTrusted: false,
      encrypted: true,
      report: null,
    });
    expect(JSON.parse((await ok(['package', 'verify', file('report.so86'), '--db', province, '--json'])).stdout)).toMatchObject({
      signerTrusted: true,
      report: { unit: { code: 'VINHTRACH' } },
    });

    const tampered = readFileSync(file('report.so86'));
    tampered.writeUInt8(tampered.readUInt8(200) ^ 0xff, 200);
    writeFileSync(file('tampered.so86'), tampered);
    const refused = await so86(['package', 'verify', file('tampered.so86')], env);
    expect(refused.code).toBe(3);
    expect(refused.stderr).toMatch(/^PKG_/);
    expect((await so86(['package', 'import', file('report.so86'), '--db', central], env)).code).toBe(3);

    expect(JSON.parse((await ok(['package', 'import', file('report.so86'), '--db', province, '--json'])).stdout)).toMatchObject({
      outcome: 'imported',
    });
    expect(JSON.parse((await ok(['package', 'import', file('report.so86'), '--db', province, '--json'])).stdout)).toMatchObject({
      outcome: 'already_imported',
    });

    const provincial = JSON.parse(
      (await ok(['report', '--db', province, '--from', '2026-01-01', '--to', '2026-06-30'])).stdout,
    ) as ReportData;
    expect(provincial.units).toEqual([
      {
        code: 'VINHTRACH',
        name: 'Đảng ủy xã Vĩnh Trạch',
        status: 'submitted',
        packageId: expect.any(String),
        signedAt: expect.any(String),
        versions: 1,
      },
    ]);
    // Asked for other dates, the commune's file is named with its own period and left out of the figures.
    const otherDates = ReportData.strict().parse(
      JSON.parse((await ok(['report', '--db', province, '--from', '2026-01-01', '--to', '2026-05-31'])).stdout),
    );
    expect(otherDates.units).toEqual([
      {
        code: 'VINHTRACH',
        name: 'Đảng ủy xã Vĩnh Trạch',
        status: 'period_differs',
        packageId: expect.any(String),
        from: '2026-01-01',
        to: '2026-06-30',
        signedAt: expect.any(String),
        versions: 1,
      },
    ]);
    expect(otherDates.figures.permitted).toBe(0);

    await ok(['keys', 'trust', file('province-card.json'), '--db', central, '--fingerprint', provinceCard.fingerprint]);
    const centralCard = JSON.parse(
      (await ok(['keys', 'card', '--db', central, '--out', file('central-card.json'), '--json'])).stdout,
    ) as { fingerprint: string };
    await ok(['keys', 'trust', file('central-card.json'), '--db', province, '--fingerprint', centralCard.fingerprint]);
    await ok([
      'package',
      'export',
      '--db',
      province,
      '--from',
      '2026-01-01',
      '--to',
      '2026-06-30',
      '--out',
      file('province.so86'),
      '--recipient',
      file('central-card.json'),
      '--no-documents',
    ]);
    expect(JSON.parse((await ok(['package', 'import', file('province.so86'), '--db', central, '--json'])).stdout)).toMatchObject({
      outcome: 'imported',
      summary: { unit: { code: 'ANGIANG' } },
    });
    const national = JSON.parse(
      (await ok(['report', '--db', central, '--from', '2026-01-01', '--to', '2026-06-30'])).stdout,
    ) as ReportData;
    expect(national.units).toEqual([
      {
        code: 'ANGIANG',
        name: 'Tỉnh ủy An Giang',
        status: 'submitted',
        packageId: expect.any(String),
        signedAt: expect.any(String),
        versions: 1,
      },
    ]);
  }, 480_000);

  it('says plainly when a file is missing, a folder or too large, without reading a 3 GB file', async () => {
    const missing = file('khong-co.so86');
    const sparse = file('ba-gigabyte.so86');
    writeFileSync(sparse, '');
    truncateSync(sparse, 3 * 1024 ** 3);
    mkdirSync(file('thu-muc.so86'));
    const attempts: [args: string[], code: number, stderr: RegExp][] = [
      [['package', 'verify', missing], 1, /^FILE_NOT_FOUND: Không tìm thấy tệp “.*khong-co\.so86”\. Hãy kiểm tra đường dẫn/],
      [['package', 'import', missing, '--db', province], 1, /^FILE_NOT_FOUND: /],
      [['keys', 'trust', missing, '--db', province, '--fingerprint', '0000'], 1, /^FILE_NOT_FOUND: /],
      [
        ['package', 'export', '--db', commune, '--from', '2026-01-01', '--to', '2026-06-30', '--recipient', missing],
        1,
        /^FILE_NOT_FOUND: /,
      ],
      [['import', 'members', missing, '--db', commune], 1, /^FILE_NOT_FOUND: /],
      [['package', 'verify', file('thu-muc.so86')], 1, /^FILE_IS_FOLDER: /],
      [['package', 'verify', sparse], 3, /^PKG_FILE_TOO_LARGE: /],
      [['package', 'import', sparse, '--db', province], 3, /^PKG_FILE_TOO_LARGE: /],
      [['keys', 'trust', sparse, '--db', province, '--fingerprint', '0000'], 3, /^PKG_CARD_MALFORMED: /],
      [['import', 'members', sparse, '--db', commune], 1, /^IMPORT_TOO_LARGE: Tệp lớn hơn 16 MB/],
    ];
    for (const [args, code, stderr] of attempts) {
      const result = await so86(args, env);
      expect([args.slice(0, 2).join(' '), result.code, result.stderr]).toEqual([
        args.slice(0, 2).join(' '),
        code,
        expect.stringMatching(stderr),
      ]);
      expect(result.stderr).not.toMatch(/INTERNAL|\n\s+at /);
    }
  }, 240_000);
});
