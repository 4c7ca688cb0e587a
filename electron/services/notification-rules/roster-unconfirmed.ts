/**
 * The roster not confirmed by opening time (seed 000, reception flow step 4: before opening, the
 * doctors of the day are confirmed one by one). At opening time reception is told; half an hour
 * later, if still not done, the manager is told too.
 */
import { clinicDateOf, clinicInstant, clinicTimeOf } from '../../../shared/domain/clinic-time';
import { resolveDayShifts } from '../roster-service';
import type { DueNotification, NotificationRule } from './notification-rule';

/** After opening, how long until a roster still unconfirmed goes to the manager as well. */
export const ROSTER_ESCALATION_MINUTES = 30;

export const rosterUnconfirmedRule: NotificationRule = {
  kind: 'rosterUnconfirmed',
  async evaluate(db, now, settings) {
    const date = clinicDateOf(now, settings.timeZone);
    const time = clinicTimeOf(now, settings.timeZone);
    if (time < settings.opensAt) return [];
    const shifts = await resolveDayShifts(db, date);
    const unconfirmed = shifts.filter((shift) => shift.confirmation === null).length;
    if (unconfirmed === 0) return [];

    const subject = { kind: 'rosterDay', id: date };
    const params = { date, opensAt: settings.opensAt, unconfirmed, total: shifts.length };
    const due: DueNotification[] = [
      {
        subject,
        escalation: 'opening',
        titleKey: 'notifications.rosterUnconfirmed.title',
        bodyKey: 'notifications.rosterUnconfirmed.body',
        params,
        roles: ['reception', 'manager'],
        link: '#/roster',
      },
    ];
    const escalatesAt = clinicInstant(date, settings.opensAt, settings.timeZone).getTime() + ROSTER_ESCALATION_MINUTES * 60_000;
    if (now.getTime() >= escalatesAt) {
      due.push({
        subject,
        escalation: `opening+${ROSTER_ESCALATION_MINUTES}`,
        titleKey: 'notifications.rosterUnconfirmed.escalatedTitle',
        bodyKey: 'notifications.rosterUnconfirmed.escalatedBody',
        params: { ...params, minutes: ROSTER_ESCALATION_MINUTES },
        roles: ['reception', 'manager'],
        link: '#/roster',
      });
    }
    return due;
  },
};
