/**
 * Notifications: raising one at most once per thing and escalation (the table's UNIQUE key does
 * the deduplication), listing a role's newest, and who read what.
 */
import { sql, type Kysely, type Selectable, type Transaction } from 'kysely';
import type { Role } from '../../../shared/domain/roles';
import type { Database, NotificationsTable } from '../schema';

type Db = Kysely<Database> | Transaction<Database>;
type StaffRole = Exclude<Role, 'display'>;

export interface NewNotification {
  kind: string;
  subjectKind: string;
  subjectId: string;
  escalation: string;
  titleKey: string;
  bodyKey: string;
  params: Record<string, string | number>;
  link: string;
  roles: readonly StaffRole[];
  createdAt: string;
}

/** A notification as a role's list reads it: the row, and when this person read it (null: unread). */
export type NotificationRow = Selectable<NotificationsTable> & { read_at: string | null };

/**
 * Inserts the notification unless one for the same kind, subject and escalation exists. Returns
 * the new id, or null when it was already raised (INSERT … ON CONFLICT DO NOTHING).
 */
export async function insertNotificationOnce(db: Db, notification: NewNotification): Promise<number | null> {
  const row = await db
    .insertInto('notifications')
    .values({
      kind: notification.kind,
      subject_kind: notification.subjectKind,
      subject_id: notification.subjectId,
      escalation: notification.escalation,
      title_key: notification.titleKey,
      body_key: notification.bodyKey,
      params: JSON.stringify(notification.params),
      link: notification.link,
      created_at: notification.createdAt,
    })
    .onConflict((conflict) => conflict.columns(['kind', 'subject_kind', 'subject_id', 'escalation']).doNothing())
    .returning('id')
    .executeTakeFirst();
  if (!row) return null;
  const roles = [...new Set(notification.roles)];
  if (roles.length > 0) {
    await db
      .insertInto('notification_roles')
      .values(roles.map((role) => ({ notification_id: row.id, role })))
      .execute();
  }
  return row.id;
}

/** A role's notifications, newest first, each with when `staffId` read it (null: unread). */
export async function listForRole(
  db: Db,
  role: StaffRole,
  staffId: number,
  options: { unreadOnly: boolean; limit: number },
): Promise<NotificationRow[]> {
  let query = db
    .selectFrom('notification_roles as r')
    .innerJoin('notifications as n', 'n.id', 'r.notification_id')
    .leftJoin('notification_reads as read', (join) =>
      join.onRef('read.notification_id', '=', 'n.id').on('read.staff_id', '=', staffId),
    )
    .where('r.role', '=', role)
    .select([
      'n.id',
      'n.kind',
      'n.subject_kind',
      'n.subject_id',
      'n.escalation',
      'n.title_key',
      'n.body_key',
      'n.params',
      'n.link',
      'n.created_at',
      'read.read_at',
    ])
    // Ids grow with time, so the role index gives newest first without a sort.
    .orderBy('r.notification_id', 'desc')
    .limit(options.limit);
  if (options.unreadOnly) query = query.where('read.read_at', 'is', null);
  return query.execute();
}

/** How many of a role's notifications `staffId` has not read. */
export async function countUnread(db: Db, role: StaffRole, staffId: number): Promise<number> {
  const row = await db
    .selectFrom('notification_roles as r')
    .where('r.role', '=', role)
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('notification_reads as read')
            .select(sql`1`.as('one'))
            .whereRef('read.notification_id', '=', 'r.notification_id')
            .where('read.staff_id', '=', staffId),
        ),
      ),
    )
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Of `ids`, those meant for `role` (a person may only mark their own as read). */
export async function idsForRole(db: Db, role: StaffRole, ids: readonly number[]): Promise<number[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .selectFrom('notification_roles')
    .where('role', '=', role)
    .where('notification_id', 'in', ids)
    .select('notification_id')
    .execute();
  return rows.map((row) => row.notification_id);
}

/** Every unread notification id of a role for `staffId`. */
export async function unreadIdsForRole(db: Db, role: StaffRole, staffId: number): Promise<number[]> {
  const rows = await listForRole(db, role, staffId, { unreadOnly: true, limit: 10_000 });
  return rows.map((row) => row.id);
}

/** Records that `staffId` read `ids` (already read ones keep their first time). */
export async function markRead(db: Db, staffId: number, ids: readonly number[], at: string): Promise<number> {
  if (ids.length === 0) return 0;
  const result = await db
    .insertInto('notification_reads')
    .values(ids.map((id) => ({ notification_id: id, staff_id: staffId, read_at: at })))
    .onConflict((conflict) => conflict.columns(['staff_id', 'notification_id']).doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0);
}

/** A raised notification as the desktop shell shows it: its text, link and who is told. */
export interface RaisedNotification {
  id: number;
  kind: string;
  title_key: string;
  body_key: string;
  params: string;
  link: string;
  created_at: string;
  roles: StaffRole[];
}

/** Notifications by id with the roles told (for the desktop shell, which shows each newly raised one). */
export async function findNotifications(db: Db, ids: readonly number[]): Promise<RaisedNotification[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .selectFrom('notifications')
    .where('id', 'in', ids)
    .select(['id', 'kind', 'title_key', 'body_key', 'params', 'link', 'created_at'])
    .orderBy('id')
    .execute();
  const roles = await db.selectFrom('notification_roles').where('notification_id', 'in', ids).select(['notification_id', 'role']).execute();
  return rows.map((row) => ({
    ...row,
    roles: roles.filter((each) => each.notification_id === row.id).map((each) => each.role as StaffRole),
  }));
}

/**
 * Marks every notification about one thing (`checklistOverdue` of `checklist` `3@2026-12-04`) as
 * read by everyone it was meant for: the thing is resolved (issue 13 part 6: a checklist completed
 * late kept its overdue notification unread on every desk). The ids resolved.
 */
export async function resolveForEveryone(db: Db, subject: { kind: string; subjectKind: string; subjectId: string }, at: string): Promise<number[]> {
  const rows = await db
    .selectFrom('notifications')
    .select('id')
    .where('kind', '=', subject.kind)
    .where('subject_kind', '=', subject.subjectKind)
    .where('subject_id', '=', subject.subjectId)
    .execute();
  const ids = rows.map((row) => row.id);
  if (ids.length === 0) return [];
  await db
    .insertInto('notification_reads')
    .columns(['notification_id', 'staff_id', 'read_at'])
    .expression(
      db
        .selectFrom('notification_roles as r')
        .innerJoin('staff as s', 's.role', 'r.role')
        .select(['r.notification_id', 's.id', sql<string>`${at}`.as('read_at')])
        .where('r.notification_id', 'in', ids),
    )
    .onConflict((conflict) => conflict.columns(['staff_id', 'notification_id']).doNothing())
    .execute();
  return ids;
}
