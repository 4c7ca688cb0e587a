/**
 * The rules the scheduler runs, in the order they are evaluated. Adding one: see
 * ./notification-rule.ts.
 */
import type { NotificationRule } from './notification-rule';
import { rosterUnconfirmedRule } from './roster-unconfirmed';

export type { DueNotification, NotificationRule } from './notification-rule';

export const NOTIFICATION_RULES: readonly NotificationRule[] = [rosterUnconfirmedRule];
