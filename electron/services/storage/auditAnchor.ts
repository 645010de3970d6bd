import { chainPassesThrough, verifyAuditChain, type AuditVerdict } from './audit';
import type { Registry } from './registry/registry';

export type AnchoredAuditVerdict = AuditVerdict & {
  /** Whether the chain was also compared with the anchor sealed under the office keys: only a key holder's session can open it. */
  anchor: 'checked' | 'unchecked';
};

/**
 * `audit verify` and the settings check: the chain walked end to end, then compared with the
 * anchor sealed in the key file. A chain re-hashed after a rewrite is whole again, but no longer
 * passes through the anchor: that is reported as `rewritten` at the anchored row.
 */
export function verifyAuditLog(registry: Registry): AnchoredAuditVerdict {
  const chain = verifyAuditChain(registry);
  const keyring = registry.officeKeysIfHeld();
  if (!keyring) return { ...chain, anchor: 'unchecked' };
  const anchor = keyring.auditAnchor;
  if (chain.ok && anchor && !chainPassesThrough(registry, anchor))
    return { ok: false, rows: chain.rows, brokenAtSeq: anchor.rows, problem: 'rewritten', anchor: 'checked' };
  return { ...chain, anchor: 'checked' };
}
