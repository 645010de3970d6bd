import { eq } from 'drizzle-orm';
import { partyActivityEvents, trips } from '@db/schema';
import type { ActivityEventInput, ActivityEventRow } from '@shared/contract/registry';
import { DomainError, type FieldIssue } from '@shared/errors';
import { newId } from '@shared/ids';
import { formatCivilDate, isBefore } from '@shared/rules/dates';
import type { MemberEventFacts } from '@shared/rules/types';
import type { z } from 'zod';
import { appendAudit } from '../../storage/audit';
import type { Registry } from '../../storage/registry/registry';
import { blankToNull, invalid, nowIso } from './common';

type EventRecord = typeof partyActivityEvents.$inferSelect;
type ParsedEvent = z.output<typeof ActivityEventInput>;

export function activityEventRow(record: EventRecord): ActivityEventRow {
  return {
    id: record.id,
    memberId: record.memberId,
    tripId: record.tripId,
    kind: record.kind,
    effectiveDate: record.effectiveDate,
    endDate: record.endDate,
    reason: record.reason,
    decidingBody: record.decidingBody,
    decisionRef: record.decisionRef,
    decisionDate: record.decisionDate,
    destination: record.destination,
    returned: record.returned,
    returnedDate: record.returnedDate,
    spouseCountry: record.spouseCountry,
    marriageOutcome: record.marriageOutcome,
    disciplineForm: record.disciplineForm,
    notes: record.notes,
  };
}

export function memberEventFacts(records: readonly EventRecord[]): MemberEventFacts[] {
  return records.map((record) => ({ kind: record.kind, date: record.effectiveDate, outcome: record.marriageOutcome }));
}

function eventIssues(registry: Registry, input: ParsedEvent): FieldIssue[] {
  const issues: FieldIssue[] = [];
  if (input.endDate && isBefore(input.endDate, input.effectiveDate)) {
    issues.push({
      path: ['endDate'],
      key: 'event.endBeforeStart',
      params: { endDate: formatCivilDate(input.endDate), effectiveDate: formatCivilDate(input.effectiveDate) },
    });
  }
  if (input.kind === 'exemption' && !input.endDate) issues.push({ path: ['endDate'], key: 'event.exemptionNeedsEnd' });
  if (input.tripId) {
    const trip = registry.db.select({ memberId: trips.memberId }).from(trips).where(eq(trips.id, input.tripId)).get();
    if (!trip || trip.memberId !== input.memberId) issues.push({ path: ['tripId'], key: 'event.trip.otherMember' });
  }
  return issues;
}

/** The columns an event is stored with. */
export function activityEventValues(input: ParsedEvent) {
  return {
    memberId: input.memberId,
    tripId: input.tripId ?? null,
    kind: input.kind,
    effectiveDate: input.effectiveDate,
    endDate: input.endDate ?? null,
    reason: blankToNull(input.reason),
    decidingBody: blankToNull(input.decidingBody),
    decisionRef: blankToNull(input.decisionRef),
    decisionDate: input.decisionDate ?? null,
    destination: blankToNull(input.destination),
    returned: input.returned ?? null,
    returnedDate: input.returnedDate ?? null,
    spouseCountry: input.spouseCountry ?? null,
    marriageOutcome: input.kind === 'foreign_marriage' ? (input.marriageOutcome ?? 'pending') : null,
    disciplineForm: blankToNull(input.disciplineForm),
    notes: blankToNull(input.notes),
  };
}

/** Records a transfer, exemption, return, labour-export move, foreign marriage, departure from the party or discipline. */
export function saveActivityEvent(registry: Registry, input: ParsedEvent): ActivityEventRow {
  const issues = eventIssues(registry, input);
  if (issues.length > 0) throw invalid(issues);
  const values = activityEventValues(input);
  const id = registry.write((db) => {
    const now = nowIso();
    if (input.id) {
      const before = db.select().from(partyActivityEvents).where(eq(partyActivityEvents.id, input.id)).get();
      if (!before) throw new DomainError('NOT_FOUND');
      db.update(partyActivityEvents)
        .set({ ...values, updatedAt: now })
        .where(eq(partyActivityEvents.id, input.id))
        .run();
      appendAudit(db, registry.actor, {
        action: 'activity_event.update',
        entity: 'party_activity_event',
        entityId: input.id,
        before,
        after: values,
      });
      return input.id;
    }
    const id = newId();
    db.insert(partyActivityEvents)
      .values({ id, ...values, createdAt: now, updatedAt: now })
      .run();
    appendAudit(db, registry.actor, {
      action: 'activity_event.create',
      entity: 'party_activity_event',
      entityId: id,
      after: values,
    });
    return id;
  });
  return activityEventRow(registry.db.select().from(partyActivityEvents).where(eq(partyActivityEvents.id, id)).get()!);
}

export function deleteActivityEvent(registry: Registry, id: string): void {
  registry.write((db) => {
    const before = db.select().from(partyActivityEvents).where(eq(partyActivityEvents.id, id)).get();
    if (!before) throw new DomainError('NOT_FOUND');
    db.delete(partyActivityEvents).where(eq(partyActivityEvents.id, id)).run();
    appendAudit(db, registry.actor, { action: 'activity_event.delete', entity: 'party_activity_event', entityId: id, before });
  });
}
