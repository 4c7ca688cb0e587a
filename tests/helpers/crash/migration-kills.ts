/**
 * SIGKILL while the server migrates (issue 19): from an empty data directory, and from a database
 * left at an older schema version (an update installed over last month's data). The kill falls at
 * a random moment between the database file appearing and the server saying its schema is ready;
 * the next start must finish migrating, and the schema must then be exactly what a clean
 * migration makes, with every migration recorded once and in order.
 */
import BetterSqlite3 from 'better-sqlite3';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { mulberry32 } from '../../../electron/demo/seed-demo';
import { DATABASE_FILE } from '../../../electron/core/data-dir';
import { migrateTo } from '../../../electron/db/migrate';
import { openDatabase } from '../../../electron/db/open-database';
import { migrations, SCHEMA_VERSION } from '../../../migrations/index';
import { killHard, spawnServer } from './server-process';

export interface MigrationKillOptions {
  workDir: string;
  now: string;
  rounds: number;
  seed: number;
  log?: (line: string) => void;
}

export interface MigrationKillSummary {
  rounds: number;
  /** Kills that fell before the server said its schema was ready (opening, checking, migrating). */
  beforeReady: number;
  /** Kills after which the file was still at an older version: the migration had not committed. */
  leftUnmigrated: number;
  problems: string[];
}

/** Every table, index and trigger but the migrator's own bookkeeping, as SQL text. */
function schemaOf(db: BetterSqlite3.Database): string[] {
  return db
    .prepare("select type || ' ' || name || ': ' || coalesce(sql, '') from sqlite_master where name not like 'kysely%' and name not like 'sqlite%' order by type, name")
    .pluck()
    .all() as string[];
}

function appliedOf(db: BetterSqlite3.Database): string[] {
  const table = db.prepare("select count(*) from sqlite_master where name = 'kysely_migration'").pluck().get() as number;
  return table ? (db.prepare('select name from kysely_migration order by name').pluck().all() as string[]) : [];
}

/** The schema a clean migration to `version` makes. */
async function referenceSchema(version: number): Promise<string[]> {
  const opened = openDatabase(':memory:');
  try {
    await migrateTo(opened.db, version);
    return schemaOf(opened.sqlite);
  } finally {
    await opened.close();
  }
}

/** Reads a copy of what the kill left (the file and its WAL), so the look changes nothing. */
function inspectCopy(dataDir: string, scratch: string): { applied: string[]; schema: string[] } | null {
  const file = join(dataDir, DATABASE_FILE);
  if (!existsSync(file)) return null;
  rmSync(scratch, { recursive: true, force: true });
  mkdirSync(scratch, { recursive: true });
  for (const suffix of ['', '-wal']) if (existsSync(file + suffix)) copyFileSync(file + suffix, join(scratch, DATABASE_FILE + suffix));
  const db = new BetterSqlite3(join(scratch, DATABASE_FILE));
  try {
    return { applied: appliedOf(db), schema: schemaOf(db) };
  } finally {
    db.close();
  }
}

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

/** Starts the server (no demo) and resolves when it listens, or rejects with what it printed. */
async function startToReady(dataDir: string, now: string): Promise<void> {
  const server = spawnServer({ dataDir, now, demo: false });
  for (let waited = 0; !/Open http/.test(server.output()); waited += 20) {
    if (server.child.exitCode !== null) throw new Error(`the server did not start after the kill:\n${server.output()}`);
    if (waited > 60_000) throw new Error(`the server did not start within 60 s:\n${server.output()}`);
    await sleep(20);
  }
  await killHard(server.child, server.exited);
}

