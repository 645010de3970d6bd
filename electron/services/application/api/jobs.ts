import type { jobsCalls } from '@shared/contract/jobs';
import type { HandlerSet } from './types';

export const jobsHandlers: HandlerSet<keyof typeof jobsCalls> = {
  'jobs.cancel': ({ jobId }, { session }) => ({ cancelled: session.jobs.cancel(jobId) }),
};
