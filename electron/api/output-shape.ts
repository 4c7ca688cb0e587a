/**
 * An output schema without its refinements: the same fields, types, enums and nullability, and
 * unknown fields still stripped, but no integer, range, format or custom checks. A handler's
 * output is our own code, not a caller's input: the dispatcher checks it in full in tests and
 * development, where a handler's mistake is found, and by its shape in the running console,
 * where the shape is what protects the boundary — nothing a schema does not list leaves it (a
 * phone, a note). On the board's 300 cards the full checks were 0.6 of the 0.9 ms the output
 * cost (bench: zod's checks run one by one; a bare shape is parsed by its compiled fast path).
 * A kind of schema it does not know is kept whole, with every check; so is the output of every
 * method the lobby display or a caller not signed in may call (the dispatcher's rule): there the
 * checks are privacy rules (a display name must be masked).
 */
import { z } from 'zod';

type Schema = z.ZodType;
type Def = { type: string; [key: string]: unknown };

const shapes = new WeakMap<Schema, Schema>();

/** `schema` without its checks (memoised): what the running console checks outputs against. */
export function outputShape(schema: Schema): Schema {
  let shape = shapes.get(schema);
  if (!shape) shapes.set(schema, (shape = strip(schema)));
  return shape;
}

function strip(schema: Schema): Schema {
  const def = schema._zod.def as unknown as Def;
  switch (def.type) {
    case 'string':
      return z.string();
    case 'number':
      return z.number();
    case 'boolean':
    case 'enum':
    case 'literal':
    case 'null':
      return schema;
    case 'nullable':
      return strip(def.innerType as Schema).nullable();
    case 'optional':
      return strip(def.innerType as Schema).optional();
    case 'array':
      return z.array(strip(def.element as Schema));
    case 'record':
      return z.record(strip(def.keyType as Schema) as z.ZodString, strip(def.valueType as Schema));
    case 'union':
      return z.union((def.options as Schema[]).map(strip) as [Schema, Schema, ...Schema[]]);
    case 'object': {
      const catchall = def.catchall as Schema | undefined;
      const shape = Object.fromEntries(Object.entries(def.shape as Record<string, Schema>).map(([key, value]) => [key, strip(value)]));
      if (catchall === undefined) return z.object(shape);
      // `.strict()`: unknown fields are an error; anything else (passthrough) is kept as written.
      return (catchall._zod.def as unknown as Def).type === 'never' ? z.object(shape).strict() : schema;
    }
    default:
      return schema;
  }
}
