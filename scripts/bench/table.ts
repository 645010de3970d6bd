import type { Latency } from './measure';
import type { BenchResult } from './main';
import type { UiFigures } from './ui';

type Row = [what: string, encrypted: string, plain: string, overhead: string, target: string];

const ms = (value: number) => `${value.toLocaleString('en-GB', { maximumFractionDigits: 1 })} ms`;
const percent = (encrypted: number, plain: number) => (plain > 0 ? `${Math.round((encrypted / plain - 1) * 100)} %` : '');
const spread = (latency: Latency) => `${ms(latency.p50Ms)} / ${ms(latency.p95Ms)}`;

function pair(what: string, encrypted: number, plain: number, target = ''): Row {
  return [what, ms(encrypted), ms(plain), percent(encrypted, plain), target];
}

function latencyRow(what: string, encrypted: Latency, plain: Latency, target = ''): Row {
  return [`${what} (p50 / p95)`, spread(encrypted), spread(plain), percent(encrypted.p50Ms, plain.p50Ms), target];
}

function section(title: string, rows: Row[]): void {
  const header: Row = ['', 'encrypted', 'plain', 'overhead', 'target'];
  const widths = header.map((_, column) => Math.max(...[header, ...rows].map((row) => row[column]!.length)));
  const line = (row: Row) =>
    row.map((cell, column) => (column === 0 ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!))).join('  ');
  console.log(`\n${title}`);
  console.log(line(header));
  for (const row of rows) console.log(line(row));
}

function uiSection(title: string, ui: UiFigures): void {
  console.log(`\n${title}`);
  const rows: [string, string, string][] = [
    ['first screen (navigation to the sign-in screen usable), median', ms(ui.firstScreenMs), '< 1,000 ms'],
    ['sign-in to the dashboard’s figures, median', ms(ui.signInToDashboardMs), '< 1,500 ms'],
    ...Object.entries(ui.screens).map(([name, screen]): [string, string, string] => [
      `screen “${name}”, click to content (p50 / p95)`,
      spread(screen),
      '',
    ]),
    ['every main screen, p95', ms(ui.screenP95Ms), '< 150 ms'],
    ['member search, request to results painted, p95', ms(ui.searchP95Ms), '< 20 ms'],
    ['report PDF, asked for to file downloaded, median', ms(ui.reportDocumentMs), '< 1,500 ms'],
    [
      'renderer JavaScript: all / loaded for the first screen',
      `${ui.bundle.jsKb} / ${ui.bundle.firstScreenJsKb} KB (${ui.bundle.chunks} files)`,
      '',
    ],
  ];
  const widths = [0, 1].map((column) => Math.max(...rows.map((row) => row[column]!.length)));
  for (const row of rows) console.log(`${row[0].padEnd(widths[0]!)}  ${row[1].padStart(widths[1]!)}  ${row[2]}`);
}