export async function runMigrationKills(options: MigrationKillOptions): Promise<MigrationKillSummary> {
  const log = options.log ?? (() => undefined);
  const random = mulberry32(options.seed);
  // In the order Kysely applies them: by name, whatever order the list is written in.
  const names = Object.keys(migrations).sort();
  const summary: MigrationKillSummary = { rounds: 0, beforeReady: 0, leftUnmigrated: 0, problems: [] };
  const references = new Map<number, string[]>();
  const reference = async (version: number) => {
    if (!references.has(version)) references.set(version, version === 0 ? [] : await referenceSchema(version));
    return references.get(version) ?? [];
  };
  const latest = await reference(SCHEMA_VERSION);
  // Databases at older versions, made once: version N-k for k = 1…3.
  const fixtures = new Map<number, string>();
  for (let back = 1; back <= Math.min(3, SCHEMA_VERSION - 1); back += 1) {
    const dir = mkdtempSync(join(options.workDir, `schema-${String(SCHEMA_VERSION - back)}-`));
    const opened = openDatabase(join(dir, DATABASE_FILE));
    await migrateTo(opened.db, SCHEMA_VERSION - back);
    await opened.close();
    fixtures.set(SCHEMA_VERSION - back, join(dir, DATABASE_FILE));
  }
  // How long a start spends between the file appearing and the schema being ready, learnt as it goes.
  let window = 150;

  for (let round = 1; round <= options.rounds; round += 1) {
    const dataDir = mkdtempSync(join(options.workDir, 'round-'));
    const from = round % 2 === 1 ? 0 : SCHEMA_VERSION - 1 - Math.floor(random() * fixtures.size);
    const fixture = fixtures.get(from);
    if (fixture) copyFileSync(fixture, join(dataDir, DATABASE_FILE));
    const file = join(dataDir, DATABASE_FILE);
    const server = spawnServer({ dataDir, now: options.now, demo: false });
    // The file of an empty directory appears when the server opens it; an old one is there already.
    const opened = fixture ? null : file;
    for (let waited = 0; opened && !existsSync(opened) && server.child.exitCode === null && waited < 60_000; waited += 1) await sleep(1);
    if (fixture) {
      for (let waited = 0; !existsSync(`${file}-wal`) && server.child.exitCode === null && waited < 60_000; waited += 1) await sleep(1);
    }
    const appeared = performance.now();
    const killAfter = Math.floor(random() * window);
    await sleep(killAfter);
    const readyBeforeKill = /\(schema \d+\)/.test(server.output());
    await killHard(server.child, server.exited);
    if (readyBeforeKill) window = Math.max(20, Math.min(window, Math.round((performance.now() - appeared) * 0.9)));
    else window = Math.min(2000, Math.round(window * 1.1));

    // Whatever the kill left must be a schema version whole: what a clean migration to the
    // number of migrations recorded makes, nothing more, nothing less.
    const left = inspectCopy(dataDir, join(dataDir, 'scratch'));
    if (!readyBeforeKill) summary.beforeReady += 1;
    if (left && left.applied.length < SCHEMA_VERSION) summary.leftUnmigrated += 1;
    if (left && JSON.stringify(left.schema) !== JSON.stringify(await reference(left.applied.length))) {
      summary.problems.push(`round ${String(round)} (from schema ${String(from)}, killed ${String(killAfter)} ms in): ${String(left.applied.length)} migrations recorded, and the tables of another schema`);
    }
    rmSync(join(dataDir, 'scratch'), { recursive: true, force: true });

    try {
      await startToReady(dataDir, options.now);
    } catch (error) {
      summary.problems.push(`round ${String(round)} (from schema ${String(from)}, killed ${String(killAfter)} ms in, ${left ? `${String(left.applied.length)} migrations recorded` : 'no file'}): ${error instanceof Error ? error.message.split('\n').slice(0, 3).join(' ') : String(error)}`);
      summary.rounds = round;
      break;
    }
    const db = new BetterSqlite3(file, { readonly: true });
    try {
      const integrity = db.pragma('integrity_check', { simple: true });
      if (integrity !== 'ok') summary.problems.push(`round ${String(round)}: integrity_check ${String(integrity)}`);
      if ((db.pragma('foreign_key_check') as unknown[]).length > 0) summary.problems.push(`round ${String(round)}: foreign_key_check not empty`);
      if (JSON.stringify(appliedOf(db)) !== JSON.stringify(names)) summary.problems.push(`round ${String(round)}: migrations recorded ${appliedOf(db).join(',')}`);
      if (JSON.stringify(schemaOf(db)) !== JSON.stringify(latest)) summary.problems.push(`round ${String(round)}: the schema differs from a clean migration's`);
    } finally {
      db.close();
    }
    rmSync(dataDir, { recursive: true, force: true });
    summary.rounds = round;
    if (summary.problems.length > 0) break;
    if (round % 10 === 0) log(`migration round ${String(round)} (seed ${String(options.seed)}): ${String(summary.beforeReady)} kills before the schema was ready, ${String(summary.leftUnmigrated)} left unmigrated, window ${String(window)} ms`);
  }
  return summary;
}
