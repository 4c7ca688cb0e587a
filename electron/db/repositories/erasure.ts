/**
 * SQL of erasure (issue 20; PIPL Art. 47): a customer's card and every row that is hers (found from
 * the schema, customer-graph.ts) swept of her personal data; the legal hold's bookkeeping.
 */
import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from '../schema';
import { customerTables } from './customer-graph';
import { auditIsFiled, fileAudit } from './audit';

type Db = Kysely<Database> | Transaction<Database>;

/** A customer as erasure and consents need her: refused elsewhere once erased. */
export function findCustomerForPrivacy(db: Db, customerId: number) {
  return db.selectFrom('customers').select(['id', 'name', 'phone', 'erased_at']).where('id', '=', customerId).executeTakeFirst();
}

/**
 * When she was last treated: the last clinic day of a visit that reached a consultation or the
 * pre-op exam, and the start of her last completed appointment.
 */
export async function lastTreatment(db: Db, customerId: number): Promise<{ visitDay: string | null; appointmentAt: string | null }> {
  const visit = await sql<{ day: string | null }>`
    SELECT max(v.clinic_date) AS day FROM visits v
    WHERE v.customer_id = ${customerId}
      AND EXISTS (SELECT 1 FROM visit_events e WHERE e.visit_id = v.id AND e.to_status IN ('in_consultation', 'pre_op_exam'))`.execute(db);
  const appointment = await sql<{ at: string | null }>`SELECT max(starts_at) AS at FROM appointments WHERE customer_id = ${customerId} AND status = 'completed'`.execute(db);
  return { visitDay: visit.rows[0]?.day ?? null, appointmentAt: appointment.rows[0]?.at ?? null };
}

/** Marks her erased, with the hold the law imposes (null: none). */
export async function markErased(db: Db, customerId: number, at: string, hold: { until: string; reason: string } | null): Promise<void> {
  await db.updateTable('customers').set({ erased_at: at, held_until: hold?.until ?? null, hold_reason: hold?.reason ?? null }).where('id', '=', customerId).execute();
}

/** Customers whose hold ends on or before `date` (`held_until` is exclusive). */
export function endedHolds(db: Db, date: string) {
  return db.selectFrom('customers').select('id').where('held_until', 'is not', null).where('held_until', '<=', date).execute();
}

export async function clearHold(db: Db, customerId: number): Promise<void> {
  await db.updateTable('customers').set({ held_until: null, hold_reason: null }).where('id', '=', customerId).execute();
}

/**
 * Customers never treated (no visit reached a consultation, no completed appointment) and not seen
 * since `before` (their last visit, else their registration): suggested to a manager for erasure.
 */
export function inactiveUntreated(db: Db, before: string, limit: number) {
  return db
    .selectFrom('customers as c')
    .select(['c.id', 'c.name', 'c.last_visit_at', 'c.created_at'])
    .where('c.erased_at', 'is', null)
    .where((eb) => eb.fn.coalesce('c.last_visit_at', 'c.created_at'), '<', before)
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('visits as v')
            .innerJoin('visit_events as e', 'e.visit_id', 'v.id')
            .select('v.id')
            .whereRef('v.customer_id', '=', 'c.id')
            .where('e.to_status', 'in', ['in_consultation', 'pre_op_exam']),
        ),
      ),
    )
    .where(({ not, exists, selectFrom }) => not(exists(selectFrom('appointments as a').select('a.id').whereRef('a.customer_id', '=', 'c.id').where('a.status', '=', 'completed'))))
    .orderBy((eb) => eb.fn.coalesce('c.last_visit_at', 'c.created_at'))
    .limit(limit)
    .execute();
}

/** Removes audit rows older than the retention (never younger than its lawful minimum). */
export async function purgeAuditBefore(db: Db, before: string): Promise<number> {
  await fileAudit(db);
  const result = await db.deleteFrom('audit_log').where('filed', '=', auditIsFiled).where('at', '<', before).executeTakeFirst();
  return Number(result.numDeletedRows);
}

/** What stands in for erased text. */
const ERASED = '[已删除]';

/**
 * Removes a customer's personal data. Her card's personal fields always go (phone, address form,
 * notes, tags, channel, search columns); her name, gender and birth year too unless the law keeps her
 * identity with her treatment records (`keepIdentity`). In every row that is hers (appointments,
 * visits, events, tasks, consents, the audit log's rows about her, notifications about her visits …),
 * each text column is swept of her name, phone, address form and notes, and columns named as notes
 * or signatures are emptied (not while her treatment records are held: a signed consent is part of them).
 */
export async function scrubCustomer(db: Db, customerId: number, { keepIdentity }: { keepIdentity: boolean }): Promise<void> {
  const card = await db.selectFrom('customers').selectAll().where('id', '=', customerId).executeTakeFirstOrThrow();
  const secrets = [card.phone, card.address_form ?? '', card.notes, ...(keepIdentity ? [] : [card.name])].filter((value) => value.trim().length >= 2 && !value.startsWith('erased:'));
  await fileAudit(db);
  const tables = (await customerTables(db)).filter((table) => table.table !== 'customers');
  for (const { table, where } of tables) {
    const info = await sql<{ name: string; type: string; notnull: number; pk: number }>`SELECT name, type, "notnull", pk FROM pragma_table_info(${table})`.execute(db);
    const texts = info.rows.filter((column) => column.type.toUpperCase() === 'TEXT' && column.pk === 0);
    for (const column of texts) {
      const ref = sql.ref(column.name);
      // Notes, and a signature drawn on a tablet (a consent's, migration 026), are emptied whole.
      if (!keepIdentity && /(^|_)(notes?|signature)$/.test(column.name)) {
        await sql`UPDATE ${sql.table(table)} SET ${ref} = ${column.notnull ? '' : null} WHERE (${where(customerId)}) AND ${ref} <> ''`.execute(db);
        continue;
      }
      for (const secret of secrets) {
        await sql`UPDATE ${sql.table(table)} SET ${ref} = replace(${ref}, ${secret}, ${ERASED}) WHERE (${where(customerId)}) AND instr(${ref}, ${secret}) > 0`.execute(db);
      }
    }
  }
  await db
    .updateTable('customers')
    .set({
      phone: `erased:${String(customerId)}`,
      address_form: null,
      notes: '',
      tags: '[]',
      channel: null,
      name_pinyin: '',
      name_initials: '',
      given_name: '',
      given_pinyin: '',
      phone_reversed: '',
      ...(keepIdentity ? {} : { name: ERASED, gender: null, birth_year: null }),
    })
    .where('id', '=', customerId)
    .execute();
}
