/**
 * The queue board's cards, read for a clinic day (the snapshot) or for a few visits (a change
 * notice's, a move's answer) in the same form. A visit still in the clinic carries its wait
 * figures from its status events and its comfort timeline; a finished one (done, left unseen) only
 * how many comfort tasks were done: no lane shows it open, and on a busy afternoon finished visits
 * are nine cards in ten, whose events and tasks were most of the snapshot's reading (bench).
 */
import type { Kysely, Transaction } from 'kysely';
import type { BoardCard } from '../../shared/contract/visits';
import { isOverdue } from '../../shared/domain/comfort';
import { currentWaitStart, isFinished, waitedMinutes, waitLevel, type VisitEvent, type VisitStatus } from '../../shared/domain/visits';
import { comfortCountsOfFinishedVisits, comfortTasksOfOpenVisits, type ComfortTaskRow } from '../db/repositories/comfort-tasks';
import { openEscortsOfScope } from '../db/repositories/escorts';
import { escortDelay } from '../../shared/domain/escorts';
import { readSettings } from '../db/repositories/settings';
import { eventsOfOpenVisits, visitCardRows, type VisitScope } from '../db/repositories/visits';
import type { Database } from '../db/schema';

type Db = Kysely<Database> | Transaction<Database>;

/** A comfort task as a card shows it. */
export function comfortTaskView(row: ComfortTaskRow, now: Date): BoardCard['comfort'][number] {
  return {
    id: row.id,
    label: row.label,
    labelEn: row.label_en,
    dueAt: row.due_at,
    doneAt: row.done_at,
    doneBy: row.done_by_name,
    overdue: isOverdue({ dueAt: row.due_at, doneAt: row.done_at, cancelledAt: row.cancelled_at }, now),
    missedAt: row.cancelled_at,
  };
}

/** Values grouped by visit id, in the order read. */
function byVisit<Row extends { visit_id: number }, Value>(rows: readonly Row[], map: (row: Row) => Value): Map<number, Value[]> {
  const grouped = new Map<number, Value[]>();
  for (const row of rows) {
    const list = grouped.get(row.visit_id);
    if (list) list.push(map(row));
    else grouped.set(row.visit_id, [map(row)]);
  }
  return grouped;
}

/** The cards of a scope's visits, in arrival order, their wait figures at `now`. */
export async function readBoardCards(db: Db, scope: VisitScope, now: Date): Promise<BoardCard[]> {
  const settings = await readSettings(db);
  const rows = await visitCardRows(db, scope);
  if (rows.length === 0) return [];
  const open = rows.some((row) => !isFinished(row.status));
  const finished = rows.some((row) => isFinished(row.status));
  const events = open ? byVisit(await eventsOfOpenVisits(db, scope), (event): VisitEvent => ({ to: event.to_status as VisitStatus, at: event.at })) : new Map<number, VisitEvent[]>();
  const tasks = open ? byVisit(await comfortTasksOfOpenVisits(db, scope), (task) => comfortTaskView(task, now)) : new Map<number, BoardCard['comfort']>();
  const counts = new Map<number, { done: number; missed: number; total: number }>();
  if (finished) for (const row of await comfortCountsOfFinishedVisits(db, scope)) counts.set(row.visit_id, { done: row.done, missed: row.missed, total: row.total });
  // issue 14: the escort under way of each open visit, with its step and guide.
  const escorts = new Map<number, BoardCard['escort']>();
  if (open) {
    for (const escort of await openEscortsOfScope(db, scope)) {
      escorts.set(escort.visit_id, {
        id: escort.id,
        status: escort.status as NonNullable<BoardCard['escort']>['status'],
        guideName: escort.guide_name,
        to: { name: escort.to_name, nameEn: escort.to_name_en, floor: escort.to_floor },
        stepAt: escort.step_at,
        delayed: escortDelay(escort.status, escort.step_at, now, settings).delayed,
      });
    }
  }

  return rows.map((row) => {
    const over = isFinished(row.status);
    const own = events.get(row.id) ?? [];
    const waited = over ? null : waitedMinutes(own, now);
    const comfort = tasks.get(row.id) ?? [];
    return {
      visitId: row.id,
      clinicDate: row.clinic_date,
      version: row.version,
      ticket: row.ticket,
      kind: row.kind,
      status: row.status,
      priority: row.priority,
      arrivedAt: row.arrived_at,
      customer: { id: row.customer_id, name: row.customer_name, addressForm: row.address_form, tags: JSON.parse(row.tags) as string[] },
      item: row.item_name === null ? null : { nameZh: row.item_name, nameEn: row.item_name_en ?? '' },
      doctor: row.doctor_id === null ? null : { id: row.doctor_id, name: row.doctor_name ?? '' },
      room: row.room_id === null ? null : { id: row.room_id, name: row.room_name ?? '', nameEn: row.room_name_en ?? '', floor: row.room_floor ?? 0 },
      appointmentStartsAt: row.appointment_starts_at,
      waitingSince: row.status === 'waiting' ? currentWaitStart(own) : null,
      statusSince: over ? null : (own.at(-1)?.at ?? row.arrived_at),
      waitedMinutes: waited,
      waitLevel: row.status === 'waiting' && waited !== null ? waitLevel(waited, settings.waitAmberMinutes, settings.waitRedMinutes) : 'normal',
      comfort,
      comfortCount: over
        ? (counts.get(row.id) ?? { done: 0, missed: 0, total: 0 })
        : { done: comfort.filter((task) => task.doneAt !== null).length, missed: comfort.filter((task) => task.missedAt !== null).length, total: comfort.length },
      escort: escorts.get(row.id) ?? null,
    };
  });
}
