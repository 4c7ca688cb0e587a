/**
 * A daily checklist not done by its time (seed 000 step 4: the lobby prepared before opening;
 * seed 004 rules 14 and 17: ward supplies restocked, chargers and repellents counted each morning).
 * The checklists service says which are overdue; this rule turns each into one notification per
 * template per clinic day.
 */
import type { Kysely, Transaction } from 'kysely';
import { clinicTimeOf } from '../../../shared/domain/clinic-time';
import type { Role } from '../../../shared/domain/roles';
import { rolesOfTemplates } from '../../db/repositories/checklists';
import type { Database } from '../../db/schema';
import type { NotificationRule } from './notification-rule';

/** What the checklists service reports for each checklist past its time and not completed today. */
export interface OverdueChecklist {
  templateId: number;
  /** The Chinese name, and the English one (shown to English readers: see `…En` params in the renderer). */
  name: string;
  nameEn: string;
  /** The clinic day it was due. */
  date: string;
  /** The instant it was due (UTC ISO). */
  dueAt: string;
  /** The role the checklist is for, when the service says. */
  role?: Exclude<Role, 'display'> | undefined;
}

export type OverdueChecklists = (db: Kysely<Database> | Transaction<Database>, now: Date) => Promise<readonly OverdueChecklist[]>;

/** The rule over the checklists service's `overdueChecklists` (passed in, so this file stands alone). */
export function createChecklistOverdueRule(overdueChecklists: OverdueChecklists): NotificationRule {
  return {
    kind: 'checklistOverdue',
    async evaluate(db, now, settings) {
      const overdue = await overdueChecklists(db, now);
      if (overdue.length === 0) return [];
      // Told: whoever the checklist is for (its template's role), reception at the desk, and the manager.
      const templateRoles = new Map((await rolesOfTemplates(db, overdue.map((checklist) => checklist.templateId))).map((row) => [row.id, row.role]));
      return overdue.map((checklist) => {
        const roles = new Set<Exclude<Role, 'display'>>(['reception', 'manager']);
        const role = checklist.role ?? templateRoles.get(checklist.templateId);
        if (role) roles.add(role);
        return {
          subject: { kind: 'checklist', id: `${String(checklist.templateId)}@${checklist.date}` },
          escalation: 'due',
          titleKey: 'notifications.checklistOverdue.title',
          bodyKey: 'notifications.checklistOverdue.body',
          params: { name: checklist.name, nameEn: checklist.nameEn, due: clinicTimeOf(checklist.dueAt, settings.timeZone), date: checklist.date },
          roles: [...roles],
          link: '#/checklists',
        };
      });
    },
  };
}
