/**
 * SQL of consents, consent texts and the access log (issue 20, migration 021).
 */
import type { Kysely, Transaction } from 'kysely';
import type { AccessKind, ConsentMethod, ConsentPurpose } from '../../../shared/domain/privacy';
import type { Database } from '../schema';

type Db = Kysely<Database> | Transaction<Database>;

/** Every version of every consent text, newest version first within a purpose. */
export function listConsentTexts(db: Db) {
  return db
    .selectFrom('consent_texts as t')
    .leftJoin('staff as s', 's.id', 't.created_by')
    .select(['t.id', 't.purpose', 't.version', 't.text_zh', 't.text_en', 't.created_at', 's.name as created_by_name'])
    .orderBy('t.purpose')
    .orderBy('t.version', 'desc')
    .execute();
}

/** The text in force for a purpose: its newest version. */
export function currentConsentText(db: Db, purpose: ConsentPurpose) {
  return db.selectFrom('consent_texts').selectAll().where('purpose', '=', purpose).orderBy('version', 'desc').limit(1).executeTakeFirst();
}

export async function insertConsentText(db: Db, row: { purpose: ConsentPurpose; version: number; text_zh: string; text_en: string; created_at: string; created_by: number | null }): Promise<number> {
  return (await db.insertInto('consent_texts').values(row).returning('id').executeTakeFirstOrThrow()).id;
}

/** A customer's consents, newest first, with the text's version and who took and withdrew each. */
export function consentsOf(db: Db, customerId: number) {
  return db
    .selectFrom('consents as c')
    .innerJoin('consent_texts as t', 't.id', 'c.text_id')
    .innerJoin('staff as taker', 'taker.id', 'c.taken_by')
    .leftJoin('staff as withdrawer', 'withdrawer.id', 'c.withdrawn_by')
    .select([
      'c.id',
      'c.purpose',
      'c.method',
      'c.note',
      'c.given_at',
      'c.withdrawn_at',
      'c.signature',
      't.version as text_version',
      'taker.name as taken_by_name',
      'withdrawer.name as withdrawn_by_name',
    ])
    .where('c.customer_id', '=', customerId)
    .orderBy('c.given_at', 'desc')
    .orderBy('c.id', 'desc')
    .execute();
}

/** Whether a consent for the purpose is in force for the customer. */
export async function hasConsent(db: Db, customerId: number, purpose: ConsentPurpose): Promise<boolean> {
  const row = await db.selectFrom('consents').select('id').where('customer_id', '=', customerId).where('purpose', '=', purpose).where('withdrawn_at', 'is', null).executeTakeFirst();
  return row !== undefined;
}

export async function insertConsent(
  db: Db,
  row: { customer_id: number; purpose: ConsentPurpose; text_id: number; method: ConsentMethod; note: string; given_at: string; taken_by: number; signature: string | null },
): Promise<number> {
  return (await db.insertInto('consents').values(row).returning('id').executeTakeFirstOrThrow()).id;
}

export function findConsent(db: Db, id: number) {
  return db.selectFrom('consents').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Withdraws a consent still in force; false when it was already withdrawn (by someone else meanwhile). */
export async function withdrawConsent(db: Db, id: number, at: string, by: number): Promise<boolean> {
  const result = await db.updateTable('consents').set({ withdrawn_at: at, withdrawn_by: by }).where('id', '=', id).where('withdrawn_at', 'is', null).executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Records one read of a customer's data (who, when, from which device and screen). */
export async function logAccess(db: Db, row: { at: string; staff_id: number; device: string; customer_id: number; kind: AccessKind; screen: string; method: string }) {
  await db.insertInto('access_log').values(row).execute();
}

/** Who has seen a customer's data, newest first. */
export function accessOf(db: Db, customerId: number, limit: number) {
  return db
    .selectFrom('access_log as a')
    .innerJoin('staff as s', 's.id', 'a.staff_id')
    .select(['a.id', 'a.at', 'a.device', 'a.kind', 'a.screen', 'a.method', 's.name as staff_name', 's.role as staff_role'])
    .where('a.customer_id', '=', customerId)
    .orderBy('a.at', 'desc')
    .orderBy('a.id', 'desc')
    .limit(limit)
    .execute();
}

/** How many reads of a customer's data are logged. */
export async function accessCount(db: Db, customerId: number): Promise<number> {
  const row = await db.selectFrom('access_log').select((eb) => eb.fn.countAll<number>().as('n')).where('customer_id', '=', customerId).executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Removes access-log rows older than the retention (never younger than its lawful minimum). */
export async function purgeAccessLogBefore(db: Db, before: string): Promise<number> {
  const result = await db.deleteFrom('access_log').where('at', '<', before).executeTakeFirst();
  return Number(result.numDeletedRows);
}

/** Customers held by law whose hold has ended (`held_until` is exclusive). */
export function holdsEndedBy(db: Db, date: string) {
  return db.selectFrom('customers').select(['id']).where('held_until', 'is not', null).where('held_until', '<=', date).execute();
}

/** Every record kept under a legal hold, soonest end first. */
export function listHolds(db: Db) {
  return db
    .selectFrom('customers')
    .select(['id', 'name', 'erased_at', 'held_until', 'hold_reason'])
    .where('held_until', 'is not', null)
    .orderBy('held_until')
    .orderBy('id')
    .execute();
}

/** The customer of a visit (for logging a read of the visit's hand-off note against her). */
export async function customerOfVisit(db: Db, visitId: number): Promise<number | null> {
  const row = await db.selectFrom('visits').select('customer_id').where('id', '=', visitId).executeTakeFirst();
  return row?.customer_id ?? null;
}
