import { z } from 'zod';

/** A civil date, `YYYY-MM-DD`, checked to be a real day of the Gregorian calendar. */
export const CivilDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'date.format' })
  .refine(isRealCivilDate, { message: 'date.invalid' });
export type CivilDate = z.infer<typeof CivilDate>;

/** The decimal number written by `count` ASCII digits from `start`, or -1 when one of them is not a digit. */
export function digitsAt(value: string, start: number, count: number): number {
  let result = 0;
  for (let index = start; index < start + count; index += 1) {
    const digit = value.charCodeAt(index) - 48;
    if (digit < 0 || digit > 9) return -1;
    result = result * 10 + digit;
  }
  return result;
}

// Read digit by digit rather than with a regular expression and a Date: the counting rules check
// every date of every trip this way, hundreds of thousands of times for a report.
export function isRealCivilDate(value: string): boolean {
  if (value.length !== 10 || value.charCodeAt(4) !== 45 || value.charCodeAt(7) !== 45) return false;
  const year = digitsAt(value, 0, 4);
  const month = digitsAt(value, 5, 2);
  const day = digitsAt(value, 8, 2);
  if (year < 0 || month < 1 || month > 12 || day < 1) return false;
  return day <= daysInMonth(year, month);
}

const monthLengths = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Days in a month of the proleptic Gregorian calendar (months 1–12). */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return monthLengths[month - 1] ?? new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** A UTC instant as produced by `Date.prototype.toISOString`. */
export const Instant = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?Z$/);
export type Instant = z.infer<typeof Instant>;

export const Id = z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
export type Id = z.infer<typeof Id>;

/** Free text from a person: trimmed, normalised to NFC, bounded. */
export function text(max: number) {
  return z
    .string()
    .max(max * 4)
    .transform((value) => value.normalize('NFC').trim())
    .pipe(z.string().max(max));
}

export function requiredText(max: number) {
  return z
    .string()
    .max(max * 4)
    .transform((value) => value.normalize('NFC').trim())
    .pipe(z.string().min(1, { message: 'text.required' }).max(max));
}

export const UnitCode = z
  .string()
  .transform((value) => value.normalize('NFC').trim().toUpperCase())
  .pipe(z.string().regex(/^[A-Z0-9][A-Z0-9._-]{0,31}$/, { message: 'unit.code.format' }));

export const Username = z
  .string()
  .transform((value) => value.normalize('NFC').trim().toLowerCase())
  .pipe(z.string().regex(/^[a-z0-9][a-z0-9._-]{1,31}$/, { message: 'user.username.format' }));

export const Password = z.string().min(10, { message: 'user.password.tooShort' }).max(256);
