/**
 * The tables of the desk's own running (issues of the first half and 15): the doctors' roster, print
 * jobs, daily checklists, notifications, paired devices and idempotency keys. Part of the database's
 * typed shape (schema.ts merges them into `Database`).
 */
import type { Generated } from 'kysely';
import type { Role } from '../../shared/domain/roles';

/** A paired tablet or lobby TV (issue 15); its token is kept only as SHA-256. */
export interface DevicesTable {
  id: Generated<number>;
  kind: 'guideTablet' | 'roomTablet' | 'lobbyTv' | 'deskBrowser';
  name: string;
  token_hash: string;
  paired_by: number | null;
  paired_at: string;
  last_seen_at: string | null;
  last_address: string | null;
  revoked_at: string | null;
  revoked_by: number | null;
  version: Generated<number>;
}

/** A one-time pairing code, kept as SHA-256(salt ‖ code). */
export interface PairingCodesTable {
  id: Generated<number>;
  code_salt: string;
  code_hash: string;
  kind: string;
  name: string;
  created_by: number | null;
  created_at: string;
  expires_at: string;
  used_at: string | null;
  device_id: number | null;
}

/** The one row counting wrong pairing codes and the lock they cause. */
export interface PairingGuardTable {
  id: Generated<number>;
  failures: Generated<number>;
  locked_until: string | null;
  lockouts: Generated<number>;
}

/** The answer of a write made with an idempotency key, per caller scope. */
export interface IdempotencyKeysTable {
  scope: string;
  key: string;
  method: string;
  response: string;
  created_at: string;
}

/** A doctor's weekly shift: ISO weekday 1 = Monday … 7 = Sunday, clinic wall-clock times. */
export interface ShiftTemplatesTable {
  id: Generated<number>;
  doctor_id: number;
  weekday: number;
  start_time: string;
  end_time: string;
  room_id: number | null;
  updated_at: string;
  updated_by: number | null;
}

export type ShiftOverrideKind = 'off' | 'hours' | 'room';

/** One clinic day's change to a doctor's template: a day off, other hours, or another room. */
export interface ShiftOverridesTable {
  id: Generated<number>;
  doctor_id: number;
  date: string;
  kind: ShiftOverrideKind;
  start_time: string | null;
  end_time: string | null;
  room_id: number | null;
  note: Generated<string>;
  updated_at: string;
  updated_by: number | null;
}

export type RosterStatus = 'present' | 'late' | 'absent';

/** Reception's morning confirmation of one doctor on one clinic day. */
export interface RosterConfirmationsTable {
  id: Generated<number>;
  date: string;
  doctor_id: number;
  status: RosterStatus;
  late_until: string | null;
  room_id: number | null;
  confirmed_by: number;
  confirmed_at: string;
  note: Generated<string>;
}

/** One print of a slip (migration 005): what, for whom, by whom, where. */
export interface PrintJobsTable {
  id: Generated<number>;
  kind: 'slip';
  appointment_id: number | null;
  customer_id: number | null;
  paper: '80mm' | 'a5';
  language: 'zh-CN' | 'en';
  staff_id: number;
  device: string;
  printer: Generated<string>;
  printed_at: string;
}

/** A daily checklist (migration 007): what must be done by `due_time` (clinic wall clock) and for which role. */
export interface ChecklistTemplatesTable {
  id: Generated<number>;
  name_zh: string;
  name_en: string;
  due_time: string;
  role: Exclude<Role, 'display'>;
  active: Generated<0 | 1>;
  sort: Generated<number>;
  updated_at: string;
  updated_by: number | null;
  version: Generated<number>;
}

/** One line of a checklist: a plain tick, or a count with the number expected (per room when `room_id` is set). */
export interface ChecklistTemplateItemsTable {
  id: Generated<number>;
  template_id: number;
  text_zh: string;
  text_en: string;
  kind: 'tick' | 'count';
  expected_count: number | null;
  room_id: number | null;
  active: Generated<0 | 1>;
  sort: Generated<number>;
}

/** One clinic day's pass through a checklist (one per template per day). */
export interface ChecklistRunsTable {
  id: Generated<number>;
  template_id: number;
  date: string;
  started_by: number;
  started_at: string;
  completed_by: number | null;
  completed_at: string | null;
}

/** Who ticked an item of a run, when, and what was missing. */
export interface ChecklistRunItemsTable {
  id: Generated<number>;
  run_id: number;
  item_id: number;
  status: 'ok' | 'missing';
  note: Generated<string>;
  counted: number | null;
  ticked_by: number;
  ticked_at: string;
}

/** One thing the scheduler raised (migration 008): unique per kind, subject and escalation. */
export interface NotificationsTable {
  id: Generated<number>;
  kind: string;
  subject_kind: string;
  subject_id: string;
  escalation: string;
  title_key: string;
  body_key: string;
  /** JSON object of the message parameters. */
  params: Generated<string>;
  /** The hash route the notification opens, e.g. `#/roster`. */
  link: string;
  created_at: string;
}

/** Which roles a notification is for (one row each). */
export interface NotificationRolesTable {
  notification_id: number;
  role: Exclude<Role, 'display'>;
}

/** Who has read a notification, and when. */
export interface NotificationReadsTable {
  notification_id: number;
  staff_id: number;
  read_at: string;
}
