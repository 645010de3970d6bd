import type { usersCalls } from '@shared/contract/users';
import { createUser, listUsers, resetUserPassword, updateUser } from '../../domain/users';
import type { HandlerSet } from './types';

export const usersHandlers: HandlerSet<keyof typeof usersCalls> = {
  'users.list': (_input, { session }) => listUsers(session.requireRegistry()),
  'users.create': ({ username, displayName, role, password }, { session }) => createUser(session.requireRegistry(), { username, displayName, role, password }),
  'users.update': (input, { session }) => updateUser(session.requireRegistry(), input),
  'registry.rekey': (_input, { session }) => session.requireRegistry().rekey(),
  'users.resetPassword': async ({ id, password }, { session }) => {
    await resetUserPassword(session.requireRegistry(), id, password);
    return { done: true };
  },
  'session.touch': (_input, { session }) => {
    session.touch();
    return { done: true };
  },
};
