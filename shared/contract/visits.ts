import { z } from 'zod';
import { STAFF_ROLES } from '../domain/roles';
import { ROOM_HOLDING_STATUSES } from '../domain/room-occupancy';
import { VISIT_KINDS, VISIT_STATUSES } from '../domain/visits';
import { clinicDateSchema, idSchema, instantSchema } from './common';
import { defineMethod } from './define';

/** Check-in: an appointment (typed or scanned), or a walk-in of a customer already on file. */
export const checkInSchema = z.union([
  z.object({ appointmentId: idSchema }).strict(),
  z
    .object({
      walkIn: z
        .object({ customerId: idSchema, doctorId: idSchema.optional(), itemId: idSchema.optional() })
        .strict(),
    })
    .strict(),
]);

export const checkInResultSchema = z.object({
  visitId: idSchema,
  ticket: z.string(),
  /** seed 004 rule 8: remember every customer — greet them by their address form, know their last visit. */
  greeting: z.object({
    addressForm: z.string().nullable(),
    name: z.string(),
    lastVisitAt: instantSchema.nullable(),
    notes: z.string(),
  }),
  /** Minutes against the appointment: negative early, positive late; null for a walk-in. */
  minutesLate: z.number().int().nullable(),
});

export const comfortTaskSchema = z.object({
  id: idSchema,
  label: z.string(),
  labelEn: z.string(),
  dueAt: instantSchema,
  doneAt: instantSchema.nullable(),
  doneBy: z.string().nullable(),
  overdue: z.boolean(),
  /** When it was withdrawn after falling due, undone: missed (counted, never to do any more). */
  missedAt: instantSchema.nullable(),
});
export type ComfortTaskView = z.infer<typeof comfortTaskSchema>;

/** The card's escort under way (issue 14): the step and the guide's name, never the note. */
export const cardEscortSchema = z.object({
  id: idSchema,
  status: z.enum(['requested', 'taken', 'picked_up', 'directions', 'delivered']),
  guideName: z.string().nullable(),
  to: z.object({ name: z.string(), nameEn: z.string(), floor: z.number().int() }),
  stepAt: instantSchema,
  delayed: z.boolean(),
});

export const boardCardSchema = z.object({
  visitId: idSchema,
  /** The clinic day of the visit, whose board shows the card. */
  clinicDate: clinicDateSchema,
  version: z.number().int(),
  ticket: z.string(),
  kind: z.enum(VISIT_KINDS),
  status: z.enum(VISIT_STATUSES),
  priority: z.number().int(),
  arrivedAt: instantSchema,
  customer: z.object({ id: idSchema, name: z.string(), addressForm: z.string().nullable(), tags: z.array(z.string()) }),
  item: z.object({ nameZh: z.string(), nameEn: z.string() }).nullable(),
  doctor: z.object({ id: idSchema, name: z.string() }).nullable(),
  room: z.object({ id: idSchema, name: z.string(), nameEn: z.string(), floor: z.number().int() }).nullable(),
  appointmentStartsAt: instantSchema.nullable(),
  /** When the current wait began (the live timer), or null when not waiting. */
  waitingSince: instantSchema.nullable(),
  /**
   * When the visit took its current status (a called customer's timer: called 4 min ago), or null
   * once the visit is over (issue 13 part 6: the called lane's cards had no timer).
   */
  statusSince: instantSchema.nullable(),
  /**
   * Every minute waited so far today, from the status events; null once the visit is over (done,
   * left unseen): the board shows no wait for it, and the day's wait figures are the report's.
   */
  waitedMinutes: z.number().int().nullable(),
  waitLevel: z.enum(['normal', 'amber', 'red']),
  /**
   * The comfort timeline while the customer is in the clinic: tasks due and done (withdrawn rounds
   * left out). Empty once the visit is over: `comfort.timeline` reads it when someone opens it.
   */
  comfort: z.array(comfortTaskSchema),
  /**
   * How many of the visit's comfort tasks were done, and missed (withdrawn after they fell due),
   * of how many (those withdrawn before they fell due left out).
   */
  comfortCount: z.object({ done: z.number().int().nonnegative(), missed: z.number().int().nonnegative(), total: z.number().int().nonnegative() }),
  /** The escort under way, if any (issue 14). */
  escort: cardEscortSchema.nullable(),
});
export type BoardCard = z.infer<typeof boardCardSchema>;

