import { desc, eq } from 'drizzle-orm';
import type { z } from 'zod';
import { reportingRounds } from '@db/schema';
import type { RoundInput, RoundRow } from '@shared/contract/exchange';
import { DomainError } from '@shared/errors';
import { newId } from '@shared/ids';
import { normaliseText } from '@shared/text/fold';
import { withoutMarks } from '@shared/text/fileName';
import { appendAudit } from '../../storage/audit';
import { sealPackage } from '../../formats/reportFiles';
import type { Registry } from '../../storage/registry/registry';
import { appVersion } from '../../storage/version';
import { currentIdentity } from '../../storage/registry/ownIdentity';

type RoundRecord = typeof reportingRounds.$inferSelect;

function roundRow(record: RoundRecord): RoundRow {
  return {
    id: record.id,
    ref: record.ref,
    title: record.title,
    refDate: record.refDate,
    issuerCode: record.issuerCode,
    issuerName: record.issuerName,
    periodFrom: record.periodFrom,
    periodTo: record.periodTo,
    deadline: record.deadline,
    detailsRequested: record.detailsRequested,
    isOwn: record.isOwn,
  };
}

export function listRounds(registry: Registry): RoundRow[] {
  return registry.db.select().from(reportingRounds).orderBy(desc(reportingRounds.periodTo)).all().map(roundRow);
}

/** A reporting round this level asks of its subordinate units: the reference of its letter, the period, the deadline. */
export function saveRound(registry: Registry, input: z.output<typeof RoundInput>): RoundRow {
  const unit = registry.ownUnit();
  const values = {
    ref: normaliseText(input.ref),
    title: normaliseText(input.title),
    refDate: input.refDate ?? null,
    issuerCode: unit.code,
    issuerName: unit.name,
    periodFrom: input.periodFrom,
    periodTo: input.periodTo,
    deadline: input.deadline,
    detailsRequested: input.detailsRequested,
    isOwn: true,
  };
  const id = registry.write((db) => {
    const now = new Date().toISOString();
    if (input.id) {
      const before = db.select().from(reportingRounds).where(eq(reportingRounds.id, input.id)).get();
      if (!before || !before.isOwn) throw new DomainError('NOT_FOUND');
      db.update(reportingRounds)
        .set({ ...values, updatedAt: now })
        .where(eq(reportingRounds.id, input.id))
        .run();
      appendAudit(db, registry.actor, {
        action: 'round.update',
        entity: 'reporting_round',
        entityId: input.id,
        before,
        after: values,
      });
      return input.id;
    }
    const id = newId();
    db.insert(reportingRounds)
      .values({ id, ...values, createdAt: now, updatedAt: now })
      .run();
    appendAudit(db, registry.actor, { action: 'round.create', entity: 'reporting_round', entityId: id, after: values });
    return id;
  });
  return roundRow(registry.db.select().from(reportingRounds).where(eq(reportingRounds.id, id)).get()!);
}

/** The signed request file the subordinate units import to pre-fill their report for this round. */
export function exportRoundRequest(registry: Registry, id: string): { fileName: string; content: Uint8Array } {
  const round = registry.db.select().from(reportingRounds).where(eq(reportingRounds.id, id)).get();
  if (!round || !round.isOwn || !round.deadline) throw new DomainError('NOT_FOUND');
  const unit = registry.ownUnit();
  const issuingUnit = { code: unit.code, name: unit.name, level: unit.level };
  const period = { from: round.periodFrom, to: round.periodTo };
  const request = {
    round: round.ref,
    title: round.title ?? round.ref,
    period,
    deadline: round.deadline,
    detailsRequested: round.detailsRequested,
    issuingUnit,
  };
  const content = sealPackage({
    kind: 'request',
    unit: issuingUnit,
    period,
    round: round.ref,
    appVersion,
    parts: { 'request.json': new TextEncoder().encode(JSON.stringify(request)) },
    identity: currentIdentity(registry).identity,
  });
  registry.write((db) =>
    appendAudit(db, registry.actor, { action: 'round.export_request', entity: 'reporting_round', entityId: id }),
  );
  const safeRef = withoutMarks(round.ref).replace(/[^A-Za-z0-9.-]+/g, '-');
  return { fileName: `YeuCau_${unit.code}_${safeRef}_${round.periodFrom}_${round.periodTo}.so86`, content };
}
