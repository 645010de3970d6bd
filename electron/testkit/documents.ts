import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import JSZip from 'jszip';
import { modelReportData } from '../../shared/testkit/reportModel';
import { ReportMeta, defaultNarrative } from '../../shared/report/narrative';
import { type TripFormData } from '../services/domain/documents/forms';

/*
 * Fixtures and readers for the renderers' tests: report data equal to the appendices of the model provincial
 * report (reference 003), a filled trip form, and helpers that read DOCX and PDF output back.
 */

export function modelReportMeta(): ReportMeta {
  return ReportMeta.parse({
    parentName: 'Đảng bộ tỉnh An Giang',
    committeeName: 'Đảng ủy xã Vĩnh Trạch',
    numberAndSymbol: '15-BC/ĐU',
    place: 'Vĩnh Trạch',
    date: '2026-05-20',
    round: {
      reference: '626-CV/BTCTW',
      date: '2026-04-17',
      issuer: 'Ban Tổ chức Trung ương',
      subject: 'về việc xây dựng báo cáo thực hiện công tác xây dựng tổ chức đảng, phát triển và quản lý đảng viên ở nước ngoài',
    },
    recipients: ['Ban Thường vụ Tỉnh ủy (để b/c)', 'Ban Tổ chức Tỉnh ủy', 'Các chi bộ trực thuộc', 'Lưu Văn phòng Đảng ủy'],
    signer: { title: 'PHÓ BÍ THƯ', name: 'Lâm Minh Thành' },
  });
}

export function modelReport() {
  const data = modelReportData();
  const meta = modelReportMeta();
  return { data, meta, narrative: defaultNarrative(data, meta) };
}

export function sampleTripForm(): TripFormData {
  return {
    partyOrganisation: 'Đảng bộ xã Vĩnh Trạch',
    managingCommittee: 'Đảng ủy xã Vĩnh Trạch',
    place: 'Vĩnh Trạch',
    date: '2026-05-12',
    member: {
      fullName: 'Nguyễn Thị Hồng Nhung',
      gender: 'female',
      birthDate: '1984-02-07',
      nationalId: '089184001234',
      cell: 'Chi bộ ấp Tây Bình',
      post: 'Giáo viên',
      workplace: 'Trường Tiểu học Vĩnh Trạch',
    },
    trip: {
      purpose: 'Thăm thân',
      purposeDetail: 'thăm con gái đang học tập',
      countries: ['Hàn Quốc'],
      plannedDeparture: '2026-06-01',
      plannedReturn: '2026-06-20',
      funding: 'Tự túc',
      travelDocument: 'Hộ chiếu phổ thông',
      travelDocumentNumber: 'P01234567',
      travelDocumentValidUntil: '2031-03-15',
    },
    relativesAbroad: [
      {
        fullName: 'Trần Ngọc Hân',
        relationship: 'Con gái',
        birthYear: 2004,
        country: 'Hàn Quốc',
        occupation: 'Sinh viên Đại học Quốc gia Seoul',
      },
    ],
    returnReport: {
      permission: { ref: '125-QĐ/ĐU', date: '2026-05-25', issuer: 'Ban Thường vụ Đảng ủy xã Vĩnh Trạch' },
      actualDeparture: '2026-06-01',
      actualReturn: '2026-06-19',
      results: 'Đã thăm con gái, tham dự lễ tốt nghiệp của con.',
      contacts: 'Không có.',
      giftsAwardsInvitations: 'Không có.',
      documentsBroughtBack: 'Không có.',
    },
  };
}

function decodeXml(value: string): string {
  return value
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');
}

