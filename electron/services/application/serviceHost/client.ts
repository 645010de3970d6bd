import { Worker, type ResourceLimits, type WorkerOptions } from 'node:worker_threads';
import { calls, type Envelope, type ErrorPayload, type EventName, type EventPayload } from '@shared/contract';
import type { DomainError, ErrorCode } from '@shared/errors';
import type { Lang, MessageParams } from '@shared/i18n';
import type { Dispatch } from '../api/dispatch';
import { stderrLogger, type Logger } from '../../storage/log';
import type { FromHost, JobSlot, ServiceHostConfig, ServiceHostData, ToHost } from './protocol';

/** What the client needs of the host's thread. */
export type HostThread = Pick<Worker, 'postMessage' | 'on' | 'once' | 'terminate'>;

export interface ServiceHostOptions {
  config: ServiceHostConfig;
  /** The worker's entry: `out/main/serviceHost.js` in the application, `serviceHostSource` from a checkout. */
  entry: URL | string;
  /** Caps the host's memory (`serviceHostResourceLimits` unless given); a host that exceeds it stops like any crashed host and is started again. */
  resourceLimits?: ResourceLimits;
  /** Where the host's crashes are recorded, on this side. */
  logger?: Logger;
  /**
   * Starts the host's thread; a worker thread of this process unless given. The benchmark starts
   * it in a process of its own, to measure the services' memory apart from the benchmark's.
   */
  startThread?: (entry: URL | string, options: WorkerOptions) => HostThread;
}

/**
 * The host's JavaScript heap is bounded: V8 grows a heap lazily, and a 100,000-row import left
 * unbounded let it reach about 230 MB, mostly garbage, peaking at 470–550 MB resident; bounded,
 * the collector runs sooner and the same import peaks at 380–420 MB (docs/BENCHMARKS.md). Every job
 * within the application's limits lives in well under it (the largest import file about 170 MB).
 */
export const serviceHostResourceLimits: ResourceLimits = { maxOldGenerationSizeMb: 256 };

const workerThread = (entry: URL | string, options: WorkerOptions): HostThread => new Worker(entry, options);

type Listener = <Name extends EventName>(name: Name, payload: EventPayload<Name>) => void;

interface PendingCall {
  resolve(envelope: Envelope<unknown>): void;
  job: JobSlot | null;
}

/** Jobs the main thread can cancel at once; more jobs at the same time run without a slot and are cancelled the slow way. */
const jobSlots = 32;
/** A host that dies this many times in a row before it is ready is not started again. */
const startupFailureLimit = 3;

function jobIdOf(input: unknown): string | null {
  if (typeof input !== 'object' || input === null) return null;
  const jobId = (input as { jobId?: unknown }).jobId;
  return typeof jobId === 'string' && jobId.length > 0 ? jobId : null;
}

/**
 * The services in a worker thread, seen from the main thread: the same `Dispatch` the window and
 * the bridge call, the session's events, locking. Long jobs (imports, combining report files,
 * backups) then never hold up the main thread. A job is cancelled through a flag in memory the
 * two threads share, because a job working synchronously in the host cannot receive a message.
 * A host that crashes fails its calls with `SERVICE_HOST_CRASHED` and is started again, locked.
 */
export class ServiceHostClient {
  private worker!: HostThread;
  private readonly pending = new Map<number, PendingCall>();
  private readonly listeners = new Set<Listener>();
  private readonly cancelFlags = new Int32Array(new SharedArrayBuffer(jobSlots * Int32Array.BYTES_PER_ELEMENT));
  private readonly freeSlots = Array.from({ length: jobSlots }, (_, slot) => jobSlots - 1 - slot);
  private readonly jobs = new Map<string, number>();
  private nextCallId = 0;
  private closing = false;
  private startupFailures = 0;
  private readyNow: Promise<void> = Promise.resolve();
  /** How many hosts have been started: 1, then one more after each crash. */
  generation = 0;
  /** The session's language as last set through `app.setLanguage`, for messages made on this side. */
  lang: Lang = 'vi';

  private constructor(private readonly options: ServiceHostOptions) {
    this.spawn();
  }

  static start(options: ServiceHostOptions): ServiceHostClient {
    return new ServiceHostClient(options);
  }

  private get logger(): Logger {
    return this.options.logger ?? stderrLogger;
  }

  /** Settles once the current host has opened its session and listens. */
  ready(): Promise<void> {
    return this.readyNow;
  }

  private spawn(): void {
    this.generation += 1;
    const data: ServiceHostData = {
      config: this.options.config,
      lang: this.lang,
      cancelFlags: this.cancelFlags.buffer as SharedArrayBuffer,
    };
    const worker = (this.options.startThread ?? workerThread)(this.options.entry, {
      workerData: data,
      resourceLimits: this.options.resourceLimits ?? serviceHostResourceLimits,
    });
    this.worker = worker;
    let started = false;
    this.readyNow = new Promise((resolve, reject) => {
      worker.on('message', (message: FromHost) => {
        if (message.type === 'ready') {
          started = true;
          this.startupFailures = 0;
          resolve();
        } else if (message.type === 'result') {
          this.settle(message.id, message.envelope);
        } else {
          this.publish(message.name, message.payload);
        }
      });
      worker.on('error', (error) => this.logger.error('The service host failed', error));
      worker.on('exit', (code) => {
        if (this.worker !== worker) return;
        if (!started) reject(new Error(`The service host stopped before it was ready (exit code ${code})`));
        this.onExit(code, started);
      });
    });
    // A host that never starts is reported through the calls made to it, not as an unhandled rejection.
    this.readyNow.catch(() => undefined);
  }

