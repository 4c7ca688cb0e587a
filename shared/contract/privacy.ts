/**
 * Privacy and the law (issue 20; shared/domain/privacy.ts): consents, who looked, a customer's copy
 * of her data and erasure with legal holds. Reading who looked, the copy and erasure are a
 * manager's; consents are recorded by whoever works with the customer's record.
 */
import { z } from 'zod';
import { ACCESS_KINDS, ACCESS_SCREENS, CONSENT_METHODS, CONSENT_PURPOSES } from '../domain/privacy';
import { STAFF_ROLES } from '../domain/roles';
import { clinicDateSchema, emptyInputSchema, idSchema, instantSchema } from './common';
import { defineMethod } from './define';

/** Who works with customer records (as `customers.get`). */
const RECORD_ROLES = ['reception', 'consultant', 'nurse', 'doctor', 'manager'] as const;

/**
 * A signature drawn on a tablet: a PNG as a data URL (what a canvas gives), at most ~150 KB of
 * image. Checked to be a PNG (its base64 starts with the PNG signature), so the page and the
 * printed copy only ever show an image.
 */
export const SIGNATURE_MAX_CHARS = 200_000;
export const signatureSchema = z
  .string()
  .max(SIGNATURE_MAX_CHARS, { message: 'privacy.validation.signatureTooLarge' })
  .regex(/^data:image\/png;base64,iVBORw0KGgo[A-Za-z0-9+/]*={0,2}$/, { message: 'privacy.validation.signaturePng' });

export const consentSchema = z.object({
  id: idSchema,
  purpose: z.enum(CONSENT_PURPOSES),
  method: z.enum(CONSENT_METHODS),
  note: z.string(),
  givenAt: instantSchema,
  takenBy: z.string(),
  textVersion: z.number().int().positive(),
  withdrawnAt: instantSchema.nullable(),
  withdrawnBy: z.string().nullable(),
  /** The signature drawn on a tablet (a PNG data URL); null when signed on paper and noted. */
  signature: z.string().nullable(),
});
export type ConsentView = z.infer<typeof consentSchema>;

export const consentTextSchema = z.object({
  id: idSchema,
  purpose: z.enum(CONSENT_PURPOSES),
  version: z.number().int().positive(),
  textZh: z.string(),
  textEn: z.string(),
  createdAt: instantSchema,
  createdBy: z.string().nullable(),
});
export type ConsentText = z.infer<typeof consentTextSchema>;

export const accessEntrySchema = z.object({
  id: idSchema,
  at: instantSchema,
  staff: z.string(),
  role: z.string(),
  device: z.string(),
  kind: z.enum(ACCESS_KINDS),
  screen: z.string(),
  method: z.string(),
});

export const erasurePreviewSchema = z.object({
  customerId: idSchema,
  name: z.string(),
  /** Rows held about her, by table: what the erasure removes or anonymises. */
  tables: z.array(z.object({ table: z.string(), rows: z.number().int().nonnegative() })),
  /** Treatment records the law keeps: until when (exclusive) and why; null when nothing holds. */
  hold: z.object({ until: clinicDateSchema, reason: z.string(), lastTreatedOn: clinicDateSchema }).nullable(),
});

export const holdSchema = z.object({
  customerId: idSchema,
  /** Masked: a held record is out of every list; this one shows only what identifies the hold. */
  maskedName: z.string(),
  erasedAt: instantSchema.nullable(),
  until: clinicDateSchema,
  reason: z.string(),
});

const customerIdInput = z.object({ customerId: idSchema }).strict();

