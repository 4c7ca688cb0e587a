/** Appointment vocabularies (seed 000, reception flow steps 1, 7, 8). */
export const APPOINTMENT_STATUSES = ['booked', 'confirmed', 'checked_in', 'completed', 'cancelled', 'no_show'] as const;
export type AppointmentStatus = (typeof APPOINTMENT_STATUSES)[number];

/**
 * An open appointment is still to come: booked, or confirmed by phone (seed 000 steps 1 and 3).
 * Only an open one may be confirmed, moved, cancelled, marked a no-show, put on the call list or
 * checked in; once it is checked in, completed, cancelled or a no-show, it is closed.
 */
export const OPEN_APPOINTMENT_STATUSES = ['booked', 'confirmed'] as const satisfies readonly AppointmentStatus[];
export type OpenAppointmentStatus = (typeof OPEN_APPOINTMENT_STATUSES)[number];

/**
 * Whether an appointment in this status is still open (see `OPEN_APPOINTMENT_STATUSES`).
 *
 * @example isOpenAppointment('confirmed') // true
 * @example isOpenAppointment('checked_in') // false
 */
export function isOpenAppointment(status: AppointmentStatus): status is OpenAppointmentStatus {
  return (OPEN_APPOINTMENT_STATUSES as readonly AppointmentStatus[]).includes(status);
}

export const APPOINTMENT_KINDS = ['consultation', 'followup', 'preop', 'surgery', 'postop'] as const;
export type AppointmentKind = (typeof APPOINTMENT_KINDS)[number];

/** seed 000 step 1: by phone, website, app, at the desk, or referred by someone. */
export const CHANNELS = ['phone', 'web', 'app', 'walk_in', 'referral'] as const;
export type Channel = (typeof CHANNELS)[number];

/** What a customer is asked to bring, by kind (seed 000 step 3: 所需携带的资料); editable per booking. */
export const DEFAULT_BRING: Record<AppointmentKind, string> = {
  consultation: '身份证；近期照片（如有）',
  followup: '身份证；上次的病历本',
  preop: '身份证；空腹 8 小时',
  surgery: '身份证；术前检查报告；宽松衣物',
  postop: '身份证；出院小结',
};

/** Usual length of each kind, in minutes. */
export const DEFAULT_DURATION: Record<AppointmentKind, number> = {
  consultation: 30,
  followup: 20,
  preop: 45,
  surgery: 120,
  postop: 20,
};
