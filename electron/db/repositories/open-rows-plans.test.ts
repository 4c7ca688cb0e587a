import { afterEach, describe, expect, it } from 'vitest';
import type { Compilable } from 'kysely';
import { queryPlan } from '../../../tests/helpers/query-plan';
import { createTestCore, type TestCore } from '../../../tests/helpers/test-core';
import { openEscortOfVisitQuery, openEscortsForDelayQuery } from './escorts';
import { openCallStepsQuery, overdueCallsQuery } from './follow-ups';
import { openLowSurveysQuery } from './surveys';

/**
 * After a few years a clinic has an escort for most visits, a follow-up plan for every surgery and
 * a survey for most visits; the open ones are a handful. The reads made on every move of a visit,
 * on every tick of the notification rules and for the call list must reach the open rows through
 * the partial indexes that hold only those, never by reading every row ever made. A partial
 * index is used only when the query's own terms name its WHERE: with a bound list of statuses
 * (the escorts' reads until 8106b6e) SQLite never does and scans the table; with one bound value
 * it does, by planning the statement again on every call. The constants are written out.
 */
describe('open rows are read through their partial indexes, never a scan', () => {
  let core: TestCore;
  afterEach(async () => core.close());

  const planOf = (query: Compilable<unknown>) => queryPlan(core.database.sqlite, query);

  it('a visit’s open escort (every move of a visit asks it), and a day’s open escorts (the delay rule)', async () => {
    core = await createTestCore();
    const db = core.database.db;
    for (const [query, path] of [
      [openEscortOfVisitQuery(db, 7), /SEARCH escorts USING INDEX escorts_one_open \(visit_id=\?\)/],
      [openEscortsForDelayQuery(db, '2026-11-23'), /SEARCH e USING INDEX escorts_(one_)?open/],
    ] as const) {
      const plan = planOf(query);
      expect(plan.some((detail) => path.test(detail)), plan.join(' | ')).toBe(true);
      expect(plan.filter((detail) => /^SCAN/.test(detail)), plan.join(' | ')).toEqual([]);
    }
  });

  it('the call list and the overdue-call rule (open steps), and the low surveys still to handle', async () => {
    core = await createTestCore();
    const db = core.database.db;
    for (const [query, path] of [
      [openCallStepsQuery(db, '2026-11-23'), /SEARCH s USING INDEX followup_steps_open \(due_date<\?\)/],
      [overdueCallsQuery(db, '2026-11-23'), /SEARCH s USING INDEX followup_steps_open \(due_date<\?\)/],
      [openLowSurveysQuery(db), /SCAN surveys USING INDEX surveys_low_open/],
    ] as const) {
      const plan = planOf(query);
      expect(plan.some((detail) => path.test(detail)), plan.join(' | ')).toBe(true);
      // Reading the whole partial index is reading only the open rows; a scan of the table is not.
      expect(plan.filter((detail) => /^SCAN/.test(detail) && !/USING (COVERING )?INDEX \w+_open/.test(detail)), plan.join(' | ')).toEqual([]);
    }
  });
});
