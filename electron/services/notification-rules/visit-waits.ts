/**
 * The two lobby rules (seed 004 rule 26: customers hate waiting most): a comfort task past its
 * due time, and a customer waiting past the red threshold. Told: reception, guides and the
 * manager; named by ticket and address form only, never a full name.
 */
import { clinicDateOf } from '../../../shared/domain/clinic-time';
import { currentWaitStart, waitedMinutes, type VisitStatus } from '../../../shared/domain/visits';
import { eventsOfVisits } from '../../db/repositories/visits';
import type { NotificationRule } from './notification-rule';

const LOBBY_ROLES = ['reception', 'guide', 'manager'] as const;

/** A comfort task (tea, a round, reassurance) not done by its time: once per task. */
export const comfortOverdueRule: NotificationRule = {
  kind: 'comfortOverdue',
  async evaluate(db, now, settings) {
    const rows = await db
      .selectFrom('comfort_tasks as k')
      .innerJoin('visits as v', 'v.id', 'k.visit_id')
      .innerJoin('customers as c', 'c.id', 'v.customer_id')
      .select(['k.id', 'k.label', 'k.label_en', 'k.due_at', 'v.id as visit_id', 'v.ticket', 'c.address_form'])
      .where('k.done_at', 'is', null)
      .where('k.cancelled_at', 'is', null)
      .where('k.due_at', '<', now.toISOString())
      .where('v.clinic_date', '=', clinicDateOf(now, settings.timeZone))
      .where('v.status', 'in', ['waiting', 'called'])
      .execute();
    return rows.map((row) => ({
      subject: { kind: 'comfortTask', id: String(row.id) },
      escalation: 'due',
      titleKey: 'visits.notify.comfortOverdue.title',
      bodyKey: 'visits.notify.comfortOverdue.body',
      params: { ticket: row.ticket, who: row.address_form ?? row.ticket, task: row.label, taskEn: row.label_en },
      roles: [...LOBBY_ROLES],
      link: `#/board/${String(row.visit_id)}`,
    }));
  },
};

/** A customer whose current wait passed the red threshold: once per stretch of waiting. */
export const waitRedRule: NotificationRule = {
  kind: 'waitRed',
  async evaluate(db, now, settings) {
    const waiting = await db
      .selectFrom('visits as v')
      .innerJoin('customers as c', 'c.id', 'v.customer_id')
      .select(['v.id', 'v.ticket', 'c.address_form'])
      .where('v.clinic_date', '=', clinicDateOf(now, settings.timeZone))
      .where('v.status', '=', 'waiting')
      .execute();
    if (waiting.length === 0) return [];
    const events = await eventsOfVisits(db, waiting.map((visit) => visit.id));
    return waiting.flatMap((visit) => {
      const own = events.filter((event) => event.visit_id === visit.id).map((event) => ({ to: event.to_status as VisitStatus, at: event.at }));
      const minutes = waitedMinutes(own, now);
      const since = currentWaitStart(own);
      if (minutes < settings.waitRedMinutes || !since) return [];
      return [
        {
          subject: { kind: 'visit', id: String(visit.id) },
          escalation: `red@${since}`,
          titleKey: 'visits.notify.waitRed.title' as const,
          bodyKey: 'visits.notify.waitRed.body' as const,
          params: { ticket: visit.ticket, who: visit.address_form ?? visit.ticket, minutes },
          roles: [...LOBBY_ROLES],
          link: `#/board/${String(visit.id)}`,
        },
      ];
    });
  },
};
