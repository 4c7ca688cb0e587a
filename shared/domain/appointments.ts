/** Appointment vocabularies (seed 000, reception flow steps 1, 7, 8). */
export const APPOINTMENT_STATUSES = ['booked', 'confirmed', 'checked_in', 'completed', 'cancelled', 'no_show'] as const;
export type AppointmentStatus = (typeof APPOINTMENT_STATUSES)[number];

export const APPOINTMENT_KINDS = ['consultation', 'followup', 'preop', 'surgery', 'postop'] as const;
export type AppointmentKind = (typeof APPOINTMENT_KINDS)[number];

/** seed 000 step 1: by phone, website, app, at the desk, or referred by someone. */
export const CHANNELS = ['phone', 'web', 'app', 'walk_in', 'referral'] as const;
export type Channel = (typeof CHANNELS)[number];
