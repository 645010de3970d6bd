import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { docxParts, paragraphTexts, pdfPages } from '../testkit/documents';
import { openTestRegistry, testPassword } from '../testkit/registry';
import { freshFolder, so86 } from '../testkit/cli';

const folder = freshFolder('so86-cli-annual-');
const out = (name: string) => path.join(folder, name);
const viewerPassword = 'mật khẩu người xem 2026';
let databaseFile = '';
const asAdministrator = () => ({ SO86_PASSWORD: testPassword, SO86_USER: 'admin' });

/** A registry made through the services, then printed from the command line as an office's script would. */
beforeAll(async () => {
  const registry = await openTestRegistry();
  databaseFile = registry.databaseFile;
  const hoa = await registry.call('members.save', { code: 'DV-0001', fullName: 'Đặng Thị Hoà', cellName: 'Chi bộ ấp Tây Bình' });
  await registry.call('members.save', { code: 'DV-0002', fullName: 'Lê Văn Bình', cellName: 'Chi bộ ấp Tây Bình' });
  await registry.call('members.save', { code: 'DV-0003', fullName: 'Trần Quốc Cường', cellName: 'Chi bộ ấp Đông Bình' });
  const trip = await registry.call('trips.save', {
    memberId: hoa.id,
    purpose: 'tourism',
    selfFunded: true,
    countries: ['KH'],
    travelDocumentKind: 'border_pass',
    plannedDeparture: '2026-04-10',
    plannedReturn: '2026-04-12',
  });
  await registry.call('trips.transition', {
    tripId: trip.id,
    transition: 'submit',
    input: { applicationDate: '2026-04-01', commitmentDate: '2026-04-01', cellOpinion: 'Đồng ý' },
  });
  await registry.call('trips.transition', {
    tripId: trip.id,
    transition: 'approve',
    input: { approvalRef: '21-QĐ/ĐU', approvalDate: '2026-04-03', approvingCommittee: 'Ban Thường vụ Đảng ủy xã Vĩnh Trạch' },
  });
  await registry.call('users.create', {
    username: 'xem',
    displayName: 'Người chỉ xem',
    role: 'viewer',
    password: viewerPassword,
    passwordConfirm: viewerPassword,
  });
  registry.session.dispose();
}, 120_000);

describe('so86 annual-record', () => {
  it('writes one member’s supplement as a Word document', async () => {
    const file = out('hoa.docx');
    const result = await so86(
      ['annual-record', '--db', databaseFile, '--year', '2026', '--member', 'DV-0001', '--out', file],
      asAdministrator(),
    );
    expect(result).toMatchObject({ code: 0, stdout: '' });
    expect(result.stderr).toContain(`Đã ghi bản kê khai bổ sung lý lịch năm 2026 của 1 đảng viên vào ${file}.`);
    const texts = paragraphTexts((await docxParts(readFileSync(file))).document);
    expect(texts).toContain('BẢN KÊ KHAI BỔ SUNG LÝ LỊCH ĐẢNG VIÊN NĂM 2026');
    expect(texts).toContain('Campuchia');
    expect(texts.join('\n')).toContain('10/04/2026 – 12/04/2026 (dự kiến)');
  }, 120_000);

  it('writes a cell as a PDF one member to a page, and everyone with --all', async () => {
    const cell = out('tay-binh.pdf');
    expect(
      (
        await so86(
          ['annual-record', '--db', databaseFile, '--year', '2026', '--cell', 'Chi bộ ấp Tây Bình', '--out', cell],
          asAdministrator(),
        )
      ).code,
    ).toBe(0);
    const pages = pdfPages(readFileSync(cell));
    expect(pages).toHaveLength(2);
    expect(pages.join('\n')).toContain('Không đi nước ngoài trong năm 2026.');
    const everyone = await so86(
      ['annual-record', '--db', databaseFile, '--year', '2026', '--all', '--out', out('tat-ca.docx'), '--json'],
      asAdministrator(),
    );
    expect(JSON.parse(everyone.stdout)).toEqual({ file: out('tat-ca.docx'), format: 'docx', year: 2026, members: 3 });
  }, 120_000);

  it('lets a viewer print, since printing writes nothing to the registry', async () => {
    const result = await so86(
      ['annual-record', '--db', databaseFile, '--year', '2026', '--member', 'DV-0002', '--out', out('binh.pdf')],
      { SO86_PASSWORD: viewerPassword, SO86_USER: 'xem' },
    );
    expect(result.code).toBe(0);
  }, 120_000);

  it('refuses bad usage with exit 2 before opening anything, and an unknown member with exit 1', async () => {
    const both = await so86(
      ['annual-record', '--db', databaseFile, '--year', '2026', '--member', 'DV-0001', '--all', '--out', out('x.docx')],
      asAdministrator(),
    );
    expect(both).toMatchObject({ code: 2 });
    expect(both.stderr).toContain('Hãy chọn đúng một trong --member MÃ, --cell TÊN_CHI_BỘ hoặc --all.');
    const text = await so86(
      ['annual-record', '--db', databaseFile, '--year', '2026', '--all', '--out', out('x.txt')],
      asAdministrator(),
    );
    expect(text).toMatchObject({ code: 2 });
    expect(text.stderr).toContain('phải có đuôi .docx hoặc .pdf');
    expect(
      (
        await so86(
          ['annual-record', '--db', databaseFile, '--year', 'hai nghìn', '--all', '--out', out('x.docx')],
          asAdministrator(),
        )
      ).code,
    ).toBe(2);
    const unknown = await so86(
      ['annual-record', '--db', databaseFile, '--year', '2026', '--member', 'DV-9999', '--out', out('x.docx')],
      asAdministrator(),
    );
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('Không có đảng viên mã “DV-9999” trong sổ.');
    expect(existsSync(out('x.docx'))).toBe(false);
  }, 120_000);
});
