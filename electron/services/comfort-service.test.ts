import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addStaff, caller, createTestCore, signIn, type TestCore } from '../../tests/helpers/test-core';
import { seedDemoClinic } from '../demo/seed-demo';

// Monday 2026-11-23, 08:30 in Beijing.
const NOW = '2026-11-23T00:30:00.000Z';
let core: TestCore;
let reception: string;
let nurse: string;

type Card = { visitId: number; status: string; version: number; comfort: { id: number; label: string; dueAt: string; doneAt: string | null; doneBy: string | null; overdue: boolean }[] };
const call = async <T>(method: string, input: unknown, token = reception): Promise<T> => {
  const result = await core.dispatcher.dispatch(method, input, caller(token));
  if (!result.ok) throw Object.assign(new Error(result.error.message), { code: result.error.code });
  return result.value as T;
};
const cardOf = async (visitId: number) => (await call<{ cards: Card[] }>('visits.board', {})).cards.find((card) => card.visitId === visitId)!;
const minutes = (n: number) => new Date(Date.parse(NOW) + n * 60_000).toISOString();

async function checkInWalkIn(tags: string[] = []): Promise<number> {
  const customer = await core.database.db.selectFrom('customers').select('id').orderBy('id', 'desc').executeTakeFirstOrThrow();
  await core.database.db.updateTable('customers').set({ tags: JSON.stringify(tags) }).where('id', '=', customer.id).execute();
  return (await call<{ visitId: number }>('visits.checkIn', { walkIn: { customerId: customer.id } })).visitId;
}

beforeEach(async () => {
  core = await createTestCore({ now: NOW });
  await seedDemoClinic(core.database.db, '2026-11-23', new Date(NOW));
  reception = await signIn(core, await addStaff(core, '前台测试', 'reception'));
  nurse = await signIn(core, await addStaff(core, '护士测试', 'nurse'));
});
afterEach(() => core.close());

describe('comfort tasks', () => {
  it('are withdrawn when the visit is done or the customer leaves unseen', async () => {
    const visitId = await checkInWalkIn();
    const card = await cardOf(visitId);
    await call('visits.transition', { visitId, to: 'left', expectedVersion: card.version });
    expect((await cardOf(visitId)).comfort).toEqual([]);
  });

  it('start at check-in: tea and magazines within 5 minutes, the first round at 15', async () => {
    const visitId = await checkInWalkIn();
    const card = await cardOf(visitId);
    expect(card.comfort.map((task) => [task.label, task.dueAt])).toEqual([
      ['奉上茶水或温水', minutes(5)],
      ['送上杂志和 Wi-Fi 卡', minutes(5)],
      ['巡视问候，询问是否需要帮助', minutes(15)],
    ]);
    expect(card.comfort.every((task) => !task.overdue)).toBe(true);
  });

  it('add reassurance and breathing for an anxious customer (seed 004 rule 5)', async () => {
    const visitId = await checkInWalkIn(['anxious']);
    expect((await cardOf(visitId)).comfort.map((task) => task.label)).toContain('安抚情绪，带做深呼吸放松');
  });

  it('go overdue after their due time, and one click marks who did it', async () => {
    const visitId = await checkInWalkIn();
    core.clock.advance(6 * 60_000);
    let card = await cardOf(visitId);
    const tea = card.comfort.find((task) => task.label.startsWith('奉上茶水'))!;
    expect(tea.overdue).toBe(true);
    await call('comfort.complete', { taskId: tea.id }, nurse);
    card = await cardOf(visitId);
    expect(card.comfort.find((task) => task.id === tea.id)).toMatchObject({ doneAt: minutes(6), doneBy: '护士测试', overdue: false });
    // A second click (another colleague) is a conflict naming who did it.
    await expect(call('comfort.complete', { taskId: tea.id })).rejects.toThrow('护士测试 has already done this');
  });

  it('make a round every 15 minutes while the customer waits, and none once called', async () => {
    const visitId = await checkInWalkIn();
    core.clock.advance(15 * 60_000);
    let rounds = (await cardOf(visitId)).comfort.filter((task) => task.label.startsWith('巡视'));
    await call('comfort.complete', { taskId: rounds[0]!.id });
    rounds = (await cardOf(visitId)).comfort.filter((task) => task.label.startsWith('巡视'));
    expect(rounds.map((task) => [task.dueAt, task.doneAt])).toEqual([
      [minutes(15), minutes(15)],
      [minutes(30), null],
    ]);

    const card = await cardOf(visitId);
    await call('visits.transition', { visitId, to: 'called', expectedVersion: card.version });
    core.clock.advance(60 * 60_000);
    const after = (await cardOf(visitId)).comfort.filter((task) => task.label.startsWith('巡视'));
    expect(after).toHaveLength(1);
    expect(after[0]!.doneAt).not.toBeNull();
  });

  it('start a new round when a called customer is sent back to wait', async () => {
    const visitId = await checkInWalkIn();
    let card = await cardOf(visitId);
    await call('visits.transition', { visitId, to: 'called', expectedVersion: card.version });
    core.clock.advance(10 * 60_000);
    card = await cardOf(visitId);
    await call('visits.transition', { visitId, to: 'waiting', expectedVersion: card.version });
    const rounds = (await cardOf(visitId)).comfort.filter((task) => task.label.startsWith('巡视'));
    expect(rounds.map((task) => task.dueAt)).toEqual([minutes(25)]);
  });
});

