import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3-multiple-ciphers';
import { createTableRelationsHelpers, extractTablesRelationalConfig } from 'drizzle-orm';
import type { BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { BetterSQLiteSession } from 'drizzle-orm/better-sqlite3/session';
import { readMigrationFiles } from 'drizzle-orm/migrator';
import { BaseSQLiteDatabase, SQLiteSyncDialect } from 'drizzle-orm/sqlite-core';
import { DomainError } from '../shared/errors';
import * as schema from './schema';

export type RegistryDb = BetterSQLite3Database<typeof schema>;
export type SqliteHandle = Database.Database;

export interface OpenRegistry {
  db: RegistryDb;
  sqlite: SqliteHandle;
  schemaVersion: number;
  /** The schema version the file had when this opening migrated it; null when nothing was migrated. */
  migratedFrom: number | null;
}

export interface OpenOptions {
  /** Folder of the drizzle-kit migrations; the packaged app keeps them in its resources. */
  migrationsFolder?: string;
  readonly?: boolean;
  /**
   * FOR THE BENCHMARK ONLY: the same database, code path and key handling with the SQLCipher
   * key never applied, so `npm run bench` can measure what encryption costs. Nothing in the
   * application, the command line or the contract sets it (`scripts/bench/isolation.test.ts`
   * checks that only the benchmark names it).
   */
  unencryptedBenchmarkOnly?: true;
  /**
   * Where to copy the file, through its own cipher and key, before migrations change an existing
   * schema: the first start of a newer version keeps the registry as it was.
   */
  snapshotBeforeMigration?: string;
}

export const sourceMigrationsFolder = fileURLToPath(new URL('./migrations', import.meta.url));

const migrationsTable = '__drizzle_migrations';

/**
 * Opens the SQLCipher-encrypted registry with its raw 32-byte key, applies pending
 * migrations and returns a drizzle handle. A wrong key, a damaged file, a file of a
 * newer version and a file held by another program each fail with their own code.
 */
export function openRegistryDatabase(file: string, key: Buffer, options: OpenOptions = {}): OpenRegistry {
  if (key.length !== 32) throw new Error('The registry key must be 32 bytes');
  let sqlite: SqliteHandle;
  try {
    sqlite = new Database(file, {
      fileMustExist: false,
      readonly: options.readonly ?? false,
    });
  } catch (error) {
    throw translateSqliteError(error);
  }
  try {
    if (options.unencryptedBenchmarkOnly !== true) applyKey(sqlite, key);
    // One process owns the registry at a time: a second opener gets "in use", never a torn write.
    // A read-only opening writes nothing and shares the file: SQLite cannot give a read-only
    // connection the exclusive lock a write-ahead-logged file would need.
    if (!options.readonly) sqlite.pragma('locking_mode = EXCLUSIVE');
    sqlite.pragma('busy_timeout = 0');
    sqlite.prepare('SELECT count(*) FROM sqlite_master').get();
    if (!options.readonly) {
      sqlite.pragma('journal_mode = WAL');
      sqlite.pragma('synchronous = FULL');
      // Take the write lock now so a concurrent opener is refused before any work starts.
      sqlite.exec('BEGIN IMMEDIATE; COMMIT;');
    }
    sqlite.pragma('temp_store = MEMORY');
    sqlite.pragma('cache_size = -65536');
    const db = drizzleOver(sqlite);
    const applied = appliedMigrationCount(sqlite);
    const schemaVersion = options.readonly
      ? applied
      : applyMigrations(sqlite, db, options.migrationsFolder ?? sourceMigrationsFolder, options.snapshotBeforeMigration);
    sqlite.pragma('foreign_keys = ON');
    return { db, sqlite, schemaVersion, migratedFrom: applied > 0 && schemaVersion > applied ? applied : null };
  } catch (error) {
    sqlite.close();
    throw translateSqliteError(error);
  }
}

/**
 * drizzle's own `drizzle()` factory imports the plain `better-sqlite3` package, which this
 * application does not ship: the same wiring is done here over the SQLCipher build.
 */
function drizzleOver(sqlite: SqliteHandle): RegistryDb {
  const dialect = new SQLiteSyncDialect();
  const tables = extractTablesRelationalConfig(schema, createTableRelationsHelpers);
  const relationalSchema = { fullSchema: schema, schema: tables.tables, tableNamesMap: tables.tableNamesMap };
  const session = new BetterSQLiteSession(sqlite as never, dialect, relationalSchema, {});
  return new BaseSQLiteDatabase('sync', dialect, session as never, relationalSchema as never) as unknown as RegistryDb;
}

function applyKey(sqlite: SqliteHandle, key: Buffer) {
  sqlite.pragma(`cipher = 'sqlcipher'`);
  sqlite.pragma('legacy = 4');
  sqlite.pragma(`key = "x'${key.toString('hex')}'"`);
}

function appliedMigrationCount(sqlite: SqliteHandle): number {
  const table = sqlite.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name = ?`).get(migrationsTable);
  if (!table) return 0;
  return (sqlite.prepare(`SELECT count(*) AS n FROM ${migrationsTable}`).get() as { n: number }).n;
}

/**
 * Foreign keys are switched off on the connection first: drizzle runs migrations inside
 * a transaction, where the PRAGMA is ignored, and a table rebuild would otherwise
 * cascade deletes. The keys are checked once the schema is final.
 */
function applyMigrations(sqlite: SqliteHandle, db: RegistryDb, folder: string, snapshot: string | undefined): number {
  const known = readMigrationFiles({ migrationsFolder: folder });
  const latestKnown = known.at(-1)?.folderMillis ?? 0;
  const applied = appliedMigrationCount(sqlite);
  if (applied > 0) {
    const latestApplied = sqlite.prepare(`SELECT max(created_at) AS latest FROM ${migrationsTable}`).get() as { latest: number };
    if (Number(latestApplied.latest) > latestKnown || applied > known.length) {
      throw new DomainError('DATABASE_TOO_NEW', { found: applied, supported: known.length });
    }
  }
  if (snapshot && applied > 0 && applied < known.length) sqlite.prepare('VACUUM INTO ?').run(snapshot);
  sqlite.pragma('foreign_keys = OFF');
  migrate(db, { migrationsFolder: folder, migrationsTable });
  const violations = sqlite.pragma('foreign_key_check') as unknown[];
  if (violations.length > 0) throw new DomainError('DATABASE_DAMAGED');
  return known.length;
}

export function translateSqliteError(error: unknown): unknown {
  if (error instanceof DomainError) return error;
  const code = (error as { code?: unknown }).code;
  if (typeof code !== 'string') return error;
  // Extended result codes are on: SQLITE_CORRUPT_INDEX is as damaged as SQLITE_CORRUPT.
  if (code === 'SQLITE_NOTADB' || code.startsWith('SQLITE_CORRUPT')) return new DomainError('DATABASE_DAMAGED');
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) return new DomainError('DATABASE_IN_USE');
  if (code === 'SQLITE_FULL') return new DomainError('DISK_FULL');
  // A write the disk refused for another reason: a file grown past the file system's limit, a failing or removed drive.
  if (code === 'SQLITE_IOERR_WRITE' || code === 'SQLITE_IOERR_FSYNC') return new DomainError('DISK_WRITE_FAILED');
  return error;
}

export function latestSchemaVersion(folder: string = sourceMigrationsFolder): number {
  return readMigrationFiles({ migrationsFolder: folder }).length;
}
