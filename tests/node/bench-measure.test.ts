/**
 * The bench's ratio rows (bench/measure.ts): a read's row may first run both sides untimed for a
 * while (the console's code is hot all day; the bench's first row was not); a check-in's row,
 * whose every call takes a booking, spends exactly the calls it is given.
 */
import { describe, expect, it } from 'vitest';
import { compare } from '../../bench/measure';

async function callsOf(runs: number, warmForMs?: number) {
  let ours = 0;
  let floor = 0;
  await compare('calls', () => (ours += 1), () => (floor += 1), runs, { text: '—' }, warmForMs === undefined ? undefined : { warmForMs });
  return { ours, floor };
}

describe('compare', () => {
  it('spends exactly its calls when asked for no warm-up time (a check-in takes a booking a call)', async () => {
    // 50 warm-up calls in the first round, 5 in each of the four others, then the timed ones.
    const { ours, floor } = await callsOf(400);
    expect(ours).toBe(50 + 4 * 5 + 400);
    expect(floor).toBe(50 + 4 * 5 + 400);
  });

  it('runs both sides untimed for the warm-up time before the calls it times', async () => {
    const { ours, floor } = await callsOf(400, 20);
    expect(ours).toBeGreaterThan(50 + 4 * 5 + 400);
    expect(floor).toBeGreaterThan(50 + 4 * 5 + 400);
  });
});
