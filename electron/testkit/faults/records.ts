import { like } from 'drizzle-orm';
import type { OpenRegistry } from '@db/connection';
import { members } from '@db/schema';

/** The members the fault writer commits are numbered: `K-0000001`, `K-0000002`, … */
export const recordPrefix = 'K-';

/** Every tenth transaction of the writer is a batch, as an import is, so the log grows and checkpoints happen between kills too. */
export const writerBatch = { every: 10, size: 25 } as const;

export function recordCode(number: number): string {
  return `${recordPrefix}${String(number).padStart(7, '0')}`;
}

/** The numbers of the writer's members present in the registry, in order. */
export function recordNumbers(handle: Pick<OpenRegistry, 'db'>): number[] {
  return handle.db
    .select({ code: members.code })
    .from(members)
    .where(like(members.code, `${recordPrefix}%`))
    .all()
    .map((row) => Number(row.code.slice(recordPrefix.length)))
    .sort((a, b) => a - b);
}
