/**
 * The columns of `Database` (schema.ts) as data, so a test can hold them against what the
 * migrations actually build (schema-columns.test.ts). The compiler ties this list to the
 * interface: `satisfies DatabaseColumns` refuses a missing or extra table or column, and each
 * column's declaration must be the one its Kysely type allows. Change the interface and this list
 * stops compiling until it follows; change a migration and the test fails until both follow.
 *
 * A declaration reads as `PRAGMA table_info` describes the column:
 *   'TEXT NOT NULL'             a string that every insert must give
 *   'INTEGER NOT NULL DEFAULT'  a `Generated<number>`: the database fills it when an insert leaves it out
 *   'INTEGER PRIMARY KEY'       the rowid id (`Generated<number>`)
 *   'TEXT' / 'INTEGER'          a nullable column (`string | null`, `number | null`)
 *
 * @example schemaColumns.staff.pin_hash // 'TEXT NOT NULL'
 */
import type { InsertType, SelectType } from 'kysely';
import type { Database } from './schema';

/** The SQLite type of a TypeScript column type (STRICT tables: TEXT, INTEGER or REAL). */
type SqlTypeOf<Value> = [Value] extends [string] ? 'TEXT' : [Value] extends [number] ? 'INTEGER' | 'REAL' : never;

/** The one declaration a column of Kysely type `Column` may have. */
export type ColumnDeclaration<Column> = null extends SelectType<Column>
  ? SqlTypeOf<NonNullable<SelectType<Column>>>
  : undefined extends InsertType<Column>
    ? `${SqlTypeOf<SelectType<Column>>} NOT NULL DEFAULT` | (SelectType<Column> extends number ? 'INTEGER PRIMARY KEY' : never)
    : `${SqlTypeOf<SelectType<Column>>} NOT NULL`;

/** Every table of `Database`, every column of each, with its declaration. */
export type DatabaseColumns = {
  readonly [Table in keyof Database]: { readonly [Column in keyof Database[Table]]-?: ColumnDeclaration<Database[Table][Column]> };
};

