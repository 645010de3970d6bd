import { describe, expect, it } from 'vitest';
import { hasMessage } from '../i18n';
import { DeadlineSettings, defaultDeadlineSettings } from './settings';

describe('DeadlineSettings', () => {
  it('defaults to a report 7 working days after the return and an application 10 days before departure', () => {
    expect(defaultDeadlineSettings).toEqual({
      returnReportWorkingDays: 7,
      applicationDaysBeforeDeparture: 10,
      holidayOverrides: [],
    });
  });

  it('keeps a unit’s own numbers and holiday overrides, tidying the names it typed', () => {
    const parsed = DeadlineSettings.parse({
      returnReportWorkingDays: 5,
      applicationDaysBeforeDeparture: 15,
      holidayOverrides: [
        { kind: 'add', date: '2025-01-27', name: '  Nghỉ Tết bổ sung ' },
        { kind: 'remove', date: '2025-02-03' },
        { kind: 'working_day', date: '2025-02-08', note: 'Làm bù cho ngày 27/01' },
      ],
    });
    expect(parsed.returnReportWorkingDays).toBe(5);
    expect(parsed.applicationDaysBeforeDeparture).toBe(15);
    expect(parsed.holidayOverrides[0]).toEqual({ kind: 'add', date: '2025-01-27', name: 'Nghỉ Tết bổ sung' });
  });

  it.each([
    [{ returnReportWorkingDays: 0 }, ['returnReportWorkingDays'], 'settings.returnReportWorkingDays.range'],
    [{ returnReportWorkingDays: 7.5 }, ['returnReportWorkingDays'], 'settings.returnReportWorkingDays.range'],
    [{ applicationDaysBeforeDeparture: -1 }, ['applicationDaysBeforeDeparture'], 'settings.applicationDaysBeforeDeparture.range'],
    [{ applicationDaysBeforeDeparture: 91 }, ['applicationDaysBeforeDeparture'], 'settings.applicationDaysBeforeDeparture.range'],
    [{ holidayOverrides: [{ kind: 'add', date: '2025-02-30', name: 'x' }] }, ['holidayOverrides', 0, 'date'], 'date.invalid'],
    [{ holidayOverrides: [{ kind: 'add', date: '2025-02-03', name: '   ' }] }, ['holidayOverrides', 0, 'name'], 'text.required'],
    [
      {
        holidayOverrides: [
          { kind: 'add', date: '2025-02-03', name: 'A' },
          { kind: 'remove', date: '2025-02-03' },
        ],
      },
      ['holidayOverrides', 1, 'date'],
      'settings.holidayOverride.conflict',
    ],
    [
      {
        holidayOverrides: [
          { kind: 'remove', date: '2025-02-03' },
          { kind: 'remove', date: '2025-02-03' },
        ],
      },
      ['holidayOverrides', 1, 'date'],
      'settings.holidayOverride.duplicate',
    ],
  ])('refuses %j at %j with a message key', (input, path, message) => {
    const result = DeadlineSettings.safeParse(input);
    expect(result.success).toBe(false);
    const issue = result.error?.issues.find((candidate) => JSON.stringify(candidate.path) === JSON.stringify(path));
    expect(issue?.message).toBe(message);
    expect(hasMessage(message)).toBe(true);
  });
});
