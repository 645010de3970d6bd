import { useCallback, useRef, useState } from 'react';
import { newId } from '@shared/ids';
import { ApiError, call } from '../api/client';
import { listenForJobProgress, useJobs, type JobState } from '../state/jobsStore';

export interface Job {
  running: boolean;
  /** How far the running job has got; null while nothing runs. */
  progress: JobState | null;
  /**
   * Runs `work` as a named job: `work` passes the id as the call's `jobId`. Resolves to the
   * call's result, or to undefined when the person cancelled it; other failures are thrown.
   */
  run<Result>(work: (jobId: string) => Promise<Result>): Promise<Result | undefined>;
  /** Asks the services to stop the running job; what it was writing is rolled back. */
  cancel(): void;
}

/** A long call with a progress bar and a cancel button (see `JobProgress`). */
export function useJob(): Job {
  const [jobId, setJobId] = useState<string | null>(null);
  const current = useRef<string | null>(null);
  const progress = useJobs((state) => (jobId ? (state.jobs[jobId] ?? null) : null));
  const run = useCallback(async <Result>(work: (id: string) => Promise<Result>) => {
    listenForJobProgress();
    const id = newId();
    current.current = id;
    useJobs.getState().begin(id);
    setJobId(id);
    try {
      return await work(id);
    } catch (error) {
      if (error instanceof ApiError && error.code === 'JOB_CANCELLED') return undefined;
      throw error;
    } finally {
      useJobs.getState().end(id);
      current.current = null;
      setJobId(null);
    }
  }, []);
  const cancel = useCallback(() => {
    const id = current.current;
    if (!id) return;
    useJobs.getState().markCancelling(id);
    void call('jobs.cancel', { jobId: id });
  }, []);
  return { running: jobId !== null, progress, run, cancel };
}