/** The figures as a person reads them: one table per scale, encrypted beside plain. */
export function printTable(result: BenchResult): void {
  const { machine } = result;
  console.log(
    `Sổ 86 benchmark — ${machine.cpus} × ${machine.cpuModel}, ${machine.memoryGb} GB, Node ${machine.node}, ${machine.platform}; load average at start ${machine.loadAverage.join(' / ')}; seed ${result.seed}${result.quick ? ' (quick)' : ''}`,
  );
  if (result.commune) {
    const c = result.commune;
    section(`Commune (${c.members} members, made by so86 demo --scale commune)`, [
      pair('make the registry (demo)', c.setupMs.encrypted, c.setupMs.plain),
      ['unlock: key derivation (scrypt)', ms(c.unlock.keyDerivationMs), ms(c.unlock.keyDerivationMs), '', ''],
      pair('unlock: open the file and check it', c.unlock.openMs, c.unlock.openPlainMs),
      pair('unlock: the whole sign-in', c.unlock.totalMs, c.unlock.totalPlainMs),
      latencyRow('member list page', c.latencies.encrypted.list, c.latencies.plain.list),
      latencyRow('search by name', c.latencies.encrypted.searchByName, c.latencies.plain.searchByName),
      latencyRow('search by code', c.latencies.encrypted.searchByCode, c.latencies.plain.searchByCode),
      pair('commune report', c.reportMs.encrypted, c.reportMs.plain),
      pair(
        `export the signed report file${c.exportMs.withDocuments ? ' with DOCX, XLSX, PDF' : ''}`,
        c.exportMs.encrypted,
        c.exportMs.plain,
      ),
      ['verify the report file', ms(c.verifyMs), '', '', ''],
      pair('back up the registry', c.backupMs.encrypted, c.backupMs.plain),
      ['main thread blocked at most (export, backup)', ms(c.eventLoopMaxDelayMs), '', '', '< 100 ms'],
      ['encryption overhead, all of the above', '', '', `${Math.round(c.encryptionOverheadRatio * 100)} %`, '< 30 %'],
    ]);
    uiSection('Commune in the renderer (Chromium over the bridge, services in the service host)', c.ui);
  }
  if (result.province) {
    const p = result.province;
    section(`Province (${p.importedRows.toLocaleString('en-GB')} member rows; ${p.communes} communes' report files)`, [
      pair(
        `import ${p.importedRows.toLocaleString('en-GB')} member rows (CSV)`,
        p.importMs.encrypted,
        p.importMs.plain,
        '< 30 s',
      ),
      pair(`import the same rows (XLSX workbook)`, p.xlsxImportMs.encrypted, p.xlsxImportMs.plain, '< 30 s'),
      latencyRow('member list page', p.latencies.encrypted.list, p.latencies.plain.list),
      latencyRow('search by name', p.latencies.encrypted.searchByName, p.latencies.plain.searchByName, 'p95 < 50 ms'),
      latencyRow('search by code', p.latencies.encrypted.searchByCode, p.latencies.plain.searchByCode, 'p95 < 50 ms'),
      pair(`verify and import ${p.packagesImported} report files`, p.packagesImportMs.encrypted, p.packagesImportMs.plain),
      pair(`province report combining ${p.communes} communes`, p.reportMs.encrypted, p.reportMs.plain, '< 1 s'),
      ['main thread blocked at most (import)', ms(p.eventLoopMaxDelayMs), '', '', '< 100 ms'],
      ['encryption overhead, all of the above', '', '', `${Math.round(p.encryptionOverheadRatio * 100)} %`, '< 30 %'],
    ]);
    uiSection(`Province in the renderer (${p.importedRows.toLocaleString('en-GB')} members)`, p.ui);
    console.log(
      `\nProvince peak memory by job (MB resident, target < 500): ${Object.entries(p.peakRssMbByJob)
        .map(([job, mb]) => `${job} ${mb}`)
        .join(', ')}`,
    );
  }
  if (result.national) {
    const n = result.national;
    section(`National (${n.communePackages.toLocaleString('en-GB')} commune report files → ${n.provinces} provinces → centre)`, [
      pair('set up the registries and trust', n.setupMs.encrypted, n.setupMs.plain),
      pair('make the communes’ signed files (in memory)', n.generationMs.encrypted, n.generationMs.plain),
      pair('verify + import + combine, all provinces and the centre', n.combineMs.encrypted, n.combineMs.plain, '< 60 s'),
      latencyRow('one province', n.provinceCombineMs.encrypted, n.provinceCombineMs.plain),
      pair(`the centre: import ${n.provinces} files and combine`, n.centreCombineMs.encrypted, n.centreCombineMs.plain),
      pair(
        `${n.throughHost.encrypted.province} through the service host (${n.throughHost.encrypted.packages} files)`,
        n.throughHost.encrypted.ms,
        n.throughHost.plain.ms,
      ),
      ['main thread blocked at most (combining)', ms(n.eventLoopMaxDelayMs), '', '', '< 100 ms'],
    ]);
  }
  console.log(
    `\nPeak memory: ${result.memory.peakRssMb} MB resident (all threads; the province's jobs when it ran), ${result.memory.peakHeapMb} MB main-thread heap. Total ${ms(result.totalMs)}.`,
  );
}
