/**
 * Checking an output without letting one stored row take the whole answer down (issue 19). A
 * list read from the database can hold a row its schema refuses — a name stored before a rule
 * existed, a value from an older version. Failing the whole answer turns that one row into an
 * outage for everyone (the lobby TV went blank for a day over one foreign name). So when an
 * output fails its schema and every failure lies inside an element of a list, that element — the
 * innermost list element around the failure — is degraded instead:
 *
 * - each failing field becomes the first placeholder its schema accepts: `*` (a string: shows as
 *   a masked name would), then `null`, then absent; its other, valid fields are kept;
 * - a row no placeholder can mend (a ticket, a time, an id that is wrong) is left out of its list;
 * - every degraded row is reported with its list path, its id (or ticket) and the failing fields —
 *   never the bad value itself, which may be a name.
 *
 * A failure outside any list element (a wrong clinic name, a list that is not a list) still fails
 * the answer: there is no row to set aside.
 */
import type { z } from 'zod';

type Schema = z.ZodType;
type Def = { type: string; [key: string]: unknown };
type Path = (string | number)[];

/** What a placeholder is tried with, in order: a masked-looking string, null, absent. */
const PLACEHOLDERS: readonly unknown[] = ['*', null, undefined];

/** One row set aside or mended, as the log names it. */
export interface DegradedRow {
  /** Where the row sits in the answer: `waiting[3]`, `cards[0].comfort[2]`. */
  where: string;
  /** The row's `id` (or `…Id`, or ticket), else that of the nearest row around it; null if none. */
  rowId: string | number | null;
  /** The field `rowId` came from: `id`, `visitId`, `ticket` … */
  rowIdField: string | null;
  /** The row's fields that failed, relative to the row; `[]` when the row itself is not an object. */
  fields: string[];
  /** Mended with placeholders, or left out of its list. */
  outcome: 'placeholder' | 'left out';
}

export type DegradedParse =
  | { success: true; data: unknown; degraded: DegradedRow[] }
  | { success: false; error: z.ZodError };

/** The error a degraded row is reported as: names the method, the row and its fields. */
export class DegradedRowError extends Error {
  constructor(
    readonly method: string,
    readonly row: DegradedRow,
  ) {
    const id = row.rowId === null ? 'no id' : `${row.rowIdField === 'id' || row.rowIdField === null ? 'id' : row.rowIdField} ${row.rowId}`;
    super(`output of ${method}: row ${row.where} (${id}) broke its schema at ${row.fields.join(', ') || 'the row'}; ${row.outcome === 'placeholder' ? 'shown with placeholders' : 'left out'}`);
    this.name = 'DegradedRowError';
  }
}

/** The schema under `def` with wrappers that keep the value's shape (nullable, optional…) removed. */
function unwrap(schema: Schema): Schema {
  const def = schema._zod.def as unknown as Def;
  switch (def.type) {
    case 'nullable':
    case 'optional':
    case 'default':
    case 'prefault':
    case 'readonly':
    case 'catch':
    case 'nonoptional':
      return unwrap(def.innerType as Schema);
    case 'pipe':
      return unwrap(def.in as Schema);
    case 'lazy':
      return unwrap((def.getter as () => Schema)());
    default:
      return schema;
  }
}

/** The schema of the value at `path` under `schema`, or undefined where it cannot be told (a union). */
function schemaAt(schema: Schema, path: Path): Schema | undefined {
  let current: Schema = schema;
  for (const segment of path) {
    const def = unwrap(current)._zod.def as unknown as Def;
    if (def.type === 'array' && typeof segment === 'number') current = def.element as Schema;
    else if (def.type === 'object' && typeof segment === 'string' && segment in (def.shape as object)) current = (def.shape as Record<string, Schema>)[segment]!;
    else if (def.type === 'record' && typeof segment === 'string') current = def.valueType as Schema;
    else return undefined;
  }
  return current;
}

/** Where the innermost list element holding the failure at `path` starts (its index), or -1. */
function rowIndexOf(schema: Schema, path: Path): number {
  for (let index = path.length - 1; index >= 0; index -= 1) {
    if (typeof path[index] !== 'number') continue;
    const list = schemaAt(schema, path.slice(0, index));
    if (list && (unwrap(list)._zod.def as unknown as Def).type === 'array') return index;
  }
  return -1;
}

