/**
 * The escort times of each finished day, kept with its other facts (issue 12 part 5; migration 022
 * kept the visits' waits and the comfort counts, not the escorts).
 *
 * The report's escort section read every escort of the period live: per escort four seeks into its
 * events for its first "taken", "picked up", "at the door" and "acknowledged". A year (~60,000
 * escorts, ~300,000 events) compared with the year before took ~310 ms of the year's 1.5 s
 * (docs/performance.md, 2026-12-06 afternoon). A finished day's escorts no longer change unless a row
 * of them is written, so the report keeps, per escort, its guide and its three times
 * (`report_escort_facts`, by day) when it keeps the day, and triggers forget the day whenever one of
 * its escorts or their events is written.
 *
 * The days kept before this migration have no escort facts: they are forgotten, and kept again with
 * them the next time a report reads them.
 */
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await sql`CREATE TABLE report_escort_facts (
    escort_id INTEGER NOT NULL PRIMARY KEY REFERENCES escorts(id),
    clinic_date TEXT NOT NULL,
    guide_id INTEGER REFERENCES staff(id),
    taken_s REAL,
    picked_up_s REAL,
    at_door_s REAL
  ) STRICT`.execute(db);
  await sql`CREATE INDEX report_escort_facts_by_day ON report_escort_facts(clinic_date)`.execute(db);
  // A write to a kept day's escort, or to one of its events, forgets the day (its visit's day).
  const dayOfEscort = (row: 'NEW' | 'OLD') => `(SELECT v.clinic_date FROM escorts x JOIN visits v ON v.id = x.visit_id WHERE x.id = ${row}.escort_id)`;
  const dayOfVisit = (row: 'NEW' | 'OLD') => `(SELECT clinic_date FROM visits WHERE id = ${row}.visit_id)`;
  for (const [table, dayOf] of [['escorts', dayOfVisit], ['escort_events', dayOfEscort]] as const) {
    await sql.raw(`CREATE TRIGGER report_forget_${table}_new AFTER INSERT ON ${table} BEGIN DELETE FROM report_days_kept WHERE clinic_date = ${dayOf('NEW')}; END`).execute(db);
    await sql.raw(`CREATE TRIGGER report_forget_${table}_old AFTER DELETE ON ${table} BEGIN DELETE FROM report_days_kept WHERE clinic_date = ${dayOf('OLD')}; END`).execute(db);
    await sql.raw(`CREATE TRIGGER report_forget_${table}_update AFTER UPDATE ON ${table} BEGIN DELETE FROM report_days_kept WHERE clinic_date IN (${dayOf('NEW')}, ${dayOf('OLD')}); END`).execute(db);
  }
  await sql`DELETE FROM report_days_kept`.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('migrations are forward-only');
}
