/**
 * Privacy and the law (issue 20): consents, who looked, a customer's copy and erasure with legal
 * holds. Rules in shared/domain/privacy.ts; SQL in repositories/privacy.ts and customer-graph.ts.
 */
import type { Kysely, Transaction } from 'kysely';
import { AppError } from '../../shared/contract/errors';
import type { ConsentText, ConsentView } from '../../shared/contract/privacy';
import { clinicDateOf } from '../../shared/domain/clinic-time';
import { maskName } from '../../shared/domain/masking';
import { addYears, CONSENT_PURPOSES, legalHoldEnd, RETENTION_MINIMUM_YEARS, type AccessKind, type ConsentMethod, type ConsentPurpose } from '../../shared/domain/privacy';
import { rowsOfCustomer } from '../db/repositories/customer-graph';
import { clearHold, endedHolds, findCustomerForPrivacy, inactiveUntreated, lastTreatment, markErased, scrubCustomer } from '../db/repositories/erasure';
import {
  accessCount,
  accessOf,
  consentsOf,
  currentConsentText,
  findConsent,
  insertConsent,
  insertConsentText,
  listConsentTexts,
  listHolds,
  logAccess,
  withdrawConsent,
} from '../db/repositories/privacy';
import { readSettings } from '../db/repositories/settings';
import type { Database } from '../db/schema';

type Db = Kysely<Database> | Transaction<Database>;

/** Who reads, from where: what every access-log row records. */
export interface Reader {
  staffId: number;
  device: string;
  screen?: string | undefined;
}

type ConsentRow = Awaited<ReturnType<typeof consentsOf>>[number];
const toConsent = (row: ConsentRow): ConsentView => ({
  id: row.id,
  purpose: row.purpose,
  method: row.method,
  note: row.note,
  givenAt: row.given_at,
  takenBy: row.taken_by_name,
  textVersion: row.text_version,
  withdrawnAt: row.withdrawn_at,
  withdrawnBy: row.withdrawn_by_name,
  signature: row.signature,
});

/** The customer, refused when unknown or already erased (an erased record is out of every screen). */
async function requireLiveCustomer(db: Db, customerId: number) {
  const customer = await findCustomerForPrivacy(db, customerId);
  if (!customer) throw new AppError('not_found', 'customers.error.notFound', { path: ['customerId'], params: { id: customerId } });
  if (customer.erased_at !== null) throw new AppError('conflict', 'privacy.error.erased', { path: ['customerId'] });
  return customer;
}

/** Logs one read of a customer's data (PIPL Art. 51). */
export async function recordAccess(db: Db, customerId: number, kind: AccessKind, method: string, reader: Reader, now: Date): Promise<void> {
  await logAccess(db, { at: now.toISOString(), staff_id: reader.staffId, device: reader.device, customer_id: customerId, kind, screen: reader.screen ?? 'other', method });
}

/**
 * The last clinic day a customer was treated: a visit that reached a consultation or the pre-op
 * exam, or a completed appointment — what 医疗机构管理条例实施细则 Art. 53 keeps for 15 years.
 */
async function lastTreatedOn(db: Db, customerId: number, timeZone: string): Promise<string | null> {
  const { visitDay, appointmentAt } = await lastTreatment(db, customerId);
  const days = [visitDay, appointmentAt ? clinicDateOf(appointmentAt, timeZone) : null].filter((day): day is string => day !== null);
  return days.length === 0 ? null : days.sort().at(-1) ?? null;
}

const HOLD_REASON = '医疗机构管理条例实施细则 第五十三条：门诊病历保存不少于15年 / Outpatient medical records kept at least 15 years';

