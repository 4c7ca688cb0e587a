import type { SessionInfo } from '../../../shared/contract/auth';
import { clinicDateOf } from '../../../shared/domain/clinic-time';
import { requireActor, type Actor, type HandlerContext, type HandlersOf } from '../context';
import type { Services } from './services';

export function createAuthHandlers(services: Services): HandlersOf<'auth'> {
  return {
    'auth.staff': (_input, { db, caller }) => services.auth.listStaff(db, caller.paired?.kind),

    'auth.signIn': async (input, context) => {
      const result = await services.auth.signIn(
        context.db,
        input,
        { device: context.caller.device, ...(context.caller.paired ? { kind: context.caller.paired.kind } : {}) },
        context.now,
      );
      context.audit({ target: `staff:${result.staff.id}`, staffId: result.staff.id, diff: { staffId: input.staffId } });
      return result;
    },

    'auth.signOut': async (_input, context) => {
      const actor = context.actor;
      if (!actor) return { ok: true };
      await services.auth.signOut(context.db, actor, context.now);
      context.audit({ target: `staff:${actor.staffId}`, diff: null });
      return { ok: true };
    },

    'auth.session': async (_input, context) => ({
      session: context.actor ? await sessionInfoOf(services, context, context.actor) : null,
    }),

    'auth.me': (_input, context) => sessionInfoOf(services, context, requireActor(context)),

    'auth.changePin': async (input, context) => {
      const actor = requireActor(context);
      await services.staff.changeOwnPin(context.db, actor.staffId, input, context.now);
      context.audit({ target: `staff:${actor.staffId}`, diff: { pin: 'changed' } });
      context.emit('staff.changed', { ids: [actor.staffId] });
      return { ok: true };
    },
  };
}

/** The signed-in staff member with the clinic's day and settings. */
async function sessionInfoOf(services: Services, context: HandlerContext, actor: Actor): Promise<SessionInfo> {
  const settings = await services.settings.get(context.db);
  return {
    staff: { id: actor.staffId, name: actor.name, role: actor.role, specialty: actor.specialty },
    mustChangePin: actor.mustChangePin === true,
    clinic: { today: clinicDateOf(context.now, settings.timeZone), settings },
  };
}
