import { describe, expect, it } from 'vitest';
import { EVENT_NAMES, isEventName, openedNotification } from './event-names';
import { eventSchemas } from './events';
import { notificationLinkSchema } from './notifications';

describe('the zod-free event names', () => {
  it('are exactly the notices the contract defines, so the stream neither drops a new one nor keeps an unknown one', () => {
    expect([...EVENT_NAMES].sort()).toEqual(Object.keys(eventSchemas).sort());
    expect(isEventName('visits.changed')).toBe(true);
    expect(isEventName('toString')).toBe(false);
    expect(isEventName('visits.exploded')).toBe(false);
  });

  it("follow a clicked desktop notification only to a console route, as the contract's link schema does", () => {
    expect(openedNotification({ id: 4, link: '#/board/12' })).toEqual({ id: 4, link: '#/board/12' });
    for (const bad of [null, 'x', { id: 4 }, { id: 4.5, link: '#/board' }, { id: '4', link: '#/board' }, { id: 4, link: 'https://evil.example/' }, { id: 4, link: 'javascript:alert(1)' }, { id: 4, link: '#/a b' }]) {
      expect(openedNotification(bad)).toBeNull();
    }
    for (const link of ['#/board/12', '#/ward/3', 'https://evil.example/', '#/x<y']) {
      expect(openedNotification({ id: 1, link }) !== null).toBe(notificationLinkSchema.safeParse(link).success);
    }
  });
});
