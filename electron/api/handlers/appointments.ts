import { requireActor, type HandlerContext, type HandlersOf } from '../context';
import type { BookingResult } from '../../services/booking-service';
import type { Services } from './services';

/** Audits a booking change and tells every client. */
function finish(context: HandlerContext, result: BookingResult) {
  context.audit({ target: `appointment:${result.appointment.id}`, diff: result.diff });
  context.emit('appointments.changed', { ids: [result.appointment.id] });
  return result.appointment;
}

export function createAppointmentHandlers(services: Services): HandlersOf<'appointments'> {
  const actorOf = (context: HandlerContext) => {
    const actor = requireActor(context);
    return { staffId: actor.staffId, role: actor.role };
  };
  return {
    'appointments.listDay': (input, context) => services.appointments.listDay(context.db, input.date, context.now),
    'appointments.dayView': (input, context) => services.appointments.dayView(context.db, input.date, context.now),
    'appointments.list': (input, context) => services.appointments.list(context.db, input),
    'appointments.get': (input, context) => services.appointments.get(context.db, input.id),
    'appointments.callList': (input, context) => services.appointments.callList(context.db, input.date, context.now),
    'appointments.create': async (input, context) => finish(context, await services.booking.create(context.db, input, actorOf(context), context.now)),
    'appointments.reschedule': async (input, context) =>
      finish(context, await services.booking.reschedule(context.db, input, actorOf(context), context.now)),
    'appointments.cancel': async (input, context) => finish(context, await services.booking.cancel(context.db, input, actorOf(context), context.now)),
    'appointments.markNoShow': async (input, context) =>
      finish(context, await services.booking.markNoShow(context.db, input, actorOf(context), context.now)),
    'appointments.recordCall': async (input, context) =>
      finish(context, await services.booking.recordCall(context.db, input, actorOf(context), context.now)),
  };
}