/** Who holds a room: called to it, on the way, or in it (issue 13 part 10). Staff-facing only. */
export const roomOccupancySchema = z.object({
  room: z.object({ id: idSchema, name: z.string(), nameEn: z.string(), floor: z.number().int() }).nullable(),
  occupants: z.array(
    z.object({
      visitId: idSchema,
      ticket: z.string(),
      status: z.enum(ROOM_HOLDING_STATUSES),
      name: z.string(),
      addressForm: z.string().nullable(),
    }),
  ),
});
export type RoomOccupancy = z.infer<typeof roomOccupancySchema>;

export const visitMethods = {
  /** Checks a customer in and gives them the day's next ticket of their kind (A, W, F). */
  'visits.checkIn': defineMethod({
    summary: 'Check in an appointment or a walk-in; returns the visit and its ticket',
    input: checkInSchema,
    output: checkInResultSchema,
    roles: ['reception', 'guide', 'manager'],
    writes: true,
  }),
  /** Moves a visit along the status machine; a move it does not allow is a conflict naming the current status. */
  'visits.transition': defineMethod({
    summary: "Change a visit's status (call, escort, consultation, done …)",
    input: z
      .object({
        visitId: idSchema,
        to: z.enum(VISIT_STATUSES),
        /** The card's version the staff member acted on: of two acting on one card, one wins. */
        expectedVersion: z.number().int().positive().optional(),
        roomId: idSchema.optional(),
        note: z.string().trim().max(200).optional(),
      })
      .strict(),
    output: boardCardSchema,
    roles: STAFF_ROLES,
    writes: true,
  }),
  /** Completes a comfort task in one click; of two staff completing one task, one wins. */
  'comfort.complete': defineMethod({
    summary: 'Complete a comfort task (tea, round, reassurance …)',
    input: z.object({ taskId: idSchema }).strict(),
    output: z.object({ ok: z.literal(true) }),
    roles: ['reception', 'guide', 'nurse', 'consultant', 'manager'],
    writes: true,
  }),
  /** One visit's comfort timeline, by due time: what a finished card shows when opened. */
  'comfort.timeline': defineMethod({
    summary: "A visit's comfort tasks, due and done",
    input: z.object({ visitId: idSchema }).strict(),
    output: z.object({ tasks: z.array(comfortTaskSchema) }),
    roles: STAFF_ROLES,
    writes: false,
  }),
  /** Adds a task by hand for a waiting customer (e.g. "bring a blanket in 10 min"). */
  'comfort.add': defineMethod({
    summary: 'Add a manual comfort task to a visit',
    input: z.object({ visitId: idSchema, label: z.string().trim().min(1).max(60), dueInMinutes: z.number().int().min(0).max(240) }).strict(),
    output: z.object({ ok: z.literal(true) }),
    roles: ['reception', 'guide', 'nurse', 'consultant', 'manager'],
    writes: true,
  }),
  /**
   * Before calling a customer to a room: the room (`roomId`, else the visit's own) and who is
   * already called to it, on the way or in it, so the screen warns and names them. Every screen
   * that calls to a room reads it; calling stays allowed.
   */
  'visits.roomOccupancy': defineMethod({
    summary: 'Who is in, called to or on the way to the room a visit would be called to',
    input: z.object({ visitId: idSchema, roomId: idSchema.optional() }).strict(),
    output: roomOccupancySchema,
    roles: STAFF_ROLES,
    writes: false,
  }),
  /** The queue board's snapshot of a clinic day (today by default). */
  'visits.board': defineMethod({
    summary: "A clinic day's visits for the queue board",
    input: z.object({ date: clinicDateSchema.optional() }).strict(),
    output: z.object({
      date: clinicDateSchema,
      cards: z.array(boardCardSchema),
      /** The server's clock when the snapshot was taken: live timers count from it, not from the browser's clock (`serve --demo-at` runs the server at another time). */
      now: instantSchema,
    }),
    roles: STAFF_ROLES,
    writes: false,
  }),
  /**
   * The current cards of a few visits, in the board's form: what a change notice names, so a board
   * replaces those cards instead of reading the whole day again. A visit not found is left out.
   */
  'visits.cards': defineMethod({
    summary: 'The current board cards of the given visits',
    input: z.object({ ids: z.array(idSchema).min(1).max(100) }).strict(),
    output: z.object({
      cards: z.array(boardCardSchema),
      /** The server's clock when they were read, as with `visits.board`. */
      now: instantSchema,
    }),
    roles: STAFF_ROLES,
    writes: false,
  }),
} as const;
