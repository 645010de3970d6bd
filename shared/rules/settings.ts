import { z } from 'zod';
import { CivilDate, requiredText, text } from '../domain/primitives';

/**
 * One change to the computed list of days off, because the government re-arranges the
 * holidays every year (which day next to 2/9, how Tết is stretched across weekends):
 * - `add`: an extra day off, with the name the office gives it;
 * - `remove`: the date is no longer a day off (a computed holiday or compensatory day);
 * - `working_day`: a Saturday or Sunday worked in exchange for a day off elsewhere.
 * Moving a holiday is a `remove` of the old date and an `add` of the new one.
 */
export const HolidayOverride = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('add'), date: CivilDate, name: requiredText(200) }),
  z.object({ kind: z.literal('remove'), date: CivilDate, note: text(200).optional() }),
  z.object({ kind: z.literal('working_day'), date: CivilDate, note: text(200).optional() }),
]);
export type HolidayOverride = z.infer<typeof HolidayOverride>;
export type HolidayOverrideKind = HolidayOverride['kind'];

/**
 * The application deadline, in calendar days before the planned departure. Sources disagree
 * on it and provinces set their own, so it is a per-unit setting; 10 days is only the
 * starting value until the unit enters the rule it follows.
 */
export const defaultApplicationDaysBeforeDeparture = 10;
/** The return report is due this many working days after the actual return (the unit may change it). */
export const defaultReturnReportWorkingDays = 7;

export const DeadlineSettings = z
  .object({
    returnReportWorkingDays: z
      .number({ message: 'settings.returnReportWorkingDays.range' })
      .int({ message: 'settings.returnReportWorkingDays.range' })
      .min(1, { message: 'settings.returnReportWorkingDays.range' })
      .max(60, { message: 'settings.returnReportWorkingDays.range' })
      .default(defaultReturnReportWorkingDays),
    applicationDaysBeforeDeparture: z
      .number({ message: 'settings.applicationDaysBeforeDeparture.range' })
      .int({ message: 'settings.applicationDaysBeforeDeparture.range' })
      .min(0, { message: 'settings.applicationDaysBeforeDeparture.range' })
      .max(90, { message: 'settings.applicationDaysBeforeDeparture.range' })
      .default(defaultApplicationDaysBeforeDeparture),
    holidayOverrides: z.array(HolidayOverride).max(1000).default([]),
  })
  .superRefine((settings, context) => {
    const seen = new Map<string, HolidayOverrideKind>();
    settings.holidayOverrides.forEach((override, index) => {
      const earlier = seen.get(override.date);
      if (earlier === undefined) {
        seen.set(override.date, override.kind);
        return;
      }
      context.addIssue({
        code: 'custom',
        path: ['holidayOverrides', index, 'date'],
        message: earlier === override.kind ? 'settings.holidayOverride.duplicate' : 'settings.holidayOverride.conflict',
      });
    });
  });
export type DeadlineSettings = z.infer<typeof DeadlineSettings>;

export const defaultDeadlineSettings: DeadlineSettings = DeadlineSettings.parse({});
