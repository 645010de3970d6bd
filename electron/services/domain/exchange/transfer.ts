import { and, desc, eq, isNull } from 'drizzle-orm';
import { cells, importedPackages, members, reportingRounds, reports, tripCountries, trips } from '@db/schema';
import {
  PackageDetails,
  type ImportOutcome,
  type PackageStanding,
  type PackageSummary,
  type PackageTripRecord,
} from '@shared/contract/exchange';
import { DomainError, type ErrorCode } from '@shared/errors';
import type { MessageParams } from '@shared/i18n';
import { newId } from '@shared/ids';
import { tripDurationBracket } from '@shared/rules/brackets';
import { appendAudit } from '../../storage/audit';
import {
  inspectPackage,
  packageFileName,
  sealPackage,
  verifyPackage,
  type KeyCard,
  type PartName,
  type VerifiedPackage,
} from '../../formats/reportFiles';
import type { Registry } from '../../storage/registry/registry';
import { ruleContext } from '../records/common';
import { flagsOf } from '../records/trips';
import { renderDraft, reportDraft } from '../reports/drafts';
import { appVersion } from '../../storage/version';
import { auditForExport, checkAuditAnchors, keepAuditAnchors } from './anchors';
import { currentPackage } from './combined';
import { allIdentities, currentIdentity, type OwnIdentity } from '../../storage/registry/ownIdentity';
import { parentCard, requireTrustedRecipient, signerLookup } from './trust';

type Verified = VerifiedPackage<PackageTripRecord[]>;

function summaryOf(verified: Verified): PackageSummary {
  const { manifest } = verified;
  return {
    packageId: manifest.packageId,
    kind: manifest.kind,
    unit: manifest.unit,
    signerFingerprint: verified.signerFingerprint,
    signerTrusted: verified.signerTrusted,
    period: manifest.period,
    round: manifest.round,
    createdAt: manifest.createdAt,
    encrypted: verified.encrypted,
    report: verified.report,
    detailsCount: verified.details ? verified.details.length : null,
  };
}

/** The trips the upper level reviews when its request asks for records: no attachments, no national IDs. */
export function tripRecordsForReview(registry: Registry): PackageTripRecord[] {
  const context = ruleContext(registry.db);
  const countries = new Map<string, string[]>();
  for (const row of registry.db.select().from(tripCountries).orderBy(tripCountries.position).all())
    countries.set(row.tripId, [...(countries.get(row.tripId) ?? []), row.country]);
  return registry.db
    .select({ trip: trips, member: members, cellName: cells.name })
    .from(trips)
    .innerJoin(members, eq(members.id, trips.memberId))
    .innerJoin(cells, eq(cells.id, members.cellId))
    .all()
    .map(({ trip, member, cellName }) => ({
      memberCode: member.code,
      memberName: member.fullName,
      cellName,
      holdsLeadershipPost: member.holdsLeadershipPost,
      purpose: trip.purpose,
      countries: countries.get(trip.id) ?? [],
      state: trip.state,
      selfFunded: trip.selfFunded,
      specialMission: trip.specialMission,
      invitedByName: trip.invitedByName,
      approvalRef: trip.approvalRef,
      approvalDate: trip.approvalDate,
      plannedDeparture: trip.plannedDeparture,
      plannedReturn: trip.plannedReturn,
      actualDeparture: trip.actualDeparture,
      actualReturn: trip.actualReturn,
      extendedReturn: trip.extendedReturn,
      bracket: tripDurationBracket(trip),
      overstay: trip.overstay,
      returnReportDate: trip.returnReportDate,
      flags: flagsOf(trip, context),
    }));
}

/**
 * Writes this unit's signed report file for the period: the report data, the documents,
 * and the trip records when the round asks for them; encrypted to the upper level's card
 * when one is trusted. Each export of the same period gets the next version number.
 */
