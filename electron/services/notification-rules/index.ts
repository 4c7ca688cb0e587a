/**
 * The rules the scheduler runs, in the order they are evaluated. Adding one: see
 * ./notification-rule.ts.
 */
import { overdueChecklists } from '../checklist-service';
import { createChecklistOverdueRule } from './checklist-overdue';
import type { NotificationRule } from './notification-rule';
import { reportKeptRule } from './report-kept';
import { rosterUnconfirmedRule } from './roster-unconfirmed';
import { comfortOverdueRule, waitRedRule } from './visit-waits';
import { escortDelayedRule } from './escort-delayed';
import { wardOverdueRule } from './ward-overdue';
import { followUpConcernRule, followUpOverdueRule, surgeryWithoutPlanRule, surveyLowRule } from './follow-ups';

export type { DueNotification, NotificationRule } from './notification-rule';

export const NOTIFICATION_RULES: readonly NotificationRule[] = [
  rosterUnconfirmedRule,
  createChecklistOverdueRule(overdueChecklists),
  comfortOverdueRule,
  waitRedRule,
  reportKeptRule,
  escortDelayedRule,
  wardOverdueRule,
  followUpConcernRule,
  followUpOverdueRule,
  surgeryWithoutPlanRule,
  surveyLowRule,
];
