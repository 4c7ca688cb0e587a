/**
 * Customers: registering (one phone is one customer — seed 000 step 1: returning customers are
 * recognised by phone), editing with a version check, opening a record (logged), and search.
 */
import type { Kysely, Transaction } from 'kysely';
import type { CreateCustomerData, Customer, CustomerDetail, CustomerSummary, UpdateCustomerData } from '../../shared/contract/customers';
import { AppError } from '../../shared/contract/errors';
import { CUSTOMER_TAGS, parseSearchQuery, type CustomerTag } from '../../shared/domain/customers';
import { maskPhone } from '../../shared/domain/phone';
import { appendAudit } from '../db/repositories/audit';
import {
  findCustomer,
  findCustomerByPhone,
  insertCustomer,
  listCustomerAppointments,
  listRecentCustomers,
  searchCustomers,
  updateCustomer,
  type CustomerFields,
  type CustomerRow,
} from '../db/repositories/customers';
import type { Database } from '../db/schema';
import { recordAccess } from './privacy-service';

type Db = Kysely<Database> | Transaction<Database>;
type CreateInput = CreateCustomerData;
type UpdateInput = UpdateCustomerData;

/** Who opened a record, for the access log. */
export interface Reader {
  staffId: number;
  device: string;
  /** The screen the read came from, as the client names it (the access log's). */
  screen?: string | undefined;
}

export interface CustomerService {
  /** Registers a customer; a phone already on file is a conflict naming that customer. */
  create(db: Db, input: CreateInput, now: Date): Promise<Customer>;
  /** Edits a card; returns the record before and after for the audit diff. */
  update(db: Db, input: UpdateInput, now: Date): Promise<{ before: Customer; after: Customer }>;
  /** The full record and history; writes one access row to the audit log (PIPL). */
  get(db: Db, id: number, reader: Reader, now: Date): Promise<CustomerDetail>;
  /** Matches best first, phones masked; with nothing typed, the latest registered. */
  search(db: Db, query: string, limit?: number): Promise<CustomerSummary[]>;
}

const DEFAULT_LIMIT = 20;

function parseTags(json: string): CustomerTag[] {
  try {
    const value: unknown = JSON.parse(json);
    return Array.isArray(value) ? value.filter((tag): tag is CustomerTag => (CUSTOMER_TAGS as readonly unknown[]).includes(tag)) : [];
  } catch {
    return [];
  }
}

function toCustomer(row: CustomerRow): Customer {
  return {
    id: row.id,
    name: row.name,
    addressForm: row.address_form,
    phone: row.phone,
    gender: row.gender,
    birthYear: row.birth_year,
    channel: row.channel,
    notes: row.notes,
    tags: parseTags(row.tags),
    lastVisitAt: row.last_visit_at,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    version: row.version,
  };
}

/**
 * A save made on an older version: refused with the card as it is now, so the form can show what
 * changed meanwhile (shared/domain/record-changes.ts) instead of overwriting it. The refusal is
 * audited (`customers.update:refused`): it shows the card, and every look at a card is logged (PIPL).
 */
function staleSave(current: Customer): AppError {
  return new AppError('conflict', 'customers.error.changedMeanwhile', {
    details: { customerId: current.id, version: current.version, current },
    keepWrites: true,
  });
}

async function refusePhoneTaken(db: Db, phone: string, exceptId?: number): Promise<void> {
  const holder = await findCustomerByPhone(db, phone);
  if (holder && holder.id !== exceptId) {
    throw new AppError('conflict', 'customers.error.phoneTaken', {
      params: { name: holder.name, addressForm: holder.address_form ?? holder.name },
      path: ['phone'],
      details: { customerId: holder.id },
    });
  }
}

async function requireCustomer(db: Db, id: number): Promise<CustomerRow> {
  const row = await findCustomer(db, id);
  if (!row) throw new AppError('not_found', 'customers.error.notFound', { params: { id } });
  // Erased (or held by law, PIPL Art. 47: stored, not processed): gone from every screen.
  if (row.erased_at !== null) throw new AppError('not_found', 'privacy.error.erased', { params: { id } });
  return row;
}

const blankToNull = (value: string | undefined | null) => (value && value.trim() ? value.trim() : null);

export function createCustomerService(): CustomerService {
  return {
    async create(db, input, now) {
      await refusePhoneTaken(db, input.phone);
      const fields: CustomerFields = {
        name: input.name,
        phone: input.phone,
        addressForm: blankToNull(input.addressForm),
        gender: input.gender ?? null,
        birthYear: input.birthYear ?? null,
        channel: input.channel ?? null,
        notes: input.notes ?? '',
        tags: [...new Set(input.tags ?? [])],
      };
      const id = await insertCustomer(db, fields, now.toISOString());
      return toCustomer(await requireCustomer(db, id));
    },

    async update(db, input, now) {
      const before = toCustomer(await requireCustomer(db, input.id));
      if (before.version !== input.expectedVersion) throw staleSave(before);
      const phone = input.phone ?? before.phone;
      if (phone !== before.phone) await refusePhoneTaken(db, phone, before.id);
      const fields: CustomerFields = {
        name: input.name ?? before.name,
        phone,
        addressForm: input.addressForm !== undefined ? blankToNull(input.addressForm) : before.addressForm,
        gender: input.gender !== undefined ? input.gender : before.gender,
        birthYear: input.birthYear !== undefined ? input.birthYear : before.birthYear,
        channel: input.channel !== undefined ? input.channel : before.channel,
        notes: input.notes ?? before.notes,
        tags: input.tags ? [...new Set(input.tags)] : before.tags,
      };
      const saved = await updateCustomer(db, before.id, input.expectedVersion, fields, now.toISOString());
      if (!saved) throw staleSave(toCustomer(await requireCustomer(db, before.id)));
      return { before, after: toCustomer(await requireCustomer(db, before.id)) };
    },

    async get(db, id, reader, now) {
      const customer = toCustomer(await requireCustomer(db, id));
      const appointments = await listCustomerAppointments(db, id);
      // PIPL Art. 51: access to a personal record is logged — in the audit log as every change, and
      // in the access log the customer's page shows managers (who, when, device, screen; issue 20).
      await appendAudit(db, { at: now.toISOString(), staffId: reader.staffId, device: reader.device, method: 'customers.get', target: `customer:${id}`, diff: { read: true } });
      await recordAccess(db, id, 'customer', 'customers.get', reader, now);
      return {
        customer,
        appointments: appointments.map((row) => ({
          id: row.id,
          startsAt: row.starts_at,
          durationMinutes: row.duration_minutes,
          kind: row.kind,
          status: row.status,
          item: row.item_id === null ? null : { id: row.item_id, nameZh: row.item_name ?? '', nameEn: row.item_name_en ?? '' },
          doctor: row.doctor_id === null ? null : { id: row.doctor_id, name: row.doctor_name ?? '' },
          notes: row.notes,
        })),
      };
    },

    async search(db, raw, limit = DEFAULT_LIMIT) {
      const query = parseSearchQuery(raw);
      // Nothing typed yet: the most recently registered, so a new card is one click away.
      const rows = query.kind === 'empty' ? await listRecentCustomers(db, limit) : await searchCustomers(db, query, limit);
      return rows.map((row) => ({
        id: row.id,
        name: row.name,
        addressForm: row.address_form,
        phoneMasked: maskPhone(row.phone),
        gender: row.gender,
        tags: parseTags(row.tags),
        lastVisitAt: row.last_visit_at,
      }));
    },
  };
}
