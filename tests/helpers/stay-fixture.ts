/**
 * A clinic for the outcome and ward tests: staff of every role signed in, two doctors on shift
 * Monday to Saturday 09:00–17:30, a consultation room and a ward room, and a customer in
 * consultation today. Data through the real core; the clock is the test's.
 */
import { sql } from 'kysely';
import { addStaff, caller, createTestCore, signIn, type TestCore } from './test-core';

export type Result<T> = { ok: true; value: T } | { ok: false; status: number; error: { code: string; message: string; path?: unknown[]; details?: Record<string, unknown> } };

export interface StayClinic {
  core: TestCore;
  tokens: Record<'consultant' | 'doctor' | 'nurse' | 'reception' | 'guide' | 'manager' | 'display', string>;
  doctorId: number;
  otherDoctorId: number;
  wardRoomId: number;
  itemId: number;
  call<T = Record<string, unknown>>(method: string, input: unknown, token?: string): Promise<Result<T>>;
  /** Signs everyone in again (a session ends overnight when a test moves the clock a day on). */
  signInAgain(): Promise<void>;
  /** A customer checked in today and moved into consultation; returns her ids and the visit's version. */
  inConsultation(name?: string, phone?: string): Promise<{ customerId: number; visitId: number; version: number }>;
}

export async function createStayClinic(now: string): Promise<StayClinic> {
  const core = await createTestCore({ now });
  const db = core.database.db;
  const tokens = {} as StayClinic['tokens'];
  const ids = {} as Record<keyof StayClinic['tokens'], number>;
  for (const role of ['consultant', 'nurse', 'reception', 'guide', 'manager', 'display'] as const) {
    ids[role] = await addStaff(core, `${role}-员工`, role);
    tokens[role] = await signIn(core, ids[role]);
  }
  const doctorId = await addStaff(core, '李慧', 'doctor');
  ids.doctor = doctorId;
  tokens.doctor = await signIn(core, doctorId);
  const signInAgain = async () => {
    for (const role of Object.keys(ids) as (keyof StayClinic['tokens'])[]) tokens[role] = await signIn(core, ids[role]);
  };
  const otherDoctorId = await addStaff(core, '张振宇', 'doctor');
  const roomId = (await db.insertInto('rooms').values({ code: '301', name: '3 楼咨询一室', name_en: 'Consultation 3-1', floor: 3, kind: 'consultation' }).returning('id').executeTakeFirstOrThrow()).id;
  const wardRoomId = (await db.insertInto('rooms').values({ code: '401', name: '4 楼病房一', name_en: 'Ward 4-1', floor: 4, kind: 'ward' }).returning('id').executeTakeFirstOrThrow()).id;
  const itemId = (await db.insertInto('items').values({ code: 'eyelid', name: '双眼皮', name_en: 'Double eyelid' }).returning('id').executeTakeFirstOrThrow()).id;
  for (const id of [doctorId, otherDoctorId]) {
    for (let weekday = 1; weekday <= 6; weekday += 1) {
      await sql`insert into shift_templates (doctor_id, weekday, start_time, end_time, room_id, updated_at) values (${id}, ${weekday}, '09:00', '17:30', ${roomId}, ${now})`.execute(db);
    }
  }
  const call = <T,>(method: string, input: unknown, token = tokens.consultant) => core.dispatcher.dispatch(method, input, caller(token)) as Promise<Result<T>>;
  let phones = 0;
  const inConsultation = async (name = '王丽', phone?: string) => {
    phones += 1;
    const customerId = (
      await db
        .insertInto('customers')
        .values({ name, phone: phone ?? `1380013${String(8000 + phones)}`, address_form: `${name.slice(0, 1)}姐`, gender: 'female', birth_year: 1990, channel: 'phone', created_at: now, updated_at: now })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
    const checkIn = await call<{ visitId: number }>('visits.checkIn', { walkIn: { customerId, doctorId, itemId } }, tokens.reception);
    if (!checkIn.ok) throw new Error(checkIn.error.message);
    const { visitId } = checkIn.value;
    let version = 0;
    for (const to of ['called', 'in_consultation']) {
      const moved = await call<{ version: number }>('visits.transition', { visitId, to }, tokens.reception);
      if (!moved.ok) throw new Error(moved.error.message);
      version = moved.value.version;
    }
    return { customerId, visitId, version };
  };
  return { core, tokens, doctorId, otherDoctorId, wardRoomId, itemId, call, inConsultation, signInAgain };
}

/** BDDQ-AS answers: a negative screen and a positive one (q1, q2 yes and moderate distress). */
export const NEGATIVE_SCREEN = { q1: true, q2: false };
export const POSITIVE_SCREEN = { q1: true, q2: true, q3: 3, q4: 1, q5: 1, q6: 1, q7: false };
