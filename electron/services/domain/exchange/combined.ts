import { and, desc, eq, gte, isNotNull, lte, not, notExists, type SQL } from 'drizzle-orm';
import type { RegistryDb } from '@db/connection';
import { importedPackages, reportingRounds, trustedCards, units } from '@db/schema';
import type { Completeness } from '@shared/contract/exchange';
import { combineReports } from '@shared/report/combine';
import { ReportData, isIncludedStatus, type ReportUnitEntry } from '@shared/report/data';
import { civilDateInVietnam, isAfter } from '@shared/rules/dates';
import { newId } from '@shared/ids';
import { appendAudit } from '../../storage/audit';
import type { Registry } from '../../storage/registry/registry';
import { ownReport } from '../reports/gather';

type PackageRecord = typeof importedPackages.$inferSelect;

/** The subordinate units this level expects reports from: known from trusted cards or added by hand. */
export function subordinateUnits(registry: Registry) {
  const own = registry.ownUnit();
  return registry.db
    .select()
    .from(units)
    .where(and(eq(units.isSelf, false), eq(units.parentCode, own.code)))
    .orderBy(units.code)
    .all();
}

/** A unit expected to report before its key card has arrived, so completeness lists it as missing. */
export function addSubordinateUnit(registry: Registry, code: string, name: string): void {
  const own = registry.ownUnit();
  const now = new Date().toISOString();
  registry.write((db) => {
    if (db.select({ id: units.id }).from(units).where(eq(units.code, code)).get()) return;
    const id = newId();
    db.insert(units)
      .values({
        id,
        code,
        name,
        level: own.level === 'central' ? 'province' : 'commune',
        parentCode: own.code,
        isSelf: false,
        createdAt: now,
        updatedAt: now,
      })
      .run();
    appendAudit(db, registry.actor, { action: 'unit.add', entity: 'unit', entityId: id, after: { code, name } });
  });
}

/**
 * Whether a stored package's signer has been revoked here since it was imported. Its files then
 * count for nothing, whenever they were signed (docs/formats/report-file.md §11): the report of a unit whose key
 * was stolen must not carry what the thief signed.
 */
export function signerRevoked(db: RegistryDb) {
  return db
    .select({ id: trustedCards.id })
    .from(trustedCards)
    .where(and(eq(trustedCards.fingerprint, importedPackages.signerFingerprint), isNotNull(trustedCards.revokedAt)));
}

/** The unit's newest report file among those answering `periodMatch`, leaving out files whose signer is revoked. */
function newestReport(registry: Registry, unitCode: string, periodMatch: SQL): PackageRecord | null {
  return (
    registry.db
      .select()
      .from(importedPackages)
      .where(
        and(
          eq(importedPackages.kind, 'report'),
          eq(importedPackages.unitCode, unitCode),
          periodMatch,
          notExists(signerRevoked(registry.db)),
        ),
      )
      .orderBy(desc(importedPackages.createdAt), importedPackages.importedAt)
      .get() ?? null
  );
}

/** The unit's accepted report for the period: the newest package whose signer is not revoked. */
export function currentPackage(registry: Registry, unitCode: string, period: { from: string; to: string }): PackageRecord | null {
  return newestReport(
    registry,
    unitCode,
    and(eq(importedPackages.periodFrom, period.from), eq(importedPackages.periodTo, period.to))!,
  );
}

/**
 * The unit's newest accepted file for a period that overlaps the one asked but is not it: such a
 * file cannot be added in (its figures cover other months), so the report names it instead of
 * counting the unit as silent.
 */
function packageForOtherPeriod(registry: Registry, unitCode: string, period: { from: string; to: string }): PackageRecord | null {
  const overlapping = and(
    lte(importedPackages.periodFrom, period.to),
    gte(importedPackages.periodTo, period.from),
    not(and(eq(importedPackages.periodFrom, period.from), eq(importedPackages.periodTo, period.to))!),
  )!;
  return newestReport(registry, unitCode, overlapping);
}

