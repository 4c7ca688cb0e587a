/**
 * Notifications (issue 5, item 6): what the scheduler raised for the caller's role — a roster not
 * confirmed by opening time, a checklist not done by its time, later an overdue comfort round or a
 * wait past red (seed 004 rule 26) — each with the hash route that opens the thing it is about.
 * Titles and bodies are message keys with parameters: every client shows them in its own language.
 * Read is per person.
 */
import { z } from 'zod';
import { STAFF_ROLES } from '../domain/roles';
import { emptyInputSchema, idSchema, instantSchema } from './common';
import { defineMethod } from './define';
import { NOTIFICATION_LINK } from './event-names';

/** A hash route of the console, e.g. `#/roster`. */
export const notificationLinkSchema = z.string().regex(NOTIFICATION_LINK);

export const notificationSchema = z.object({
  id: idSchema,
  /** The rule that raised it, e.g. `rosterUnconfirmed`. */
  kind: z.string(),
  /** What it is about, e.g. `{kind: 'rosterDay', id: '2026-11-23'}`. */
  subject: z.object({ kind: z.string(), id: z.string() }),
  /** Which step of the rule (a thing may be raised again when it gets worse), e.g. `opening`. */
  escalation: z.string(),
  titleKey: z.string(),
  bodyKey: z.string(),
  params: z.record(z.string(), z.union([z.string(), z.number()])),
  link: notificationLinkSchema,
  createdAt: instantSchema,
  /** When the caller read it; null while unread. */
  readAt: instantSchema.nullable(),
});
export type NotificationItem = z.infer<typeof notificationSchema>;

const markedSchema = z.object({ marked: z.number().int().min(0), unreadCount: z.number().int().min(0) });

export const notificationMethods = {
  /** The caller's role's notifications, newest first (at most `limit`), and how many the caller has not read. */
  'notifications.list': defineMethod({
    summary: "The caller's notifications, newest first, with the unread count",
    input: z.object({ unreadOnly: z.boolean().optional(), limit: z.number().int().min(1).max(200).optional() }).strict(),
    output: z.object({
      items: z.array(notificationSchema),
      unreadCount: z.number().int().min(0),
      /** The server's time of the answer: "how long ago" is measured on the clock that raised them. */
      now: instantSchema,
    }),
    roles: STAFF_ROLES,
    writes: false,
  }),
  /** Marks some of the caller's notifications read (for the caller only; others of the role still see them unread). */
  'notifications.markRead': defineMethod({
    summary: 'Mark notifications read for the caller',
    input: z.object({ ids: z.array(idSchema).min(1).max(500) }).strict(),
    output: markedSchema,
    roles: STAFF_ROLES,
    writes: true,
  }),
  /** Marks every notification of the caller's role read for the caller. */
  'notifications.markAllRead': defineMethod({
    summary: "Mark all of the caller's notifications read",
    input: emptyInputSchema,
    output: markedSchema,
    roles: STAFF_ROLES,
    writes: true,
  }),
} as const;