  private onExit(code: number, started: boolean): void {
    const unexpected = !this.closing;
    this.failPending(unexpected ? 'SERVICE_HOST_CRASHED' : 'LOCKED');
    if (!unexpected) return;
    this.logger.error(`The service host stopped unexpectedly (exit code ${code}); starting it again`);
    if (!started) this.startupFailures += 1;
    // Whatever was unlocked in the host is gone with it: the window returns to the sign-in screen.
    this.publish('session.locked', { reason: 'system' });
    if (this.startupFailures < startupFailureLimit) this.spawn();
  }

  private get available(): boolean {
    return !this.closing && this.startupFailures < startupFailureLimit;
  }

  private failure(code: ErrorCode, params: MessageParams = {}): Envelope<never> {
    const error: ErrorPayload = { code, params, issues: [] };
    return { ok: false, error };
  }

  /** A call refused on this side, before it reaches the host (a sender that is not the application's own window). */
  refusal(error: DomainError): Envelope<never> {
    return this.failure(error.code, error.params);
  }

  private failPending(code: ErrorCode): void {
    const calls = [...this.pending.values()];
    this.pending.clear();
    for (const call of calls) {
      this.releaseSlot(call.job);
      call.resolve(this.failure(code));
    }
  }

  private settle(id: number, envelope: Envelope<unknown>): void {
    const call = this.pending.get(id);
    if (!call) return;
    this.pending.delete(id);
    this.releaseSlot(call.job);
    call.resolve(envelope);
  }

  private takeSlot(jobId: string | null): JobSlot | null {
    if (jobId === null || this.jobs.has(jobId)) return null;
    const slot = this.freeSlots.pop();
    if (slot === undefined) return null;
    Atomics.store(this.cancelFlags, slot, 0);
    this.jobs.set(jobId, slot);
    return { id: jobId, slot };
  }

  private releaseSlot(job: JobSlot | null): void {
    if (!job) return;
    this.jobs.delete(job.id);
    this.freeSlots.push(job.slot);
  }

  private publish<Name extends EventName>(name: Name, payload: EventPayload<Name>): void {
    for (const listener of this.listeners) listener(name, payload);
  }

  /** A job this side carries is cancelled here at once: the host, busy with it, would only read the request once it had finished. */
  private cancelHere(input: unknown): Envelope<unknown> | null {
    const parsed = calls['jobs.cancel'].input.safeParse(input);
    if (!parsed.success) return null;
    const slot = this.jobs.get(parsed.data.jobId);
    if (slot === undefined) return null;
    Atomics.store(this.cancelFlags, slot, 1);
    return { ok: true, value: { cancelled: true } };
  }

  readonly dispatch: Dispatch = async (name, input) => {
    if (name === 'jobs.cancel') {
      const cancelled = this.cancelHere(input);
      if (cancelled) return cancelled;
    }
    if (!this.available) return this.failure(this.closing ? 'LOCKED' : 'SERVICE_HOST_UNAVAILABLE');
    const id = ++this.nextCallId;
    const job = this.takeSlot(jobIdOf(input));
    const envelope = await new Promise<Envelope<unknown>>((resolve) => {
      this.pending.set(id, { resolve, job });
      this.send({ type: 'call', id, name, input, job });
    });
    if (name === 'app.setLanguage' && envelope.ok) this.lang = (input as { lang: Lang }).lang;
    return envelope;
  };

  private send(message: ToHost): void {
    try {
      this.worker.postMessage(message);
    } catch (error) {
      // Only a value that cannot be copied to the other thread gets here.
      this.logger.error('A message could not be sent to the service host', error);
      if (message.type === 'call') this.settle(message.id, this.failure('INTERNAL'));
    }
  }

  onEvent(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  lock(reason: EventPayload<'session.locked'>['reason']): void {
    if (this.available) this.send({ type: 'lock', reason });
  }

  offerOpenedFile(fileName: string, content: Uint8Array): void {
    if (this.available) this.send({ type: 'offerOpenedFile', fileName, content });
  }

  /** Locks the registry, lets the host finish and stops it. */
  async close(): Promise<void> {
    if (this.closing) return;
    this.closing = true;
    const worker = this.worker;
    const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
    worker.postMessage({ type: 'close' } satisfies ToHost);
    const stopped = await Promise.race([
      exited.then(() => true),
      new Promise<boolean>((resolve) => setTimeout(() => resolve(false), 10_000).unref()),
    ]);
    if (!stopped) await worker.terminate();
  }
}
