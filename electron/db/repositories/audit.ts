import { sql, type Kysely, type Transaction } from 'kysely';
import { runCompiledOnce } from '../compiled-once';
import type { Database } from '../schema';

type Db = Kysely<Database> | Transaction<Database>;

export interface AuditEntry {
  at: string;
  staffId: number | null;
  device: string;
  method: string;
  target: string | null;
  diff: unknown;
}

/**
 * How many unfiled rows the write that reaches them files into the log's indexes (migration 027).
 * A batch's index pages are shared by its rows; a larger batch makes that one write slower.
 */
export const AUDIT_FILING_BATCH = 128;

/** In a query's WHERE, lets SQLite use the log's indexes, which hold filed rows only (the 1 written out). */
export const auditIsFiled = sql.lit(1);

const filedUpToQuery = (db: Db) => db.selectFrom('audit_filing').select('up_to').where('id', '=', sql.lit(1));

/**
 * Appends one row to the audit log: every write's, so compiled once (compiled-once.ts). The row is
 * appended unfiled; the write whose row makes a batch files it, in the same transaction.
 */
export async function appendAudit(db: Db, entry: AuditEntry): Promise<void> {
  const row = { at: entry.at, staff_id: entry.staffId, device: entry.device, method: entry.method, target: entry.target, diff: JSON.stringify(entry.diff ?? null) };
  const [inserted] = await runCompiledOnce(
    db,
    'audit.append',
    () => db.insertInto('audit_log').values({ ...row, filed: sql.lit(0) }).returning('id'),
    Object.values(row),
  );
  const [filing] = await runCompiledOnce(db, 'audit.filedUpTo', () => filedUpToQuery(db), []);
  if (inserted !== undefined && filing !== undefined && inserted.id - filing.up_to >= AUDIT_FILING_BATCH) {
    await fileRange(db, filing.up_to, inserted.id);
  }
}

/** Files the rows above `after` up to `upTo` and moves the mark. Safe to repeat: filed rows are skipped. */
async function fileRange(db: Db, after: number, upTo: number): Promise<void> {
  await runCompiledOnce(
    db,
    'audit.file',
    () => db.updateTable('audit_log').set({ filed: sql.lit(1) }).where('id', '>', after).where('id', '<=', upTo).where('filed', '=', sql.lit(0)),
    [after, upTo],
  );
  await runCompiledOnce(db, 'audit.markFiled', () => db.updateTable('audit_filing').set({ up_to: upTo }).where('id', '=', sql.lit(1)), [upTo]);
}

/**
 * Files every row not yet filed. A reader of the log by one of its indexes calls this first, and
 * then says `filed = 1` (`auditIsFiled`), so it finds every row written before it asked.
 */
export async function fileAudit(db: Db): Promise<void> {
  const file = async (trx: Transaction<Database>) => {
    const filing = await filedUpToQuery(trx).executeTakeFirst();
    const last = await trx.selectFrom('audit_log').select((eb) => eb.fn.max('id').as('id')).executeTakeFirst();
    if (filing !== undefined && typeof last?.id === 'number' && last.id > filing.up_to) await fileRange(trx, filing.up_to, last.id);
  };
  if (db.isTransaction) await file(db as Transaction<Database>);
  else await db.transaction().execute(file);
}

/** What the audit viewer filters by; instants are UTC ISO, `until` exclusive. */
export interface AuditFilter {
  staffId?: number | undefined;
  /** One method exactly (`staff.create`, `auth.signIn:refused`), or a whole domain (`staff`). */
  action?: string | undefined;
  since?: string | undefined;
  until?: string | undefined;
  target?: string | undefined;
}

function filteredAudit(db: Db, filter: AuditFilter) {
  let query = db.selectFrom('audit_log as a').where('a.filed', '=', auditIsFiled);
  if (filter.staffId !== undefined) query = query.where('a.staff_id', '=', filter.staffId);
  if (filter.action !== undefined) {
    // A domain is a range of method names ('staff.' up to 'staff/'), which audit_by_method serves.
    query = filter.action.includes('.')
      ? query.where('a.method', '=', filter.action)
      : query.where('a.method', '>=', `${filter.action}.`).where('a.method', '<', `${filter.action}/`);
  }
  if (filter.since !== undefined) query = query.where('a.at', '>=', filter.since);
  if (filter.until !== undefined) query = query.where('a.at', '<', filter.until);
  if (filter.target !== undefined) query = query.where('a.target', '=', filter.target);
  return query;
}

/** The query of one page of the log, newest first, with who acted (exported for its plan's test). */
export function auditPageQuery(db: Db, filter: AuditFilter, page: { offset: number; limit: number }) {
  return filteredAudit(db, filter)
    .leftJoin('staff as s', 's.id', 'a.staff_id')
    .select(['a.id', 'a.at', 'a.staff_id', 'a.device', 'a.method', 'a.target', 'a.diff', 's.name as staff_name', 's.role as staff_role'])
    .orderBy('a.at', 'desc')
    .orderBy('a.id', 'desc')
    .limit(page.limit)
    .offset(page.offset);
}

/** One page of the audit log, newest first, with who acted; and how many rows match in all. */
export async function listAudit(db: Db, filter: AuditFilter, page: { offset: number; limit: number }) {
  await fileAudit(db);
  const rows = await auditPageQuery(db, filter, page).execute();
  const count = await filteredAudit(db, filter).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return { rows, total: Number(count.n) };
}
