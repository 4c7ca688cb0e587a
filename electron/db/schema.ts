/**
 * The typed shape of the database, table by table, as Kysely sees it. Columns mirror the
 * migrations; timestamps are ISO 8601 UTC strings. schema-columns.ts lists the same columns as
 * data (the compiler keeps the two equal) and its test holds them against the migrations. The
 * tables after the consultation are in schema-care.ts, the desk's own running in schema-desk.ts.
 */
import type { Generated, Insertable, Selectable } from 'kysely';
import type { AppointmentKind, AppointmentStatus, Channel } from '../../shared/domain/appointments';
import type { AccessKind, ConsentMethod, ConsentPurpose } from '../../shared/domain/privacy';
import type { Role } from '../../shared/domain/roles';
import type { AftercareTemplatesTable, ConsultationOutcomesTable, FollowupConcernsTable, FollowupPlansTable, FollowupStepsTable, FollowupVisitChecksTable, OutcomeFollowupCallsTable, ScreeningDecisionsTable, ScreeningsTable, StaysTable, SurgeryConsentsTable, SurveysTable, WardTasksTable } from './schema-care';
import type { ChecklistRunItemsTable, ChecklistRunsTable, ChecklistTemplateItemsTable, ChecklistTemplatesTable, DevicesTable, IdempotencyKeysTable, NotificationReadsTable, NotificationRolesTable, NotificationsTable, PairingCodesTable, PairingGuardTable, PrintJobsTable, RosterConfirmationsTable, ShiftOverridesTable, ShiftTemplatesTable } from './schema-desk';

export type * from './schema-care';
export type * from './schema-desk';

export interface SettingsTable {
  key: string;
  value: string;
  updated_at: string;
  updated_by: number | null;
}

export interface StaffTable {
  id: Generated<number>;
  name: string;
  name_pinyin: Generated<string>;
  role: Role;
  specialty: string | null;
  /** The specialty in English (migration 025), NULL when none was given. */
  specialty_en: Generated<string | null>;
  pin_hash: string;
  failed_pins: Generated<number>;
  locked_until: string | null;
  active: Generated<0 | 1>;
  created_at: string;
  /** Bumped by every manager's edit (migration 014): of two managers editing one person, one wins. */
  version: Generated<number>;
  /** 1 after a first PIN or a reset: the person must choose their own PIN at the next sign-in. */
  must_change_pin: Generated<0 | 1>;
  deactivated_at: Generated<string | null>;
  updated_at: Generated<string | null>;
  updated_by: Generated<number | null>;
}

/** The rooms a member of staff works in (issue 13, staff administration; migration 014). */
export interface StaffAssignedRoomsTable {
  staff_id: number;
  room_id: number;
}

export interface SessionsTable {
  token_hash: string;
  staff_id: number;
  device: string;
  created_at: string;
  expires_at: string;
  revoked_at: string | null;
  /** When the session was last used (issue 15): a lobby TV's session ends when unseen for long. */
  last_seen_at: string | null;
}

export interface AuditLogTable {
  id: Generated<number>;
  at: string;
  staff_id: number | null;
  device: string;
  method: string;
  target: string | null;
  diff: string;
  /** 1 once the row is in the log's indexes (migration 027): a new row is filed in a batch. */
  filed: Generated<number>;
}

/** The last audit row id known filed (migration 027): one row. */
export interface AuditFilingTable {
  id: Generated<number>;
  up_to: number;
}

export type RoomKind = 'lobby' | 'consultation' | 'prep' | 'exam' | 'operating' | 'ward' | 'other';

export interface RoomsTable {
  id: Generated<number>;
  code: string;
  name: string;
  name_en: string;
  floor: number;
  kind: RoomKind;
  directions: Generated<string>;
  directions_en: Generated<string>;
  /** Where the room sits on its floor's plan, 0–100 left→right and entrance→back (migration 012). */
  pos_x: Generated<number>;
  pos_y: Generated<number>;
  /** How one reaches it from the lobby: lift, stairs, both, or on the same level (migration 012). */
  access: Generated<RoomAccess>;
  landmarks: Generated<string>;
  landmarks_en: Generated<string>;
  version: Generated<number>;
}

export type RoomAccess = 'lift' | 'stairs' | 'both' | 'level';

/** One trip of a visit between rooms (migration 012). */
export interface EscortsTable {
  id: Generated<number>;
  visit_id: number;
  from_room_id: number | null;
  to_room_id: number;
  arrival_status: 'in_consultation' | 'pre_op_exam' | 'waiting' | null;
  status: EscortStatusColumn;
  guide_id: number | null;
  requested_by: number;
  requested_at: string;
  step_at: string;
  reason: Generated<string>;
  version: Generated<number>;
}

export type EscortStatusColumn = 'requested' | 'taken' | 'picked_up' | 'directions' | 'delivered' | 'acknowledged' | 'not_found' | 'sent_back' | 'cancelled';

export interface EscortEventsTable {
  id: Generated<number>;
  escort_id: number;
  kind: string;
  at: string;
  staff_id: number;
  note: Generated<string>;
}

