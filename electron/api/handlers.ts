/**
 * The handler of every contract method: each one a few lines that call a service with the
 * context's database, describe the change for the audit row and queue change notices.
 */
import { clinicDateOf } from '../../shared/domain/clinic-time';
import type { AppointmentService } from '../services/appointment-service';
import type { AuthService } from '../services/auth-service';
import type { SettingsService } from '../services/settings-service';
import { requireActor, type Handlers } from './context';

export interface Services {
  auth: AuthService;
  settings: SettingsService;
  appointments: AppointmentService;
}

export function createHandlers(services: Services): Handlers {
  return {
    'auth.staff': (_input, { db }) => services.auth.listStaff(db),

    'auth.signIn': async (input, context) => {
      const result = await services.auth.signIn(context.db, input, context.caller.device, context.now);
      context.audit({ target: `staff:${result.staff.id}`, staffId: result.staff.id, diff: { staffId: input.staffId } });
      return result;
    },

    'auth.signOut': async (_input, context) => {
      const actor = requireActor(context);
      await services.auth.signOut(context.db, actor, context.now);
      context.audit({ target: `staff:${actor.staffId}`, diff: null });
      return { ok: true };
    },

    'auth.me': async (_input, context) => {
      const actor = requireActor(context);
      const settings = await services.settings.get(context.db);
      return {
        staff: { id: actor.staffId, name: actor.name, role: actor.role, specialty: actor.specialty },
        clinic: { today: clinicDateOf(context.now, settings.timeZone), settings },
      };
    },

    'settings.get': (_input, { db }) => services.settings.get(db),

    'settings.update': async (input, context) => {
      const actor = requireActor(context);
      const { settings, diff } = await services.settings.update(context.db, input, actor.staffId, context.now);
      context.audit({ target: 'settings', diff });
      context.emit('settings.changed', { keys: Object.keys(diff) });
      return settings;
    },

    'appointments.listDay': (input, context) => services.appointments.listDay(context.db, input.date, context.now),
  };
}
