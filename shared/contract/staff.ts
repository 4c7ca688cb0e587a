/**
 * Staff administration (issue 13 part 8), managers only: add a member of staff with role,
 * specialty, rooms and a first PIN; edit them; deactivate (their sessions end at once, their
 * history stays) and reactivate; reset a PIN. A first PIN and a reset PIN must be changed by the
 * person at the next sign-in (`auth.changePin`). Every edit carries the version it was made from:
 * of two managers editing one person, one wins and the other gets a 409. A manager's PIN has at
 * least 6 digits. Also the audit-log viewer: who did what, when, to which record.
 * Doctors' default weekly hours are the roster's templates (`roster.setTemplate`), reused.
 */
import { z } from 'zod';
import { MANAGER_PIN_MIN_DIGITS, STAFF_NAME_MAX, STAFF_SPECIALTY_MAX, STAFF_ROOMS_MAX } from '../domain/staff';
import { pinSchema } from './auth';
import { clinicDateSchema, emptyInputSchema, idSchema, instantSchema, roleSchema } from './common';
import { defineMethod } from './define';

export const staffRoomSchema = z.object({ id: idSchema, name: z.string(), nameEn: z.string(), floor: z.number().int() });

/** One member of staff as the administration page shows them. */
export const staffMemberSchema = z.object({
  id: idSchema,
  name: z.string(),
  role: roleSchema,
  specialty: z.string().nullable(),
  /** The specialty in English (issue 13 part 11); null: the Chinese one is shown. */
  specialtyEn: z.string().nullable(),
  rooms: z.array(staffRoomSchema),
  active: z.boolean(),
  /** A first or reset PIN not yet changed by the person. */
  mustChangePin: z.boolean(),
  version: z.number().int(),
  createdAt: instantSchema,
  deactivatedAt: instantSchema.nullable(),
  /** The last sign-in, or null: never signed in. */
  lastSignInAt: instantSchema.nullable(),
  /** The last manager's edit, or null. */
  updated: z.object({ at: instantSchema, by: z.string() }).nullable(),
});
export type StaffMember = z.infer<typeof staffMemberSchema>;

const nameSchema = z.string().trim().min(1).max(STAFF_NAME_MAX);
const specialtySchema = z.string().trim().max(STAFF_SPECIALTY_MAX).nullable();
const roomIdsSchema = z.array(idSchema).max(STAFF_ROOMS_MAX).refine((ids) => new Set(ids).size === ids.length, { message: 'staff.validation.roomsTwice' });

/** A doctor is matched to appointments by specialty (roster moves): it is required for doctors. */
const doctorHasSpecialty = (input: { role: string; specialty: string | null }) => input.role !== 'doctor' || (input.specialty ?? '').length > 0;
/** A manager's PIN has at least MANAGER_PIN_MIN_DIGITS digits (issue 13 part 8). */
const managerPinLongEnough = (role: string, pin: string) => role !== 'manager' || pin.length >= MANAGER_PIN_MIN_DIGITS;

export const createStaffInputSchema = z
  .object({ name: nameSchema, role: roleSchema, specialty: specialtySchema.default(null), specialtyEn: specialtySchema.default(null), roomIds: roomIdsSchema.default([]), pin: pinSchema })
  .strict()
  .refine(doctorHasSpecialty, { message: 'staff.validation.specialty', path: ['specialty'] })
  .refine((input) => managerPinLongEnough(input.role, input.pin), { message: 'staff.validation.managerPin', path: ['pin'] });

export const updateStaffInputSchema = z
  .object({ id: idSchema, expectedVersion: z.number().int().positive(), name: nameSchema, role: roleSchema, specialty: specialtySchema, specialtyEn: specialtySchema.default(null), roomIds: roomIdsSchema })
  .strict()
  .refine(doctorHasSpecialty, { message: 'staff.validation.specialty', path: ['specialty'] });
export type UpdateStaffInput = z.infer<typeof updateStaffInputSchema>;

const versionedSchema = z.object({ id: idSchema, expectedVersion: z.number().int().positive() }).strict();

