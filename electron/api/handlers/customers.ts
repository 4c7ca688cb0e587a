import { requireActor, type HandlersOf } from '../context';
import type { Services } from './services';

/** The customers handlers: each calls the customer service and describes its change. */
export function createCustomerHandlers(services: Services): HandlersOf<'customers'> {
  return {
    'customers.create': async (input, context) => {
      const customer = await services.customers.create(context.db, input, context.now);
      // The audit row names the record, not its personal data (phone and notes stay out of the log).
      context.audit({ target: `customer:${customer.id}`, diff: { created: true } });
      context.emit('customers.changed', { ids: [customer.id] });
      return customer;
    },

    'customers.update': async (input, context) => {
      const { before, after } = await services.customers.update(context.db, input, context.now);
      const changed = (Object.keys(after) as (keyof typeof after)[]).filter(
        (key) => !['version', 'updatedAt'].includes(key) && JSON.stringify(before[key]) !== JSON.stringify(after[key]),
      );
      context.audit({ target: `customer:${after.id}`, diff: { changed, version: [before.version, after.version] } });
      context.emit('customers.changed', { ids: [after.id] });
      return after;
    },

    'customers.get': (input, context) => {
      const actor = requireActor(context);
      return services.customers.get(context.db, input.id, { staffId: actor.staffId, device: context.caller.device, screen: input.screen }, context.now);
    },

    'customers.search': async (input, context) => ({ results: await services.customers.search(context.db, input.query, input.limit) }),
  };
}
