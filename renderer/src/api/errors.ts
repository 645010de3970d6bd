import { errorSentence, issueSentence, type FieldIssue } from '@shared/errors';
import { ApiError } from './client';
import type { Translate } from '../i18n';

/** The sentence to show for a failed call, in the current language. */
export function errorText(error: unknown, t: Translate): string {
  return error instanceof ApiError ? errorSentence(error.payload, t) : t('error.INTERNAL');
}

/** Field-level messages keyed by the dotted path of the field, for Mantine's `error` props. */
export function fieldErrors(error: unknown, t: Translate): Record<string, string> {
  if (!(error instanceof ApiError)) return {};
  return localFieldErrors(error.payload.issues, t);
}

/** Field-level messages for a local schema check, before anything is sent. */
export function localFieldErrors(issues: FieldIssue[], t: Translate, prefix = ''): Record<string, string> {
  const result: Record<string, string> = {};
  for (const issue of issues) {
    const path = [prefix, ...issue.path].filter((part) => part !== '').join('.');
    if (!(path in result)) result[path] = issueSentence(issue, t);
  }
  return result;
}
