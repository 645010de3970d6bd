import { type ImportReport as ImportReportOutput, type importingCalls } from '@shared/contract/importing';
import type { ParsedInput } from '@shared/contract';
import { commitImport, issueReason, previewImport, type ImportFile, type ImportReport } from '../../domain/importing';
import { exportMembers, exportTrips } from '../../domain/importing/export';
import { importTemplate } from '../../domain/importing/template';
import type { AppSession } from '../session';
import type { HandlerSet } from './types';

function filesOf(input: ParsedInput<'import.preview'>): ImportFile[] {
  const main: ImportFile = { kind: input.kind, fileName: input.fileName, content: Buffer.from(input.contentBase64, 'base64') };
  if (!input.membersFile) return [main];
  return [
    { kind: 'members', fileName: input.membersFile.fileName, content: Buffer.from(input.membersFile.contentBase64, 'base64') },
    main,
  ];
}

function reportOutput(report: ImportReport, session: AppSession): ImportReportOutput {
  return {
    ...report,
    issues: report.issues.map((issue) => ({ ...issue, reason: issueReason(issue, session.lang) })),
  };
}

function fileOutput(file: { fileName: string; content: Uint8Array }) {
  return { fileName: file.fileName, contentBase64: Buffer.from(file.content).toString('base64') };
}

export const importingHandlers: HandlerSet<keyof typeof importingCalls> = {
  // A named import reports its progress and can be cancelled (`jobs.cancel`); a cancelled commit writes nothing.
  'import.preview': async (input, { session }) =>
    reportOutput(
      await session.jobs.run(input.jobId, 'import.preview', (onProgress) =>
        previewImport(session.requireRegistry(), filesOf(input), { onProgress }),
      ),
      session,
    ),
  'import.commit': async (input, { session }) =>
    reportOutput(
      await session.jobs.run(input.jobId, 'import.commit', (onProgress) =>
        commitImport(session.requireRegistry(), filesOf(input), { onProgress }),
      ),
      session,
    ),
  'import.template': async ({ kind }) => fileOutput(await importTemplate(kind)),
  'export.members': async (filter, { session }) => fileOutput(await exportMembers(session.requireRegistry(), filter)),
  'export.trips': async (filter, { session }) => fileOutput(await exportTrips(session.requireRegistry(), filter)),
};
