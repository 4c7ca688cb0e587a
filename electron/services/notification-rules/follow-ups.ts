/**
 * No customer falls out of sight after surgery (issue 17): a concern from a follow-up call goes to
 * the doctor until answered; a call overdue by more than the setting (2 days) and a surgery
 * customer without a plan go to the manager; a low survey or complaint goes to the manager until
 * handled. Params carry masked names only.
 */
import { addDays, clinicDateOf, clinicInstant } from '../../../shared/domain/clinic-time';
import { daysOverdue } from '../../../shared/domain/follow-ups';
import { maskName } from '../../../shared/domain/masking';
import { openLowSurveys } from '../../db/repositories/surveys';
import { overdueCalls, surgeriesWithoutPlan, unansweredConcerns } from '../../db/repositories/follow-ups';
import type { NotificationRule } from './notification-rule';

/** How far back a completed surgery without a plan is still raised (older ones are history). */
export const SURGERY_WITHOUT_PLAN_DAYS = 30;

export const followUpConcernRule: NotificationRule = {
  kind: 'followUpConcern',
  async evaluate(db) {
    const rows = await unansweredConcerns(db);
    return rows.map((row) => ({
      subject: { kind: 'followupConcern', id: String(row.id) },
      escalation: 'raised',
      titleKey: 'notifications.followUpConcern.title',
      bodyKey: 'notifications.followUpConcern.body',
      params: { customer: maskName(row.name) },
      roles: ['doctor'],
      link: '#/concerns',
    }));
  },
};

export const followUpOverdueRule: NotificationRule = {
  kind: 'followUpOverdue',
  async evaluate(db, now, settings) {
    const today = clinicDateOf(now, settings.timeZone);
    const rows = await overdueCalls(db, addDays(today, -settings.followUpOverdueDays));
    return rows.map((row) => ({
      subject: { kind: 'followupStep', id: String(row.id) },
      escalation: `overdue+${settings.followUpOverdueDays}`,
      titleKey: 'notifications.followUpOverdue.title',
      bodyKey: 'notifications.followUpOverdue.body',
      params: { customer: maskName(row.name), days: daysOverdue(row.due_date, today) },
      roles: ['manager'],
      link: '#/follow-ups',
    }));
  },
};

export const surgeryWithoutPlanRule: NotificationRule = {
  kind: 'surgeryWithoutPlan',
  async evaluate(db, now, settings) {
    const since = clinicInstant(addDays(clinicDateOf(now, settings.timeZone), -SURGERY_WITHOUT_PLAN_DAYS), '00:00', settings.timeZone).toISOString();
    const rows = await surgeriesWithoutPlan(db, since, now.toISOString());
    return rows.map((row) => ({
      subject: { kind: 'surgeryAppointment', id: String(row.id) },
      escalation: 'noPlan',
      titleKey: 'notifications.surgeryWithoutPlan.title',
      bodyKey: 'notifications.surgeryWithoutPlan.body',
      params: { customer: maskName(row.name), date: clinicDateOf(row.starts_at, settings.timeZone) },
      roles: ['manager'],
      link: '#/follow-ups',
    }));
  },
};

export const surveyLowRule: NotificationRule = {
  kind: 'surveyLow',
  async evaluate(db) {
    const rows = await openLowSurveys(db);
    return rows.map((row) => ({
      subject: { kind: 'survey', id: String(row.id) },
      escalation: 'low',
      titleKey: 'notifications.surveyLow.title',
      bodyKey: 'notifications.surveyLow.body',
      params: { recommend: row.recommend ?? '–' },
      roles: ['manager'],
      link: '#/surveys',
    }));
  },
};
