import { z } from 'zod';
import { UnitLevel } from '@shared/domain/enums';
import { CivilDate } from '@shared/domain/primitives';
import { isWellFormedText } from './encoding';

// Schemas for signed files never transform: what is checked is exactly what was signed.

function hasControlCharacter(value: string): boolean {
  for (let index = 0; index < value.length; index += 1) {
    const code = value.charCodeAt(index);
    if (code < 0x20 || (code >= 0x7f && code <= 0x9f)) return true;
  }
  return false;
}

/** A line of text from a file: bounded, no control characters, valid Unicode. */
export function plainText(max: number) {
  return z
    .string()
    .min(1)
    .max(max)
    .refine((value) => !hasControlCharacter(value) && isWellFormedText(value), { message: 'validation.invalid' });
}

export const UnitCodeText = z.string().regex(/^[A-Z0-9][A-Z0-9._-]{0,31}$/, { message: 'unit.code.format' });

export const UnitRef = z.strictObject({ code: UnitCodeText, name: plainText(200), level: UnitLevel });
export type UnitRef = z.infer<typeof UnitRef>;

export const Period = z
  .strictObject({ from: CivilDate, to: CivilDate })
  .refine((period) => period.from <= period.to, { message: 'validation.invalid', path: ['to'] });
export type Period = z.infer<typeof Period>;

export function hexBytes(byteLength: number) {
  return z.string().regex(new RegExp(`^[0-9a-f]{${byteLength * 2}}$`), { message: 'validation.invalid' });
}

export const FingerprintHex = hexBytes(20);
export const KeyHex = hexBytes(32);
export const SignatureHex = hexBytes(64);
export const Sha256Hex = hexBytes(32);

/** A reporting round's reference as written on the upper level's letter, e.g. `626-CV/BTCTW`. */
export const RoundRef = plainText(64);
