/**
 * The notification scheduler with a moving clock against a real SQLite: each rule raises once per
 * thing and escalation however often it ticks, nothing before it is due, nothing once the thing is
 * done, and a restart raises again only what is still due and was never raised. Then what people
 * see of it: their role's notifications only, read marks per person.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ChangeNotice } from '../../shared/contract/events';
import { addStaff, caller, createTestCore, signIn, type TestCore } from '../../tests/helpers/test-core';
import { createChecklistOverdueRule, type OverdueChecklist } from './notification-rules/checklist-overdue';
import { NOTIFICATION_RULES } from './notification-rules/index';
import { createScheduler, type Scheduler } from './scheduler';

// 2026-11-23 is a Monday; the clinic opens at 09:00 Beijing time = 01:00 UTC.
const BEFORE_OPENING = '2026-11-23T00:30:00.000Z';
const beijing = (time: string, date = '2026-11-23') => {
  const [hour, minute] = time.split(':').map(Number) as [number, number];
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(year, month - 1, day, hour - 8, minute));
};

let folder: string;
let core: TestCore;
let doctors: number[];
let raisedNotices: number[][];
let scheduler: Scheduler;

async function openCore(): Promise<void> {
  core = await createTestCore({ now: BEFORE_OPENING, file: join(folder, 'clinic.sqlite') });
  raisedNotices = [];
  core.events.subscribe((notice: ChangeNotice) => {
    if (notice.name === 'notifications.raised') raisedNotices.push((notice.payload as { ids: number[] }).ids);
  });
  scheduler = createScheduler({ db: core.database.db, clock: core.clock, events: core.events, rules: NOTIFICATION_RULES });
}

async function call<T>(method: string, input: unknown, token: string): Promise<T> {
  const result = await core.dispatcher.dispatch(method, input, caller(token));
  if (!result.ok) throw new Error(`${method}: ${result.error.message}`);
  return result.value as T;
}

/** Ticks every 30 s from `from` to `to` (Beijing time), as the running scheduler would. */
async function tickEvery30s(from: string, to: string, date = '2026-11-23'): Promise<void> {
  for (let at = beijing(from, date).getTime(); at <= beijing(to, date).getTime(); at += 30_000) {
    core.clock.set(new Date(at));
    await scheduler.tick(new Date(at));
  }
}

async function notificationRows() {
  return core.database.db.selectFrom('notifications').selectAll().orderBy('id').execute();
}

async function confirmAll(token: string, date = '2026-11-23') {
  for (const doctorId of doctors) await call('roster.confirm', { date, doctorId, status: 'present' }, token);
}

beforeEach(async () => {
  folder = mkdtempSync(join(tmpdir(), 'frontdesk-scheduler-'));
  await openCore();
  doctors = [await addStaff(core, '李慧', 'doctor'), await addStaff(core, '张振宇', 'doctor')];
  // Both doctors work every weekday 09:00–17:00.
  for (const doctorId of doctors) {
    for (const weekday of [1, 2, 3, 4, 5]) {
      await core.database.db
        .insertInto('shift_templates')
        .values({ doctor_id: doctorId, weekday, start_time: '09:00', end_time: '17:00', room_id: null, updated_at: 'x', updated_by: null })
        .execute();
    }
  }
});

afterEach(async () => {
  scheduler.stop();
  await core.close();
  rmSync(folder, { recursive: true, force: true });
});

