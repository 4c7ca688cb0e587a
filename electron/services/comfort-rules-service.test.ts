/**
 * The comfort rules as a manager edits them, through the dispatcher against a real SQLite with
 * the migrations applied: the seeded rules and where they come from, an edit that the next
 * check-in follows (and the visits already waiting do not), the refusals, and who may do what.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addStaff, caller, countRows, createTestCore, signIn, type TestCore } from '../../tests/helpers/test-core';
import type { ComfortRuleView } from '../../shared/contract/comfort-rules';
import { insertCustomer } from '../db/repositories/customers';

// Monday 2026-11-23, 10:00 in Beijing.
const NOW = '2026-11-23T02:00:00.000Z';
let core: TestCore;
let manager: string;
let reception: string;
let customerCount = 0;

type Result<T> = { ok: true; value: T } | { ok: false; status: number; error: { code: string; message: string; path?: unknown[]; details?: Record<string, unknown> } };
const call = <T = unknown>(method: string, input: unknown, token: string | null = manager, language: 'en' | 'zh-CN' = 'en') =>
  core.dispatcher.dispatch(method, input, caller(token, language)) as Promise<Result<T>>;
async function value<T>(method: string, input: unknown, token = manager): Promise<T> {
  const result = await call<T>(method, input, token);
  if (!result.ok) throw new Error(`${method}: ${result.error.message}`);
  return result.value;
}

const minutesFromNow = (minutes: number) => new Date(core.clock.now().getTime() + minutes * 60_000).toISOString();
const rules = async () => (await value<{ rules: ComfortRuleView[] }>('comfortRules.list', {})).rules;
const rule = async (code: string) => (await rules()).find((candidate) => candidate.code === code)!;
/** The edit form's values for a rule as it stands, with some changed. */
const edit = (current: ComfortRuleView, changes: Partial<Record<string, unknown>> = {}) => ({
  id: current.id,
  expectedVersion: current.version,
  labelZh: current.labelZh,
  labelEn: current.labelEn,
  appliesTo: current.appliesTo,
  dueMinutes: current.dueMinutes,
  repeatMinutes: current.repeatMinutes,
  active: current.active,
  ...changes,
});

type Task = { id: number; label: string; labelEn: string; dueAt: string; doneAt: string | null };
async function checkInWalkIn(tags: string[] = []): Promise<number> {
  customerCount += 1;
  const customerId = await insertCustomer(
    core.database.db,
    { name: `顾客${customerCount}`, addressForm: null, phone: `1380013${String(customerCount).padStart(4, '0')}`, gender: 'female', birthYear: 1990, channel: 'walk_in', notes: '', tags: tags as never },
    NOW,
  );
  return (await value<{ visitId: number }>('visits.checkIn', { walkIn: { customerId } }, reception)).visitId;
}
const tasksOf = async (visitId: number) =>
  (await value<{ cards: { visitId: number; comfort: Task[] }[] }>('visits.board', {}, reception)).cards.find((card) => card.visitId === visitId)!.comfort;

beforeEach(async () => {
  core = await createTestCore({ now: NOW });
  manager = await signIn(core, await addStaff(core, '何芳', 'manager'));
  reception = await signIn(core, await addStaff(core, '陈晓雨', 'reception'));
});
afterEach(() => core.close());

