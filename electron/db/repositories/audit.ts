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
