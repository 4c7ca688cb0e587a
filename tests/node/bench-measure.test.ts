/**
 * The bench's ratio rows (bench/measure.ts): ours and the floor are called in short alternating
 * blocks, so a noisy moment of the machine falls on both sides, not on one side's block.
 */
import { describe, expect, it } from 'vitest';
import { compare } from '../../bench/measure';

/** Runs `compare` on two sides that only log their calls; returns the log as runs of one letter. */
async function callOrder(runs: number, options?: { rounds?: number; warmup?: number }) {
  const calls: string[] = [];
  await compare('order', () => calls.push('o'), () => calls.push('f'), runs, { text: '—' }, options);
  const blocks: string[] = [];
  for (const call of calls) {
    if (blocks.length > 0 && blocks.at(-1)!.startsWith(call)) blocks[blocks.length - 1] += call;
    else blocks.push(call);
  }
  return { calls, blocks };
}

describe('compare', () => {
  it('warms both sides, then alternates short blocks, each side first in every other round', async () => {
    const { calls, blocks } = await callOrder(2000);
    // 50 warm-up calls each, then 40 rounds of 50: floor–ours, ours–floor, …
    expect(calls.filter((call) => call === 'o')).toHaveLength(50 + 2000);
    expect(calls.filter((call) => call === 'f')).toHaveLength(50 + 2000);
    const measured = calls.slice(100);
    // Never more than two blocks of one side in a row (a block is 50 calls, ~10–80 ms here)…
    expect(Math.max(...blocks.map((block) => block.length))).toBeLessThanOrEqual(100);
    // …and at every point of the run the two sides have had nearly the same number of calls.
    for (let end = 200; end <= measured.length; end += 200) {
      const upTo = measured.slice(0, end);
      const difference = upTo.filter((call) => call === 'o').length - upTo.filter((call) => call === 'f').length;
      expect(Math.abs(difference)).toBeLessThanOrEqual(50);
    }
    // Each side opens half the rounds: the first of a round is not always the same side.
    expect(blocks.slice(2).filter((block) => block.length === 100 && block.startsWith('o')).length).toBeGreaterThan(15);
    expect(blocks.slice(2).filter((block) => block.length === 100 && block.startsWith('f')).length).toBeGreaterThan(15);
  });

  it('spends exactly the calls it is given when each call uses something up (a check-in, a booking)', async () => {
    const { calls } = await callOrder(400, { warmup: 50 });
    expect(calls).toHaveLength(2 * (400 + 50));
  });

  it('keeps at least five calls a block when there are few', async () => {
    const { blocks } = await callOrder(12, { warmup: 0 });
    // Two rounds of six: floor, ours, ours, floor.
    expect(blocks).toEqual(['ffffff', 'oooooooooooo', 'ffffff']);
  });

  it('reports the ratio of the p50s and whether the target is met', async () => {
    const row = await compare('same', () => undefined, () => undefined, 100, { maxRatio: 1e9, text: '—' });
    expect(row.ratio).toBeGreaterThan(0);
    expect(row.met).toBe(true);
    expect(row.p95).toBeGreaterThanOrEqual(row.p50);
  });
});
