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
  const problems = problemsFrom(() => sqlite.pragma(`${schema}.${pragma}(${reportedProblems})`));
  return verdict(sqlite, depth, problems, performance.now() - started, schema);
}

/**
 * The quick check one table at a time (with its indexes, the schema table first), yielding after
 * each, so that whoever drives it can answer other calls in between: at 100,000 members the
 * largest table takes about a third of a second, the whole file a second. Free pages belong to no
 * table and are not read.
 */
export function* quickCheckByTable(sqlite: SqliteHandle): Generator<void, IntegrityVerdict> {
  let tables: string[] = [];
  const problems = problemsFrom(() => {
    tables = sqlite.prepare(`SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name`).pluck().all() as string[];
    return [];
  });
  let milliseconds = 0;
  for (const table of ['sqlite_schema', ...tables]) {
    const started = performance.now();
    const left = reportedProblems - problems.length;
    problems.push(...problemsFrom(() => sqlite.pragma(`main.quick_check(${quotedName(table)})`)).slice(0, left));
    milliseconds += performance.now() - started;
    if (problems.length >= reportedProblems) break;
    yield;
  }
  return verdict(sqlite, 'quick', problems, milliseconds);
}

const quotedName = (name: string) => `"${name.replaceAll('"', '""')}"`;

/** SQLite's descriptions of what is wrong; a page that fails authentication makes SQLite throw, and that is one too. */
function problemsFrom(check: () => unknown): string[] {
  try {
    const rows = check() as Record<string, string>[];
    return rows.map((row) => Object.values(row)[0] ?? '').filter((line) => line !== 'ok');
  } catch (error) {
    const translated = translateSqliteError(error);
    if (!(translated instanceof DomainError) || translated.code !== 'DATABASE_DAMAGED') throw translated;
    return [(error as Error).message];
  }
}

function verdict(
  sqlite: SqliteHandle,
  depth: IntegrityDepth,
  problems: string[],
  milliseconds: number,
  schema = 'main',
): IntegrityVerdict {
  const pages = (sqlite.pragma(`${schema}.page_count`, { simple: true }) as number | undefined) ?? 0;
  return {
    depth,
    ok: problems.length === 0,
    problems,
    milliseconds: Math.round(milliseconds),
    pages,
    checkedAt: new Date().toISOString(),
  };
}

/** Refuses a registry whose check found anything: it is reported as damaged, never half-used. */
export function requireIntact(verdict: IntegrityVerdict): IntegrityVerdict {
  if (!verdict.ok) throw new DomainError('DATABASE_DAMAGED');
  return verdict;
}
