/**
 * Customers: the card, its search columns and its history. Every search path is a prefix range
 * scan (`col >= q AND col < q || U+10FFFF`) on its own index, portable to PostgreSQL; the search
 * columns are computed here on every insert and update so they can never drift from the name.
 */
import { sql, type Kysely, type Transaction } from 'kysely';
import type { CustomerTag, Gender, SearchQuery } from '../../../shared/domain/customers';
import type { Channel } from '../../../shared/domain/appointments';
import { nameSearchKeys } from '../../services/pinyin';
import { runCompiledOnce } from '../compiled-once';
import type { CustomersTable, Database } from '../schema';

type Db = Kysely<Database> | Transaction<Database>;

/** What a card holds, as the service hands it over (phone already normalised). */
export interface CustomerFields {
  name: string;
  phone: string;
  addressForm: string | null;
  gender: Gender | null;
  birthYear: number | null;
  channel: Channel | null;
  notes: string;
  tags: CustomerTag[];
}

/** The columns derived from the name and phone: what the search reads. */
function searchColumns(name: string, phone: string) {
  const keys = nameSearchKeys(name);
  return {
    name_pinyin: keys.pinyin,
    name_initials: keys.initials,
    given_name: keys.givenName,
    given_pinyin: keys.givenPinyin,
    phone_reversed: [...phone].reverse().join(''),
  };
}

/** Inserts a customer with its search columns; returns the new id. The demo seeder goes through here too. */
/** A card's fields as the customers table's columns (tags as JSON). */
function cardColumns(fields: CustomerFields) {
  return {
    name: fields.name,
    address_form: fields.addressForm,
    phone: fields.phone,
    gender: fields.gender,
    birth_year: fields.birthYear,
    channel: fields.channel,
    notes: fields.notes,
    tags: JSON.stringify(fields.tags),
  };
}

