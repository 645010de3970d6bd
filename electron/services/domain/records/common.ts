import type { FieldIssue } from '@shared/errors';
import { DomainError } from '@shared/errors';
import { civilDateInVietnam } from '@shared/rules/dates';
import { createHolidayCalendar, type HolidayCalendar } from '@shared/rules/holidays';
import type { DeadlineSettings } from '@shared/rules/settings';
import type { RuleIssue } from '@shared/rules/types';
import type { RegistryDb } from '@db/connection';
import { deadlineSetting, readSetting } from '../../storage/settings';

export interface RuleContext {
  today: string;
  settings: DeadlineSettings;
  calendar: HolidayCalendar;
}

/** Today in Vietnam, the unit's deadline settings and its holiday calendar: what the rules need to judge a record. */
export function ruleContext(db: RegistryDb, now: Date = new Date()): RuleContext {
  const settings = readSetting(db, deadlineSetting);
  return { today: civilDateInVietnam(now), settings, calendar: createHolidayCalendar(settings.holidayOverrides) };
}

/** Field problems found by the rules or by a service, refused as one validation error. */
export function invalid(
  issues: (RuleIssue | FieldIssue)[],
  code: 'VALIDATION' | 'TRIP_FIELDS_INVALID' | 'TRANSITION_REFUSED' = 'VALIDATION',
): DomainError {
  return new DomainError(
    code,
    {},
    issues.map((issue) =>
      'path' in issue ? issue : { path: issue.field ? [issue.field] : [], key: issue.key, params: issue.params },
    ),
  );
}

export function nowIso(): string {
  return new Date().toISOString();
}

/** Empty strings from forms are stored as NULL. */
export function blankToNull<T>(value: T | null | undefined): T | null {
  if (value === undefined || value === null) return null;
  if (typeof value === 'string' && value.trim() === '') return null;
  return value;
}
