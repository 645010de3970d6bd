import { reportedIssueLimit } from '@shared/contract/importing';
import type { ReconcileResult, reconcileCalls } from '@shared/contract/reconcile';
import { issueReason } from '../../domain/importing/plan';
import { createTripFromCrossing, recordCrossingDates, runReconciliation, type Reconciliation } from '../../domain/reconcile';
import { crossingTemplate } from '../../domain/reconcile/template';
import type { AppSession } from '../session';
import type { HandlerSet } from './types';

function resultOutput({ list, toleranceDays, result }: Reconciliation, session: AppSession): ReconcileResult {
  const badRows = new Set(list.issues.map((issue) => issue.row));
  return {
    fileName: list.fileName,
    format: list.format,
    textEncoding: list.textEncoding,
    legacyEncoding: list.legacyEncoding,
    toleranceDays,
    issues: list.issues.slice(0, reportedIssueLimit).map((issue) => ({ ...issue, reason: issueReason(issue, session.lang) })),
    issueCount: list.issues.length,
    errorRows: badRows.size,
    rows: list.rowCount,
    crossings: result?.crossings ?? 0,
    unreported: result?.unreported ?? [],
    datesDiffer: result?.datesDiffer ?? [],
    stillAbroad: result?.stillAbroad ?? [],
    unmatchedPersons: result?.unmatchedPersons ?? 0,
  };
}

export const reconcileHandlers: HandlerSet<keyof typeof reconcileCalls> = {
  'reconcile.run': async (input, { session }) =>
    resultOutput(
      await runReconciliation(
        session.requireRegistry(),
        { fileName: input.fileName, content: Buffer.from(input.contentBase64, 'base64') },
        input.toleranceDays,
      ),
      session,
    ),
  'reconcile.template': async ({ format }) => {
    const file = await crossingTemplate(format);
    return { fileName: file.fileName, contentBase64: Buffer.from(file.content).toString('base64') };
  },
  'reconcile.createTrip': (input, { session }) => createTripFromCrossing(session.requireRegistry(), input),
  'reconcile.recordDates': (input, { session }) => recordCrossingDates(session.requireRegistry(), input),
};