export interface HandoffNotesTable {
  visit_id: number;
  wants: Generated<string>;
  expectation_realistic: Generated<'unknown' | 'realistic' | 'unrealistic'>;
  worries: Generated<string>;
  anxiety: Generated<number>;
  motivation: Generated<string>;
  budget: Generated<string>;
  first_visit: Generated<number>;
  last_visit: Generated<string>;
  companions: Generated<string>;
  address_form: Generated<string>;
  suggest_assessment: Generated<number>;
  assessment_reason: Generated<string>;
  receiver_plan: Generated<string>;
  version: Generated<number>;
  updated_at: string;
  updated_by: number;
}

export interface StaffRoomsTable {
  staff_id: number;
  room_id: number;
  since: string;
}

export interface ItemsTable {
  id: Generated<number>;
  code: string;
  name: string;
  name_en: string;
  active: Generated<0 | 1>;
  sort: Generated<number>;
  version: Generated<number>;
}

export interface CustomersTable {
  id: Generated<number>;
  name: string;
  address_form: string | null;
  phone: string;
  gender: 'female' | 'male' | 'other' | null;
  birth_year: number | null;
  channel: Channel | null;
  notes: Generated<string>;
  tags: Generated<string>;
  created_at: string;
  updated_at: string;
  /** Search columns (migration 002), written by the customers repository. */
  name_pinyin: Generated<string>;
  name_initials: Generated<string>;
  given_name: Generated<string>;
  given_pinyin: Generated<string>;
  phone_reversed: Generated<string>;
  last_visit_at: Generated<string | null>;
  version: Generated<number>;
  /** Erasure (migration 021): when; and a record the law keeps until `held_until` (exclusive). */
  erased_at: string | null;
  held_until: string | null;
  hold_reason: string | null;
}

export interface ConsentTextsTable {
  id: Generated<number>;
  purpose: ConsentPurpose;
  version: number;
  text_zh: string;
  text_en: string;
  created_at: string;
  created_by: number | null;
}

export interface ConsentsTable {
  id: Generated<number>;
  customer_id: number;
  purpose: ConsentPurpose;
  text_id: number;
  method: ConsentMethod;
  note: Generated<string>;
  given_at: string;
  taken_by: number;
  withdrawn_at: string | null;
  withdrawn_by: number | null;
  /** The signature drawn on a tablet, a PNG data URL (migration 026); NULL when signed on paper. */
  signature: Generated<string | null>;
}

export interface AccessLogTable {
  id: Generated<number>;
  at: string;
  staff_id: number;
  device: string;
  customer_id: number;
  kind: AccessKind;
  screen: Generated<string>;
  method: string;
}

export interface AppointmentsTable {
  id: Generated<number>;
  customer_id: number;
  doctor_id: number | null;
  item_id: number | null;
  room_id: number | null;
  kind: AppointmentKind;
  channel: Channel;
  starts_at: string;
  duration_minutes: number;
  status: AppointmentStatus;
  bring: Generated<string>;
  notes: Generated<string>;
  version: Generated<number>;
  /** 1 when the morning roster put it on the call list to reschedule (migration 003). */
  needs_reschedule: Generated<0 | 1>;
  created_at: string;
  updated_at: string;
  confirmed_at: Generated<string | null>;
  confirmed_by: Generated<number | null>;
  cancel_reason: Generated<string | null>;
  override_by: Generated<number | null>;
  booked_by: Generated<number | null>;
}

export interface ConfirmationCallsTable {
  id: Generated<number>;
  appointment_id: number;
  outcome: 'confirmed' | 'no_answer' | 'rescheduled' | 'cancelled';
  note: Generated<string>;
  called_at: string;
  staff_id: number;
}

export interface VisitsTable {
  id: Generated<number>;
  clinic_date: string;
  appointment_id: number | null;
  customer_id: number;
  kind: 'appointment' | 'walk_in' | 'followup';
  ticket: string;
  status: 'waiting' | 'called' | 'escorting' | 'in_consultation' | 'pre_op_exam' | 'done' | 'left';
  priority: Generated<number>;
  doctor_id: number | null;
  room_id: number | null;
  item_id: number | null;
  arrived_at: string;
  checked_in_by: number;
  version: Generated<number>;
}

export interface TicketCountersTable {
  clinic_date: string;
  prefix: 'A' | 'W' | 'F';
  last: number;
}

export interface VisitEventsTable {
  id: Generated<number>;
  visit_id: number;
  from_status: string | null;
  to_status: string;
  at: string;
  staff_id: number;
  room_id: number | null;
  note: Generated<string>;
}

export interface ComfortRulesTable {
  id: Generated<number>;
  code: string;
  trigger: 'check_in' | 'round';
  applies_to: 'all' | 'anxious' | 'preop' | 'infusion';
  due_minutes: number;
  label: string;
  label_en: string;
  active: Generated<0 | 1>;
  sort: Generated<number>;
  /** A round rule: minutes between one round and the next (migration 010); null for a check-in rule. */
  repeat_minutes: number | null;
  /** Bumped by every edit: of two managers editing one rule, one wins (migration 010). */
  version: Generated<number>;
  updated_at: string | null;
  updated_by: number | null;
}

