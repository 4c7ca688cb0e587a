/**
 * Reads a method's zod input schema as data, for the bad-input generator: a valid example of it,
 * every field path in it with its own schema, and every object that should refuse unknown keys.
 * Only what the contract uses is understood; anything else is reported, never guessed, so a new
 * kind of schema in the contract fails `bad-input.test.ts` instead of being fuzzed blind.
 */
import type { z } from 'zod';

type Schema = z.ZodType;
export type Path = (string | number)[];

/** A leaf (or array) of the input: where it is, its own schema, whether it may be left out. */
export interface Field {
  path: Path;
  schema: Schema;
  optional: boolean;
  kind: 'string' | 'number' | 'boolean' | 'enum' | 'literal' | 'array' | 'object' | 'other';
}

interface Def {
  type: string;
  innerType?: Schema;
  in?: Schema;
  element?: Schema;
  options?: Schema[];
  shape?: Record<string, Schema>;
  catchall?: Schema;
  left?: Schema;
  right?: Schema;
}

function defOf(schema: Schema): Def {
  return (schema as unknown as { _zod: { def: Def } })._zod.def;
}

const WRAPPERS = new Set(['optional', 'nullable', 'default', 'prefault', 'readonly', 'nonoptional', 'catch']);

/** The schema under optional/nullable/default/pipe wrappers. */
export function unwrap(schema: Schema): Schema {
  let current = schema;
  for (;;) {
    const def = defOf(current);
    if (WRAPPERS.has(def.type) && def.innerType) current = def.innerType;
    else if (def.type === 'pipe' && def.in) current = def.in;
    else return current;
  }
}

export function typeOf(schema: Schema): string {
  return defOf(unwrap(schema)).type;
}

/** An object schema refuses unknown keys when its catch-all is `never` (`.strict()`). */
export function isStrictObject(schema: Schema): boolean {
  const def = defOf(unwrap(schema));
  return def.type === 'object' && def.catchall !== undefined && defOf(def.catchall).type === 'never';
}

export function shapeOf(schema: Schema): Record<string, Schema> {
  return defOf(unwrap(schema)).shape ?? {};
}

export function elementOf(schema: Schema): Schema | undefined {
  return defOf(unwrap(schema)).element;
}

export function optionsOf(schema: Schema): Schema[] {
  return defOf(unwrap(schema)).options ?? [];
}

/** The largest length a string or array schema allows, or null. */
export function maxLengthOf(schema: Schema): number | null {
  const bag = (unwrap(schema) as unknown as { _zod: { bag?: { maximum?: number } } })._zod.bag;
  const max = bag?.maximum;
  return typeof max === 'number' && Number.isFinite(max) ? max : null;
}

const accepts = (schema: Schema, value: unknown) => schema.safeParse(value).success;

/** Values tried, in order, for a leaf's valid example: the first its schema accepts wins. */
const STRING_CANDIDATES = [
  '2026-11-24', '10:30', '17:00', '1234', '5678', '13800138000', 'Asia/Shanghai', '2026-11-24T02:30:00.000Z', '测试', 'a', '',
  'data:image/png;base64,iVBORw0KGgo=',
  // A device's pairing code (issue 15): six digits.
  '123456',
];
// 5170: a port (the LAN port setting takes 1024–65535).
const NUMBER_CANDIDATES = [1, 2, 30, 5, 60, 0, 1990, 100, 1000, 5170];

/**
 * A valid example of `schema`, or undefined when none of the candidates fits. Objects get their
 * required keys, then each optional key that keeps the whole object valid (object-level rules
 * such as "red after amber" may refuse some).
 */
export function validSample(schema: Schema): unknown {
  const def = defOf(schema);
  switch (def.type) {
    case 'optional':
    case 'nullable':
    case 'default':
    case 'prefault':
    case 'readonly':
    case 'nonoptional':
    case 'catch':
      return validSample(def.innerType as Schema);
    case 'pipe':
      return validSample(def.in as Schema);
    case 'object': {
      const shape = def.shape ?? {};
      const value: Record<string, unknown> = {};
      for (const [key, inner] of Object.entries(shape)) {
        if (!accepts(inner, undefined)) value[key] = validSample(inner);
      }
      for (const [key, inner] of Object.entries(shape)) {
        if (!accepts(inner, undefined)) continue;
        const sample = validSample(inner);
        if (sample !== undefined && accepts(schema, { ...value, [key]: sample })) value[key] = sample;
      }
      return repairObject(schema, shape, value);
    }
    case 'array': {
      const element = validSample(def.element as Schema);
      for (const length of [0, 1, 2]) {
        const value = Array.from({ length }, () => element);
        if (accepts(schema, value)) return value;
      }
      return [element];
    }
    case 'union': {
      for (const option of def.options ?? []) {
        const sample = validSample(option);
        if (accepts(option, sample)) return sample;
      }
      return undefined;
    }
    default: {
      const candidates: unknown[] = [...STRING_CANDIDATES, ...NUMBER_CANDIDATES, true, false];
      const options = (schema as unknown as { options?: unknown[] }).options;
      const literal = (def as { values?: unknown[] }).values;
      return [...(options ?? []), ...(literal ?? []), ...candidates].find((candidate) => accepts(schema, candidate));
    }
  }
}

