/**
 * The desktop's share of the notifications, against a real SQLite and the real scheduler: what the
 * scheduler raises reaches `show` once, translated into the console's language, only for the roles
 * signed in at the desktop (reception's when nobody is), and the ticks start with the core.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Role } from '../../shared/domain/roles';
import type { Language } from '../../shared/i18n/messages';
import { addStaff, createTestCore, type TestCore } from '../../tests/helpers/test-core';
import { NOTIFICATION_RULES } from '../services/notification-rules/index';
import { createScheduler, type Scheduler } from '../services/scheduler';
import { forwardRaisedToDesktop, isForAudience, type DesktopAlert } from './desktop-alerts';
import { DEFAULT_TICK_MS, startNotifications, tickIntervalFrom } from './start-notifications';

// A Monday, 09:05 in Beijing: the clinic opened five minutes ago.
const AFTER_OPENING = '2026-11-23T01:05:00.000Z';

let core: TestCore;
let scheduler: Scheduler;
let shown: DesktopAlert[];
let signedIn: Role[];
let language: Language;
let stopForwarding: () => void;
let waiting: (() => void) | null;

/** Resolves once `show` has been called (the alert is written by then). */
function nextShow(): Promise<void> {
  return new Promise((resolve) => {
    waiting = resolve;
  });
}

beforeEach(async () => {
  core = await createTestCore({ now: AFTER_OPENING });
  const doctorId = await addStaff(core, '李慧', 'doctor');
  await core.database.db
    .insertInto('shift_templates')
    .values({ doctor_id: doctorId, weekday: 1, start_time: '09:00', end_time: '17:00', room_id: null, updated_at: 'x', updated_by: null })
    .execute();
  scheduler = createScheduler({ db: core.database.db, clock: core.clock, events: core.events, rules: NOTIFICATION_RULES });
  shown = [];
  signedIn = [];
  language = 'zh-CN';
  waiting = null;
  stopForwarding = forwardRaisedToDesktop({
    core,
    audience: { roles: () => signedIn, language: () => language },
    show: (alert) => {
      shown.push(alert);
      waiting?.();
    },
  });
});

afterEach(async () => {
  stopForwarding();
  scheduler.stop();
  await core.close();
});

describe('desktop alerts', () => {
  it('shows a raised notification once, in Chinese, with its link, to an unattended desk (reception)', async () => {
    const shownOnce = nextShow();
    const ids = await scheduler.tick();
    await shownOnce;
    expect(shown).toEqual([{ id: ids[0], title: '医生排班尚未确认', body: '已到开诊时间 09:00，今天还有 1/1 位医生未确认。', link: '#/roster' }]);
    // Ticking again raises nothing new, so nothing more is shown.
    expect(await scheduler.tick()).toEqual([]);
    expect(shown).toHaveLength(1);
  });

  it('speaks the console’s language', async () => {
    language = 'en';
    const shownOnce = nextShow();
    await scheduler.tick();
    await shownOnce;
    expect(shown[0]).toMatchObject({ title: "Doctors' roster not confirmed", link: '#/roster' });
  });

  it('shows nothing to a desk signed in only by roles the notification is not for', async () => {
    signedIn = ['guide'];
    // The roster notification is for reception and the manager; a later one for the manager shows.
    const raised = await scheduler.tick();
    expect(raised).toHaveLength(1);
    // findNotifications runs after the notice: a second raise (for the manager) proves the first was skipped.
    signedIn = ['guide', 'manager'];
    core.clock.set('2026-11-23T01:31:00.000Z');
    const shownOnce = nextShow();
    await scheduler.tick();
    await shownOnce;
    expect(shown.map((alert) => alert.title)).toEqual(['开诊 30 分钟后排班仍未确认']);
  });

  it('decides the audience by role, reception when nobody is signed in', () => {
    expect(isForAudience(['reception', 'manager'], [])).toBe(true);
    expect(isForAudience(['guide'], [])).toBe(false);
    expect(isForAudience(['guide'], ['guide'])).toBe(true);
    expect(isForAudience(['reception'], ['nurse'])).toBe(false);
  });
});

describe('startNotifications', () => {
  it('ticks at once when started and stops when asked', async () => {
    const raised = new Promise<number[]>((resolve) => {
      core.events.subscribe((notice) => {
        if (notice.name === 'notifications.raised') resolve((notice.payload as { ids: number[] }).ids);
      });
    });
    const running = startNotifications(core, { intervalMs: DEFAULT_TICK_MS });
    expect(await raised).toHaveLength(1);
    running.stop();
  });

  it('takes its interval from FRONTDESK_SCHEDULER_INTERVAL_MS only within 200 ms – 30 s', () => {
    expect(tickIntervalFrom({})).toBe(30_000);
    expect(tickIntervalFrom({ FRONTDESK_SCHEDULER_INTERVAL_MS: '500' })).toBe(500);
    expect(tickIntervalFrom({ FRONTDESK_SCHEDULER_INTERVAL_MS: '50' })).toBe(30_000);
    expect(tickIntervalFrom({ FRONTDESK_SCHEDULER_INTERVAL_MS: '600000' })).toBe(30_000);
    expect(tickIntervalFrom({ FRONTDESK_SCHEDULER_INTERVAL_MS: '1e3' })).toBe(30_000);
  });
});