export interface ComfortTasksTable {
  id: Generated<number>;
  visit_id: number;
  rule_id: number | null;
  label: string;
  label_en: string;
  due_at: string;
  created_at: string;
  created_by: number | null;
  done_at: string | null;
  done_by: number | null;
  cancelled_at: string | null;
  note: Generated<string>;
}

/** The day's report kept at closing (migration 017, issue 18). */
/** A clinic day whose report facts are kept (migration 022; forgotten by triggers on any write to it). */
export interface ReportDaysKeptTable {
  clinic_date: string;
  kept_at: string;
}

/** One visit of a kept day: "came before", its hour of arrival and its two waits, worked out (migration 022). */
export interface ReportVisitFactsTable {
  /** The visit's id (an INTEGER PRIMARY KEY: SQLite's rowid, hence `Generated`; always given). */
  visit_id: Generated<number>;
  clinic_date: string;
  ticket: string;
  kind: string;
  arrived_at: string;
  doctor_id: number | null;
  earlier: number;
  hour: number;
  to_called_s: number;
  to_consult_s: number | null;
  /** Every stretch of waiting as `start>end` in epoch ms, joined by commas (an open one ends at the day's end). */
  stretches_ms: string;
}

/** A kept day's comfort tasks counted by rule, staff member and outcome (migration 022). */
export interface ReportComfortFactsTable {
  clinic_date: string;
  rule_id: number | null;
  staff_id: number | null;
  outcome: 'onTime' | 'late' | 'missed' | 'open';
  n: number;
}

/** Per escort of a kept day, its guide and its three times in seconds (migration 028). */
export interface ReportEscortFactsTable {
  /** The escort's id (an INTEGER PRIMARY KEY: SQLite's rowid, hence `Generated`; always given). */
  escort_id: Generated<number>;
  clinic_date: string;
  guide_id: number | null;
  taken_s: number | null;
  picked_up_s: number | null;
  at_door_s: number | null;
}

export interface KeptReportsTable {
  clinic_date: string;
  generated_at: string;
  language: string;
  /** JSON: the three headline figures. */
  headline: string;
  /** JSON: the whole report as `report.get` returns it. */
  report: string;
}

export interface Database {
  settings: SettingsTable;
  staff: StaffTable;
  staff_assigned_rooms: StaffAssignedRoomsTable;
  sessions: SessionsTable;
  audit_log: AuditLogTable;
  audit_filing: AuditFilingTable;
  rooms: RoomsTable;
  items: ItemsTable;
  customers: CustomersTable;
  appointments: AppointmentsTable;
  shift_templates: ShiftTemplatesTable;
  shift_overrides: ShiftOverridesTable;
  roster_confirmations: RosterConfirmationsTable;
  confirmation_calls: ConfirmationCallsTable;
  visits: VisitsTable;
  ticket_counters: TicketCountersTable;
  visit_events: VisitEventsTable;
  comfort_rules: ComfortRulesTable;
  comfort_tasks: ComfortTasksTable;
  kept_reports: KeptReportsTable;
  report_days_kept: ReportDaysKeptTable;
  report_visit_facts: ReportVisitFactsTable;
  report_comfort_facts: ReportComfortFactsTable;
  report_escort_facts: ReportEscortFactsTable;
  print_jobs: PrintJobsTable;
  notifications: NotificationsTable;
  notification_roles: NotificationRolesTable;
  notification_reads: NotificationReadsTable;
  checklist_templates: ChecklistTemplatesTable;
  checklist_template_items: ChecklistTemplateItemsTable;
  checklist_runs: ChecklistRunsTable;
  checklist_run_items: ChecklistRunItemsTable;
  consent_texts: ConsentTextsTable;
  consents: ConsentsTable;
  access_log: AccessLogTable;
  escorts: EscortsTable;
  escort_events: EscortEventsTable;
  handoff_notes: HandoffNotesTable;
  staff_rooms: StaffRoomsTable;
  consultation_outcomes: ConsultationOutcomesTable;
  outcome_followup_calls: OutcomeFollowupCallsTable;
  surgery_consents: SurgeryConsentsTable;
  screenings: ScreeningsTable;
  screening_decisions: ScreeningDecisionsTable;
  stays: StaysTable;
  ward_tasks: WardTasksTable;
  aftercare_templates: AftercareTemplatesTable;
  devices: DevicesTable;
  pairing_codes: PairingCodesTable;
  pairing_guard: PairingGuardTable;
  idempotency_keys: IdempotencyKeysTable;
  followup_plans: FollowupPlansTable;
  followup_steps: FollowupStepsTable;
  followup_concerns: FollowupConcernsTable;
  followup_visit_checks: FollowupVisitChecksTable;
  surveys: SurveysTable;
}

export type StaffRow = Selectable<StaffTable>;
export type NewStaff = Insertable<StaffTable>;
export type NewAppointment = Insertable<AppointmentsTable>;
export type NewCustomer = Insertable<CustomersTable>;
export type NewRoom = Insertable<RoomsTable>;
export type NewItem = Insertable<ItemsTable>;
