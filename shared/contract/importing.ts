import { z } from 'zod';
import { ComplianceFlag, MemberStatus, TripState } from '../domain/enums';
import { Id, requiredText, text } from '../domain/primitives';
import { ImportKind } from '../importing/columns';
import { dataEntry, everyone, readCall, writeCall } from './define';

/**
 * Import files larger than this are refused before a byte is read. Checking and writing 100,000
 * member rows (a 12.8 MB CSV) adds about 340 MB to the service host's resident memory, roughly
 * 27 times the file (docs/BENCHMARKS.md, 5 December 2026): 16 MB keeps an import's own memory
 * under about 450 MB, and holds about 120,000 rows of the template's columns.
 */
export const maximumImportBytes = 16 * 1024 * 1024;
/** The limit as messages name it. */
export const maximumImportSize = `${maximumImportBytes / (1024 * 1024)} MB`;
/** The problems one call reports at most; the count says how many there are in all. */
export const reportedIssueLimit = 20_000;

const FileContent = z.string().max(Math.ceil(maximumImportBytes / 3) * 4, { message: 'import.tooLarge' });

export const ImportFileInput = z.object({ fileName: requiredText(255), contentBase64: FileContent }).strict();

/**
 * An import: the file of one kind; a trips import may bring along the members file it
 * depends on, and both are then checked together and written in one transaction.
 * `jobId` names the progress events (`job.progress`) of this import.
 */
export const ImportRequest = z
  .object({
    kind: ImportKind,
    fileName: requiredText(255),
    contentBase64: FileContent,
    membersFile: ImportFileInput.optional(),
    jobId: z.string().max(64).optional(),
  })
  .strict()
  .refine((request) => request.kind === 'trips' || request.membersFile === undefined, {
    message: 'error.IMPORT_MEMBERS_FILE_FOR_TRIPS_ONLY',
    path: ['membersFile'],
  });
export type ImportRequest = z.input<typeof ImportRequest>;

const CellValue = z.union([z.string(), z.boolean(), z.array(z.string()), z.null()]);

export const ImportIssueRow = z.object({
  file: z.string(),
  row: z.number().int(),
  column: z.string(),
  key: z.string(),
  params: z.record(z.string(), z.union([z.string(), z.number()])),
  /** The reason in the session's language. */
  reason: z.string(),
});
export type ImportIssueRow = z.infer<typeof ImportIssueRow>;

export const ImportSource = z.object({
  kind: ImportKind,
  fileName: z.string(),
  format: z.enum(['csv', 'xlsx']),
  sheetName: z.string().nullable(),
  textEncoding: z.string().nullable(),
  delimiter: z.string().nullable(),
  rows: z.number().int(),
  legacyEncoding: z.enum(['tcvn3', 'vni']).nullable(),
  convertedCells: z.number().int(),
  ignoredColumns: z.array(z.string()),
  preview: z.array(
    z.object({
      row: z.number().int(),
      action: z.enum(['create', 'update', 'unchanged']),
      values: z.record(z.string(), CellValue),
    }),
  ),
});
export type ImportSource = z.infer<typeof ImportSource>;

export const ImportCounts = z.object({
  membersCreated: z.number().int(),
  membersUpdated: z.number().int(),
  membersUnchanged: z.number().int(),
  cellsCreated: z.number().int(),
  tripsCreated: z.number().int(),
});

export const ImportReport = z.object({
  /** True when everything was written; false for a preview, or a commit refused because of problems. */
  committed: z.boolean(),
  sources: z.array(ImportSource),
  issues: z.array(ImportIssueRow),
  /** Every problem found, including any beyond `reportedIssueLimit`. */
  issueCount: z.number().int(),
  errorRows: z.number().int(),
  counts: ImportCounts,
  tripStates: z.partialRecord(TripState, z.number().int()),
});
export type ImportReport = z.infer<typeof ImportReport>;

export const ExportedFile = z.object({ fileName: z.string(), contentBase64: z.string() });
export type ExportedFile = z.infer<typeof ExportedFile>;

export const MemberExportFilter = z
  .object({
    query: text(120).optional(),
    cellId: Id.optional(),
    status: MemberStatus.optional(),
    includeArchived: z.boolean().default(false),
  })
  .strict();

export const TripExportFilter = z
  .object({ query: text(120).optional(), memberId: Id.optional(), state: TripState.optional(), flag: ComplianceFlag.optional() })
  .strict();

export const importingCalls = {
  'import.preview': readCall(ImportRequest, ImportReport, dataEntry),
  'import.commit': writeCall(ImportRequest, ImportReport, dataEntry),
  'import.template': readCall(z.object({ kind: ImportKind }).strict(), ExportedFile, everyone),
  'export.members': readCall(MemberExportFilter, ExportedFile, everyone),
  'export.trips': readCall(TripExportFilter, ExportedFile, everyone),
} as const;