export const privacyMethods = {
  'privacy.consents': defineMethod({
    summary: "A customer's consents per purpose, in force and withdrawn",
    input: customerIdInput,
    output: z.object({ consents: z.array(consentSchema), inForce: z.array(z.enum(CONSENT_PURPOSES)) }),
    roles: RECORD_ROLES,
    writes: false,
  }),
  /** Records a consent to the purpose's text in force (signed on paper and noted, or on a tablet). */
  'privacy.recordConsent': defineMethod({
    summary: 'Record a consent for a purpose (the current text version)',
    input: z
      .object({
        customerId: idSchema,
        purpose: z.enum(CONSENT_PURPOSES),
        method: z.enum(CONSENT_METHODS),
        note: z.string().trim().max(200).optional(),
        /** Required when signed on a tablet (the customer draws it); none for paper. */
        signature: signatureSchema.optional(),
      })
      .strict()
      .refine((input) => input.method !== 'tablet' || input.signature !== undefined, { message: 'privacy.validation.signatureRequired', path: ['signature'] })
      .refine((input) => input.method !== 'paper' || input.signature === undefined, { message: 'privacy.validation.signatureOnPaper', path: ['signature'] }),
    output: consentSchema,
    roles: RECORD_ROLES,
    writes: true,
  }),
  'privacy.withdrawConsent': defineMethod({
    summary: 'Withdraw a consent in force',
    input: z.object({ consentId: idSchema }).strict(),
    output: consentSchema,
    roles: RECORD_ROLES,
    writes: true,
  }),
  'privacy.consentTexts': defineMethod({
    summary: 'The consent texts, every version (the newest is in force)',
    input: emptyInputSchema,
    output: z.object({ texts: z.array(consentTextSchema) }),
    roles: STAFF_ROLES,
    writes: false,
  }),
  /**
   * Publishes a new version of a purpose's text (manager). `expectedVersion` is the version the
   * editor showed (null: none yet): one published meanwhile is a conflict.
   */
  'privacy.saveConsentText': defineMethod({
    summary: "Publish a new version of a purpose's consent text (manager)",
    input: z
      .object({
        purpose: z.enum(CONSENT_PURPOSES),
        expectedVersion: z.number().int().positive().nullable(),
        textZh: z.string().trim().min(1).max(4000),
        textEn: z.string().trim().max(6000),
      })
      .strict(),
    output: consentTextSchema,
    roles: ['manager'],
    writes: true,
  }),
  /** Who has seen this record (PIPL Art. 51): each logged read, newest first. */
  'privacy.accessLog': defineMethod({
    summary: "Who has read a customer's data, newest first (manager)",
    input: z.object({ customerId: idSchema, limit: z.number().int().min(1).max(500).default(100) }).strict(),
    output: z.object({ total: z.number().int().nonnegative(), entries: z.array(accessEntrySchema) }),
    roles: ['manager'],
    writes: false,
  }),
  /** A customer's copy of everything held about her (PIPL Art. 45), table by table; logged. */
  'privacy.export': defineMethod({
    summary: 'Everything held about one customer, every table that refers to her (manager)',
    input: customerIdInput,
    output: z.object({
      customerId: idSchema,
      generatedAt: instantSchema,
      tables: z.record(z.string(), z.array(z.record(z.string(), z.unknown()))),
    }),
    roles: ['manager'],
    writes: true,
  }),
  'privacy.erasurePreview': defineMethod({
    summary: 'What erasing a customer removes, and what the law holds back (manager)',
    input: customerIdInput,
    output: erasurePreviewSchema,
    roles: ['manager'],
    writes: false,
  }),
  /**
   * Erases a customer (PIPL Art. 47; manager): `confirmName` must be her name as stored. Personal
   * fields go; visits and events stay anonymised for the statistics; treatment records the law keeps
   * go on a legal hold instead, erased when it ends.
   */
  'privacy.erase': defineMethod({
    summary: 'Erase a customer after a confirmation naming her; treatment records held as the law requires (manager)',
    input: z.object({ customerId: idSchema, confirmName: z.string().trim().min(1).max(200) }).strict(),
    output: z.object({ customerId: idSchema, erasedAt: instantSchema, heldUntil: clinicDateSchema.nullable() }),
    roles: ['manager'],
    writes: true,
  }),
  'privacy.holds': defineMethod({
    summary: 'Records kept under a legal hold, with reason and end date, and customers due for erasure (manager)',
    input: emptyInputSchema,
    output: z.object({
      holds: z.array(holdSchema),
      /** Customers never treated and not seen for the retention setting's years: offered for erasure. */
      dueForErasure: z.array(z.object({ customerId: idSchema, maskedName: z.string(), lastSeenAt: instantSchema })),
    }),
    roles: ['manager'],
    writes: false,
  }),
} as const;

export const accessScreenSchema = z.enum(ACCESS_SCREENS);
