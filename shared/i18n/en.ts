import { coreMessages } from './catalog/core';
import { customersMessages } from './catalog/customers';
import { appointmentsMessages } from './catalog/appointments';
import { visitsMessages } from './catalog/visits';
import { rosterMessages } from './catalog/roster';
import { printingMessages } from './catalog/printing';
import { settingsMessages } from './catalog/settings';
import { notificationsMessages } from './catalog/notifications';
import { checklistsMessages } from './catalog/checklists';
import { comfortRulesMessages } from './catalog/comfort-rules';
import { displayMessages } from './catalog/display';
import { backupsMessages } from './catalog/backups';
import { privacyMessages } from './catalog/privacy';
import { reportMessages } from './catalog/report';
import { reportCareMessages } from './catalog/report-care';
import { escortsMessages } from './catalog/escorts';
import { staysMessages } from './catalog/stays';
import { devicesMessages } from './catalog/devices';
import { staffMessages } from './catalog/staff';
import { followUpsMessages } from './catalog/follow-ups';
import type { CountedMessage } from './catalog/define';
import type { MessageKey } from './zh';

/** The English catalogue: every key of the Chinese source, checked by the compiler. */
export const en: Record<MessageKey, string | CountedMessage> = {
  ...coreMessages.en,
  ...customersMessages.en,
  ...appointmentsMessages.en,
  ...visitsMessages.en,
  ...rosterMessages.en,
  ...printingMessages.en,
  ...settingsMessages.en,
  ...notificationsMessages.en,
  ...checklistsMessages.en,
  ...comfortRulesMessages.en,
  ...displayMessages.en,
  ...backupsMessages.en,
  ...privacyMessages.en,
  ...reportMessages.en,
  ...reportCareMessages.en,
  ...escortsMessages.en,
  ...staysMessages.en,
  ...devicesMessages.en,
  ...staffMessages.en,
  ...followUpsMessages.en,
};
