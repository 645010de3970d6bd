import path from 'node:path';
import { maximumImportBytes, maximumImportSize } from '@shared/contract/importing';
import { ToleranceDays, type MemberCrossing, type ReconcileResult } from '@shared/contract/reconcile';
import { DomainError } from '@shared/errors';
import { translate, type Lang, type MessageKey } from '@shared/i18n';
import { defaultToleranceDays, maximumToleranceDays } from '@shared/reconcile/match';
import { formatCivilDate } from '@shared/rules/dates';
import { countryName, isCountryCode } from '@shared/text/countries';
import { readGivenFile } from '../files';
import type { CommandInput } from '../commandInput';
import { UsageError } from '../errors';
import { listLines } from '../listing';
import type { CommandContext } from '../io';

/** What a crossing shows on the command line: who, the crossing's dates and where, and how sure the match is. */
function crossingJson(crossing: MemberCrossing) {
  return {
    memberCode: crossing.memberCode,
    fullName: crossing.fullName,
    exitDate: crossing.exitDate,
    entryDate: crossing.entryDate,
    country: crossing.country,
    documentType: crossing.documentType,
    borderGate: crossing.borderGate,
    match: crossing.match,
    needsConfirmation: crossing.needsConfirmation,
  };
}

function reconcileJson(result: ReconcileResult) {
  return {
    unreported: result.unreported.map(crossingJson),
    datesDiffer: result.datesDiffer.map((entry) => ({
      ...crossingJson(entry),
      tripCode: entry.tripCode,
      recordedDeparture: entry.recordedDeparture,
      recordedReturn: entry.recordedReturn,
    })),
    stillAbroad: result.stillAbroad.map((entry) => ({
      ...crossingJson(entry),
      tripCode: entry.tripCode,
      permittedReturn: entry.permittedReturn,
    })),
    unmatchedPersons: result.unmatchedPersons,
  };
}

function crossingRow(crossing: MemberCrossing, lang: Lang): string[] {
  const date = (value: string | null) => (value ? formatCivilDate(value) : '—');
  return [
    crossing.memberCode,
    crossing.fullName,
    `${date(crossing.exitDate)} – ${date(crossing.entryDate)}`,
    crossing.country && isCountryCode(crossing.country) ? countryName(crossing.country, lang) : '',
    crossing.documentType ? translate(lang, `travelDocument.${crossing.documentType}` as MessageKey) : '',
    crossing.borderGate ?? '',
    crossing.needsConfirmation ? translate(lang, 'reconcile.needsConfirmation') : '',
  ];
}

/**
 * `so86 reconcile FILE [--tolerance-days N]`: compares the police border-crossing list with the
 * registry. A file with any bad row is refused whole, each problem on stderr as `dòng N, cột X: lý do`.
 */
export async function reconcileCommand({ options, positionals }: CommandInput, context: CommandContext): Promise<number> {
  const file = positionals[0]!;
  const io = context.io;
  const tolerance = ToleranceDays.safeParse(options['tolerance-days'] ?? defaultToleranceDays);
  if (!tolerance.success)
    throw new UsageError(
      'cli.error.outOfRange',
      { option: '--tolerance-days', value: String(options['tolerance-days']), min: 0, max: maximumToleranceDays },
      'reconcile',
    );
  const content = await readGivenFile(
    file,
    maximumImportBytes,
    () => new DomainError('IMPORT_TOO_LARGE', { limit: maximumImportSize }),
  );

  const session = await context.signIn();
  try {
    const result = await session.call('reconcile.run', {
      fileName: path.basename(file),
      contentBase64: Buffer.from(content).toString('base64'),
      toleranceDays: tolerance.data,
    });
    if (result.issueCount > 0) {
      for (const issue of result.issues)
        io.err(translate(context.lang, 'import.issueLine', { row: issue.row, column: issue.column, reason: issue.reason }));
      io.err(
        `RECONCILE_ROWS_INVALID: ${translate(context.lang, 'error.RECONCILE_ROWS_INVALID', { count: result.issueCount, rows: result.errorRows })}`,
      );
      return 1;
    }
    if (context.json) {
      context.printJson(reconcileJson(result));
    } else {
      const lists = [
        ['cli.reconcile.unreported', result.unreported],
        ['cli.reconcile.datesDiffer', result.datesDiffer],
        ['cli.reconcile.stillAbroad', result.stillAbroad],
      ] as const;
      for (const [title, crossings] of lists) {
        if (crossings.length === 0) continue;
        io.out(`${translate(context.lang, title)} (${crossings.length}):`);
        for (const line of listLines(
          context.lang,
          'cli.reconcile.header',
          crossings.map((crossing) => crossingRow(crossing, context.lang)),
        ))
          io.out(line);
      }
    }
    context.say('cli.reconcile.summary', {
      rows: result.rows,
      unreported: result.unreported.length,
      datesDiffer: result.datesDiffer.length,
      stillAbroad: result.stillAbroad.length,
      unmatched: result.unmatchedPersons,
    });
    return 0;
  } finally {
    session.close();
  }
}
