import { requireActor, type HandlersOf } from '../context';
import type { Services } from './services';

export function createVisitHandlers(services: Services): HandlersOf<'visits'> {
  return {
    'visits.checkIn': async (input, context) => {
      const actor = requireActor(context);
      const result = await services.visits.checkIn(context.db, input, actor.staffId, context.now);
      context.audit({ target: `visit:${result.visitId}`, diff: { checkedIn: input, ticket: result.ticket } });
      context.emit('visits.changed', { ids: [result.visitId] });
      if ('appointmentId' in input) context.emit('appointments.changed', { ids: [input.appointmentId] });
      return result;
    },
    'visits.transition': async (input, context) => {
      const actor = requireActor(context);
      const { card, from } = await services.visits.transition(context.db, input, actor.staffId, context.now);
      context.audit({ target: `visit:${card.visitId}`, diff: { status: [from, card.status], ...(input.note ? { note: input.note } : {}) } });
      context.emit('visits.changed', { ids: [card.visitId] });
      return card;
    },
    'visits.board': (input, context) => services.visits.board(context.db, input.date, context.now),
  };
}
