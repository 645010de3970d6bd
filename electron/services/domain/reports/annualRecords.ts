import { and, asc, eq, inArray, isNull, notInArray, sql } from 'drizzle-orm';
import { annualRecordReceipts, cells, members, tripCountries, trips, users } from '@db/schema';
import type {
  AnnualRecordCell,
  AnnualRecordList,
  AnnualRecordMember,
  AnnualRecordScope,
  AnnualRecordSummary,
} from '@shared/contract/annualRecords';
import type { MemberStatus } from '@shared/domain/enums';
import { DomainError } from '@shared/errors';
import { foldForSearch, normaliseText } from '@shared/text/fold';
import { fileNameStem } from '@shared/text/fileName';
import { placeOf } from '@shared/report/issuer';
import { type AnnualRecordTrip, annualRecordLines, tripStatesLeftOutOfRecord } from '@shared/rules/annualRecord';
import { civilDateInVietnam, isAfter } from '@shared/rules/dates';
import { appendAudit } from '../../storage/audit';
import { type AnnualRecordData, renderAnnualRecordDocx, renderAnnualRecordPdf } from '../documents/annualRecord';
import { newId } from '@shared/ids';
import { invalid, nowIso } from '../records/common';
import type { Registry } from '../../storage/registry/registry';
import type { RegistryDb } from '@db/connection';

/** Members who have left, died or moved their party activity elsewhere no longer declare to this organisation. */
const declaringStatuses: readonly MemberStatus[] = ['active', 'exempt'];

type MemberRow = {
  id: string;
  code: string;
  fullName: string;
  birthDate: string | null;
  managingCommittee: string | null;
  cellId: string;
  cellName: string;
};

function declaringMembers(db: RegistryDb, unitId: string, filter: { cellId?: string; memberId?: string } = {}): MemberRow[] {
  return db
    .select({
      id: members.id,
      code: members.code,
      fullName: members.fullName,
      birthDate: members.birthDate,
      managingCommittee: members.managingCommittee,
      cellId: members.cellId,
      cellName: cells.name,
    })
    .from(members)
    .innerJoin(cells, eq(cells.id, members.cellId))
    .where(
      and(
        eq(members.unitId, unitId),
        isNull(members.archivedAt),
        inArray(members.status, [...declaringStatuses]),
        filter.cellId ? eq(members.cellId, filter.cellId) : undefined,
        filter.memberId ? eq(members.id, filter.memberId) : undefined,
      ),
    )
    .orderBy(asc(cells.nameFolded), asc(members.nameSortKey))
    .all();
}

/**
 * The members' trips that may touch `year`, with their countries in order. SQL narrows by the dates (the earliest
 * start and the latest end a trip can have) so that a dashboard visit does not read every trip ever recorded; the
 * rule then decides exactly.
 */
function tripsByMember(db: RegistryDb, memberIds: string[], year: number): Map<string, AnnualRecordTrip[]> {
  const wanted = new Set(memberIds);
  const mayTouchYear = and(
    notInArray(trips.state, [...tripStatesLeftOutOfRecord]),
    sql`coalesce(${trips.actualDeparture}, ${trips.plannedDeparture}) <= ${`${year}-12-31`}`,
    sql`(${trips.actualDeparture} is not null and ${trips.actualReturn} is null
      or max(coalesce(${trips.actualReturn}, ''), coalesce(${trips.extendedReturn}, ''), ${trips.plannedReturn}) >= ${`${year}-01-01`})`,
  );
  const rows = db
    .select()
    .from(trips)
    .where(mayTouchYear)
    .all()
    .filter((row) => wanted.has(row.memberId));
  const countries = new Map<string, string[]>();
  const tripIds = rows.map((row) => row.id);
  for (let from = 0; from < tripIds.length; from += 500) {
    for (const row of db
      .select()
      .from(tripCountries)
      .where(inArray(tripCountries.tripId, tripIds.slice(from, from + 500)))
      .orderBy(tripCountries.position)
      .all()) {
      countries.set(row.tripId, [...(countries.get(row.tripId) ?? []), row.country]);
    }
  }
  const byMember = new Map<string, AnnualRecordTrip[]>();
  for (const row of rows)
    byMember.set(row.memberId, [...(byMember.get(row.memberId) ?? []), { ...row, countries: countries.get(row.id) ?? [] }]);
  return byMember;
}

