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
  const rows = registry.sqlite.prepare(`SELECT after FROM audit_log WHERE action = 'package.export' ORDER BY seq`).all() as { after: string | null }[];
  const heads = rows.map((row) => (row.after ? (JSON.parse(row.after) as { auditRows?: unknown }).auditRows : undefined)).filter((rows): rows is number => typeof rows === 'number');
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
 * Refuses a report file whose unit's chain disagrees with a point received before, or no longer
 * shows a point at or below its own head (a file without an anchor, from a unit that sent one).
 */
export function checkAuditAnchors(db: RegistryDb, manifest: PackageManifest): void {
  const points = pointsOf(manifest.audit);
  const headRows = manifest.audit?.head.rows ?? Number.MAX_SAFE_INTEGER;
  for (const anchor of db.select().from(auditAnchors).where(eq(auditAnchors.unitCode, manifest.unit.code)).all()) {
    const hash = points.get(anchor.rows);
    if (hash === anchor.hash || (hash === undefined && anchor.rows > headRows)) continue;
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
