import { ZodError } from 'zod';
import { translateSqliteError } from '@db/connection';
import { calls, isCallName, type CallName, type Envelope, type ErrorPayload } from '@shared/contract';
import { DomainError } from '@shared/errors';
import { issuesFromZod } from '@shared/validation';
import type { AppSession } from '../session';
import { annualRecordsHandlers } from './annualRecords';
import { auditHandlers } from './audit';
import { backupHandlers } from './backup';
import { exchangeHandlers } from './exchange';
import { foundationHandlers } from './foundation';
import { importingHandlers } from './importing';
import { jobsHandlers } from './jobs';
import { reconcileHandlers } from './reconcile';
import { registryHandlers } from './registry';
import { reportsHandlers } from './reports';
import { usersHandlers } from './users';
import { refuse } from './refuse';
import type { CallContext, Handler, HandlerSet } from './types';

const handlers: HandlerSet<CallName> = {
  ...foundationHandlers,
  ...usersHandlers,
  ...registryHandlers,
  ...reportsHandlers,
  ...exchangeHandlers,
  ...importingHandlers,
  ...jobsHandlers,
  ...backupHandlers,
  ...auditHandlers,
  ...reconcileHandlers,
  ...annualRecordsHandlers,
};

export type Dispatch = (name: unknown, input: unknown) => Promise<Envelope<unknown>>;

/**
 * The single entry to the services from outside: the name must be a declared call,
 * the caller must hold a permitted role, the input must satisfy its schema, and the
 * output is checked against its schema before it leaves.
 */
export function createDispatcher(session: AppSession): Dispatch {
  const context: CallContext = { session };
  return async (name, input) => {
    if (!isCallName(name)) return failure(session, new DomainError('UNKNOWN_CALL', { name: String(name).slice(0, 64) }));
    const definition = calls[name];
    try {
      // Who may call comes before what was sent: a refused role is refused, and audited, whatever its input.
      if (definition.access.kind === 'signedIn') {
        const registry = session.requireRegistry();
        if (!definition.access.roles.includes(registry.user.role))
          throw refuse(session, { action: name, entity: 'call' }, definition.access.roles);
      }
      const parsed = definition.input.safeParse(input ?? {});
      if (!parsed.success) return failure(session, parsed.error);
      session.touch();
      const handler = handlers[name] as Handler<CallName>;
      const value = await handler(parsed.data as never, context);
      return { ok: true, value: definition.output.parse(value) };
    } catch (error) {
      return failure(session, error);
    }
  };
}

function failure(session: AppSession, error: unknown): Envelope<never> {
  // A page that fails authentication mid-session, or a full disk, is told by its code rather than as an internal error.
  return { ok: false, error: toErrorPayload(translateSqliteError(error), session) };
}

export function toErrorPayload(error: unknown, session: Pick<AppSession, 'logger'>): ErrorPayload {
  if (error instanceof DomainError) return { code: error.code, params: error.params, issues: error.issues };
  if (error instanceof ZodError) return { code: 'VALIDATION', params: {}, issues: issuesFromZod(error) };
  session.logger.error('Unexpected failure in a service call', error);
  return { code: 'INTERNAL', params: {}, issues: [] };
}
