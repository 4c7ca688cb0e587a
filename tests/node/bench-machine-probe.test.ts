/**
 * The bench's machine probe (bench/machine-probe.ts): the fixed task timed after each cold load, so
 * a slow browser run says whether the machine was slow with it. It must be the same work every
 * time, or two runs' figures could not be compared.
 */
import { describe, expect, it } from 'vitest';
import { PROBE_TEXT, probeMachine, probeTask } from '../../bench/machine-probe';

describe('the machine probe', () => {
  it('works on a fixed, board-sized text: 300 cards, about 120 KB of JSON', () => {
    const parsed = JSON.parse(PROBE_TEXT) as { cards: { ticket: string }[] };
    expect(parsed.cards).toHaveLength(300);
    expect(parsed.cards[299]!.ticket).toBe('A299');
    expect(PROBE_TEXT.length).toBeGreaterThan(100_000);
    expect(PROBE_TEXT.length).toBeLessThan(140_000);
  });

  it('does the same work every time: the text it writes is the text it read', () => {
    expect(probeTask()).toBe(PROBE_TEXT);
    expect(probeTask()).toBe(PROBE_TEXT);
  });

  it('times the task as many times as asked', () => {
    const durations = probeMachine(3);
    expect(durations).toHaveLength(3);
    for (const duration of durations) expect(duration).toBeGreaterThan(0);
  });
});
