import { z } from 'zod';
import { UserRole } from '../domain/enums';
import { Id, Password, Username, requiredText } from '../domain/primitives';
import { administrators, Done, Empty, readCall, writeCall } from './define';

export const UserSummary = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  role: UserRole,
  active: z.boolean(),
  lastSignInAt: z.string().nullable(),
  passwordChangedAt: z.string().nullable(),
});
export type UserSummary = z.infer<typeof UserSummary>;

const NewPassword = z
  .object({ password: Password, passwordConfirm: z.string().max(256) })
  .refine((value) => value.password === value.passwordConfirm, {
    message: 'error.PASSWORD_MISMATCH',
    path: ['passwordConfirm'],
  });

/**
 * What a rekey (đổi khóa sổ) hands back once: the new recovery key, to be shown and confirmed
 * like at set-up, and the active accounts whose old-format entry needs a new password.
 */
export const Rekeyed = z.object({ recoveryKey: z.string(), needNewPassword: z.array(z.string()) });
export type Rekeyed = z.infer<typeof Rekeyed>;

/**
 * The account a change is for: by its id (the window, from the list it shows) or by its user name
 * (the command line, which then makes the change as its first call, so a refusal is audited as that change).
 */
const account = { id: Id.optional(), username: Username.optional() };
const namesOneAccount = (value: { id?: string | undefined; username?: string | undefined }) =>
  (value.id === undefined) !== (value.username === undefined);

export const usersCalls = {
  'users.list': readCall(Empty, z.array(UserSummary), administrators),
  'users.create': writeCall(
    z
      .object({ username: Username, displayName: requiredText(100), role: UserRole })
      .strict()
      .and(NewPassword),
    UserSummary,
    administrators,
  ),
  /** Disabling an account also rekeys the registry: `rekeyed` then carries the new recovery key. */
  'users.update': writeCall(
    z
      .object({
        ...account,
        displayName: requiredText(100).optional(),
        role: UserRole.optional(),
        active: z.boolean().optional(),
      })
      .strict()
      .refine(namesOneAccount, { message: 'validation.invalid', path: ['id'] }),
    UserSummary.extend({ rekeyed: Rekeyed.nullable() }),
    administrators,
  ),
  'registry.rekey': writeCall(Empty, Rekeyed, administrators),
  'users.resetPassword': writeCall(
    z
      .object(account)
      .strict()
      .refine(namesOneAccount, { message: 'validation.invalid', path: ['id'] })
      .and(NewPassword),
    Done,
    administrators,
  ),
  'session.touch': readCall(Empty, Done),
} as const;