/** Every candidate a leaf accepts (an object or array: its one sample). */
function candidatesOf(schema: Schema): unknown[] {
  const type = typeOf(schema);
  if (type === 'object' || type === 'array' || type === 'union') return [validSample(schema)];
  const options = (unwrap(schema) as unknown as { options?: unknown[] }).options ?? [];
  return [...options, ...STRING_CANDIDATES, ...NUMBER_CANDIDATES, true, false].filter((candidate) => accepts(schema, candidate));
}

/**
 * An object-level rule ("the end after the start") may refuse the first candidates: the field it
 * names gets the next candidate its own schema takes, until the object passes (a few tries).
 */
function repairObject(schema: Schema, shape: Record<string, Schema>, start: Record<string, unknown>): Record<string, unknown> {
  let value = start;
  for (let attempt = 0; attempt < 5; attempt += 1) {
    const parsed = schema.safeParse(value);
    if (parsed.success) return value;
    const key = parsed.error.issues[0]?.path[0];
    if (typeof key !== 'string' || !(key in shape)) return value;
    const current = value;
    const next = candidatesOf(shape[key] as Schema).find((candidate) => accepts(schema, { ...current, [key]: candidate }));
    if (next === undefined) return value;
    value = { ...value, [key]: next };
  }
  return value;
}

function kindOf(schema: Schema): Field['kind'] {
  const type = typeOf(schema);
  if (type === 'string' || type === 'number' || type === 'boolean' || type === 'enum' || type === 'literal' || type === 'array' || type === 'object') {
    return type;
  }
  return 'other';
}

/**
 * Every field of a valid example, with its path: the keys present in `sample` (the optional ones
 * that fit) and the required ones, objects and arrays included, leaves after them. A union
 * follows the option `sample` matches.
 */
export function fieldsOf(schema: Schema, sample: unknown, path: Path = []): Field[] {
  const inner = unwrap(schema);
  const type = typeOf(inner);
  if (type === 'union') {
    const option = optionsOf(inner).find((candidate) => accepts(candidate, sample));
    return option ? fieldsOf(option, sample, path) : [];
  }
  if (type === 'object') {
    const fields: Field[] = [];
    const present = (sample ?? {}) as Record<string, unknown>;
    for (const [key, child] of Object.entries(shapeOf(inner))) {
      const childPath = [...path, key];
      fields.push({ path: childPath, schema: child, optional: accepts(child, undefined), kind: kindOf(child) });
      if (key in present) fields.push(...fieldsOf(child, present[key], childPath).filter((field) => field.path.length > childPath.length));
    }
    return fields;
  }
  if (type === 'array' && Array.isArray(sample) && sample.length > 0) {
    const element = elementOf(inner) as Schema;
    const childPath = [...path, 0];
    return [{ path: childPath, schema: element, optional: false, kind: kindOf(element) }, ...fieldsOf(element, sample[0], childPath).filter((field) => field.path.length > 1 + path.length)];
  }
  return [];
}

/** The paths of the objects in a valid example (the root included), where unknown keys go. */
export function objectPaths(schema: Schema, sample: unknown, path: Path = []): Path[] {
  const inner = unwrap(schema);
  const type = typeOf(inner);
  if (type === 'union') {
    const option = optionsOf(inner).find((candidate) => accepts(candidate, sample));
    return option ? objectPaths(option, sample, path) : [];
  }
  if (type === 'object' && sample && typeof sample === 'object') {
    const present = sample as Record<string, unknown>;
    return [path, ...Object.entries(shapeOf(inner)).flatMap(([key, child]) => (key in present ? objectPaths(child, present[key], [...path, key]) : []))];
  }
  if (type === 'array' && Array.isArray(sample) && sample.length > 0) return objectPaths(elementOf(inner) as Schema, sample[0], [...path, 0]);
  return [];
}

/** Every object schema reachable from `schema` that lets unknown keys through, by path. */
export function looseObjects(schema: Schema, path = '(input)'): string[] {
  const inner = unwrap(schema);
  const type = typeOf(inner);
  if (type === 'union') return optionsOf(inner).flatMap((option, index) => looseObjects(option, `${path}|${String(index)}`));
  if (type === 'array') return looseObjects(elementOf(inner) as Schema, `${path}[]`);
  if (type !== 'object') return [];
  const own = isStrictObject(inner) ? [] : [path];
  return [...own, ...Object.entries(shapeOf(inner)).flatMap(([key, child]) => looseObjects(child, `${path}.${key}`))];
}

/** A copy of `value` with the thing at `path` replaced (or removed, with `remove`). */
export function setAt(value: unknown, path: Path, replacement: unknown, remove = false): unknown {
  if (path.length === 0) return replacement;
  const [head, ...rest] = path as [string | number, ...Path];
  const copy: Record<string | number, unknown> = Array.isArray(value) ? ([...(value as unknown[])] as unknown as Record<number, unknown>) : { ...(value as Record<string, unknown>) };
  if (rest.length === 0 && remove) {
    delete copy[head];
    return copy;
  }
  if (rest.length === 0) {
    // defineProperty: a key such as `__proto__` becomes an own key, as JSON.parse makes it.
    Object.defineProperty(copy, head, { value: replacement, enumerable: true, writable: true, configurable: true });
    return copy;
  }
  copy[head] = setAt(copy[head], rest, replacement, remove);
  return copy;
}
