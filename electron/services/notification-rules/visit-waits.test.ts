import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addStaff, caller, createTestCore, signIn, type TestCore } from '../../../tests/helpers/test-core';
import { seedDemoClinic } from '../../demo/seed-demo';
import { createScheduler, type Scheduler } from '../scheduler';
import { comfortOverdueRule, waitRedRule } from './visit-waits';

// Monday 2026-11-23, 08:30 in Beijing (before opening: only the lobby rules run here).
const NOW = '2026-11-23T00:30:00.000Z';
let core: TestCore;
let scheduler: Scheduler;
let token: string;

const call = async <T>(method: string, input: unknown): Promise<T> => {
  const result = await core.dispatcher.dispatch(method, input, caller(token));
  if (!result.ok) throw new Error(result.error.message);
  return result.value as T;
};
const at = (minutes: number) => new Date(Date.parse(NOW) + minutes * 60_000);
const raised = async (kind: string) =>
  core.database.db.selectFrom('notifications').select(['subject_id', 'escalation', 'params']).where('kind', '=', kind).orderBy('id').execute();

beforeEach(async () => {
  core = await createTestCore({ now: NOW });
  await seedDemoClinic(core.database.db, '2026-11-23', new Date(NOW));
  token = await signIn(core, await addStaff(core, '前台测试', 'reception'));
  scheduler = createScheduler({ db: core.database.db, clock: core.clock, events: core.events, rules: [comfortOverdueRule, waitRedRule] });
});
afterEach(async () => {
  scheduler.stop();
  await core.close();
});

describe('lobby notifications', () => {
  it('raise an overdue comfort task once, and nothing for one done in time', async () => {
    const { visitId } = await call<{ visitId: number }>('visits.checkIn', { walkIn: { customerId: 1 } });
    await scheduler.tick(at(4));
    expect(await raised('comfortOverdue')).toEqual([]);
    // The magazines go out in time; the tea does not.
    core.clock.set(at(4));
    const board = await call<{ cards: { visitId: number; comfort: { id: number; label: string }[] }[] }>('visits.board', {});
    const tasks = board.cards.find((card) => card.visitId === visitId)!.comfort;
    await call('comfort.complete', { taskId: tasks.find((task) => task.label.startsWith('送上杂志'))!.id });
    for (const minute of [6, 7, 8, 12]) await scheduler.tick(at(minute));
    const rows = await raised('comfortOverdue');
    expect(rows).toHaveLength(1);
    expect(JSON.parse(rows[0]!.params)).toMatchObject({ ticket: 'W001', task: '奉上茶水或温水' });
  });

  it('raise a long wait once per stretch of waiting, again after a new wait', async () => {
    const { visitId } = await call<{ visitId: number }>('visits.checkIn', { walkIn: { customerId: 1 } });
    await scheduler.tick(at(29));
    expect(await raised('waitRed')).toEqual([]);
    for (const minute of [30, 31, 45]) await scheduler.tick(at(minute));
    expect(await raised('waitRed')).toHaveLength(1);

    core.clock.set(at(46));
    const card = (await call<{ cards: { visitId: number; version: number }[] }>('visits.board', {})).cards.find((entry) => entry.visitId === visitId)!;
    await call('visits.transition', { visitId, to: 'called', expectedVersion: card.version });
    await call('visits.transition', { visitId, to: 'waiting', expectedVersion: card.version + 1 });
    // Already past red in total: the new stretch raises once more, and only once.
    for (const minute of [47, 50]) await scheduler.tick(at(minute));
    expect(await raised('waitRed')).toHaveLength(2);
  });

  it('after a restart, raise nothing again for the same thing', async () => {
    await call('visits.checkIn', { walkIn: { customerId: 1 } });
    await scheduler.tick(at(31));
    const before = (await raised('comfortOverdue')).length + (await raised('waitRed')).length;
    const restarted = createScheduler({ db: core.database.db, clock: core.clock, events: core.events, rules: [comfortOverdueRule, waitRedRule] });
    expect(await restarted.tick(at(32))).toEqual([]);
    expect((await raised('comfortOverdue')).length + (await raised('waitRed')).length).toBe(before);
  });
});
