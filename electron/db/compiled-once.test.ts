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

  it('reads straight from the connection only when no transaction is open: never another caller\'s uncommitted rows', async () => {
    core = await createTestCore();
    const { db } = core.database;
    await db.insertInto('rooms').values({ code: '101', name: '大堂', name_en: 'Lobby', floor: 1, kind: 'lobby' }).execute();
    const lobby = () => runCompiledOnce(db, 'test.lobby', () => byName(core, '大堂'), ['大堂']);
    // No transaction open: the same rows as Kysely's path.
    expect(await lobby()).toEqual([{ code: '101' }]);

    let readInside: Promise<{ code: string }[]> | undefined;
    let answeredInside = false;
    await db.transaction().execute(async (trx) => {
      await trx.updateTable('rooms').set({ code: '102' }).where('name', '=', '大堂').execute();
      // Another caller reads while this transaction is open (between its awaits).
      readInside = lobby();
      void readInside.then(() => (answeredInside = true));
      for (let tick = 0; tick < 20; tick++) await Promise.resolve();
      expect(answeredInside).toBe(false);
    });
    // It waited for the connection and read the committed change, never the uncommitted one.
    expect(await readInside).toEqual([{ code: '102' }]);
    expect(await lobby()).toEqual([{ code: '102' }]);
  });

  it('inside a transaction runs reads and writes as part of it: they see each other, and a rollback undoes them', async () => {
    core = await createTestCore();
    const { db } = core.database;
    await db.insertInto('rooms').values({ code: '101', name: '大堂', name_en: 'Lobby', floor: 1, kind: 'lobby' }).execute();
    const rename = (trx: typeof db, code: string) => runCompiledOnce(trx, 'test.rename', () => trx.updateTable('rooms').set({ code }).where('name', '=', '大堂'), [code, '大堂']);
    const lobby = (trx: typeof db) => runCompiledOnce(trx, 'test.lobby', () => byName(core, '大堂'), ['大堂']);

    await expect(
      db.transaction().execute(async (trx) => {
        await rename(trx, '102');
        // The transaction reads its own write.
        expect(await lobby(trx)).toEqual([{ code: '102' }]);
        throw new Error('changed my mind');
      }),
    ).rejects.toThrow('changed my mind');
    expect(await lobby(db)).toEqual([{ code: '101' }]);

    await db.transaction().execute(async (trx) => rename(trx, '103'));
    expect(await lobby(db)).toEqual([{ code: '103' }]);
  });
});
