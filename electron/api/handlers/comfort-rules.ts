import { requireActor, type HandlersOf } from '../context';
import type { Services } from './services';

/** The comfort-rule handlers: read the rules; a manager's edit is audited and announced so open screens refresh. */
export function createComfortRuleHandlers(services: Services): HandlersOf<'comfortRules'> {
  return {
    'comfortRules.list': async (_input, context) => ({ rules: await services.comfortRules.list(context.db) }),

    'comfortRules.save': async (input, context) => {
      const change = await services.comfortRules.save(context.db, input, requireActor(context).staffId, context.now);
      context.audit({ target: change.target, diff: change.diff });
      context.emit('comfortRules.changed', { ids: [change.result.id] });
      return change.result;
    },
  };
}
