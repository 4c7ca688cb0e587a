/**
 * The doctors' roster (seed 000, reception flow step 4): weekly shift templates, per-day
 * overrides, and the morning confirmation — each doctor present, late (until when) or absent, and
 * the room — with the appointments an absent or late doctor puts at risk and the two ways to save
 * them: another doctor of the same specialty, or the call list to reschedule.
 *
 * Who may do what: every staff role reads the roster. Weekly templates are the clinic's plan and
 * a manager's to set. Day overrides (a doctor called in sick for tomorrow, a room swap) are what
 * the front desk hears first, so reception may set them as well as a manager. The morning
 * confirmation and its consequences (moving an appointment, the call list) are reception's job
 * (seed 000 step 4), with a manager standing in.
 */
import { z } from 'zod';
import { APPOINTMENT_STATUSES } from '../domain/appointments';
import { CLOCK_TIME_PATTERN, OVERRIDE_KINDS, ROSTER_STATUSES } from '../domain/roster';
import { STAFF_ROLES } from '../domain/roles';
import { clinicDateSchema, idSchema, instantSchema, okSchema } from './common';
import { defineMethod } from './define';

/** A wall-clock time `HH:MM` in the clinic's zone. */
export const clockTimeSchema = z.string().regex(CLOCK_TIME_PATTERN, { message: 'roster.validation.time' });

/** An ISO weekday: 1 = Monday … 7 = Sunday. */
export const weekdaySchema = z.number().int().min(1).max(7);

export const rosterRoomSchema = z.object({
  id: idSchema,
  code: z.string(),
  name: z.string(),
  nameEn: z.string(),
  floor: z.number().int(),
});
export type RosterRoom = z.infer<typeof rosterRoomSchema>;

export const rosterDoctorSchema = z.object({ id: idSchema, name: z.string(), specialty: z.string().nullable(), specialtyEn: z.string().nullable() });

const shiftHoursShape = { start: clockTimeSchema, end: clockTimeSchema, roomId: idSchema.nullable() };
const endAfterStart = (shift: { start: string; end: string }) => shift.start < shift.end;

/** Another doctor an affected appointment can be moved to: same specialty, on shift and free then. */
export const moveCandidateSchema = z.object({ doctorId: idSchema, name: z.string(), roomId: idSchema.nullable() });

/** An appointment an absent or late doctor puts at risk. */
export const affectedAppointmentSchema = z.object({
  id: idSchema,
  startsAt: instantSchema,
  durationMinutes: z.number().int().positive(),
  status: z.enum(APPOINTMENT_STATUSES),
  version: z.number().int(),
  customer: z.object({ id: idSchema, name: z.string(), addressForm: z.string().nullable() }),
  item: z.object({ nameZh: z.string(), nameEn: z.string() }).nullable(),
  /** Already on the call list to reschedule. */
  needsReschedule: z.boolean(),
  /** The customer has arrived and waits in the lobby with this ticket (only waiting customers are listed). */
  arrival: z.object({ ticket: z.string() }).nullable(),
  candidates: z.array(moveCandidateSchema),
});
export type AffectedAppointment = z.infer<typeof affectedAppointmentSchema>;

export const confirmationSchema = z.object({
  status: z.enum(ROSTER_STATUSES),
  lateUntil: clockTimeSchema.nullable(),
  room: rosterRoomSchema.nullable(),
  note: z.string(),
  confirmedBy: z.object({ id: idSchema, name: z.string() }),
  /** Also the token of an explicit change: send it back as `expectedConfirmedAt`. */
  confirmedAt: instantSchema,
});

/** One doctor of the day with their shift, the confirmation and what it puts at risk. */
export const todayDoctorSchema = z.object({
  doctor: rosterDoctorSchema,
  shift: z.object({ start: clockTimeSchema, end: clockTimeSchema, source: z.enum(['template', 'override']) }),
  /** The room of the shift (the template's or the override's). */
  room: rosterRoomSchema.nullable(),
  /** How many appointments the doctor has that day (not cancelled, not a no-show). */
  appointmentCount: z.number().int(),
  confirmation: confirmationSchema.nullable(),
  affected: z.array(affectedAppointmentSchema),
});
export type TodayDoctor = z.infer<typeof todayDoctorSchema>;

const dayShiftSchema = z.object({
  doctorId: idSchema,
  start: clockTimeSchema,
  end: clockTimeSchema,
  roomId: idSchema.nullable(),
  source: z.enum(['template', 'override']),
});

export const templateSchema = z.object({ doctorId: idSchema, weekday: weekdaySchema, ...shiftHoursShape });
export const overrideSchema = z.object({
  doctorId: idSchema,
  date: clinicDateSchema,
  kind: z.enum(OVERRIDE_KINDS),
  start: clockTimeSchema.nullable(),
  end: clockTimeSchema.nullable(),
  roomId: idSchema.nullable(),
  note: z.string(),
});
export type ShiftOverride = z.infer<typeof overrideSchema>;

/**
 * A day's override as the form loaded it (or null: there was none), sent back with a change so that
 * a change made meanwhile by someone else is a conflict, never silently overwritten (issue 19, part 6).
 */
export const expectedOverrideSchema = z
  .object({ kind: z.enum(OVERRIDE_KINDS), start: clockTimeSchema.nullable(), end: clockTimeSchema.nullable(), roomId: idSchema.nullable(), note: z.string().max(200) })
  .strict()
  .nullable();

