import { and, eq } from 'drizzle-orm';
import type { RegistryDb } from '@db/connection';
import { cells, members, partyActivityEvents, travelDocuments, trips } from '@db/schema';
import type { CellRow, MemberDetail, MemberRow, ParsedMemberInput, TravelDocumentRow } from '@shared/contract/registry';
import type { MemberStatus } from '@shared/domain/enums';
import { DomainError, type FieldIssue } from '@shared/errors';
import { newId } from '@shared/ids';
import { memberFlags } from '@shared/rules/flags';
import { yearOf } from '@shared/rules/dates';
import { archiveBlockers } from '@shared/rules/memberArchive';
import { abroadTripStates } from '@shared/rules/tripMachine';
import { compareVietnamese, nameSortKey } from '@shared/text/collation';
import { foldForSearch, normaliseText } from '@shared/text/fold';
import { checkNationalId } from '@shared/text/nationalId';
import { searchRank } from '@shared/text/searchRank';
import { appendAudit } from '../../storage/audit';
import type { Registry } from '../../storage/registry/registry';
import { activityEventRow, memberEventFacts } from './activityEvents';
import { blankToNull, invalid, nowIso } from './common';
import { tripRows } from './trips';
import { cachedStatement } from '../../storage/statements';

type MemberRecord = typeof members.$inferSelect;

const memberColumns = `m.id, m.code, m.full_name AS fullName, m.gender, m.birth_date AS birthDate, m.national_id AS nationalId,
  c.name AS cellName, m.status, m.holds_leadership_post AS holdsLeadershipPost, m.archived_at IS NOT NULL AS archived,
  (SELECT count(*) FROM trips t WHERE t.member_id = m.id) AS tripCount,
  EXISTS (SELECT 1 FROM trips t WHERE t.member_id = m.id AND t.state IN (${abroadTripStates.map((state) => `'${state}'`).join(', ')})) AS abroadNow`;

interface RawMemberRow extends Omit<MemberRow, 'holdsLeadershipPost' | 'archived' | 'abroadNow'> {
  holdsLeadershipPost: number;
  archived: number;
  abroadNow: number;
}

function toMemberRow(raw: RawMemberRow): MemberRow {
  return {
    ...raw,
    holdsLeadershipPost: raw.holdsLeadershipPost === 1,
    archived: raw.archived === 1,
    abroadNow: raw.abroadNow === 1,
  };
}

export interface MemberSearchInput {
  query?: string | undefined;
  cellId?: string | undefined;
  status?: MemberStatus | undefined;
  includeArchived: boolean;
  offset: number;
  limit: number;
}

/** Counts by query, valid while nothing has been written since (`total_changes()` has not moved): paging through a list counts once. */
const countsOf = new WeakMap<Registry['sqlite'], { changes: number; counts: Map<string, number> }>();

function memberCount(registry: Registry, where: string, parameters: unknown[]): number {
  const changes = (cachedStatement(registry.sqlite, 'SELECT total_changes() AS n').get() as { n: number }).n;
  let cache = countsOf.get(registry.sqlite);
  if (!cache || cache.changes !== changes) {
    cache = { changes, counts: new Map() };
    countsOf.set(registry.sqlite, cache);
  }
  const key = `${where}\n${JSON.stringify(parameters)}`;
  let total = cache.counts.get(key);
  if (total === undefined) {
    total = (cachedStatement(registry.sqlite, `SELECT count(*) AS n FROM members m ${where}`).get(...parameters) as { n: number })
      .n;
    cache.counts.set(key, total);
  }
  return total;
}

const idsPerStatement = 10_000;
/** The trigram index finds only words at least this long; shorter ones are looked for in every member. */
const trigramLength = 3;

/**
 * Members matching every word of the query in the folded name, the code or the national ID
 * ("dang hoa" finds "Đặng Thị Hoà"), best match first (`matchRank`) and in Vietnamese name
 * order within a rank, one page at a time. The count
 * and the page's ids come from the `members_search` index alone; only the page's rows are read.
 */
/**
 * `rankName` of shared/text/searchRank.ts as an SQL ordering of the matches: the whole name,
 * then the start of the name, then every word starting a word of the name, code or ID, then
 * the rest. Only the matches are ranked, so a search stays as fast as its filter.
 */
