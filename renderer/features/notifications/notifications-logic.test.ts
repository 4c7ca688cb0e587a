import { describe, expect, it } from 'vitest';
import type { NotificationItem } from '../../../shared/contract/notifications';
import { newArrivals } from './arrivals';
import { formatTimeAgo } from './time-ago';

const item = (id: number, readAt: string | null = null): NotificationItem => ({
  id,
  kind: 'waitRed',
  subject: { kind: 'visit', id: String(id) },
  escalation: 'red',
  titleKey: 'visits.notify.waitRed.title',
  bodyKey: 'visits.notify.waitRed.body',
  params: { ticket: `A00${id}`, who: '王姐', minutes: 31 },
  link: '#/board',
  createdAt: '2026-11-23T02:00:00.000Z',
  readAt,
});

describe('newArrivals', () => {
  it('takes the first list as the baseline: nothing already there is news', () => {
    const first = newArrivals(null, [item(3), item(2), item(1)]);
    expect(first.arrived).toEqual([]);
    expect([...first.known].sort()).toEqual([1, 2, 3]);
  });

  it('reports unread ones not seen before, oldest first, once', () => {
    const { known } = newArrivals(null, [item(2), item(1)]);
    const next = newArrivals(known, [item(5), item(4), item(3, '2026-11-23T02:01:00.000Z'), item(2), item(1)]);
    // 3 was read elsewhere (another tab of the same person) before it got here: not news.
    expect(next.arrived.map((each) => each.id)).toEqual([4, 5]);
    expect(newArrivals(next.known, [item(5), item(4)]).arrived).toEqual([]);
  });
});

describe('formatTimeAgo', () => {
  const at = '2026-11-23T02:00:00.000Z';
  const after = (minutes: number) => new Date(Date.parse(at) + minutes * 60_000 + 20_000);

  it('says now, minutes, hours and days in English', () => {
    expect(formatTimeAgo(at, after(0), 'en')).toBe('now');
    expect(formatTimeAgo(at, new Date(Date.parse(at) - 5_000), 'en')).toBe('now');
    expect(formatTimeAgo(at, after(1), 'en')).toBe('1 minute ago');
    expect(formatTimeAgo(at, after(42), 'en')).toBe('42 minutes ago');
    expect(formatTimeAgo(at, after(125), 'en')).toBe('2 hours ago');
    expect(formatTimeAgo(at, after(60 * 24), 'en')).toBe('yesterday');
  });

  it('and in Chinese', () => {
    expect(formatTimeAgo(at, after(0), 'zh-CN')).toBe('现在');
    expect(formatTimeAgo(at, after(5), 'zh-CN')).toBe('5分钟前');
    expect(formatTimeAgo(at, after(180), 'zh-CN')).toBe('3小时前');
  });
});
