import { requireActor, type HandlersOf } from '../context';
import type { Services } from './services';

/** A logo in the audit log is its size, not 200 KB of base64. */
function compactLogo(value: unknown): unknown {
  return typeof value === 'string' && value.startsWith('data:') ? `${value.slice(0, value.indexOf(','))} (${value.length} chars)` : value;
}

export function createSettingsHandlers(services: Services): HandlersOf<'settings' | 'items'> {
  return {
    'settings.get': (_input, { db }) => services.settings.get(db),

    'settings.update': async (input, context) => {
      const actor = requireActor(context);
      const { expected, ...patch } = input;
      const { settings, diff } = await services.settings.update(context.db, patch, actor.staffId, context.now, expected);
      const logo = diff.logo;
      context.audit({ target: 'settings', diff: logo ? { ...diff, logo: [compactLogo(logo[0]), compactLogo(logo[1])] } : diff });
      context.emit('settings.changed', { keys: Object.keys(diff) });
      return settings;
    },

    'items.list': (input, { db }) => services.items.list(db, input.includeInactive ?? false),

    'items.save': async (input, context) => {
      const { item, diff } = await services.items.save(context.db, input);
      context.audit({ target: `item:${item.id}`, diff });
      context.emit('items.changed', { ids: [item.id] });
      return item;
    },
  };
}
