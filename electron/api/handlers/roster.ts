import { requireActor, type HandlersOf } from '../context';
import type { Services } from './services';

/** The roster handlers: call the service, describe the change for the audit row, queue notices. */
export function createRosterHandlers(services: Services): HandlersOf<'roster'> {
  return {
    'roster.week': (input, { db }) => services.roster.week(db, input.weekStart),

    'roster.today': (input, context) => services.roster.today(context.db, input.date, context.now),

    'roster.setTemplate': async (input, context) => {
      const change = await services.roster.setTemplate(context.db, input, requireActor(context).staffId, context.now);
      context.audit({ target: change.target, diff: change.diff });
      context.emit('roster.changed', { doctorIds: [input.doctorId] });
      return change.result;
    },

    'roster.setOverride': async (input, context) => {
      const change = await services.roster.setOverride(context.db, input, requireActor(context).staffId, context.now);
      context.audit({ target: change.target, diff: change.diff });
      context.emit('roster.changed', { doctorIds: [input.doctorId] });
      return change.result;
    },

    'roster.clearOverride': async (input, context) => {
      const change = await services.roster.clearOverride(context.db, input.doctorId, input.date);
      context.audit({ target: change.target, diff: change.diff });
      context.emit('roster.changed', { doctorIds: [input.doctorId] });
      return change.result;
    },

    'roster.confirm': async (input, context) => {
      const change = await services.roster.confirm(context.db, input, requireActor(context).staffId, context.now);
      context.audit({ target: change.target, diff: change.diff });
      context.emit('roster.changed', { doctorIds: [input.doctorId] });
      if (change.roomMovedIds.length > 0) context.emit('appointments.changed', { ids: change.roomMovedIds });
      return change.result;
    },

    'roster.moveAppointment': async (input, context) => {
      const change = await services.roster.moveAppointment(context.db, input, context.now);
      context.audit({ target: change.target, diff: change.diff });
      context.emit('appointments.changed', { ids: [change.result.appointmentId] });
      context.emit('roster.changed', { doctorIds: [change.result.fromDoctorId, change.result.toDoctorId] });
      if (change.visitId !== null) context.emit('visits.changed', { ids: [change.visitId] });
      return change.result;
    },

    'roster.toCallList': async (input, context) => {
      const change = await services.roster.toCallList(context.db, input.appointmentId, context.now);
      context.audit({ target: change.target, diff: change.diff });
      context.emit('appointments.changed', { ids: [input.appointmentId] });
      return change.result;
    },
  };
}
