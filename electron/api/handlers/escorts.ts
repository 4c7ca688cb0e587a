/**
 * Escorts, rooms and the hand-off note (issue 14). Change notices carry ids only — never the note,
 * never a name: `escorts.changed` for the guides' and room views, `visits.changed` for the board.
 */
import type { EscortAction } from '../../../shared/domain/escorts';
import { renderEscortDirections } from '../../services/escort-directions';
import { visitHasMedicalConsent } from '../../services/handoff-service';
import { requireActor, type HandlerContext, type HandlersOf } from '../context';
import type { Services } from './services';

export function createEscortHandlers(services: Services): HandlersOf<'escorts'> {
  const act = (action: EscortAction) => async (input: { escortId: number; reason?: string | undefined; plan?: string | undefined }, context: HandlerContext) => {
    const actor = requireActor(context);
    const escort = await services.escorts.act(context.db, action, input, { staffId: actor.staffId, role: actor.role }, context.now);
    // The reason is the desk's business; the receiver's plan belongs to the note and stays out of the log.
    context.audit({ target: `escort:${escort.id}`, diff: { action, status: escort.status, visitId: escort.visitId, ...(input.reason ? { reason: input.reason } : {}) } });
    context.emit('escorts.changed', { ids: [escort.id] });
    context.emit('visits.changed', { ids: [escort.visitId] });
    return escort;
  };
  return {
    'escorts.board': async (input, context) => ({ ...(await services.escorts.board(context.db, input.date, requireActor(context).staffId, context.now)), now: context.now.toISOString() }),
    'escorts.take': act('take'),
    'escorts.handBack': act('handBack'),
    'escorts.pickUp': act('pickUp'),
    'escorts.deliver': act('deliver'),
    'escorts.sendWithDirections': act('sendWithDirections'),
    'escorts.notFound': act('notFound'),
    'escorts.acknowledge': act('acknowledge'),
    'escorts.sendBack': act('sendBack'),
    'escorts.receiveAt': async (input, context) => {
      const actor = requireActor(context);
      const result = await services.escorts.receiveAt(context.db, actor.staffId, input.roomId, context.now);
      context.audit({ target: `staff:${actor.staffId}`, diff: { receivesAt: input.roomId } });
      return result;
    },
    'escorts.times': (input, context) => services.escorts.times(context.db, input.date, context.now),
    'escorts.directions': (input, context) => renderEscortDirections(context.db, input, context.caller.language, context.now),
  };
}

export function createRoomHandlers(services: Services): HandlersOf<'rooms'> {
  return {
    'rooms.list': (_input, context) => services.escorts.rooms(context.db),
    'rooms.update': async (input, context) => {
      const { before, after } = await services.escorts.updateRoom(context.db, input);
      const changed = Object.fromEntries(Object.entries(after).filter(([key, value]) => key !== 'version' && before[key as keyof typeof before] !== value).map(([key, value]) => [key, [before[key as keyof typeof before], value]]));
      context.audit({ target: `room:${after.id}`, diff: { ...changed, version: [before.version, after.version] } });
      context.emit('settings.changed', { keys: ['rooms'] });
      return after;
    },
  };
}

export function createHandoffHandlers(services: Services): HandlersOf<'handoff'> {
  const reader = (context: HandlerContext) => {
    const actor = requireActor(context);
    return { staffId: actor.staffId, role: actor.role, device: context.caller.device };
  };
  return {
    // The read audits itself (handoff-service.ts): reads run outside the dispatcher's audit.
    'handoff.get': async (input, context) => ({
      note: await services.handoff.read(context.db, reader(context), input.visitId, context.now),
      medicalConsent: await visitHasMedicalConsent(context.db, input.visitId),
    }),
    'handoff.save': async (input, context) => {
      const note = await services.handoff.save(context.db, reader(context), input, context.now);
      // Which fields changed, never their text: the audit log is read by more people than the note.
      // Recorded without her medical-information consent: said in the audit row (issue 20, PIPL Art. 29).
      const fields = Object.keys(input).filter((key) => key !== 'visitId' && key !== 'expectedVersion');
      const consented = await visitHasMedicalConsent(context.db, input.visitId);
      context.audit({ target: `visit:${input.visitId}`, diff: { handoffNote: fields, version: note.version, ...(consented ? {} : { withoutMedicalConsent: true }) } });
      context.emit('escorts.changed', { ids: [] });
      return note;
    },
  };
}
