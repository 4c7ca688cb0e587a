/**
 * How a column of `Database` (schema.ts) is declared, as `PRAGMA table_info` describes it: the
 * types the column lists (schema-columns.ts and its parts) are checked against.
 */
import type { InsertType, SelectType } from 'kysely';
import type { Database } from './schema';

/** The SQLite type of a TypeScript column type (STRICT tables: TEXT, INTEGER or REAL). */
type SqlTypeOf<Value> = [Value] extends [string] ? 'TEXT' : [Value] extends [number] ? 'INTEGER' | 'REAL' : never;

/** The one declaration a column of Kysely type `Column` may have. */
export type ColumnDeclaration<Column> = null extends SelectType<Column>
  ? SqlTypeOf<NonNullable<SelectType<Column>>>
  : undefined extends InsertType<Column>
    ? `${SqlTypeOf<SelectType<Column>>} NOT NULL DEFAULT` | (SelectType<Column> extends number ? 'INTEGER PRIMARY KEY' : never)
    : `${SqlTypeOf<SelectType<Column>>} NOT NULL`;

/** Every table of `Database`, every column of each, with its declaration. */
export type DatabaseColumns = {
  readonly [Table in keyof Database]: { readonly [Column in keyof Database[Table]]-?: ColumnDeclaration<Database[Table][Column]> };
};
