import { createHash } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { OpenRegistry, RegistryDb } from '@db/connection';
import { auditLog, settings } from '@db/schema';
import { canonicalJson } from '@shared/canonicalJson';
import { newId } from '@shared/ids';
import { preparedInsert } from './statements';

export interface Actor {
  userId: string | null;
  username: string | null;
}

export interface AuditEntry {
  action: string;
  entity: string;
  entityId?: string | null;
  before?: unknown;
  after?: unknown;
  outcome?: 'done' | 'refused';
}

const genesisHash = '0'.repeat(64);
const headKey = 'audit.head';

interface AuditHead {
  seq: number;
  hash: string;
}

type AuditRow = typeof auditLog.$inferSelect;

/** A point of the chain: its first `rows` rows end with `hash`. Anchors outside the database are kept as points. */
export interface AuditPoint {
  rows: number;
  hash: string;
}

function rowHash(row: Omit<AuditRow, 'hash'>): string {
  const content = canonicalJson([
    row.seq,
    row.id,
    row.at,
    row.userId,
    row.username,
    row.action,
    row.entity,
    row.entityId,
    row.before,
    row.after,
    row.outcome,
  ]);
  return createHash('sha256').update(row.prevHash).update('\n').update(content).digest('hex');
}

function readHead(db: RegistryDb): AuditHead {
  const stored = db.select({ value: settings.value }).from(settings).where(eq(settings.key, headKey)).get();
  return (stored?.value as AuditHead | undefined) ?? { seq: 0, hash: genesisHash };
}

function chainedRow(actor: Actor, entry: AuditEntry, at: string, seq: number, prevHash: string): AuditRow {
  const row = {
    seq,
    id: newId(),
    at,
    userId: actor.userId,
    username: actor.username,
    action: entry.action,
    entity: entry.entity,
    entityId: entry.entityId ?? null,
    before: entry.before === undefined ? null : canonicalJson(entry.before),
    after: entry.after === undefined ? null : canonicalJson(entry.after),
    outcome: entry.outcome ?? 'done',
    prevHash,
  };
  return { ...row, hash: rowHash(row) };
}

function writeHead(db: RegistryDb, value: AuditHead, at: string): void {
  db.insert(settings)
    .values({ key: headKey, value, updatedAt: at })
    .onConflictDoUpdate({ target: settings.key, set: { value, updatedAt: at } })
    .run();
}

/**
 * Appends one row to the hash-chained audit log. Call it inside the transaction of the
 * write it records, so the record and its audit row commit or vanish together. The head
 * (last sequence number and hash) is kept apart so a truncated tail is detected too.
 */
export function appendAudit(db: RegistryDb, actor: Actor, entry: AuditEntry): void {
  const head = readHead(db);
  const at = new Date().toISOString();
  const row = chainedRow(actor, entry, at, head.seq + 1, head.hash);
  db.insert(auditLog).values(row).run();
  writeHead(db, { seq: row.seq, hash: row.hash }, at);
}

const auditColumns = [
  'seq',
  'id',
  'at',
  'userId',
  'username',
  'action',
  'entity',
  'entityId',
  'before',
  'after',
  'outcome',
  'prevHash',
  'hash',
] as const;

/**
 * Appends many rows in order with one read and one write of the head and one prepared
 * statement, for writes that record thousands of changes at once (an import). Same
 * transaction rule as `appendAudit`: pass the transaction's `db` and the registry's connection.
 */
export function appendAuditEntries(
  { db, sqlite }: Pick<OpenRegistry, 'db' | 'sqlite'>,
  actor: Actor,
  entries: readonly AuditEntry[],
): void {
  if (entries.length === 0) return;
  const head = readHead(db);
  const at = new Date().toISOString();
  const insert = preparedInsert(sqlite, auditLog, auditColumns);
  let { seq, hash } = head;
  for (const entry of entries) {
    const row = chainedRow(actor, entry, at, seq + 1, hash);
    insert(row);
    ({ seq, hash } = row);
  }
  writeHead(db, { seq, hash }, at);
}

/** The chain's head: its row count and last hash. */
export function auditHead(db: RegistryDb): AuditPoint {
  const head = readHead(db);
  return { rows: head.seq, hash: head.hash };
}

/** Whether the chain as stored still passes through `point`: a chain rewritten before it has another hash there. */
export function chainPassesThrough({ sqlite }: Pick<OpenRegistry, 'sqlite'>, point: AuditPoint): boolean {
  const row = sqlite.prepare('SELECT hash FROM audit_log WHERE seq = ?').get(point.rows) as { hash: string } | undefined;
  return row?.hash === point.hash;
}

/** The chain's hash at each of the given row counts that it has. */
export function auditPointsAt({ sqlite }: Pick<OpenRegistry, 'sqlite'>, rowCounts: readonly number[]): AuditPoint[] {
  const hashAt = sqlite.prepare('SELECT hash FROM audit_log WHERE seq = ?');
  return rowCounts.flatMap((rows) => {
    const row = hashAt.get(rows) as { hash: string } | undefined;
    return row ? [{ rows, hash: row.hash }] : [];
  });
}

export type AuditVerdict =
  | { ok: true; rows: number }
  | { ok: false; rows: number; brokenAtSeq: number; problem: 'edited' | 'missing_or_reordered' | 'truncated' | 'rewritten' };

/** Walks the whole chain: an edited, deleted, inserted or reordered row breaks it. */
export function verifyAuditChain({ db, sqlite }: Pick<OpenRegistry, 'db' | 'sqlite'>): AuditVerdict {
  let previous = genesisHash;
  let expectedSeq = 1;
  let rows = 0;
  const rowsInOrder = sqlite
    .prepare(
      `SELECT seq, id, at, user_id AS userId, username, action, entity, entity_id AS entityId, before, after, outcome,
              prev_hash AS prevHash, hash FROM audit_log ORDER BY seq`,
    )
    .iterate() as IterableIterator<AuditRow>;
  for (const row of rowsInOrder) {
    rows += 1;
    if (row.seq !== expectedSeq || row.prevHash !== previous)
      return { ok: false, rows, brokenAtSeq: row.seq, problem: 'missing_or_reordered' };
    if (rowHash(row) !== row.hash) return { ok: false, rows, brokenAtSeq: row.seq, problem: 'edited' };
    previous = row.hash;
    expectedSeq += 1;
  }
  const head = readHead(db);
  if (head.seq !== rows || head.hash !== previous) return { ok: false, rows, brokenAtSeq: rows + 1, problem: 'truncated' };
  return { ok: true, rows };
}
