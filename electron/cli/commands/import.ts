import path from 'node:path';
import { maximumImportBytes, maximumImportSize } from '../../../shared/contract/importing';
import { DomainError } from '../../../shared/errors';
import { translate, type Lang, type MessageKey } from '../../../shared/i18n';
import { ImportKind } from '../../../shared/importing/columns';
import { commitImport, issueReason, previewImport, type ImportFile, type ImportReport } from '../../services/importing';
import { readGivenFile } from '../files';
import { parseCommand, UsageError, type CliIo, type CommandContext } from '../io';

async function readImportFile(kind: ImportKind, file: string): Promise<ImportFile> {
  const content = await readGivenFile(file, maximumImportBytes, () => new DomainError('IMPORT_TOO_LARGE', { limit: maximumImportSize }));
  return { kind, fileName: path.basename(file), content };
}

/** Every bad row on its own line, `dòng N, cột X: lý do`, naming the file too when two were imported together. */
function issueLines(report: ImportReport, lang: Lang): string[] {
  const severalFiles = report.sources.length > 1;
  return report.issues.map((issue) => {
    const params = { file: issue.file, row: issue.row, column: issue.column, reason: issueReason(issue, lang) };
    if (severalFiles) return translate(lang, 'import.issueLineInFile', params);
    return translate(lang, issue.column === '' ? 'import.issueLineNoColumn' : 'import.issueLine', params);
  });
}

function sayReading(report: ImportReport, context: CommandContext): void {
  for (const source of report.sources) {
    context.say('cli.import.file', { file: source.fileName, rows: source.rows, format: source.format === 'csv' ? `CSV, ${source.textEncoding ?? ''}` : 'XLSX' });
    if (source.legacyEncoding) {
      context.say('text.legacyConverted', { count: source.convertedCells, encoding: translate(context.lang, `text.encoding.${source.legacyEncoding}` as MessageKey) });
    }
    if (source.ignoredColumns.length > 0) context.say('cli.import.ignoredColumns', { columns: source.ignoredColumns.join(', ') });
  }
  const { counts } = report;
  if (report.sources.some((source) => source.kind === 'members')) {
    context.say('cli.import.summary.members', { created: counts.membersCreated, updated: counts.membersUpdated, unchanged: counts.membersUnchanged, cells: counts.cellsCreated });
  }
  if (report.sources.some((source) => source.kind === 'trips')) context.say('cli.import.summary.trips', { created: counts.tripsCreated });
}

/**
 * `so86 import members|trips FILE [--dry-run] [--members FILE]`: all or nothing. Every bad
 * row goes to stderr and nothing is written; `--dry-run` checks and writes nothing either way.
 */
export async function importCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals, context } = parseCommand(args, { 'dry-run': { type: 'boolean', default: false }, members: { type: 'string' } }, io);
  const [kindName, file] = positionals;
  const kind = ImportKind.safeParse(kindName);
  if (!kind.success) throw new UsageError('cli.badUsage', { detail: `import ${kindName ?? ''}`.trim() });
  if (!file) throw new UsageError('cli.missingOption', { option: 'FILE' });
  if (typeof values.members === 'string' && kind.data !== 'trips') throw new DomainError('IMPORT_MEMBERS_FILE_FOR_TRIPS_ONLY');
  const files = [await readImportFile(kind.data, file)];
  if (typeof values.members === 'string') files.unshift(await readImportFile('members', values.members));

  const registry = await context.unlock();
  try {
    const report = values['dry-run'] ? await previewImport(registry, files) : await commitImport(registry, files);
    if (context.json) context.printJson({ ...report, issues: report.issues.map((issue) => ({ ...issue, reason: issueReason(issue, context.lang) })) });
    for (const line of issueLines(report, context.lang)) io.err(line);
    if (report.issues.length > 0) {
      io.err(`IMPORT_ROWS_INVALID: ${translate(context.lang, 'error.IMPORT_ROWS_INVALID', { count: report.issues.length, rows: report.errorRows })}`);
      return 1;
    }
    if (!context.json) sayReading(report, context);
    context.say(report.committed ? 'cli.import.done' : 'cli.import.dryRun');
    return 0;
  } finally {
    registry.close();
  }
}
