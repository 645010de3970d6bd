import type { MessageKey, MessageParams } from './i18n';

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
