/**
 * How fast the machine was while the browser rows ran. The browser rows have absolute targets (a
 * cold board in 1.0 s) and no floor of their own, and this bench runs on shared 2-core VMs whose
 * speed changes by up to twice within minutes: on 2026-12-07 the same build's full runs, a few
 * minutes apart, gave a cold p95 of 850 and 1296 ms, and the board snapshot's floor (its SQL on raw
 * better-sqlite3) took 1.2 ms p50 in some runs and 2.2–2.3 ms in others. So the bench times one fixed
 * task after each cold load, once the board is shown, and prints it as a row under the cold row: a
 * slow run says whether the machine was slow with it (docs/performance.md, 2026-12-07).
 *
 * The task is a board-sized JSON text parsed and written again five times: V8's native JSON code,
 * the same every run (no JIT warm-up to wait for, no I/O, no randomness). On a quiet machine of this
 * kind the quickest of three takes ~8 ms in the bench (~11 in a fresh Node process).
 */

/** The probe's input: a day of 300 cards, fixed, ~120 KB of JSON. */
export const PROBE_TEXT = JSON.stringify({
  cards: Array.from({ length: 300 }, (_, index) => ({
    id: index,
    ticket: `A${String(index).padStart(3, '0')}`,
    name: `王丽${String(index)}`,
    status: ['waiting', 'with_consultant', 'done'][index % 3],
    arrivedAt: `2026-12-07T0${String(index % 10)}:00:00+08:00`,
    doctor: { id: index % 7, name: '张医生' },
    tasks: Array.from({ length: 4 }, (_, task) => ({ kind: 'tea', dueAt: '2026-12-07T10:00:00+08:00', done: task % 2 === 0 })),
  })),
});

/** The fixed task itself; returns what it wrote, so the work cannot be optimised away. */
export function probeTask(): string {
  let written = '';
  for (let round = 0; round < 5; round += 1) written = JSON.stringify(JSON.parse(PROBE_TEXT));
  return written;
}

/** Times the task `times` times; ms each. */
export function probeMachine(times: number): number[] {
  const durations: number[] = [];
  for (let index = 0; index < times; index += 1) {
    const started = performance.now();
    if (probeTask().length !== PROBE_TEXT.length) throw new Error('the machine probe wrote a different text');
    durations.push(performance.now() - started);
  }
  return durations;
}
