import { eq } from 'drizzle-orm';
import type { RegistryDb } from '@db/connection';
import { auditAnchors } from '@db/schema';
import { DomainError } from '@shared/errors';
import { auditPointsAt, auditHead, type AuditPoint } from '../../storage/audit';
import { MAX_AUDIT_CHECKPOINTS, type ManifestAudit, type PackageManifest } from '../../formats/reportFiles';
import type { Registry } from '../../storage/registry/registry';

/**
 * Audit anchors between levels. Each report file carries its unit's audit chain head and the
 * chain's hash at the head of every earlier report file, so the upper level, which keeps the points
 * it was shown, can tell that the new chain still passes through them. A unit that rewrote its
 * log (even re-hashing the whole chain) has another hash at an earlier head and is named.
 */

/** The row counts the earlier report files carried as their heads, as recorded in their `package.export` rows. */
function earlierExportHeads(registry: Registry): number[] {
  const rows = registry.sqlite.prepare(`SELECT after FROM audit_log WHERE action = 'package.export' ORDER BY seq`).all() as {
    after: string | null;
  }[];
  const heads = rows
    .map((row) => (row.after ? (JSON.parse(row.after) as { auditRows?: unknown }).auditRows : undefined))
    .filter((rows): rows is number => typeof rows === 'number');
  return [...new Set(heads)].slice(-MAX_AUDIT_CHECKPOINTS);
}

/** What the next report file carries: the head, and the chain at the heads of the earlier ones. */
export function auditForExport(registry: Registry): ManifestAudit {
  return { head: auditHead(registry.db), checkpoints: auditPointsAt(registry, earlierExportHeads(registry)) };
}

function pointsOf(audit: ManifestAudit | null | undefined): Map<number, string> {
  if (!audit) return new Map();
  return new Map([...audit.checkpoints, audit.head].map((point) => [point.rows, point.hash]));
}

/**
 * Refuses a report file whose unit's chain disagrees with the points received before. A file
 * carries at most `MAX_AUDIT_CHECKPOINTS` earlier heads (the newest ones), while the upper level
 * keeps every point it was shown, so "every kept point must be in the file" would refuse an honest
 * unit after that many files. The rule, for the kept points at or below the file's head:
 *
 * - a kept point the file also carries must have the same hash;
 * - the newest of them must be carried. The chain's hash at a row count covers every row before it,
 *   so this one point alone stands for the whole log up to it: a file made from a log rewritten
 *   anywhere at or below it has another hash there;
 * - those within the rows the file's checkpoints cover must be carried (all of them when the file
 *   carries fewer checkpoints than it may, since it then carries every earlier head): a point left
 *   out is a log that lost its record of an earlier file.
 *
 * An honest unit's file carries its last `MAX_AUDIT_CHECKPOINTS` export heads, which include the
 * head of the last file this level received as long as the unit made fewer exports than that in
 * between; it is never refused however many files it sends. A file without an anchor (`audit:
 * null`, or version 1) from a unit that sent one is refused.
 */
export function checkAuditAnchors(db: RegistryDb, manifest: PackageManifest): void {
  const points = pointsOf(manifest.audit);
  const headRows = manifest.audit?.head.rows ?? Number.MAX_SAFE_INTEGER;
  const checkpoints = manifest.audit?.checkpoints ?? [];
  const coveredFrom = checkpoints.length < MAX_AUDIT_CHECKPOINTS ? 0 : Math.min(...checkpoints.map((point) => point.rows));
  const kept = db
    .select()
    .from(auditAnchors)
    .where(eq(auditAnchors.unitCode, manifest.unit.code))
    .all()
    .filter((anchor) => anchor.rows <= headRows);
  const newest = Math.max(0, ...kept.map((anchor) => anchor.rows));
  for (const anchor of kept) {
    const hash = points.get(anchor.rows);
    const mustBeCarried = anchor.rows === newest || anchor.rows >= coveredFrom;
    if (hash === anchor.hash || (hash === undefined && !mustBeCarried)) continue;
    throw new DomainError('EXCHANGE_AUDIT_REWRITTEN', { unit: manifest.unit.name, code: manifest.unit.code, rows: anchor.rows });
  }
}

/** Keeps the points a verified report file carried, inside the import's transaction. */
export function keepAuditAnchors(db: RegistryDb, manifest: PackageManifest, receivedAt: string): void {
  const points: AuditPoint[] = [...pointsOf(manifest.audit)].map(([rows, hash]) => ({ rows, hash }));
  for (const point of points) {
    db.insert(auditAnchors)
      .values({ unitCode: manifest.unit.code, rows: point.rows, hash: point.hash, packageId: manifest.packageId, receivedAt })
      .onConflictDoNothing()
      .run();
  }
}
