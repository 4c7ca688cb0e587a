import { describe, expect, it } from 'vitest';
import { manualClock } from '../core/clock';
import { createEventBus } from './event-bus';

const payloadsOf = (recorded: { notice: { name: string; payload: unknown } }[] | null) => recorded?.map(({ notice }) => notice.payload);

describe('the event bus', () => {
  it('numbers notices within this start and tells a listener each one with its id', () => {
    const events = createEventBus({ epoch: 'e1', clock: manualClock('2026-11-23T02:00:00Z') });
    const heard: string[] = [];
    events.subscribe((notice, id) => heard.push(`${id} ${notice.name}`));
    expect(events.lastId()).toBe('e1-0');
    events.publish('visits.changed', { ids: [1] });
    events.publish('customers.changed', { ids: [2] });
    expect(heard).toEqual(['e1-1 visits.changed', 'e1-2 customers.changed']);
    expect(events.lastId()).toBe('e1-2');
  });

  it('gives what came after an id, and null when it cannot know: another start, the future, forgotten', () => {
    const clock = manualClock('2026-11-23T02:00:00Z');
    const events = createEventBus({ epoch: 'e1', clock, capacity: 3, maxAgeMs: 60_000 });
    expect(events.since('e1-0')).toEqual([]);
    for (const id of [1, 2, 3]) events.publish('visits.changed', { ids: [id] });
    expect(payloadsOf(events.since('e1-1'))).toEqual([{ ids: [2] }, { ids: [3] }]);
    expect(events.since('e1-1')?.map(({ id }) => id)).toEqual(['e1-2', 'e1-3']);
    expect(events.since('e1-3')).toEqual([]);
    expect(events.since('e2-1')).toBeNull();
    expect(events.since('e1-4')).toBeNull();
    expect(events.since('e1')).toBeNull();

    // Only the last three are kept: after 1 is still complete, after 0 is not.
    events.publish('visits.changed', { ids: [4] });
    expect(payloadsOf(events.since('e1-1'))).toEqual([{ ids: [2] }, { ids: [3] }, { ids: [4] }]);
    expect(events.since('e1-0')).toBeNull();

    // A minute later they are all forgotten: a client that saw the last one missed nothing.
    clock.advance(60_001);
    expect(events.since('e1-4')).toEqual([]);
    expect(events.since('e1-3')).toBeNull();
  });

  it('keeps exactly the last notices however many were published, at every step', () => {
    const events = createEventBus({ epoch: 'e1', clock: manualClock('2026-11-23T02:00:00Z'), capacity: 3 });
    for (let n = 1; n <= 20; n += 1) {
      events.publish('visits.changed', { ids: [n] });
      const kept = [n - 2, n - 1, n].filter((id) => id >= 1);
      expect(payloadsOf(events.since(`e1-${n - kept.length}`))).toEqual(kept.map((id) => ({ ids: [id] })));
      expect(payloadsOf(events.since(`e1-${n - 1}`))).toEqual([{ ids: [n] }]);
      if (n > 3) expect(events.since(`e1-${n - 4}`)).toBeNull();
    }
  });
});
