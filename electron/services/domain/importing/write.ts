import { cells, members, tripCountries, trips } from '@db/schema';
import { normaliseText } from '@shared/text/fold';
import { appendAuditEntries, type AuditEntry } from '../../storage/audit';
import { newId } from '@shared/ids';
import { nowIso } from '../records/common';
import { auditableMember, memberValues } from '../records/members';
import type { RegistryDb } from '@db/connection';
import type { Registry } from '../../storage/registry/registry';
import type { ImportCounts, ImportSink, PlannedMember, PlannedTrip } from './plan';
import { preparedInsert, preparedUpdate } from '../../storage/statements';

export interface ImportedFile {
  kind: string;
  fileName: string;
  sha256: string;
  rows: number;
}

/** Audit rows are chained and written a batch at a time, so that 100,000 of them never wait in memory together. */
const auditBatch = 1_000;

type MemberValues = ReturnType<typeof memberValues>;
const memberValueKeys = Object.keys(
  memberValues(
    { code: '', fullName: '', cellName: '', holdsLeadershipPost: false, underDisciplinaryReview: false, status: 'active' },
    '',
  ),
) as (keyof MemberValues)[];

/**
 * Writes the good rows of an import as they are checked, inside the caller's transaction: new
 * cells, members added or updated, trips with their countries, an audit row for each record and,
 * at `finish`, one for the import. The caller rolls the transaction back when any row is bad.
 */
export class ImportWriter implements ImportSink {
  private readonly unitId: string;
  private readonly now = nowIso();
  /** The unit's cells by folded name, those already in the registry and those the import creates. */
  private readonly cellIds: Map<string, string>;
  private entries: AuditEntry[] = [];
  private readonly insertCell;
  private readonly insertMember;
  private readonly updateMember;
  private readonly insertCountry;
  private insertTrip: ReturnType<typeof preparedInsert<typeof trips>> | null = null;

  constructor(
    private readonly registry: Registry,
    private readonly db: RegistryDb,
  ) {
    this.unitId = registry.ownUnit().id;
    const existingCells = registry.sqlite
      .prepare('SELECT id, name_folded AS folded FROM cells WHERE unit_id = ?')
      .all(this.unitId) as { id: string; folded: string }[];
    this.cellIds = new Map(existingCells.map((cell) => [cell.folded, cell.id]));
    this.insertCell = preparedInsert(registry.sqlite, cells, ['id', 'unitId', 'name', 'nameFolded', 'createdAt', 'updatedAt']);
    this.insertMember = preparedInsert(registry.sqlite, members, ['id', 'unitId', ...memberValueKeys, 'createdAt', 'updatedAt']);
    this.updateMember = preparedUpdate(registry.sqlite, members, [...memberValueKeys, 'updatedAt']);
    this.insertCountry = preparedInsert(registry.sqlite, tripCountries, ['tripId', 'country', 'position']);
  }

  member(member: PlannedMember): void {
    if (member.action === 'unchanged') return;
    const cellId = this.cellIds.get(member.cellFolded) ?? this.newCell(member.input.cellName, member.cellFolded);
    const values = memberValues(member.input, cellId);
    if (member.existing) {
      this.updateMember(member.id, { ...values, updatedAt: this.now });
      this.audit({
        action: 'member.update',
        entity: 'member',
        entityId: member.id,
        before: auditableMember(member.existing),
        after: auditableMember({ ...member.existing, ...values }),
      });
    } else {
      this.insertMember({ id: member.id, unitId: this.unitId, ...values, createdAt: this.now, updatedAt: this.now });
      this.audit({ action: 'member.create', entity: 'member', entityId: member.id, after: auditableMember(values) });
    }
  }

  trip(trip: PlannedTrip): void {
    const insertTrip = (this.insertTrip ??= preparedInsert(this.registry.sqlite, trips, [
      ...(Object.keys(trip.record) as (keyof PlannedTrip['record'])[]),
      'createdAt',
      'updatedAt',
    ]));
    insertTrip({ ...trip.record, createdAt: this.now, updatedAt: this.now });
    trip.countries.forEach((country, position) => this.insertCountry({ tripId: trip.record.id, country, position }));
    const { id, ...after } = trip.record;
    this.audit({ action: 'trip.create', entity: 'trip', entityId: id, after: { ...after, countries: trip.countries } });
  }

  /**
   * A cell written with the writer's own statement, its audit row queued before the member's that
   * names it: a province's file creates thousands of cells, and a query built per cell left
   * about 140 MB of native memory behind in a 100,000-row import (docs/BENCHMARKS.md).
   */
  private newCell(name: string, folded: string): string {
    const id = newId();
    const normalised = normaliseText(name);
    this.insertCell({ id, unitId: this.unitId, name: normalised, nameFolded: folded, createdAt: this.now, updatedAt: this.now });
    this.audit({ action: 'cell.create', entity: 'cell', entityId: id, after: { name: normalised } });
    this.cellIds.set(folded, id);
    return id;
  }

  /** The import's own audit row, after every record's. */
  finish(files: readonly ImportedFile[], counts: ImportCounts): void {
    this.audit({ action: 'import.commit', entity: 'import', after: { files, counts } });
    this.flushAudit();
  }

  private audit(entry: AuditEntry): void {
    this.entries.push(entry);
    if (this.entries.length >= auditBatch) this.flushAudit();
  }

  private flushAudit(): void {
    appendAuditEntries({ db: this.db, sqlite: this.registry.sqlite }, this.registry.actor, this.entries);
    this.entries = [];
  }
}
