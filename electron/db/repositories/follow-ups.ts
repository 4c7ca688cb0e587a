/** Follow-up plans, their steps, concerns, the consultant step of F visits, and surveys: all their SQL. */
import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from '../schema';

type Db = Kysely<Database> | Transaction<Database>;

/**
 * `'open'` written into the SQL, not bound: followup_steps_open is partial on `status = 'open'`.
 * Bound, SQLite reaches that index only by planning the statement again with the value on every
 * call (better-sqlite3's SQLite has STAT4); written out, the plan is made once.
 */
const OPEN = sql.lit('open' as const);

export async function insertPlan(
  db: Db,
  plan: { customerId: number; itemId: number | null; surgeryAt: string; dischargedAt: string | null; visitId: number | null; createdAt: string; createdBy: number | null },
  steps: readonly { kind: 'call' | 'visit'; dueDate: string; label: string }[],
): Promise<number> {
  const { id } = await db
    .insertInto('followup_plans')
    .values({ customer_id: plan.customerId, item_id: plan.itemId, surgery_at: plan.surgeryAt, discharged_at: plan.dischargedAt, visit_id: plan.visitId, created_at: plan.createdAt, created_by: plan.createdBy })
    .returning('id')
    .executeTakeFirstOrThrow();
  if (steps.length) {
    await db.insertInto('followup_steps').values(steps.map((step) => ({ plan_id: id, kind: step.kind, due_date: step.dueDate, label: step.label, next_try_at: null, outcome: null, appointment_id: null, done_at: null, done_by: null }))).execute();
  }
  return id;
}

/** Open call steps due on or before `today`, with their customer and plan: the call list. */
export function openCallSteps(db: Db, today: string) {
  return openCallStepsQuery(db, today).execute();
}

/** The query of `openCallSteps`, unexecuted (the EXPLAIN test compiles it). */
export function openCallStepsQuery(db: Db, today: string) {
  return db
    .selectFrom('followup_steps as s')
    .innerJoin('followup_plans as p', 'p.id', 's.plan_id')
    .innerJoin('customers as c', 'c.id', 'p.customer_id')
    .leftJoin('items as i', 'i.id', 'p.item_id')
    .where('s.status', '=', OPEN)
    .where('s.kind', '=', 'call')
    .where('s.due_date', '<=', today)
    .select([
      's.id', 's.plan_id', 's.label', 's.due_date', 's.attempts', 's.next_try_at', 's.version',
      'p.surgery_at', 'p.customer_id', 'c.name', 'c.address_form', 'c.phone',
      'i.name as item_zh', 'i.name_en as item_en',
    ])
    .orderBy('s.due_date')
    .orderBy('s.id');
}

/** The open visit steps of some plans (what a call offers to book). */
export function openVisitSteps(db: Db, planIds: readonly number[]) {
  if (!planIds.length) return Promise.resolve([]);
  return db
    .selectFrom('followup_steps')
    .where('plan_id', 'in', planIds)
    .where('kind', '=', 'visit')
    .where('status', '=', OPEN)
    .select(['id', 'plan_id', 'due_date', 'label', 'version'])
    .orderBy('due_date')
    .execute();
}

export function findStep(db: Db, id: number) {
  return db
    .selectFrom('followup_steps as s')
    .innerJoin('followup_plans as p', 'p.id', 's.plan_id')
    .where('s.id', '=', id)
    .select(['s.id', 's.kind', 's.status', 's.attempts', 's.version', 's.due_date', 'p.customer_id', 'p.item_id', 'p.id as plan_id'])
    .executeTakeFirst();
}

/** Compare-and-set on the step's version: false when someone else changed it first. */
export async function updateStep(
  db: Db,
  id: number,
  expectedVersion: number,
  values: { status?: 'open' | 'done'; attempts?: number; next_try_at?: string | null; outcome?: string; feeling?: string; questions?: string; appointment_id?: number; done_at?: string; done_by?: number },
): Promise<boolean> {
  const result = await db
    .updateTable('followup_steps')
    .set({ ...values, version: expectedVersion + 1 })
    .where('id', '=', id)
    .where('version', '=', expectedVersion)
    .executeTakeFirst();
  return result.numUpdatedRows === 1n;
}

