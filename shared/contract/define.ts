import { z } from 'zod';
import type { UserRole } from '../domain/enums';

/**
 * Who may make a call. `public` calls work without a session (status, set-up, unlock);
 * every other call needs an unlocked registry and one of the listed roles.
 */
export type Access = { kind: 'public' } | { kind: 'signedIn'; roles: readonly UserRole[] };

export interface CallDefinition<Input extends z.ZodType = z.ZodType, Output extends z.ZodType = z.ZodType> {
  input: Input;
  output: Output;
  access: Access;
  /** Calls that change the registry are audited, including when they are refused. */
  writes: boolean;
}

export const everyone: readonly UserRole[] = ['administrator', 'clerk', 'leader', 'viewer'];
export const dataEntry: readonly UserRole[] = ['administrator', 'clerk', 'leader'];
export const administrators: readonly UserRole[] = ['administrator'];
/** Deciding on trips (approval, refusal, extension) and signing reports. */
export const decisions: readonly UserRole[] = ['administrator', 'leader'];
/**
 * The roles that hold the office's private keys: those who sign report files (the leader signs the
 * report in the party's own procedure) and open the encrypted ones sent to the unit.
 */
export const officeKeyHolders: readonly UserRole[] = decisions;

export function publicCall<Input extends z.ZodType, Output extends z.ZodType>(
  input: Input,
  output: Output,
): CallDefinition<Input, Output> {
  return { input, output, access: { kind: 'public' }, writes: false };
}

export function readCall<Input extends z.ZodType, Output extends z.ZodType>(
  input: Input,
  output: Output,
  roles: readonly UserRole[] = everyone,
): CallDefinition<Input, Output> {
  return { input, output, access: { kind: 'signedIn', roles }, writes: false };
}

export function writeCall<Input extends z.ZodType, Output extends z.ZodType>(
  input: Input,
  output: Output,
  roles: readonly UserRole[] = dataEntry,
): CallDefinition<Input, Output> {
  return { input, output, access: { kind: 'signedIn', roles }, writes: true };
}

export const Empty = z.object({}).strict();
export const Done = z.object({ done: z.literal(true) });