/** The text of every `w:p` in a WordprocessingML part, in order. */
export function paragraphTexts(xml: string): string[] {
  return [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((match) => textOf(match[0]));
}

export function textOf(xml: string): string {
  return [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((match) => decodeXml(match[1] ?? '')).join('');
}

/** The run properties (`w:rPr`) of the run whose text is exactly `text`. */
export function runPropertiesOf(xml: string, text: string): string | undefined {
  const run = [...xml.matchAll(/<w:r>([\s\S]*?)<\/w:r>/g)].find((match) => textOf(match[1] ?? '') === text);
  return run?.[1]?.match(/<w:rPr>[\s\S]*?<\/w:rPr>/)?.[0];
}

export interface DocxTableCell {
  text: string;
  gridSpan: number;
  vMerge?: 'restart' | 'continue';
}

/** Every `w:tbl` as rows of cells with their spans. */
export function docxTables(xml: string): DocxTableCell[][][] {
  return [...xml.matchAll(/<w:tbl>[\s\S]*?<\/w:tbl>/g)].map((table) =>
    [...table[0].matchAll(/<w:tr[ >][\s\S]*?<\/w:tr>/g)].map((row) =>
      [...row[0].matchAll(/<w:tc>[\s\S]*?<\/w:tc>/g)].map((cell) => {
        const vMerge = /<w:vMerge(?: w:val="(\w+)")?\/>/.exec(cell[0]);
        return {
          text: paragraphTexts(cell[0]).join('\n'),
          gridSpan: Number(/<w:gridSpan w:val="(\d+)"/.exec(cell[0])?.[1] ?? 1),
          vMerge: vMerge ? (vMerge[1] === 'restart' ? 'restart' : 'continue') : undefined,
        };
      }),
    ),
  );
}

export async function docxParts(
  buffer: Buffer,
): Promise<{ document: string; footnotes: string; styles: string; headers: string[] }> {
  const zip = await JSZip.loadAsync(buffer);
  const read = async (name: string) => (await zip.file(name)?.async('string')) ?? '';
  const headerNames = Object.keys(zip.files).filter((name) => /^word\/header\d+\.xml$/.test(name));
  return {
    document: await read('word/document.xml'),
    footnotes: await read('word/footnotes.xml'),
    styles: await read('word/styles.xml'),
    headers: await Promise.all(headerNames.map(read)),
  };
}

/** Runs a Poppler tool on a PDF written to a temporary file. */
export function poppler(tool: 'pdftotext' | 'pdffonts' | 'pdfinfo', pdf: Buffer, args: string[] = []): string {
  const directory = mkdtempSync(join(tmpdir(), 'so86-pdf-'));
  try {
    const file = join(directory, 'document.pdf');
    writeFileSync(file, pdf);
    const output = tool === 'pdftotext' ? [file, '-'] : [file];
    return execFileSync(tool, [...args, ...output], { encoding: 'utf8' });
  } finally {
    rmSync(directory, { recursive: true, force: true });
  }
}

/** Whether LibreOffice can be run; where CI runs the tests it must be (the workflow installs libreoffice-writer). */
export function libreOfficeAvailable(): boolean {
  const found = spawnSync('libreoffice', ['--version'], { encoding: 'utf8' }).status === 0;
  if (!found && process.env.CI === 'true')
    throw new Error('LibreOffice is missing: install libreoffice-writer to check the rendered pages.');
  return found;
}

/**
 * Word files converted to PDF by LibreOffice, as an office opening them would see them. Times New Roman is taken
 * from Tinos, the metric-compatible font the PDFs embed, so that the pages break as in Word whatever fonts the
 * machine has.
 */
export function libreOfficePdfs(documents: Record<string, Buffer>): Record<string, Buffer> {
  const directory = mkdtempSync(join(tmpdir(), 'so86-lo-'));
  try {
    const tinos = dirname(
      dirname(createRequire(import.meta.url).resolve('@expo-google-fonts/tinos/400Regular/Tinos_400Regular.ttf')),
    );
    const fontsConf = join(directory, 'fonts.conf');
    writeFileSync(
      fontsConf,
      `<?xml version="1.0"?><!DOCTYPE fontconfig SYSTEM "fonts.dtd"><fontconfig><include ignore_missing="yes">/etc/fonts/fonts.conf</include><dir>${tinos}</dir><cachedir>${join(directory, 'cache')}</cachedir><alias binding="same"><family>Times New Roman</family><prefer><family>Tinos</family></prefer></alias></fontconfig>`,
    );
    const names = Object.keys(documents);
    for (const name of names) writeFileSync(join(directory, `${name}.docx`), documents[name]!);
    execFileSync(
      'libreoffice',
      [
        `-env:UserInstallation=file://${join(directory, 'profile')}`,
        '--headless',
        '--convert-to',
        'pdf',
        '--outdir',
        directory,
        ...names.map((name) => join(directory, `${name}.docx`)),
      ],
      { env: { ...process.env, FONTCONFIG_FILE: fontsConf }, stdio: 'ignore', timeout: 180_000 },
    );
    return Object.fromEntries(names.map((name) => [name, readFileSync(join(directory, `${name}.pdf`))]));
  } finally {
    rmSync(directory, { recursive: true, force: true });
  }
}

/** The text of each page of a PDF. */
export function pdfPages(pdf: Buffer): string[] {
  return poppler('pdftotext', pdf, ['-layout']).split('\f').slice(0, -1);
}

export const testArtifactsFolder = resolve(import.meta.dirname, '../../e2e/artifacts');

/** Writes the first page of a PDF as a PNG into the test artefacts, for a person to look at. */
export function keepFirstPageAsPng(pdf: Buffer, name: string): string {
  mkdirSync(testArtifactsFolder, { recursive: true });
  const directory = mkdtempSync(join(tmpdir(), 'so86-png-'));
  try {
    const file = join(directory, 'document.pdf');
    writeFileSync(file, pdf);
    const prefix = join(testArtifactsFolder, name);
    execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', '-singlefile', file, prefix]);
    return `${prefix}.png`;
  } finally {
    rmSync(directory, { recursive: true, force: true });
  }
}
