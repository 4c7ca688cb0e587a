/**
 * The customers methods: register, edit, find and open a customer. Lists carry masked phones
 * only; the full number and the history come from `customers.get`, whose every call is logged
 * (PIPL: access to a personal record is logged).
 */
import { z } from 'zod';
import { APPOINTMENT_KINDS, APPOINTMENT_STATUSES, CHANNELS } from '../domain/appointments';
import { CUSTOMER_TAGS, GENDERS } from '../domain/customers';
import { ACCESS_SCREENS } from '../domain/privacy';
import { normalizePhone } from '../domain/phone';
import { idSchema, instantSchema } from './common';
import { defineMethod } from './define';

/**
 * A phone as typed (mobile or landline with area code, with spaces, dashes, +86), parsed to its
 * normalised digits (`+86 138-0013-8000` → `13800138000`).
 */
export const phoneSchema = z
  .string()
  .trim()
  .min(1)
  .max(32)
  .refine((value) => normalizePhone(value) !== null, { message: 'validation.phone' })
  .transform((value) => normalizePhone(value) as string);

/** The fields reception fills in on a card; only name and phone are required. */
export const customerFieldsSchema = z.object({
  name: z.string().trim().min(1).max(40),
  phone: phoneSchema,
  /** The preferred form of address (称呼), e.g. 王姐 / 李女士: how staff greet them. */
  addressForm: z.string().trim().max(20).optional(),
  gender: z.enum(GENDERS).nullable().optional(),
  birthYear: z.number().int().min(1900).max(2100).nullable().optional(),
  channel: z.enum(CHANNELS).nullable().optional(),
  notes: z.string().max(2000).optional(),
  tags: z.array(z.enum(CUSTOMER_TAGS)).max(CUSTOMER_TAGS.length).optional(),
});

export const createCustomerInputSchema = customerFieldsSchema.strict();
export type CreateCustomerInput = z.input<typeof createCustomerInputSchema>;
/** A create input after parsing (phone normalised). */
export type CreateCustomerData = z.output<typeof createCustomerInputSchema>;

export const updateCustomerInputSchema = customerFieldsSchema
  .partial()
  .extend({
    id: idSchema,
    /** The version the clerk saw: a change made meanwhile by someone else is refused. */
    expectedVersion: z.number().int().positive(),
  })
  .strict();
export type UpdateCustomerInput = z.input<typeof updateCustomerInputSchema>;
/** An update input after parsing. */
export type UpdateCustomerData = z.output<typeof updateCustomerInputSchema>;

/** A whole customer record, with the phone in full. */
export const customerSchema = z.object({
  id: idSchema,
  name: z.string(),
  addressForm: z.string().nullable(),
  phone: z.string(),
  gender: z.enum(GENDERS).nullable(),
  birthYear: z.number().int().nullable(),
  channel: z.enum(CHANNELS).nullable(),
  notes: z.string(),
  tags: z.array(z.enum(CUSTOMER_TAGS)),
  lastVisitAt: instantSchema.nullable(),
  createdAt: instantSchema,
  updatedAt: instantSchema,
  version: z.number().int().positive(),
});
export type Customer = z.infer<typeof customerSchema>;

/** A customer as lists show them: the phone masked (138****8000). */
export const customerSummarySchema = z.object({
  id: idSchema,
  name: z.string(),
  addressForm: z.string().nullable(),
  phoneMasked: z.string(),
  gender: z.enum(GENDERS).nullable(),
  tags: z.array(z.enum(CUSTOMER_TAGS)),
  lastVisitAt: instantSchema.nullable(),
});
export type CustomerSummary = z.infer<typeof customerSummarySchema>;

/** One appointment of a customer's history. */
export const customerHistoryEntrySchema = z.object({
  id: idSchema,
  startsAt: instantSchema,
  durationMinutes: z.number().int().positive(),
  kind: z.enum(APPOINTMENT_KINDS),
  status: z.enum(APPOINTMENT_STATUSES),
  item: z.object({ id: idSchema, nameZh: z.string(), nameEn: z.string() }).nullable(),
  doctor: z.object({ id: idSchema, name: z.string() }).nullable(),
  notes: z.string(),
});
export type CustomerHistoryEntry = z.infer<typeof customerHistoryEntrySchema>;

export const customerDetailSchema = z.object({
  customer: customerSchema,
  /** Every appointment, newest first. */
  appointments: z.array(customerHistoryEntrySchema),
});
export type CustomerDetail = z.infer<typeof customerDetailSchema>;

export const searchCustomersInputSchema = z
  .object({
    query: z.string().max(40),
    limit: z.number().int().min(1).max(50).optional(),
  })
  .strict();

/** Who works with customer records. Guides only search (masked phones): they escort, they do not register. */
const RECORD_ROLES = ['reception', 'consultant', 'nurse', 'doctor', 'manager'] as const;
const SEARCH_ROLES = ['reception', 'guide', 'consultant', 'nurse', 'doctor', 'manager'] as const;

export const customerMethods = {
  /** Registers a customer; a phone already on file is a `conflict` naming that customer (`details.customerId`). */
  'customers.create': defineMethod({
    summary: 'Register a customer; an existing phone is a conflict naming that customer',
    input: createCustomerInputSchema,
    output: customerSchema,
    roles: RECORD_ROLES,
    writes: true,
  }),
  /** Edits a card; refused with `conflict` when someone else saved it since `expectedVersion`. */
  'customers.update': defineMethod({
    summary: 'Edit a customer (optimistic: expectedVersion)',
    input: updateCustomerInputSchema,
    output: customerSchema,
    roles: RECORD_ROLES,
    writes: true,
  }),
  /** A customer's full record and history; every call is logged in the audit log. */
  'customers.get': defineMethod({
    summary: "A customer's record (phone in full) and history; access is logged, with the screen it came from",
    input: z.object({ id: idSchema, screen: z.enum(ACCESS_SCREENS).optional() }).strict(),
    output: customerDetailSchema,
    roles: RECORD_ROLES,
    writes: false,
  }),
  /** Finds customers by characters, pinyin, initials or phone digits, best first; phones masked. */
  'customers.search': defineMethod({
    summary: 'Find customers by name, pinyin, initials or phone digits; best first, phones masked',
    input: searchCustomersInputSchema,
    output: z.object({ results: z.array(customerSummarySchema) }),
    roles: SEARCH_ROLES,
    writes: false,
  }),
} as const;
