import type { UserRole } from '@shared/domain/enums';
import { DomainError } from '@shared/errors';
import { translate, type MessageKey } from '@shared/i18n';
import { appendAudit } from '../../storage/audit';
import type { AppSession } from '../session';

/**
 * A call the signed-in role may not make: audited as refused (reads too, so that probing shows
 * in the log), and an error that names the role that is needed.
 */
export function refuse(
  session: AppSession,
  what: { action: string; entity: string; entityId?: string },
  allowed: readonly UserRole[],
): DomainError {
  const registry = session.requireRegistry();
  registry.write((db) => appendAudit(db, registry.actor, { ...what, outcome: 'refused' }));
  const roleName = (role: UserRole) => translate(session.lang, `role.${role}` as MessageKey);
  const needed = allowed.map((role) => `“${roleName(role)}”`).join(session.lang === 'vi' ? ' hoặc ' : ' or ');
  return new DomainError('FORBIDDEN', { role: roleName(registry.user.role), needed });
}
