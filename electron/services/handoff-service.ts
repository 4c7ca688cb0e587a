/**
 * The hand-off note (issue 14; DESIGN.md: I-PASS shaped for a cosmetic clinic — what she wants and
 * expects, realistic or not (seed 000 psychology 5), worries and how anxious, motivation and life
 * events (4), budget (8), first visit or return, companions, address form, and a flag to suggest
 * a professional psychological assessment (3, BDD)). Confidentiality is the first rule of trust:
 * only those who need it read it, by role AND by relation to the visit, and every read — granted
 * or refused — is in the audit log. It never leaves this service but through `handoff.get`.
 */
import type { Kysely, Transaction, Updateable } from 'kysely';
import type { HandoffFields, HandoffNote } from '../../shared/contract/escorts';
import { AppError } from '../../shared/contract/errors';
import { isOpenEscort } from '../../shared/domain/escorts';
import type { Role } from '../../shared/domain/roles';
import { appendAudit } from '../db/repositories/audit';
import { customerOfVisit, hasConsent } from '../db/repositories/privacy';
import { recordAccess } from './privacy-service';
import { escortsOfVisit, receivingRoomOf } from '../db/repositories/escorts';
import { findHandoffNote, insertHandoffNote, updateHandoffNote } from '../db/repositories/handoff-notes';
import { findVisit } from '../db/repositories/visits';
import type { Database, HandoffNotesTable } from '../db/schema';

type Db = Kysely<Database> | Transaction<Database>;

/** Fields to write; an absent (or undefined) one is left as it is. */
type FieldEdit = { [Key in keyof HandoffFields]?: HandoffFields[Key] | undefined };

export interface NoteReader {
  staffId: number;
  role: Role;
  device: string;
  /** The screen the read came from (the access log's). */
  screen?: string;
}

/**
 * Whether this staff member may read (and write) the visit's note now:
 * - a manager, always;
 * - reception while the customer is at the desk or waiting (it writes the note at check-in);
 * - the guide escorting her now;
 * - the consultant, nurse or doctor receiving her: at the room an escort under way goes to, or the
 *   room she is in (the room each receives at is chosen in the room view); a doctor also for his
 *   own patient while she is in the clinic.
 * Nobody else: not a guide who is not escorting her, not a nurse on another floor, never the display.
 */
export async function mayReadNote(db: Db, reader: NoteReader, visitId: number): Promise<boolean> {
  const visit = await findVisit(db, visitId);
  if (!visit) throw new AppError('not_found', 'error.notFound', { path: ['visitId'] });
  if (reader.role === 'manager') return true;
  const over = visit.status === 'done' || visit.status === 'left';
  if (over) return false;
  if (reader.role === 'reception') return visit.status === 'waiting' || visit.status === 'called';
  const escorts = await escortsOfVisit(db, visitId);
  const open = escorts.find((escort) => isOpenEscort(escort.status));
  if (reader.role === 'guide') return open !== undefined && open.guide_id === reader.staffId && open.status !== 'requested';
  if (reader.role === 'consultant' || reader.role === 'nurse' || reader.role === 'doctor') {
    if (reader.role === 'doctor' && visit.doctor_id === reader.staffId) return true;
    const room = await receivingRoomOf(db, reader.staffId);
    if (room === null) return false;
    if (open && open.to_room_id === room) return true;
    return visit.room_id === room && (visit.status === 'in_consultation' || visit.status === 'pre_op_exam');
  }
  return false;
}

function noteOf(row: NonNullable<Awaited<ReturnType<typeof findHandoffNote>>>): HandoffNote {
  return {
    visitId: row.visit_id,
    wants: row.wants,
    expectation: row.expectation_realistic,
    worries: row.worries,
    anxiety: row.anxiety,
    motivation: row.motivation,
    budget: row.budget,
    firstVisit: row.first_visit === 1,
    lastVisit: row.last_visit,
    companions: row.companions,
    addressForm: row.address_form,
    suggestAssessment: row.suggest_assessment === 1,
    assessmentReason: row.assessment_reason,
    receiverPlan: row.receiver_plan,
    version: row.version,
    updatedAt: row.updated_at,
    updatedBy: row.updated_by_name,
  };
}

