/**
 * The stay on the ward (住院): admission to a bed, the ward's tasks (shared/domain/ward-tasks.ts)
 * stored once each, rounds with a start and an end, infusion checks while one runs, the ward
 * board, the aftercare sheet's print and discharge. Every method runs in the dispatcher's one
 * transaction; of two nurses acting on one task or stay, one wins and the other gets a conflict.
 */
import type { Kysely, Transaction } from 'kysely';
import type { WardBed, WardTaskView } from '../../../shared/contract/stays';
import { AppError } from '../../../shared/contract/errors';
import { addDays, clinicDateOf, clinicDayRange, clinicInstant } from '../../../shared/domain/clinic-time';
import type { Settings } from '../../../shared/domain/settings';
import {
  aftercareAgainDue,
  dayOfStay,
  infusionChecks,
  isTimedTask,
  planWardTasks,
  roundLength,
  ROUND_MIN_MINUTES,
  wardTaskState,
  type StayFacts,
  type WardRules,
} from '../../../shared/domain/ward-tasks';
import { findAppointmentDetail } from '../../db/repositories/appointments';
import { findCustomer } from '../../db/repositories/customers';
import { outcomeOfSurgery } from '../../db/repositories/outcomes';
import { readSettings } from '../../db/repositories/settings';
import {
  cancelOpenTasks,
  completeWardTask,
  findStay,
  findWardTask,
  insertStay,
  insertWardTasks,
  openStayInBed,
  openStayOfCustomer,
  openStays,
  openTaskOfKind,
  surgeryOfDay,
  startWardTask,
  tasksOfStays,
  touchStay,
  updateStayVersioned,
  wardRooms,
} from '../../db/repositories/stays';
import type { Database } from '../../db/schema';
import { onDischargedNoop, type OnDischarged } from './discharge-hook';

type Db = Kysely<Database> | Transaction<Database>;

/** How far ahead a stay's tasks are stored at admission and topped up by each change. */
export const PLAN_AHEAD_DAYS = 7;
/** Infusion checks stored ahead while an infusion runs (a longer drip is topped up by each check). */
const INFUSION_AHEAD_MS = 8 * 60 * 60_000;

export function wardRulesOf(settings: Settings): WardRules {
  return {
    roundTimes: settings.wardRoundTimes,
    nightRoundTimes: settings.wardNightRoundTimes,
    mealChoiceTimes: settings.wardMealChoiceTimes,
    gownTime: settings.wardGownTime,
    surgeonVisitTime: settings.wardSurgeonVisitTime,
    aftercareAgainTime: settings.aftercareAgainTime,
    medicineCostExplainAbove: settings.medicineCostExplainAbove,
    infusionCheckMinutes: settings.infusionCheckMinutes,
  };
}

export interface StayService {
  admit(db: Db, input: { customerId: number; roomId: number; bed: number; surgeryAppointmentId?: number | undefined }, staffId: number, now: Date): Promise<{ stayId: number; tasks: number }>;
  board(db: Db, now: Date): Promise<{ beds: WardBed[]; restaurants: string[] }>;
  infusion(db: Db, input: { stayId: number; running: boolean }, now: Date): Promise<void>;
  recordCare(db: Db, input: { stayId: number; kind: 'dressing' | 'stitches' }, now: Date): Promise<void>;
  startTask(db: Db, taskId: number, staffId: number, now: Date): Promise<{ stayId: number }>;
  completeTask(db: Db, input: { taskId: number; note?: string | undefined }, staffId: number, now: Date): Promise<{ stayId: number; warning: { kind: 'shortRound'; minutes: number; minimum: number } | null }>;
  recordAftercarePrint(db: Db, stayId: number, now: Date): Promise<{ aftercareAgainAt: string }>;
  discharge(db: Db, input: { stayId: number; expectedVersion: number }, staffId: number, now: Date): Promise<{ aftercareAgainAt: string; customerId: number }>;
  /**
   * Stores every open stay's planned tasks up to PLAN_AHEAD_DAYS after today (the scheduler's
   * daily job, ward-tasks-job.ts): a stay longer than a week keeps its rounds. Idempotent — a task
   * already stored (done, open or withdrawn) is never stored twice. Returns how many were added.
   */
  topUpOpenStays(db: Db, now: Date): Promise<number>;
}

