/**
 * The psychological screen (BDDQ-AS, shared/domain/screening.ts): recorded and scored on the
 * server, and the gate a surgery booking passes — a screen within the clinic's months, and a
 * recorded decision when it was positive or the desk suggested an assessment. Never a refusal by
 * itself. Only consultant, doctor and manager reach these methods (shared/contract/outcomes.ts).
 */
import type { Kysely, Transaction } from 'kysely';
import { AppError } from '../../../shared/contract/errors';
import { isBddqAsPositive, screeningGate, type BddqAsAnswers, type ScreeningGate } from '../../../shared/domain/screening';
import { findCustomer } from '../../db/repositories/customers';
import { insertScreening, latestScreening } from '../../db/repositories/outcomes';
import { readSettings } from '../../db/repositories/settings';
import type { Database } from '../../db/schema';
import { noAssessmentFlag, type AssessmentSuggested } from './assessment-flag';

type Db = Kysely<Database> | Transaction<Database>;

export interface ScreeningSummary {
  id: number;
  instrument: 'bddq_as';
  positive: boolean;
  takenAt: string;
  takenBy: string;
}

export interface ScreeningState {
  screening: ScreeningSummary | null;
  screeningId: number | null;
  assessmentSuggested: boolean;
  gate: ScreeningGate;
}

export interface ScreeningService {
  record(db: Db, input: { customerId: number; answers: BddqAsAnswers }, staffId: number, now: Date): Promise<{ id: number; positive: boolean }>;
  /** The latest screen and what a surgery booking at `now` needs. */
  state(db: Db, customerId: number, now: Date): Promise<ScreeningState>;
}

export function createScreeningService(deps: { assessmentSuggested?: AssessmentSuggested } = {}): ScreeningService {
  const flagged = deps.assessmentSuggested ?? noAssessmentFlag;
  return {
    async record(db, input, staffId, now) {
      if (!(await findCustomer(db, input.customerId))) throw new AppError('not_found', 'error.notFound', { path: ['customerId'] });
      const positive = isBddqAsPositive(input.answers);
      const id = await insertScreening(db, { customerId: input.customerId, answers: input.answers, positive, staffId, at: now.toISOString() });
      return { id, positive };
    },

    async state(db, customerId, now) {
      if (!(await findCustomer(db, customerId))) throw new AppError('not_found', 'error.notFound', { path: ['customerId'] });
      const { screeningValidMonths } = await readSettings(db);
      const row = await latestScreening(db, customerId);
      const screening: ScreeningSummary | null = row
        ? { id: row.id, instrument: 'bddq_as', positive: row.positive === 1, takenAt: row.taken_at, takenBy: row.taken_by_name }
        : null;
      const assessmentSuggested = await flagged(db, customerId);
      return {
        screening,
        screeningId: row?.id ?? null,
        assessmentSuggested,
        gate: screeningGate(screening && { takenAt: screening.takenAt, positive: screening.positive }, assessmentSuggested, now, screeningValidMonths),
      };
    },
  };
}
