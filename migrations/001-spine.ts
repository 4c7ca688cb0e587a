/**
 * The spine: settings, staff and their sessions, the audit log, rooms, items of interest,
 * customers and appointments. Forward-only; STRICT tables; every query path has its index.
 */
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await sql`CREATE TABLE settings (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    updated_by INTEGER REFERENCES staff(id)
  ) STRICT`.execute(db);

  await sql`CREATE TABLE staff (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    name_pinyin TEXT NOT NULL DEFAULT '',
    role TEXT NOT NULL CHECK (role IN ('reception','guide','consultant','nurse','doctor','manager','display')),
    specialty TEXT,
    pin_hash TEXT NOT NULL,
    failed_pins INTEGER NOT NULL DEFAULT 0,
    locked_until TEXT,
    active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0,1)),
    created_at TEXT NOT NULL
  ) STRICT`.execute(db);

  await sql`CREATE TABLE sessions (
    token_hash TEXT PRIMARY KEY,
    staff_id INTEGER NOT NULL REFERENCES staff(id),
    device TEXT NOT NULL,
    created_at TEXT NOT NULL,
    expires_at TEXT NOT NULL,
    revoked_at TEXT
  ) STRICT`.execute(db);
  await sql`CREATE INDEX sessions_by_staff ON sessions(staff_id)`.execute(db);

  await sql`CREATE TABLE audit_log (
    id INTEGER PRIMARY KEY,
    at TEXT NOT NULL,
    staff_id INTEGER REFERENCES staff(id),
    device TEXT NOT NULL,
    method TEXT NOT NULL,
    target TEXT,
    diff TEXT NOT NULL
  ) STRICT`.execute(db);
  await sql`CREATE INDEX audit_by_target ON audit_log(target, at)`.execute(db);
  await sql`CREATE INDEX audit_by_time ON audit_log(at)`.execute(db);

  await sql`CREATE TABLE rooms (
    id INTEGER PRIMARY KEY,
    code TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    name_en TEXT NOT NULL,
    floor INTEGER NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('lobby','consultation','prep','exam','operating','ward','other')),
    directions TEXT NOT NULL DEFAULT '',
    directions_en TEXT NOT NULL DEFAULT ''
  ) STRICT`.execute(db);

  await sql`CREATE TABLE items (
    id INTEGER PRIMARY KEY,
    code TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    name_en TEXT NOT NULL,
    active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0,1)),
    sort INTEGER NOT NULL DEFAULT 0
  ) STRICT`.execute(db);

  await sql`CREATE TABLE customers (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    address_form TEXT,
    phone TEXT NOT NULL UNIQUE,
    gender TEXT CHECK (gender IN ('female','male','other')),
    birth_year INTEGER,
    channel TEXT,
    notes TEXT NOT NULL DEFAULT '',
    tags TEXT NOT NULL DEFAULT '[]',
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
  ) STRICT`.execute(db);

  await sql`CREATE TABLE appointments (
    id INTEGER PRIMARY KEY,
    customer_id INTEGER NOT NULL REFERENCES customers(id),
    doctor_id INTEGER REFERENCES staff(id),
    item_id INTEGER REFERENCES items(id),
    room_id INTEGER REFERENCES rooms(id),
    kind TEXT NOT NULL CHECK (kind IN ('consultation','followup','preop','surgery','postop')),
    channel TEXT NOT NULL CHECK (channel IN ('phone','web','app','walk_in','referral')),
    starts_at TEXT NOT NULL,
    duration_minutes INTEGER NOT NULL CHECK (duration_minutes > 0),
    status TEXT NOT NULL CHECK (status IN ('booked','confirmed','checked_in','completed','cancelled','no_show')),
    bring TEXT NOT NULL DEFAULT '',
    notes TEXT NOT NULL DEFAULT '',
    version INTEGER NOT NULL DEFAULT 1,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
  ) STRICT`.execute(db);
  await sql`CREATE INDEX appointments_by_start ON appointments(starts_at)`.execute(db);
  await sql`CREATE INDEX appointments_by_customer ON appointments(customer_id, starts_at)`.execute(db);
  await sql`CREATE INDEX appointments_by_doctor ON appointments(doctor_id, starts_at)`.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('migrations are forward-only');
}
