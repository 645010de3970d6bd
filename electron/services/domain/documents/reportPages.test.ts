import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestRegistry, type OpenTestRegistry } from '../../../testkit/registry';
import { modelReport, poppler } from '../../../testkit/documents';
import { renderReportDocx } from './reportDocx';

/**
 * The commune, province and centre reports as a reader sees them: each DOCX converted by LibreOffice to
 * PDF, its first page kept as a PNG in e2e/artifacts/ for a person to look at. CI installs LibreOffice;
 * elsewhere the test is skipped when it is missing.
 */

const artifacts = path.resolve(__dirname, '../../../../e2e/artifacts');
const libreOffice = spawnSync('libreoffice', ['--version'], { encoding: 'utf8' }).status === 0;
const period = { from: '2026-01-01', to: '2026-06-30' };

if (!libreOffice && process.env.CI === 'true') {
  throw new Error(
    'LibreOffice is needed to render the report pages on CI: install libreoffice-writer (apt-get install libreoffice-writer).',
  );
}

let province: OpenTestRegistry;
let central: OpenTestRegistry;
const work = mkdtempSync(path.join(tmpdir(), 'so86-pages-'));

/** DOCX → PDF through LibreOffice (its own profile folder, so parallel runs do not lock each other), then page 1 → PNG. */
function firstPage(docx: Buffer, name: string): { pdf: Buffer; png: string } {
  const docxFile = path.join(work, `${name}.docx`);
  writeFileSync(docxFile, docx);
  execFileSync(
    'libreoffice',
    [
      `-env:UserInstallation=file://${path.join(work, 'profile')}`,
      '--headless',
      '--convert-to',
      'pdf',
      '--outdir',
      work,
      docxFile,
    ],
    { stdio: 'ignore', timeout: 240_000 },
  );
  const pdf = readFileSync(path.join(work, `${name}.pdf`));
  mkdirSync(artifacts, { recursive: true });
  const prefix = path.join(artifacts, name);
  execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', '-singlefile', path.join(work, `${name}.pdf`), prefix]);
  return { pdf, png: `${prefix}.png` };
}

async function renderedDocx(office: OpenTestRegistry): Promise<Buffer> {
  const file = await office.call('reports.render', { period, format: 'docx' });
  return Buffer.from(file.contentBase64, 'base64');
}

beforeAll(async () => {
  if (!libreOffice) return;
  province = await openTestRegistry({ code: 'ANGIANG', name: 'Tỉnh ủy An Giang', level: 'province', parentCode: 'TW' });
  central = await openTestRegistry({ code: 'TW', name: 'Ban Tổ chức Trung ương', level: 'central', parentCode: null });
  await province.call('units.add', { code: 'VINHTRACH', name: 'Đảng ủy xã Vĩnh Trạch' });
  await central.call('units.add', { code: 'ANGIANG', name: 'Tỉnh ủy An Giang' });
}, 120_000);

afterAll(() => {
  province?.session.dispose();
  central?.session.dispose();
  rmSync(work, { recursive: true, force: true });
});

describe.skipIf(!libreOffice)('report pages rendered by LibreOffice', () => {
  it('heads the commune report with the superior organisation and the commune', async () => {
    const { data, meta, narrative } = modelReport();
    const { pdf, png } = firstPage(await renderReportDocx(data, meta, narrative), 'report-commune-page1');
    const text = poppler('pdftotext', pdf, ['-f', '1', '-l', '1']).replace(/\s+/g, ' ');
    expect(text).toContain('ĐẢNG BỘ TỈNH AN GIANG');
    expect(text).toContain('ĐẢNG ỦY XÃ VĨNH TRẠCH');
    expect(text).toContain('Số 15-BC/ĐU');
    expect(existsSync(png)).toBe(true);
  }, 300_000);

  it('heads the province report as a Tỉnh ủy’s and warns of the unit left out', async () => {
    const { pdf, png } = firstPage(await renderedDocx(province), 'report-province-page1');
    const text = poppler('pdftotext', pdf, ['-f', '1', '-l', '1']).replace(/\s+/g, ' ');
    expect(text).toContain('TỈNH ỦY AN GIANG');
    expect(text).toMatch(/Số\s+-BC\/TU/);
    expect(text).toContain('An Giang, ngày');
    expect(text).toContain('Số liệu chưa bao gồm 01 đơn vị: Đảng ủy xã Vĩnh Trạch (chưa gửi báo cáo).');
    expect(existsSync(png)).toBe(true);
  }, 300_000);

  it('heads the centre’s report -BC/BTCTW, dated at Hà Nội', async () => {
    const { pdf, png } = firstPage(await renderedDocx(central), 'report-centre-page1');
    const text = poppler('pdftotext', pdf, ['-f', '1', '-l', '1']).replace(/\s+/g, ' ');
    expect(text).toContain('BAN TỔ CHỨC TRUNG ƯƠNG');
    expect(text).toMatch(/Số\s+-BC\/BTCTW/);
    expect(text).toMatch(/Hà Nội, ngày \d\d tháng \d+ năm \d{4}/);
    expect(existsSync(png)).toBe(true);
  }, 300_000);
});
