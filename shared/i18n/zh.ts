/**
 * The message catalogue, Simplified Chinese: the source language, merged from the domain
 * catalogues in ./catalog (one file per domain). Every key also exists in English (checked by
 * the compiler in each domain's file).
 */
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

export const zh = {
  ...coreMessages.zh,
  ...customersMessages.zh,
  ...appointmentsMessages.zh,
  ...visitsMessages.zh,
  ...rosterMessages.zh,
  ...printingMessages.zh,
  ...settingsMessages.zh,
  ...notificationsMessages.zh,
  ...checklistsMessages.zh,
  ...comfortRulesMessages.zh,
  ...displayMessages.zh,
  ...backupsMessages.zh,
  ...privacyMessages.zh,
  ...reportMessages.zh,
  ...reportCareMessages.zh,
  ...escortsMessages.zh,
  ...staysMessages.zh,
  ...devicesMessages.zh,
  ...staffMessages.zh,
  ...followUpsMessages.zh,
};

export type MessageKey = keyof typeof zh;
