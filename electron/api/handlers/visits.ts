import { requireActor, type HandlersOf } from '../context';
import { roomOccupancy } from '../../services/room-occupancy';
import type { Services } from './services';

/** Comfort tasks: the same screen, the same change notice as the board. */
export function createComfortHandlers(services: Services): HandlersOf<'comfort'> {
  return {
    'comfort.complete': async (input, context) => {
      const actor = requireActor(context);
      const { visitId } = await services.comfort.complete(context.db, input.taskId, actor.staffId, context.now);
      context.audit({ target: `comfort:${input.taskId}`, diff: { done: true, visitId } });
      context.emit('visits.changed', { ids: [visitId] });
      return { ok: true };
    },
    'comfort.timeline': async (input, context) => ({ tasks: await services.comfort.timeline(context.db, input.visitId, context.now) }),
    'comfort.add': async (input, context) => {
      const actor = requireActor(context);
      const { visitId, taskId } = await services.comfort.add(context.db, input, actor.staffId, context.now);
      context.audit({ target: `comfort:${taskId}`, diff: input });
      context.emit('visits.changed', { ids: [visitId] });
      return { ok: true };
    },
  };
}

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
    'visits.roomOccupancy': async (input, context) => roomOccupancy(context.db, input),
    'visits.transition': async (input, context) => {
      const actor = requireActor(context);
      const { card, from } = await services.visits.transition(context.db, input, actor.staffId, context.now);
      context.audit({ target: `visit:${card.visitId}`, diff: { status: [from, card.status], ...(input.note ? { note: input.note } : {}) } });
      context.emit('visits.changed', { ids: [card.visitId] });
      return card;
    },
    // The server's time travels with the snapshot: the board's timers must not trust the browser's clock.
    'visits.board': async (input, context) => ({ ...(await services.visits.board(context.db, input.date, context.now)), now: context.now.toISOString() }),
    'visits.cards': async (input, context) => ({ cards: await services.visits.cards(context.db, input.ids, context.now), now: context.now.toISOString() }),
  };
}
