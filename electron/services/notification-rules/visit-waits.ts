/**
 * The two lobby rules (seed 004 rule 26: customers hate waiting most): a comfort task past its
 * due time, and a customer waiting past the red threshold. Told: reception, guides and the
 * manager; named by ticket and address form only, never a full name.
 */
import { clinicDateOf } from '../../../shared/domain/clinic-time';
import { currentWaitStart, waitedMinutes, type VisitStatus } from '../../../shared/domain/visits';
import { overdueComfortTasks } from '../../db/repositories/comfort-tasks';
import { eventsOfVisits, waitingVisitsOfDay } from '../../db/repositories/visits';
import type { NotificationRule } from './notification-rule';

const LOBBY_ROLES = ['reception', 'guide', 'manager'] as const;

/** A comfort task (tea, a round, reassurance) not done by its time: once per task. */
export const comfortOverdueRule: NotificationRule = {
  kind: 'comfortOverdue',
  async evaluate(db, now, settings) {
    // Still in the lobby: waiting, or called and not yet gone in.
    const rows = await overdueComfortTasks(db, clinicDateOf(now, settings.timeZone), now.toISOString(), ['waiting', 'called']);
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
    const waiting = await waitingVisitsOfDay(db, clinicDateOf(now, settings.timeZone));
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
