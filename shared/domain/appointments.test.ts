import { describe, expect, it } from 'vitest';
import { APPOINTMENT_STATUSES, isOpenAppointment, OPEN_APPOINTMENT_STATUSES } from './appointments';

describe('an open appointment', () => {
  it('is one booked or confirmed, and no other', () => {
    expect(APPOINTMENT_STATUSES.filter(isOpenAppointment)).toEqual(['booked', 'confirmed']);
    expect([...OPEN_APPOINTMENT_STATUSES]).toEqual(['booked', 'confirmed']);
  });

  it('is closed once the customer arrived, was seen, cancelled or did not come', () => {
    for (const status of ['checked_in', 'completed', 'cancelled', 'no_show'] as const) expect(isOpenAppointment(status), status).toBe(false);
  });
});