export async function insertCustomer(db: Db, fields: CustomerFields, stamp: string): Promise<number> {
  const row = await db
    .insertInto('customers')
    .values({
      ...cardColumns(fields),
      created_at: stamp,
      updated_at: stamp,
      ...searchColumns(fields.name, fields.phone),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/**
 * Writes `fields` over the card if it is still at `expectedVersion`, bumping the version.
 * Returns false when someone else saved it first (or it does not exist).
 */
export async function updateCustomer(db: Db, id: number, expectedVersion: number, fields: CustomerFields, stamp: string): Promise<boolean> {
  const result = await db
    .updateTable('customers')
    .set({
      ...cardColumns(fields),
      updated_at: stamp,
      version: sql<number>`version + 1`,
      ...searchColumns(fields.name, fields.phone),
    })
    .where('id', '=', id)
    .where('version', '=', expectedVersion)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export type CustomerRow = Awaited<ReturnType<typeof findCustomer>> & object;

/** One customer's card, or undefined. */
export async function findCustomer(db: Db, id: number) {
  const [row] = await runCompiledOnce(
    db,
    'customers.find',
    () =>
      db
        .selectFrom('customers')
        .select(['id', 'name', 'address_form', 'phone', 'gender', 'birth_year', 'channel', 'notes', 'tags', 'last_visit_at', 'created_at', 'updated_at', 'version', 'erased_at'])
        .where('id', '=', id),
    [id],
  );
  return row;
}

/** The customer holding a normalised phone, if any (the UNIQUE index on phone serves it). */
export async function findCustomerByPhone(db: Db, phone: string): Promise<{ id: number; name: string; address_form: string | null } | undefined> {
  return db.selectFrom('customers').select(['id', 'name', 'address_form']).where('phone', '=', phone).executeTakeFirst();
}

/**
 * Notes a visit: `last_visit_at` moves forward only (recent visitors rank first in the search).
 * Check-in and the demo seeder call it.
 */
export async function recordCustomerVisit(db: Db, id: number, at: string): Promise<void> {
  await runCompiledOnce(
    db,
    'customers.recordVisit',
    () =>
      db
        .updateTable('customers')
        .set({ last_visit_at: at })
        .where('id', '=', id)
        .where((eb) => eb.or([eb('last_visit_at', 'is', null), eb('last_visit_at', '<', at)])),
    [at, id, at],
  );
}

/** Fills the search columns of rows written before migration 002 (or by hand). */
export async function backfillCustomerSearch(db: Db): Promise<number> {
  const rows = await db.selectFrom('customers').select(['id', 'name', 'phone']).where('name_pinyin', '=', '').execute();
  for (const row of rows) {
    await db.updateTable('customers').set(searchColumns(row.name, row.phone)).where('id', '=', row.id).execute();
  }
  return rows.length;
}

/** A customer's appointments, newest first, with item and doctor (`appointments_by_customer`). */
export function listCustomerAppointments(db: Db, customerId: number) {
  return db
    .selectFrom('appointments as a')
    .leftJoin('items as i', 'i.id', 'a.item_id')
    .leftJoin('staff as d', 'd.id', 'a.doctor_id')
    .select([
      'a.id',
      'a.starts_at',
      'a.duration_minutes',
      'a.kind',
      'a.status',
      'a.notes',
      'i.id as item_id',
      'i.name as item_name',
      'i.name_en as item_name_en',
      'd.id as doctor_id',
      'd.name as doctor_name',
    ])
    .where('a.customer_id', '=', customerId)
    .orderBy('a.starts_at', 'desc')
    .orderBy('a.id', 'desc')
    .execute();
}

type SearchColumn = keyof Pick<CustomersTable, 'name' | 'address_form' | 'given_name' | 'name_pinyin' | 'name_initials' | 'given_pinyin' | 'phone' | 'phone_reversed'>;

/**
 * Where each kind of query looks, and how good a hit there is: an exact match of a primary key
 * ranks 0 and a prefix 1; a hit on a secondary key (the given name, the phone's last digits)
 * ranks 2 when exact, else 3 — "exact before prefix before the rest".
 */
const SEARCH_PATHS: Record<Exclude<SearchQuery['kind'], 'empty'>, { column: SearchColumn; exact: number; prefix: number; reversed?: boolean }[]> = {
  text: [
    { column: 'name', exact: 0, prefix: 1 },
    { column: 'address_form', exact: 0, prefix: 1 },
    { column: 'given_name', exact: 2, prefix: 3 },
  ],
  latin: [
    { column: 'name_pinyin', exact: 0, prefix: 1 },
    { column: 'name_initials', exact: 0, prefix: 1 },
    { column: 'given_pinyin', exact: 2, prefix: 3 },
  ],
  digits: [
    { column: 'phone', exact: 0, prefix: 1 },
    { column: 'phone_reversed', exact: 2, prefix: 2, reversed: true },
  ],
};

const RANKS = [0, 1, 2, 3] as const;

/** The highest code point: every string starting with `q` sorts below `q + MAX_CHAR`. */
const MAX_CHAR = '\u{10FFFF}';

/**
 * Past this many hits a rank is "broad" (`w`, `王`, `li`): rather than sort every hit, walk the
 * customers from the most recent visit down (`customers_by_recency`) and stop at the limit; a
 * narrow rank is gathered from its prefix ranges and sorted. Either way a search reads a few
 * hundred index entries at most, whatever the size of the clinic.
 */
const BROAD_RANK = 1000;

type ParsedQuery = Exclude<SearchQuery, { kind: 'empty' }>;

/** One rank's conditions: `column = q` for exact hits, a prefix range otherwise. */
function rankConditions(query: ParsedQuery, rank: number) {
  return SEARCH_PATHS[query.kind].flatMap(({ column, exact, prefix, reversed }) => {
    const needle = reversed ? [...query.text].reverse().join('') : query.text;
    if (exact === rank && prefix === rank) return [{ column, needle, range: true }];
    if (exact === rank) return [{ column, needle, range: false }];
    if (prefix === rank) return [{ column, needle, range: true }];
    return [];
  });
}

type Condition = ReturnType<typeof rankConditions>[number];

/** Ids matching one condition, through that column's index. */
function conditionBranch(db: Db, { column, needle, range }: Condition) {
  const base = db.selectFrom('customers').select('id');
  return range ? base.where(column, '>=', needle).where(column, '<', needle + MAX_CHAR) : base.where(column, '=', needle);
}

const SUMMARY_COLUMNS = ['c.id', 'c.name', 'c.address_form', 'c.phone', 'c.gender', 'c.tags', 'c.last_visit_at'] as const;

/**
 * The query for one rank, unexecuted (the EXPLAIN test compiles both strategies). Recent visitors
 * first (SQLite sorts NULL last in DESC: never-visited customers come after), then by pinyin.
 */
export function searchRankQuery(db: Db, conditions: Condition[], strategy: 'ranges' | 'recency', exclude: number[], limit: number) {
  let query = db.selectFrom('customers as c').select(SUMMARY_COLUMNS);
  if (strategy === 'ranges') {
    const [first, ...rest] = conditions.map((condition) => conditionBranch(db, condition));
    const ids = rest.reduce((union, branch) => union.union(branch), first!);
    query = query.where('c.id', 'in', ids);
  } else {
    // A unary + keeps SQLite from answering the OR through the column indexes (its plan for a
    // small table): this strategy exists because those ranges are too broad to sort.
    query = query.where((eb) =>
      eb.or(
        conditions.map(({ column, needle, range }) => {
          const value = sql<string>`+${sql.ref(`c.${column}`)}`;
          return range ? eb.and([eb(value, '>=', needle), eb(value, '<', needle + MAX_CHAR)]) : eb(value, '=', needle);
        }),
      ),
    );
  }
  if (exclude.length > 0) query = query.where('c.id', 'not in', exclude);
  // An erased customer, or one held by law, is out of every search (issue 20; PIPL Art. 47).
  query = query.where('c.erased_at', 'is', null);
  return query.orderBy('c.last_visit_at', 'desc').orderBy('c.name_pinyin').orderBy('c.id').limit(limit);
}

/**
 * How many hits a rank has, each condition counted only up to BROAD_RANK (a bounded walk of its
 * index), in one statement: a query per condition cost more in round trips than in reading. The
 * limit is written out: SQLite reads a bound LIMIT's value when it plans, which makes it plan the
 * statement again after every bind (a count 16–52 µs bound, 8–20 written out; docs/performance.md, 2026-12-06).
 */
function countQuery(db: Db, conditions: Condition[]) {
  return db.selectNoFrom((eb) =>
    conditions.map((condition, index) =>
      eb
        .selectFrom(conditionBranch(db, condition).limit(sql.lit(BROAD_RANK)).as('hits'))
        .select((inner) => inner.fn.countAll<number>().as('n'))
        .as(`n${index}`),
    ),
  );
}

/** The values a condition binds, in the order its SQL names them. */
const conditionValues = ({ needle, range }: Condition): string[] => (range ? [needle, needle + MAX_CHAR] : [needle]);

const shapeKey = (query: ParsedQuery, rank: number, what: string, excluded: number) => `${query.kind}:${rank}:${what}:${excluded}`;

async function countUpTo(db: Db, query: ParsedQuery, rank: number, conditions: Condition[]): Promise<number> {
  const values = conditions.flatMap(conditionValues);
  const [row] = await runCompiledOnce(db, shapeKey(query, rank, 'count', 0), () => countQuery(db, conditions), values);
  return Object.values((row ?? {}) as Record<string, number | null>).reduce<number>((total, count) => total + Number(count ?? 0), 0);
}

export type CustomerSearchRow = Awaited<ReturnType<typeof searchCustomers>>[number];

/**
 * Customers matching a parsed query, best first: rank by rank (exact, prefix, the rest), each
 * rank recent visitors first, until `limit` are found. A customer appears once, at their best rank.
 */
export async function searchCustomers(db: Db, query: ParsedQuery, limit: number) {
  const found: Awaited<ReturnType<ReturnType<typeof searchRankQuery>['execute']>> = [];
  for (const rank of RANKS) {
    const conditions = rankConditions(query, rank);
    if (conditions.length === 0) continue;
    const hits = await countUpTo(db, query, rank, conditions);
    // Nothing at this rank: no query to run for it.
    if (hits === 0) continue;
    const strategy = hits >= BROAD_RANK ? 'recency' : 'ranges';
    const exclude = found.map((row) => row.id);
    const values = [...conditions.flatMap(conditionValues), ...exclude, limit - found.length];
    const rows = await runCompiledOnce(db, shapeKey(query, rank, strategy, exclude.length), () => searchRankQuery(db, conditions, strategy, exclude, limit - found.length), values);
    found.push(...rows);
    if (found.length >= limit) break;
  }
  return found;
}

/** The conditions of each rank of a query (for the EXPLAIN test). */
export function searchConditions(query: ParsedQuery) {
  return RANKS.map((rank) => rankConditions(query, rank)).filter((conditions) => conditions.length > 0);
}

/** The most recently registered customers (the primary key serves it). */
export function listRecentCustomers(db: Db, limit: number) {
  return db
    .selectFrom('customers as c')
    .select(['c.id', 'c.name', 'c.address_form', 'c.phone', 'c.gender', 'c.tags', 'c.last_visit_at'])
    .where('c.erased_at', 'is', null)
    .orderBy('c.id', 'desc')
    .limit(limit)
    .execute();
}
