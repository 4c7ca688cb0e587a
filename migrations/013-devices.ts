/**
 * Paired devices (issue 15): tablets and the lobby TV that reach the console over the clinic LAN,
 * the one-time codes that pair them, the pairing lock after wrong codes, the idempotency keys of
 * retried writes, and when each session was last used (a TV's session ends when it is unseen).
 * Codes and tokens are stored only as hashes (OWASP ASVS 5.0): the file never holds them plainly.
 */
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await sql`CREATE TABLE devices (
    id INTEGER PRIMARY KEY,
    kind TEXT NOT NULL CHECK (kind IN ('guideTablet', 'roomTablet', 'lobbyTv', 'deskBrowser')),
    name TEXT NOT NULL,
    token_hash TEXT NOT NULL UNIQUE,
    -- null: paired with the code serve --lan printed at start (whoever started the console)
    paired_by INTEGER REFERENCES staff(id),
    paired_at TEXT NOT NULL,
    last_seen_at TEXT,
    last_address TEXT,
    revoked_at TEXT,
    revoked_by INTEGER REFERENCES staff(id),
    version INTEGER NOT NULL DEFAULT 1
  ) STRICT`.execute(db);

  // A code is kept as SHA-256(salt ‖ code): six digits alone would be found by trying them all.
  await sql`CREATE TABLE pairing_codes (
    id INTEGER PRIMARY KEY,
    code_salt TEXT NOT NULL,
    code_hash TEXT NOT NULL,
    kind TEXT NOT NULL,
    name TEXT NOT NULL,
    created_by INTEGER REFERENCES staff(id),
    created_at TEXT NOT NULL,
    expires_at TEXT NOT NULL,
    used_at TEXT,
    device_id INTEGER REFERENCES devices(id)
  ) STRICT`.execute(db);
  await sql`CREATE INDEX pairing_codes_live ON pairing_codes(expires_at) WHERE used_at IS NULL`.execute(db);

  // One row: wrong codes in a row, the lock they caused and how many locks in a row (each longer).
  await sql`CREATE TABLE pairing_guard (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    failures INTEGER NOT NULL DEFAULT 0,
    locked_until TEXT,
    lockouts INTEGER NOT NULL DEFAULT 0
  ) STRICT`.execute(db);
  await sql`INSERT INTO pairing_guard (id) VALUES (1)`.execute(db);

  // A write retried with the same key answers what the first one answered, and changes nothing.
  await sql`CREATE TABLE idempotency_keys (
    scope TEXT NOT NULL,
    key TEXT NOT NULL,
    method TEXT NOT NULL,
    response TEXT NOT NULL,
    created_at TEXT NOT NULL,
    PRIMARY KEY (scope, key)
  ) STRICT`.execute(db);
  await sql`CREATE INDEX idempotency_keys_by_age ON idempotency_keys(created_at)`.execute(db);

  await sql`ALTER TABLE sessions ADD COLUMN last_seen_at TEXT`.execute(db);
  await sql`CREATE INDEX sessions_by_device ON sessions(device) WHERE revoked_at IS NULL`.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('migrations are forward-only');
}
