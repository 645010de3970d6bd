import { eq } from 'drizzle-orm';
import { members, travelDocuments, trips } from '@db/schema';
import type { TravelDocumentRow } from '@shared/contract/registry';
import type { TravelDocumentKind } from '@shared/domain/enums';
import { DomainError } from '@shared/errors';
import { newId } from '@shared/ids';
import { isBefore } from '@shared/rules/dates';
import { normaliseText } from '@shared/text/fold';
import { appendAudit } from '../../storage/audit';
import type { Registry } from '../../storage/registry/registry';
import { blankToNull, invalid, nowIso } from './common';
import { travelDocumentRow } from './members';

export interface TravelDocumentInput {
  id?: string | undefined;
  memberId: string;
  kind: TravelDocumentKind;
  number: string;
  issuedOn?: string | null | undefined;
  expiresOn?: string | null | undefined;
  issuer?: string | null | undefined;
  notes?: string | null | undefined;
}

export function saveTravelDocument(registry: Registry, input: TravelDocumentInput): TravelDocumentRow {
  if (input.issuedOn && input.expiresOn && isBefore(input.expiresOn, input.issuedOn))
    throw invalid([{ path: ['expiresOn'], key: 'travelDocument.expiresBeforeIssued' }]);
  if (!registry.db.select({ id: members.id }).from(members).where(eq(members.id, input.memberId)).get())
    throw new DomainError('NOT_FOUND');
  const values = {
    memberId: input.memberId,
    kind: input.kind,
    number: normaliseText(input.number).toUpperCase(),
    issuedOn: input.issuedOn ?? null,
    expiresOn: input.expiresOn ?? null,
    issuer: blankToNull(input.issuer),
    notes: blankToNull(input.notes),
  };
  const id = registry.write((db) => {
    const now = nowIso();
    if (input.id) {
      const before = db.select().from(travelDocuments).where(eq(travelDocuments.id, input.id)).get();
      if (!before || before.memberId !== input.memberId) throw new DomainError('NOT_FOUND');
      db.update(travelDocuments)
        .set({ ...values, updatedAt: now })
        .where(eq(travelDocuments.id, input.id))
        .run();
      appendAudit(db, registry.actor, {
        action: 'travel_document.update',
        entity: 'member',
        entityId: input.memberId,
        before,
        after: values,
      });
      return input.id;
    }
    const id = newId();
    db.insert(travelDocuments)
      .values({ id, ...values, createdAt: now, updatedAt: now })
      .run();
    appendAudit(db, registry.actor, {
      action: 'travel_document.create',
      entity: 'member',
      entityId: input.memberId,
      after: values,
    });
    return id;
  });
  return travelDocumentRow(registry.db.select().from(travelDocuments).where(eq(travelDocuments.id, id)).get()!);
}

/** Trips made with the document keep its kind; only their link to the deleted record goes. */
export function deleteTravelDocument(registry: Registry, id: string): void {
  registry.write((db) => {
    const before = db.select().from(travelDocuments).where(eq(travelDocuments.id, id)).get();
    if (!before) throw new DomainError('NOT_FOUND');
    db.update(trips).set({ travelDocumentId: null }).where(eq(trips.travelDocumentId, id)).run();
    db.delete(travelDocuments).where(eq(travelDocuments.id, id)).run();
    appendAudit(db, registry.actor, { action: 'travel_document.delete', entity: 'member', entityId: before.memberId, before });
  });
}
