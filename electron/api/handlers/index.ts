/**
 * The handler of every contract method, one file per domain: each handler a few lines that call a
 * service with the context's database, describe the change for the audit row and queue change
 * notices. The `Handlers` type makes a missing or extra method a compile error.
 */
import type { Handlers } from '../context';
import { createAppointmentHandlers } from './appointments';
import { createComfortHandlers, createVisitHandlers } from './visits';
import { createAuthHandlers } from './auth';
import { createChecklistHandlers } from './checklists';
import { createComfortRuleHandlers } from './comfort-rules';
import { createCustomerHandlers } from './customers';
import { createPrintHandlers } from './printing';
import { createRosterHandlers } from './roster';
import type { Services } from './services';
import { createSettingsHandlers } from './settings';
import { createNotificationHandlers } from './notifications';
import { createDisplayHandlers } from './display';
import { createBackupHandlers } from './backups';
import { createFollowUpHandlers, createSurveyHandlers } from './follow-ups';

export type { Services } from './services';

export function createHandlers(services: Services): Handlers {
  return {
    ...createAuthHandlers(services),
    ...createSettingsHandlers(services),
    ...createCustomerHandlers(services),
    ...createAppointmentHandlers(services),
    ...createVisitHandlers(services),
    ...createComfortHandlers(services),
    ...createComfortRuleHandlers(services),
    ...createRosterHandlers(services),
    ...createPrintHandlers(services),
    ...createChecklistHandlers(services),
    ...createNotificationHandlers(services),
    ...createDisplayHandlers(services),
    ...createBackupHandlers(services),
    ...createFollowUpHandlers(services),
    ...createSurveyHandlers(services),
  };
}