function receiptsOf(db: RegistryDb, year: number): Map<string, { receivedOn: string; recordedBy: string }> {
  const rows = db
    .select({
      memberId: annualRecordReceipts.memberId,
      receivedOn: annualRecordReceipts.receivedOn,
      recordedBy: users.displayName,
    })
    .from(annualRecordReceipts)
    .innerJoin(users, eq(users.id, annualRecordReceipts.recordedBy))
    .where(eq(annualRecordReceipts.year, year))
    .all();
  return new Map(rows.map((row) => [row.memberId, row]));
}

function listEntries(registry: Registry, year: number, rows: MemberRow[]): AnnualRecordMember[] {
  const unitName = registry.ownUnit().name;
  const tripsOf = tripsByMember(
    registry.db,
    rows.map((row) => row.id),
    year,
  );
  const receipts = receiptsOf(registry.db, year);
  return rows.map((row) => {
    const receipt = receipts.get(row.id);
    return {
      memberId: row.id,
      code: row.code,
      fullName: row.fullName,
      cellId: row.cellId,
      cellName: row.cellName,
      tripCount: annualRecordLines(tripsOf.get(row.id) ?? [], year, row.managingCommittee ?? unitName).length,
      receivedOn: receipt?.receivedOn ?? null,
      recordedBy: receipt?.recordedBy ?? null,
    };
  });
}

/** Who has handed in the supplement of `year` and who has not, with the number still outstanding in each cell. */
export function annualRecordList(registry: Registry, year: number, cellId?: string): AnnualRecordList {
  const everyone = listEntries(registry, year, declaringMembers(registry.db, registry.ownUnit().id));
  const byCell = new Map<string, AnnualRecordCell>();
  for (const entry of everyone) {
    const cell = byCell.get(entry.cellId) ?? { cellId: entry.cellId, cellName: entry.cellName, members: 0, outstanding: 0 };
    cell.members += 1;
    if (entry.receivedOn === null) cell.outstanding += 1;
    byCell.set(entry.cellId, cell);
  }
  const listed = cellId ? everyone.filter((entry) => entry.cellId === cellId) : everyone;
  return {
    year,
    members: listed,
    cells: [...byCell.values()],
    outstanding: everyone.filter((entry) => entry.receivedOn === null).length,
  };
}

/**
 * The same counts as `annualRecordList`, counted by SQL: a dashboard visit at 100,000 members would
 * otherwise read and send every member with their trips.
 */
export function annualRecordSummary(registry: Registry, year: number): AnnualRecordSummary {
  const rows = registry.sqlite
    .prepare(
      `SELECT c.id AS cellId, c.name AS cellName, counted.members, counted.outstanding
       FROM (
         SELECT m.cell_id, count(*) AS members, count(*) - count(r.member_id) AS outstanding
         FROM members m
         LEFT JOIN annual_record_receipts r ON r.member_id = m.id AND r.year = ?
         WHERE m.unit_id = ? AND m.archived_at IS NULL AND m.status IN (${declaringStatuses.map(() => '?').join(', ')})
         GROUP BY m.cell_id
       ) AS counted
       JOIN cells c ON c.id = counted.cell_id
       ORDER BY c.name_folded`,
    )
    .all(year, registry.ownUnit().id, ...declaringStatuses) as AnnualRecordCell[];
  return { year, cells: rows, outstanding: rows.reduce((sum, cell) => sum + cell.outstanding, 0) };
}

function scopeMembers(registry: Registry, scope: AnnualRecordScope): MemberRow[] {
  const unitId = registry.ownUnit().id;
  if (scope.kind === 'all') return declaringMembers(registry.db, unitId);
  if (scope.kind === 'cell') {
    const cell = registry.db
      .select({ id: cells.id })
      .from(cells)
      .where(and(eq(cells.unitId, unitId), eq(cells.nameFolded, foldForSearch(normaliseText(scope.cellName)))))
      .get();
    if (!cell) throw new DomainError('ANNUAL_RECORD_CELL_UNKNOWN', { cell: scope.cellName });
    return declaringMembers(registry.db, unitId, { cellId: cell.id });
  }
  const member = registry.db
    .select({ id: members.id })
    .from(members)
    .where(and(eq(members.unitId, unitId), eq(members.code, scope.memberCode)))
    .get();
  if (!member) throw new DomainError('ANNUAL_RECORD_MEMBER_UNKNOWN', { code: scope.memberCode });
  const rows = declaringMembers(registry.db, unitId, { memberId: member.id });
  if (rows.length === 0) throw new DomainError('ANNUAL_RECORD_MEMBER_NOT_DECLARING', { code: scope.memberCode });
  return rows;
}

