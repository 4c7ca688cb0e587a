/**
 * Satisfaction surveys (seed 000 step 10): a 1–5 score per aspect, 0–10 would-recommend, comments
 * and staff named, filled in by staff or by the customer on the kiosk page. A low score or a
 * complaint waits on the manager's list until the manager records what was done.
 */
import type { Kysely, Transaction } from 'kysely';
import { AppError } from '../../shared/contract/errors';
import { isLowSurvey, type SurveyAspect } from '../../shared/domain/follow-ups';
import { maskName } from '../../shared/domain/masking';
import { callConsentWithdrawn } from '../db/repositories/follow-ups';
import { readSettings } from '../db/repositories/settings';
import { handleSurvey, insertSurvey, lowSurveyExists, lowSurveys } from '../db/repositories/surveys';
import type { Database } from '../db/schema';

type Db = Kysely<Database> | Transaction<Database>;

export interface SurveyInput {
  source: 'staff' | 'kiosk';
  customerId?: number | undefined;
  visitId?: number | undefined;
  stepId?: number | undefined;
  scores: { [Aspect in SurveyAspect]?: number | undefined };
  recommend?: number | undefined;
  comments?: string | undefined;
  staffNamed?: string | undefined;
  complaint?: boolean | undefined;
}

export function createSurveyService() {
  return {
    /** Stores one answer; `low` says whether it went to the manager. */
    async submit(db: Db, input: SurveyInput, staffId: number | null, now: Date) {
      // Issue 20 (PIPL Art. 14–15): her answers are not kept under her name once she withdrew her
      // consent to surveys; the anonymous kiosk form is still hers to use.
      const customerId = input.customerId ?? null;
      if (customerId !== null && (await callConsentWithdrawn(db, [customerId], 'survey')).has(customerId)) {
        throw new AppError('conflict', 'surveys.error.noSurveyConsent', { path: ['customerId'] });
      }
      const settings = await readSettings(db);
      const recommend = input.recommend ?? null;
      const complaint = input.complaint ?? false;
      const low = isLowSurvey({ scores: input.scores, recommend, complaint }, settings.surveyLowAspect, settings.surveyLowRecommend);
      const id = await insertSurvey(db, {
        customerId: input.customerId ?? null,
        visitId: input.visitId ?? null,
        stepId: input.stepId ?? null,
        source: input.source,
        scores: JSON.stringify(input.scores),
        recommend,
        comments: input.comments ?? '',
        staffNamed: input.staffNamed ?? '',
        complaint,
        low,
        createdAt: now.toISOString(),
        createdBy: staffId,
      });
      return { id, low };
    },

    /** The manager's list: low scores and complaints, those still open first. Names masked. */
    async lowList(db: Db) {
      const rows = await lowSurveys(db, 200);
      return rows.map((row) => ({
        id: row.id,
        scores: JSON.parse(row.scores) as Partial<Record<SurveyAspect, number>>,
        recommend: row.recommend,
        comments: row.comments,
        staffNamed: row.staff_named,
        complaint: row.complaint === 1,
        source: row.source,
        createdAt: row.created_at,
        customer: row.name !== null ? maskName(row.name) : null,
        handledNote: row.handled_note,
        handledAt: row.handled_at,
      }));
    },

    /** The manager records what was done about a low survey, once. */
    async handle(db: Db, input: { surveyId: number; note: string }, staffId: number, now: Date) {
      if (!(await handleSurvey(db, input.surveyId, input.note, now.toISOString(), staffId))) {
        if (!(await lowSurveyExists(db, input.surveyId))) throw new AppError('not_found', 'error.notFound', { path: ['surveyId'] });
        throw new AppError('conflict', 'surveys.error.alreadyHandled');
      }
      return { ok: true as const };
    },
  };
}

export type SurveyService = ReturnType<typeof createSurveyService>;
