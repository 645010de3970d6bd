import { createHash } from 'node:crypto';
import type { TripState } from '../../../../shared/domain/enums';
import { DomainError } from '../../../../shared/errors';
import type { ImportKind } from '../../../../shared/importing/columns';
import type { Registry } from '../../storage/registry/registry';
import { planImport, type ImportCounts, type ImportIssue, type Progress, type ReadSource, type SourceSummary } from './plan';
import { readSheet } from './sheet';
import { writePlan } from './write';

export { issueReason, type ImportIssue, type SourceSummary } from './plan';

export interface ImportFile {
  kind: ImportKind;
  fileName: string;
  content: Uint8Array;
}

/** What an import found and did: per file, its reading and first rows; every problem; the counts of what is (or would be) written. */
export interface ImportReport {
  committed: boolean;
  sources: SourceSummary[];
  issues: ImportIssue[];
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
  for (const file of files) sources.push({ kind: file.kind, fileName: file.fileName, table: await readSheet(file.fileName, file.content) });
  return sources;
}

function reportOf(plan: ReturnType<typeof planImport>, committed: boolean): ImportReport {
  const badRows = new Set(plan.issues.map((issue) => `${issue.file}\n${issue.row}`));
  return { committed, sources: plan.sources, issues: plan.issues, errorRows: badRows.size, counts: plan.counts, tripStates: plan.tripStates };
}

/** Checks the files as an import would and reports what it would write; writes nothing. */
export async function previewImport(registry: Registry, files: readonly ImportFile[], options: ImportOptions = {}): Promise<ImportReport> {
  const sources = await readSources(files);
  return reportOf(planImport(registry, sources, options.onProgress), false);
}

/**
 * Imports the files all or nothing: when any row has a problem nothing is written and the
 * report lists every problem; otherwise everything is written in one transaction. Checking
 * and writing run without a pause between them, so nothing else changes the registry meanwhile.
 */
export async function commitImport(registry: Registry, files: readonly ImportFile[], options: ImportOptions = {}): Promise<ImportReport> {
  const sources = await readSources(files);
  const { onProgress } = options;
  const rowCount = sources.reduce((sum, source) => sum + source.table.rows.length, 0);
  const plan = planImport(registry, sources, onProgress && ((done) => onProgress(done, rowCount * 2)));
  if (plan.issues.length > 0) return reportOf(plan, false);
  const imported = files.map((file, index) => ({
    kind: file.kind,
    fileName: file.fileName,
    sha256: createHash('sha256').update(file.content).digest('hex'),
    rows: sources[index]!.table.rows.length,
  }));
  writePlan(registry, plan, imported, onProgress && ((done) => onProgress(rowCount + done, rowCount * 2)));
  return reportOf(plan, true);
}
