import { fork, type ChildProcess } from 'node:child_process';
import { EventEmitter, once } from 'node:events';
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { WorkerOptions } from 'node:worker_threads';
import type { HostThread } from '../../electron/services/application/serviceHost/client';

type FromServices =
  | { type: 'listening' }
  | { type: 'message'; thread: number; payload: unknown }
  | { type: 'error'; thread: number; error: string }
  | { type: 'exit'; thread: number; code: number };

/** A service host's thread in the services process, seen as the client sees a worker thread. */
class RemoteThread extends EventEmitter {
  constructor(
    private readonly services: ServicesProcess,
    readonly id: number,
  ) {
    super();
  }

  postMessage(payload: unknown): void {
    this.services.send({ type: 'post', thread: this.id, payload });
  }

  async terminate(): Promise<number> {
    const exited = once(this, 'exit') as Promise<[number]>;
    this.services.send({ type: 'terminate', thread: this.id });
    return (await exited)[0];
  }
}

/**
 * The built service host run as the application runs it, a worker thread of a process doing
 * nothing else (`servicesProcess.mjs`, plain Node), its calls carried over the process's channel.
 * The benchmark's own thread holds its generated rows, its TypeScript loader and the browser
 * driver; measured in this process, the services' memory is theirs alone. Cancelling a job by
 * shared memory does not reach across processes, and the benchmark does not cancel.
 */
export class ServicesProcess {
  private readonly child: ChildProcess;
  private readonly threads = new Map<number, RemoteThread>();
  private nextThread = 0;

  get pid(): number {
    return this.child.pid!;
  }

  private constructor() {
    this.child = fork(fileURLToPath(new URL('./servicesProcess.mjs', import.meta.url)), [], {
      execArgv: [],
      serialization: 'advanced',
      // The host writes its log to stderr; nothing of it may reach the benchmark's JSON on stdout.
      stdio: ['ignore', 2, 2, 'ipc'],
    });
    this.child.on('message', (message: FromServices) => this.receive(message));
  }

  static async start(): Promise<ServicesProcess> {
    const services = new ServicesProcess();
    const [first] = (await once(services.child, 'message')) as [FromServices];
    if (first.type !== 'listening') throw new Error(`The services process said ${first.type} first`);
    return services;
  }

  private receive(message: FromServices): void {
    if (message.type === 'listening') return;
    const thread = this.threads.get(message.thread);
    if (!thread) return;
    if (message.type === 'message') thread.emit('message', message.payload);
    else if (message.type === 'error') thread.emit('error', new Error(message.error));
    else {
      this.threads.delete(message.thread);
      thread.emit('exit', message.code);
    }
  }

  send(message: object): void {
    this.child.send(message);
  }

  /** For `ServiceHostClient`'s `startThread`: a worker thread of the services process. */
  readonly startThread = (entry: URL | string, options: WorkerOptions): HostThread => {
    const thread = new RemoteThread(this, (this.nextThread += 1));
    this.threads.set(thread.id, thread);
    const workerData: Record<string, unknown> = {};
    const sharedBuffers: Record<string, number> = {};
    for (const [key, value] of Object.entries(options.workerData as Record<string, unknown>)) {
      if (value instanceof SharedArrayBuffer) sharedBuffers[key] = value.byteLength;
      else workerData[key] = value;
    }
    this.send({
      type: 'start',
      thread: thread.id,
      entry: entry instanceof URL ? fileURLToPath(entry) : entry,
      workerData,
      sharedBuffers,
      resourceLimits: options.resourceLimits,
    });
    return thread as unknown as HostThread;
  };

  /** Restarts the process's resident high-water mark (Linux; elsewhere it only grows). */
  restartPeak(): void {
    try {
      writeFileSync(`/proc/${this.pid}/clear_refs`, '5');
    } catch {
      // Not Linux, or not allowed.
    }
  }

  /** The process's resident high-water mark, in MB, from the kernel; not a number where the kernel does not say (not Linux). */
  peakRssMb(): number {
    return this.statusMb('VmHWM');
  }

  /** The process's resident set now, in MB (Linux). */
  residentMb(): number {
    return this.statusMb('VmRSS');
  }

  private statusMb(field: 'VmHWM' | 'VmRSS'): number {
    try {
      const kb = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(readFileSync(`/proc/${this.pid}/status`, 'utf8'));
      return kb ? Math.round(Number(kb[1]) / 1024) : Number.NaN;
    } catch {
      return Number.NaN;
    }
  }

  async stop(): Promise<void> {
    if (this.child.exitCode !== null) return;
    const exited = once(this.child, 'exit');
    this.child.disconnect();
    await exited;
  }
}
