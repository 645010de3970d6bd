import { create } from 'zustand';
import type { EventPayload } from '@shared/contract';
import { onEvent } from '../api/client';

export interface JobState {
  jobId: string;
  /** The step the services are on (`import.commit`, `writing`…); null until the first report arrives. */
  phase: string | null;
  done: number;
  total: number;
  cancelling: boolean;
}

interface JobsState {
  jobs: Record<string, JobState>;
  begin(jobId: string): void;
  report(event: EventPayload<'job.progress'>): void;
  markCancelling(jobId: string): void;
  end(jobId: string): void;
}

/** The long jobs this window has started, fed by the services' `job.progress` events. */
export const useJobs = create<JobsState>((set) => ({
  jobs: {},
  begin: (jobId) =>
    set((state) => ({ jobs: { ...state.jobs, [jobId]: { jobId, phase: null, done: 0, total: 0, cancelling: false } } })),
  report: (event) =>
    set((state) => {
      const job = state.jobs[event.jobId];
      if (!job) return state;
      return { jobs: { ...state.jobs, [event.jobId]: { ...job, phase: event.phase, done: event.done, total: event.total } } };
    }),
  markCancelling: (jobId) =>
    set((state) => {
      const job = state.jobs[jobId];
      return job ? { jobs: { ...state.jobs, [jobId]: { ...job, cancelling: true } } } : state;
    }),
  end: (jobId) =>
    set((state) => {
      const { [jobId]: _ended, ...rest } = state.jobs;
      return { jobs: rest };
    }),
}));

let listening = false;

/** One subscription for the whole window: the bridge opens a connection per subscription. */
export function listenForJobProgress(): void {
  if (listening) return;
  listening = true;
  onEvent('job.progress', (event) => useJobs.getState().report(event));
}