export function annualRecordData(registry: Registry, year: number, scope: AnnualRecordScope): AnnualRecordData {
  const unit = registry.ownUnit();
  const rows = scopeMembers(registry, scope);
  if (rows.length === 0) throw new DomainError('ANNUAL_RECORD_NOBODY');
  const tripsOf = tripsByMember(
    registry.db,
    rows.map((row) => row.id),
    year,
  );
  return {
    year,
    partyOrganisation: unit.name.replace(/^Đảng ủy/u, 'Đảng bộ'),
    place: placeOf(unit.name),
    members: rows.map((row) => ({
      fullName: row.fullName,
      ...(row.birthDate ? { birthDate: row.birthDate } : {}),
      partyCardNumber: row.code,
      cell: row.cellName,
      lines: annualRecordLines(tripsOf.get(row.id) ?? [], year, row.managingCommittee ?? unit.name),
    })),
  };
}

export async function renderAnnualRecord(
  registry: Registry,
  year: number,
  scope: AnnualRecordScope,
  format: 'docx' | 'pdf',
): Promise<{ fileName: string; content: Buffer; members: number }> {
  const data = annualRecordData(registry, year, scope);
  const content = format === 'pdf' ? await renderAnnualRecordPdf(data) : await renderAnnualRecordDocx(data);
  const who =
    scope.kind === 'all'
      ? 'TatCa'
      : scope.kind === 'cell'
        ? fileNameStem(data.members[0]!.cell)
        : fileNameStem(data.members[0]!.fullName);
  return { fileName: `KeKhaiBoSungLyLich_${year}_${who}.${format}`, content, members: data.members.length };
}

function memberEntry(registry: Registry, memberId: string, year: number): AnnualRecordMember {
  const rows = declaringMembers(registry.db, registry.ownUnit().id, { memberId });
  if (rows.length === 0) throw new DomainError('NOT_FOUND');
  return listEntries(registry, year, rows)[0]!;
}

/** Records that the member handed in the supplement of `year` on `receivedOn`; a second mark corrects the date. */
export function markAnnualRecordReceived(
  registry: Registry,
  input: { memberId: string; year: number; receivedOn: string },
): AnnualRecordMember {
  memberEntry(registry, input.memberId, input.year);
  const today = civilDateInVietnam(new Date());
  if (isAfter(input.receivedOn, today)) throw invalid([{ path: ['receivedOn'], key: 'annualRecord.receivedInFuture' }]);
  if (Number(input.receivedOn.slice(0, 4)) < input.year)
    throw invalid([{ path: ['receivedOn'], key: 'annualRecord.receivedBeforeYear', params: { year: input.year } }]);
  registry.write((db) => {
    const before = db
      .select()
      .from(annualRecordReceipts)
      .where(and(eq(annualRecordReceipts.memberId, input.memberId), eq(annualRecordReceipts.year, input.year)))
      .get();
    if (before) {
      db.update(annualRecordReceipts)
        .set({ receivedOn: input.receivedOn, recordedBy: registry.user.id })
        .where(eq(annualRecordReceipts.id, before.id))
        .run();
    } else {
      db.insert(annualRecordReceipts)
        .values({
          id: newId(),
          memberId: input.memberId,
          year: input.year,
          receivedOn: input.receivedOn,
          recordedBy: registry.user.id,
          createdAt: nowIso(),
        })
        .run();
    }
    appendAudit(db, registry.actor, {
      action: 'annual_record.receive',
      entity: 'member',
      entityId: input.memberId,
      ...(before ? { before: { year: before.year, receivedOn: before.receivedOn } } : {}),
      after: { year: input.year, receivedOn: input.receivedOn },
    });
  });
  return memberEntry(registry, input.memberId, input.year);
}

/** Takes back a receipt marked by mistake; the audit log keeps what it said. */
export function unmarkAnnualRecordReceived(registry: Registry, input: { memberId: string; year: number }): AnnualRecordMember {
  memberEntry(registry, input.memberId, input.year);
  registry.write((db) => {
    const before = db
      .select()
      .from(annualRecordReceipts)
      .where(and(eq(annualRecordReceipts.memberId, input.memberId), eq(annualRecordReceipts.year, input.year)))
      .get();
    if (!before) throw new DomainError('ANNUAL_RECORD_NOT_RECEIVED', { year: input.year });
    db.delete(annualRecordReceipts).where(eq(annualRecordReceipts.id, before.id)).run();
    appendAudit(db, registry.actor, {
      action: 'annual_record.unreceive',
      entity: 'member',
      entityId: input.memberId,
      before: { year: before.year, receivedOn: before.receivedOn },
    });
  });
  return memberEntry(registry, input.memberId, input.year);
}
