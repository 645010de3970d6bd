import { createHash, randomBytes } from 'node:crypto';
import { closeSync, openSync, readdirSync, readFileSync, statSync, writeSync } from 'node:fs';
import path from 'node:path';
import { openRegistryDatabase } from '../../db/connection';
import { keyfilePathFor, parseKeyfile, parseRecoveryKey, unwrapWithRecovery } from '../services/storage/registry/keyfile';
import type { CallInput } from '../../shared/contract';
import type { OpenTestRegistry } from './registry';

/** Words that must never be readable in a file at rest: names, the unit, the user, SQLite's own markers. */
export const secretNeedles = [
  'Đặng Thị Hoà',
  'Vĩnh Trạch',
  'Tây Bình',
  'dang thi hoa',
  '087190000123',
  'admin',
  'Quản trị viên',
  'SQLite format 3',
  'CREATE TABLE',
  'members',
];

/** The needles found in a file, in UTF-8 (composed and decomposed) and UTF-16. */
export function plaintextFound(file: string, needles: readonly string[] = secretNeedles): string[] {
  const bytes = readFileSync(file);
  return needles.filter(
    (needle) =>
      bytes.includes(Buffer.from(needle, 'utf8')) ||
      bytes.includes(Buffer.from(needle, 'utf16le')) ||
      bytes.includes(Buffer.from(needle.normalize('NFD'), 'utf8')),
  );
}

/** Every file in a folder with the SHA-256 of its content: two equal snapshots mean nothing there changed. */
export function folderSnapshot(folder: string): Record<string, string> {
  const snapshot: Record<string, string> = {};
  for (const name of readdirSync(folder).sort()) {
    const file = path.join(folder, name);
    if (statSync(file).isFile()) snapshot[name] = createHash('sha256').update(readFileSync(file)).digest('hex');
  }
  return snapshot;
}

/** The raw SQLCipher key of a registry, unwrapped from its key file with the recovery key. */
export function databaseKeyOf(databaseFile: string, recoveryKey: string): Buffer {
  const key = unwrapWithRecovery(
    parseKeyfile(readFileSync(keyfilePathFor(databaseFile), 'utf8')),
    parseRecoveryKey(recoveryKey)!,
  );
  if (!key) throw new Error('The recovery key does not open this key file');
  return key;
}

/** The pages of one table or index of a locked registry, in file order, found with SQLite's page statistics. */
export function pagesOf(databaseFile: string, recoveryKey: string, name: string, pageType: 'leaf' | 'any' = 'any'): number[] {
  const { sqlite } = openRegistryDatabase(databaseFile, databaseKeyOf(databaseFile, recoveryKey));
  try {
    return sqlite
      .prepare(`SELECT pageno FROM dbstat WHERE name = ? AND (? = 'any' OR pagetype = ?) ORDER BY pageno`)
      .pluck()
      .all(name, pageType, pageType) as number[];
  } finally {
    sqlite.close();
  }
}

const pageBytes = 4096;

/** Random bytes over whole pages of a registry file, as a failing disk leaves them. */
export function overwritePages(databaseFile: string, pages: readonly number[]): void {
  const handle = openSync(databaseFile, 'r+');
  try {
    for (const page of pages) writeSync(handle, randomBytes(pageBytes), 0, pageBytes, (page - 1) * pageBytes);
  } finally {
    closeSync(handle);
  }
}

export const memberHoa = {
  code: 'DV-0001',
  fullName: 'Đặng Thị Hoà',
  cellName: 'Chi bộ ấp Tây Bình',
  nationalId: '087190000123',
  gender: 'female' as const,
  birthDate: '1990-03-04',
};

export async function addMember(registry: OpenTestRegistry, input: Partial<CallInput<'members.save'>> = {}) {
  return registry.call('members.save', { ...memberHoa, ...input });
}
