/**
 * One appointment as a slip shows it: 王晓丽 (称呼 王姐, phone 13800138000), a double-eyelid
 * consultation with 李慧 in room 401 on the 4th floor, Monday 23 Nov 2026 at 10:30 Shanghai time.
 */
import type { ConsoleCore } from '../../electron/core/create-core';
import { addStaff } from './test-core';

export const SLIP_CUSTOMER = { name: '王晓丽', addressForm: '王姐', phone: '13800138000' } as const;
export const SLIP_ITEM = { name: '双眼皮', nameEn: 'Double eyelid' } as const;

export async function addSlipAppointment(core: ConsoleCore): Promise<{ appointmentId: number; customerId: number }> {
  const db = core.database.db;
  const stamp = '2026-11-20T02:00:00.000Z';
  const doctorId = await addStaff(core, '李慧', 'doctor');
  const room = await db
    .insertInto('rooms')
    .values({ code: '401', name: '咨询室401', name_en: 'Consultation room 401', floor: 4, kind: 'consultation', directions: '出电梯右转第二间', directions_en: 'Turn right out of the lift, second door' })
    .returning('id')
    .executeTakeFirstOrThrow();
  const item = await db
    .insertInto('items')
    .values({ code: 'slip-double-eyelid', name: SLIP_ITEM.name, name_en: SLIP_ITEM.nameEn })
    .returning('id')
    .executeTakeFirstOrThrow();
  const customer = await db
    .insertInto('customers')
    .values({ name: SLIP_CUSTOMER.name, address_form: SLIP_CUSTOMER.addressForm, phone: SLIP_CUSTOMER.phone, gender: 'female', birth_year: 1990, channel: 'phone', created_at: stamp, updated_at: stamp })
    .returning('id')
    .executeTakeFirstOrThrow();
  const appointment = await db
    .insertInto('appointments')
    .values({
      customer_id: customer.id,
      doctor_id: doctorId,
      item_id: item.id,
      room_id: room.id,
      kind: 'consultation',
      channel: 'phone',
      starts_at: '2026-11-23T02:30:00.000Z',
      duration_minutes: 45,
      status: 'booked',
      bring: '身份证、近期照片',
      created_at: stamp,
      updated_at: stamp,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { appointmentId: appointment.id, customerId: customer.id };
}
