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

const NewPassword = z.object({ password: Password, passwordConfirm: z.string().max(256) }).refine((value) => value.password === value.passwordConfirm, {
  message: 'error.PASSWORD_MISMATCH',
  path: ['passwordConfirm'],
});

export const usersCalls = {
  'users.list': readCall(Empty, z.array(UserSummary), administrators),
  'users.create': writeCall(z.object({ username: Username, displayName: requiredText(100), role: UserRole }).strict().and(NewPassword), UserSummary, administrators),
  'users.update': writeCall(
    z.object({ id: Id, displayName: requiredText(100).optional(), role: UserRole.optional(), active: z.boolean().optional() }).strict(),
    UserSummary,
    administrators,
  ),
  'users.resetPassword': writeCall(z.object({ id: Id }).strict().and(NewPassword), Done, administrators),
  'session.touch': readCall(Empty, Done),
} as const;
