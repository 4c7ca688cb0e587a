import { z } from 'zod';
import { APPOINTMENT_KINDS, APPOINTMENT_STATUSES, CHANNELS } from '../domain/appointments';
import { STAFF_ROLES } from '../domain/roles';
import { clinicDateSchema, idSchema, instantSchema } from './common';
import { defineMethod } from './define';

export const appointmentRowSchema = z.object({
  id: idSchema,
  startsAt: instantSchema,
  durationMinutes: z.number().int().positive(),
  status: z.enum(APPOINTMENT_STATUSES),
  kind: z.enum(APPOINTMENT_KINDS),
  channel: z.enum(CHANNELS),
  customer: z.object({
    id: idSchema,
    name: z.string(),
    /** The preferred form of address (称呼), e.g. 王姐. */
    addressForm: z.string().nullable(),
    /** Has this customer had an earlier visit? */
    returning: z.boolean(),
  }),
  item: z.object({ id: idSchema, nameZh: z.string(), nameEn: z.string() }).nullable(),
  doctor: z.object({ id: idSchema, name: z.string() }).nullable(),
  room: z.object({ id: idSchema, name: z.string(), nameEn: z.string(), floor: z.number().int() }).nullable(),
});
export type AppointmentRow = z.infer<typeof appointmentRowSchema>;

export const appointmentMethods = {
  /** One clinic day's appointments in time order (today when `date` is left out). */
  'appointments.listDay': defineMethod({
    summary: "A clinic day's appointments in time order",
    input: z.object({ date: clinicDateSchema.optional() }).strict(),
    output: z.object({ date: clinicDateSchema, appointments: z.array(appointmentRowSchema) }),
    roles: STAFF_ROLES,
    writes: false,
  }),
} as const;
