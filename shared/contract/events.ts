import { z } from 'zod';

/** What the services push to the renderer without being asked. */
export const events = {
  /** `damaged`: the check of the file after signing in found it damaged (see `AppStatus.foundDamaged`). */
  'session.locked': z.object({ reason: z.enum(['manual', 'idle', 'system', 'damaged']) }),
  'job.progress': z.object({
    jobId: z.string(),
    phase: z.string(),
    done: z.number().int().min(0),
    total: z.number().int().min(0),
  }),
  /** A .so86 file was opened with the application (double-click, or dropped on its icon); fetch it with `app.takeOpenedFile`. */
  'file.opened': z.object({ fileName: z.string() }),
} as const;

export type EventName = keyof typeof events;
export type EventPayload<Name extends EventName> = z.infer<(typeof events)[Name]>;
