import { recordAccess } from '../../services/privacy-service';
import { requireActor, type HandlerContext, type HandlersOf } from '../context';
import type { Services } from './services';

/**
 * PIPL Art. 51 (issue 20): a screen's result is as sensitive as the hand-off note, so each read of
 * one (its result reaches the reader) is in the access log — who, when, from which device — and
 * the customer's page shows managers who looked. No screen on file: nothing was read.
 */
async function logScreeningRead(context: HandlerContext, customerId: number, method: string): Promise<void> {
  const actor = requireActor(context);
  await recordAccess(context.db, customerId, 'screening', method, { staffId: actor.staffId, device: context.caller.device, screen: 'other' }, context.now);
}

/** The consultation's outcome (one transaction: bookings, follow-up call, the card moved on). */
export function createOutcomeHandlers(services: Services): HandlersOf<'outcomes'> {
  return {
    'outcomes.record': async (input, context) => {
      const actor = requireActor(context);
      const result = await services.outcomes.record(context.db, input, actor, context.now);
      // The audit keeps what was decided and booked, never the screen's answers.
      context.audit({
        target: `visit:${input.visitId}`,
        diff: { outcome: input.outcome, preOp: result.preOpAppointmentId, surgery: result.surgeryAppointmentId, followupCallOn: result.followupCallOn, ...(input.screeningDecision ? { screeningDecision: input.screeningDecision.decision } : {}) },
      });
      context.emit('visits.changed', { ids: [input.visitId] });
      const booked = [result.preOpAppointmentId, result.surgeryAppointmentId].filter((id): id is number => id !== null);
      if (booked.length > 0) context.emit('appointments.changed', { ids: booked });
      return result;
    },
    'outcomes.context': async (input, context) => {
      const result = await services.outcomes.context(context.db, input.visitId, context.now);
      if (result.screening) await logScreeningRead(context, result.customer.id, 'outcomes.context');
      return result;
    },
    'outcomes.recordConsent': async (input, context) => {
      const actor = requireActor(context);
      await services.outcomes.recordConsent(context.db, input, actor.staffId, context.now);
      context.audit({ target: `appointment:${input.appointmentId}`, diff: { consentSignedOn: input.signedOn } });
      return { ok: true };
    },
  };
}

/** The screen: the answers stay in their table; the audit row records only that one was taken. */
export function createScreeningHandlers(services: Services): HandlersOf<'screenings'> {
  return {
    'screenings.record': async (input, context) => {
      const actor = requireActor(context);
      const result = await services.screenings.record(context.db, input, actor.staffId, context.now);
      context.audit({ target: `customer:${input.customerId}`, diff: { screening: result.id } });
      return result;
    },
    'screenings.latest': async (input, context) => {
      const state = await services.screenings.state(context.db, input.customerId, context.now);
      if (state.screening) await logScreeningRead(context, input.customerId, 'screenings.latest');
      return { screening: state.screening, assessmentSuggested: state.assessmentSuggested, gate: state.gate };
    },
  };
}

export function createStayHandlers(services: Services): HandlersOf<'stays'> {
  return {
    'stays.admit': async (input, context) => {
      const actor = requireActor(context);
      const result = await services.stays.admit(context.db, input, actor.staffId, context.now);
      context.audit({ target: `stay:${result.stayId}`, diff: { admitted: input } });
      context.emit('stays.changed', { ids: [result.stayId] });
      return result;
    },
    'stays.board': async (_input, context) => ({ ...(await services.stays.board(context.db, context.now)), now: context.now.toISOString() }),
    'stays.infusion': async (input, context) => {
      await services.stays.infusion(context.db, input, context.now);
      context.audit({ target: `stay:${input.stayId}`, diff: { infusion: input.running } });
      context.emit('stays.changed', { ids: [input.stayId] });
      return { ok: true };
    },
    'stays.recordCare': async (input, context) => {
      await services.stays.recordCare(context.db, input, context.now);
      context.audit({ target: `stay:${input.stayId}`, diff: { care: input.kind } });
      context.emit('stays.changed', { ids: [input.stayId] });
      return { ok: true };
    },
    'stays.discharge': async (input, context) => {
      const actor = requireActor(context);
      const result = await services.stays.discharge(context.db, input, actor.staffId, context.now);
      context.audit({ target: `stay:${input.stayId}`, diff: { discharged: true, sheetGiven: true } });
      context.emit('stays.changed', { ids: [input.stayId] });
      return { ok: true, aftercareAgainAt: result.aftercareAgainAt };
    },
  };
}

export function createWardTaskHandlers(services: Services): HandlersOf<'wardTasks'> {
  return {
    'wardTasks.start': async (input, context) => {
      const actor = requireActor(context);
      const { stayId } = await services.stays.startTask(context.db, input.taskId, actor.staffId, context.now);
      context.audit({ target: `wardTask:${input.taskId}`, diff: { started: true, stayId } });
      context.emit('stays.changed', { ids: [stayId] });
      return { ok: true };
    },
    'wardTasks.complete': async (input, context) => {
      const actor = requireActor(context);
      const { stayId, warning } = await services.stays.completeTask(context.db, input, actor.staffId, context.now);
      context.audit({ target: `wardTask:${input.taskId}`, diff: { done: true, stayId, ...(warning ? { shortRound: warning.minutes } : {}) } });
      context.emit('stays.changed', { ids: [stayId] });
      return { ok: true, warning };
    },
  };
}

export function createAftercareHandlers(services: Services): HandlersOf<'aftercare'> {
  return {
    'aftercare.templates': async (_input, context) => ({ templates: await services.aftercare.templates(context.db) }),
    'aftercare.saveTemplate': async (input, context) => {
      const actor = requireActor(context);
      const saved = await services.aftercare.saveTemplate(context.db, input, actor.staffId, context.now);
      context.audit({ target: `aftercareTemplate:${saved.id}`, diff: input });
      return saved;
    },
    'aftercare.sheet': (input, context) => services.aftercare.sheet(context.db, input, context.caller.language, context.now),
    'aftercare.recordPrint': async (input, context) => {
      const result = await services.stays.recordAftercarePrint(context.db, input.stayId, context.now);
      context.audit({ target: `stay:${input.stayId}`, diff: { aftercarePrinted: true } });
      context.emit('stays.changed', { ids: [input.stayId] });
      return { ok: true, aftercareAgainAt: result.aftercareAgainAt };
    },
  };
}
