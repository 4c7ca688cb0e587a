import { afterEach, describe, expect, it } from 'vitest';
import { createTestCore, type TestCore } from '../../tests/helpers/test-core';
import { runCompiledOnce } from './compiled-once';

describe('a query compiled once per shape', () => {
  let core: TestCore;
  afterEach(async () => core.close());

  const byName = (core: TestCore, name: string) => core.database.db.selectFrom('rooms').select(['code']).where('name', '=', name);

  it('runs later calls with their own values, and refuses values that are not the ones the query binds', async () => {
    core = await createTestCore();
    const { db } = core.database;
    for (const [code, name] of [['101', '大堂'], ['301', '咨询一室']] as const) {
      await db.insertInto('rooms').values({ code, name, name_en: name, floor: 1, kind: 'lobby' }).execute();
    }
    expect(await runCompiledOnce(db, 'test.room', () => byName(core, '大堂'), ['大堂'])).toEqual([{ code: '101' }]);
    // The second call is not built: only its value differs.
    expect(await runCompiledOnce(db, 'test.room', () => byName(core, 'unused'), ['咨询一室'])).toEqual([{ code: '301' }]);
    await expect(runCompiledOnce(db, 'test.other', () => byName(core, '大堂'), ['咨询一室'])).rejects.toThrow('test.other');
  });
});
