import { describe, expect, it } from 'vitest';
import { findBookingClash, freeIntervals } from './booking';

const shift = { start: '09:00', end: '17:30' };
const others = [
  { id: 1, start: '10:00', end: '10:30', label: '王姐' },
  { id: 2, start: '11:00', end: '11:45', label: '李女士' },
];

describe('booking rules', () => {
  it('accepts a slot inside the shift that touches but does not overlap others', () => {
    expect(findBookingClash({ start: '09:00', end: '10:00' }, shift, others)).toBeNull();
    expect(findBookingClash({ start: '10:30', end: '11:00' }, shift, others)).toBeNull();
    expect(findBookingClash({ start: '17:00', end: '17:30' }, shift, others)).toBeNull();
  });

  it('refuses a slot outside the shift, naming the shift', () => {
    expect(findBookingClash({ start: '08:45', end: '09:15' }, shift, [])).toEqual({ kind: 'outsideShift', shiftStart: '09:00', shiftEnd: '17:30' });
    expect(findBookingClash({ start: '17:15', end: '17:45' }, shift, [])).toMatchObject({ kind: 'outsideShift' });
  });

  it('refuses a doctor with no shift or marked absent', () => {
    expect(findBookingClash({ start: '10:00', end: '10:30' }, null, [])).toEqual({ kind: 'noShift' });
    expect(findBookingClash({ start: '12:00', end: '12:30' }, { ...shift, status: 'absent' }, [])).toEqual({ kind: 'absent' });
  });

  it('refuses a slot before a late doctor arrives, and accepts one after', () => {
    const late = { ...shift, status: 'late' as const, lateUntil: '10:30' };
    expect(findBookingClash({ start: '10:00', end: '10:30' }, late, [])).toEqual({ kind: 'beforeLateArrival', lateUntil: '10:30' });
    expect(findBookingClash({ start: '10:30', end: '11:00' }, late, [])).toBeNull();
  });

  it('names the booking it overlaps', () => {
    expect(findBookingClash({ start: '10:15', end: '10:45' }, shift, others)).toEqual({ kind: 'overlap', appointmentId: 1, start: '10:00', end: '10:30', label: '王姐' });
    expect(findBookingClash({ start: '09:00', end: '12:00' }, shift, others)).toMatchObject({ kind: 'overlap', appointmentId: 1 });
  });

  it('lists the free stretches of a shift around its bookings', () => {
    expect(freeIntervals(shift, others)).toEqual([
      { start: '09:00', end: '10:00' },
      { start: '10:30', end: '11:00' },
      { start: '11:45', end: '17:30' },
    ]);
    expect(freeIntervals({ start: '09:00', end: '10:00' }, [{ start: '08:30', end: '10:30' }])).toEqual([]);
  });
});
