/** A value as the audit viewer shows it: nested objects become dotted field names, lists of plain values one text. */
export type AuditValue = string | number | boolean | null;

export interface AuditChange {
  /** Dotted path of the field inside the recorded object; empty when the record was a plain value. */
  field: string;
  kind: 'added' | 'removed' | 'changed';
  before: AuditValue;
  after: AuditValue;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function flatten(value: unknown, prefix: string, into: Map<string, AuditValue>): Map<string, AuditValue> {
  if (isPlainObject(value)) {
    for (const [key, item] of Object.entries(value)) flatten(item, prefix ? `${prefix}.${key}` : key, into);
  } else if (Array.isArray(value)) {
    into.set(
      prefix,
      value.every((item) => item === null || typeof item !== 'object') ? value.map(String).join(', ') : JSON.stringify(value),
    );
  } else if (value === null || typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') {
    into.set(prefix, value);
  } else if (value !== undefined) {
    into.set(prefix, String(value));
  }
  return into;
}

/**
 * What one audit row changed, field by field, from the `before` and `after` it recorded (either
 * may be absent: a creation has no before, a deletion no after). Unchanged fields are left out.
 */
export function auditChanges(before: unknown, after: unknown): AuditChange[] {
  const old = flatten(before, '', new Map());
  const now = flatten(after, '', new Map());
  const changes: AuditChange[] = [];
  for (const field of new Set([...old.keys(), ...now.keys()])) {
    const had = old.has(field);
    const has = now.has(field);
    const was = old.get(field) ?? null;
    const is = now.get(field) ?? null;
    if (had && has && was === is) continue;
    // A field that appears or disappears empty says nothing to the reader.
    if ((!had && is === null) || (!has && was === null)) continue;
    changes.push({ field, kind: !had ? 'added' : !has ? 'removed' : 'changed', before: was, after: is });
  }
  return changes;
}