export async function exportReportPackage(
  registry: Registry,
  input: {
    period: { from: string; to: string };
    roundId?: string | null;
    recipient: 'parent' | KeyCard | null;
    includeDocuments: boolean;
  },
  onProgress: (done: number, total: number) => void = () => undefined,
): Promise<{ fileName: string; content: Uint8Array; packageId: string; version: number }> {
  const documentFormats = input.includeDocuments ? (['docx', 'xlsx', 'pdf'] as const) : [];
  const steps = documentFormats.length + 2;
  onProgress(0, steps);
  const draft = reportDraft(registry, input.period, input.roundId);
  const round = draft.roundId
    ? registry.db.select().from(reportingRounds).where(eq(reportingRounds.id, draft.roundId)).get()
    : undefined;
  const recipient = input.recipient === 'parent' ? parentCard(registry) : input.recipient;
  if (input.recipient === 'parent' && !recipient) throw new DomainError('EXCHANGE_NO_PARENT_CARD');
  if (recipient && input.recipient !== 'parent') requireTrustedRecipient(registry, recipient);
  // Members' names and trips travel only sealed to a unit this office has vouched for.
  if (round?.detailsRequested && !recipient) throw new DomainError('EXCHANGE_DETAILS_NEED_ENCRYPTION', { round: round.ref });
  const parts: Partial<Record<PartName, Uint8Array>> = { 'report.json': new TextEncoder().encode(JSON.stringify(draft.data)) };
  if (round?.detailsRequested) parts['details.json'] = new TextEncoder().encode(JSON.stringify(tripRecordsForReview(registry)));
  onProgress(1, steps);
  const documentParts = {
    docx: 'documents/report.docx',
    xlsx: 'documents/appendices.xlsx',
    pdf: 'documents/report.pdf',
  } as const;
  for (const [index, format] of documentFormats.entries()) {
    parts[documentParts[format]] = await renderDraft(draft, format);
    onProgress(2 + index, steps);
  }
  const own = currentIdentity(registry);
  const unit = registry.ownUnit();
  const packageId = newId();
  const audit = auditForExport(registry);
  const content = sealPackage({
    kind: 'report',
    unit: { code: unit.code, name: unit.name, level: unit.level },
    period: input.period,
    round: round?.ref ?? null,
    appVersion,
    parts,
    identity: own.identity,
    recipientCard: recipient,
    packageId,
    detailsSchema: PackageDetails,
    audit,
  });
  // The last point where a cancelled export stops: nothing is recorded yet.
  onProgress(steps, steps);
  const version = registry.write((db) => {
    const saved = db
      .select()
      .from(reports)
      .where(and(eq(reports.periodFrom, input.period.from), eq(reports.periodTo, input.period.to)))
      .get();
    const next = (saved?.version ?? 0) + 1;
    const now = new Date().toISOString();
    if (saved) db.update(reports).set({ version: next, exportedAt: now, updatedAt: now }).where(eq(reports.id, saved.id)).run();
    else
      db.insert(reports)
        .values({
          id: newId(),
          periodFrom: input.period.from,
          periodTo: input.period.to,
          roundId: draft.roundId,
          meta: draft.meta as unknown as Record<string, unknown>,
          narrative: {},
          version: next,
          exportedAt: now,
          createdAt: now,
          updatedAt: now,
        })
        .run();
    appendAudit(db, registry.actor, {
      action: 'package.export',
      entity: 'report',
      entityId: packageId,
      after: {
        period: input.period,
        version: next,
        encrypted: recipient !== null,
        round: round?.ref ?? null,
        auditRows: audit.head.rows,
      },
    });
    return next;
  });
  await registry.sealAuditAnchor();
  return { fileName: packageFileName({ unitCode: unit.code, period: input.period, version }), content, packageId, version };
}

/**
 * Verifies a package against this registry's trust store, opening it with this office's
 * key (current or retired) when it is encrypted to this office, and checks a report against
 * the audit anchors its unit sent before.
 */
export function verifyWithRegistry(
  registry: Registry,
  bytes: Uint8Array,
  identities: OwnIdentity[] = allIdentities(registry),
): Verified {
  const verified = verifyWithOwnKeys(registry, bytes, identities);
  if (verified.manifest.kind !== 'report') return verified;
  // Sổ 86 makes a file with members' names only encrypted: one without was made some other way.
  if (verified.details && !verified.encrypted)
    throw new DomainError('EXCHANGE_DETAILS_UNENCRYPTED', {
      unit: verified.manifest.unit.name,
      code: verified.manifest.unit.code,
    });
  checkAuditAnchors(registry.db, verified.manifest);
  return verified;
}

function verifyWithOwnKeys(registry: Registry, bytes: Uint8Array, identities: OwnIdentity[]): Verified {
  const lookupSigner = signerLookup(registry.db);
  if (identities.length === 0) {
    // Without the office keys (a clerk or viewer) only an unencrypted file can be read.
    try {
      return verifyPackage(bytes, { lookupSigner, detailsSchema: PackageDetails });
    } catch (error) {
      if (error instanceof DomainError && error.code === 'PKG_RECIPIENT_KEY_REQUIRED') registry.officeKeys();
      throw error;
    }
  }
  let lastError: unknown = null;
  for (const own of identities) {
    try {
      return verifyPackage(bytes, {
        lookupSigner,
        receiver: { fingerprint: own.card.fingerprint, encryptionPrivateKey: own.identity.encryptionPrivateKey },
        detailsSchema: PackageDetails,
      });
    } catch (error) {
      lastError = error;
      if (!(error instanceof DomainError && error.code === 'PKG_WRONG_RECIPIENT')) throw error;
    }
  }
  throw lastError ?? new DomainError('PKG_WRONG_RECIPIENT');
}

