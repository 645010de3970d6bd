import { issuedDocuments, members, partyActivityEvents, travelDocuments, tripCountries, tripEvents, trips } from '@db/schema';
import { newId } from '@shared/ids';
import { appendAuditEntries, type AuditEntry } from '../../storage/audit';
import { activityEventValues } from '../../domain/records/activityEvents';
import { nowIso } from '../../domain/records/common';
import { auditableMember, cellIdFor, memberValues } from '../../domain/records/members';
import { eventReference } from '../../domain/records/trips';
import type { Registry } from '../../storage/registry/registry';
import { preparedInsert } from '../../storage/statements';
import type { TransitionCall } from '@shared/contract/registry';
import type { DemoUnit } from './generate';

export interface DemoCounts {
  cells: number;
  members: number;
  travelDocuments: number;
  trips: number;
  tripEvents: number;
  activityEvents: number;
  issuedDocuments: number;
}

function demoCounts(unit: DemoUnit): DemoCounts {
  return {
    cells: unit.cells.length,
    members: unit.members.length,
    travelDocuments: unit.travelDocuments.length,
    trips: unit.trips.length,
    tripEvents: unit.trips.reduce((sum, trip) => sum + trip.steps.length, 0),
    activityEvents: unit.events.length,
    issuedDocuments: unit.issuedDocuments.length,
  };
}

type MemberValues = ReturnType<typeof memberValues>;

/** A transition as recorded at nine in the morning, Vietnam time, of the day it took effect. */
function recordedAt(effectiveDate: string | null): string {
  return effectiveDate ? `${effectiveDate}T02:00:00.000Z` : nowIso();
}

/**
 * Writes a made-up unit into the registry in one transaction: the records as the forms would
 * have left them, each trip with the history of its transitions, and an audit row for every
 * record created plus one for the whole fill. Nothing is written if anything fails.
 */
export function writeDemoUnit(registry: Registry, unit: DemoUnit, details: Record<string, unknown> = {}): DemoCounts {
  const unitId = registry.ownUnit().id;
  const { sqlite, actor } = registry;
  const counts = demoCounts(unit);
  registry.write((db) => {
    const now = nowIso();
    const entries: AuditEntry[] = [];
    const cellIds = new Map(unit.cells.map((name) => [name, cellIdFor(db, unitId, name, actor)]));

    const memberIds = new Map<string, string>();
    const sample = unit.members[0];
    const memberKeys = sample ? (Object.keys(memberValues(sample.input, '')) as (keyof MemberValues)[]) : [];
    const insertMember = preparedInsert(sqlite, members, ['id', 'unitId', ...memberKeys, 'createdAt', 'updatedAt']);
    for (const member of unit.members) {
      const id = newId();
      const values = memberValues(member.input, cellIds.get(member.input.cellName)!);
      insertMember({ id, unitId, ...values, createdAt: now, updatedAt: now });
      memberIds.set(member.key, id);
      entries.push({ action: 'member.create', entity: 'member', entityId: id, after: auditableMember(values) });
    }

    const documentIds = new Map<string, string>();
    const insertDocument = preparedInsert(sqlite, travelDocuments, [
      'id',
      'memberId',
      'kind',
      'number',
      'issuedOn',
      'expiresOn',
      'issuer',
      'createdAt',
      'updatedAt',
    ]);
    for (const document of unit.travelDocuments) {
      const id = newId();
      const values = {
        memberId: memberIds.get(document.memberKey)!,
        kind: document.kind,
        number: document.number,
        issuedOn: document.issuedOn,
        expiresOn: document.expiresOn,
        issuer: document.issuer,
      };
      insertDocument({ id, ...values, createdAt: now, updatedAt: now });
      documentIds.set(document.key, id);
      entries.push({ action: 'travel_document.create', entity: 'member', entityId: values.memberId, after: values });
    }

    const tripIds = new Map<string, string>();
    const first = unit.trips[0];
    if (first) {
      const tripKeys = Object.keys(first.record) as (keyof typeof first.record)[];
      const insertTrip = preparedInsert(sqlite, trips, ['id', ...tripKeys, 'createdAt', 'updatedAt']);
      const insertCountry = preparedInsert(sqlite, tripCountries, ['tripId', 'country', 'position']);
      const insertEvent = preparedInsert(sqlite, tripEvents, [
        'id',
        'tripId',
        'transition',
        'fromState',
        'toState',
        'effectiveDate',
        'documentRef',
        'note',
        'values',
        'userId',
        'at',
      ]);
      for (const trip of unit.trips) {
        const id = newId();
        const record = {
          ...trip.record,
          memberId: memberIds.get(trip.memberKey)!,
          travelDocumentId: trip.travelDocumentKey ? documentIds.get(trip.travelDocumentKey)! : null,
        };
        insertTrip({ id, ...record, createdAt: recordedAt(record.applicationDate), updatedAt: now });
        trip.input.countries.forEach((country, position) => insertCountry({ tripId: id, country, position }));
        for (const step of trip.steps) {
          const reference = eventReference({ tripId: id, ...step.call } as TransitionCall);
          insertEvent({
            id: newId(),
            tripId: id,
            transition: step.call.transition,
            fromState: step.fromState,
            toState: step.toState,
            ...reference,
            values: step.changes,
            userId: registry.user.id,
            at: recordedAt(reference.effectiveDate),
          });
        }
        tripIds.set(trip.key, id);
        entries.push({
          action: 'trip.create',
          entity: 'trip',
          entityId: id,
          after: { ...record, countries: trip.input.countries },
        });
      }
    }

    const activityKeys = [
      'id',
      'memberId',
      'tripId',
      'kind',
      'effectiveDate',
      'endDate',
      'reason',
      'decidingBody',
      'decisionRef',
      'decisionDate',
      'destination',
      'returned',
      'returnedDate',
      'spouseCountry',
      'marriageOutcome',
      'disciplineForm',
      'notes',
      'createdAt',
      'updatedAt',
    ] as const;
    const insertActivity = preparedInsert(sqlite, partyActivityEvents, activityKeys);
    for (const event of unit.events) {
      const id = newId();
      const values = activityEventValues({
        ...event.input,
        memberId: memberIds.get(event.memberKey)!,
        tripId: event.tripKey ? tripIds.get(event.tripKey)! : null,
      });
      insertActivity({ id, ...values, createdAt: now, updatedAt: now });
      entries.push({ action: 'activity_event.create', entity: 'party_activity_event', entityId: id, after: values });
    }

    for (const document of unit.issuedDocuments) {
      const id = newId();
      const values = {
        unitId,
        issuer: document.issuer,
        kind: document.kind,
        kindLabel: document.kindLabel ?? null,
        ref: document.ref,
        date: document.date,
        title: document.title,
        notes: document.notes ?? null,
      };
      db.insert(issuedDocuments)
        .values({ id, ...values, createdAt: now, updatedAt: now })
        .run();
      entries.push({ action: 'issued_document.create', entity: 'issued_document', entityId: id, after: values });
    }

    entries.push({ action: 'demo.fill', entity: 'unit', entityId: unitId, after: { ...details, counts } });
    appendAuditEntries({ db, sqlite }, actor, entries);
  });
  return counts;
}
