import type { HandlersOf } from '../context';
import type { Services } from './services';

export function createAppointmentHandlers(services: Services): HandlersOf<'appointments'> {
  return {
    'appointments.listDay': (input, context) => services.appointments.listDay(context.db, input.date, context.now),
  };
}
