/**
 * Two clinic days made for the report's tests, with a controlled clock and known events: Monday
 * 30 November 2026 and Tuesday 1 December (a month's end between them), walk-ins through the real
 * check-in and status moves at set minutes, comfort tasks done on time, late or not at all, a
 * visit that runs past the clinic's midnight, a customer sent back to wait, one who left, one
 * still waiting at the report's moment, and appointments cancelled (one reason with a phone typed
 * in it), marked no-show, or never checked in. The tests compute every figure again from the raw
 * rows this leaves and compare.
 */
import { addStaff, caller, createTestCore, signIn, type TestCore } from './test-core';

/** Asia/Shanghai (no daylight saving): clinic time `HH:MM` of a day as a UTC instant. */
export const at = (date: string, time: string) => new Date(`${date}T${time}:00+08:00`);

export const DAY_ONE = '2026-11-30';
export const DAY_TWO = '2026-12-01';
/** The report's moment: Tuesday 18:40 in the clinic, one customer still waiting. */
export const REPORT_NOW = at(DAY_TWO, '18:40');

/** Every customer of the days: names in several scripts, phones the PDF and CSV must never show. */
export const REPORT_CUSTOMERS = [
  { name: '王晓丽', phone: '13812345601' },
  { name: '欧阳娜娜', phone: '13812345602' },
  { name: '李雪', phone: '13812345603' },
  { name: '张美玲', phone: '13812345604' },
  { name: 'Alexandra Montgomery', phone: '13812345605' },
  { name: '陈思琪', phone: '13812345606' },
  { name: '刘芳', phone: '13812345607' },
  { name: '赵婉清', phone: '13812345608' },
] as const;

type Step = [minutesAfterArrival: number, to: 'called' | 'waiting' | 'escorting' | 'in_consultation' | 'done' | 'left'];
interface ScriptedVisit {
  customer: number;
  date: string;
  arrives: string;
  doctor: 0 | 1 | null;
  steps: Step[];
  /** Comfort tasks done: [task label (Chinese), minutes after arrival]. */
  comfort: [string, number][];
}

const TEA = '奉上茶水或温水';
const MAGAZINES = '送上杂志和 Wi-Fi 卡';

export const SCRIPT: ScriptedVisit[] = [
  // Monday.
  { customer: 0, date: DAY_ONE, arrives: '09:05', doctor: 0, steps: [[12, 'called'], [15, 'in_consultation'], [45, 'done']], comfort: [[TEA, 3], [MAGAZINES, 4]] },
  { customer: 1, date: DAY_ONE, arrives: '09:20', doctor: 0, steps: [[31, 'called'], [40, 'in_consultation'], [70, 'done']], comfort: [[TEA, 8], [MAGAZINES, 5]] },
  { customer: 2, date: DAY_ONE, arrives: '10:10', doctor: 1, steps: [[5, 'called'], [7, 'waiting'], [25, 'called'], [33, 'in_consultation'], [60, 'done']], comfort: [[TEA, 2]] },
  { customer: 3, date: DAY_ONE, arrives: '10:40', doctor: 1, steps: [[50, 'left']], comfort: [[TEA, 4], [MAGAZINES, 6]] },
  { customer: 4, date: DAY_ONE, arrives: '14:02', doctor: null, steps: [[9, 'called'], [10, 'escorting'], [14, 'in_consultation'], [40, 'done']], comfort: [[MAGAZINES, 3]] },
  // Past the clinic's midnight: arrives Monday 23:50, called and seen on Tuesday — Monday's visit.
  { customer: 5, date: DAY_ONE, arrives: '23:50', doctor: 1, steps: [[30, 'called'], [40, 'in_consultation'], [70, 'done']], comfort: [[TEA, 5]] },
  // Tuesday.
  { customer: 0, date: DAY_TWO, arrives: '09:30', doctor: 1, steps: [[20, 'called'], [22, 'in_consultation'], [50, 'done']], comfort: [[TEA, 1], [MAGAZINES, 1]] },
  { customer: 6, date: DAY_TWO, arrives: '11:15', doctor: 0, steps: [[44, 'called'], [50, 'in_consultation'], [80, 'done']], comfort: [[TEA, 9]] },
  // Still waiting at the report's moment (18:40): 40 minutes and counting.
  { customer: 7, date: DAY_TWO, arrives: '18:00', doctor: 0, steps: [], comfort: [[TEA, 2]] },
];

