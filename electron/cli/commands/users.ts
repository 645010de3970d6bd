import { calls } from '@shared/contract';
import type { Rekeyed } from '@shared/contract/users';
import type { UserRole } from '@shared/domain/enums';
import { translate, type MessageKey } from '@shared/i18n';
import type { CommandInput } from '../commandInput';
import { UsageError } from '../errors';
import type { CliSession, CommandContext } from '../io';
import { printList } from '../listing';

/*
 * `so86 users list|add|disable|enable|role|password`: an administrator manages the accounts.
 * New passwords come from SO86_NEW_PASSWORD or are asked twice without echo; the acting account
 * signs in with --user / SO86_USER and SO86_PASSWORD as for every command.
 */

const roleName = (context: CommandContext, role: UserRole) => translate(context.lang, `role.${role}` as MessageKey);

export async function usersListCommand(_input: CommandInput, context: CommandContext): Promise<number> {
  return withSession(context, async (session) => {
    const users = await session.call('users.list', {});
    if (context.json) context.printJson(users);
    else {
      const status = (active: boolean) => translate(context.lang, active ? 'cli.users.active' : 'cli.users.disabled');
      printList(
        context,
        'cli.users.header',
        users.map((user) => [
          user.username,
          user.displayName,
          roleName(context, user.role),
          status(user.active),
          user.lastSignInAt ?? '',
        ]),
      );
    }
    return 0;
  });
}

export async function usersAddCommand({ options, positionals }: CommandInput, context: CommandContext): Promise<number> {
  const name = positionals[0]!;
  const role = options.role as UserRole;
  return withSession(context, async (session) => {
    await refuseBeforeAsking(session, 'users.create');
    const password = await context.newPassword(name);
    const displayName = typeof options['full-name'] === 'string' ? options['full-name'] : name;
    const user = await session.call('users.create', { username: name, displayName, role, password, passwordConfirm: password });
    if (context.json) context.printJson(user);
    else context.say('cli.users.added', { user: user.username, role: roleName(context, user.role) });
    return 0;
  });
}

// The account is named to the service itself, so a refused change is audited as the change it attempted.
export async function usersDisableCommand({ positionals }: CommandInput, context: CommandContext): Promise<number> {
  return withSession(context, async (session) => {
    const updated = await session.call('users.update', { username: positionals[0]!, active: false });
    if (context.json) context.printJson(updated);
    else context.say('cli.users.disabledDone', { user: updated.username });
    if (updated.rekeyed) sayRekeyed(context, updated.rekeyed);
    return 0;
  });
}

export async function usersEnableCommand({ positionals }: CommandInput, context: CommandContext): Promise<number> {
  const name = positionals[0]!;
  return withSession(context, async (session) => {
    await refuseBeforeAsking(session, 'users.update');
    // A disabled account's key-file entry is gone: it comes back with a new password.
    const password = await context.newPassword(name);
    const user = await session.call('users.update', { username: name, active: true });
    await session.call('users.resetPassword', { id: user.id, password, passwordConfirm: password });
    context.say('cli.users.enabled', { user: user.username });
    return 0;
  });
}

export async function usersRoleCommand({ options, positionals }: CommandInput, context: CommandContext): Promise<number> {
  const role = (positionals[1] ?? options.role) as UserRole | undefined;
  if (!role)
    throw new UsageError(
      'cli.error.missingArgument',
      { command: 'users role', argument: translate(context.lang, 'cli.arg.role') },
      'users role',
    );
  return withSession(context, async (session) => {
    const updated = await session.call('users.update', { username: positionals[0]!, role });
    if (context.json) context.printJson(updated);
    else context.say('cli.users.roleChanged', { user: updated.username, role: roleName(context, updated.role) });
    return 0;
  });
}

export async function usersPasswordCommand({ positionals }: CommandInput, context: CommandContext): Promise<number> {
  const name = positionals[0]!;
  return withSession(context, async (session) => {
    await refuseBeforeAsking(session, 'users.resetPassword');
    const password = await context.newPassword(name);
    await session.call('users.resetPassword', { username: name, password, passwordConfirm: password });
    context.say('cli.users.passwordSet', { user: name.normalize('NFC').trim().toLowerCase() });
    return 0;
  });
}

/** `so86 rekey` (đổi khóa sổ): a new registry key and a new recovery key, printed once. */
export async function rekeyCommand(_input: CommandInput, context: CommandContext): Promise<number> {
  return withSession(context, async (session) => {
    const rekeyed = await session.call('registry.rekey', {});
    if (context.json) context.printJson(rekeyed);
    else sayRekeyed(context, rekeyed);
    return 0;
  });
}

/**
 * Nobody is asked for a new password they will not be allowed to set: an account whose role may not
 * make the call makes it at once, without input, and the service refuses (and audits) it as the
 * change it attempted.
 */
async function refuseBeforeAsking(session: CliSession, name: 'users.create' | 'users.update' | 'users.resetPassword') {
  const { user } = await session.call('app.status', {});
  const { access } = calls[name];
  if (access.kind === 'signedIn' && user && !access.roles.includes(user.role)) await session.call(name, {} as never);
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
export function sayRekeyed(context: CommandContext, rekeyed: Rekeyed) {
  if (context.json) return;
  context.say('cli.rekey.done');
  if (rekeyed.needNewPassword.length > 0) context.say('cli.rekey.needPassword', { users: rekeyed.needNewPassword.join(', ') });
  context.say('cli.rekey.recovery');
  context.io.out(rekeyed.recoveryKey);
}
