import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { migrateToLatest } from './migrate';
import { openDatabase, type OpenedDatabase } from './open-database';
import { schemaColumns } from './schema-columns';

interface ColumnInfo {
  name: string;
  type: string;
  notnull: 0 | 1;
  dflt_value: string | null;
  pk: number;
}

let opened: OpenedDatabase;
beforeEach(async () => {
  opened = openDatabase(':memory:');
  await migrateToLatest(opened.db);
});
afterEach(() => opened.close());

/** Our tables as the migrations leave them: not SQLite's own, not the migrator's bookkeeping. */
function migratedTables(): string[] {
  return opened.sqlite
    .prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'kysely_migration%' ORDER BY name")
    .pluck()
    .all() as string[];
}

/** A column as `PRAGMA table_info` describes it, in the words of schema-columns.ts. */
function declarationOf(column: ColumnInfo, primaryKeyColumns: number): string {
  if (column.pk === 1 && primaryKeyColumns === 1 && column.type === 'INTEGER') return 'INTEGER PRIMARY KEY';
  if (column.notnull === 0) return column.type;
  return `${column.type} NOT NULL${column.dflt_value === null ? '' : ' DEFAULT'}`;
}

describe('the Kysely schema (schema.ts) and the migrations', () => {
  it('name the same tables', () => {
    expect(migratedTables()).toEqual(Object.keys(schemaColumns).sort());
  });

  // Each column both ways, with its type, whether it may be null, and whether an insert may leave
  // it out (Kysely's Generated<…> needs a default the database fills in).
  it('give every table the same columns, each with the same type, nullability and default', () => {
    for (const table of migratedTables()) {
      const columns = opened.sqlite.prepare(`PRAGMA table_info(${table})`).all() as ColumnInfo[];
      const primaryKeyColumns = columns.filter((column) => column.pk > 0).length;
      const migrated = Object.fromEntries(columns.map((column) => [column.name, declarationOf(column, primaryKeyColumns)]));
      expect({ table, columns: migrated }).toEqual({ table, columns: schemaColumns[table as keyof typeof schemaColumns] });
    }
  });

  it('make every table STRICT, so a column holds only its declared type', () => {
    const loose = (opened.sqlite.prepare('PRAGMA table_list').all() as { name: string; strict: 0 | 1 }[])
      .filter((entry) => migratedTables().includes(entry.name) && entry.strict === 0)
      .map((entry) => entry.name);
    expect(loose).toEqual([]);
  });
});
