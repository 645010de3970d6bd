import { cpSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { latestSchemaVersion, openRegistryDatabase, sourceMigrationsFolder } from '@db/connection';
import { searchMembers } from '../../domain/records/members';
import { keyfilePathFor, readKeyfile, writeKeyfile } from './keyfile';
import { Registry } from './registry';
import { verifyAuditChain } from '../audit';
import { testPassword } from '../../../testkit/registry';
import { databaseKeyOf, plaintextFound } from '../../../testkit/backup';
import { extractBackupPart, readBackupLayout } from '../../formats/backupFile/container';
import { verifyBackup } from '../../domain/backup/verify';

/** The migrations as the first release shipped them: only the initial schema. */
function firstReleaseMigrations(): string {
  const folder = path.join(mkdtempSync(path.join(tmpdir(), 'so86-old-migrations-')), 'migrations');
  cpSync(sourceMigrationsFolder, folder, { recursive: true });
  const journalFile = path.join(folder, 'meta', '_journal.json');
  const journal = JSON.parse(readFileSync(journalFile, 'utf8')) as { entries: unknown[] };
  writeFileSync(journalFile, JSON.stringify({ ...journal, entries: journal.entries.slice(0, 1) }));
  // Today's code makes the office keys without writing their private halves to the database; the test
  // puts them there afterwards, as the first release kept them, so the columns must accept the insert first.
  const initial = path.join(folder, '0000_initial.sql');
  writeFileSync(
    initial,
    readFileSync(initial, 'utf8').replace(/`(signing|encryption)_private_key` blob NOT NULL/g, '`$1_private_key` blob'),
  );
  return folder;
}

const unit = { code: 'VINHTRACH', name: 'Đảng ủy xã Vĩnh Trạch', level: 'commune' as const, parentCode: 'ANGIANG' };
const admin = { username: 'admin', displayName: 'Quản trị viên', password: testPassword };

describe('the first start of a newer version', () => {
  it('backs the registry up as it was before migrating it, once, as an ordinary encrypted backup', async () => {
    expect(latestSchemaVersion()).toBeGreaterThan(1);
    const oldMigrations = firstReleaseMigrations();
    const databaseFile = path.join(mkdtempSync(path.join(tmpdir(), 'so86-upgrade-')), 'so86.db');
    const { registry: old, recoveryKey } = await Registry.create(
      databaseFile,
      { unit, admin },
      { migrationsFolder: oldMigrations },
    );
    expect(old.schemaVersion).toBe(1);
    // A member as the first release wrote it, before members had their search column.
    const unitId = old.ownUnit().id;
    const now = new Date().toISOString();
    old.sqlite
      .prepare(
        `INSERT INTO cells (id, unit_id, name, name_folded, created_at, updated_at) VALUES ('c1', ?, 'Chi bộ ấp Tây Bình', 'chi bo ap tay binh', ?, ?)`,
      )
      .run(unitId, now, now);
    old.sqlite
      .prepare(
        `INSERT INTO members (id, unit_id, cell_id, code, full_name, name_folded, name_sort_key, national_id, created_at, updated_at) VALUES ('m1', ?, 'c1', 'DV-0001', 'Đặng Thị Hoà', 'dang thi hoa', 'hoa', '087190000123', ?, ?)`,
      )
      .run(unitId, now, now);
    // The first release's own_keys: private halves in the database, no office keys in the key file.
    const [keyId, privateKeys] = [...old.officeKeys().privateKeys][0]!;
    old.sqlite
      .prepare('UPDATE own_keys SET signing_private_key = ?, encryption_private_key = ?')
      .run(Buffer.from(privateKeys.signingPrivateKey), Buffer.from(privateKeys.encryptionPrivateKey));
    old.close();
    const { officeKeys: _notYet, ...firstReleaseKeyfile } = await readKeyfile(keyfilePathFor(databaseFile));
    await writeKeyfile(keyfilePathFor(databaseFile), firstReleaseKeyfile);

    const sameVersion = await Registry.unlock(databaseFile, 'admin', testPassword, { migrationsFolder: oldMigrations });
    expect(sameVersion.upgradeBackupFile).toBeNull();
    sameVersion.close();
    const folder = path.dirname(databaseFile);
    expect(
      readdirSync(folder).filter((name) => name !== 'so86.db' && !name.startsWith('so86.db-') && !name.endsWith('.keys')),
    ).toEqual([]);

    const upgraded = await Registry.unlock(databaseFile, 'admin', testPassword);
    expect(upgraded.schemaVersion).toBe(latestSchemaVersion());
    const backups = readdirSync(path.join(folder, 'backups'));
    expect(backups).toEqual([expect.stringMatching(/^so86_VINHTRACH_\d{4}-\d{2}-\d{2}_\d{6}_truoc-nang-cap-v1\.so86bak$/)]);
    const backup = path.join(folder, 'backups', backups[0]!);
    expect(upgraded.upgradeBackupFile).toBe(backup);
    expect(readdirSync(folder).filter((name) => name.startsWith('.so86-snapshot-'))).toEqual([]);
    expect(plaintextFound(backup)).toEqual([]);
    const audit = upgraded.sqlite.prepare(`SELECT before, after FROM audit_log WHERE action = 'backup.before_upgrade'`).all() as {
      before: string;
      after: string;
    }[];
    expect(audit.map((row) => [JSON.parse(row.before), JSON.parse(row.after)])).toEqual([
      [{ schemaVersion: 1 }, { schemaVersion: latestSchemaVersion(), fileName: backups[0] }],
    ]);
    expect(verifyAuditChain(upgraded).ok).toBe(true);
    expect(upgraded.officeKeys().privateKeys.get(keyId)).toEqual(privateKeys);
    expect(
      upgraded.sqlite
        .prepare('SELECT count(*) AS n FROM own_keys WHERE signing_private_key IS NOT NULL OR encryption_private_key IS NOT NULL')
        .get(),
    ).toEqual({ n: 0 });
    for (const query of ['dang hoa', 'dv-0001', 'DV-0001', '190000123'])
      expect(
        searchMembers(upgraded, { query, includeArchived: false, limit: 50, offset: 0 }).rows.map((row) => row.code),
      ).toEqual(['DV-0001']);
    upgraded.close();

    const inspection = await verifyBackup(backup, { password: testPassword }, { migrationsFolder: oldMigrations });
    expect(inspection.summary).toMatchObject({ unitCode: 'VINHTRACH', schemaVersion: 1 });
    expect(inspection.opened).toMatchObject({ unitName: unit.name, auditChainIntact: true });

    const extracted = path.join(mkdtempSync(path.join(tmpdir(), 'so86-upgrade-copy-')), 'so86.db');
    await extractBackupPart(backup, await readBackupLayout(backup), 'database', extracted);
    const copy = openRegistryDatabase(extracted, databaseKeyOf(databaseFile, recoveryKey), { readonly: true });
    expect(copy.schemaVersion).toBe(1);
    expect(copy.sqlite.prepare(`SELECT name FROM sqlite_master WHERE name = 'members_search'`).get()).toBeUndefined();
    copy.sqlite.close();

    const again = await Registry.unlock(databaseFile, 'admin', testPassword);
    expect(again.upgradeBackupFile).toBeNull();
    again.close();
    expect(readdirSync(path.join(folder, 'backups'))).toEqual(backups);
  });
});
