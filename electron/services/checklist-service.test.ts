/**
 * Daily checklists as the desk and the wards use them, through the dispatcher against a real
 * SQLite: a run records who ticked each item and what was missing, completing needs every item,
 * a second clerk cannot tick a completed run, the clock turns a checklist overdue, and who may
 * do what.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DayChecklist } from '../../shared/contract/checklists';
import { addStaff, caller, createTestCore, signIn, type TestCore } from '../../tests/helpers/test-core';
import { overdueChecklists } from './checklist-service';
import { insertNotificationOnce } from '../db/repositories/notifications';

const DAY = '2026-11-23';
let core: TestCore;
let manager: string;
let clerk: string;
let nurse: string;
let lobbyId: number;
let wardCountId: number;

async function call<T = unknown>(method: string, input: unknown, token: string): Promise<T> {
  const result = await core.dispatcher.dispatch(method, input, caller(token));
  if (!result.ok) throw Object.assign(new Error(result.error.message), { code: result.error.code });
  return result.value as T;
}

async function refusal(method: string, input: unknown, token: string) {
  const result = await core.dispatcher.dispatch(method, input, caller(token));
  if (result.ok) throw new Error(`${method} was expected to fail`);
  return result.error;
}

async function today(token = clerk) {
  return (await call<{ checklists: DayChecklist[] }>('checklists.today', {}, token)).checklists;
}

beforeEach(async () => {
  // 08:00 Beijing time on a Monday.
  core = await createTestCore({ now: '2026-11-23T00:00:00.000Z' });
  const ward = await core.database.db.insertInto('rooms').values({ code: '305', name: '3 楼病房 A', name_en: 'Ward 3A', floor: 3, kind: 'ward' }).returning('id').executeTakeFirstOrThrow();
  manager = await signIn(core, await addStaff(core, '何芳', 'manager'));
  clerk = await signIn(core, await addStaff(core, '陈晓雨', 'reception'));
  nurse = await signIn(core, await addStaff(core, '郑丽', 'nurse'));
  const lobby = await call<{ id: number }>(
    'checklists.saveTemplate',
    {
      nameZh: '早班大堂准备',
      nameEn: 'Morning lobby preparation',
      dueTime: '08:45',
      role: 'reception',
      items: [
        { textZh: '整理接待区', textEn: 'Tidy the reception area', kind: 'tick' },
        { textZh: '茶水准备好', textEn: 'Tea and water ready', kind: 'tick' },
      ],
    },
    manager,
  );
  lobbyId = lobby.id;
  const wardCount = await call<{ id: number }>(
    'checklists.saveTemplate',
    {
      nameZh: '病房物品清点',
      nameEn: 'Ward items count',
      dueTime: '09:00',
      role: 'nurse',
      sort: 1,
      items: [{ textZh: '手机充电器', textEn: 'Phone charger', kind: 'count', expectedCount: 3, roomId: ward.id }],
    },
    manager,
  );
  wardCountId = wardCount.id;
});

afterEach(async () => {
  await core.close();
});

describe('checklist runs', () => {
  it('records who ticked each item, when, and what was missing; the first tick starts the run', async () => {
    const before = (await today()).find((checklist) => checklist.templateId === lobbyId);
    expect(before?.run).toBeNull();
    const [tidy, tea] = before?.items ?? [];
    await call('checklists.tick', { runDate: DAY, templateId: lobbyId, itemId: tidy?.id, status: 'ok' }, clerk);
    core.clock.advance(3 * 60_000);
    const after = await call<DayChecklist>('checklists.tick', { runDate: DAY, templateId: lobbyId, itemId: tea?.id, status: 'missing', note: '茶叶用完了' }, nurse);

    expect(after.run?.startedBy.name).toBe('陈晓雨');
    expect(after.items[0]?.tick).toMatchObject({ status: 'ok', tickedBy: { name: '陈晓雨' }, tickedAt: '2026-11-23T00:00:00.000Z' });
    expect(after.items[1]?.tick).toMatchObject({ status: 'missing', note: '茶叶用完了', tickedBy: { name: '郑丽' }, tickedAt: '2026-11-23T00:03:00.000Z' });
    expect(after).toMatchObject({ ticked: 2, missing: 1, status: 'inProgress' });
    // Every tick leaves an audit row naming the run.
    const audits = await core.database.db.selectFrom('audit_log').select(['method', 'target']).where('method', '=', 'checklists.tick').execute();
    expect(audits).toEqual([
      { method: 'checklists.tick', target: `checklist_run:${after.run?.id}` },
      { method: 'checklists.tick', target: `checklist_run:${after.run?.id}` },
    ]);
  });

  it('a count item needs the number counted, and a short count cannot be OK: it is missing with its note', async () => {
    const [charger] = (await today(nurse)).find((checklist) => checklist.templateId === wardCountId)?.items ?? [];
    expect(charger?.room?.code).toBe('305');
    expect((await refusal('checklists.tick', { runDate: DAY, templateId: wardCountId, itemId: charger?.id, status: 'ok' }, nurse)).code).toBe('invalid');
    const short = await refusal('checklists.tick', { runDate: DAY, templateId: wardCountId, itemId: charger?.id, status: 'ok', count: 1 }, nurse);
    expect(short).toMatchObject({ code: 'invalid', path: ['count'] });
    const missing = await call<DayChecklist>('checklists.tick', { runDate: DAY, templateId: wardCountId, itemId: charger?.id, status: 'missing', count: 1, note: '缺 2 个充电器' }, nurse);
    expect(missing.items[0]?.tick).toMatchObject({ status: 'missing', count: 1, note: '缺 2 个充电器' });
  });

  it('completing needs every item ticked, naming the first one left', async () => {
    const [tidy, tea] = (await today()).find((checklist) => checklist.templateId === lobbyId)?.items ?? [];
    const none = await refusal('checklists.complete', { date: DAY, templateId: lobbyId }, clerk);
    expect(none.code).toBe('invalid');
    expect(none.message).toContain('Tidy the reception area');
    await call('checklists.tick', { runDate: DAY, templateId: lobbyId, itemId: tidy?.id, status: 'ok' }, clerk);
    const one = await refusal('checklists.complete', { date: DAY, templateId: lobbyId }, clerk);
    expect(one.message).toContain('Tea and water ready');
    await call('checklists.tick', { runDate: DAY, templateId: lobbyId, itemId: tea?.id, status: 'ok' }, clerk);
    const done = await call<DayChecklist>('checklists.complete', { date: DAY, templateId: lobbyId }, clerk);
    expect(done.status).toBe('done');
    expect(done.run?.completedBy?.name).toBe('陈晓雨');
  });

  it("a second clerk's tick on a completed run is a conflict and changes nothing", async () => {
    const other = await signIn(core, await addStaff(core, '林佳', 'reception'));
    const [tidy, tea] = (await today()).find((checklist) => checklist.templateId === lobbyId)?.items ?? [];
    await call('checklists.tick', { runDate: DAY, templateId: lobbyId, itemId: tidy?.id, status: 'ok' }, clerk);
    await call('checklists.tick', { runDate: DAY, templateId: lobbyId, itemId: tea?.id, status: 'ok' }, clerk);
    await call('checklists.complete', { date: DAY, templateId: lobbyId }, clerk);

    const late = await refusal('checklists.tick', { runDate: DAY, templateId: lobbyId, itemId: tea?.id, status: 'missing', note: '没水了' }, other);
    expect(late.code).toBe('conflict');
    expect((await refusal('checklists.complete', { date: DAY, templateId: lobbyId }, other)).code).toBe('conflict');
    const lobby = (await today(other)).find((checklist) => checklist.templateId === lobbyId);
    expect(lobby?.items[1]?.tick).toMatchObject({ status: 'ok', tickedBy: { name: '陈晓雨' } });
  });

  it('turns overdue after its due time on a moving clock, and done once completed', async () => {
    const lobbyStatus = async () => (await today()).find((checklist) => checklist.templateId === lobbyId)?.status;
    expect(await lobbyStatus()).toBe('notStarted');
    expect(await overdueChecklists(core.database.db, core.clock.now())).toEqual([]);

    core.clock.advance(46 * 60_000); // 08:46 Beijing time
    expect(await lobbyStatus()).toBe('overdue');
    expect(await overdueChecklists(core.database.db, core.clock.now())).toEqual([
      { templateId: lobbyId, name: '早班大堂准备', nameEn: 'Morning lobby preparation', date: DAY, dueAt: '2026-11-23T00:45:00.000Z' },
    ]);

    for (const item of (await today()).find((checklist) => checklist.templateId === lobbyId)?.items ?? []) {
      await call('checklists.tick', { runDate: DAY, templateId: lobbyId, itemId: item.id, status: 'ok' }, clerk);
    }
    // Its overdue notification, raised meanwhile, is resolved by the completion on every desk.
    const raised = await insertNotificationOnce(core.database.db, {
      kind: 'checklistOverdue',
      subjectKind: 'checklist',
      subjectId: `${String(lobbyId)}@${DAY}`,
      escalation: 'due',
      titleKey: 'notifications.checklistOverdue.title',
      bodyKey: 'notifications.checklistOverdue.body',
      params: {},
      link: '#/checklists',
      roles: ['reception', 'manager'],
      createdAt: core.clock.now().toISOString(),
    });
    const readAt = async (token: string) => (await call<{ items: { id: number; readAt: string | null }[] }>('notifications.list', {}, token)).items.find((entry) => entry.id === raised)?.readAt;
    expect(await readAt(manager)).toBeNull();
    await call('checklists.complete', { date: DAY, templateId: lobbyId }, clerk);
    // Finished after 08:45: done late, not a plain "done" (issue 13 part 6).
    expect(await lobbyStatus()).toBe('doneLate');
    expect(await readAt(manager)).toBe(core.clock.now().toISOString());
    expect(await readAt(clerk)).toBe(core.clock.now().toISOString());
    core.clock.advance(20 * 60_000); // 09:06: the ward count is now late, the lobby is not
    expect((await overdueChecklists(core.database.db, core.clock.now())).map((late) => late.templateId)).toEqual([wardCountId]);
  });
});

describe('templates', () => {
  it('an edit retires a removed item but past runs still show who ticked it', async () => {
    const [tidy, tea] = (await today()).find((checklist) => checklist.templateId === lobbyId)?.items ?? [];
    await call('checklists.tick', { runDate: DAY, templateId: lobbyId, itemId: tea?.id, status: 'ok' }, clerk);
    const saved = await call<{ items: { id: number; textZh: string }[] }>(
      'checklists.saveTemplate',
      { id: lobbyId, expectedVersion: 1, nameZh: '早班大堂准备', dueTime: '08:30', role: 'reception', items: [{ id: tidy?.id, textZh: '整理接待区', kind: 'tick' }, { textZh: '杂志补充', kind: 'tick' }] },
      manager,
    );
    expect(saved.items.map((item) => item.textZh)).toEqual(['整理接待区', '杂志补充']);
    const row = await core.database.db.selectFrom('checklist_run_items').selectAll().where('item_id', '=', tea?.id ?? 0).executeTakeFirst();
    expect(row?.status).toBe('ok');
  });

  it('a save with the version read is refused once another manager has changed the template, naming them; nothing of it is kept', async () => {
    const other = await signIn(core, await addStaff(core, '周经理', 'manager'));
    type Template = { id: number; version: number; items: { id: number; textZh: string; kind: 'tick' | 'count' }[] };
    const { templates } = await call<{ templates: Template[] }>('checklists.templates', {}, manager);
    const lobby = templates.find((template) => template.id === lobbyId);
    if (!lobby) throw new Error('no lobby template');
    const items = lobby.items.map(({ id, textZh, kind }) => ({ id, textZh, kind }));
    await call('checklists.saveTemplate', { id: lobbyId, expectedVersion: lobby.version, nameZh: '早班大堂准备', dueTime: '08:45', role: 'reception', items }, other);
    const stale = await refusal('checklists.saveTemplate', { id: lobbyId, expectedVersion: lobby.version, nameZh: '早班大堂准备', dueTime: '09:30', role: 'reception', items: [...items, { textZh: '新的一项', kind: 'tick' }] }, manager);
    expect(stale).toMatchObject({ code: 'conflict', details: { current: { dueTime: '08:45' } } });
    expect(stale.message).toContain('周经理');
    const after = (await call<{ templates: Template[] }>('checklists.templates', {}, manager)).templates.find((template) => template.id === lobbyId);
    expect(after).toMatchObject({ version: lobby.version + 1, dueTime: '08:45' });
    expect(after?.items.map((item) => item.textZh)).toEqual(lobby.items.map((item) => item.textZh));
  });
});

describe('who may do what', () => {
  it('staff who keep the lobby and wards tick; only a manager edits templates; a doctor cannot tick', async () => {
    const guide = await signIn(core, await addStaff(core, '赵敏', 'guide'));
    const doctor = await signIn(core, await addStaff(core, '李慧', 'doctor'));
    const [tidy] = (await today(guide)).find((checklist) => checklist.templateId === lobbyId)?.items ?? [];
    // A reception checklist may be ticked by a guide: the role is who it is for, not a lock.
    await call('checklists.tick', { runDate: DAY, templateId: lobbyId, itemId: tidy?.id, status: 'ok' }, guide);
    expect((await refusal('checklists.tick', { runDate: DAY, templateId: lobbyId, itemId: tidy?.id, status: 'ok' }, doctor)).code).toBe('forbidden');
    expect((await refusal('checklists.templates', {}, clerk)).code).toBe('forbidden');
    expect((await refusal('checklists.saveTemplate', { nameZh: 'x', dueTime: '09:00', role: 'nurse', items: [{ textZh: 'y', kind: 'tick' }] }, nurse)).code).toBe('forbidden');
    expect((await call<{ templates: unknown[] }>('checklists.templates', {}, manager)).templates).toHaveLength(2);
  });
});

describe('query plans', () => {
  it('reach every checklist read through an index', () => {
    const db = core.database.db;
    const plan = (compiled: { sql: string; parameters: readonly unknown[] }) =>
      (core.database.sqlite.prepare(`EXPLAIN QUERY PLAN ${compiled.sql}`).all(...compiled.parameters) as { detail: string }[]).map((row) => row.detail).join(' | ');
    const compile = <T extends { compile(): { sql: string; parameters: readonly unknown[] } }>(query: T) => plan(query.compile());
    expect(compile(db.selectFrom('checklist_runs').selectAll().where('date', '=', DAY))).toMatch(/USING INDEX checklist_runs_by_date/);
    expect(compile(db.selectFrom('checklist_runs').selectAll().where('template_id', '=', 1).where('date', '=', DAY))).toMatch(/USING INDEX sqlite_autoindex_checklist_runs/);
    expect(compile(db.selectFrom('checklist_run_items').selectAll().where('run_id', 'in', [1, 2]))).toMatch(/USING INDEX sqlite_autoindex_checklist_run_items/);
    expect(compile(db.selectFrom('checklist_template_items').selectAll().where('template_id', 'in', [1]).where('active', '=', 1))).toMatch(/USING INDEX checklist_template_items_by_template/);
    expect(compile(db.selectFrom('checklist_templates').selectAll().where('active', '=', 1).orderBy('sort'))).toMatch(/USING INDEX checklist_templates_active/);
  });
});
