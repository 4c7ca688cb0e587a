import { afterEach, describe, expect, it } from 'vitest';
import { createTestCore, type TestCore } from '../../../tests/helpers/test-core';
import { eventsOfDayQuery } from './visits';

describe('the board reads a day’s status events', () => {
  let core: TestCore;
  afterEach(async () => core.close());

  it('through the day index of visits and the per-visit index of events, never a scan', async () => {
    core = await createTestCore();
    const compiled = eventsOfDayQuery(core.database.db, '2026-11-23').compile();
    const plan = (core.database.sqlite.prepare(`EXPLAIN QUERY PLAN ${compiled.sql}`).all(...compiled.parameters) as { detail: string }[]).map((row) => row.detail);
    expect(plan.some((detail) => /SEARCH v USING (COVERING )?INDEX visits_by_day/.test(detail))).toBe(true);
    expect(plan.some((detail) => /SEARCH e USING INDEX visit_events_by_visit/.test(detail))).toBe(true);
    expect(plan.some((detail) => /^SCAN/.test(detail))).toBe(false);
  });
});
