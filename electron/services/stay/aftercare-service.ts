/**
 * The aftercare templates (one per item, and the clinic's default) and the sheet of a stay, with
 * this customer's follow-up dates (shared/domain/aftercare.ts). Saving a template names the
 * version it was edited from: of two editing one template, one wins.
 */
import type { Kysely, Transaction } from 'kysely';
import { AppError } from '../../../shared/contract/errors';
import { defaultFollowupDates } from '../../../shared/domain/aftercare';
import { clinicDateOf } from '../../../shared/domain/clinic-time';
import type { Language } from '../../../shared/i18n/messages';
import { renderAftercareSheet, type AftercarePaper } from '../../../shared/print/aftercare-sheet';
import { findCustomer } from '../../db/repositories/customers';
import { findItem } from '../../db/repositories/items';
import { readSettings } from '../../db/repositories/settings';
import { aftercareTemplateFor, findStay, insertAftercareTemplate, listAftercareTemplates, updateAftercareTemplate } from '../../db/repositories/stays';
import type { AftercareTemplatesTable, Database } from '../../db/schema';
import type { Selectable } from 'kysely';

type Db = Kysely<Database> | Transaction<Database>;

export interface AftercareTemplateView {
  id: number;
  itemId: number | null;
  version: number;
  woundCare: string;
  woundCareEn: string;
  foodToAvoid: string;
  foodToAvoidEn: string;
  comeBack: string;
  comeBackEn: string;
}

export interface TemplateInput {
  itemId: number | null;
  expectedVersion?: number | undefined;
  woundCare: string;
  woundCareEn: string;
  foodToAvoid: string;
  foodToAvoidEn: string;
  comeBack: string;
  comeBackEn: string;
}

export interface AftercareService {
  templates(db: Db): Promise<AftercareTemplateView[]>;
  saveTemplate(db: Db, input: TemplateInput, staffId: number, now: Date): Promise<AftercareTemplateView>;
  sheet(db: Db, input: { stayId: number; paper?: AftercarePaper | undefined; language?: Language | undefined }, fallbackLanguage: Language, now: Date): Promise<{ html: string; fileName: string; followupDates: { label: string; date: string }[] }>;
}

const viewOf = (row: Selectable<AftercareTemplatesTable>): AftercareTemplateView => ({
  id: row.id,
  itemId: row.item_id,
  version: row.version,
  woundCare: row.wound_care,
  woundCareEn: row.wound_care_en,
  foodToAvoid: row.food_to_avoid,
  foodToAvoidEn: row.food_to_avoid_en,
  comeBack: row.come_back,
  comeBackEn: row.come_back_en,
});

export function createAftercareService(): AftercareService {
  return {
    async templates(db) {
      return (await listAftercareTemplates(db)).map(viewOf);
    },

    async saveTemplate(db, input, staffId, now) {
      if (input.itemId !== null && !(await findItem(db, input.itemId))) throw new AppError('not_found', 'error.notFound', { path: ['itemId'] });
      const rows = await listAftercareTemplates(db);
      const current = rows.find((row) => row.item_id === input.itemId);
      const fields = {
        wound_care: input.woundCare,
        wound_care_en: input.woundCareEn,
        food_to_avoid: input.foodToAvoid,
        food_to_avoid_en: input.foodToAvoidEn,
        come_back: input.comeBack,
        come_back_en: input.comeBackEn,
        updated_at: now.toISOString(),
        updated_by: staffId,
      };
      let id: number;
      if (current) {
        if (input.expectedVersion === undefined) throw new AppError('invalid', 'validation.required', { path: ['expectedVersion'], params: { field: 'expectedVersion' } });
        if (!(await updateAftercareTemplate(db, current.id, input.expectedVersion, fields))) {
          throw new AppError('conflict', 'error.conflict', { details: { currentVersion: current.version } });
        }
        id = current.id;
      } else {
        id = await insertAftercareTemplate(db, { item_id: input.itemId, ...fields });
      }
      const saved = (await listAftercareTemplates(db)).find((row) => row.id === id);
      if (!saved) throw new Error('a saved template vanished');
      return viewOf(saved);
    },

    async sheet(db, input, fallbackLanguage, now) {
      const stay = await findStay(db, input.stayId);
      if (!stay) throw new AppError('not_found', 'error.notFound', { path: ['stayId'] });
      const customer = await findCustomer(db, stay.customer_id);
      if (!customer) throw new AppError('not_found', 'error.notFound', { path: ['stayId'] });
      const settings = await readSettings(db);
      const item = stay.item_id !== null ? await findItem(db, stay.item_id) : undefined;
      const template = await aftercareTemplateFor(db, stay.item_id);
      if (!template) throw new AppError('not_found', 'aftercare.noTemplate');
      const fromDate = clinicDateOf(stay.discharged_at ?? now, settings.timeZone);
      const followups = defaultFollowupDates(fromDate);
      const language = input.language ?? fallbackLanguage;
      const html = renderAftercareSheet(
        {
          customer: { name: customer.name, addressForm: customer.address_form },
          item: item ? { name: item.name, nameEn: item.name_en } : null,
          surgeryAt: stay.surgery_at,
          fromDate,
          followups,
          texts: viewOf(template),
          clinic: settings,
        },
        { paper: input.paper ?? 'a5', language },
      );
      return { html, fileName: `aftercare-${stay.id}.pdf`, followupDates: followups.map((followup) => ({ label: followup.label, date: followup.date })) };
    },
  };
}
