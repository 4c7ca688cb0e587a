import { describe, expect, it } from 'vitest';
import { arrivalTiming, canTransition, formatTicket, minutesLate, VISIT_STATUSES, VISIT_TRANSITIONS, waitedMinutes, waitLevel } from './visits';

describe('visit status machine', () => {
  it('allows exactly the listed transitions and refuses every other pair', () => {
    const allowed = new Set([
      'waiting>called', 'waiting>left',
      'called>waiting', 'called>escorting', 'called>in_consultation', 'called>left',
      'escorting>in_consultation', 'escorting>pre_op_exam', 'escorting>waiting',
      'in_consultation>pre_op_exam', 'in_consultation>escorting', 'in_consultation>done',
      'pre_op_exam>in_consultation', 'pre_op_exam>escorting', 'pre_op_exam>done',
      'left>waiting',
    ]);
    for (const from of VISIT_STATUSES) {
      for (const to of VISIT_STATUSES) {
        expect(canTransition(from, to), `${from} → ${to}`).toBe(allowed.has(`${from}>${to}`));
      }
    }
    expect(VISIT_TRANSITIONS.done).toEqual([]);
  });
});

describe('wait figures from events', () => {
  const at = (minute: number) => new Date(Date.UTC(2026, 10, 23, 2, minute)).toISOString();

  it('counts an open wait up to now', () => {
    expect(waitedMinutes([{ to: 'waiting', at: at(0) }], new Date(at(17)))).toBe(17);
  });

  it('stops counting when called, and adds a second wait after being sent back', () => {
    const events = [
      { to: 'waiting' as const, at: at(0) },
      { to: 'called' as const, at: at(12) },
      { to: 'waiting' as const, at: at(20) },
      { to: 'called' as const, at: at(25) },
      { to: 'in_consultation' as const, at: at(30) },
    ];
    expect(waitedMinutes(events, new Date(at(90)))).toBe(17);
  });

  it('turns amber and red at the thresholds', () => {
    expect(waitLevel(14, 15, 30)).toBe('normal');
    expect(waitLevel(15, 15, 30)).toBe('amber');
    expect(waitLevel(30, 15, 30)).toBe('red');
  });

  it('numbers tickets with their prefix and says early or late', () => {
    expect(formatTicket('A', 7)).toBe('A007');
    expect(formatTicket('W', 1234)).toBe('W1234');
    expect(minutesLate('2026-11-23T02:00:00.000Z', '2026-11-23T01:50:00.000Z')).toBe(-10);
    expect(minutesLate('2026-11-23T02:00:00.000Z', '2026-11-23T02:05:00.000Z')).toBe(5);
  });
});

describe('arrival timing at check-in', () => {
  it('calls two minutes either side on time, and says by how much otherwise', () => {
    expect(arrivalTiming(-3)).toEqual({ kind: 'early', minutes: 3 });
    expect(arrivalTiming(-2)).toEqual({ kind: 'onTime' });
    expect(arrivalTiming(0)).toEqual({ kind: 'onTime' });
    expect(arrivalTiming(2)).toEqual({ kind: 'onTime' });
    expect(arrivalTiming(18)).toEqual({ kind: 'late', minutes: 18 });
  });
});
