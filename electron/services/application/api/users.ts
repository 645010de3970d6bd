import type { usersCalls } from '@shared/contract/users';
import { accountIdOf, createUser, listUsers, resetUserPassword, updateUser } from '../../domain/users';
import type { HandlerSet } from './types';

export const usersHandlers: HandlerSet<keyof typeof usersCalls> = {
  'users.list': (_input, { session }) => listUsers(session.requireRegistry()),
  'users.create': ({ username, displayName, role, password }, { session }) =>
    createUser(session.requireRegistry(), { username, displayName, role, password }),
  'users.update': ({ id, username, ...change }, { session }) => {
    const registry = session.requireRegistry();
    return updateUser(registry, { ...change, id: accountIdOf(registry, { id, username }) });
  },
  'registry.rekey': (_input, { session }) => session.requireRegistry().rekey(),
  'users.resetPassword': async ({ id, username, password }, { session }) => {
    const registry = session.requireRegistry();
    await resetUserPassword(registry, accountIdOf(registry, { id, username }), password);
    return { done: true };
  },
  'session.touch': (_input, { session }) => {
    session.touch();
    return { done: true };
  },
};