describe('roster not confirmed by opening time', () => {
  it('raises nothing before opening time', async () => {
    await tickEvery30s('07:00', '08:59');
    expect(await notificationRows()).toEqual([]);
    expect(raisedNotices).toEqual([]);
  });

  it('raises once at opening however often it ticks, then once more for the manager half an hour later', async () => {
    await tickEvery30s('08:55', '09:29');
    let rows = await notificationRows();
    expect(rows.map((row) => [row.kind, row.subject_kind, row.subject_id, row.escalation])).toEqual([
      ['rosterUnconfirmed', 'rosterDay', '2026-11-23', 'opening'],
    ]);
    expect(JSON.parse(rows[0]!.params)).toMatchObject({ unconfirmed: 2, total: 2, opensAt: '09:00' });
    expect(rows[0]!.created_at).toBe(beijing('09:00').toISOString());
    expect(rows[0]!.link).toBe('#/roster');
    expect(raisedNotices).toEqual([[rows[0]!.id]]);

    await tickEvery30s('09:29', '11:00');
    rows = await notificationRows();
    expect(rows.map((row) => row.escalation)).toEqual(['opening', 'opening+30']);
    expect(rows[1]!.created_at).toBe(beijing('09:30').toISOString());
    expect(raisedNotices).toHaveLength(2);
  });

  it('raises nothing once every doctor is confirmed, and no escalation after a late confirmation', async () => {
    const clerkId = await addStaff(core, '陈晓雨', 'reception');
    await confirmAll(await signIn(core, clerkId));
    await tickEvery30s('08:59', '10:00');
    expect(await notificationRows()).toEqual([]);

    // The next day reception is late: told at opening, confirms at 09:10, no escalation at 09:30.
    await tickEvery30s('09:00', '09:10', '2026-11-24');
    await confirmAll(await signIn(core, clerkId), '2026-11-24');
    await tickEvery30s('09:10', '10:00', '2026-11-24');
    expect((await notificationRows()).map((row) => [row.subject_id, row.escalation])).toEqual([['2026-11-24', 'opening']]);
  });

  it('raises nothing on a day with no doctor on shift', async () => {
    await tickEvery30s('09:00', '10:00', '2026-11-29'); // a Sunday
    expect(await notificationRows()).toEqual([]);
  });

  it('after a restart raises nothing again for the same day, but raises for the next day', async () => {
    await tickEvery30s('09:00', '09:05');
    expect(await notificationRows()).toHaveLength(1);

    // The server restarts: a new core and a new scheduler over the same database file.
    scheduler.stop();
    await core.close();
    await openCore();
    await tickEvery30s('09:05', '09:20');
    expect(await notificationRows()).toHaveLength(1);
    expect(raisedNotices).toEqual([]);

    await tickEvery30s('09:00', '09:05', '2026-11-24');
    const rows = await notificationRows();
    expect(rows.map((row) => row.subject_id)).toEqual(['2026-11-23', '2026-11-24']);
    expect(raisedNotices).toEqual([[rows[1]!.id]]);
  });

  it('start() ticks at once and stop() stops', async () => {
    core.clock.set(beijing('09:01'));
    const running = createScheduler({ db: core.database.db, clock: core.clock, events: core.events, rules: NOTIFICATION_RULES, intervalMs: 60_000 });
    running.start();
    await running.tick(); // waits for the tick start() began
    running.stop();
    expect(await notificationRows()).toHaveLength(1);
  });
});

describe('a checklist not done by its time', () => {
  it('raises once per checklist per day while the checklists service reports it overdue', async () => {
    let overdue: OverdueChecklist[] = [];
    const rule = createChecklistOverdueRule(() => Promise.resolve(overdue));
    scheduler = createScheduler({ db: core.database.db, clock: core.clock, events: core.events, rules: [rule] });
    await tickEvery30s('08:00', '08:30');
    overdue = [{ templateId: 3, name: '大堂晨间准备', nameEn: 'Morning lobby preparation', date: '2026-11-23', dueAt: beijing('08:30').toISOString(), role: 'guide' }];
    await tickEvery30s('08:30', '09:30');
    const rows = await notificationRows();
    expect(rows.map((row) => [row.kind, row.subject_id, row.link])).toEqual([['checklistOverdue', '3@2026-11-23', '#/checklists']]);
    expect(JSON.parse(rows[0]!.params)).toMatchObject({ name: '大堂晨间准备', due: '08:30' });
    const roles = await core.database.db.selectFrom('notification_roles').select('role').orderBy('role').execute();
    expect(roles.map((row) => row.role)).toEqual(['guide', 'manager', 'reception']);
  });

  it('with the real checklists: raised once for its role once past its time, not on a day it was done', async () => {
    const guideId = await addStaff(core, '赵敏', 'guide');
    const template = await core.database.db
      .insertInto('checklist_templates')
      .values({ name_zh: '大堂晨间准备', name_en: 'Morning lobby preparation', due_time: '08:45', role: 'guide', updated_at: 'x', updated_by: null })
      .returning('id')
      .executeTakeFirstOrThrow();
    await tickEvery30s('08:00', '08:45');
    expect(await notificationRows()).toEqual([]);
    await tickEvery30s('08:45', '08:59');
    const rows = await notificationRows();
    expect(rows.map((row) => [row.kind, row.subject_id])).toEqual([['checklistOverdue', `${String(template.id)}@2026-11-23`]]);
    expect(JSON.parse(rows[0]!.params)).toMatchObject({ name: '大堂晨间准备', nameEn: 'Morning lobby preparation', due: '08:45' });
    const roles = await core.database.db.selectFrom('notification_roles').where('notification_id', '=', rows[0]!.id).select('role').orderBy('role').execute();
    expect(roles.map((row) => row.role)).toEqual(['guide', 'manager', 'reception']);

    // The next day the guide completes it at 08:30: nothing is raised for that day.
    await core.database.db
      .insertInto('checklist_runs')
      .values({ template_id: template.id, date: '2026-11-24', started_by: guideId, started_at: beijing('08:20', '2026-11-24').toISOString(), completed_by: guideId, completed_at: beijing('08:30', '2026-11-24').toISOString() })
      .execute();
    await tickEvery30s('08:40', '08:59', '2026-11-24');
    expect(await notificationRows()).toHaveLength(1);
  });

  it('a failing rule does not stop the others', async () => {
    const failing = createChecklistOverdueRule(() => Promise.reject(new Error('checklists unavailable')));
    const errors: unknown[] = [];
    scheduler = createScheduler({
      db: core.database.db,
      clock: core.clock,
      events: core.events,
      rules: [failing, ...NOTIFICATION_RULES],
      logError: (error) => errors.push(error),
    });
    await tickEvery30s('09:00', '09:01');
    expect(errors.length).toBeGreaterThan(0);
    expect((await notificationRows()).map((row) => row.kind)).toEqual(['rosterUnconfirmed']);
  });
});