function matchRank(words: readonly string[]): { order: string; parameters: unknown[] } {
  if (words.length === 0) return { order: '', parameters: [] };
  const query = words.join(' ');
  const wordStarts = words.map(() => `instr(' ' || m.search_text, ?) > 0`).join(' AND ');
  return {
    order: `CASE WHEN m.name_folded = ? THEN ${searchRank.exact} WHEN substr(m.name_folded, 1, ?) = ? THEN ${searchRank.namePrefix} WHEN ${wordStarts} THEN ${searchRank.wordStarts} ELSE ${searchRank.inside} END, `,
    parameters: [query, query.length, query, ...words.map((word) => ` ${word}`)],
  };
}

/** `trigramIndex: false` looks for every word in every member, as before the index: what the index finds must be exactly that. */
export function searchMembers(
  registry: Registry,
  input: MemberSearchInput,
  options: { trigramIndex?: boolean } = {},
): { total: number; rows: MemberRow[] } {
  const conditions: string[] = [];
  const parameters: unknown[] = [];
  if (!input.includeArchived) conditions.push('m.archived_at IS NULL');
  if (input.cellId) {
    conditions.push('m.cell_id = ?');
    parameters.push(input.cellId);
  }
  if (input.status) {
    conditions.push('m.status = ?');
    parameters.push(input.status);
  }
  const words = foldForSearch(input.query ?? '')
    .split(' ')
    .filter(Boolean);
  const indexed = options.trigramIndex === false ? [] : words.filter((word) => [...word].length >= trigramLength);
  if (indexed.length > 0) {
    // The trigram index (migration 0006) names the members holding every word of three characters or more, so a code or an ID fragment is not looked for in all 100,000 rows; `instr` below still decides.
    conditions.push('m.rowid IN (SELECT rowid FROM member_search_trigrams WHERE member_search_trigrams MATCH ?)');
    parameters.push(indexed.map((word) => `"${word.replaceAll('"', '""')}"`).join(' '));
  }
  for (const word of words) {
    // The folded name, folded code and ID number in one column: a word never holds a space, so it cannot match across them.
    conditions.push('instr(m.search_text, ?) > 0');
    parameters.push(word);
  }
  const where = conditions.length > 0 ? `WHERE ${conditions.join(' AND ')}` : '';
  const rank = matchRank(words);
  const ids = (
    cachedStatement(
      registry.sqlite,
      `SELECT m.id FROM members m ${where} ORDER BY ${rank.order}m.name_sort_key, m.id LIMIT ? OFFSET ?`,
    ).all(...parameters, ...rank.parameters, input.limit, input.offset) as {
      id: string;
    }[]
  ).map((row) => row.id);
  // A page that ends before its limit has reached the last match: the count is known without a second pass.
  const reachedEnd = ids.length < input.limit && (ids.length > 0 || input.offset === 0);
  const total = reachedEnd ? input.offset + ids.length : memberCount(registry, where, parameters);
  const rows: MemberRow[] = [];
  // An export asks for every member: its ids are read in slices, since SQLite binds at most 32,766 values to a statement.
  for (let start = 0; start < ids.length; start += idsPerStatement) {
    const slice = ids.slice(start, start + idsPerStatement);
    const read = registry.sqlite
      .prepare(
        `SELECT ${memberColumns} FROM members m JOIN cells c ON c.id = m.cell_id WHERE m.id IN (${slice.map(() => '?').join(', ')}) ORDER BY m.name_sort_key, m.id`,
      )
      .all(...slice) as RawMemberRow[];
    for (const row of read) rows.push(toMemberRow(row));
  }
  return { total, rows };
}

function memberRecord(db: RegistryDb, id: string): MemberRecord {
  const record = db.select().from(members).where(eq(members.id, id)).get();
  if (!record) throw new DomainError('NOT_FOUND');
  return record;
}

