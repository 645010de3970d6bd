import type { Rekeyed } from '@shared/contract/users';
import { UserRole } from '@shared/domain/enums';
import { translate, type MessageKey } from '@shared/i18n';
import { parseCommand, UsageError, type CliIo, type CliSession, type CommandContext } from '../io';

/**
 * `so86 users list|add|disable|enable|role|password`: an administrator manages the accounts.
 * New passwords come from SO86_NEW_PASSWORD or are asked twice without echo; the acting account
 * signs in with --user / SO86_USER and SO86_PASSWORD as for every command.
 */
export async function usersCommand(args: string[], io: CliIo): Promise<number> {
  const [action, ...rest] = args;
  const { values, positionals, context } = parseCommand(rest, { role: { type: 'string' }, 'full-name': { type: 'string' } }, io);
  const name = positionals[0];
  if (action !== 'list' && !name) throw new UsageError('cli.missingOption', { option: 'NAME' });
  const roleOf = (value: unknown) => {
    const role = UserRole.safeParse(value);
    if (!role.success) throw new UsageError('cli.badUsage', { detail: `--role ${String(value ?? '')}`.trim() });
    return role.data;
  };
  const roleName = (role: UserRole) => translate(context.lang, `role.${role}` as MessageKey);
  switch (action) {
    case 'list':
      return withSession(context, async (session) => {
        const users = await session.call('users.list', {});
        if (context.json) context.printJson(users);
        else {
          io.out(translate(context.lang, 'cli.users.header'));
          for (const user of users) {
            io.out([user.username, user.displayName, roleName(user.role), translate(context.lang, user.active ? 'cli.users.active' : 'cli.users.disabled'), user.lastSignInAt ?? ''].join('\t'));
          }
          context.say('cli.list.total', { total: users.length });
        }
        return 0;
      });
    case 'add': {
      const role = roleOf(values.role);
      return withSession(context, async (session) => {
        const password = await context.newPassword(name!);
        const displayName = typeof values['full-name'] === 'string' ? values['full-name'] : name!;
        const user = await session.call('users.create', { username: name!, displayName, role, password, passwordConfirm: password });
        if (context.json) context.printJson(user);
        else context.say('cli.users.added', { user: user.username, role: roleName(user.role) });
        return 0;
      });
    }
    case 'disable':
      return withSession(context, async (session) => {
        const updated = await session.call('users.update', { username: name!, active: false });
        if (context.json) context.printJson(updated);
        else context.say('cli.users.disabledDone', { user: updated.username });
        if (updated.rekeyed) sayRekeyed(context, io, updated.rekeyed);
        return 0;
      });
    case 'enable':
      return withSession(context, async (session) => {
        // A disabled account's key-file entry is gone: it comes back with a new password.
        const password = await context.newPassword(name!);
        const user = await session.call('users.update', { username: name!, active: true });
        await session.call('users.resetPassword', { id: user.id, password, passwordConfirm: password });
        context.say('cli.users.enabled', { user: user.username });
        return 0;
      });
    case 'role': {
      const role = roleOf(positionals[1] ?? values.role);
      return withSession(context, async (session) => {
        const updated = await session.call('users.update', { username: name!, role });
        if (context.json) context.printJson(updated);
        else context.say('cli.users.roleChanged', { user: updated.username, role: roleName(updated.role) });
        return 0;
      });
    }
    case 'password':
      return withSession(context, async (session) => {
        const password = await context.newPassword(name!);
        await session.call('users.resetPassword', { username: name!, password, passwordConfirm: password });
        context.say('cli.users.passwordSet', { user: name!.normalize('NFC').trim().toLowerCase() });
        return 0;
      });
    default:
      throw new UsageError('cli.badUsage', { detail: `users ${action ?? ''}`.trim() });
  }
}

/** `so86 rekey` (đổi khóa sổ): a new registry key and a new recovery key, printed once. */
export async function rekeyCommand(args: string[], io: CliIo): Promise<number> {
  const { context } = parseCommand(args, {}, io);
  return withSession(context, async (session) => {
    const rekeyed = await session.call('registry.rekey', {});
    if (context.json) context.printJson(rekeyed);
    else sayRekeyed(context, io, rekeyed);
    return 0;
  });
}

async function withSession(context: CommandContext, work: (session: CliSession) => Promise<number>): Promise<number> {
  const session = await context.signIn();
  try {
    return await work(session);
  } finally {
    session.close();
  }
}

/** The new recovery key after a rekey (a disabled account, `so86 rekey`, a restore over a registry that had disabled accounts), printed once. */
export function sayRekeyed(context: CommandContext, io: CliIo, rekeyed: Rekeyed) {
  if (context.json) return;
  context.say('cli.rekey.done');
  if (rekeyed.needNewPassword.length > 0) context.say('cli.rekey.needPassword', { users: rekeyed.needNewPassword.join(', ') });
  context.say('cli.rekey.recovery');
  io.out(rekeyed.recoveryKey);
}
