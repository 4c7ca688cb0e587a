import { afterEach, describe, expect, it } from 'vitest';
import type { Compilable } from 'kysely';
import { queryPlan } from '../../../tests/helpers/query-plan';
import { createTestCore, type TestCore } from '../../../tests/helpers/test-core';
import { comfortCountsOfFinishedVisitsQuery, comfortTasksOfOpenVisitsQuery } from './comfort-tasks';
import { openEscortsOfScopeQuery } from './escorts';
import { eventsOfOpenVisitsQuery, visitCardRowsQuery, type VisitScope } from './visits';

describe('the board reads its cards through indexes, never a scan', () => {
  let core: TestCore;
  afterEach(async () => core.close());

  const planOf = (query: Compilable<unknown>) => queryPlan(core.database.sqlite, query);
  const scopes: VisitScope[] = [{ day: '2026-11-23' }, { ids: [1, 2, 3] }];
  // A day goes through the day index of visits; a few ids through the primary key.
  const visitsBy = (scope: VisitScope) => ('day' in scope ? /SEARCH v USING (COVERING )?INDEX visits_by_day/ : /SEARCH v USING INTEGER PRIMARY KEY/);

  it.each(scopes)('cards, open visits’ events, tasks and escorts, finished visits’ counts (%o)', async (scope) => {
    core = await createTestCore();
    const db = core.database.db;
    for (const [query, child] of [
      [visitCardRowsQuery(db, scope), null],
      // By visit: its own index, or the report's covering one (migration 017), which SQLite may prefer.
      [eventsOfOpenVisitsQuery(db, scope), /SEARCH e USING (COVERING )?INDEX visit_events_(by_visit|for_report) \(visit_id=/],
      [comfortTasksOfOpenVisitsQuery(db, scope), /SEARCH k USING (COVERING )?INDEX comfort_tasks_(by_visit|for_report) \(visit_id=/],
      [comfortCountsOfFinishedVisitsQuery(db, scope), /SEARCH k USING (COVERING )?INDEX comfort_tasks_(by_visit|for_report) \(visit_id=/],
      // An open escort through the partial index that holds only open ones (issue 14).
      [openEscortsOfScopeQuery(db, scope), /SEARCH e USING INDEX escorts_one_open \(visit_id=/],
    ] as const) {
      const plan = planOf(query);
      expect(plan.some((detail) => visitsBy(scope).test(detail)), plan.join(' | ')).toBe(true);
      if (child) expect(plan.some((detail) => child.test(detail)), plan.join(' | ')).toBe(true);
      // json_each's own rows are a virtual table's scan, not a table's.
      expect(plan.filter((detail) => /^SCAN/.test(detail) && !/json_each/.test(detail)), plan.join(' | ')).toEqual([]);
    }
  });
});
