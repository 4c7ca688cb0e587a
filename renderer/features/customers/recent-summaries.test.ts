import { describe, expect, it } from 'vitest';
import type { CustomerSummary } from '../../../shared/contract/customers';
import { RecentSummaries } from './recent-summaries';

const row = (id: number, name = `顾客${String(id)}`) => ({ id, name }) as unknown as CustomerSummary;

describe('the customers a picker has shown lately', () => {
  it('keeps at most its limit, forgetting the least recently shown first', () => {
    const recent = new RecentSummaries(3);
    for (const id of [1, 2, 3, 4]) recent.remember(row(id));
    expect(recent.size).toBe(3);
    expect(recent.get(1)).toBeUndefined();
    expect(recent.get(4)?.name).toBe('顾客4');
  });

  it('counts a customer shown again as recent, and keeps her latest summary', () => {
    const recent = new RecentSummaries(3);
    for (const id of [1, 2, 3]) recent.remember(row(id));
    recent.remember(row(1, '改名后'));
    recent.remember(row(5));
    expect(recent.get(2)).toBeUndefined();
    expect(recent.get(1)?.name).toBe('改名后');
    expect(recent.size).toBe(3);
  });

  it('does not grow over a day of searching', () => {
    const recent = new RecentSummaries();
    for (let id = 1; id <= 5000; id += 1) recent.remember(row(id));
    expect(recent.size).toBe(300);
    expect(recent.get(5000)).toBeDefined();
  });
});
