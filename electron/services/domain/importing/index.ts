import { createHash } from 'node:crypto';
import type { TripState } from '@shared/domain/enums';
import { DomainError } from '@shared/errors';
import type { ImportKind } from '@shared/importing/columns';
import type { Registry } from '../../storage/registry/registry';
import {
  planImport,
  type ImportCounts,
  type ImportIssue,
  type ImportPlan,
  type Progress,
  type ReadSource,
  type SourceSummary,
} from './plan';
import { readSheet } from './sheet';
import { ImportWriter } from './write';

export { issueReason, type ImportIssue, type SourceSummary } from './plan';

export interface ImportFile {
  kind: ImportKind;
  fileName: string;
  content: Uint8Array;
}

/** What an import found and did: per file, its reading and first rows; its problems; the counts of what is (or would be) written. */
export interface ImportReport {
  committed: boolean;
  sources: SourceSummary[];
  /** The first `reportedIssueLimit` problems. */
  issues: ImportIssue[];
  /** Every problem found. */
  issueCount: number;
  /** How many rows have at least one problem. */
  errorRows: number;
  counts: ImportCounts;
  tripStates: Partial<Record<TripState, number>>;
}

export interface ImportOptions {
  /** Rows checked (and, for a commit, written) so far, out of the total. */
  onProgress?: Progress;
}

async function readSources(files: readonly ImportFile[]): Promise<ReadSource[]> {
  const kinds = files.map((file) => file.kind).sort();
  if (files.length === 0 || files.length > 2 || (files.length === 2 && (kinds[0] !== 'members' || kinds[1] !== 'trips'))) {
    throw new DomainError('IMPORT_MEMBERS_FILE_FOR_TRIPS_ONLY');
  }
  const sources: ReadSource[] = [];
  for (const file of files)
    sources.push({ kind: file.kind, fileName: file.fileName, table: await readSheet(file.fileName, file.content) });
  return sources;
}

function reportOf(plan: ImportPlan, committed: boolean): ImportReport {
  return {
    committed,
    sources: plan.sources,
    issues: plan.issues,
    issueCount: plan.issueCount,
    errorRows: plan.errorRows,
    counts: plan.counts,
    tripStates: plan.tripStates,
  };
}

/** Checks the files as an import would and reports what it would write; writes nothing. */
export async function previewImport(
  registry: Registry,
  files: readonly ImportFile[],
  options: ImportOptions = {},
): Promise<ImportReport> {
  const sources = await readSources(files);
  return reportOf(planImport(registry, sources, { onProgress: options.onProgress }), false);
}

/** Thrown inside the import's transaction to undo what the good rows before a bad one wrote. */
class RowsRefused extends Error {
  constructor(readonly plan: ImportPlan) {
    super('import rows refused');
  }
}

/**
 * Imports the files all or nothing, in one transaction: each row is checked and, while no row
 * has had a problem, written at once, so the rows are never all held in memory. When any row has
 * a problem the transaction is rolled back, nothing is kept and the report lists the problems.
 */
export async function commitImport(
  registry: Registry,
  files: readonly ImportFile[],
  options: ImportOptions = {},
): Promise<ImportReport> {
  const sources = await readSources(files);
  const imported = files.map((file, index) => ({
    kind: file.kind,
    fileName: file.fileName,
    sha256: createHash('sha256').update(file.content).digest('hex'),
    rows: sources[index]!.table.rows.length,
  }));
  try {
    const plan = registry.write((db) => {
      const writer = new ImportWriter(registry, db);
      const checked = planImport(registry, sources, { onProgress: options.onProgress, sink: writer });
      if (checked.issueCount > 0) throw new RowsRefused(checked);
      writer.finish(imported, checked.counts);
      return checked;
    });
    return reportOf(plan, true);
  } catch (error) {
    if (error instanceof RowsRefused) return reportOf(error.plan, false);
    throw error;
  }
}
