import { afterEach, describe, expect, it } from 'vitest';
import type { Compilable } from 'kysely';
import { queryPlan } from '../../../tests/helpers/query-plan';
import { createTestCore, type TestCore } from '../../../tests/helpers/test-core';
import { openEscortOfVisitQuery, openEscortsForDelayQuery } from './escorts';

/**
 * After a few years a clinic has an escort for most visits: the reads made on every move of a
 * visit and on every tick of the delay rule must reach the open ones through the partial indexes
 * that hold only those, never by reading every escort.
 */
describe('open escorts are read through their partial indexes, never a scan', () => {
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
});
