import { auditChanges, type AuditValue } from '@shared/audit/diff';
import type { AuditFilter, AuditRow, AuditSubject } from '@shared/contract/audit';
import { addDays } from '@shared/rules/dates';
import type { Registry } from '../../storage/registry/registry';

interface StoredRow {
  seq: number;
  at: string;
  username: string | null;
  action: string;
  entity: string;
  entityId: string | null;
  outcome: 'done' | 'refused';
  before: string | null;
  after: string | null;
}

/** The start of a civil day in Vietnam (UTC+7) as the UTC instant the log stores. */
function startOfVietnamDay(date: string): string {
  return new Date(`${date}T00:00:00+07:00`).toISOString();
}

function whereClause(filter: AuditFilter): { sql: string; params: (string | number)[] } {
  const conditions: string[] = [];
  const params: (string | number)[] = [];
  const add = (condition: string, value: string) => {
    conditions.push(condition);
    params.push(value);
  };
  if (filter.from) add('at >= ?', startOfVietnamDay(filter.from));
  if (filter.to) add('at < ?', startOfVietnamDay(addDays(filter.to, 1)));
  if (filter.username) add('username = ?', filter.username);
  if (filter.action) add('action = ?', filter.action);
  if (filter.entity) add('entity = ?', filter.entity);
  if (filter.entityId) add('entity_id = ?', filter.entityId);
  if (filter.outcome) add('outcome = ?', filter.outcome);
  return { sql: conditions.length > 0 ? `WHERE ${conditions.join(' AND ')}` : '', params };
}

const selectedColumns = 'seq, at, username, action, entity, entity_id AS entityId, outcome, before, after';

function parsed(json: string | null): unknown {
  return json === null ? undefined : JSON.parse(json);
}

/** Records the log names by id, shown by their names: a cell's, a member's. */
const namedIds: Record<string, string> = {
  cellId: 'SELECT name FROM cells WHERE id = ?',
  memberId: 'SELECT full_name AS name FROM members WHERE id = ?',
};

function nameResolver(registry: Registry): (field: string, value: AuditValue) => AuditValue {
  const statements = new Map(Object.entries(namedIds).map(([field, query]) => [field, registry.sqlite.prepare(query)]));
  return (field, value) => {
    const statement = statements.get(field);
    if (!statement || typeof value !== 'string') return value;
    return (statement.get(value) as { name: string } | undefined)?.name ?? value;
  };
}

function stringField(record: unknown, field: string): string | null {
  const value = typeof record === 'object' && record !== null ? (record as Record<string, unknown>)[field] : undefined;
  return typeof value === 'string' ? value : null;
}

/**
 * The member and trip a row concerns: the record it names when that is a member or a trip, else
 * the member or trip its recorded values point to (a party-activity event, a travel document).
 * A record deleted since is named from the values the row itself kept.
 */
function subjectResolver(registry: Registry): (row: StoredRow, before: unknown, after: unknown) => AuditSubject | null {
  const memberName = registry.sqlite.prepare('SELECT full_name AS name FROM members WHERE id = ?');
  const trip = registry.sqlite.prepare(
    'SELECT t.code, t.planned_departure AS plannedDeparture, t.member_id AS memberId FROM trips t WHERE t.id = ?',
  );
  const countries = registry.sqlite.prepare('SELECT country FROM trip_countries WHERE trip_id = ? ORDER BY position');
  const nameOf = (memberId: string | null) =>
    memberId ? ((memberName.get(memberId) as { name: string } | undefined)?.name ?? null) : null;
  return (row, before, after) => {
    const recorded = after ?? before;
    const memberId = row.entity === 'member' ? row.entityId : stringField(recorded, 'memberId');
    const tripId = row.entity === 'trip' ? row.entityId : stringField(recorded, 'tripId');
    if (tripId) {
      const found = trip.get(tripId) as { code: string | null; plannedDeparture: string; memberId: string } | undefined;
      const tripCountries = found ? (countries.all(tripId) as { country: string }[]).map((entry) => entry.country) : [];
      const plannedDeparture = found?.plannedDeparture ?? stringField(recorded, 'plannedDeparture');
      if (plannedDeparture) {
        return {
          member: nameOf(found?.memberId ?? memberId),
          trip: {
            code: found ? found.code : stringField(recorded, 'code'),
            countries: found ? tripCountries : ((recorded as { countries?: string[] }).countries ?? []),
            plannedDeparture,
          },
        };
      }
    }
    const member = nameOf(memberId) ?? (row.entity === 'member' ? stringField(recorded, 'fullName') : null);
    return member ? { member, trip: null } : null;
  };
}

function viewer(registry: Registry): (row: StoredRow) => AuditRow {
  const named = nameResolver(registry);
  const subjectOf = subjectResolver(registry);
  return (row) => {
    const { before, after, ...rest } = row;
    const old = parsed(before);
    const now = parsed(after);
    return {
      ...rest,
      subject: subjectOf(row, old, now),
      changes: auditChanges(old, now).map((change) => ({
        ...change,
        before: named(change.field, change.before),
        after: named(change.field, change.after),
      })),
    };
  };
}

/** The rows matching the filter, newest first, a page at a time. */
export function listAudit(
  registry: Registry,
  filter: AuditFilter,
  page: { offset: number; limit: number },
): { total: number; rows: AuditRow[] } {
  const where = whereClause(filter);
  const total = (
    registry.sqlite.prepare(`SELECT count(*) AS n FROM audit_log ${where.sql}`).get(...where.params) as { n: number }
  ).n;
  const rows = registry.sqlite
    .prepare(`SELECT ${selectedColumns} FROM audit_log ${where.sql} ORDER BY seq DESC LIMIT ? OFFSET ?`)
    .all(...where.params, page.limit, page.offset) as StoredRow[];
  return { total, rows: rows.map(viewer(registry)) };
}

/** Every matching row, newest first, read one at a time (an export of a long log). */
export function* eachAuditRow(registry: Registry, filter: AuditFilter): Generator<AuditRow> {
  const where = whereClause(filter);
  const rows = registry.sqlite
    .prepare(`SELECT ${selectedColumns} FROM audit_log ${where.sql} ORDER BY seq DESC`)
    .iterate(...where.params) as IterableIterator<StoredRow>;
  const view = viewer(registry);
  for (const row of rows) yield view(row);
}

type FacetColumn = 'username' | 'action' | 'entity';

/**
 * The column's distinct values in order, each found through the column's index from the one
 * before, so a log of 100,000 rows is never read whole.
 */
export function facetQuery(column: FacetColumn): string {
  return `WITH RECURSIVE found(value) AS (
            SELECT min(${column}) FROM audit_log
            UNION ALL
            SELECT (SELECT min(${column}) FROM audit_log WHERE ${column} > found.value) FROM found WHERE found.value IS NOT NULL
          )
          SELECT value FROM found WHERE value IS NOT NULL`;
}

/** The users, actions and kinds of record the log has, for the screen's filters. */
export function auditFacets(registry: Registry): { usernames: string[]; actions: string[]; entities: string[] } {
  const distinct = (column: FacetColumn) =>
    (registry.sqlite.prepare(facetQuery(column)).all() as { value: string }[]).map((row) => row.value);
  return { usernames: distinct('username'), actions: distinct('action'), entities: distinct('entity') };
}
