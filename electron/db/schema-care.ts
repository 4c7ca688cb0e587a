/**
 * The tables of what happens after the consultation (issues 16 and 17): outcomes, screenings, stays
 * on the ward and their tasks, aftercare templates, follow-up plans, concerns and surveys. Part of
 * the database's typed shape (schema.ts merges them into `Database`).
 */
import type { Generated } from 'kysely';
import type { WardTaskKind } from '../../shared/domain/ward-tasks';

/** A consultation's outcome (migration 015): one per visit. */
export interface ConsultationOutcomesTable {
  id: Generated<number>;
  visit_id: number;
  customer_id: number;
  outcome: 'decided' | 'thinking' | 'not_now' | 'referred';
  doctor_id: number | null;
  item_id: number | null;
  medicine_cost_yuan: Generated<number>;
  preop_appointment_id: number | null;
  surgery_appointment_id: number | null;
  referred_to: Generated<string>;
  note: Generated<string>;
  created_at: string;
  created_by: number;
}

/** "Thinking it over": the follow-up call due on a day (migration 015). */
export interface OutcomeFollowupCallsTable {
  id: Generated<number>;
  outcome_id: number;
  customer_id: number;
  due_date: string;
  created_at: string;
  done_at: string | null;
}

/** A signed informed consent on file for one surgery (医疗美容服务管理办法 Art. 19–20). */
export interface SurgeryConsentsTable {
  id: Generated<number>;
  appointment_id: number;
  customer_id: number;
  signed_on: string;
  recorded_by: number;
  recorded_at: string;
}

/** One psychological screen (BDDQ-AS): never printed, never public. */
export interface ScreeningsTable {
  id: Generated<number>;
  customer_id: number;
  instrument: 'bddq_as';
  /** JSON of the answers. */
  answers: string;
  positive: 0 | 1;
  taken_at: string;
  taken_by: number;
}

/** The decision a positive screen or the desk's flag asks for before surgery. */
export interface ScreeningDecisionsTable {
  id: Generated<number>;
  customer_id: number;
  screening_id: number | null;
  decision: 'proceed' | 'refer' | 'postpone';
  reason: string;
  appointment_id: number | null;
  decided_at: string;
  decided_by: number;
}

/** A stay on a ward bed (住院). */
export interface StaysTable {
  id: Generated<number>;
  customer_id: number;
  surgery_appointment_id: number | null;
  item_id: number | null;
  room_id: number;
  bed: number;
  admitted_at: string;
  admitted_by: number;
  surgery_at: string | null;
  medicine_cost_yuan: Generated<number>;
  infusion_since: string | null;
  aftercare_printed_at: string | null;
  discharged_at: string | null;
  discharged_by: number | null;
  version: Generated<number>;
}

/** One task of a stay: a round (start and end), a meal choice, a gown change … */
export interface WardTasksTable {
  id: Generated<number>;
  stay_id: number;
  kind: WardTaskKind;
  due_at: string;
  created_at: string;
  started_at: string | null;
  started_by: number | null;
  done_at: string | null;
  done_by: number | null;
  cancelled_at: string | null;
  note: Generated<string>;
}

/** The aftercare sheet's texts, per item (item_id NULL: the clinic's default). */
export interface AftercareTemplatesTable {
  id: Generated<number>;
  item_id: number | null;
  wound_care: string;
  wound_care_en: string;
  food_to_avoid: string;
  food_to_avoid_en: string;
  come_back: string;
  come_back_en: string;
  version: Generated<number>;
  updated_at: string;
  updated_by: number | null;
}

/** Follow-up plans after surgery (migration 016). */
export interface FollowupPlansTable {
  id: Generated<number>;
  customer_id: number;
  item_id: number | null;
  surgery_at: string;
  discharged_at: string | null;
  visit_id: number | null;
  created_at: string;
  created_by: number | null;
}

export interface FollowupStepsTable {
  id: Generated<number>;
  plan_id: number;
  kind: 'call' | 'visit';
  label: string;
  due_date: string;
  status: Generated<'open' | 'done' | 'cancelled'>;
  attempts: Generated<number>;
  next_try_at: string | null;
  outcome: string | null;
  feeling: Generated<string>;
  questions: Generated<string>;
  appointment_id: number | null;
  done_at: string | null;
  done_by: number | null;
  version: Generated<number>;
}

export interface FollowupConcernsTable {
  id: Generated<number>;
  step_id: number;
  doctor_id: number | null;
  text: string;
  raised_at: string;
  raised_by: number;
  answer: string | null;
  answered_at: string | null;
  answered_by: number | null;
}

export interface FollowupVisitChecksTable {
  id: Generated<number>;
  visit_id: number;
  consultant_started_at: string;
  consultant_id: number;
  surgeon_seen_at: string | null;
  surgeon_id: number | null;
}

export interface SurveysTable {
  id: Generated<number>;
  customer_id: number | null;
  visit_id: number | null;
  step_id: number | null;
  source: 'staff' | 'kiosk';
  scores: string;
  recommend: number | null;
  comments: Generated<string>;
  staff_named: Generated<string>;
  complaint: Generated<number>;
  low: Generated<number>;
  created_at: string;
  created_by: number | null;
  handled_note: string | null;
  handled_at: string | null;
  handled_by: number | null;
}
