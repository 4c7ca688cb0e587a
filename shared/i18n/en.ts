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
  ...followUpsMessages.en,
};
