/**
 * The audit log's rows are filed into its four indexes in batches, not one by one (issue 12 part 5).
 *
 * Every write appends one audit row in its own transaction (the dispatcher). With four indexes on
 * the log (by time, by record, by person, by action: 001, 014), that row dirtied five pages, and
 * every page a commit dirties is written to the WAL and synced: ~10 % of a check-in's time through
 * the dispatcher (docs/performance.md, 2026-12-06). The indexes now hold only *filed* rows
 * (`filed = 1`, partial indexes), so a write appends its row unfiled and dirties the table's last
 * page only. Every `AUDIT_FILING_BATCH` rows, the write that reaches it files the batch in the same
 * transaction (electron/db/repositories/audit.ts), whose index pages are then shared by the batch.
 * Every reader of the log by an index files what is left first (`fileAudit`), so nothing a reader
 * asks for is missed; a row is never lost either way, since filed or not it is in `audit_log`.
 *
 * `audit_filing.up_to` is the last row id known filed: rows above it are the unfiled tail, found
 * by rowid range. Rows written without the column (older code, the bench's generated clinic) are
 * filed from the start (DEFAULT 1). Forward-only; STRICT tables.
 */
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await sql`ALTER TABLE audit_log ADD COLUMN filed INTEGER NOT NULL DEFAULT 1 CHECK (filed IN (0, 1))`.execute(db);
  for (const index of ['audit_by_time', 'audit_by_target', 'audit_by_staff', 'audit_by_method']) {
    await sql`DROP INDEX ${sql.raw(index)}`.execute(db);
  }
  // The same four as before (001, 014), holding filed rows only. A query uses one only when its
  // own WHERE says `filed = 1` with the 1 written out (repositories/audit.ts, auditIsFiled).
  await sql`CREATE INDEX audit_by_time ON audit_log(at) WHERE filed = 1`.execute(db);
  await sql`CREATE INDEX audit_by_target ON audit_log(target, at) WHERE filed = 1`.execute(db);
  await sql`CREATE INDEX audit_by_staff ON audit_log(staff_id, at) WHERE filed = 1`.execute(db);
  await sql`CREATE INDEX audit_by_method ON audit_log(method, at) WHERE filed = 1`.execute(db);

  await sql`CREATE TABLE audit_filing (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    up_to INTEGER NOT NULL
  ) STRICT`.execute(db);
  await sql`INSERT INTO audit_filing (id, up_to) VALUES (1, (SELECT coalesce(max(id), 0) FROM audit_log))`.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('migrations are forward-only');
}
