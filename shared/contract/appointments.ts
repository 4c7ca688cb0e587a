import { z } from 'zod';
import { APPOINTMENT_KINDS, APPOINTMENT_STATUSES, CHANNELS } from '../domain/appointments';
import { STAFF_ROLES } from '../domain/roles';
import { VISIT_STATUSES } from '../domain/visits';
import { clinicDateSchema, idSchema, instantSchema } from './common';
import { defineMethod } from './define';

/** A clinic wall-clock time `HH:MM` on the quarter hour grid or any minute. */
export const clockTimeSchema = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, { message: 'validation.time' });

export const appointmentRowSchema = z.object({
  id: idSchema,
  startsAt: instantSchema,
  durationMinutes: z.number().int().positive(),
  status: z.enum(APPOINTMENT_STATUSES),
  kind: z.enum(APPOINTMENT_KINDS),
  channel: z.enum(CHANNELS),
  customer: z.object({
    id: idSchema,
    name: z.string(),
    /** The preferred form of address (称呼), e.g. 王姐. */
    addressForm: z.string().nullable(),
    /** Has this customer had an earlier visit? */
    returning: z.boolean(),
  }),
  item: z.object({ id: idSchema, nameZh: z.string(), nameEn: z.string() }).nullable(),
  doctor: z.object({ id: idSchema, name: z.string() }).nullable(),
  room: z.object({ id: idSchema, name: z.string(), nameEn: z.string(), floor: z.number().int() }).nullable(),
  /** The visit the customer was checked in as: their ticket and where they are now (null until they arrive). */
  visit: z.object({ ticket: z.string(), status: z.enum(VISIT_STATUSES) }).nullable(),
});
export type AppointmentRow = z.infer<typeof appointmentRowSchema>;

export const appointmentDetailSchema = appointmentRowSchema.extend({
  version: z.number().int(),
  bring: z.string(),
  notes: z.string(),
  cancelReason: z.string().nullable(),
  confirmedAt: instantSchema.nullable(),
  confirmedBy: z.string().nullable(),
  overridden: z.boolean(),
  calls: z.array(
    z.object({ outcome: z.enum(['confirmed', 'no_answer', 'rescheduled', 'cancelled']), note: z.string(), calledAt: instantSchema, staffName: z.string() }),
  ),
});
export type AppointmentDetail = z.infer<typeof appointmentDetailSchema>;

/** What the booking form sends: the same schema drives the form and the server. */
export const bookingSchema = z
  .object({
    customerId: idSchema,
    doctorId: idSchema,
    itemId: idSchema.nullable().optional(),
    kind: z.enum(APPOINTMENT_KINDS),
    channel: z.enum(CHANNELS),
    date: clinicDateSchema,
    time: clockTimeSchema,
    durationMinutes: z.number().int().min(5).max(480),
    bring: z.string().trim().max(200).optional(),
    notes: z.string().trim().max(1000).optional(),
    /** A manager books past the shift and overlap rules on purpose; audited. */
    override: z.boolean().optional(),
  })
  .strict();
export type BookingInput = z.infer<typeof bookingSchema>;

const versionedTarget = { id: idSchema, expectedVersion: z.number().int().positive() };

export const rescheduleSchema = z
  .object({
    ...versionedTarget,
    date: clinicDateSchema,
    time: clockTimeSchema,
    durationMinutes: z.number().int().min(5).max(480).optional(),
    doctorId: idSchema.optional(),
    override: z.boolean().optional(),
  })
  .strict();

export const CALL_OUTCOMES = ['confirmed', 'no_answer', 'rescheduled', 'cancelled'] as const;

export const doctorDaySchema = z.object({
  id: idSchema,
  name: z.string(),
  specialty: z.string().nullable(),
  /** In English (issue 13 part 11); null: none given. */
  specialtyEn: z.string().nullable(),
  shift: z.object({ start: clockTimeSchema, end: clockTimeSchema }).nullable(),
  room: z.object({ id: idSchema, name: z.string(), nameEn: z.string(), floor: z.number().int() }).nullable(),
  confirmation: z.enum(['present', 'late', 'absent']).nullable(),
  lateUntil: clockTimeSchema.nullable(),
});

export const callListEntrySchema = z.object({
  appointment: appointmentRowSchema,
  version: z.number().int(),
  /** Reception calls: the number in full. */
  phone: z.string(),
  bring: z.string(),
  /** Put on the list by the roster (doctor absent or late): to be moved, not just confirmed. */
  needsReschedule: z.boolean(),
  attempts: z.number().int(),
  lastOutcome: z.enum(CALL_OUTCOMES).nullable(),
  lastCalledAt: instantSchema.nullable(),
  message: z.object({ zh: z.string(), en: z.string() }),
});
export type CallListEntry = z.infer<typeof callListEntrySchema>;

