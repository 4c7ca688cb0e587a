/**
 * A small clinic for the escort tests: a lobby (1F), consultation rooms 401 and 402 (4F), an exam
 * room (2F); a receptionist, three guides, the consultant and a nurse of 401, a nurse of 402, a
 * doctor and a manager, each signed in; and 王晓丽 (王姐) checked in as a walk-in for 双眼皮.
 */
import type { DispatchResult } from '../../electron/api/dispatcher';
import { addStaff, caller, signIn, type TestCore } from './test-core';

export const ESCORT_CUSTOMER = { name: '王晓丽', addressForm: '王姐', phone: '13800138000' } as const;
export const ESCORT_ITEM = { name: '双眼皮', nameEn: 'Double eyelid' } as const;

export interface EscortClinic {
  rooms: { lobby: number; room401: number; room402: number; exam: number };
  tokens: Record<'reception' | 'guide' | 'guide2' | 'guide3' | 'consultant' | 'nurse401' | 'nurse402' | 'doctor' | 'manager', string>;
  staff: Record<'guide' | 'guide2' | 'doctor', number>;
  customerId: number;
  itemId: number;
  call<T>(who: keyof EscortClinic['tokens'], method: string, input: unknown): Promise<T>;
  attempt(who: keyof EscortClinic['tokens'], method: string, input: unknown): Promise<DispatchResult>;
}

export async function buildEscortClinic(core: TestCore): Promise<EscortClinic> {
  const db = core.database.db;
  const room = async (code: string, name: string, nameEn: string, floor: number, kind: 'lobby' | 'consultation' | 'exam', posX: number, posY: number) =>
    (
      await db
        .insertInto('rooms')
        .values({ code, name, name_en: nameEn, floor, kind, pos_x: posX, pos_y: posY, access: 'lift', directions: `乘电梯到 ${floor} 楼，右转`, directions_en: `Lift to floor ${floor}, turn right`, landmarks: '绿植墙对面', landmarks_en: 'Opposite the green wall' })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
  const rooms = {
    lobby: await room('101', '一楼大堂', 'Lobby', 1, 'lobby', 50, 20),
    room401: await room('401', '咨询室401', 'Consultation 401', 4, 'consultation', 70, 60),
    room402: await room('402', '咨询室402', 'Consultation 402', 4, 'consultation', 30, 60),
    exam: await room('201', '检验科', 'Laboratory', 2, 'exam', 60, 40),
  };
  const ids = {
    reception: await addStaff(core, '陈晓雨', 'reception'),
    guide: await addStaff(core, '赵敏', 'guide'),
    guide2: await addStaff(core, '孙婷', 'guide'),
    guide3: await addStaff(core, '钱芳', 'guide'),
    consultant: await addStaff(core, '周雅', 'consultant'),
    nurse401: await addStaff(core, '郑丽', 'nurse'),
    nurse402: await addStaff(core, '冯洁', 'nurse'),
    doctor: await addStaff(core, '李慧', 'doctor'),
    manager: await addStaff(core, '王主管', 'manager'),
  };
  const tokens = Object.fromEntries(await Promise.all(Object.entries(ids).map(async ([key, id]) => [key, await signIn(core, id)]))) as EscortClinic['tokens'];
  const stamp = core.clock.now().toISOString();
  const item = await db.insertInto('items').values({ code: 'escort-eyelid', name: ESCORT_ITEM.name, name_en: ESCORT_ITEM.nameEn }).returning('id').executeTakeFirstOrThrow();
  const customer = await db
    .insertInto('customers')
    .values({ name: ESCORT_CUSTOMER.name, address_form: ESCORT_CUSTOMER.addressForm, phone: ESCORT_CUSTOMER.phone, gender: 'female', birth_year: 1990, channel: 'phone', created_at: stamp, updated_at: stamp })
    .returning('id')
    .executeTakeFirstOrThrow();
  const attempt = (who: keyof EscortClinic['tokens'], method: string, input: unknown) => core.dispatcher.dispatch(method, input, caller(tokens[who]));
  const call = async <T>(who: keyof EscortClinic['tokens'], method: string, input: unknown): Promise<T> => {
    const result = await attempt(who, method, input);
    if (!result.ok) throw new Error(`${method} as ${who}: ${result.error.message}`);
    return result.value as T;
  };
  // The consultant and the nurse of 401 receive at 401; the other nurse at 402.
  await call('consultant', 'escorts.receiveAt', { roomId: rooms.room401 });
  await call('nurse401', 'escorts.receiveAt', { roomId: rooms.room401 });
  await call('nurse402', 'escorts.receiveAt', { roomId: rooms.room402 });
  return { rooms, tokens, staff: { guide: ids.guide, guide2: ids.guide2, doctor: ids.doctor }, customerId: customer.id, itemId: item.id, call, attempt };
}

/** Checks the customer in and calls her to 401: returns the visit and the escort the call made. */
export async function callToRoom(clinic: EscortClinic, roomId = clinic.rooms.room401): Promise<{ visitId: number; escortId: number }> {
  const { visitId } = await clinic.call<{ visitId: number }>('reception', 'visits.checkIn', { walkIn: { customerId: clinic.customerId, itemId: clinic.itemId } });
  await clinic.call('reception', 'visits.transition', { visitId, to: 'called', roomId });
  const board = await clinic.call<{ escorts: { id: number; visitId: number }[] }>('reception', 'escorts.board', {});
  const escort = board.escorts.find((each) => each.visitId === visitId);
  if (!escort) throw new Error('the call made no escort');
  return { visitId, escortId: escort.id };
}