export function createPrivacyService() {
  return {
    async consents(db: Db, customerId: number) {
      await requireLiveCustomer(db, customerId);
      const consents = (await consentsOf(db, customerId)).map(toConsent);
      return { consents, inForce: CONSENT_PURPOSES.filter((purpose) => consents.some((consent) => consent.purpose === purpose && consent.withdrawnAt === null)) };
    },

    async recordConsent(
      db: Db,
      input: { customerId: number; purpose: ConsentPurpose; method: ConsentMethod; note?: string | undefined; signature?: string | undefined },
      staffId: number,
      now: Date,
    ) {
      await requireLiveCustomer(db, input.customerId);
      const text = await currentConsentText(db, input.purpose);
      if (!text) throw new AppError('invalid', 'privacy.error.noText', { path: ['purpose'] });
      const inForce = (await consentsOf(db, input.customerId)).find((row) => row.purpose === input.purpose && row.withdrawn_at === null);
      if (inForce) throw new AppError('conflict', 'privacy.error.alreadyGiven', { path: ['purpose'], params: { by: inForce.taken_by_name }, details: { consentId: inForce.id } });
      const id = await insertConsent(db, { customer_id: input.customerId, purpose: input.purpose, text_id: text.id, method: input.method, note: input.note ?? '', given_at: now.toISOString(), taken_by: staffId, signature: input.signature ?? null });
      const saved = (await consentsOf(db, input.customerId)).find((row) => row.id === id);
      if (!saved) throw new Error('saved consent vanished');
      return toConsent(saved);
    },

    async withdrawConsent(db: Db, consentId: number, staffId: number, now: Date) {
      const consent = await findConsent(db, consentId);
      if (!consent) throw new AppError('not_found', 'privacy.error.noConsent', { path: ['consentId'] });
      await requireLiveCustomer(db, consent.customer_id);
      if (!(await withdrawConsent(db, consentId, now.toISOString(), staffId))) throw new AppError('conflict', 'privacy.error.alreadyWithdrawn', { path: ['consentId'] });
      const saved = (await consentsOf(db, consent.customer_id)).find((row) => row.id === consentId);
      if (!saved) throw new Error('withdrawn consent vanished');
      return { consent: toConsent(saved), customerId: consent.customer_id };
    },

    async consentTexts(db: Db): Promise<{ texts: ConsentText[] }> {
      const rows = await listConsentTexts(db);
      return { texts: rows.map((row) => ({ id: row.id, purpose: row.purpose, version: row.version, textZh: row.text_zh, textEn: row.text_en, createdAt: row.created_at, createdBy: row.created_by_name })) };
    },

    async saveConsentText(db: Db, input: { purpose: ConsentPurpose; expectedVersion: number | null; textZh: string; textEn: string }, staffId: number, now: Date): Promise<ConsentText> {
      const current = await currentConsentText(db, input.purpose);
      if ((current?.version ?? null) !== input.expectedVersion) {
        throw new AppError('conflict', 'privacy.error.textChanged', { path: ['expectedVersion'], details: { version: current?.version ?? null } });
      }
      const version = (current?.version ?? 0) + 1;
      await insertConsentText(db, { purpose: input.purpose, version, text_zh: input.textZh, text_en: input.textEn, created_at: now.toISOString(), created_by: staffId });
      const saved = (await this.consentTexts(db)).texts.find((text) => text.purpose === input.purpose && text.version === version);
      if (!saved) throw new Error('saved consent text vanished');
      return saved;
    },

    async accessLog(db: Db, customerId: number, limit: number) {
      const rows = await accessOf(db, customerId, limit);
      return {
        total: await accessCount(db, customerId),
        entries: rows.map((row) => ({ id: row.id, at: row.at, staff: row.staff_name, role: row.staff_role, device: row.device, kind: row.kind, screen: row.screen, method: row.method })),
      };
    },

    /** Everything held about her, table by table; the export itself is logged as a read. */
    async exportCustomer(db: Db, customerId: number, reader: Reader, now: Date) {
      await requireLiveCustomer(db, customerId);
      await recordAccess(db, customerId, 'export', 'privacy.export', { ...reader, screen: 'export' }, now);
      return { customerId, generatedAt: now.toISOString(), tables: await rowsOfCustomer(db, customerId) };
    },

    async erasurePreview(db: Db, customerId: number) {
      const customer = await requireLiveCustomer(db, customerId);
      const settings = await readSettings(db);
      const rows = await rowsOfCustomer(db, customerId);
      const treated = await lastTreatedOn(db, customerId, settings.timeZone);
      const until = legalHoldEnd(treated, Math.max(settings.retentionMedicalRecordYears, RETENTION_MINIMUM_YEARS.medicalRecordYears));
      return {
        customerId,
        name: customer.name,
        tables: Object.entries(rows)
          .filter(([, list]) => list.length > 0)
          .map(([table, list]) => ({ table, rows: list.length })),
        hold: until && treated ? { until, reason: HOLD_REASON, lastTreatedOn: treated } : null,
      };
    },

    /**
     * Erases a customer. Personal fields go from her card and her free text from every row that is
     * hers (found from the schema); visits and events stay, anonymised, for the statistics. A
     * customer who was treated keeps her identity and treatment records under a legal hold until it
     * ends, out of every list and search meanwhile; `eraseHeld` finishes the job then.
     */
    async erase(db: Db, input: { customerId: number; confirmName: string }, now: Date) {
      const preview = await this.erasurePreview(db, input.customerId);
      if (input.confirmName !== preview.name) throw new AppError('invalid', 'privacy.error.confirmName', { path: ['confirmName'] });
      const held = preview.hold;
      await scrubCustomer(db, input.customerId, { keepIdentity: held !== null });
      await markErased(db, input.customerId, now.toISOString(), held ? { until: held.until, reason: held.reason } : null);
      return { customerId: input.customerId, erasedAt: now.toISOString(), heldUntil: held?.until ?? null };
    },

    /** Erases the records whose legal hold has ended by `now` (the scheduler, daily). */
    async eraseEndedHolds(db: Db, now: Date): Promise<number[]> {
      const { timeZone } = await readSettings(db);
      const today = clinicDateOf(now, timeZone);
      const ended = await endedHolds(db, today);
      for (const { id } of ended) {
        await scrubCustomer(db, id, { keepIdentity: false });
        await clearHold(db, id);
      }
      return ended.map((row) => row.id);
    },

    async holds(db: Db, now: Date) {
      const settings = await readSettings(db);
      const years = Math.max(settings.retentionInactiveCustomerYears, RETENTION_MINIMUM_YEARS.inactiveCustomerYears);
      const before = `${addYears(clinicDateOf(now, settings.timeZone), -years)}T00:00:00.000Z`;
      return {
        holds: (await listHolds(db)).map((row) => ({ customerId: row.id, maskedName: maskName(row.name), erasedAt: row.erased_at, until: row.held_until as string, reason: row.hold_reason ?? '' })),
        // PIPL Art. 47: data no longer needed for its purpose — offered for erasure, never erased unasked.
        dueForErasure: (await inactiveUntreated(db, before, 200)).map((row) => ({ customerId: row.id, maskedName: maskName(row.name), lastSeenAt: row.last_visit_at ?? row.created_at })),
      };
    },
  };
}
export type PrivacyService = ReturnType<typeof createPrivacyService>;