function versionsOf(registry: Registry, unitCode: string, period: { from: string; to: string }): number {
  return registry.db
    .select({ id: importedPackages.id })
    .from(importedPackages)
    .where(
      and(
        eq(importedPackages.kind, 'report'),
        eq(importedPackages.unitCode, unitCode),
        eq(importedPackages.periodFrom, period.from),
        eq(importedPackages.periodTo, period.to),
      ),
    )
    .all().length;
}

/** The deadline of the round asking for this period, if one was recorded. */
export function deadlineFor(registry: Registry, period: { from: string; to: string }, roundId?: string | null): string | null {
  const round = roundId
    ? registry.db.select().from(reportingRounds).where(eq(reportingRounds.id, roundId)).get()
    : registry.db
        .select()
        .from(reportingRounds)
        .where(
          and(
            eq(reportingRounds.periodFrom, period.from),
            eq(reportingRounds.periodTo, period.to),
            eq(reportingRounds.isOwn, true),
          ),
        )
        .get();
  return round?.deadline ?? null;
}

/**
 * Which units reported for the period, on time or late, and which are missing. A report is on
 * time when the unit signed it on or before the deadline (Vietnam time): the date it was made,
 * not the day the USB stick arrived.
 */
export function completeness(registry: Registry, period: { from: string; to: string }, roundId?: string | null): Completeness {
  const deadline = deadlineFor(registry, period, roundId);
  const entries = subordinateUnits(registry).map((unit) => {
    const current = currentPackage(registry, unit.code, period);
    const other = current ? null : packageForOtherPeriod(registry, unit.code, period);
    const held = current ?? other;
    const signedOn = current ? civilDateInVietnam(current.createdAt) : null;
    const status: ReportUnitEntry['status'] = other
      ? 'period_differs'
      : !current
        ? 'missing'
        : deadline && signedOn && isAfter(signedOn, deadline)
          ? 'late'
          : 'submitted';
    return {
      code: unit.code,
      name: unit.name,
      status,
      packageId: held?.id ?? null,
      ...(other ? { from: other.periodFrom, to: other.periodTo } : {}),
      createdAt: held?.createdAt ?? null,
      importedAt: held?.importedAt ?? null,
      versions: other
        ? versionsOf(registry, unit.code, { from: other.periodFrom, to: other.periodTo })
        : versionsOf(registry, unit.code, period),
    };
  });
  return {
    period,
    deadline,
    units: entries,
    submitted: entries.filter((entry) => entry.status === 'submitted').length,
    late: entries.filter((entry) => entry.status === 'late').length,
    missing: entries.filter((entry) => entry.status === 'missing').length,
    periodDiffers: entries.filter((entry) => entry.status === 'period_differs').length,
  };
}

/**
 * The report of this unit for the period: its own records, and at a province or the centre,
 * plus the latest accepted package of each subordinate unit for exactly the same period; every
 * subordinate unit is listed with its status, so the figures say whom they include.
 */
export function reportFor(registry: Registry, period: { from: string; to: string }, roundId?: string | null): ReportData {
  const own = ownReport(registry, period);
  if (registry.ownUnit().level === 'commune') return own;
  const status = completeness(registry, period, roundId);
  const subordinateReports = status.units
    .filter((entry) => isIncludedStatus(entry.status) && entry.packageId !== null)
    .map((entry) =>
      ReportData.parse(
        JSON.parse(
          registry.db
            .select({ report: importedPackages.report })
            .from(importedPackages)
            .where(eq(importedPackages.id, entry.packageId!))
            .get()!.report!,
        ),
      ),
    );
  const unitEntries: ReportUnitEntry[] = status.units.map((entry) => ({
    code: entry.code,
    name: entry.name,
    status: entry.status,
    packageId: entry.packageId,
    ...(entry.from && entry.to ? { from: entry.from, to: entry.to } : {}),
    signedAt: entry.createdAt,
    versions: entry.versions,
  }));
  return combineReports(own, subordinateReports, unitEntries);
}
