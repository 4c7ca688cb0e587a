/**
 * The rules the scheduler runs, in the order they are evaluated. Adding one: see
 * ./notification-rule.ts.
 */
import { overdueChecklists } from '../checklist-service';
import { createChecklistOverdueRule } from './checklist-overdue';
import type { NotificationRule } from './notification-rule';
import { rosterUnconfirmedRule } from './roster-unconfirmed';
import { comfortOverdueRule, waitRedRule } from './visit-waits';
import { followUpConcernRule, followUpOverdueRule, surgeryWithoutPlanRule, surveyLowRule } from './follow-ups';

export type { DueNotification, NotificationRule } from './notification-rule';

export const NOTIFICATION_RULES: readonly NotificationRule[] = [
  rosterUnconfirmedRule,
  createChecklistOverdueRule(overdueChecklists),
  comfortOverdueRule,
  waitRedRule,
  followUpConcernRule,
  followUpOverdueRule,
  surgeryWithoutPlanRule,
  surveyLowRule,
];