describe('the comfort rules', () => {
  it('are the six seeded rules, in order, each with the seed rule it comes from', async () => {
    const list = await rules();
    expect(list.map((entry) => [entry.code, entry.trigger, entry.appliesTo, entry.dueMinutes, entry.repeatMinutes, entry.active])).toEqual([
      ['tea', 'check_in', 'all', 5, null, true],
      ['magazines', 'check_in', 'all', 5, null, true],
      ['round', 'round', 'all', 15, 15, true],
      ['reassure', 'check_in', 'anxious', 10, null, true],
      ['reassure_preop', 'check_in', 'preop', 10, null, true],
      ['infusion', 'check_in', 'infusion', 10, null, true],
    ]);
    expect(list.find((entry) => entry.code === 'tea')?.source).toEqual({ seed: '000', part: 'flow', numbers: [5] });
    expect(list.find((entry) => entry.code === 'infusion')?.source).toEqual({ seed: '004', part: 'rule', numbers: [3, 21] });
    expect(list.every((entry) => entry.source !== null && entry.updated === null && entry.version === 1)).toBe(true);
  });

  it('an edit is audited with what changed, announced, and the next check-in follows it; a visit already waiting keeps its task', async () => {
    const before = await checkInWalkIn();
    const notices: string[] = [];
    core.events.subscribe((notice) => notices.push(notice.name));
    const audit = await countRows(core, 'audit_log');
    core.clock.advance(60_000);

    const tea = await rule('tea');
    const saved = await value<ComfortRuleView>('comfortRules.save', edit(tea, { dueMinutes: 3, labelZh: '三分钟内奉茶', labelEn: 'Tea within 3 minutes' }));
    expect(saved).toMatchObject({ dueMinutes: 3, labelZh: '三分钟内奉茶', version: 2, updated: { at: core.clock.now().toISOString(), by: '何芳' } });
    expect(await countRows(core, 'audit_log')).toBe(audit + 1);
    const row = await core.database.db.selectFrom('audit_log').select(['method', 'target', 'diff']).orderBy('id', 'desc').executeTakeFirstOrThrow();
    expect({ ...row, diff: JSON.parse(row.diff) as unknown }).toEqual({
      method: 'comfortRules.save',
      target: 'comfort_rule:tea',
      diff: { label: ['奉上茶水或温水', '三分钟内奉茶'], label_en: ['Offer tea or water', 'Tea within 3 minutes'], due_minutes: [5, 3] },
    });
    expect(notices).toEqual(['comfortRules.changed']);

    const after = await checkInWalkIn();
    expect((await tasksOf(after)).find((task) => task.label === '三分钟内奉茶')).toMatchObject({ labelEn: 'Tea within 3 minutes', dueAt: minutesFromNow(3) });
    // Checked in before the edit: the task it was given stays as it was.
    expect((await tasksOf(before)).map((task) => task.label)).toContain('奉上茶水或温水');
    expect((await tasksOf(before)).map((task) => task.label)).not.toContain('三分钟内奉茶');
  });

  it('a round edited to first fall due at 10 minutes and repeat every 20: the next check-in’s rounds follow it', async () => {
    await value('comfortRules.save', edit(await rule('round'), { dueMinutes: 10, repeatMinutes: 20 }));
    const visitId = await checkInWalkIn();
    const firstRound = (await tasksOf(visitId)).find((task) => task.label.startsWith('巡视'))!;
    expect(firstRound.dueAt).toBe(minutesFromNow(10));
    core.clock.advance(10 * 60_000);
    await value('comfort.complete', { taskId: firstRound.id }, reception);
    const rounds = (await tasksOf(visitId)).filter((task) => task.label.startsWith('巡视'));
    expect(rounds.map((task) => [task.dueAt, task.doneAt !== null])).toEqual([
      [core.clock.now().toISOString(), true],
      [minutesFromNow(20), false],
    ]);
  });

  it('a rule switched off makes no task at the next check-in, and an anxious customer’s rule can be given to everyone', async () => {
    await value('comfortRules.save', edit(await rule('magazines'), { active: false }));
    await value('comfortRules.save', edit(await rule('reassure'), { appliesTo: 'all' }));
    const labels = (await tasksOf(await checkInWalkIn())).map((task) => task.label);
    expect(labels).not.toContain('送上杂志和 Wi-Fi 卡');
    expect(labels).toContain('安抚情绪，带做深呼吸放松');
  });

  it('refuses a bad value naming the field, in the caller’s language, and changes nothing', async () => {
    const tea = await rule('tea');
    const round = await rule('round');
    const audit = await countRows(core, 'audit_log');
    expect(await call('comfortRules.save', edit(tea, { dueMinutes: 0 }))).toMatchObject({ ok: false, status: 400, error: { code: 'invalid', path: ['dueMinutes'], message: 'Due after must be at least 1' } });
    expect(await call('comfortRules.save', edit(tea, { dueMinutes: 0 }), manager, 'zh-CN')).toMatchObject({ ok: false, error: { message: '到期时间不能小于 1' } });
    expect(await call('comfortRules.save', edit(tea, { labelZh: '  ' }))).toMatchObject({ ok: false, error: { code: 'invalid', path: ['labelZh'], message: 'Chinese text is required' } });
    expect(await call('comfortRules.save', edit(round, { repeatMinutes: 2 }))).toMatchObject({ ok: false, error: { code: 'invalid', path: ['repeatMinutes'], message: 'Round interval must be at least 5' } });
    expect(await call('comfortRules.save', edit(round, { repeatMinutes: null }))).toMatchObject({ ok: false, status: 400, error: { code: 'invalid', path: ['repeatMinutes'], message: 'A round needs its interval' } });
    expect(await call('comfortRules.save', edit(tea, { repeatMinutes: 10 }))).toMatchObject({ ok: false, status: 400, error: { code: 'invalid', path: ['repeatMinutes'] } });
    expect(await call('comfortRules.save', edit(tea, { code: 'coffee' }))).toMatchObject({ ok: false, error: { code: 'invalid' } });
    expect(await call('comfortRules.save', edit(tea, { id: 999 }))).toMatchObject({ ok: false, status: 404, error: { code: 'not_found' } });
    expect(await countRows(core, 'audit_log')).toBe(audit);
    expect(await rules()).toMatchObject([{ code: 'tea', dueMinutes: 5, version: 1 }, {}, { code: 'round', repeatMinutes: 15, version: 1 }, {}, {}, {}]);
  });

  it('of two managers editing one rule, the second gets a conflict naming who changed it', async () => {
    const other = await signIn(core, await addStaff(core, '林主管', 'manager'));
    const tea = await rule('tea');
    expect((await call('comfortRules.save', edit(tea, { dueMinutes: 4 }), other)).ok).toBe(true);
    expect(await call('comfortRules.save', edit(tea, { dueMinutes: 6 }))).toMatchObject({
      ok: false,
      status: 409,
      error: { code: 'conflict', message: 'This comfort rule was just changed by 林主管; refresh and edit it again', details: { currentVersion: 2 } },
    });
    expect(await rule('tea')).toMatchObject({ dueMinutes: 4, version: 2 });
  });
});

describe('who may read and edit the comfort rules', () => {
  it('every staff role reads them; only a manager edits: a receptionist is refused and nothing changes', async () => {
    const guide = await signIn(core, await addStaff(core, '赵敏', 'guide'));
    const nurse = await signIn(core, await addStaff(core, '郑丽', 'nurse'));
    for (const token of [reception, guide, nurse]) expect(await call('comfortRules.list', {}, token)).toMatchObject({ ok: true });
    const tea = await rule('tea');
    for (const token of [reception, guide, nurse]) {
      expect(await call('comfortRules.save', edit(tea, { dueMinutes: 2 }), token)).toMatchObject({ ok: false, status: 403, error: { code: 'forbidden' } });
    }
    expect(await call('comfortRules.list', {}, null)).toMatchObject({ ok: false, status: 401 });
    expect(await rule('tea')).toMatchObject({ dueMinutes: 5, version: 1 });
  });
});
