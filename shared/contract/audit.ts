import { z } from 'zod';
import type { UserRole } from '../domain/enums';
import { CivilDate } from '../domain/primitives';
import { readCall } from './define';

/** Who may read the change log: it shows every change to everyone's records. */
export const auditReaders: readonly UserRole[] = ['administrator', 'leader'];

export const AuditOutcome = z.enum(['done', 'refused']);

/** Dates are Vietnam's civil dates, both ends included. */
export const AuditFilter = z.strictObject({
  from: CivilDate.optional(),
  to: CivilDate.optional(),
  username: z.string().min(1).max(64).optional(),
  action: z.string().min(1).max(100).optional(),
  entity: z.string().min(1).max(100).optional(),
  entityId: z.string().min(1).max(100).optional(),
  outcome: AuditOutcome.optional(),
});
export type AuditFilter = z.infer<typeof AuditFilter>;

const AuditValue = z.union([z.string(), z.number(), z.boolean(), z.null()]);

export const AuditChange = z.object({
  field: z.string(),
  kind: z.enum(['added', 'removed', 'changed']),
  before: AuditValue,
  after: AuditValue,
});

/** The member, and the trip, an audit row concerns, by what people know them by. */
export const AuditSubject = z.object({
  member: z.string().nullable(),
  trip: z.object({ code: z.string().nullable(), countries: z.array(z.string()), plannedDeparture: z.string() }).nullable(),
});
export type AuditSubject = z.infer<typeof AuditSubject>;

export const AuditRow = z.object({
  seq: z.number().int(),
  at: z.string(),
  username: z.string().nullable(),
  action: z.string(),
  entity: z.string(),
  entityId: z.string().nullable(),
  outcome: AuditOutcome,
  subject: AuditSubject.nullable(),
  changes: z.array(AuditChange),
});
export type AuditRow = z.infer<typeof AuditRow>;

export const auditCalls = {
  /** Newest first. */
  'audit.list': readCall(
    AuditFilter.extend({ offset: z.number().int().min(0).default(0), limit: z.number().int().min(1).max(500).default(100) }),
    z.object({ total: z.number().int(), rows: z.array(AuditRow) }),
    auditReaders,
  ),
  /** The values the filters can take: the people, actions and kinds of record the log holds. */
  'audit.facets': readCall(
    z.strictObject({}),
    z.object({ usernames: z.array(z.string()), actions: z.array(z.string()), entities: z.array(z.string()) }),
    auditReaders,
  ),
  'audit.exportXlsx': readCall(
    AuditFilter,
    z.object({ fileName: z.string(), contentBase64: z.string(), rows: z.number().int() }),
    auditReaders,
  ),
} as const;