export function getMember(registry: Registry, id: string): MemberDetail {
  const record = memberRecord(registry.db, id);
  const row = toMemberRow(
    registry.sqlite
      .prepare(`SELECT ${memberColumns} FROM members m JOIN cells c ON c.id = m.cell_id WHERE m.id = ?`)
      .get(id) as RawMemberRow,
  );
  const events = registry.db
    .select()
    .from(partyActivityEvents)
    .where(eq(partyActivityEvents.memberId, id))
    .orderBy(partyActivityEvents.effectiveDate)
    .all();
  return {
    ...row,
    leadershipPost: record.leadershipPost,
    managingCommittee: record.managingCommittee,
    underDisciplinaryReview: record.underDisciplinaryReview,
    phone: record.phone,
    email: record.email,
    address: record.address,
    notes: record.notes,
    travelDocuments: registry.db
      .select()
      .from(travelDocuments)
      .where(eq(travelDocuments.memberId, id))
      .orderBy(travelDocuments.expiresOn)
      .all()
      .map(travelDocumentRow),
    trips: tripRows(registry, { memberId: id }),
    events: events.map(activityEventRow),
    flags: memberFlags(memberEventFacts(events)).map((flag) => ({
      flag: flag.flag,
      since: flag.since ?? null,
      dueDate: flag.dueDate ?? null,
      open: true,
      advice: `flagHelp.${flag.flag}`,
    })),
  };
}

export function travelDocumentRow(record: typeof travelDocuments.$inferSelect): TravelDocumentRow {
  return {
    id: record.id,
    kind: record.kind,
    number: record.number,
    issuedOn: record.issuedOn,
    expiresOn: record.expiresOn,
    issuer: record.issuer,
    notes: record.notes,
  };
}

/** The cell with this name in the unit, created when the name is new (as the import and the form both allow). */
export function cellIdFor(db: RegistryDb, unitId: string, name: string, actor: Registry['actor']): string {
  const normalised = normaliseText(name);
  const folded = foldForSearch(normalised);
  const existing = db
    .select({ id: cells.id })
    .from(cells)
    .where(and(eq(cells.unitId, unitId), eq(cells.nameFolded, folded)))
    .get();
  if (existing) return existing.id;
  const now = nowIso();
  const id = newId();
  db.insert(cells).values({ id, unitId, name: normalised, nameFolded: folded, createdAt: now, updatedAt: now }).run();
  appendAudit(db, actor, { action: 'cell.create', entity: 'cell', entityId: id, after: { name: normalised } });
  return id;
}

/** The problems of a member record that its schema alone cannot see. */
export function memberIssues(db: RegistryDb, unitId: string, input: ParsedMemberInput): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const code = normaliseText(input.code);
  const holder = db
    .select({ id: members.id, fullName: members.fullName })
    .from(members)
    .where(and(eq(members.unitId, unitId), eq(members.code, code)))
    .get();
  if (holder && holder.id !== input.id)
    issues.push({ path: ['code'], key: 'member.code.duplicate', params: { code, name: holder.fullName } });
  return [...issues, ...memberFieldIssues(input)];
}

/** The problems the fields of a member record show among themselves, without the registry. */
export function memberFieldIssues(input: ParsedMemberInput): FieldIssue[] {
  if (!input.nationalId) return [];
  const birthYear = input.birthDate ? yearOf(input.birthDate) : undefined;
  return checkNationalId(input.nationalId, {
    ...(birthYear ? { birthYear } : {}),
    ...(input.gender ? { gender: input.gender } : {}),
  }).map((problem) => ({
    path: ['nationalId'],
    key: problem,
  }));
}

export function memberValues(input: ParsedMemberInput, cellId: string) {
  const fullName = normaliseText(input.fullName);
  const code = normaliseText(input.code);
  const nameFolded = foldForSearch(fullName);
  return {
    cellId,
    code,
    fullName,
    nameFolded,
    nameSortKey: nameSortKey(fullName),
    searchText: [nameFolded, foldForSearch(code), input.nationalId ?? ''].join(' '),
    gender: input.gender ?? null,
    birthDate: input.birthDate ?? null,
    nationalId: input.nationalId ?? null,
    holdsLeadershipPost: input.holdsLeadershipPost,
    leadershipPost: blankToNull(input.leadershipPost),
    managingCommittee: blankToNull(input.managingCommittee),
    underDisciplinaryReview: input.underDisciplinaryReview,
    status: input.status,
    phone: blankToNull(input.phone),
    email: blankToNull(input.email),
    address: blankToNull(input.address),
    notes: blankToNull(input.notes),
  };
}