/** `so86 package verify FILE` without a registry: intact and self-consistent, signer named but not vouched for. */
export function inspectWithoutRegistry(bytes: Uint8Array): PackageSummary {
  return summaryOf(inspectPackage(bytes, { detailsSchema: PackageDetails }));
}

export function verifyPackageSummary(registry: Registry, bytes: Uint8Array): PackageSummary {
  return summaryOf(verifyWithRegistry(registry, bytes));
}

/**
 * Verifies, then stores. The same file twice changes nothing; a newer package from the same
 * unit for the same period supersedes the older, which stays in the history. A request file
 * from the upper level becomes a reporting round here.
 */
export function importPackageFile(registry: Registry, bytes: Uint8Array, identities?: OwnIdentity[]): ImportOutcome {
  const verified = verifyWithRegistry(registry, bytes, identities);
  const summary = summaryOf(verified);
  if (verified.manifest.kind === 'request') return { outcome: importRequest(registry, verified), summary };

  const own = registry.ownUnit();
  if (verified.manifest.unit.code === own.code) throw new DomainError('EXCHANGE_OWN_PACKAGE');
  if (
    registry.db
      .select({ id: importedPackages.id })
      .from(importedPackages)
      .where(eq(importedPackages.fileSha256, verified.fileSha256))
      .get()
  ) {
    return { outcome: 'already_imported', summary };
  }
  const { manifest } = verified;
  const current = registry.db
    .select()
    .from(importedPackages)
    .where(
      and(
        eq(importedPackages.kind, 'report'),
        eq(importedPackages.unitCode, manifest.unit.code),
        eq(importedPackages.periodFrom, manifest.period.from),
        eq(importedPackages.periodTo, manifest.period.to),
        isNull(importedPackages.supersededBy),
      ),
    )
    .orderBy(desc(importedPackages.createdAt))
    .get();
  const newer = !current || manifest.createdAt > current.createdAt;
  registry.write((db) => {
    db.insert(importedPackages)
      .values({
        id: manifest.packageId,
        kind: 'report',
        unitCode: manifest.unit.code,
        signerFingerprint: verified.signerFingerprint,
        periodFrom: manifest.period.from,
        periodTo: manifest.period.to,
        roundRef: manifest.round,
        createdAt: manifest.createdAt,
        importedAt: new Date().toISOString(),
        importedBy: registry.user.id,
        formatVersion: manifest.formatVersion,
        appVersion: manifest.appVersion,
        fileSha256: verified.fileSha256,
        manifest: new TextDecoder().decode(verified.manifestBytes),
        report: JSON.stringify(verified.report),
        details: verified.details ? JSON.stringify(verified.details) : null,
        file: Buffer.from(bytes),
        supersededBy: newer ? null : (current?.id ?? null),
      })
      .run();
    if (newer && current)
      db.update(importedPackages).set({ supersededBy: manifest.packageId }).where(eq(importedPackages.id, current.id)).run();
    keepAuditAnchors(db, manifest, new Date().toISOString());
    appendAudit(db, registry.actor, {
      action: 'package.import',
      entity: 'imported_package',
      entityId: manifest.packageId,
      after: {
        unit: manifest.unit.code,
        period: manifest.period,
        createdAt: manifest.createdAt,
        supersedes: newer ? (current?.id ?? null) : null,
      },
    });
  });
  return { outcome: !current ? 'imported' : newer ? 'superseded_older' : 'older_than_current', summary };
}

export interface PackageFile {
  fileName: string;
  bytes: Uint8Array;
}

export type PackageFileResult = { fileName: string } & (
  { ok: true; outcome: ImportOutcome['outcome']; summary: PackageSummary } | { ok: false; code: ErrorCode; params: MessageParams }
);

/**
 * Verifies and stores many report files at once (a province's communes, brought on one USB
 * stick) in one transaction. Each file is judged on its own: a refused file is listed with its
 * reason and the others are kept. An error thrown by `onProgress` (a cancelled job) keeps none.
 */
export function importPackageFiles(
  registry: Registry,
  files: readonly PackageFile[],
  onProgress?: (done: number, total: number) => void,
): PackageFileResult[] {
  const identities = allIdentities(registry);
  return registry.write(() =>
    files.map((file, index) => {
      onProgress?.(index, files.length);
      let result: PackageFileResult;
      try {
        result = { fileName: file.fileName, ok: true, ...importPackageFile(registry, file.bytes, identities) };
      } catch (error) {
        if (!(error instanceof DomainError)) throw error;
        result = { fileName: file.fileName, ok: false, code: error.code, params: error.params };
      }
      if (index === files.length - 1) onProgress?.(files.length, files.length);
      return result;
    }),
  );
}

