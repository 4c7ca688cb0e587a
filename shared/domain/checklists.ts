/**
 * Daily checklists as pure rules: a template must be done by its wall-clock time each clinic day
 * (seed 000 step 4 "接待准备": the lobby ready before the first appointment; seed 004 rules 14 and 17:
 * the wards restocked at the end of the day, their chargers and mosquito repellents counted each
 * morning). A run is done once someone completed it; until then it is pending, and overdue once
 * the clinic's clock passes the due time of the run's day.
 */
import { clinicDateOf, clinicInstant, type ClinicDate } from './clinic-time';

export const CHECKLIST_ITEM_KINDS = ['tick', 'count'] as const;
export type ChecklistItemKind = (typeof CHECKLIST_ITEM_KINDS)[number];

export const CHECKLIST_TICK_STATUSES = ['ok', 'missing'] as const;
export type ChecklistTickStatus = (typeof CHECKLIST_TICK_STATUSES)[number];

/**
 * Where a checklist stands (issue 13 part 6): nobody has touched it (`notStarted`), some items are
 * ticked (`inProgress`), its time has passed undone (`overdue`), done in time (`done`), or done
 * after its time (`doneLate`: a plain green "done" hid that it was late).
 */
export const CHECKLIST_STATUSES = ['notStarted', 'inProgress', 'overdue', 'done', 'doneLate'] as const;
export type ChecklistStatus = (typeof CHECKLIST_STATUSES)[number];

/**
 * Who may tick a checklist: the people who keep the lobby and the wards ready. A template's own
 * role says who it is FOR (it is listed first for them and named on the card), not who may tick
 * it: when the nurse is busy on the ward, reception counting the chargers is better than nobody.
 */
export const CHECKLIST_TICK_ROLES = ['reception', 'guide', 'nurse', 'manager'] as const;

/** The instant a checklist of `date` is due: its `HH:MM` on that clinic day. */
export function checklistDueAt(dueTime: string, date: ClinicDate, timeZone: string): Date {
  return clinicInstant(date, dueTime, timeZone);
}

/**
 * Where a checklist stands at `now`: `done` once its run is completed by its due time, `doneLate`
 * after it; else `overdue` after its due time on the run's clinic day (today when there is no run
 * yet); else `inProgress` once an item is ticked, `notStarted` before.
 *
 * @example checklistStatus({ dueTime: '08:45' }, null, new Date('2026-11-23T00:50:00Z'), 'Asia/Shanghai') // 'overdue'
 */
export function checklistStatus(
  template: { dueTime: string },
  run: { date?: ClinicDate; completedAt: string | null; ticked?: number } | null,
  now: Date,
  timeZone: string,
  date: ClinicDate = run?.date ?? clinicDateOf(now, timeZone),
): ChecklistStatus {
  const dueAt = checklistDueAt(template.dueTime, date, timeZone).getTime();
  if (run?.completedAt) return Date.parse(run.completedAt) > dueAt ? 'doneLate' : 'done';
  if (now.getTime() > dueAt) return 'overdue';
  return (run?.ticked ?? 0) > 0 ? 'inProgress' : 'notStarted';
}

/** A count item is short when fewer were counted than expected. */
export function isCountShort(expected: number | null, counted: number | null | undefined): boolean {
  return expected !== null && counted !== null && counted !== undefined && counted < expected;
}