export function saveMember(registry: Registry, input: ParsedMemberInput): MemberDetail {
  const unitId = registry.ownUnit().id;
  const issues = memberIssues(registry.db, unitId, input);
  if (issues.length > 0) throw invalid(issues);
  const id = registry.write((db) => {
    const cellId = cellIdFor(db, unitId, input.cellName, registry.actor);
    const values = memberValues(input, cellId);
    const now = nowIso();
    if (input.id) {
      const before = memberRecord(db, input.id);
      db.update(members)
        .set({ ...values, updatedAt: now })
        .where(eq(members.id, input.id))
        .run();
      appendAudit(db, registry.actor, {
        action: 'member.update',
        entity: 'member',
        entityId: input.id,
        before: auditableMember(before),
        after: auditableMember({ ...before, ...values }),
      });
      return input.id;
    }
    const id = newId();
    db.insert(members)
      .values({ id, unitId, ...values, createdAt: now, updatedAt: now })
      .run();
    appendAudit(db, registry.actor, { action: 'member.create', entity: 'member', entityId: id, after: auditableMember(values) });
    return id;
  });
  return getMember(registry, id);
}

/** A member with trips is never deleted: archiving hides the record from the lists and keeps its history. */
export function archiveMember(registry: Registry, id: string, archived: boolean): MemberDetail {
  registry.write((db) => {
    const before = memberRecord(db, id);
    if (archived) {
      const blockers = archiveBlockers(db.select({ state: trips.state }).from(trips).where(eq(trips.memberId, id)).all());
      if (blockers.length > 0) throw invalid(blockers, 'VALIDATION');
    }
    const archivedAt = archived ? (before.archivedAt ?? nowIso()) : null;
    db.update(members).set({ archivedAt, updatedAt: nowIso() }).where(eq(members.id, id)).run();
    appendAudit(db, registry.actor, {
      action: archived ? 'member.archive' : 'member.restore',
      entity: 'member',
      entityId: id,
      before: { archivedAt: before.archivedAt },
      after: { archivedAt },
    });
  });
  return getMember(registry, id);
}

/** A member record as the audit log keeps it: without the derived search and sort columns. */
export function auditableMember(record: Partial<MemberRecord>) {
  const { nameFolded: _folded, nameSortKey: _sortKey, searchText: _searchText, ...rest } = record;
  return rest;
}

export function listCells(registry: Registry, includeArchived: boolean): CellRow[] {
  const rows = registry.sqlite
    .prepare(
      `SELECT c.id, c.name, c.archived_at IS NOT NULL AS archived,
        (SELECT count(*) FROM members m WHERE m.cell_id = c.id AND m.archived_at IS NULL) AS memberCount
       FROM cells c ${includeArchived ? '' : 'WHERE c.archived_at IS NULL'}`,
    )
    .all() as { id: string; name: string; archived: number; memberCount: number }[];
  return rows.map((row) => ({ ...row, archived: row.archived === 1 })).sort((a, b) => compareVietnamese(a.name, b.name));
}

function cellRow(registry: Registry, id: string): CellRow {
  const row = listCells(registry, true).find((cell) => cell.id === id);
  if (!row) throw new DomainError('NOT_FOUND');
  return row;
}

export function renameCell(registry: Registry, id: string, name: string): CellRow {
  const normalised = normaliseText(name);
  registry.write((db) => {
    const before = db.select().from(cells).where(eq(cells.id, id)).get();
    if (!before) throw new DomainError('NOT_FOUND');
    db.update(cells)
      .set({ name: normalised, nameFolded: foldForSearch(normalised), updatedAt: nowIso() })
      .where(eq(cells.id, id))
      .run();
    appendAudit(db, registry.actor, {
      action: 'cell.rename',
      entity: 'cell',
      entityId: id,
      before: { name: before.name },
      after: { name: normalised },
    });
  });
  return cellRow(registry, id);
}

export function archiveCell(registry: Registry, id: string, archived: boolean): CellRow {
  registry.write((db) => {
    const before = db.select().from(cells).where(eq(cells.id, id)).get();
    if (!before) throw new DomainError('NOT_FOUND');
    const archivedAt = archived ? (before.archivedAt ?? nowIso()) : null;
    db.update(cells).set({ archivedAt, updatedAt: nowIso() }).where(eq(cells.id, id)).run();
    appendAudit(db, registry.actor, { action: archived ? 'cell.archive' : 'cell.restore', entity: 'cell', entityId: id });
  });
  return cellRow(registry, id);
}
