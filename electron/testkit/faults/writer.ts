/*
 * The process the fault tests kill, starve of disk space and race against. It opens the real
 * encrypted registry with the real code (`openRegistryDatabase`, drizzle, the audit chain) and
 * commits numbered members one transaction at a time, as fast as it can, writing each number
 * to stdout with a blocking write only after COMMIT has returned. So every number the parent
 * has read was committed; at most one committed number was not yet told when the process died.
 *
 *   writer.mjs commit  DATABASE MIGRATIONS   (the raw key in hex on stdin)
 *   writer.mjs inspect DATABASE MIGRATIONS   (the raw key in hex on stdin)
 *   writer.mjs sign-in DATABASE MIGRATIONS   (SO86_PASSWORD; frees FREE_FILE after two attempts)
 *
 * The tests bundle this file once and run it with plain Node, so that hundreds of cycles do not
 * each pay for compiling TypeScript. Committing opens with the key itself: unwrapping it from
 * the password costs 0.4 s of scrypt per start, which would make the cycles slow, and proves
 * nothing about crashes.
 */
import { readFileSync, rmSync, writeSync } from 'node:fs';
import { eq } from 'drizzle-orm';
import { openRegistryDatabase, translateSqliteError, type OpenRegistry, type RegistryDb } from '@db/connection';
import { cells, members, units, users } from '@db/schema';
import { DomainError } from '@shared/errors';
import { hasMessage, translate } from '@shared/i18n';
import { newId } from '@shared/ids';
import { appendAudit, verifyAuditChain } from '../../services/storage/audit';
import { checkIntegrity } from '../../services/storage/registry/integrity';
import { Registry } from '../../services/storage/registry/registry';
import { recordCode, recordNumbers, writerBatch } from './records';

function say(line: string) {
  writeSync(1, `${line}\n`);
}

function codeOf(error: unknown): string {
  const translated = translateSqliteError(error);
  if (translated instanceof DomainError) return translated.code;
  return (translated as { code?: string }).code ?? 'INTERNAL';
}

function refuse(error: unknown): never {
  const code = codeOf(error);
  const key = `error.${code}`;
  say(`refused ${code} ${hasMessage(key) ? translate('vi', key) : ''}`.trim());
  process.exit(3);
}

/** Inserts members `first`…`last` and their audit rows in one transaction, as every write of the application does. */
function commitRecords(handle: Pick<OpenRegistry, 'db'>, context: WriterContext, first: number, last: number) {
  handle.db.transaction((tx) => {
    for (let number = first; number <= last; number += 1) {
      const id = newId();
      const now = new Date().toISOString();
      const code = recordCode(number);
      const fullName = `Đảng viên thử nghiệm số ${number}`;
      tx.insert(members)
        .values({
          id,
          unitId: context.unitId,
          cellId: context.cellId,
          code,
          fullName,
          nameFolded: `dang vien thu nghiem so ${number}`,
          nameSortKey: code,
          notes: 'x'.repeat(200),
          createdAt: now,
          updatedAt: now,
        })
        .run();
      appendAudit(tx as unknown as RegistryDb, context.actor, {
        action: 'member.create',
        entity: 'member',
        entityId: id,
        after: { code, fullName },
      });
    }
  });
}

type WriterContext = ReturnType<typeof writerContext>;

function writerContext(handle: Pick<OpenRegistry, 'db'>) {
  const unit = handle.db.select({ id: units.id }).from(units).where(eq(units.isSelf, true)).get();
  const cell = handle.db.select({ id: cells.id }).from(cells).get();
  const user = handle.db.select({ id: users.id, username: users.username }).from(users).get();
  if (!unit || !cell || !user) throw new Error('The registry needs its unit, a cell and a user');
  return { unitId: unit.id, cellId: cell.id, actor: { userId: user.id, username: user.username } };
}

function nextNumber(handle: Pick<OpenRegistry, 'db'>): number {
  return (recordNumbers(handle).at(-1) ?? 0) + 1;
}

function commitForever(databaseFile: string, migrationsFolder: string) {
  const key = Buffer.from(readFileSync(0, 'utf8').trim(), 'hex');
  let handle: OpenRegistry;
  try {
    handle = openRegistryDatabase(databaseFile, key, { migrationsFolder });
  } catch (error) {
    refuse(error);
  }
  const context = writerContext(handle);
  say('ready');
  for (let transaction = 1, number = nextNumber(handle); ; transaction += 1) {
    const last = number + (transaction % writerBatch.every === 0 ? writerBatch.size - 1 : 0);
    try {
      commitRecords(handle, context, number, last);
    } catch (error) {
      handle.sqlite.close();
      refuse(error);
    }
    for (; number <= last; number += 1) say(String(number));
  }
}

/**
 * Signs in twice on a full disk, frees FREE_FILE, signs in again and commits one record. A
 * refused sign-in must let the file go, or the second attempt would meet "in use".
 */
async function signInTwiceThenFree(databaseFile: string, migrationsFolder: string) {
  const attempt = async (label: string) => {
    try {
      const registry = await Registry.unlock(databaseFile, 'admin', process.env.SO86_PASSWORD ?? '', { migrationsFolder });
      const number = nextNumber(registry);
      commitRecords(registry, writerContext(registry), number, number);
      registry.close();
      say(`sign-in ${label} ok ${number}`);
    } catch (error) {
      say(`sign-in ${label} ${codeOf(error)}`);
    }
  };
  await attempt('full');
  await attempt('again');
  rmSync(process.env.FREE_FILE ?? '', { force: true });
  await attempt('freed');
}

/** Opens the file (recovering its log) and says what is in it: `inspect <records> <integrity> <audit chain>`. */
function inspect(databaseFile: string, migrationsFolder: string) {
  const key = Buffer.from(readFileSync(0, 'utf8').trim(), 'hex');
  const handle = openRegistryDatabase(databaseFile, key, { migrationsFolder });
  const integrity = checkIntegrity(handle.sqlite, 'full').ok ? 'intact' : 'damaged';
  const audit = verifyAuditChain(handle).ok ? 'chained' : 'broken';
  say(`inspect ${recordNumbers(handle).length} ${integrity} ${audit}`);
  handle.sqlite.close();
}

const [mode, databaseFile, migrationsFolder] = process.argv.slice(2);
if (!databaseFile || !migrationsFolder) throw new Error('Usage: writer commit|inspect|sign-in DATABASE MIGRATIONS');
if (mode === 'commit') commitForever(databaseFile, migrationsFolder);
else if (mode === 'sign-in') await signInTwiceThenFree(databaseFile, migrationsFolder);
else if (mode === 'inspect') inspect(databaseFile, migrationsFolder);
else throw new Error(`Unknown mode ${mode}`);
