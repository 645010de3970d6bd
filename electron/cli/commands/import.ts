import path from 'node:path';
import { maximumImportBytes, maximumImportSize, type ImportReport } from '@shared/contract/importing';
import { DomainError } from '@shared/errors';
import { translate, type Lang, type MessageKey } from '@shared/i18n';
import type { ImportKind } from '@shared/importing/columns';
import { readGivenFile } from '../files';
import type { CommandInput } from '../commandInput';
import type { CommandContext } from '../io';

async function readImportFile(file: string): Promise<{ fileName: string; contentBase64: string }> {
  const content = await readGivenFile(
    file,
    maximumImportBytes,
    () => new DomainError('IMPORT_TOO_LARGE', { limit: maximumImportSize }),
  );
  return { fileName: path.basename(file), contentBase64: Buffer.from(content).toString('base64') };
}

/** Every bad row on its own line, `dòng N, cột X: lý do`, naming the file too when two were imported together. */
function issueLines(report: ImportReport, lang: Lang): string[] {
  const severalFiles = report.sources.length > 1;
  return report.issues.map((issue) => {
    const params = { file: issue.file, row: issue.row, column: issue.column, reason: issue.reason };
    if (severalFiles) return translate(lang, 'import.issueLineInFile', params);
    return translate(lang, issue.column === '' ? 'import.issueLineNoColumn' : 'import.issueLine', params);
  });
}

function sayReading(report: ImportReport, context: CommandContext): void {
  for (const source of report.sources) {
    context.say('cli.import.file', {
      file: source.fileName,
      rows: source.rows,
      format: source.format === 'csv' ? `CSV, ${source.textEncoding ?? ''}` : 'XLSX',
    });
    if (source.legacyEncoding) {
      context.say('text.legacyConverted', {
        count: source.convertedCells,
        encoding: translate(context.lang, `text.encoding.${source.legacyEncoding}` as MessageKey),
      });
    }
    if (source.ignoredColumns.length > 0) context.say('cli.import.ignoredColumns', { columns: source.ignoredColumns.join(', ') });
  }
  const { counts } = report;
  if (report.sources.some((source) => source.kind === 'members')) {
    context.say('cli.import.summary.members', {
      created: counts.membersCreated,
      updated: counts.membersUpdated,
      unchanged: counts.membersUnchanged,
      cells: counts.cellsCreated,
    });
  }
  if (report.sources.some((source) => source.kind === 'trips'))
    context.say('cli.import.summary.trips', { created: counts.tripsCreated });
}

/**
 * `so86 import members|trips FILE [--dry-run] [--members FILE]`: all or nothing. Every bad
 * row goes to stderr and nothing is written; `--dry-run` checks and writes nothing either way.
 */
export async function importCommand({ options, positionals }: CommandInput, context: CommandContext): Promise<number> {
  const kind = positionals[0] as ImportKind;
  const io = context.io;
  if (typeof options.members === 'string' && kind !== 'trips') throw new DomainError('IMPORT_MEMBERS_FILE_FOR_TRIPS_ONLY');
  const main = await readImportFile(positionals[1]!);
  const membersFile = typeof options.members === 'string' ? await readImportFile(options.members) : undefined;

  const session = await context.signIn();
  try {
    const request = { kind, ...main, ...(membersFile ? { membersFile } : {}) };
    const report = await session.call(options['dry-run'] ? 'import.preview' : 'import.commit', request);
    if (context.json) context.printJson(report);
    for (const line of issueLines(report, context.lang)) io.err(line);
    const unlisted = report.issueCount - report.issues.length;
    if (unlisted > 0) io.err(translate(context.lang, 'import.moreIssues', { count: unlisted, shown: report.issues.length }));
    if (report.issueCount > 0) {
      io.err(
        `IMPORT_ROWS_INVALID: ${translate(context.lang, 'error.IMPORT_ROWS_INVALID', { count: report.issueCount, rows: report.errorRows })}`,
      );
      return 1;
    }
    if (!context.json) sayReading(report, context);
    context.say(report.committed ? 'cli.import.done' : 'cli.import.dryRun');
    return 0;
  } finally {
    session.close();
  }
}