export const schemaColumns = {
  settings: {
    key: 'TEXT NOT NULL',
    value: 'TEXT NOT NULL',
    updated_at: 'TEXT NOT NULL',
    updated_by: 'INTEGER',
  },
  staff: {
    id: 'INTEGER PRIMARY KEY',
    name: 'TEXT NOT NULL',
    name_pinyin: 'TEXT NOT NULL DEFAULT',
    role: 'TEXT NOT NULL',
    specialty: 'TEXT',
    pin_hash: 'TEXT NOT NULL',
    failed_pins: 'INTEGER NOT NULL DEFAULT',
    locked_until: 'TEXT',
    active: 'INTEGER NOT NULL DEFAULT',
    created_at: 'TEXT NOT NULL',
  },
  sessions: {
    token_hash: 'TEXT NOT NULL',
    staff_id: 'INTEGER NOT NULL',
    device: 'TEXT NOT NULL',
    created_at: 'TEXT NOT NULL',
    expires_at: 'TEXT NOT NULL',
    revoked_at: 'TEXT',
  },
  audit_log: {
    id: 'INTEGER PRIMARY KEY',
    at: 'TEXT NOT NULL',
    staff_id: 'INTEGER',
    device: 'TEXT NOT NULL',
    method: 'TEXT NOT NULL',
    target: 'TEXT',
    diff: 'TEXT NOT NULL',
  },
  rooms: {
    id: 'INTEGER PRIMARY KEY',
    code: 'TEXT NOT NULL',
    name: 'TEXT NOT NULL',
    name_en: 'TEXT NOT NULL',
    floor: 'INTEGER NOT NULL',
    kind: 'TEXT NOT NULL',
    directions: 'TEXT NOT NULL DEFAULT',
    directions_en: 'TEXT NOT NULL DEFAULT',
  },
  items: {
    id: 'INTEGER PRIMARY KEY',
    code: 'TEXT NOT NULL',
    name: 'TEXT NOT NULL',
    name_en: 'TEXT NOT NULL',
    active: 'INTEGER NOT NULL DEFAULT',
    sort: 'INTEGER NOT NULL DEFAULT',
  },
  customers: {
    id: 'INTEGER PRIMARY KEY',
    name: 'TEXT NOT NULL',
    address_form: 'TEXT',
    phone: 'TEXT NOT NULL',
    gender: 'TEXT',
    birth_year: 'INTEGER',
    channel: 'TEXT',
    notes: 'TEXT NOT NULL DEFAULT',
    tags: 'TEXT NOT NULL DEFAULT',
    created_at: 'TEXT NOT NULL',
    updated_at: 'TEXT NOT NULL',
    name_pinyin: 'TEXT NOT NULL DEFAULT',
    name_initials: 'TEXT NOT NULL DEFAULT',
    given_name: 'TEXT NOT NULL DEFAULT',
    given_pinyin: 'TEXT NOT NULL DEFAULT',
    phone_reversed: 'TEXT NOT NULL DEFAULT',
    last_visit_at: 'TEXT',
    version: 'INTEGER NOT NULL DEFAULT',
  },
  appointments: {
    id: 'INTEGER PRIMARY KEY',
    customer_id: 'INTEGER NOT NULL',
    doctor_id: 'INTEGER',
    item_id: 'INTEGER',
    room_id: 'INTEGER',
    kind: 'TEXT NOT NULL',
    channel: 'TEXT NOT NULL',
    starts_at: 'TEXT NOT NULL',
    duration_minutes: 'INTEGER NOT NULL',
    status: 'TEXT NOT NULL',
    bring: 'TEXT NOT NULL DEFAULT',
    notes: 'TEXT NOT NULL DEFAULT',
    version: 'INTEGER NOT NULL DEFAULT',
    created_at: 'TEXT NOT NULL',
    updated_at: 'TEXT NOT NULL',
    needs_reschedule: 'INTEGER NOT NULL DEFAULT',
    confirmed_at: 'TEXT',
    confirmed_by: 'INTEGER',
    cancel_reason: 'TEXT',
    override_by: 'INTEGER',
    booked_by: 'INTEGER',
  },
  shift_templates: {
    id: 'INTEGER PRIMARY KEY',
    doctor_id: 'INTEGER NOT NULL',
    weekday: 'INTEGER NOT NULL',
    start_time: 'TEXT NOT NULL',
    end_time: 'TEXT NOT NULL',
    room_id: 'INTEGER',
    updated_at: 'TEXT NOT NULL',
    updated_by: 'INTEGER',
  },
  shift_overrides: {
    id: 'INTEGER PRIMARY KEY',
    doctor_id: 'INTEGER NOT NULL',
    date: 'TEXT NOT NULL',
    kind: 'TEXT NOT NULL',
    start_time: 'TEXT',
    end_time: 'TEXT',
    room_id: 'INTEGER',
    note: 'TEXT NOT NULL DEFAULT',
    updated_at: 'TEXT NOT NULL',
    updated_by: 'INTEGER',
  },
  roster_confirmations: {
    id: 'INTEGER PRIMARY KEY',
    date: 'TEXT NOT NULL',
    doctor_id: 'INTEGER NOT NULL',
    status: 'TEXT NOT NULL',
    late_until: 'TEXT',
    room_id: 'INTEGER',
    confirmed_by: 'INTEGER NOT NULL',
    confirmed_at: 'TEXT NOT NULL',
    note: 'TEXT NOT NULL DEFAULT',
  },
  confirmation_calls: {
    id: 'INTEGER PRIMARY KEY',
    appointment_id: 'INTEGER NOT NULL',
    outcome: 'TEXT NOT NULL',
    note: 'TEXT NOT NULL DEFAULT',
    called_at: 'TEXT NOT NULL',
    staff_id: 'INTEGER NOT NULL',
  },
  visits: {
    id: 'INTEGER PRIMARY KEY',
    clinic_date: 'TEXT NOT NULL',
    appointment_id: 'INTEGER',
    customer_id: 'INTEGER NOT NULL',
    kind: 'TEXT NOT NULL',
    ticket: 'TEXT NOT NULL',
    status: 'TEXT NOT NULL',
    priority: 'INTEGER NOT NULL DEFAULT',
    doctor_id: 'INTEGER',
    room_id: 'INTEGER',
    item_id: 'INTEGER',
    arrived_at: 'TEXT NOT NULL',
    checked_in_by: 'INTEGER NOT NULL',
    version: 'INTEGER NOT NULL DEFAULT',
  },
  ticket_counters: {
    clinic_date: 'TEXT NOT NULL',
    prefix: 'TEXT NOT NULL',
    last: 'INTEGER NOT NULL',
  },
  visit_events: {
    id: 'INTEGER PRIMARY KEY',
    visit_id: 'INTEGER NOT NULL',
    from_status: 'TEXT',
    to_status: 'TEXT NOT NULL',
    at: 'TEXT NOT NULL',
    staff_id: 'INTEGER NOT NULL',
    room_id: 'INTEGER',
    note: 'TEXT NOT NULL DEFAULT',
  },
  comfort_rules: {
    id: 'INTEGER PRIMARY KEY',
    code: 'TEXT NOT NULL',
    trigger: 'TEXT NOT NULL',
    applies_to: 'TEXT NOT NULL',
    due_minutes: 'INTEGER NOT NULL',
    label: 'TEXT NOT NULL',
    label_en: 'TEXT NOT NULL',
    active: 'INTEGER NOT NULL DEFAULT',
    sort: 'INTEGER NOT NULL DEFAULT',
  },
  comfort_tasks: {
    id: 'INTEGER PRIMARY KEY',
    visit_id: 'INTEGER NOT NULL',
    rule_id: 'INTEGER',
    label: 'TEXT NOT NULL',
    label_en: 'TEXT NOT NULL',
    due_at: 'TEXT NOT NULL',
    created_at: 'TEXT NOT NULL',
    created_by: 'INTEGER',
    done_at: 'TEXT',
    done_by: 'INTEGER',
    cancelled_at: 'TEXT',
    note: 'TEXT NOT NULL DEFAULT',
  },
  print_jobs: {
    id: 'INTEGER PRIMARY KEY',
    kind: 'TEXT NOT NULL',
    appointment_id: 'INTEGER',
    customer_id: 'INTEGER',
    paper: 'TEXT NOT NULL',
    language: 'TEXT NOT NULL',
    staff_id: 'INTEGER NOT NULL',
    device: 'TEXT NOT NULL',
    printer: 'TEXT NOT NULL DEFAULT',
    printed_at: 'TEXT NOT NULL',
  },
  notifications: {
    id: 'INTEGER PRIMARY KEY',
    kind: 'TEXT NOT NULL',
    subject_kind: 'TEXT NOT NULL',
    subject_id: 'TEXT NOT NULL',
    escalation: 'TEXT NOT NULL',
    title_key: 'TEXT NOT NULL',
    body_key: 'TEXT NOT NULL',
    params: 'TEXT NOT NULL DEFAULT',
    link: 'TEXT NOT NULL',
    created_at: 'TEXT NOT NULL',
  },
  notification_roles: {
    notification_id: 'INTEGER NOT NULL',
    role: 'TEXT NOT NULL',
  },
  notification_reads: {
    notification_id: 'INTEGER NOT NULL',
    staff_id: 'INTEGER NOT NULL',
    read_at: 'TEXT NOT NULL',
  },
  checklist_templates: {
    id: 'INTEGER PRIMARY KEY',
    name_zh: 'TEXT NOT NULL',
    name_en: 'TEXT NOT NULL',
    due_time: 'TEXT NOT NULL',
    role: 'TEXT NOT NULL',
    active: 'INTEGER NOT NULL DEFAULT',
    sort: 'INTEGER NOT NULL DEFAULT',
    updated_at: 'TEXT NOT NULL',
    updated_by: 'INTEGER',
  },
  checklist_template_items: {
    id: 'INTEGER PRIMARY KEY',
    template_id: 'INTEGER NOT NULL',
    text_zh: 'TEXT NOT NULL',
    text_en: 'TEXT NOT NULL',
    kind: 'TEXT NOT NULL',
    expected_count: 'INTEGER',
    room_id: 'INTEGER',
    active: 'INTEGER NOT NULL DEFAULT',
    sort: 'INTEGER NOT NULL DEFAULT',
  },
  checklist_runs: {
    id: 'INTEGER PRIMARY KEY',
    template_id: 'INTEGER NOT NULL',
    date: 'TEXT NOT NULL',
    started_by: 'INTEGER NOT NULL',
    started_at: 'TEXT NOT NULL',
    completed_by: 'INTEGER',
    completed_at: 'TEXT',
  },
  checklist_run_items: {
    id: 'INTEGER PRIMARY KEY',
    run_id: 'INTEGER NOT NULL',
    item_id: 'INTEGER NOT NULL',
    status: 'TEXT NOT NULL',
    note: 'TEXT NOT NULL DEFAULT',
    counted: 'INTEGER',
    ticked_by: 'INTEGER NOT NULL',
    ticked_at: 'TEXT NOT NULL',
  },
} as const satisfies DatabaseColumns;
