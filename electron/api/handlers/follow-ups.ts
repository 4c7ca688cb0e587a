import { requireActor, type HandlersOf } from '../context';
import type { Services } from './services';

/** Follow-up plans, calls, concerns and the consultant step (issue 17). */
export function createFollowUpHandlers(services: Services): HandlersOf<'followUps'> {
  const followUps = services.followUps;
  return {
    'followUps.createPlan': async (input, context) => {
      const actor = requireActor(context);
      const result = await followUps.createPlan(context.db, input, actor.staffId, context.now);
      context.audit({ target: `followupPlan:${result.planId}`, diff: { created: input, steps: result.steps.length } });
      context.emit('followUps.changed', { customerIds: [input.customerId] });
      return result;
    },
    'followUps.plans': async (input, context) => ({ plans: await followUps.plansOf(context.db, input.customerId) }),
    'followUps.callList': (_input, context) => followUps.callList(context.db, context.now, { manager: requireActor(context).role === 'manager' }),
    'followUps.recordCall': async (input, context) => {
      const actor = requireActor(context);
      const result = await followUps.recordCall(context.db, input, actor.staffId, context.now);
      context.audit({ target: `followupStep:${input.stepId}`, diff: { outcome: input.outcome, attempts: result.attempts, ...(result.concernId ? { concernId: result.concernId } : {}) } });
      context.emit('followUps.changed', { customerIds: [result.customerId] });
      return { stepId: result.stepId, attempts: result.attempts, concernId: result.concernId };
    },
    'followUps.bookVisit': async (input, context) => {
      const actor = requireActor(context);
      const result = await followUps.bookVisit(context.db, input, { staffId: actor.staffId, role: actor.role }, context.now);
      context.audit({ target: `followupStep:${input.stepId}`, diff: { booked: result.appointment.id, date: input.date, time: input.time } });
      context.emit('appointments.changed', { ids: [result.appointment.id] });
      context.emit('followUps.changed', { customerIds: [result.appointment.customer.id] });
      return result;
    },
    'followUps.concerns': async (_input, context) => {
      const actor = requireActor(context);
      // A doctor sees their own concerns and those addressed to no one; everyone else sees all.
      return { concerns: await followUps.concerns(context.db, actor.role === 'doctor' ? actor.staffId : null) };
    },
    'followUps.answerConcern': async (input, context) => {
      const actor = requireActor(context);
      const result = await followUps.answerConcern(context.db, input, actor.staffId, context.now);
      context.audit({ target: `followupConcern:${input.concernId}`, diff: { answered: true } });
      context.emit('followUps.changed', { customerIds: [] });
      return result;
    },
    'followUps.visitCheck': (input, context) => followUps.visitCheck(context.db, input.visitId, context.now),
    'followUps.surgeonSeen': async (input, context) => {
      const result = await followUps.surgeonSeen(context.db, input.visitId, context.now);
      context.audit({ target: `visit:${input.visitId}`, diff: { surgeonSeenAt: result.surgeonSeenAt } });
      context.emit('followUps.changed', { customerIds: [] });
      return result;
    },
    'followUps.consultantSeen': async (input, context) => {
      const actor = requireActor(context);
      const result = await followUps.consultantSeen(context.db, input.visitId, actor.staffId, context.now);
      context.audit({ target: `visit:${input.visitId}`, diff: { consultantStartedAt: result.consultantStartedAt } });
      context.emit('visits.changed', { ids: [input.visitId] });
      // Every open board's and room view's chip of this visit (followUps.visitCheck) reads it again.
      context.emit('followUps.changed', { customerIds: [] });
      return result;
    },
  };
}

/** Satisfaction surveys (seed 000 step 10). */
export function createSurveyHandlers(services: Services): HandlersOf<'surveys'> {
  return {
    'surveys.submit': async (input, context) => {
      const actor = requireActor(context);
      const result = await services.surveys.submit(context.db, input, actor.staffId, context.now);
      // The answers themselves stay out of the audit row: a survey is the customer's word, not a change of record.
      context.audit({ target: `survey:${result.id}`, diff: { source: input.source, low: result.low } });
      context.emit('surveys.changed', { ids: [result.id] });
      return result;
    },
    'surveys.low': async (_input, context) => ({ surveys: await services.surveys.lowList(context.db) }),
    'surveys.handle': async (input, context) => {
      const actor = requireActor(context);
      const result = await services.surveys.handle(context.db, input, actor.staffId, context.now);
      context.audit({ target: `survey:${input.surveyId}`, diff: { handled: input.note } });
      context.emit('surveys.changed', { ids: [input.surveyId] });
      return result;
    },
  };
}