export const setOverrideInputSchema = z
  .object({
    doctorId: idSchema,
    date: clinicDateSchema,
    expected: expectedOverrideSchema,
    kind: z.enum(OVERRIDE_KINDS),
    start: clockTimeSchema.optional(),
    end: clockTimeSchema.optional(),
    roomId: idSchema.optional(),
    note: z.string().trim().max(200).optional(),
  })
  .strict()
  .refine((input) => input.kind !== 'hours' || (input.start !== undefined && input.end !== undefined && input.start < input.end), {
    message: 'roster.validation.hours',
    path: ['end'],
  })
  .refine((input) => input.kind !== 'room' || input.roomId !== undefined, { message: 'roster.validation.room', path: ['roomId'] });

export const confirmInputSchema = z
  .object({
    date: clinicDateSchema,
    doctorId: idSchema,
    status: z.enum(ROSTER_STATUSES),
    /** Late: the time the doctor will be there. */
    lateUntil: clockTimeSchema.optional(),
    /** The room the doctor works in today, when it is not the planned one. */
    roomId: idSchema.optional(),
    note: z.string().trim().max(200).optional(),
    /** Changing an earlier confirmation: its `confirmedAt`, so two desks cannot overwrite each other. */
    expectedConfirmedAt: instantSchema.optional(),
  })
  .strict()
  .refine((input) => input.status !== 'late' || input.lateUntil !== undefined, { message: 'roster.validation.lateUntil', path: ['lateUntil'] });
export type ConfirmInput = z.infer<typeof confirmInputSchema>;

const WRITERS = ['reception', 'manager'] as const;

export const rosterMethods = {
  /** The week's templates and overrides, resolved per day, for the roster grid. */
  'roster.week': defineMethod({
    summary: "A week's shift templates, overrides and resolved shifts (doctors × days)",
    input: z.object({ weekStart: clinicDateSchema }).strict(),
    output: z.object({
      /** The Monday of the week asked for. */
      weekStart: clinicDateSchema,
      doctors: z.array(rosterDoctorSchema),
      rooms: z.array(rosterRoomSchema),
      templates: z.array(templateSchema),
      overrides: z.array(overrideSchema),
      days: z.array(z.object({ date: clinicDateSchema, weekday: weekdaySchema, shifts: z.array(dayShiftSchema) })),
    }),
    roles: STAFF_ROLES,
    writes: false,
  }),
  /** Sets (or with `shift: null` removes) a doctor's weekly shift on one weekday. Managers only: the plan is theirs. */
  'roster.setTemplate': defineMethod({
    summary: "Set or remove a doctor's weekly shift on one weekday (manager)",
    input: z
      .object({
        doctorId: idSchema,
        weekday: weekdaySchema,
        /** The weekday's shift as the form loaded it (null: none): a shift changed meanwhile is a conflict. */
        expected: z.object(shiftHoursShape).strict().nullable(),
        shift: z.object(shiftHoursShape).strict().refine(endAfterStart, { message: 'roster.validation.hours', path: ['end'] }).nullable(),
      })
      .strict(),
    output: okSchema,
    roles: ['manager'],
    writes: true,
  }),
  /** One day's change to a doctor's template: off, other hours, or another room. Reception hears it first. */
  'roster.setOverride': defineMethod({
    summary: "Set a doctor's day override: off, other hours or another room",
    input: setOverrideInputSchema,
    output: okSchema,
    roles: WRITERS,
    writes: true,
  }),
  /** Removes a day's override: the weekly template applies again. */
  'roster.clearOverride': defineMethod({
    summary: "Remove a doctor's day override",
    input: z.object({ doctorId: idSchema, date: clinicDateSchema }).strict(),
    output: okSchema,
    roles: WRITERS,
    writes: true,
  }),
  /** The day's doctors on shift with their morning confirmation, who made it and when, and the appointments at risk. */
  'roster.today': defineMethod({
    summary: "A clinic day's doctors on shift with the morning confirmation and affected appointments",
    input: z.object({ date: clinicDateSchema.optional() }).strict(),
    output: z.object({
      date: clinicDateSchema,
      doctors: z.array(todayDoctorSchema),
      rooms: z.array(rosterRoomSchema),
      confirmedCount: z.number().int(),
    }),
    roles: STAFF_ROLES,
    writes: false,
  }),
  /**
   * Confirms one doctor for the day: present, late (until when) or absent, and the room. Returns
   * the appointments at risk at once: all of an absent doctor's, a late doctor's starting before
   * `lateUntil`. A second desk confirming the same doctor gets `conflict` unless it sends the
   * `expectedConfirmedAt` of the confirmation it is changing.
   */
  'roster.confirm': defineMethod({
    summary: 'Confirm a doctor for the day (present / late / absent, room); lists affected appointments',
    input: confirmInputSchema,
    output: todayDoctorSchema,
    roles: WRITERS,
    writes: true,
  }),
  /**
   * Moves an appointment to another doctor of the same specialty who is on shift and free then;
   * takes their room. A customer already here moves too while still waiting (the visit follows);
   * one already called, with the doctor or done is refused with `conflict`.
   */
  'roster.moveAppointment': defineMethod({
    summary: 'Move an appointment to a free doctor of the same specialty on shift',
    input: z.object({ appointmentId: idSchema, toDoctorId: idSchema, expectedVersion: z.number().int().optional() }).strict(),
    output: z.object({ appointmentId: idSchema, fromDoctorId: idSchema, toDoctorId: idSchema, roomId: idSchema.nullable(), version: z.number().int() }),
    roles: WRITERS,
    writes: true,
  }),
  /** Puts an appointment on the confirmation call list to reschedule with the customer. */
  'roster.toCallList': defineMethod({
    summary: 'Put an appointment on the call list to reschedule',
    input: z.object({ appointmentId: idSchema }).strict(),
    output: z.object({ appointmentId: idSchema, needsReschedule: z.literal(true), version: z.number().int() }),
    roles: WRITERS,
    writes: true,
  }),
} as const;
