import { appendFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { callNames, calls } from '@shared/contract';
import { createDispatcher } from '../../services/application/api/dispatch';
import { folderSnapshot } from '../backup';
import { openTestRegistry } from '../registry';

const megabyte = 'x'.repeat(1_000_000);

/** Whole inputs no call takes: not an object, an unknown key, a key that would reach Object.prototype. */
const malformedInputs: unknown[] = [
  42,
  'chuỗi',
  true,
  [],
  [1, 2, 3],
  megabyte,
  { unexpectedKey: 1 },
  JSON.parse('{"__proto__":{"polluted":true}}'),
];

/** Values tried in each declared field; only those the field's own schema refuses are sent. */
const malformedValues: unknown[] = [
  12345,
  -1,
  1.5,
  Number.NaN,
  Number.POSITIVE_INFINITY,
  true,
  '',
  ' ',
  megabyte,
  'x'.repeat(100_000),
  '\u0000',
  '../../../etc/passwd',
  '9999-99-99',
  {},
  { nested: 'x' },
  [],
  ['x'],
  null,
];

/** The fields of an input schema: an object's shape, or the shapes of both sides of an intersection. */
function fieldsOf(schema: z.ZodType): Record<string, z.ZodType> {
  if (schema instanceof z.ZodObject) return schema.shape as Record<string, z.ZodType>;
  if (schema instanceof z.ZodIntersection)
    return { ...fieldsOf(schema.def.left as z.ZodType), ...fieldsOf(schema.def.right as z.ZodType) };
  return {};
}

describe('malformed payloads at the boundary', () => {
  it(
    'refuses every malformed input to every declared call as VALIDATION, naming the bad field, and writes nothing',
    { timeout: 300_000 },
    async () => {
      const registry = await openTestRegistry();
      const dispatch = createDispatcher(registry.session);
      const sqlite = registry.session.requireRegistry().sqlite;
      const changesBefore = (sqlite.prepare('SELECT total_changes() AS n').get() as { n: number }).n;
      const filesBefore = folderSnapshot(path.dirname(registry.databaseFile));

      let tried = 0;
      const accepted: string[] = [];
      const unnamed: string[] = [];
      for (const name of callNames) {
        const schema = calls[name].input as z.ZodType;
        for (const input of malformedInputs) {
          tried += 1;
          const envelope = await dispatch(name, input);
          if (envelope.ok || envelope.error.code !== 'VALIDATION')
            accepted.push(`${name} ← ${JSON.stringify(input)?.slice(0, 40)}`);
        }
        for (const [field, fieldSchema] of Object.entries(fieldsOf(schema))) {
          for (const value of malformedValues) {
            if (fieldSchema.safeParse(value).success) continue;
            tried += 1;
            const envelope = await dispatch(name, { [field]: value });
            const label = `${name}.${field} ← ${String(JSON.stringify(value)).slice(0, 40)}`;
            if (envelope.ok || envelope.error.code !== 'VALIDATION') accepted.push(label);
            else if (!envelope.error.issues.some((issue) => issue.path[0] === field)) unnamed.push(label);
          }
        }
      }
      for (const name of ['files.readAny', '__proto__', 'constructor', 'toString', '']) {
        tried += 1;
        const envelope = await dispatch(name, {});
        if (envelope.ok || envelope.error.code !== 'UNKNOWN_CALL') accepted.push(`unknown call ${name}`);
      }

      expect(accepted).toEqual([]);
      expect(unnamed).toEqual([]);
      expect((Object.prototype as Record<string, unknown>).polluted).toBeUndefined();
      expect(registry.session.status().state).toBe('unlocked');
      expect((sqlite.prepare('SELECT total_changes() AS n').get() as { n: number }).n).toBe(changesBefore);
      expect(folderSnapshot(path.dirname(registry.databaseFile))).toEqual(filesBefore);
      expect(tried).toBeGreaterThan(callNames.length * malformedInputs.length);
      if (process.env.SO86_FAULT_REPORT)
        appendFileSync(
          process.env.SO86_FAULT_REPORT,
          `${JSON.stringify({ test: 'boundary', at: new Date().toISOString(), calls: callNames.length, badInputsTried: tried })}\n`,
        );
      registry.session.dispose();
    },
  );
});
