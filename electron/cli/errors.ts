import type { ErrorPayload } from '../../shared/contract';
import type { MessageKey, MessageParams } from '../../shared/i18n';

/** Exit status: 0 done, 1 failed, 2 bad usage, 3 a report file refused, 4 wrong password (README, "Command line"). */
export const exitCodes = { done: 0, failed: 1, usage: 2, packageRefused: 3, wrongPassword: 4 } as const;

/**
 * An error of the command line itself, printed as `CODE: sentence`; the sentence says what to do
 * next. `helpFor` names the command whose `--help` the person is sent to.
 */
export class CliError extends Error {
  constructor(
    readonly code: string,
    readonly key: MessageKey,
    readonly params: MessageParams = {},
    readonly exitCode: number = exitCodes.failed,
    readonly helpFor: string | null = null,
  ) {
    super(code);
  }
}

/** A command line the table refuses: exit 2, and a pointer to the command's help. */
export class UsageError extends CliError {
  constructor(key: MessageKey, params: MessageParams = {}, command: string | null = null) {
    super('USAGE', key, params, exitCodes.usage, command ?? '');
  }
}

/** A call the dispatcher refused or that failed: its code, message and field issues, as the window gets them. */
export class CallFailed extends Error {
  constructor(readonly payload: ErrorPayload) {
    super(payload.code);
  }
}
