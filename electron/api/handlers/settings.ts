import { requireActor, type HandlersOf } from '../context';
import type { Services } from './services';

export function createSettingsHandlers(services: Services): HandlersOf<'settings'> {
  return {
    'settings.get': (_input, { db }) => services.settings.get(db),

    'settings.update': async (input, context) => {
      const actor = requireActor(context);
      const { settings, diff } = await services.settings.update(context.db, input, actor.staffId, context.now);
      context.audit({ target: 'settings', diff });
      context.emit('settings.changed', { keys: Object.keys(diff) });
      return settings;
    },
  };
}