export function plansOfCustomer(db: Db, customerId: number) {
  return db
    .selectFrom('followup_plans as p')
    .leftJoin('items as i', 'i.id', 'p.item_id')
    .where('p.customer_id', '=', customerId)
    .select(['p.id', 'p.surgery_at', 'p.discharged_at', 'p.created_at', 'i.name as item_zh', 'i.name_en as item_en'])
    .orderBy('p.surgery_at', 'desc')
    .execute();
}

export function stepsOfPlans(db: Db, planIds: readonly number[]) {
  if (!planIds.length) return Promise.resolve([]);
  return db
    .selectFrom('followup_steps')
    .where('plan_id', 'in', planIds)
    .select(['id', 'plan_id', 'kind', 'label', 'due_date', 'status', 'attempts', 'outcome', 'appointment_id', 'version'])
    .orderBy('due_date')
    .execute();
}

export async function insertConcern(db: Db, concern: { stepId: number; doctorId: number | null; text: string; raisedAt: string; raisedBy: number }): Promise<number> {
  const { id } = await db
    .insertInto('followup_concerns')
    .values({ step_id: concern.stepId, doctor_id: concern.doctorId, text: concern.text, raised_at: concern.raisedAt, raised_by: concern.raisedBy, answer: null, answered_at: null, answered_by: null })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

/** Concerns not yet answered, oldest first; a doctor sees those addressed to them and to no one. */
export function openConcerns(db: Db, doctorId: number | null) {
  let query = db
    .selectFrom('followup_concerns as f')
    .innerJoin('followup_steps as s', 's.id', 'f.step_id')
    .innerJoin('followup_plans as p', 'p.id', 's.plan_id')
    .innerJoin('customers as c', 'c.id', 'p.customer_id')
    .leftJoin('items as i', 'i.id', 'p.item_id')
    .where('f.answered_at', 'is', null)
    .select(['f.id', 'f.text', 'f.raised_at', 'f.doctor_id', 'p.surgery_at', 'c.name', 'c.address_form', 'c.phone', 'i.name as item_zh', 'i.name_en as item_en']);
  if (doctorId !== null) query = query.where((eb) => eb.or([eb('f.doctor_id', '=', doctorId), eb('f.doctor_id', 'is', null)]));
  return query.orderBy('f.raised_at').orderBy('f.id').execute();
}

/** Answers a concern once: false when it was answered already (or does not exist). */
export async function answerConcern(db: Db, id: number, answer: string, at: string, by: number): Promise<boolean> {
  const result = await db
    .updateTable('followup_concerns')
    .set({ answer, answered_at: at, answered_by: by })
    .where('id', '=', id)
    .where('answered_at', 'is', null)
    .executeTakeFirst();
  return result.numUpdatedRows === 1n;
}

export function findVisitCheck(db: Db, visitId: number) {
  return db.selectFrom('followup_visit_checks').where('visit_id', '=', visitId).selectAll().executeTakeFirst();
}

/** Records the start of the consultant step; false when it was already recorded. */
export async function insertVisitCheck(db: Db, visitId: number, at: string, consultantId: number): Promise<boolean> {
  const inserted = await db
    .insertInto('followup_visit_checks')
    .values({ visit_id: visitId, consultant_started_at: at, consultant_id: consultantId, surgeon_seen_at: null, surgeon_id: null })
    .onConflict((oc) => oc.column('visit_id').doNothing())
    .returning('id')
    .executeTakeFirst();
  return inserted !== undefined;
}

export async function concernExists(db: Db, id: number): Promise<boolean> {
  return (await db.selectFrom('followup_concerns').select('id').where('id', '=', id).executeTakeFirst()) !== undefined;
}

/** Unanswered concerns with their customer's name (for the doctor's notification, masked there). */
export function unansweredConcerns(db: Db) {
  return db
    .selectFrom('followup_concerns as f')
    .innerJoin('followup_steps as s', 's.id', 'f.step_id')
    .innerJoin('followup_plans as p', 'p.id', 's.plan_id')
    .innerJoin('customers as c', 'c.id', 'p.customer_id')
    .where('f.answered_at', 'is', null)
    .select(['f.id', 'c.name'])
    .execute();
}

/** Open calls due before `beforeDate`. */
export function overdueCalls(db: Db, beforeDate: string) {
  return overdueCallsQuery(db, beforeDate).execute();
}

/** The query of `overdueCalls`, unexecuted (the EXPLAIN test compiles it). */
export function overdueCallsQuery(db: Db, beforeDate: string) {
  return db
    .selectFrom('followup_steps as s')
    .innerJoin('followup_plans as p', 'p.id', 's.plan_id')
    .innerJoin('customers as c', 'c.id', 'p.customer_id')
    .where('s.status', '=', OPEN)
    .where('s.kind', '=', 'call')
    .where('s.due_date', '<', beforeDate)
    .select(['s.id', 's.due_date', 'c.name']);
}

/** Completed surgeries between `since` and `until` whose customer has no plan made for them. */
export function surgeriesWithoutPlan(db: Db, since: string, until: string) {
  return db
    .selectFrom('appointments as a')
    .innerJoin('customers as c', 'c.id', 'a.customer_id')
    .where('a.kind', '=', 'surgery')
    .where('a.status', '=', 'completed')
    .where('a.starts_at', '>=', since)
    .where('a.starts_at', '<=', until)
    // A plan counts for a surgery from a day before it onwards (a plan by hand may give the time roughly).
    .where(({ not, exists, selectFrom }) =>
      not(exists(selectFrom('followup_plans as p').select('p.id').whereRef('p.customer_id', '=', 'a.customer_id').where('p.surgery_at', '>=', sql<string>`strftime('%Y-%m-%dT%H:%M:%fZ', a.starts_at, '-1 day')`))),
    )
    .select(['a.id', 'a.starts_at', 'c.name'])
    .execute();
}

/**
 * Issue 20: of these customers, those who withdrew their consent to follow-up calls (a consent
 * row for `followUpCalls`, none still in force) — or to surveys, with `purpose` 'survey'. A customer with no consent row at all is not
 * among them: the clinic's consent on paper at the surgery covers the calls until withdrawn.
 */
export async function callConsentWithdrawn(db: Db, customerIds: readonly number[], purpose: 'followUpCalls' | 'survey' = 'followUpCalls'): Promise<Set<number>> {
  if (!customerIds.length) return new Set();
  const rows = await db
    .selectFrom('consents')
    .where('customer_id', 'in', [...new Set(customerIds)])
    .where('purpose', '=', purpose)
    .select(['customer_id'])
    .select((eb) => eb.fn.count<number>(eb.case().when('withdrawn_at', 'is', null).then(1).end()).as('in_force'))
    .groupBy('customer_id')
    .execute();
  return new Set(rows.filter((row) => Number(row.in_force) === 0).map((row) => row.customer_id));
}

/** A customer's latest surgery at or before `before` (not cancelled, not missed), with its surgeon. */
export function latestSurgery(db: Db, customerId: number, before: string) {
  return db
    .selectFrom('appointments as a')
    .leftJoin('staff as s', 's.id', 'a.doctor_id')
    .where('a.customer_id', '=', customerId)
    .where('a.kind', '=', 'surgery')
    .where('a.status', 'not in', ['cancelled', 'no_show'])
    .where('a.starts_at', '<=', before)
    .select(['a.id', 'a.starts_at', 'a.doctor_id', 's.name as doctor_name'])
    .orderBy('a.starts_at', 'desc')
    .orderBy('a.id', 'desc')
    .limit(1)
    .executeTakeFirst();
}

/** Records that the surgeon looked (seed 004 rule 23); false when it was recorded already or the consultant step is missing. */
export async function markSurgeonSeen(db: Db, visitId: number, at: string, surgeonId: number | null): Promise<boolean> {
  const result = await db.updateTable('followup_visit_checks').set({ surgeon_seen_at: at, surgeon_id: surgeonId }).where('visit_id', '=', visitId).where('surgeon_seen_at', 'is', null).executeTakeFirst();
  return result.numUpdatedRows === 1n;
}
