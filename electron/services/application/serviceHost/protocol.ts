import type { OpenOptions } from '@db/connection';
import type { Envelope, EventName, EventPayload } from '@shared/contract';
import type { Lang } from '@shared/i18n';

/** What the service host needs to open its session; plain data, since it crosses to the worker thread. */
export interface ServiceHostConfig {
  databaseFile: string;
  appVersion: string;
  openOptions?: OpenOptions;
  training?: boolean;
  watchIdle?: boolean;
  /** Run the daily backups from the host (the application; not the tests). */
  scheduleBackups?: boolean;
  /** The technical log; the host writes to stderr without one. */
  logFile?: string;
}

export interface ServiceHostData {
  config: ServiceHostConfig;
  /** The session's language, kept across a restart after a crash. */
  lang: Lang;
  /** One 32-bit flag per job slot, set by the main thread to cancel the job in that slot. */
  cancelFlags: SharedArrayBuffer;
}

export interface JobSlot {
  id: string;
  slot: number;
}

export type ToHost =
  | { type: 'call'; id: number; name: unknown; input: unknown; job: JobSlot | null }
  | { type: 'lock'; reason: EventPayload<'session.locked'>['reason'] }
  | { type: 'offerOpenedFile'; fileName: string; content: Uint8Array }
  | { type: 'close' };

export type FromHost =
  | { type: 'ready' }
  | { type: 'result'; id: number; envelope: Envelope<unknown> }
  | { [Name in EventName]: { type: 'event'; name: Name; payload: EventPayload<Name> } }[EventName];
