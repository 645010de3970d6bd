import { hasMessage, type MessageKey, type MessageParams } from './i18n';

/** Every `error.<CODE>` message in the catalogs is a code; adding a message adds the code. */
export type ErrorCode = MessageKey extends infer Key ? (Key extends `error.${infer Code}` ? Code : never) : never;

/** One problem with one field (or one row and column of an import), as a message key and its parameters. */
export interface FieldIssue {
  path: (string | number)[];
  key: string;
  params?: MessageParams;
}

/** An error a person reads: a stable code plus the parameters of its message. */
export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly params: MessageParams = {},
    readonly issues: FieldIssue[] = [],
  ) {
    super(code);
    this.name = 'DomainError';
  }
}

/** What a refused or failed call carries to whoever shows it: a code, its message's parameters and the field issues. */
export interface ErrorFacts {
  code: string;
  params: MessageParams;
  issues: readonly FieldIssue[];
}

/** Text in the reader's language: the renderer's `t`, or `translate` with a language. */
export type TranslateIn = (key: MessageKey, params?: MessageParams) => string;

/** The sentence for one field issue; a key with no message reads as an invalid value. */
export function issueSentence(issue: FieldIssue, t: TranslateIn): string {
  return t(hasMessage(issue.key) ? issue.key : 'validation.invalid', issue.params);
}

/**
 * The one place an error becomes a sentence, for the window and the command line alike: the
 * message of its code with its parameters, where a {reason} is the first field issue's sentence.
 * A code with no message reads as an internal error.
 */
export function errorSentence(error: ErrorFacts, t: TranslateIn): string {
  const key = `error.${error.code}`;
  if (!hasMessage(key)) return t('error.INTERNAL');
  const firstIssue = error.issues[0];
  const reason = firstIssue && hasMessage(firstIssue.key) ? t(firstIssue.key, firstIssue.params) : '';
  return t(key, { reason, ...error.params });
}
