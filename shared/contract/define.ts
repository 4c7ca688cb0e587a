import type { z } from 'zod';
import type { Role } from '../domain/roles';

/** Who may call a method: `'public'` needs no sign-in; otherwise the roles allowed. */
export type Access = 'public' | readonly Role[];

/** One method of the contract, as data: what it takes, what it returns, who may call it. */
export interface MethodSpec<Input extends z.ZodType = z.ZodType, Output extends z.ZodType = z.ZodType> {
  /** One line for the method's reader (shown in the API table). */
  readonly summary: string;
  readonly input: Input;
  readonly output: Output;
  readonly roles: Access;
  /** A method that writes runs in a transaction and leaves exactly one audit row. */
  readonly writes: boolean;
}

/** Declares one method; keeps its schema types for the client and handler maps. */
export function defineMethod<Input extends z.ZodType, Output extends z.ZodType>(
  spec: MethodSpec<Input, Output>,
): MethodSpec<Input, Output> {
  return spec;
}

type Merge<Parts extends readonly object[]> = Parts extends readonly [infer Head, ...infer Tail extends object[]]
  ? Head & Merge<Tail>
  : unknown;

/**
 * Merges the per-domain method maps into one contract. A name registered twice throws at load
 * time, and every name must read `noun.verb`.
 *
 * @example
 * const contract = mergeContracts(authMethods, appointmentMethods);
 */
export function mergeContracts<Parts extends readonly Record<string, MethodSpec>[]>(...parts: Parts): Merge<Parts> {
  const merged: Record<string, MethodSpec> = {};
  for (const part of parts) {
    for (const [name, spec] of Object.entries(part)) {
      if (!/^[a-z][a-zA-Z]*\.[a-z][a-zA-Z]*$/.test(name)) {
        throw new Error(`contract method "${name}" must be named noun.verb`);
      }
      if (Object.prototype.hasOwnProperty.call(merged, name)) {
        throw new Error(`contract method "${name}" is registered twice`);
      }
      merged[name] = spec;
    }
  }
  return merged as Merge<Parts>;
}
