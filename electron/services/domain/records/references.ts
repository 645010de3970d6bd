import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import { enterpriseOrganisations, issuedDocuments, legalBases } from '@db/schema';
import type {
  EnterpriseInput,
  IssuedDocumentInput,
  IssuedDocumentRow,
  LegalBasisInput,
  LegalBasisRow,
} from '@shared/contract/registry';
import { DomainError } from '@shared/errors';
import { newId } from '@shared/ids';
import { isAfter, isBefore } from '@shared/rules/dates';
import { normaliseText } from '@shared/text/fold';
import { appendAudit } from '../../storage/audit';
import type { Registry } from '../../storage/registry/registry';
import { blankToNull, invalid, nowIso } from './common';

/* The committee's own documents (appendix 01), the governing texts and the enterprise party organisations abroad (appendix 03). */

function issuedRow(record: typeof issuedDocuments.$inferSelect): IssuedDocumentRow {
  return {
    id: record.id,
    issuer: record.issuer,
    kind: record.kind,
    kindLabel: record.kindLabel,
    ref: record.ref,
    date: record.date,
    title: record.title,
    notes: record.notes,
  };
}

export function listIssuedDocuments(
  registry: Registry,
  range: { from?: string | undefined; to?: string | undefined },
): IssuedDocumentRow[] {
  return registry.db
    .select()
    .from(issuedDocuments)
    .orderBy(issuedDocuments.date)
    .all()
    .filter((record) => (!range.from || !isBefore(record.date, range.from)) && (!range.to || !isAfter(record.date, range.to)))
    .map(issuedRow);
}

export function saveIssuedDocument(registry: Registry, input: z.output<typeof IssuedDocumentInput>): IssuedDocumentRow {
  const values = {
    unitId: registry.ownUnit().id,
    issuer: normaliseText(input.issuer),
    kind: input.kind,
    kindLabel: blankToNull(input.kindLabel),
    ref: normaliseText(input.ref),
    date: input.date,
    title: normaliseText(input.title),
    notes: blankToNull(input.notes),
  };
  const id = saveRecord(registry, issuedDocuments, 'issued_document', input.id, values);
  return issuedRow(registry.db.select().from(issuedDocuments).where(eq(issuedDocuments.id, id)).get()!);
}

export function deleteIssuedDocument(registry: Registry, id: string): void {
  deleteRecord(registry, issuedDocuments, 'issued_document', id);
}

export function listLegalBases(registry: Registry): LegalBasisRow[] {
  const records = registry.db.select().from(legalBases).all();
  const refById = new Map(records.map((record) => [record.id, record.ref]));
  return records
    .map((record) => ({
      id: record.id,
      ref: record.ref,
      date: record.date,
      issuer: record.issuer,
      title: record.title,
      replacedById: record.replacedBy,
      replacedByRef: record.replacedBy ? (refById.get(record.replacedBy) ?? null) : null,
      notes: record.notes,
    }))
    .sort((a, b) => (b.date ?? '').localeCompare(a.date ?? ''));
}

export function saveLegalBasis(registry: Registry, input: z.output<typeof LegalBasisInput>): LegalBasisRow {
  const ref = normaliseText(input.ref);
  const holder = registry.db.select({ id: legalBases.id }).from(legalBases).where(eq(legalBases.ref, ref)).get();
  const issues = [];
  if (holder && holder.id !== input.id) issues.push({ path: ['ref'], key: 'legalBasis.ref.duplicate', params: { ref } });
  if (input.replacedById && input.replacedById === input.id)
    issues.push({ path: ['replacedById'], key: 'legalBasis.replacedBySelf' });
  if (issues.length > 0) throw invalid(issues);
  const values = {
    ref,
    date: input.date ?? null,
    issuer: normaliseText(input.issuer),
    title: normaliseText(input.title),
    replacedBy: input.replacedById ?? null,
    notes: blankToNull(input.notes),
  };
  const id = saveRecord(registry, legalBases, 'legal_basis', input.id, values);
  return listLegalBases(registry).find((row) => row.id === id)!;
}

export function listEnterprises(registry: Registry) {
  return registry.db
    .select()
    .from(enterpriseOrganisations)
    .orderBy(enterpriseOrganisations.year)
    .all()
    .map(({ createdAt: _c, updatedAt: _u, ...row }) => row);
}

export function saveEnterprise(registry: Registry, input: z.output<typeof EnterpriseInput>) {
  const values = {
    name: normaliseText(input.name),
    year: input.year,
    committees: input.committees,
    cells: input.cells,
    members: input.members,
    notes: blankToNull(input.notes),
  };
  const id = saveRecord(registry, enterpriseOrganisations, 'enterprise_organisation', input.id, values);
  return listEnterprises(registry).find((row) => row.id === id)!;
}

export function deleteEnterprise(registry: Registry, id: string): void {
  deleteRecord(registry, enterpriseOrganisations, 'enterprise_organisation', id);
}

type SimpleTable = typeof issuedDocuments | typeof legalBases | typeof enterpriseOrganisations;

/** Insert or update one row of a reference table, with its audit row, in one transaction. */
function saveRecord(
  registry: Registry,
  table: SimpleTable,
  entity: string,
  id: string | undefined,
  values: Record<string, unknown>,
): string {
  return registry.write((db) => {
    const now = nowIso();
    if (id) {
      const before = db.select().from(table).where(eq(table.id, id)).get();
      if (!before) throw new DomainError('NOT_FOUND');
      db.update(table)
        .set({ ...values, updatedAt: now })
        .where(eq(table.id, id))
        .run();
      appendAudit(db, registry.actor, { action: `${entity}.update`, entity, entityId: id, before, after: values });
      return id;
    }
    const newRecordId = newId();
    db.insert(table)
      .values({ id: newRecordId, ...values, createdAt: now, updatedAt: now } as never)
      .run();
    appendAudit(db, registry.actor, { action: `${entity}.create`, entity, entityId: newRecordId, after: values });
    return newRecordId;
  });
}

function deleteRecord(registry: Registry, table: SimpleTable, entity: string, id: string): void {
  registry.write((db) => {
    const before = db.select().from(table).where(eq(table.id, id)).get();
    if (!before) throw new DomainError('NOT_FOUND');
    db.delete(table).where(eq(table.id, id)).run();
    appendAudit(db, registry.actor, { action: `${entity}.delete`, entity, entityId: id, before });
  });
}
