import { clinicDateOf } from '../../../shared/domain/clinic-time';
import { requireActor, type HandlersOf } from '../context';
import type { Services } from './services';

export function createAuthHandlers(services: Services): HandlersOf<'auth'> {
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
  };
}
