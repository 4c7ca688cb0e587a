/**
 * Every row held about one customer, found from the schema itself (issue 20: a customer's copy,
 * PIPL Art. 45, and erasure, Art. 47): a table is hers when a foreign key leads from it to
 * `customers`, directly or through other tables (visits → customers, comfort_tasks → visits …), so a
 * table added later is in her copy without anyone listing it. Two kinds of row point at her without
 * a foreign key — the audit log's `target` (`customer:12`, `visit:40` …) and a notification's
 * subject — and are followed by the maps below.
 */
import { sql, type Kysely, type RawBuilder, type Transaction } from 'kysely';
import type { Database } from '../schema';
import { auditIsFiled, fileAudit } from './audit';

type Db = Kysely<Database> | Transaction<Database>;

interface ForeignKey {
  table: string;
  from: string;
  to: string;
  parent: string;
}

/** Audit targets (`<kind>:<id>`) and notification subjects that name a row of a customer's table. */
export const AUDIT_TARGET_TABLES: Record<string, string> = { customer: 'customers', appointment: 'appointments', visit: 'visits', comfort: 'comfort_tasks' };
export const NOTIFICATION_SUBJECT_TABLES: Record<string, string> = {
  visit: 'visits',
  comfortTask: 'comfort_tasks',
  appointment: 'appointments',
  surgeryAppointment: 'appointments',
  customer: 'customers',
  escort: 'escorts',
  wardTask: 'ward_tasks',
  followupConcern: 'followup_concerns',
  followupStep: 'followup_steps',
  survey: 'surveys',
};

/** Tables whose rows are the clinic's, not a customer's, even when they point at one (staff, rooms …). */
const NOT_HERS = new Set(['staff', 'rooms', 'items', 'settings', 'sessions']);

async function foreignKeys(db: Db): Promise<ForeignKey[]> {
  const tables = await sql<{ name: string }>`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite%' AND name NOT LIKE 'kysely%' ORDER BY name`.execute(db);
  const keys: ForeignKey[] = [];
  for (const { name } of tables.rows) {
    const list = await sql<{ table: string; from: string; to: string | null }>`SELECT "table", "from", "to" FROM pragma_foreign_key_list(${name})`.execute(db);
    for (const key of list.rows) keys.push({ table: name, from: key.from, to: key.to ?? 'id', parent: key.table });
  }
  return keys;
}

/** A condition selecting the rows of `table` that belong to the customer `?`, or null when none can. */
export interface CustomerTable {
  table: string;
  /** `SELECT * FROM <table> WHERE <where>` with the customer's id bound. */
  where: (customerId: number) => RawBuilder<unknown>;
}

/**
 * The tables holding rows of a customer, each with its condition, `customers` first: every table
 * from which foreign keys lead to `customers` (breadth first), plus the audit log and the notifications.
 */
export async function customerTables(db: Db): Promise<CustomerTable[]> {
  const keys = await foreignKeys(db);
  type Condition = { signature: string; make: (customerId: number) => RawBuilder<unknown> };
  // table → its conditions (one per foreign key that leads to her), and SQL selecting the ids of its rows that are hers
  const conditions = new Map<string, Condition[]>([['customers', [{ signature: 'id', make: (id) => sql`id = ${id}` }]]]);
  const whereOf = (table: string) => (id: number) => sql.join((conditions.get(table) ?? []).map((condition) => sql`(${condition.make(id)})`), sql` OR `);
  const idsOf = (table: string) => (id: number) => sql`SELECT id FROM ${sql.table(table)} WHERE ${whereOf(table)(id)}`;
  let grew = true;
  while (grew) {
    grew = false;
    for (const key of keys) {
      if (NOT_HERS.has(key.table) || key.table === 'customers' || !conditions.has(key.parent)) continue;
      const list = conditions.get(key.table) ?? [];
      const signature = `${key.from}->${key.parent}`;
      if (list.some((condition) => condition.signature === signature)) continue;
      const parentIds = idsOf(key.parent);
      conditions.set(key.table, [...list, { signature, make: (id) => sql`${sql.ref(key.from)} IN (${parentIds(id)})` }]);
      grew = true;
    }
  }
  /** Rows naming one of her rows as `<kind><separator><id>` in `idColumn` (and the kind in `kindColumn`). */
  const named = (kinds: Record<string, string>, idColumn: string, kindColumn: string | null) => (customerId: number) => {
    const parts = Object.entries(kinds)
      .filter(([, table]) => conditions.has(table))
      .map(([kind, table]) =>
        kindColumn === null
          ? sql`${sql.ref(idColumn)} IN (SELECT ${kind} || ':' || x.id FROM (${idsOf(table)(customerId)}) AS x)`
          : sql`(${sql.ref(kindColumn)} = ${kind} AND ${sql.ref(idColumn)} IN (SELECT CAST(x.id AS TEXT) FROM (${idsOf(table)(customerId)}) AS x))`,
      );
    return sql.join(parts, sql` OR `);
  };
  const result: CustomerTable[] = [...conditions.keys()].map((table) => ({ table, where: whereOf(table) }));
  // The log's index by record holds filed rows only (migration 027): callers file it first (fileAudit).
  const auditAboutHer = named(AUDIT_TARGET_TABLES, 'target', null);
  result.push({ table: 'audit_log', where: (customerId) => sql`filed = ${auditIsFiled} AND (${auditAboutHer(customerId)})` });
  result.push({ table: 'notifications', where: named(NOTIFICATION_SUBJECT_TABLES, 'subject_id', 'subject_kind') });
  return result;
}

/** Every row held about one customer, by table (`customers` first). */
export async function rowsOfCustomer(db: Db, customerId: number): Promise<Record<string, Record<string, unknown>[]>> {
  await fileAudit(db);
  const rows: Record<string, Record<string, unknown>[]> = {};
  for (const { table, where } of await customerTables(db)) {
    const found = await sql<Record<string, unknown>>`SELECT * FROM ${sql.table(table)} WHERE ${where(customerId)} ORDER BY rowid`.execute(db);
    rows[table] = found.rows;
  }
  return rows;
}

/**
 * Every TEXT column of every table (for erasure's sweep of a name, phone or note wherever it was
 * copied: an audit diff, a notification's parameters, a hand-off note).
 */
export async function textColumns(db: Db): Promise<{ table: string; column: string }[]> {
  const tables = await sql<{ name: string }>`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite%' AND name NOT LIKE 'kysely%' ORDER BY name`.execute(db);
  const columns: { table: string; column: string }[] = [];
  for (const { name } of tables.rows) {
    const info = await sql<{ name: string; type: string }>`SELECT name, type FROM pragma_table_info(${name})`.execute(db);
    for (const column of info.rows) if (column.type.toUpperCase() === 'TEXT') columns.push({ table: name, column: column.name });
  }
  return columns;
}
