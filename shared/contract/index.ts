/**
 * The whole contract: every method of the console with its input and output schemas and the roles
 * allowed. Both transports serve exactly this map; the client's types are derived from it.
 */
import type { z } from 'zod';
import { appointmentMethods } from './appointments';
import { checklistMethods } from './checklists';
import { comfortRuleMethods } from './comfort-rules';
import { visitMethods } from './visits';
import { authMethods } from './auth';
import { mergeContracts, type MethodSpec } from './define';
import { customerMethods } from './customers';
import { printMethods } from './printing';
import { rosterMethods } from './roster';
import { settingsMethods } from './settings';
import { notificationMethods } from './notifications';
import { displayMethods } from './display';
import { backupMethods } from './backups';
import { privacyMethods } from './privacy';
import { reportMethods } from './report';
import { escortMethods } from './escorts';
import { outcomeMethods } from './outcomes';
import { stayMethods } from './stays';
import { deviceMethods } from './devices';
import { staffMethods } from './staff';
import { followUpMethods } from './follow-ups';

export const contract = mergeContracts(
  authMethods,
  settingsMethods,
  customerMethods,
  appointmentMethods,
  visitMethods,
  rosterMethods,
  printMethods,
  checklistMethods,
  comfortRuleMethods,
  notificationMethods,
  displayMethods,
  backupMethods,
  privacyMethods,
  reportMethods,
  escortMethods,
  outcomeMethods,
  stayMethods,
  deviceMethods,
  staffMethods,
  followUpMethods,
);

export type Contract = typeof contract;
export type MethodName = keyof Contract & string;
/** What a caller passes (before defaults and transforms). */
export type InputOf<M extends MethodName> = z.input<Contract[M]['input']>;
/** What a handler receives (after parsing). */
export type ParsedInputOf<M extends MethodName> = z.output<Contract[M]['input']>;
/** What a caller receives. */
export type OutputOf<M extends MethodName> = z.output<Contract[M]['output']>;

export const methodNames = Object.keys(contract) as MethodName[];

/**
 * The reads: every method that does not write (`writes: false`). A read changes nothing stored,
 * so any caller it allows may call it at any moment over whatever data is stored; the odd-data
 * test (tests/node/odd-data.test.ts) calls every one of them as every role. A method is a read by
 * this one flag of its spec, never by a list, so a read added later is covered without a word.
 */
export const readMethodNames = methodNames.filter((name) => !contract[name].writes);

/** The spec of a method by a name that came from outside, or undefined. */
export function findMethod(name: string): MethodSpec | undefined {
  return Object.prototype.hasOwnProperty.call(contract, name)
    ? (contract as Record<string, MethodSpec>)[name]
    : undefined;
}

export { AppError, ApiCallError, ERROR_CODES, HTTP_STATUS, type ApiError, type ErrorCode } from './errors';
