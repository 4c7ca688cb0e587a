// Reads a whole database file on a connection of its own, in a worker thread, so that the console's
// main thread keeps answering meanwhile: on five years of a busy clinic a 1 GB file takes seconds.
//   - the start's check (integrity-check.ts): PRAGMA quick_check, read-only;
//   - a fresh backup's (backup-file.ts, `seal: true, check: 'integrity_check', schema: true`): made
//     a standalone file (the rollback journal instead of WAL) and flushed to the disk, then opened
//     read-only and checked in full, and its schema version read.
// Plain CommonJS, so the same file runs from the source tree (tests) and beside the bundles in dist/.
'use strict';
const { closeSync, fsyncSync, openSync } = require('node:fs');
const { parentPort, workerData } = require('node:worker_threads');
const Database = require('better-sqlite3');

const check = workerData.check === 'integrity_check' ? 'integrity_check' : 'quick_check';
let db = null;
try {
  if (workerData.seal) {
    const copy = new Database(workerData.file, { fileMustExist: true });
    try {
      copy.pragma('journal_mode = DELETE');
    } finally {
      copy.close();
    }
    const handle = openSync(workerData.file, 'r');
    try {
      fsyncSync(handle);
    } finally {
      closeSync(handle);
    }
  }
  db = new Database(workerData.file, { readonly: true, fileMustExist: true });
  const found = db.pragma(check).map((row) => String(row[check]));
  let ok = found.length === 1 && found[0] === 'ok';
  let problems = ok ? [] : found.slice(0, 20);
  let schemaVersion = null;
  if (ok && workerData.schema) {
    const table = db.prepare("select count(*) as n from sqlite_master where type = 'table' and name = 'kysely_migration'").get();
    if (table.n === 0) {
      ok = false;
      problems = ['not a FrontDesk database (no migrations table)'];
    } else {
      schemaVersion = db.prepare('select count(*) as n from kysely_migration').get().n;
    }
  }
  parentPort.postMessage({ ok, problems, schemaVersion });
} catch (error) {
  parentPort.postMessage({ ok: false, problems: [error instanceof Error ? error.message : String(error)], schemaVersion: null });
} finally {
  if (db) db.close();
}
