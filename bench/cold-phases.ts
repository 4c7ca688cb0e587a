/**
 * Where each cold load of the board went, from the page's own Navigation, Resource and Paint
 * Timing, read once the board is shown (so the reading costs the measured load nothing). Logged by
 * every run beside the cold row, so a slow run says which phase was slow: the browser starting the
 * page's renderer and fetching its scripts, V8 parsing and evaluating them, the first render, or
 * the board's (docs/performance.md, 2026-12-06, last hours).
 */
import { median } from './measure';

/** One cold load's moments, in ms from its navigation. */
export interface ColdTimings {
  /** When the last script the page asked for before `DOMContentLoaded` had arrived. */
  scripts: number;
  domContentLoaded: number;
  /** The first contentful paint (the session gate's first frame); null when the browser gave none. */
  firstPaint: number | null;
  /** When the board was shown with every lane's count and a card (the cold row's figure). */
  shown: number;
}

interface Phases {
  scripts: number;
  parseAndEvaluate: number;
  firstRender: number | null;
  board: number;
}

function phasesOf(load: ColdTimings): Phases {
  const painted = load.firstPaint !== null && load.firstPaint >= load.domContentLoaded && load.firstPaint <= load.shown;
  return {
    scripts: load.scripts,
    parseAndEvaluate: load.domContentLoaded - load.scripts,
    firstRender: painted ? load.firstPaint! - load.domContentLoaded : null,
    board: load.shown - (painted ? load.firstPaint! : load.domContentLoaded),
  };
}

const ms = (value: number | null) => (value === null || Number.isNaN(value) ? '—' : value.toFixed(0));

function phasesText(phases: Phases): string {
  return `scripts ${ms(phases.scripts)}, parse and evaluate +${ms(phases.parseAndEvaluate)}, first render +${ms(phases.firstRender)}, board +${ms(phases.board)}`;
}

/** One log line: the median of each phase over the loads, and the phases of the two slowest loads. */
export function coldPhasesLine(loads: readonly ColdTimings[]): string {
  if (loads.length === 0) return 'cold phases: no loads';
  const all = loads.map(phasesOf);
  const rendered = all.flatMap((phases) => (phases.firstRender === null ? [] : [phases.firstRender]));
  const medians: Phases = {
    scripts: median(all.map((phases) => phases.scripts)),
    parseAndEvaluate: median(all.map((phases) => phases.parseAndEvaluate)),
    firstRender: rendered.length === 0 ? null : median(rendered),
    board: median(all.map((phases) => phases.board)),
  };
  const slowest = loads
    .map((load, index) => ({ load, phases: all[index]! }))
    .sort((a, b) => b.load.shown - a.load.shown)
    .slice(0, 2)
    .map(({ load, phases }) => `${ms(load.shown)} (${phasesText(phases)})`);
  return `cold phases, ms from navigation: medians ${phasesText(medians)}; slowest ${slowest.join('; ')}`;
}
