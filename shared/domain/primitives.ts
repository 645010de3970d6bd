import { z } from 'zod';

/** A civil date, `YYYY-MM-DD`, checked to be a real day of the Gregorian calendar. */
export const CivilDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'date.format' })
  .refine(isRealCivilDate, { message: 'date.invalid' });
export type CivilDate = z.infer<typeof CivilDate>;

export function isRealCivilDate(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (month < 1 || month > 12 || day < 1) return false;
  return day <= daysInMonth(year, month);
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
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