/** A reporting round is set only by this unit's own upper level: a request signed by any other unit, a child commune included, is refused. */
function importRequest(registry: Registry, verified: Verified): ImportOutcome['outcome'] {
  const request = verified.request!;
  const { unit } = verified.manifest;
  if (unit.code !== registry.ownUnit().parentCode)
    throw new DomainError('EXCHANGE_REQUEST_NOT_FROM_PARENT', { unit: unit.name, code: unit.code });
  if (
    registry.db
      .select({ id: reportingRounds.id })
      .from(reportingRounds)
      .where(eq(reportingRounds.requestPackageId, verified.manifest.packageId))
      .get()
  )
    return 'round_known';
  const now = new Date().toISOString();
  registry.write((db) => {
    const id = newId();
    db.insert(reportingRounds)
      .values({
        id,
        ref: request.round,
        title: request.title,
        refDate: verified.manifest.createdAt.slice(0, 10),
        issuerCode: request.issuingUnit.code,
        issuerName: request.issuingUnit.name,
        periodFrom: request.period.from,
        periodTo: request.period.to,
        deadline: request.deadline,
        detailsRequested: request.detailsRequested,
        isOwn: false,
        requestPackageId: verified.manifest.packageId,
        createdAt: now,
        updatedAt: now,
      })
      .run();
    appendAudit(db, registry.actor, { action: 'round.receive', entity: 'reporting_round', entityId: id, after: request });
  });
  return 'round_created';
}

function storedPackage(registry: Registry, packageId: string) {
  const record = registry.db.select().from(importedPackages).where(eq(importedPackages.id, packageId)).get();
  if (!record) throw new DomainError('NOT_FOUND');
  return record;
}

/** A unit's report as received, re-verified from the stored file so drill-down shows exactly what was signed. */
export function storedPackageSummary(registry: Registry, packageId: string): PackageSummary {
  return verifyPackageSummary(registry, new Uint8Array(storedPackage(registry, packageId).file));
}

export function storedPackageDetails(registry: Registry, packageId: string): PackageTripRecord[] {
  const record = storedPackage(registry, packageId);
  return record.details ? PackageDetails.parse(JSON.parse(record.details)) : [];
}

/**
 * Every report file received, newest import first, each with its standing: the one counted in
 * the combined report, one superseded by a newer file, or one no longer counted because its
 * signer's key was revoked here.
 */
export function packageHistory(
  registry: Registry,
  filter: { unitCode?: string | undefined; period?: { from: string; to: string } | undefined },
) {
  const signerNow = signerLookup(registry.db);
  const counted = new Map<string, string | null>();
  const countedFor = (unitCode: string, period: { from: string; to: string }) => {
    const key = `${unitCode}\n${period.from}\n${period.to}`;
    if (!counted.has(key)) counted.set(key, currentPackage(registry, unitCode, period)?.id ?? null);
    return counted.get(key);
  };
  return registry.db
    .select()
    .from(importedPackages)
    .where(
      and(
        filter.unitCode ? eq(importedPackages.unitCode, filter.unitCode) : undefined,
        filter.period
          ? and(eq(importedPackages.periodFrom, filter.period.from), eq(importedPackages.periodTo, filter.period.to))
          : undefined,
      ),
    )
    .orderBy(desc(importedPackages.importedAt))
    .all()
    .map((record) => {
      const manifest = JSON.parse(record.manifest) as { unit: PackageSummary['unit']; encryption: unknown };
      const signer = signerNow(record.signerFingerprint);
      const period = { from: record.periodFrom, to: record.periodTo };
      const standing: PackageStanding =
        signer?.revoked === true
          ? 'signer_revoked'
          : record.kind === 'report' && countedFor(record.unitCode, period) === record.id
            ? 'current'
            : 'superseded';
      return {
        packageId: record.id,
        kind: record.kind,
        unit: manifest.unit,
        signerFingerprint: record.signerFingerprint,
        // Trusted when it was imported; a card revoked since then no longer vouches for it.
        signerTrusted: signer !== null && !signer.revoked,
        period,
        round: record.roundRef,
        createdAt: record.createdAt,
        encrypted: manifest.encryption !== null,
        detailsCount: record.details ? (JSON.parse(record.details) as unknown[]).length : null,
        importedAt: record.importedAt,
        supersededBy: record.supersededBy,
        standing,
      };
    });
}
