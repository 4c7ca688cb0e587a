/**
 * A ward task not done in time (seed 004 rules 4, 12: "增加第二天护士长查房制" — the head nurse checks
 * the rounds were kept): after `wardOverdueMinutes` the nurse on duty is told; after
 * `wardEscalateMinutes`, the head nurse. The console has no head-nurse role: the manager role
 * stands for her. Params name the room, the bed and the task — never the customer.
 */
import { clinicTimeOf } from '../../../shared/domain/clinic-time';
import { translate } from '../../../shared/i18n/messages';
import { overdueWardTasks } from '../../db/repositories/stays';
import type { DueNotification, NotificationRule } from './notification-rule';

export const wardOverdueRule: NotificationRule = {
  kind: 'wardOverdue',
  async evaluate(db, now, settings) {
    const before = new Date(now.getTime() - settings.wardOverdueMinutes * 60_000).toISOString();
    const due: DueNotification[] = [];
    for (const task of await overdueWardTasks(db, before)) {
      const minutes = Math.floor((now.getTime() - Date.parse(task.due_at)) / 60_000);
      const escalated = minutes >= settings.wardEscalateMinutes;
      const params = {
        room: task.room_name,
        roomEn: task.room_name_en,
        bed: task.bed,
        task: translate('zh-CN', `stays.task.${task.kind}`),
        taskEn: translate('en', `stays.task.${task.kind}`),
        due: clinicTimeOf(task.due_at, settings.timeZone),
        minutes,
      };
      due.push({
        subject: { kind: 'wardTask', id: String(task.id) },
        escalation: 'due',
        titleKey: 'notifications.wardOverdue.title',
        bodyKey: 'notifications.wardOverdue.body',
        params,
        roles: ['nurse'],
        link: '#/ward',
      });
      if (escalated) {
        due.push({
          subject: { kind: 'wardTask', id: String(task.id) },
          escalation: 'head',
          titleKey: 'notifications.wardEscalated.title',
          bodyKey: 'notifications.wardEscalated.body',
          params,
          roles: ['manager', 'nurse'],
          link: '#/ward',
        });
      }
    }
    return due;
  },
};
