import { afterEach, describe, expect, it } from 'vitest';
import { createTestCore, type TestCore } from '../../../tests/helpers/test-core';
import { readSettings, writeSetting } from './settings';

describe('settings read through the cache', () => {
  let core: TestCore;
  afterEach(async () => core.close());

  it('sees a setting written after it was cached, also inside a later transaction', async () => {
    core = await createTestCore();
    const { db } = core.database;
    expect((await readSettings(db)).waitAmberMinutes).toBe(15);
    await writeSetting(db, 'waitAmberMinutes', 20, '2026-11-23T08:00:00.000Z', null);
    expect((await readSettings(db)).waitAmberMinutes).toBe(20);
    await db.transaction().execute(async (trx) => expect((await readSettings(trx)).waitAmberMinutes).toBe(20));
  });

  it('does not keep a value written in a transaction that rolled back', async () => {
    core = await createTestCore();
    const { db } = core.database;
    await readSettings(db);
    await expect(
      db.transaction().execute(async (trx) => {
        await writeSetting(trx, 'waitAmberMinutes', 25, '2026-11-23T08:00:00.000Z', null);
        expect((await readSettings(trx)).waitAmberMinutes).toBe(25);
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    expect((await readSettings(db)).waitAmberMinutes).toBe(15);
  });

  it('hands out copies: a caller changing its settings changes nobody else’s', async () => {
    core = await createTestCore();
    const first = await readSettings(core.database.db);
    first.waitAmberMinutes = 99;
    expect((await readSettings(core.database.db)).waitAmberMinutes).toBe(15);
  });
});
