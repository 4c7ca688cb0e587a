/**
 * An escort stuck at a step (issue 14; DESIGN.md: a transport system's "delayed", a supervisor
 * alerted when a set time passes with nothing resolved): not taken, taken and not picked up, or
 * waiting at the door unacknowledged, past the clinic's minutes. Told: the desk, the guides and
 * the manager; named by ticket and address form only — never a name, item or note.
 */
import { clinicDateOf } from '../../../shared/domain/clinic-time';
import { escortDelay, type EscortStatus } from '../../../shared/domain/escorts';
import { openEscortsForDelay } from '../../db/repositories/escorts';
import type { NotificationRule } from './notification-rule';

export const escortDelayedRule: NotificationRule = {
  kind: 'escortDelayed',
  async evaluate(db, now, settings) {
    const rows = await openEscortsForDelay(db, clinicDateOf(now, settings.timeZone));
    return rows.flatMap((row) => {
      const delay = escortDelay(row.status, row.step_at, now, settings);
      if (!delay.delayed) return [];
      const step = row.status as Extract<EscortStatus, 'requested' | 'taken' | 'delivered'>;
      return [
        {
          // Once per escort per step stretch: a hand-back starts a new stretch of "not taken".
          subject: { kind: 'escort', id: String(row.id) },
          escalation: `${step}@${row.step_at}`,
          titleKey: 'escorts.notify.delayed.title' as const,
          bodyKey: `escorts.notify.delayed.${step}` as const,
          params: { ticket: row.ticket, who: row.address_form ?? row.ticket, minutes: delay.minutes, floor: row.to_floor, room: row.to_name, roomEn: row.to_name_en },
          roles: step === 'delivered' ? ['reception', 'manager', 'consultant', 'nurse', 'doctor'] : ['reception', 'guide', 'manager'],
          link: '#/escorts',
        },
      ];
    });
  },
};