function columnsOf(fields: FieldEdit): Updateable<HandoffNotesTable> {
  const set: Record<string, string | number> = {};
  if (fields.wants !== undefined) set.wants = fields.wants;
  if (fields.expectation !== undefined) set.expectation_realistic = fields.expectation;
  if (fields.worries !== undefined) set.worries = fields.worries;
  if (fields.anxiety !== undefined) set.anxiety = fields.anxiety;
  if (fields.motivation !== undefined) set.motivation = fields.motivation;
  if (fields.budget !== undefined) set.budget = fields.budget;
  if (fields.firstVisit !== undefined) set.first_visit = fields.firstVisit ? 1 : 0;
  if (fields.lastVisit !== undefined) set.last_visit = fields.lastVisit;
  if (fields.companions !== undefined) set.companions = fields.companions;
  if (fields.addressForm !== undefined) set.address_form = fields.addressForm;
  if (fields.suggestAssessment !== undefined) set.suggest_assessment = fields.suggestAssessment ? 1 : 0;
  if (fields.assessmentReason !== undefined) set.assessment_reason = fields.assessmentReason;
  if (fields.receiverPlan !== undefined) set.receiver_plan = fields.receiverPlan;
  return set;
}

/** Writes the note's fields (a new note when there is none): version 0 means "there was none". */
async function writeNote(db: Db, visitId: number, expectedVersion: number, fields: FieldEdit, staffId: number, now: Date): Promise<void> {
  const existing = await findHandoffNote(db, visitId);
  const stamp = { updated_at: now.toISOString(), updated_by: staffId };
  if (!existing) {
    if (expectedVersion !== 0) throw new AppError('conflict', 'handoff.changed', { details: { currentVersion: 0 } });
    await insertHandoffNote(db, { ...columnsOf(fields), visit_id: visitId, ...stamp });
    return;
  }
  if (!(await updateHandoffNote(db, visitId, expectedVersion, { ...columnsOf(fields), ...stamp }))) {
    throw new AppError('conflict', 'handoff.changed', { details: { currentVersion: existing.version } });
  }
}

/** The receiver's synthesis, written with her acknowledgement (she is the receiver by then). */
export async function saveReceiverPlan(db: Db, visitId: number, plan: string, staffId: number, now: Date): Promise<void> {
  const existing = await findHandoffNote(db, visitId);
  await writeNote(db, visitId, existing?.version ?? 0, { receiverPlan: plan }, staffId, now);
}

/** Whether the visit's customer has a medical-information consent in force (PIPL Art. 29). */
export async function visitHasMedicalConsent(db: Db, visitId: number): Promise<boolean> {
  const customerId = await customerOfVisit(db, visitId);
  return customerId !== null && (await hasConsent(db, customerId, 'medical'));
}

export interface HandoffService {
  /** The note if the reader may see it (audited either way); `forbidden` otherwise. */
  read(db: Db, reader: NoteReader, visitId: number, now: Date): Promise<HandoffNote | null>;
  save(db: Db, reader: NoteReader, input: FieldEdit & { visitId: number; expectedVersion: number }, now: Date): Promise<HandoffNote>;
}

export function createHandoffService(): HandoffService {
  return {
    async read(db, reader, visitId, now) {
      const allowed = await mayReadNote(db, reader, visitId);
      // Every read of a note is in the audit log, a refused one too (who tried to read whose note).
      await appendAudit(db, { at: now.toISOString(), staffId: reader.staffId, device: reader.device, method: allowed ? 'handoff.get' : 'handoff.get:refused', target: `visit:${visitId}`, diff: { read: allowed } });
      if (!allowed) throw new AppError('forbidden', 'handoff.notYours');
      // PIPL Art. 51: the customer's page shows managers who read her hand-off note (issue 20).
      const customerId = await customerOfVisit(db, visitId);
      if (customerId !== null) await recordAccess(db, customerId, 'handoffNote', 'handoff.get', { ...reader, screen: reader.screen ?? 'other' }, now);
      const row = await findHandoffNote(db, visitId);
      return row ? noteOf(row) : null;
    },

    async save(db, reader, input, now) {
      if (!(await mayReadNote(db, reader, input.visitId))) throw new AppError('forbidden', 'handoff.notYours');
      const { visitId, expectedVersion, ...fields } = input;
      await writeNote(db, visitId, expectedVersion, fields, reader.staffId, now);
      const row = await findHandoffNote(db, visitId);
      if (!row) throw new Error('a saved note vanished');
      return noteOf(row);
    },
  };
}
