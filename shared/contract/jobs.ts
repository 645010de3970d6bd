import { z } from 'zod';
import { publicCall } from './define';

/** Names one long job (an import, a backup, a batch of report files) in its `job.progress` events and in `jobs.cancel`. */
export const JobId = z.string().min(1).max(64);

export const jobsCalls = {
  /**
   * Asks a running job to stop at its next progress report; what it was writing is rolled back
   * and its call fails with `JOB_CANCELLED`. Public, like the jobs of the sign-in screen (a
   * restore); only whoever started the job knows its id. `cancelled` is false when no job of
   * that id is running (it had already finished).
   */
  'jobs.cancel': publicCall(z.strictObject({ jobId: JobId }), z.object({ cancelled: z.boolean() })),
} as const;
