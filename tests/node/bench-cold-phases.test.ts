/**
 * The cold row's phase line (bench/cold-phases.ts): each load split into the scripts' arrival, their
 * parse and evaluation, the first render and the board's, with the medians and the two slowest loads.
 */
import { describe, expect, it } from 'vitest';
import { coldPhasesLine } from '../../bench/cold-phases';

describe('coldPhasesLine', () => {
  it('gives the median of each phase and the phases of the two slowest loads', () => {
    const line = coldPhasesLine([
      { scripts: 350, domContentLoaded: 600, firstPaint: 730, shown: 990 },
      { scripts: 430, domContentLoaded: 780, firstPaint: 930, shown: 1130 },
      { scripts: 320, domContentLoaded: 510, firstPaint: 610, shown: 860 },
      { scripts: 360, domContentLoaded: 620, firstPaint: 750, shown: 1010 },
    ]);
    // Phases per load: (350, 250, 130, 260), (430, 350, 150, 200), (320, 190, 100, 250), (360, 260, 130, 260).
    expect(line).toContain('medians scripts 350, parse and evaluate +250, first render +130, board +250;');
    expect(line).toContain('slowest 1130 (scripts 430, parse and evaluate +350, first render +150, board +200); 1010 (scripts 360,');
    expect(line).not.toContain('990 (');
  });

  it('counts a load without a first paint, or with one outside its load, as render and board together', () => {
    const line = coldPhasesLine([
      { scripts: 300, domContentLoaded: 500, firstPaint: null, shown: 900 },
      { scripts: 300, domContentLoaded: 500, firstPaint: 1200, shown: 950 },
    ]);
    expect(line).toContain('medians scripts 300, parse and evaluate +200, first render +—, board +400;');
    expect(line).toContain('slowest 950 (scripts 300, parse and evaluate +200, first render +—, board +450)');
  });

  it('says so when there were no loads', () => {
    expect(coldPhasesLine([])).toBe('cold phases: no loads');
  });
});