describe('what each person sees', () => {
  interface Listed {
    items: { id: number; kind: string; readAt: string | null; link: string; titleKey: string; params: Record<string, unknown> }[];
    unreadCount: number;
  }

  it('shows a role only its own notifications, newest first, with read marks per person', async () => {
    const clerkA = await signIn(core, await addStaff(core, '陈晓雨', 'reception'));
    const clerkB = await signIn(core, await addStaff(core, '林佳', 'reception'));
    const guide = await signIn(core, await addStaff(core, '赵敏', 'guide'));
    const manager = await signIn(core, await addStaff(core, '何芳', 'manager'));
    await tickEvery30s('09:00', '09:30');

    const seenByA = await call<Listed>('notifications.list', {}, clerkA);
    expect(seenByA.items.map((item) => item.titleKey)).toEqual([
      'notifications.rosterUnconfirmed.escalatedTitle',
      'notifications.rosterUnconfirmed.title',
    ]);
    expect(seenByA.unreadCount).toBe(2);
    // `now` is the server's clock, the one "how long ago" is measured on.
    expect(await call<Listed>('notifications.list', {}, guide)).toEqual({ items: [], unreadCount: 0, now: beijing('09:30').toISOString() });
    expect((await call<Listed>('notifications.list', {}, manager)).unreadCount).toBe(2);

    // A reads the newest one: only A's mark changes.
    const newest = seenByA.items[0]!.id;
    expect(await call('notifications.markRead', { ids: [newest] }, clerkA)).toEqual({ marked: 1, unreadCount: 1 });
    const afterA = await call<Listed>('notifications.list', {}, clerkA);
    expect(afterA.items.find((item) => item.id === newest)?.readAt).toBe(core.clock.now().toISOString());
    expect((await call<Listed>('notifications.list', { unreadOnly: true }, clerkA)).items.map((item) => item.id)).not.toContain(newest);
    expect((await call<Listed>('notifications.list', {}, clerkB)).unreadCount).toBe(2);

    // Marking again, or marking what is not one's own, marks nothing.
    expect(await call('notifications.markRead', { ids: [newest] }, clerkA)).toEqual({ marked: 0, unreadCount: 1 });
    expect(await call('notifications.markRead', { ids: [newest] }, guide)).toEqual({ marked: 0, unreadCount: 0 });

    expect(await call('notifications.markAllRead', {}, clerkB)).toEqual({ marked: 2, unreadCount: 0 });
    expect((await call<Listed>('notifications.list', {}, clerkA)).unreadCount).toBe(1);
  });
});
