import type { Kysely, Transaction } from 'kysely';
import { runCompiledOnce } from '../compiled-once';
import type { Database } from '../schema';

export interface AuditEntry {
  at: string;
  staffId: number | null;
  device: string;
  method: string;
  target: string | null;
  diff: unknown;
}

/** Appends one row to the audit log: every write's, so compiled once (compiled-once.ts). */
export async function appendAudit(db: Kysely<Database> | Transaction<Database>, entry: AuditEntry): Promise<void> {
  const row = { at: entry.at, staff_id: entry.staffId, device: entry.device, method: entry.method, target: entry.target, diff: JSON.stringify(entry.diff ?? null) };
  await runCompiledOnce(db, 'audit.append', () => db.insertInto('audit_log').values(row), Object.values(row));
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

function filteredAudit(db: Kysely<Database> | Transaction<Database>, filter: AuditFilter) {
  let query = db.selectFrom('audit_log as a');
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

/** One page of the audit log, newest first, with who acted; and how many rows match in all. */
export async function listAudit(db: Kysely<Database> | Transaction<Database>, filter: AuditFilter, page: { offset: number; limit: number }) {
  const rows = await filteredAudit(db, filter)
    .leftJoin('staff as s', 's.id', 'a.staff_id')
    .select(['a.id', 'a.at', 'a.staff_id', 'a.device', 'a.method', 'a.target', 'a.diff', 's.name as staff_name', 's.role as staff_role'])
    .orderBy('a.at', 'desc')
    .orderBy('a.id', 'desc')
    .limit(page.limit)
    .offset(page.offset)
    .execute();
  const count = await filteredAudit(db, filter).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return { rows, total: Number(count.n) };
}
