import type { EventPayload } from '@shared/contract/events';
import { DomainError } from '@shared/errors';

/** Reports how far a job has got; throws `JOB_CANCELLED` once the job has been asked to stop. */
export type JobProgress = (done: number, total: number, phase?: string) => void;

interface RunningJob {
  cancelled: boolean;
  lastEventAt: number;
}

/** Progress events of one job at most this often, so a job that counts rows does not flood the window. */
const eventInterval = 100;

/**
 * The long jobs of a session. A call that names a job (`jobId`) runs its work through `run`:
 * every progress report goes out as a `job.progress` event and is also the point where the
 * job stops with `JOB_CANCELLED` once cancelled. Jobs write inside a transaction, so stopping
 * there rolls back what they had written.
 */
export class Jobs {
  private readonly running = new Map<string, RunningJob>();
  /**
   * Where a cancellation decided outside this thread is read (the service host's shared
   * flags): a job working synchronously never gives this thread a chance to hear a message.
   */
  cancelledElsewhere: ((jobId: string) => boolean) | null = null;

  constructor(private readonly publish: (payload: EventPayload<'job.progress'>) => void) {}

  async run<Result>(
    jobId: string | undefined,
    phase: string,
    work: (progress: JobProgress) => Promise<Result> | Result,
  ): Promise<Result> {
    if (!jobId) return work(() => undefined);
    const job: RunningJob = { cancelled: false, lastEventAt: 0 };
    this.running.set(jobId, job);
    try {
      return await work((done, total, currentPhase = phase) => {
        if (job.cancelled || this.cancelledElsewhere?.(jobId)) throw new DomainError('JOB_CANCELLED');
        const now = Date.now();
        if (done !== 0 && done < total && now - job.lastEventAt < eventInterval) return;
        job.lastEventAt = now;
        this.publish({ jobId, phase: currentPhase, done, total });
      });
    } finally {
      this.running.delete(jobId);
    }
  }

  /** Marks a running job to stop at its next progress report; false when no job of that id is running. */
  cancel(jobId: string): boolean {
    const job = this.running.get(jobId);
    if (!job) return false;
    job.cancelled = true;
    return true;
  }

  isRunning(jobId: string): boolean {
    return this.running.has(jobId);
  }
}