describe('a finished visit’s comfort', () => {
  it('is counted on its card and read whole only when its timeline is opened', async () => {
    const visitId = await checkInWalkIn(['anxious']);
    const tea = (await cardOf(visitId)).comfort.find((task) => task.label.startsWith('奉上茶水'))!;
    await call('comfort.complete', { taskId: tea.id });
    const timelineWhileWaiting = (await cardOf(visitId)).comfort;
    let card = await cardOf(visitId);
    for (const to of ['called', 'in_consultation', 'done']) {
      await call('visits.transition', { visitId, to, expectedVersion: card.version });
      card = await cardOf(visitId);
    }
    const done = (await call<{ cards: (Card & { comfortCount: { done: number; total: number }; waitedMinutes: number | null })[] }>('visits.board', {})).cards.find((entry) => entry.visitId === visitId)!;
    // Called: the open round was withdrawn; done: what was still open too. Tea stays done.
    const timeline = await call<{ tasks: Card['comfort'] }>('comfort.timeline', { visitId });
    expect(timeline.tasks.find((task) => task.id === tea.id)).toMatchObject({ doneBy: '前台测试' });
    expect(timeline.tasks.map((task) => task.id)).toEqual(timelineWhileWaiting.filter((task) => task.doneAt !== null).map((task) => task.id));
    expect(done).toMatchObject({ status: 'done', comfort: [], waitedMinutes: null, comfortCount: { done: 1, total: timeline.tasks.length } });
  });

  it('counts a task withdrawn after it fell due as missed, with its due time, on the card, in the timeline and once the visit is over (issue 13)', async () => {
    const visitId = await checkInWalkIn();
    type Task = Card['comfort'][number] & { missedAt: string | null };
    type Counted = Omit<Card, 'comfort'> & { comfortCount: { done: number; missed: number; total: number }; comfort: Task[] };
    const counted = async () => (await call<{ cards: Counted[] }>('visits.board', {})).cards.find((entry) => entry.visitId === visitId)!;
    // Tea and magazines served; the round (due at 15 min) is 2 minutes overdue when she is called.
    for (const task of (await cardOf(visitId)).comfort.filter((entry) => !entry.label.startsWith('巡视'))) await call('comfort.complete', { taskId: task.id });
    core.clock.set(minutes(17));
    let card = await counted();
    expect(card.comfortCount).toEqual({ done: 2, missed: 0, total: 3 });
    await call('visits.transition', { visitId, to: 'called', expectedVersion: card.version });
    card = await counted();
    // 关怀 2/3 with one missed — never 2/2, which a manager would read as 100 %.
    expect(card.comfortCount).toEqual({ done: 2, missed: 1, total: 3 });
    const round = card.comfort.find((task) => task.label.startsWith('巡视'))!;
    expect(round).toMatchObject({ dueAt: minutes(15), doneAt: null, missedAt: minutes(17), overdue: false });
    // Not to do any more: completing it is refused.
    await expect(call('comfort.complete', { taskId: round.id })).rejects.toMatchObject({ code: 'conflict' });

    // Back to waiting at once and done before the new round falls due: that round is not counted.
    await call('visits.transition', { visitId, to: 'waiting', expectedVersion: card.version });
    card = await counted();
    for (const to of ['called', 'in_consultation', 'done']) {
      await call('visits.transition', { visitId, to, expectedVersion: card.version });
      card = await counted();
    }
    expect(card.comfortCount).toEqual({ done: 2, missed: 1, total: 3 });
    const timeline = await call<{ tasks: Task[] }>('comfort.timeline', { visitId });
    expect(timeline.tasks.filter((task) => task.missedAt !== null).map((task) => [task.dueAt, task.missedAt])).toEqual([[minutes(15), minutes(17)]]);
  });

  it('refuses a timeline of a visit that does not exist, naming the field', async () => {
    await expect(call('comfort.timeline', { visitId: 999_999 })).rejects.toMatchObject({ code: 'not_found' });
    await expect(call('comfort.timeline', { visitId: 'x' })).rejects.toMatchObject({ code: 'invalid' });
  });
});
