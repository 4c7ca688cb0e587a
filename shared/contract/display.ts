/**
 * The lobby display (issue 5, item 3): the one method a TV may call besides signing in, so what a
 * screen in the lobby can ever learn is exactly what this schema lets through. Its shapes have no
 * field for a full name, a phone, a note or an item of interest; a name is masked on the server and
 * must contain a `*` to pass (DESIGN.md, privacy; PIPL Art. 25).
 */
import { z } from 'zod';
import { MASKED_NAME_MAX_LENGTH } from '../domain/masking';
import { DISPLAY_NAME_MODES } from '../domain/settings';
import { clinicDateSchema, emptyInputSchema, instantSchema } from './common';
import { defineMethod } from './define';

/** The day's ticket, `A012`, `W003`, `F001`. */
const ticketSchema = z.string().regex(/^[AWF]\d{3,}$/);

/** A name as the lobby may see it: masked (王*丽, 王**), so at least one `*`; never a full name. */
export const displayNameSchema = z.string().max(MASKED_NAME_MAX_LENGTH).regex(/\*/);

/** Where a called customer goes: the room's floor and its name in both languages. */
export const displayRoomSchema = z.object({
  floor: z.number().int(),
  nameZh: z.string(),
  nameEn: z.string(),
});

export const displayCallSchema = z.object({
  ticket: ticketSchema,
  /** Null when the clinic shows tickets only. */
  name: displayNameSchema.nullable(),
  /** Null when no room is set yet: the customer comes to the desk. */
  room: displayRoomSchema.nullable(),
  /** When the ticket was (last) called: a new call is a new `calledAt`. */
  calledAt: instantSchema,
});
export type DisplayCall = z.infer<typeof displayCallSchema>;

export const displayWaitingSchema = z.object({
  ticket: ticketSchema,
  name: displayNameSchema.nullable(),
});
export type DisplayWaiting = z.infer<typeof displayWaitingSchema>;

export const displayBoardSchema = z.object({
  clinicName: z.string(),
  clinicNameEn: z.string(),
  date: clinicDateSchema,
  /** The clinic's time zone, so the display's clock shows clinic time whatever the TV thinks. */
  timeZone: z.string(),
  /** The server's clock when this was read: a TV whose own clock is wrong still shows the right time. */
  now: instantSchema,
  /** Show the English line beneath each Chinese one. */
  showEnglish: z.boolean(),
  nameMode: z.enum(DISPLAY_NAME_MODES),
  /** Calls still being answered (called, or on the way with a guide), newest first. */
  called: z.array(displayCallSchema),
  /** The next tickets waiting, in the board's order (priority, then arrival). */
  waiting: z.array(displayWaitingSchema),
  /** How many wait in all, beyond those listed. */
  waitingTotal: z.number().int().min(0),
});
export type DisplayBoard = z.infer<typeof displayBoardSchema>;

export const displayMethods = {
  /** The lobby display's whole picture: recent calls and where to go, the next waiting, masked. */
  'display.board': defineMethod({
    summary: 'The lobby display: recent calls with floor and room, next waiting tickets, names masked',
    input: emptyInputSchema,
    output: displayBoardSchema,
    // The display itself, and the desk and the manager to preview what the lobby sees.
    roles: ['display', 'reception', 'manager'],
    writes: false,
  }),
} as const;
