// PRAGMA quick_check on a read-only connection of its own, in a worker thread (integrity-check.ts):
// on five years of a busy clinic it reads every page of a 1 GB file (1–2 s), which a console
// starting after a clean shutdown must not wait for. Plain CommonJS, so the same file runs from
// the source tree (tests) and beside the bundles in dist/.
'use strict';
const { parentPort, workerData } = require('node:worker_threads');
const Database = require('better-sqlite3');

let db = null;
try {
  db = new Database(workerData.file, { readonly: true, fileMustExist: true });
  const problems = db.pragma('quick_check').map((row) => String(row.quick_check));
  const ok = problems.length === 1 && problems[0] === 'ok';
  parentPort.postMessage({ ok, problems: ok ? [] : problems.slice(0, 20) });
} catch (error) {
  parentPort.postMessage({ ok: false, problems: [error instanceof Error ? error.message : String(error)] });
} finally {
  if (db) db.close();
}