export function createStayService(deps: { onDischarged?: OnDischarged } = {}): StayService {
  const onDischarged = deps.onDischarged ?? onDischargedNoop;

  async function openStay(db: Db, stayId: number, path: string) {
    const stay = await findStay(db, stayId);
    if (!stay) throw new AppError('not_found', 'error.notFound', { path: [path] });
    if (stay.discharged_at !== null) throw new AppError('conflict', 'stays.alreadyDischarged', { details: { stayId } });
    return stay;
  }

  /** Stores the stay's planned tasks from `from` to PLAN_AHEAD_DAYS after today; those already stored stay as they are. */
  async function topUp(db: Db, stay: StayFacts & { id: number }, from: Date, now: Date, settings: Settings) {
    const until = clinicInstant(addDays(clinicDateOf(now, settings.timeZone), PLAN_AHEAD_DAYS), '00:00', settings.timeZone);
    return insertWardTasks(db, stay.id, planWardTasks(stay, wardRulesOf(settings), from, until, settings.timeZone), now.toISOString());
  }

  const factsOf = (stay: { id: number; admitted_at: string; surgery_at: string | null; medicine_cost_yuan: number }): StayFacts & { id: number } => ({
    id: stay.id,
    admittedAt: stay.admitted_at,
    surgeryAt: stay.surgery_at,
    medicineCostYuan: stay.medicine_cost_yuan,
  });

  return {
    async admit(db, input, staffId, now) {
      const settings = await readSettings(db);
      if (!(await findCustomer(db, input.customerId))) throw new AppError('not_found', 'error.notFound', { path: ['customerId'] });
      const room = (await wardRooms(db)).find((candidate) => candidate.id === input.roomId);
      if (!room) throw new AppError('invalid', 'stays.notAWard', { path: ['roomId'] });
      if (input.bed > settings.wardBedsPerRoom) throw new AppError('invalid', 'stays.noSuchBed', { path: ['bed'], params: { beds: settings.wardBedsPerRoom } });
      if (await openStayInBed(db, input.roomId, input.bed)) throw new AppError('conflict', 'stays.bedTaken', { path: ['bed'] });
      if (await openStayOfCustomer(db, input.customerId)) throw new AppError('conflict', 'stays.alreadyAdmitted', { path: ['customerId'] });
      let surgeryAt: string | null = null;
      let itemId: number | null = null;
      let medicineCost = 0;
      // Without a surgery named, her surgery of today (the consultation booked it) is the stay's.
      const surgeryId = input.surgeryAppointmentId ?? (await surgeryOfDay(db, input.customerId, clinicDayRange(clinicDateOf(now, settings.timeZone), settings.timeZone)))?.id;
      if (surgeryId !== undefined) {
        const surgery = await findAppointmentDetail(db, surgeryId);
        if (!surgery || surgery.kind !== 'surgery' || surgery.customer_id !== input.customerId) {
          throw new AppError('invalid', 'stays.notHerSurgery', { path: ['surgeryAppointmentId'] });
        }
        surgeryAt = surgery.starts_at;
        itemId = surgery.item_id;
        medicineCost = (await outcomeOfSurgery(db, surgery.id))?.medicine_cost_yuan ?? 0;
      }
      const admittedAt = now.toISOString();
      const stayId = await insertStay(db, {
        customer_id: input.customerId,
        surgery_appointment_id: surgeryId ?? null,
        item_id: itemId,
        room_id: input.roomId,
        bed: input.bed,
        admitted_at: admittedAt,
        admitted_by: staffId,
        surgery_at: surgeryAt,
        medicine_cost_yuan: medicineCost,
        infusion_since: null,
        aftercare_printed_at: null,
        discharged_at: null,
        discharged_by: null,
      });
      const tasks = await topUp(db, { id: stayId, admittedAt, surgeryAt, medicineCostYuan: medicineCost }, now, now, settings);
      return { stayId, tasks };
    },

    async board(db, now) {
      const settings = await readSettings(db);
      const today = clinicDateOf(now, settings.timeZone);
      const { start, end } = clinicDayRange(today, settings.timeZone);
      const stays = await openStays(db);
      const tomorrowEnds = clinicDayRange(addDays(today, 1), settings.timeZone).end;
      const tasks = await tasksOfStays(db, stays.map((stay) => stay.id), tomorrowEnds, start);
      const tasksOf = new Map<number, WardTaskView[]>();
      const nextDayOf = new Map<number, WardTaskView[]>();
      for (const task of tasks) {
        const byStay = task.due_at < end ? tasksOf : nextDayOf;
        const list = byStay.get(task.stay_id) ?? [];
        list.push({
          id: task.id,
          kind: task.kind,
          dueAt: task.due_at,
          startedAt: task.started_at,
          doneAt: task.done_at,
          state: wardTaskState({ dueAt: task.due_at, doneAt: task.done_at }, now, settings.wardOverdueMinutes, settings.wardEscalateMinutes),
          note: task.note,
        });
        byStay.set(task.stay_id, list);
      }
      const beds: WardBed[] = [];
      for (const room of await wardRooms(db)) {
        const inRoom = stays.filter((stay) => stay.room_id === room.id);
        const count = Math.max(settings.wardBedsPerRoom, ...inRoom.map((stay) => stay.bed));
        for (let bed = 1; bed <= count; bed += 1) {
          const stay = inRoom.find((candidate) => candidate.bed === bed);
          beds.push({
            room: { id: room.id, name: room.name, nameEn: room.name_en, floor: room.floor },
            bed,
            stay: stay
              ? {
                  id: stay.id,
                  version: stay.version,
                  customerId: stay.customer_id,
                  addressForm: stay.address_form,
                  name: stay.name,
                  admittedAt: stay.admitted_at,
                  surgeryAt: stay.surgery_at,
                  dayOfStay: dayOfStay(stay.admitted_at, now, settings.timeZone),
                  infusionSince: stay.infusion_since,
                  aftercarePrintedAt: stay.aftercare_printed_at,
                  tasks: tasksOf.get(stay.id) ?? [],
                  nextDayTasks: nextDayOf.get(stay.id) ?? [],
                }
              : null,
          });
        }
      }
      return { beds, restaurants: settings.restaurantMenus };
    },

    async infusion(db, input, now) {
      const stay = await openStay(db, input.stayId, 'stayId');
      const settings = await readSettings(db);
      const stamp = now.toISOString();
      if (input.running) {
        if (stay.infusion_since !== null) throw new AppError('conflict', 'stays.infusionRunning');
        await touchStay(db, stay.id, { infusion_since: stamp });
        await insertWardTasks(db, stay.id, infusionChecks(stamp, settings.infusionCheckMinutes, now, new Date(now.getTime() + INFUSION_AHEAD_MS)), stamp);
      } else {
        if (stay.infusion_since === null) throw new AppError('conflict', 'stays.noInfusion');
        await touchStay(db, stay.id, { infusion_since: null });
        await cancelOpenTasks(db, stay.id, stamp, stamp, ['infusion_check']);
      }
    },

    async recordCare(db, input, now) {
      const stay = await openStay(db, input.stayId, 'stayId');
      // seed 004 rule 18: at stitch removal and each dressing change the aftercare is stressed again.
      await insertWardTasks(db, stay.id, [{ kind: 'explain_aftercare', dueAt: now.toISOString() }], now.toISOString());
      await touchStay(db, stay.id);
    },

    async startTask(db, taskId, staffId, now) {
      const task = await findWardTask(db, taskId);
      if (!task) throw new AppError('not_found', 'error.notFound', { path: ['taskId'] });
      if (!isTimedTask(task.kind)) throw new AppError('invalid', 'wardTasks.notARound', { path: ['taskId'] });
      await openStay(db, task.stay_id, 'taskId');
      if (!(await startWardTask(db, taskId, staffId, now.toISOString()))) throw new AppError('conflict', 'wardTasks.alreadyStarted');
      await touchStay(db, task.stay_id);
      return { stayId: task.stay_id };
    },

    async completeTask(db, input, staffId, now) {
      const task = await findWardTask(db, input.taskId);
      if (!task) throw new AppError('not_found', 'error.notFound', { path: ['taskId'] });
      const stay = await findStay(db, task.stay_id);
      if (!stay) throw new AppError('not_found', 'error.notFound', { path: ['taskId'] });
      if (task.done_at !== null || task.cancelled_at !== null) throw new AppError('conflict', 'wardTasks.alreadyDone');
      // seed 004 rule 12: a round has a start and an end; started first, then ended.
      if (isTimedTask(task.kind) && task.started_at === null) throw new AppError('conflict', 'wardTasks.notStarted');
      const stamp = now.toISOString();
      if (!(await completeWardTask(db, task.id, staffId, stamp, input.note ?? ''))) throw new AppError('conflict', 'wardTasks.alreadyDone');
      let warning: { kind: 'shortRound'; minutes: number; minimum: number } | null = null;
      if (isTimedTask(task.kind) && task.started_at !== null) {
        const length = roundLength(task.started_at, stamp, ROUND_MIN_MINUTES);
        if (length.short) warning = { kind: 'shortRound', minutes: length.minutes, minimum: ROUND_MIN_MINUTES };
      }
      if (stay.discharged_at === null) {
        const settings = await readSettings(db);
        await topUp(db, factsOf(stay), now, now, settings);
        if (task.kind === 'infusion_check' && stay.infusion_since !== null) {
          await insertWardTasks(db, stay.id, infusionChecks(stay.infusion_since, settings.infusionCheckMinutes, now, new Date(now.getTime() + INFUSION_AHEAD_MS)), stamp);
        }
      }
      await touchStay(db, stay.id);
      return { stayId: stay.id, warning };
    },

    async recordAftercarePrint(db, stayId, now) {
      const stay = await findStay(db, stayId);
      if (!stay) throw new AppError('not_found', 'error.notFound', { path: ['stayId'] });
      const settings = await readSettings(db);
      // seed 004 rule 13: the next day the aftercare is explained again.
      const aftercareAgainAt = aftercareAgainDue(now, wardRulesOf(settings), settings.timeZone);
      await insertWardTasks(db, stay.id, [{ kind: 'explain_aftercare', dueAt: aftercareAgainAt }], now.toISOString());
      await touchStay(db, stay.id, { aftercare_printed_at: now.toISOString() });
      return { aftercareAgainAt };
    },

    async discharge(db, input, staffId, now) {
      const stay = await openStay(db, input.stayId, 'stayId');
      if (stay.version !== input.expectedVersion) throw new AppError('conflict', 'error.conflict', { details: { currentVersion: stay.version } });
      // seed 004 rule 15: an unexplained extra charge is what customers resent.
      if (await openTaskOfKind(db, stay.id, 'explain_cost')) throw new AppError('conflict', 'stays.costNotExplained');
      const settings = await readSettings(db);
      const stamp = now.toISOString();
      // What was still open on the ward is withdrawn (the board no longer shows her bed).
      await cancelOpenTasks(db, stay.id, '', stamp);
      const aftercareAgainAt = aftercareAgainDue(now, wardRulesOf(settings), settings.timeZone);
      await insertWardTasks(
        db,
        stay.id,
        [
          { kind: 'farewell', dueAt: stamp }, // seed 004 rule 7: a smile at the door
          { kind: 'explain_aftercare', dueAt: aftercareAgainAt }, // seed 004 rule 13
        ],
        stamp,
      );
      if (!(await updateStayVersioned(db, stay.id, input.expectedVersion, { discharged_at: stamp, discharged_by: staffId, infusion_since: null }))) {
        throw new AppError('conflict', 'error.conflict');
      }
      await onDischarged(db, { customerId: stay.customer_id, stayId: stay.id, itemId: stay.item_id, surgeryAt: stay.surgery_at, dischargedAt: stamp });
      return { aftercareAgainAt, customerId: stay.customer_id };
    },

    async topUpOpenStays(db, now) {
      const settings = await readSettings(db);
      let added = 0;
      for (const stay of await openStays(db)) added += await topUp(db, factsOf(stay), now, now, settings);
      return added;
    },
  };
}