const BOOKING_ROLES = ['reception', 'consultant', 'manager'] as const;

export const appointmentMethods = {
  /** One clinic day's appointments in time order (today when `date` is left out). */
  'appointments.listDay': defineMethod({
    summary: "A clinic day's appointments in time order",
    input: z.object({ date: clinicDateSchema.optional() }).strict(),
    output: z.object({ date: clinicDateSchema, appointments: z.array(appointmentRowSchema) }),
    roles: STAFF_ROLES,
    writes: false,
  }),
  /** The day view: every doctor on shift with hours, room and morning confirmation, and the day's appointments. */
  'appointments.dayView': defineMethod({
    summary: 'Doctors on shift and appointments of a clinic day, for the day view',
    input: z.object({ date: clinicDateSchema.optional() }).strict(),
    output: z.object({ date: clinicDateSchema, doctors: z.array(doctorDaySchema), appointments: z.array(appointmentRowSchema) }),
    roles: STAFF_ROLES,
    writes: false,
  }),
  /** Appointments over a range of days with filters, for the list view (at most 500). */
  'appointments.list': defineMethod({
    summary: 'Appointments between two clinic days, filtered',
    input: z
      .object({
        from: clinicDateSchema,
        to: clinicDateSchema,
        doctorId: idSchema.optional(),
        status: z.enum(APPOINTMENT_STATUSES).optional(),
        kind: z.enum(APPOINTMENT_KINDS).optional(),
        customerId: idSchema.optional(),
      })
      .strict(),
    output: z.object({ appointments: z.array(appointmentRowSchema), truncated: z.boolean() }),
    roles: STAFF_ROLES,
    writes: false,
  }),
  /** One appointment with its notes, confirmation and call history. */
  'appointments.get': defineMethod({
    summary: 'One appointment in detail',
    input: z.object({ id: idSchema }).strict(),
    output: appointmentDetailSchema,
    roles: STAFF_ROLES,
    writes: false,
  }),
  /** Books an appointment inside the doctor's shift, not overlapping; a manager may override. */
  'appointments.create': defineMethod({
    summary: 'Book an appointment',
    input: bookingSchema,
    output: appointmentDetailSchema,
    roles: BOOKING_ROLES,
    writes: true,
  }),
  /** Moves an appointment to another time (and doctor), by the same rules as booking. */
  'appointments.reschedule': defineMethod({
    summary: 'Reschedule an appointment',
    input: rescheduleSchema,
    output: appointmentDetailSchema,
    roles: BOOKING_ROLES,
    writes: true,
  }),
  /** Cancels with a reason. */
  'appointments.cancel': defineMethod({
    summary: 'Cancel an appointment with a reason',
    input: z.object({ ...versionedTarget, reason: z.string().trim().min(1).max(200) }).strict(),
    output: appointmentDetailSchema,
    roles: BOOKING_ROLES,
    writes: true,
  }),
  /** Marks a booking whose customer never came. */
  'appointments.markNoShow': defineMethod({
    summary: 'Mark an appointment as a no-show',
    input: z.object(versionedTarget).strict(),
    output: appointmentDetailSchema,
    roles: ['reception', 'manager'],
    writes: true,
  }),
  /** Tomorrow's confirmation calls (or another day's): every booking not yet confirmed. */
  'appointments.callList': defineMethod({
    summary: 'Confirmation call list of a day (tomorrow by default)',
    input: z.object({ date: clinicDateSchema.optional() }).strict(),
    output: z.object({ date: clinicDateSchema, entries: z.array(callListEntrySchema) }),
    roles: ['reception', 'manager'],
    writes: false,
  }),
  /** Records one confirmation call and what came of it. */
  'appointments.recordCall': defineMethod({
    summary: 'Record the outcome of a confirmation call',
    input: z
      .object({
        ...versionedTarget,
        outcome: z.enum(CALL_OUTCOMES),
        note: z.string().trim().max(300).optional(),
        /** For `rescheduled`: the new time, booked by the same rules. */
        newDate: clinicDateSchema.optional(),
        newTime: clockTimeSchema.optional(),
      })
      .strict()
      .refine((value) => value.outcome !== 'rescheduled' || (value.newDate && value.newTime), {
        message: 'validation.required',
        path: ['newTime'],
      })
      .refine((value) => value.outcome !== 'cancelled' || (value.note && value.note.length > 0), {
        message: 'validation.required',
        path: ['note'],
      }),
    output: appointmentDetailSchema,
    roles: ['reception', 'manager'],
    writes: true,
  }),
} as const;