/** Appointments that did not come, by the day their start falls on. */
export const MISSED = [
  { starts: at(DAY_ONE, '11:00'), status: 'cancelled', reason: '顾客临时出差' },
  { starts: at(DAY_ONE, '15:00'), status: 'cancelled', reason: '改约，电话13900001111' },
  { starts: at(DAY_ONE, '16:00'), status: 'no_show', reason: null },
  // Still booked when Monday was over: a no-show too.
  { starts: at(DAY_ONE, '17:00'), status: 'booked', reason: null },
  { starts: at(DAY_TWO, '00:30'), status: 'cancelled', reason: '顾客临时出差' },
  // Tuesday evening, not yet due at 18:40: not a no-show.
  { starts: at(DAY_TWO, '19:30'), status: 'booked', reason: null },
] as const;

export interface ReportDays {
  core: TestCore;
  manager: string;
  reception: string;
  doctorNames: [string, string];
  customerIds: number[];
  visitIds: number[];
}

type Result = { ok: true; value: unknown } | { ok: false; error: { message: string } };

/** A core with the demo clinic and the two scripted days, its clock at REPORT_NOW. */
export async function createReportDays(): Promise<ReportDays> {
  const core = await createTestCore({ now: at(DAY_ONE, '08:00').toISOString() });
  const receptionId = await addStaff(core, '前台周婷', 'reception');
  const managerId = await addStaff(core, '经理孙悦', 'manager');
  let reception = await signIn(core, receptionId);
  const doctorNames: [string, string] = ['报表医生甲', '报表医生乙'];
  const doctorIds = [await addStaff(core, doctorNames[0], 'doctor'), await addStaff(core, doctorNames[1], 'doctor')];
  const call = async (method: string, input: unknown) => {
    let result = (await core.dispatcher.dispatch(method, input, caller(reception))) as Result;
    // A session lasts a shift: the desk signs in again after a long gap (the script spans two days).
    if (!result.ok && (result.error as { code?: string }).code === 'unauthenticated') {
      reception = await signIn(core, receptionId);
      result = (await core.dispatcher.dispatch(method, input, caller(reception))) as Result;
    }
    if (!result.ok) throw new Error(`${method} at ${core.clock.now().toISOString()}: ${result.error.message}`);
    return result.value as Record<string, unknown>;
  };
  const customerIds: number[] = [];
  for (const customer of REPORT_CUSTOMERS) customerIds.push((await call('customers.create', { name: customer.name, phone: customer.phone })).id as number);

  // Every action of the script at its minute, in time order, as a desk would have done them.
  const visitIds: number[] = new Array<number>(SCRIPT.length);
  const actions: { at: number; order: number; run: () => Promise<void> }[] = [];
  SCRIPT.forEach((visit, index) => {
    const arrival = at(visit.date, visit.arrives).getTime();
    const doctor = visit.doctor === null ? undefined : doctorIds[visit.doctor];
    actions.push({
      at: arrival,
      order: actions.length,
      run: async () => {
        const walkIn = { customerId: customerIds[visit.customer]!, ...(doctor ? { doctorId: doctor } : {}) };
        visitIds[index] = (await call('visits.checkIn', { walkIn })).visitId as number;
      },
    });
    for (const [minutes, to] of visit.steps) {
      actions.push({ at: arrival + minutes * 60_000, order: actions.length, run: async () => void (await call('visits.transition', { visitId: visitIds[index], to })) });
    }
    for (const [label, minutes] of visit.comfort) {
      actions.push({
        at: arrival + minutes * 60_000,
        order: actions.length,
        run: async () => {
          const task = await core.database.db
            .selectFrom('comfort_tasks')
            .select('id')
            .where('visit_id', '=', visitIds[index]!)
            .where('label', '=', label)
            .where('done_at', 'is', null)
            .where('cancelled_at', 'is', null)
            .orderBy('due_at')
            .executeTakeFirstOrThrow();
          await call('comfort.complete', { taskId: task.id });
        },
      });
    }
  });
  actions.sort((a, b) => a.at - b.at || a.order - b.order);
  for (const action of actions) {
    core.clock.set(new Date(action.at));
    await action.run();
  }

  const stamp = at(DAY_ONE, '08:00').toISOString();
  for (const missed of MISSED) {
    await core.database.db
      .insertInto('appointments')
      .values({
        customer_id: customerIds[0]!,
        doctor_id: doctorIds[0]!,
        kind: 'consultation',
        channel: 'phone',
        starts_at: missed.starts.toISOString(),
        duration_minutes: 30,
        status: missed.status,
        cancel_reason: missed.reason,
        created_at: stamp,
        updated_at: stamp,
      })
      .execute();
  }
  core.clock.set(REPORT_NOW);
  const manager = await signIn(core, managerId);
  reception = await signIn(core, receptionId);
  return { core, manager, reception, doctorNames, customerIds, visitIds };
}
