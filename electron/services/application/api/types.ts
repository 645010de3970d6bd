import type { CallName, CallOutput, ParsedInput } from '@shared/contract';
import type { AppSession } from '../session';

export interface CallContext {
  session: AppSession;
}

export type Handler<Name extends CallName> = (
  input: ParsedInput<Name>,
  context: CallContext,
) => Promise<CallOutput<Name>> | CallOutput<Name>;

export type HandlerSet<Names extends CallName> = { [Name in Names]: Handler<Name> };
