import { translateSqliteError, type SqliteHandle } from '@db/connection';
import { DomainError } from '@shared/errors';

export type IntegrityDepth = 'quick' | 'full';

export interface IntegrityVerdict {
  depth: IntegrityDepth;
  ok: boolean;
  /** SQLite's own descriptions of what is wrong, at most a hundred. */
  problems: string[];
  milliseconds: number;
  pages: number;
  checkedAt: string;
}

const reportedProblems = 100;

/**
 * `quick_check` reads every page (so SQLCipher authenticates every page) and checks the b-trees;
 * `integrity_check` also matches every index against its table. A page that fails
 * authentication makes SQLite throw rather than list a problem: that is a verdict too.
 */
export function checkIntegrity(sqlite: SqliteHandle, depth: IntegrityDepth, schema = 'main'): IntegrityVerdict {
  const started = performance.now();
  const pragma = depth === 'quick' ? 'quick_check' : 'integrity_check';
  let problems: string[];
  try {
    const rows = sqlite.pragma(`${schema}.${pragma}(${reportedProblems})`) as Record<string, string>[];
    problems = rows.map((row) => Object.values(row)[0] ?? '').filter((line) => line !== 'ok');
  } catch (error) {
    const translated = translateSqliteError(error);
    if (!(translated instanceof DomainError) || translated.code !== 'DATABASE_DAMAGED') throw translated;
    problems = [(error as Error).message];
  }
  const pages = (sqlite.pragma(`${schema}.page_count`, { simple: true }) as number | undefined) ?? 0;
  return {
    depth,
    ok: problems.length === 0,
    problems,
    milliseconds: Math.round(performance.now() - started),
    pages,
    checkedAt: new Date().toISOString(),
  };
}

/** Refuses a registry whose check found anything: it is reported as damaged, never half-used. */
export function requireIntact(verdict: IntegrityVerdict): IntegrityVerdict {
  if (!verdict.ok) throw new DomainError('DATABASE_DAMAGED');
  return verdict;
}
