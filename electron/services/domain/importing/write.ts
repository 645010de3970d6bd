import { members, tripCountries, trips } from '../../../../db/schema';
import { appendAuditEntries, type AuditEntry } from '../../storage/audit';
import { nowIso } from '../records/common';
import { auditableMember, cellIdFor, memberValues } from '../records/members';
import type { Registry } from '../../storage/registry/registry';
import type { ImportPlan, Progress } from './plan';
import { preparedInsert, preparedUpdate } from '../../storage/statements';

export interface ImportedFile {
  kind: string;
  fileName: string;
  sha256: string;
  rows: number;
}

const progressEvery = 500;

type MemberValues = ReturnType<typeof memberValues>;
const memberValueKeys = Object.keys(memberValues({ code: '', fullName: '', cellName: '', holdsLeadershipPost: false, underDisciplinaryReview: false, status: 'active' }, '')) as (keyof MemberValues)[];

/**
 * Writes a plan that has no problems, in one transaction: new cells, members added or
 * updated, trips with their countries, an audit row for each record and one for the import.
 */
export function writePlan(registry: Registry, plan: ImportPlan, files: readonly ImportedFile[], onProgress?: Progress): void {
  const unitId = registry.ownUnit().id;
  const sqlite = registry.sqlite;
  const total = plan.members.length + plan.trips.length;
  let done = 0;
  const tick = () => {
    done += 1;
    if (onProgress && (done % progressEvery === 0 || done === total)) onProgress(done, total);
  };
  registry.write((db) => {
    const cellIds = new Map<string, string>();
    for (const member of plan.members) {
      if (member.action !== 'unchanged' && !cellIds.has(member.cellFolded)) cellIds.set(member.cellFolded, cellIdFor(db, unitId, member.input.cellName, registry.actor));
    }
    const now = nowIso();
    const entries: AuditEntry[] = [];
    const insertMember = preparedInsert(sqlite, members, ['id', 'unitId', ...memberValueKeys, 'createdAt', 'updatedAt']);
    const updateMember = preparedUpdate(sqlite, members, [...memberValueKeys, 'updatedAt']);
    for (const member of plan.members) {
      tick();
      if (member.action === 'unchanged') continue;
      const values = memberValues(member.input, cellIds.get(member.cellFolded)!);
      if (member.existing) {
        updateMember(member.id, { ...values, updatedAt: now });
        entries.push({ action: 'member.update', entity: 'member', entityId: member.id, before: auditableMember(member.existing), after: auditableMember({ ...member.existing, ...values }) });
      } else {
        insertMember({ id: member.id, unitId, ...values, createdAt: now, updatedAt: now });
        entries.push({ action: 'member.create', entity: 'member', entityId: member.id, after: auditableMember(values) });
      }
    }
    if (plan.trips.length > 0) {
      const tripKeys = Object.keys(plan.trips[0]!.record) as (keyof (typeof plan.trips)[number]['record'])[];
      const insertTrip = preparedInsert(sqlite, trips, [...tripKeys, 'createdAt', 'updatedAt']);
      const insertCountry = preparedInsert(sqlite, tripCountries, ['tripId', 'country', 'position']);
      for (const trip of plan.trips) {
        tick();
        insertTrip({ ...trip.record, createdAt: now, updatedAt: now });
        trip.countries.forEach((country, position) => insertCountry({ tripId: trip.record.id, country, position }));
        const { id, ...after } = trip.record;
        entries.push({ action: 'trip.create', entity: 'trip', entityId: id, after: { ...after, countries: trip.countries } });
      }
    }
    entries.push({ action: 'import.commit', entity: 'import', after: { files, counts: plan.counts } });
    appendAuditEntries({ db, sqlite }, registry.actor, entries);
  });
}
