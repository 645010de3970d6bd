import { administrators, dataEntry } from '@shared/contract/define';
import type { UserRole } from '@shared/domain/enums';
import { useSession } from '../state/sessionStore';

/**
 * Whether the signed-in role may make calls open to these roles, read from the contract's own
 * lists. Only to spare people buttons that would be refused: the services decide.
 */
export function useHasRole(roles: readonly UserRole[]): boolean {
  const role = useSession((state) => state.status?.user?.role);
  return role !== undefined && roles.includes(role);
}

export const useCanEnterData = () => useHasRole(dataEntry);
export const useIsAdministrator = () => useHasRole(administrators);
