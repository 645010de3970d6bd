import { and, eq, ne } from 'drizzle-orm';
import { users } from '@db/schema';
import type { UserRole } from '@shared/domain/enums';
import type { Rekeyed, UserSummary } from '@shared/contract/users';
import { DomainError } from '@shared/errors';
import { newId } from '@shared/ids';
import { appendAudit } from '../storage/audit';
import { holdsOfficeKeys } from '../storage/registry/officeKeys';
import type { Registry } from '../storage/registry/registry';

type UserRow = typeof users.$inferSelect;

function summary(row: UserRow): UserSummary {
  return {
    id: row.id,
    username: row.username,
    displayName: row.displayName,
    role: row.role,
    active: row.active,
    lastSignInAt: row.lastSignInAt,
    passwordChangedAt: row.passwordChangedAt,
  };
}

function findUser(registry: Registry, id: string): UserRow {
  const row = registry.db.select().from(users).where(eq(users.id, id)).get();
  if (!row) throw new DomainError('NOT_FOUND');
  return row;
}

/** The id of the account a change names by id or by user name. */
export function accountIdOf(registry: Registry, account: { id?: string | undefined; username?: string | undefined }): string {
  if (account.id !== undefined) return account.id;
  const row = registry.db
    .select({ id: users.id })
    .from(users)
    .where(eq(users.username, account.username ?? ''))
    .get();
  if (!row) throw new DomainError('USER_NOT_FOUND', { username: account.username ?? '' });
  return row.id;
}

export function listUsers(registry: Registry): UserSummary[] {
  return registry.db.select().from(users).orderBy(users.username).all().map(summary);
}

export async function createUser(
  registry: Registry,
  input: { username: string; displayName: string; role: UserRole; password: string },
): Promise<UserSummary> {
  if (registry.db.select({ id: users.id }).from(users).where(eq(users.username, input.username)).get()) {
    throw new DomainError('USER_EXISTS', { username: input.username });
  }
  // A new administrator or leader is given the office keys, which the acting account must hold.
  if (holdsOfficeKeys(input.role)) registry.officeKeys();
  const now = new Date().toISOString();
  const row: UserRow = {
    id: newId(),
    username: input.username,
    displayName: input.displayName,
    role: input.role,
    active: true,
    passwordChangedAt: now,
    lastSignInAt: null,
    createdAt: now,
    updatedAt: now,
  };
  registry.write((db) => {
    db.insert(users).values(row).run();
    appendAudit(db, registry.actor, {
      action: 'user.create',
      entity: 'user',
      entityId: row.id,
      after: { username: row.username, displayName: row.displayName, role: row.role },
    });
  });
  await registry.grantAccess(row.username, input.password, row.role);
  return summary(row);
}

/**
 * Changes a user's name, role or whether the account is active. The registry always keeps
 * one active administrator, and nobody disables the account they are signed in with.
 * Disabling removes the account's entry from the key file and rekeys the registry, so its old
 * password opens nothing, not even with a copy of the old key file; `rekeyed` carries the new
 * recovery key, to be shown and confirmed.
 */
export async function updateUser(
  registry: Registry,
  input: { id: string; displayName?: string | undefined; role?: UserRole | undefined; active?: boolean | undefined },
): Promise<UserSummary & { rekeyed: Rekeyed | null }> {
  const before = findUser(registry, input.id);
  const after: UserRow = {
    ...before,
    displayName: input.displayName ?? before.displayName,
    role: input.role ?? before.role,
    active: input.active ?? before.active,
    updatedAt: new Date().toISOString(),
  };
  if (before.id === registry.user.id && !after.active) throw new DomainError('CANNOT_DISABLE_SELF');
  const losesAdministrator =
    before.role === 'administrator' && before.active && (after.role !== 'administrator' || !after.active);
  if (losesAdministrator) {
    const others = registry.db
      .select({ id: users.id })
      .from(users)
      .where(and(eq(users.role, 'administrator'), eq(users.active, true), ne(users.id, before.id)))
      .all();
    if (others.length === 0) throw new DomainError('LAST_ADMINISTRATOR');
  }
  registry.write((db) => {
    db.update(users)
      .set({ displayName: after.displayName, role: after.role, active: after.active, updatedAt: after.updatedAt })
      .where(eq(users.id, before.id))
      .run();
    appendAudit(db, registry.actor, {
      action: 'user.update',
      entity: 'user',
      entityId: before.id,
      before: { displayName: before.displayName, role: before.role, active: before.active },
      after: { displayName: after.displayName, role: after.role, active: after.active },
    });
  });
  if (before.active && !after.active) {
    await registry.revokeAccess(before.username);
    return { ...summary(after), rekeyed: await registry.rekey() };
  }
  if (!holdsOfficeKeys(after.role)) await registry.withdrawOfficeKeys(before.username);
  return { ...summary(after), rekeyed: null };
}

export async function resetUserPassword(registry: Registry, id: string, password: string): Promise<void> {
  const row = findUser(registry, id);
  await registry.grantAccess(row.username, password, row.role);
  const now = new Date().toISOString();
  registry.write((db) => {
    db.update(users).set({ passwordChangedAt: now, updatedAt: now }).where(eq(users.id, id)).run();
    appendAudit(db, registry.actor, { action: 'user.reset_password', entity: 'user', entityId: id });
  });
}
