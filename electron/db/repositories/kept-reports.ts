/** SQL of the reports kept at closing (migration 017, issue 18): one per clinic day, kept once. */
import type { Insertable, Kysely, Transaction } from 'kysely';
import type { Database, KeptReportsTable } from '../schema';

type Db = Kysely<Database> | Transaction<Database>;

/** Keeps a day's report unless that day is already kept; true when this call kept it. */
export async function insertKeptReport(db: Db, row: Insertable<KeptReportsTable>): Promise<boolean> {
  const result = await db.insertInto('kept_reports').values(row).onConflict((conflict) => conflict.column('clinic_date').doNothing()).executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0n) > 0;
}

/** Whether a day's report is kept. */
export async function isReportKept(db: Db, date: string): Promise<boolean> {
  return (await db.selectFrom('kept_reports').select('clinic_date').where('clinic_date', '=', date).executeTakeFirst()) !== undefined;
}

/** The newest kept reports (without the report's JSON). */
export function keptReports(db: Db, limit: number) {
  return db.selectFrom('kept_reports').select(['clinic_date', 'generated_at', 'headline']).orderBy('clinic_date', 'desc').limit(limit).execute();
}

/** One day's kept report with its JSON. */
export function keptReportOf(db: Db, date: string) {
  return db.selectFrom('kept_reports').selectAll().where('clinic_date', '=', date).executeTakeFirst();
}
