/**
 * The signed-in role's rights in every component (issue 13 part 5): `useCan('visits.checkIn')`
 * answers from the contract's roles (shared/contract/permissions.ts), so a control a role may not
 * use is not shown, and a read-only view can name who may change it (`useWhoMay`).
 */
import { createContext, useContext, type ReactNode } from 'react';
import type { MethodName } from '../../shared/contract/index';
import { mayCall, rolesAllowed } from '../../shared/contract/permissions';
import { STAFF_ROLES, type Role } from '../../shared/domain/roles';
import { useI18n } from '../i18n/i18n';

const RoleContext = createContext<Role | null>(null);

/** Gives the pages below the role of the person signed in. */
export function RoleProvider({ role, children }: { role: Role; children: ReactNode }) {
  return <RoleContext.Provider value={role}>{children}</RoleContext.Provider>;
}

/** Whether the person signed in may call `method` (false outside a signed-in shell). */
export function useCan(method: MethodName): boolean {
  const role = useContext(RoleContext);
  return role !== null && mayCall(role, method);
}

/** The roles that may call `method`, named in the user's language: "前台、主管". */
export function useWhoMay(method: MethodName): string {
  const { t, language } = useI18n();
  const roles = rolesAllowed(method).filter((role) => (STAFF_ROLES as readonly Role[]).includes(role));
  return roles.map((role) => t(`role.${role}`)).join(language === 'en' ? ', ' : '、');
}
