import type { ZodError } from 'zod';
import type { FieldIssue } from './errors';
import { hasMessage } from './i18n';

/** Turns a schema failure into field issues carrying message keys, the same for a form and for a service. */
export function issuesFromZod(error: ZodError): FieldIssue[] {
  return error.issues.map((issue) => {
    const path = issue.path.filter((part): part is string | number => typeof part !== 'symbol');
    if (hasMessage(issue.message)) return { path, key: issue.message };
    if (issue.code === 'invalid_type' && issue.input === undefined) return { path, key: 'validation.required' };
    // A choice left empty (the input is reported only when the parse asked for it).
    if (issue.code === 'invalid_value' && 'input' in issue && issue.input === undefined)
      return { path, key: 'validation.required' };
    if (issue.code === 'too_small' && issue.minimum === 1 && issue.origin === 'string')
      return { path, key: 'validation.required' };
    return { path, key: 'validation.invalid' };
  });
}
