/** Appointments: the booking form, day and list views, confirmation calls. Keys start with `appointments.`. */
import { defineMessages } from './define';

export const appointmentsMessages = defineMessages(
  {},
  {},
);
