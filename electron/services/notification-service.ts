/**
 * What a person at the console sees of the notifications: those of their role, newest first, and
 * which they have read. Raising is the scheduler's (./scheduler.ts); this only reads and marks.
 */
import type { Kysely, Transaction } from 'kysely';
import type { NotificationItem } from '../../shared/contract/notifications';
import type { Role } from '../../shared/domain/roles';
import { countUnread, idsForRole, listForRole, markRead, unreadIdsForRole, type NotificationRow } from '../db/repositories/notifications';
import type { Database } from '../db/schema';

type Db = Kysely<Database> | Transaction<Database>;
type StaffRole = Exclude<Role, 'display'>;

/** The person asking: notifications are per role, read marks per person. */
export interface Reader {
  staffId: number;
  role: Role;
}

export interface NotificationService {
  /** The reader's role's notifications, newest first, and how many the reader has not read. */
  list(db: Db, reader: Reader, options: { unreadOnly?: boolean | undefined; limit?: number | undefined }): Promise<{ items: NotificationItem[]; unreadCount: number }>;
  /** Marks those of `ids` meant for the reader's role as read by the reader; returns the ids newly marked. */
  markRead(db: Db, reader: Reader, ids: readonly number[], now: Date): Promise<{ markedIds: number[]; unreadCount: number }>;
  /** Marks every notification of the reader's role as read by the reader. */
  markAllRead(db: Db, reader: Reader, now: Date): Promise<{ markedIds: number[]; unreadCount: number }>;
}

const DEFAULT_LIMIT = 50;

function toItem(row: NotificationRow): NotificationItem {
  return {
    id: row.id,
    kind: row.kind,
    subject: { kind: row.subject_kind, id: row.subject_id },
    escalation: row.escalation,
    titleKey: row.title_key,
    bodyKey: row.body_key,
    params: JSON.parse(row.params) as Record<string, string | number>,
    link: row.link,
    createdAt: row.created_at,
    readAt: row.read_at,
  };
}

/** The display role has no notifications (it may call nothing but its board). */
function staffRole(role: Role): StaffRole | null {
  return role === 'display' ? null : role;
}

/** The notification service; stateless, every call takes its database and clock. */
export function createNotificationService(): NotificationService {
  async function markFor(db: Db, reader: Reader, ids: readonly number[], now: Date) {
    const role = staffRole(reader.role);
    if (!role) return { markedIds: [], unreadCount: 0 };
    const unread = new Set(await unreadIdsForRole(db, role, reader.staffId));
    const mine = (await idsForRole(db, role, ids)).filter((id) => unread.has(id));
    await markRead(db, reader.staffId, mine, now.toISOString());
    return { markedIds: mine, unreadCount: await countUnread(db, role, reader.staffId) };
  }

  return {
    async list(db, reader, options) {
      const role = staffRole(reader.role);
      if (!role) return { items: [], unreadCount: 0 };
      const rows = await listForRole(db, role, reader.staffId, { unreadOnly: options.unreadOnly ?? false, limit: options.limit ?? DEFAULT_LIMIT });
      return { items: rows.map(toItem), unreadCount: await countUnread(db, role, reader.staffId) };
    },
    markRead: (db, reader, ids, now) => markFor(db, reader, ids, now),
    async markAllRead(db, reader, now) {
      const role = staffRole(reader.role);
      if (!role) return { markedIds: [], unreadCount: 0 };
      return markFor(db, reader, await unreadIdsForRole(db, role, reader.staffId), now);
    },
  };
}
