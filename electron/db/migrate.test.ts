import { sql, type Kysely } from 'kysely';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { migrations, SCHEMA_VERSION } from '../../migrations/index';
import { applyMigrations, migrateTo, migrateToLatest } from './migrate';
import { compareVersions, openDatabase } from './open-database';
import type { Database } from './schema';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** The schema version just before the migration `name` (the migrations before it in name order). */
const versionBefore = (name: string) => Object.keys(migrations).sort().indexOf(name);

function tempFile(): string {
  const dir = mkdtempSync(join(tmpdir(), 'frontdesk-migrate-'));
  dirs.push(dir);
  return join(dir, 'test.sqlite');
}

describe('migrations', () => {
  it('bring an empty database to the latest schema, and running again changes nothing', async () => {
    const opened = openDatabase(tempFile());
    const first = await migrateToLatest(opened.db);
    expect(first.applied).toHaveLength(SCHEMA_VERSION);
    const tables = opened.sqlite
      .prepare("select name from sqlite_master where type = 'table' and name not like 'kysely%' and name not like 'sqlite%' order by name")
      .pluck()
      .all();
    expect(tables).toEqual([
      'access_log',
      'aftercare_templates',
      'appointments',
      'audit_filing',
      'audit_log',
      'checklist_run_items',
      'checklist_runs',
      'checklist_template_items',
      'checklist_templates',
      'comfort_rules',
      'comfort_tasks',
      'confirmation_calls',
      'consent_texts',
      'consents',
      'consultation_outcomes',
      'customers',
      'devices',
      'escort_events',
      'escorts',
      'followup_concerns',
      'followup_plans',
      'followup_steps',
      'followup_visit_checks',
      'handoff_notes',
      'idempotency_keys',
      'items',
      'kept_reports',
      'notification_reads',
      'notification_roles',
      'notifications',
      'outcome_followup_calls',
      'pairing_codes',
      'pairing_guard',
      'print_jobs',
      'report_comfort_facts',
      'report_days_kept',
      'report_escort_facts',
      'report_visit_facts',
      'rooms',
      'roster_confirmations',
      'screening_decisions',
      'screenings',
      'sessions',
      'settings',
      'shift_overrides',
      'shift_templates',
      'staff',
      'staff_assigned_rooms',
      'staff_rooms',
      'stays',
      'surgery_consents',
      'surveys',
      'ticket_counters',
      'visit_events',
      'visits',
      'ward_tasks',
    ]);

    const schemaBefore = opened.sqlite.prepare('select sql from sqlite_master order by name').pluck().all();
    const second = await migrateToLatest(opened.db);
    expect(second.applied).toEqual([]);
    expect(opened.sqlite.prepare('select sql from sqlite_master order by name').pluck().all()).toEqual(schemaBefore);
    await opened.close();
  });

  it('open the file with WAL, synchronous=FULL, foreign keys and a busy timeout', async () => {
    const opened = openDatabase(tempFile());
    expect(opened.sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(opened.sqlite.pragma('synchronous', { simple: true })).toBe(2); // FULL
    expect(opened.sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(opened.sqlite.pragma('busy_timeout', { simple: true })).toBe(5000);
    await opened.close();
  });

  it('make every table STRICT and enforce foreign keys', async () => {
    const opened = openDatabase(':memory:');
    await migrateToLatest(opened.db);
    const lax = opened.sqlite
      .prepare("select name from pragma_table_list where schema = 'main' and type = 'table' and strict = 0 and name not like 'kysely%' and name not like 'sqlite%'")
      .pluck()
      .all();
    expect(lax).toEqual([]);
    await expect(
      sql`insert into sessions (token_hash, staff_id, device, created_at, expires_at) values ('x', 999, 'd', 'a', 'b')`.execute(opened.db),
    ).rejects.toThrow(/FOREIGN KEY/);
    await opened.close();
  });

  it('serve the day list from the start-time index', async () => {
    const opened = openDatabase(':memory:');
    await migrateToLatest(opened.db);
    const plan = opened.sqlite
      .prepare("explain query plan select * from appointments where starts_at >= ? and starts_at < ? order by starts_at")
      .all('a', 'b') as { detail: string }[];
    expect(plan.map((row) => row.detail).join(' ')).toMatch(/USING INDEX appointments_by_start/);
    await opened.close();
  });
});

describe('a migration cut off part-way (issue 19)', () => {
  // What a kill in the middle of a migration leaves is what a failure in its middle leaves: in
  // autocommit (Kysely's SQLite default) the first table stayed, unrecorded, and every later
  // start failed on "table … already exists".
  const halfway = {
    '001-first': { up: (db: Kysely<Database>) => sql`CREATE TABLE first (id INTEGER PRIMARY KEY) STRICT`.execute(db).then(() => undefined) },
    '002-breaks': {
      up: async (db: Kysely<Database>) => {
        await sql`CREATE TABLE second (id INTEGER PRIMARY KEY) STRICT`.execute(db);
        throw new Error('cut off');
      },
    },
  };
  const tables = (opened: ReturnType<typeof openDatabase>) =>
    opened.sqlite.prepare("select name from sqlite_master where type = 'table' and name not like 'kysely%' order by name").pluck().all();

  it('leaves none of the pending migrations applied, and the next start applies them all', async () => {
    const opened = openDatabase(tempFile());
    await expect(applyMigrations(opened.db, halfway)).rejects.toThrow(/002-breaks failed: cut off/);
    expect(tables(opened)).toEqual([]);
    expect(opened.sqlite.prepare('select count(*) from kysely_migration').pluck().get()).toBe(0);

    const mended = { ...halfway, '002-breaks': { up: (db: Kysely<Database>) => sql`CREATE TABLE second (id INTEGER PRIMARY KEY) STRICT`.execute(db).then(() => undefined) } };
    expect(await applyMigrations(opened.db, mended)).toEqual(['001-first', '002-breaks']);
    expect(tables(opened)).toEqual(['first', 'second']);
    await opened.close();
  });

  it('brings an older schema version to the latest', async () => {
    const opened = openDatabase(tempFile());
    expect((await migrateTo(opened.db, SCHEMA_VERSION - 2)).applied).toHaveLength(SCHEMA_VERSION - 2);
    expect((await migrateToLatest(opened.db)).applied).toHaveLength(2);
    await opened.close();
  });
});

describe('migration 027 (audit rows filed in batches)', () => {
  it('keeps every older audit row filed and in the indexes, and marks the last as filed', async () => {
    const opened = openDatabase(tempFile());
    await migrateTo(opened.db, versionBefore('027-audit-filing'));
    const insert = opened.sqlite.prepare("INSERT INTO audit_log (at, staff_id, device, method, target, diff) VALUES (?, NULL, 'desk', 'visits.checkIn', ?, 'null')");
    for (let index = 1; index <= 3; index += 1) insert.run(`2026-11-2${String(index)}T02:00:00.000Z`, `visit:${String(index)}`);
    await migrateToLatest(opened.db);
    expect(opened.sqlite.prepare('SELECT count(*) FROM audit_log WHERE filed = 1').pluck().get()).toBe(3);
    expect(opened.sqlite.prepare('SELECT up_to FROM audit_filing').pluck().get()).toBe(opened.sqlite.prepare('SELECT max(id) FROM audit_log').pluck().get());
    const indexes = opened.sqlite.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'audit_log' ORDER BY name").all() as { name: string; sql: string }[];
    expect(indexes.map((index) => index.name)).toEqual(['audit_by_method', 'audit_by_staff', 'audit_by_target', 'audit_by_time']);
    for (const index of indexes) expect(index.sql).toMatch(/WHERE filed = 1$/);
    // An older row is found through the index by record at once, with nothing to file.
    expect(opened.sqlite.prepare("SELECT target FROM audit_log INDEXED BY audit_by_target WHERE filed = 1 AND target = 'visit:2'").pluck().all()).toEqual(['visit:2']);
    await opened.close();
  });
});

describe('migration 028 (escort facts kept)', () => {
  it('forgets the days kept without escort facts, so the next report keeps them again with their escorts', async () => {
    const opened = openDatabase(tempFile());
    await migrateTo(opened.db, versionBefore('028-report-escort-facts'));
    opened.sqlite.prepare("INSERT INTO report_days_kept (clinic_date, kept_at) VALUES ('2026-11-30', '2026-12-01T02:00:00.000Z')").run();
    await migrateToLatest(opened.db);
    expect(opened.sqlite.prepare('SELECT count(*) FROM report_days_kept').pluck().get()).toBe(0);
    await opened.close();
  });
});

describe('migration 010 (editable comfort rules)', () => {
  it('gives the seeded round its 15-minute interval, no check-in rule one, and refuses an interval of zero', async () => {
    const opened = openDatabase(':memory:');
    await migrateToLatest(opened.db);
    const rows = opened.sqlite.prepare('select code, due_minutes, repeat_minutes, version from comfort_rules order by sort').all();
    expect(rows).toEqual([
      { code: 'tea', due_minutes: 5, repeat_minutes: null, version: 1 },
      { code: 'magazines', due_minutes: 5, repeat_minutes: null, version: 1 },
      { code: 'round', due_minutes: 15, repeat_minutes: 15, version: 1 },
      { code: 'reassure', due_minutes: 10, repeat_minutes: null, version: 1 },
      { code: 'reassure_preop', due_minutes: 10, repeat_minutes: null, version: 1 },
      { code: 'infusion', due_minutes: 10, repeat_minutes: null, version: 1 },
    ]);
    expect(() => opened.sqlite.prepare("update comfort_rules set repeat_minutes = 0 where code = 'round'").run()).toThrow(/CHECK/);
    await opened.close();
  });
});

describe('SQLite version check', () => {
  it('orders versions numerically', () => {
    expect(compareVersions('3.51.2', '3.51.3')).toBeLessThan(0);
    expect(compareVersions('3.54.0', '3.51.3')).toBeGreaterThan(0);
    expect(compareVersions('3.9.0', '3.51.3')).toBeLessThan(0);
    expect(compareVersions('3.51.3', '3.51.3')).toBe(0);
  });
});
