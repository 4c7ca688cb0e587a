/**
 * A full disk, recognised wherever it surfaces: SQLite reports `SQLITE_FULL` when it cannot grow
 * the database or its WAL, and Node reports `ENOSPC` when a file (a saved PDF, a log) cannot be
 * written. Both mean the same thing to the desk — nothing was saved, free space and try again —
 * so the dispatcher answers both with the contract's `disk_full`.
 */

/** The error codes that mean "no space left", from better-sqlite3 and from Node's fs. */
const DISK_FULL_CODES: ReadonlySet<string> = new Set(['SQLITE_FULL', 'ENOSPC']);

/**
 * Whether an error (or one of its causes) says the disk is full.
 *
 * @example isDiskFull(Object.assign(new Error('database or disk is full'), { code: 'SQLITE_FULL' })) // true
 */
export function isDiskFull(error: unknown): boolean {
  let current: unknown = error;
  // Causes are followed a few levels deep; a cycle of causes cannot hold the loop.
  for (let depth = 0; depth < 8 && current !== null && typeof current === 'object'; depth += 1) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string' && DISK_FULL_CODES.has(code)) return true;
    current = (current as { cause?: unknown }).cause;
  }
  return false;
}
