import { getTableColumns, getTableName } from 'drizzle-orm';
import type { SQLiteTable } from 'drizzle-orm/sqlite-core';
import type Database from 'better-sqlite3-multiple-ciphers';
import type { SqliteHandle } from '@db/connection';

type Values<T extends SQLiteTable> = T['$inferInsert'];
type Key<T extends SQLiteTable> = keyof Values<T> & string;

/**
 * One prepared statement for many rows, with each value converted as drizzle would convert
 * it (booleans to 0/1, JSON to text): an import writes tens of thousands of rows and
 * building a query per row would cost more than writing it.
 */
function columnsOf<T extends SQLiteTable>(table: T, keys: readonly Key<T>[]) {
  const all = getTableColumns(table) as Record<string, { name: string; mapToDriverValue(value: unknown): unknown }>;
  return keys.map((key) => {
    const column = all[key];
    if (!column) throw new Error(`No column ${key} in ${getTableName(table)}`);
    return { key, column };
  });
}

function driverValues<T extends SQLiteTable>(columns: ReturnType<typeof columnsOf<T>>, values: Partial<Values<T>>): unknown[] {
  return columns.map(({ key, column }) => {
    const value = values[key as keyof typeof values];
    return value === null || value === undefined ? null : column.mapToDriverValue(value);
  });
}

export function preparedInsert<T extends SQLiteTable>(
  sqlite: SqliteHandle,
  table: T,
  keys: readonly Key<T>[],
): (values: Values<T>) => void {
  const columns = columnsOf(table, keys);
  const statement = sqlite.prepare(
    `INSERT INTO "${getTableName(table)}" (${columns.map(({ column }) => `"${column.name}"`).join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`,
  );
  return (values) => {
    statement.run(...driverValues(columns, values));
  };
}

/** Updates the listed columns of the row whose `id` is given. */
export function preparedUpdate<T extends SQLiteTable>(
  sqlite: SqliteHandle,
  table: T,
  keys: readonly Key<T>[],
): (id: string, values: Partial<Values<T>>) => void {
  const columns = columnsOf(table, keys);
  const statement = sqlite.prepare(
    `UPDATE "${getTableName(table)}" SET ${columns.map(({ column }) => `"${column.name}" = ?`).join(', ')} WHERE "id" = ?`,
  );
  return (id, values) => {
    statement.run(...driverValues(columns, values), id);
  };
}

type Statement = Database.Statement<unknown[], unknown>;
const statementsOf = new WeakMap<SqliteHandle, Map<string, Statement>>();
/** Queries whose text depends on the filters in use: a handful each, so the cache stays small. */
const maximumCachedStatements = 200;

/**
 * The connection's statement for this SQL, compiled once: the member list and its search run on
 * every page scrolled and every key typed. Only for `get` and `all`; a statement being iterated
 * cannot be run again until the iteration ends.
 */
export function cachedStatement(sqlite: SqliteHandle, sql: string): Statement {
  let statements = statementsOf.get(sqlite);
  if (!statements) {
    statements = new Map();
    statementsOf.set(sqlite, statements);
  }
  let statement = statements.get(sql);
  if (!statement) {
    if (statements.size >= maximumCachedStatements) statements.clear();
    statement = sqlite.prepare<unknown[], unknown>(sql);
    statements.set(sql, statement);
  }
  return statement;
}
