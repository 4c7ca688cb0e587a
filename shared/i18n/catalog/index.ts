/**
 * Every domain's messages: merged into the Chinese and English catalogues (../zh.ts, ../en.ts), and
 * read by the test that no two domains share a key.
 */
import { coreMessages } from './core';
import { customersMessages } from './customers';
import { appointmentsMessages } from './appointments';
import { visitsMessages } from './visits';
import { rosterMessages } from './roster';
import { printingMessages } from './printing';
import { settingsMessages } from './settings';
import { notificationsMessages } from './notifications';
import { checklistsMessages } from './checklists';
import { comfortRulesMessages } from './comfort-rules';
import { displayMessages } from './display';
import { backupsMessages } from './backups';
import { escortsMessages } from './escorts';
import { staffMessages } from './staff';
import { privacyMessages } from './privacy';
import { reportMessages } from './report';
import { staysMessages } from './stays';
import { devicesMessages } from './devices';
import { reportCareMessages } from './report-care';
import { followUpsMessages } from './follow-ups';

export const catalogs = {
  core: coreMessages,
  customers: customersMessages,
  appointments: appointmentsMessages,
  visits: visitsMessages,
  roster: rosterMessages,
  printing: printingMessages,
  settings: settingsMessages,
  notifications: notificationsMessages,
  checklists: checklistsMessages,
  comfortRules: comfortRulesMessages,
  display: displayMessages,
  backups: backupsMessages,
  escorts: escortsMessages,
  staff: staffMessages,
  privacy: privacyMessages,
  report: reportMessages,
  stays: staysMessages,
  devices: devicesMessages,
  reportCare: reportCareMessages,
  followUps: followUpsMessages,
};
