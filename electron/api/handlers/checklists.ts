import { requireActor, type HandlersOf } from '../context';
import type { Services } from './services';

/** The checklist handlers: call the service, describe the change for the audit row, queue notices. */
export function createChecklistHandlers(services: Services): HandlersOf<'checklists'> {
  return {
    'checklists.today': (input, context) => services.checklists.today(context.db, input.date, context.now),

    'checklists.tick': async (input, context) => {
      const change = await services.checklists.tick(context.db, input, requireActor(context).staffId, context.now);
      context.audit({ target: change.target, diff: change.diff });
      context.emit('checklists.changed', { templateIds: [input.templateId] });
      return change.result;
    },

    'checklists.complete': async (input, context) => {
      const change = await services.checklists.complete(context.db, input, requireActor(context).staffId, context.now, context.caller.language);
      context.audit({ target: change.target, diff: change.diff });
      context.emit('checklists.changed', { templateIds: [input.templateId] });
      if (change.resolvedNotifications?.length) context.emit('notifications.read', { ids: change.resolvedNotifications });
      return change.result;
    },

    'checklists.templates': (_input, context) => services.checklists.templates(context.db),

    'checklists.saveTemplate': async (input, context) => {
      const change = await services.checklists.saveTemplate(context.db, input, requireActor(context).staffId, context.now);
      context.audit({ target: change.target, diff: change.diff });
      context.emit('checklists.changed', { templateIds: [change.result.id] });
      return change.result;
    },
  };
}
