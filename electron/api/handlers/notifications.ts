import { requireActor, type HandlersOf } from '../context';
import type { Services } from './services';

/** The notification handlers: the caller's own notifications, marked read for the caller only. */
export function createNotificationHandlers(services: Services): HandlersOf<'notifications'> {
  return {
    'notifications.list': async (input, context) => ({
      ...(await services.notifications.list(context.db, requireActor(context), input)),
      now: context.now.toISOString(),
    }),

    'notifications.markRead': async (input, context) => {
      const actor = requireActor(context);
      const change = await services.notifications.markRead(context.db, actor, input.ids, context.now);
      context.audit({ target: `staff:${String(actor.staffId)}`, diff: { read: change.markedIds } });
      if (change.markedIds.length > 0) context.emit('notifications.read', { ids: change.markedIds });
      return { marked: change.markedIds.length, unreadCount: change.unreadCount };
    },

    'notifications.markAllRead': async (_input, context) => {
      const actor = requireActor(context);
      const change = await services.notifications.markAllRead(context.db, actor, context.now);
      context.audit({ target: `staff:${String(actor.staffId)}`, diff: { read: change.markedIds } });
      if (change.markedIds.length > 0) context.emit('notifications.read', { ids: change.markedIds });
      return { marked: change.markedIds.length, unreadCount: change.unreadCount };
    },
  };
}
