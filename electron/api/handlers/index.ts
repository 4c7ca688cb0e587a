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
import { createPrivacyHandlers } from './privacy';
import { createReportHandlers } from './report';
import { createEscortHandlers, createHandoffHandlers, createRoomHandlers } from './escorts';
import { createAftercareHandlers, createOutcomeHandlers, createScreeningHandlers, createStayHandlers, createWardTaskHandlers } from './stays';
import { createDeviceHandlers } from './devices';
import { createAuditHandlers, createStaffHandlers } from './staff';
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
    ...createPrivacyHandlers(services),
    ...createReportHandlers(services),
    ...createEscortHandlers(services),
    ...createRoomHandlers(services),
    ...createHandoffHandlers(services),
    ...createOutcomeHandlers(services),
    ...createScreeningHandlers(services),
    ...createStayHandlers(services),
    ...createWardTaskHandlers(services),
    ...createAftercareHandlers(services),
    ...createDeviceHandlers(services),
    ...createStaffHandlers(services),
    ...createAuditHandlers(services),
    ...createFollowUpHandlers(services),
    ...createSurveyHandlers(services),
  };
}