function valueAt(value: unknown, path: Path): unknown {
  return path.reduce<unknown>((inner, segment) => (inner !== null && typeof inner === 'object' ? (inner as Record<string | number, unknown>)[segment] : undefined), value);
}

function setAt(value: unknown, path: Path, replacement: unknown): void {
  const parent = valueAt(value, path.slice(0, -1));
  if (parent === null || typeof parent !== 'object') return;
  const key = path[path.length - 1]!;
  if (replacement === undefined) delete (parent as Record<string | number, unknown>)[key];
  else (parent as Record<string | number, unknown>)[key] = replacement;
}

/** The row's id as it may be logged: a number, or a short code (a ticket) — never free text. */
function idOf(row: unknown): { field: string; value: string | number } | null {
  if (row === null || typeof row !== 'object') return null;
  const record = row as Record<string, unknown>;
  const key = ['id', ...Object.keys(record).filter((name) => /Id$/.test(name)), 'ticket', 'code'].find((name) => {
    const candidate = record[name];
    return typeof candidate === 'number' || (typeof candidate === 'string' && /^[\w-]{1,24}$/.test(candidate));
  });
  return key === undefined ? null : { field: key, value: record[key] as string | number };
}

/** The id of the row at `path`, or of the nearest list element around it (a tag names its customer). */
function idAround(value: unknown, path: Path): { field: string; value: string | number } | null {
  for (let end = path.length; end > 0; end -= 1) {
    if (typeof path[end - 1] !== 'number') continue;
    const id = idOf(valueAt(value, path.slice(0, end)));
    if (id !== null) return id;
  }
  return null;
}

function describe(path: Path): string {
  return path.map((segment, index) => (typeof segment === 'number' ? `[${segment}]` : index === 0 ? segment : `.${segment}`)).join('');
}

/** True when no issue of `schema` on `row` lies at or under `leaf`. */
function leafPasses(schema: Schema, row: unknown, leaf: Path): boolean {
  const result = schema.safeParse(row);
  return result.success || !result.error.issues.some((issue) => leaf.every((segment, index) => issue.path[index] === segment));
}

/**
 * `schema.safeParse(value)`, except that a failure confined to list elements degrades those
 * elements (module comment) instead of failing the answer.
 *
 * @example
 * const checked = parseDegrading(displayBoardSchema, board);
 * if (checked.success) for (const row of checked.degraded) log(row);
 */
export function parseDegrading(schema: Schema, value: unknown): DegradedParse {
  const first = schema.safeParse(value);
  if (first.success) return { success: true, data: first.data, degraded: [] };

  const rows = new Map<string, { path: Path; leaves: Path[] }>();
  for (const issue of first.error.issues) {
    const path = issue.path as Path;
    const index = rowIndexOf(schema, path);
    if (index < 0) return first;
    const rowPath = path.slice(0, index + 1);
    const key = JSON.stringify(rowPath);
    const row = rows.get(key) ?? { path: rowPath, leaves: [] };
    row.leaves.push(path.slice(index + 1));
    rows.set(key, row);
  }

  let copy: unknown;
  try {
    copy = structuredClone(value);
  } catch {
    return first;
  }
  const degraded: DegradedRow[] = [];
  const leftOut: Path[] = [];
  for (const { path, leaves } of rows.values()) {
    const rowSchema = schemaAt(schema, path)!;
    const row = valueAt(copy, path);
    const id = idAround(copy, path);
    for (const leaf of leaves) {
      if (leaf.length === 0) break;
      const mended = PLACEHOLDERS.some((placeholder) => {
        setAt(row, leaf, placeholder);
        return leafPasses(rowSchema, row, leaf);
      });
      if (!mended) break;
    }
    const fields = [...new Set(leaves.map((leaf) => describe(leaf)))].filter((field) => field !== '');
    const mendedRow = rowSchema.safeParse(row).success;
    if (!mendedRow) leftOut.push(path);
    degraded.push({ where: describe(path), rowId: id?.value ?? null, rowIdField: id?.field ?? null, fields, outcome: mendedRow ? 'placeholder' : 'left out' });
  }
  // Deepest first, then from the end of each list, so earlier indexes stay valid.
  leftOut.sort((a, b) => b.length - a.length || (b[b.length - 1] as number) - (a[a.length - 1] as number));
  for (const path of leftOut) (valueAt(copy, path.slice(0, -1)) as unknown[]).splice(path[path.length - 1] as number, 1);

  const second = schema.safeParse(copy);
  return second.success ? { success: true, data: second.data, degraded } : first;
}