export const auditEntrySchema = z.object({
  id: idSchema,
  at: instantSchema,
  staff: z.object({ id: idSchema, name: z.string(), role: roleSchema }).nullable(),
  device: z.string(),
  method: z.string(),
  /** The record it touched, e.g. `appointment:12`, or null. */
  target: z.string().nullable(),
  /** What changed, as stored (secrets already replaced by `***`), JSON text. */
  diff: z.string(),
});
export type AuditEntry = z.infer<typeof auditEntrySchema>;

/** `noun.verb` (one method, or its refusal `noun.verb:refused`) or `noun` (all of a domain). */
const actionSchema = z.string().regex(/^[a-z][a-zA-Z]*(\.[a-z][a-zA-Z]*(:refused)?)?$/, { message: 'staff.validation.action' });

export const auditListInputSchema = z
  .object({
    staffId: idSchema.optional(),
    action: actionSchema.optional(),
    /** Clinic days, both included. */
    from: clinicDateSchema.optional(),
    to: clinicDateSchema.optional(),
    /** The record, exactly as stored (`customer:12`). */
    target: z.string().trim().min(1).max(80).optional(),
    page: z.number().int().min(1).max(100_000).default(1),
    pageSize: z.number().int().min(10).max(200).default(50),
  })
  .strict()
  .refine((input) => !input.from || !input.to || input.from <= input.to, { message: 'staff.validation.range', path: ['to'] });

export const staffMethods = {
  /** Every member of staff, active or not, with their rooms; and the rooms to choose from. */
  'staff.list': defineMethod({
    summary: 'All staff (active and deactivated) with rooms, for the administration page (manager)',
    input: emptyInputSchema,
    output: z.object({ staff: z.array(staffMemberSchema), rooms: z.array(staffRoomSchema) }),
    roles: ['manager'],
    writes: false,
  }),
  /** Adds a member of staff with a first PIN they must change at their first sign-in. */
  'staff.create': defineMethod({
    summary: 'Add a member of staff with role, specialty, rooms and a first PIN (manager)',
    input: createStaffInputSchema,
    output: staffMemberSchema,
    roles: ['manager'],
    writes: true,
  }),
  /** Edits name, role, specialty and rooms from the version the manager read. */
  'staff.update': defineMethod({
    summary: "Edit a member of staff's name, role, specialty and rooms (manager; versioned)",
    input: updateStaffInputSchema,
    output: staffMemberSchema,
    roles: ['manager'],
    writes: true,
  }),
  /** Deactivates: every session ends at once (open event streams too); history is kept. */
  'staff.deactivate': defineMethod({
    summary: 'Deactivate a member of staff: sessions end at once, history kept (manager; versioned)',
    input: versionedSchema,
    output: staffMemberSchema,
    roles: ['manager'],
    writes: true,
  }),
  /** Lets a deactivated member of staff sign in again. */
  'staff.reactivate': defineMethod({
    summary: 'Reactivate a deactivated member of staff (manager; versioned)',
    input: versionedSchema,
    output: staffMemberSchema,
    roles: ['manager'],
    writes: true,
  }),
  /** Sets a new PIN the person must change at the next sign-in; their sessions end. */
  'staff.resetPin': defineMethod({
    summary: "Reset a member of staff's PIN; they must change it at the next sign-in (manager; versioned)",
    input: z.object({ id: idSchema, expectedVersion: z.number().int().positive(), pin: pinSchema }).strict(),
    output: staffMemberSchema,
    roles: ['manager'],
    writes: true,
  }),
  /** The audit log, newest first, filtered by person, action, date range and record; paginated. */
  'audit.list': defineMethod({
    summary: 'The audit log: who did what, when, to which record; filterable, paginated (manager)',
    input: auditListInputSchema,
    output: z.object({ entries: z.array(auditEntrySchema), total: z.number().int().nonnegative(), page: z.number().int(), pageSize: z.number().int() }),
    roles: ['manager'],
    writes: false,
  }),
} as const;

