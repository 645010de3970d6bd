import { z } from 'zod';
import { annualRecordsCalls } from './annualRecords';
import { auditCalls } from './audit';
import { backupCalls } from './backup';
import type { CallDefinition } from './define';
import { dashboardCalls } from './dashboard';
import { exchangeCalls } from './exchange';
import { foundationCalls } from './foundation';
import { importingCalls } from './importing';
import { jobsCalls } from './jobs';
import { reconcileCalls } from './reconcile';
import { registryCalls } from './registry';
import { reportsCalls } from './reports';
import { usersCalls } from './users';

/** Every call the renderer can make, declared once: the preload, the main process and the test bridge all serve exactly these. */
export const calls = {
  ...foundationCalls,
  ...usersCalls,
  ...registryCalls,
  ...dashboardCalls,
  ...reportsCalls,
  ...exchangeCalls,
  ...importingCalls,
  ...jobsCalls,
  ...backupCalls,
  ...auditCalls,
  ...reconcileCalls,
  ...annualRecordsCalls,
} as const satisfies Record<string, CallDefinition>;

export type Calls = typeof calls;
export type CallName = keyof Calls;
export type CallInput<Name extends CallName> = z.input<Calls[Name]['input']>;
export type ParsedInput<Name extends CallName> = z.output<Calls[Name]['input']>;
export type CallOutput<Name extends CallName> = z.output<Calls[Name]['output']>;

export const callNames = Object.keys(calls) as CallName[];

export function isCallName(name: unknown): name is CallName {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(calls, name);
}

/** A refusal or failure as it crosses to the window or the command line: facts only, worded by the reader (shared/errors.ts). */
export const ErrorPayload = z.object({
  code: z.string(),
  params: z.record(z.string(), z.union([z.string(), z.number()])),
  issues: z.array(
    z.object({
      path: z.array(z.union([z.string(), z.number()])),
      key: z.string(),
      params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
    }),
  ),
});
export type ErrorPayload = z.infer<typeof ErrorPayload>;

export type Envelope<Value> = { ok: true; value: Value } | { ok: false; error: ErrorPayload };

/** The one channel name the preload and the main process share. */
export const ipcChannels = { call: 'so86:call', event: 'so86:event' } as const;

export { events, type EventName, type EventPayload } from './events';
