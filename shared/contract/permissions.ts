/**
 * What a role may do, read from the contract's own `roles` (issue 13 part 5): the console shows a
 * role a control only when the server would accept the call behind it, so no screen offers what
 * it then refuses, and no hand-written list of roles can drift from the contract.
 */
import type { Role } from '../domain/roles';
import type { MethodName } from './index';
import { METHOD_TABLE } from './method-table';

/** The roles that may call `method` (for a public method, every signed-in role). */
export function rolesAllowed(method: MethodName): readonly Role[] {
  const roles = METHOD_TABLE[method].roles;
  return roles === 'public' ? [] : roles;
}

/**
 * Whether `role` may call `method`.
 *
 * @example mayCall('nurse', 'visits.checkIn') // false
 */
export function mayCall(role: Role, method: MethodName): boolean {
  const roles = METHOD_TABLE[method].roles;
  return roles === 'public' || roles.includes(role);
}
