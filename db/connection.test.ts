import { randomBytes } from 'node:crypto';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { latestSchemaVersion, openRegistryDatabase, sourceMigrationsFolder } from './connection';

function tempFile() {
  return path.join(mkdtempSync(path.join(tmpdir(), 'so86-db-')), 'registry.db');
}

function tableNames(sqlite: ReturnType<typeof openRegistryDatabase>['sqlite']): string[] {
  return (
    sqlite.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`).all() as {
      name: string;
    }[]
  ).map((row) => row.name);
}

/** A copy of the real migrations plus one that rebuilds `trips`, the kind of change that cascades deletes if foreign keys were on. */
function migrationsWithTripsRebuild(): string {
  const folder = mkdtempSync(path.join(tmpdir(), 'so86-migrations-'));
  cpSync(sourceMigrationsFolder, folder, { recursive: true });
  const journalFile = path.join(folder, 'meta', '_journal.json');
  const journal = JSON.parse(readFileSync(journalFile, 'utf8')) as {
    entries: { idx: number; when: number; tag: string; version: string; breakpoints: boolean }[];
  };
  const last = journal.entries.at(-1)!;
  const statementsOf = (tag: string) =>
    readFileSync(path.join(folder, `${tag}.sql`), 'utf8')
      .split('--> statement-breakpoint')
      .map((statement) => statement.trim());
  const initial = statementsOf(journal.entries[0]!.tag);
  const createTrips = initial.find((statement) => statement.startsWith('CREATE TABLE `trips`'))!;
  // Columns later migrations added to `trips`, so the rebuilt table has them all.
  const addedColumns = journal.entries
    .slice(1)
    .flatMap((entry) => statementsOf(entry.tag))
    .filter((statement) => statement.startsWith('ALTER TABLE `trips` ADD'))
    .map((statement) => statement.replace('ALTER TABLE `trips`', 'ALTER TABLE `__new_trips`'));
  const tripIndexes = initial.filter((statement) => statement.includes('ON `trips`'));
  writeFileSync(
    path.join(folder, '9999_rebuild_trips.sql'),
    [
      createTrips.replace('CREATE TABLE `trips`', 'CREATE TABLE `__new_trips`'),
      ...addedColumns,
      'INSERT INTO `__new_trips` SELECT * FROM `trips`;',
      'DROP TABLE `trips`;',
      'ALTER TABLE `__new_trips` RENAME TO `trips`;',
      ...tripIndexes,
    ].join('\n--> statement-breakpoint\n'),
  );
  journal.entries.push({ ...last, idx: last.idx + 1, when: last.when + 1, tag: '9999_rebuild_trips' });
  writeFileSync(journalFile, JSON.stringify(journal));
  return folder;
}

describe('opening the encrypted registry', () => {
  it('migrates an empty file to the latest schema with foreign keys on afterwards', () => {
    const file = tempFile();
    const { sqlite, schemaVersion } = openRegistryDatabase(file, randomBytes(32));
    expect(schemaVersion).toBe(latestSchemaVersion());
    expect(tableNames(sqlite)).toEqual(
      expect.arrayContaining([
        'units',
        'cells',
        'members',
        'travel_documents',
        'trips',
        'trip_countries',
        'trip_events',
        'party_activity_events',
        'attachments',
        'issued_documents',
        'legal_bases',
        'enterprise_organisations',
        'reporting_rounds',
        'reports',
        'users',
        'audit_log',
        'own_keys',
        'trusted_cards',
        'imported_packages',
        'settings',
      ]),
    );
    expect(sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(sqlite.pragma('synchronous', { simple: true })).toBe(2);
    sqlite.close();
  });

  it('applies a later migration that rebuilds a table without cascading deletes', () => {
    const file = tempFile();
    const key = randomBytes(32);
    const first = openRegistryDatabase(file, key);
    first.sqlite.exec(`
      INSERT INTO units (id, code, name, level, is_self, created_at, updated_at) VALUES ('u', 'VT', 'Xã', 'commune', 1, 'x', 'x');
      INSERT INTO cells (id, unit_id, name, name_folded, created_at, updated_at) VALUES ('c', 'u', 'Chi bộ', 'chi bo', 'x', 'x');
      INSERT INTO members (id, unit_id, cell_id, code, full_name, name_folded, name_sort_key, created_at, updated_at) VALUES ('m', 'u', 'c', 'A1', 'A', 'a', 'a', 'x', 'x');
      INSERT INTO trips (id, member_id, purpose, planned_departure, planned_return, created_at, updated_at) VALUES ('t', 'm', 'tourism', '2026-01-01', '2026-01-10', 'x', 'x');
      INSERT INTO trip_countries (trip_id, country, position) VALUES ('t', 'KR', 0), ('t', 'JP', 1);
    `);
    first.sqlite.close();
    const second = openRegistryDatabase(file, key, { migrationsFolder: migrationsWithTripsRebuild() });
    expect(second.schemaVersion).toBe(latestSchemaVersion() + 1);
    expect(second.sqlite.prepare('SELECT count(*) AS n FROM trip_countries').get()).toEqual({ n: 2 });
    expect(second.sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
    second.sqlite.close();
  });

  it('refuses a registry written by a newer version and leaves it untouched', () => {
    const file = tempFile();
    const key = randomBytes(32);
    openRegistryDatabase(file, key, { migrationsFolder: migrationsWithTripsRebuild() }).sqlite.close();
    const before = readFileSync(file);
    expect(() => openRegistryDatabase(file, key)).toThrow(
      expect.objectContaining({
        code: 'DATABASE_TOO_NEW',
        params: { found: latestSchemaVersion() + 1, supported: latestSchemaVersion() },
      }),
    );
    expect(readFileSync(file).equals(before)).toBe(true);
  });

  it('refuses a wrong key as a damaged or mismatched file', () => {
    const file = tempFile();
    openRegistryDatabase(file, randomBytes(32)).sqlite.close();
    expect(() => openRegistryDatabase(file, randomBytes(32))).toThrow(expect.objectContaining({ code: 'DATABASE_DAMAGED' }));
  });

  it('refuses a second opener while the registry is held', () => {
    const file = tempFile();
    const key = randomBytes(32);
    const holder = openRegistryDatabase(file, key);
    expect(() => openRegistryDatabase(file, key)).toThrow(expect.objectContaining({ code: 'DATABASE_IN_USE' }));
    holder.sqlite.close();
    openRegistryDatabase(file, key).sqlite.close();
  });
});
