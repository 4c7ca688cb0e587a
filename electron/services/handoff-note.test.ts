/**
 * The hand-off note's confidentiality (issue 14): who may read it — by role AND relation to the
 * visit — with every read, granted or refused, in the audit log; and a unique marker written in
 * every field of the note appears in no printed slip, display payload, change notice,
 * notification, board card, escort list or audit row.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ChangeNotice } from '../../shared/contract/events';
import { addStaff, caller, createTestCore, signIn, type TestCore } from '../../tests/helpers/test-core';
import { buildEscortClinic, callToRoom, type EscortClinic } from '../../tests/helpers/escort-fixture';
import { escortDelayedRule } from './notification-rules/escort-delayed';
import { createScheduler } from './scheduler';

const NOW = '2026-11-24T02:30:00.000Z';
const MARKER = 'QZX7-保密标记-9F2K';
let core: TestCore;
let clinic: EscortClinic;
let notices: ChangeNotice[];

beforeEach(async () => {
  core = await createTestCore({ now: NOW });
  clinic = await buildEscortClinic(core);
  notices = [];
  core.events.subscribe((notice) => void notices.push(notice as ChangeNotice));
});
afterEach(async () => {
  await core.close();
});

const note = {
  wants: `想要自然的双眼皮 ${MARKER}`,
  expectation: 'unrealistic',
  worries: `怕疼，怕同事看出来 ${MARKER}`,
  anxiety: 3,
  motivation: `刚离婚，想重新开始 ${MARKER}`,
  budget: `预算两万以内 ${MARKER}`,
  firstVisit: false,
  lastVisit: `2025 年 玻尿酸，周雅 ${MARKER}`,
  companions: `妹妹陪同 ${MARKER}`,
  addressForm: '王姐',
  suggestAssessment: true,
  assessmentReason: `多次提到镜子里的自己很丑 ${MARKER}`,
} as const;

const readAs = (who: Parameters<EscortClinic['attempt']>[0], visitId: number) => clinic.attempt(who, 'handoff.get', { visitId });

describe('the hand-off note', () => {
  it('is read only by those who receive or bring her, and every read is audited', async () => {
    const { visitId, escortId } = await callToRoom(clinic);
    // The desk writes it while she waits.
    const saved = await clinic.call<{ version: number }>('reception', 'handoff.save', { visitId, expectedVersion: 0, ...note });
    expect(saved.version).toBe(1);
    expect(await readAs('reception', visitId)).toMatchObject({ ok: true });

    // Before a guide takes her: no guide reads it.
    expect(await readAs('guide', visitId)).toMatchObject({ ok: false, status: 403 });
    await clinic.call('guide', 'escorts.take', { escortId });
    await clinic.call('guide', 'escorts.pickUp', { escortId });
    // The escorting guide reads and edits it on the way; another guide does not.
    expect(await readAs('guide', visitId)).toMatchObject({ ok: true, value: { note: { wants: note.wants, anxiety: 3, suggestAssessment: true } } });
    await clinic.call('guide', 'handoff.save', { visitId, expectedVersion: 1, worries: `电梯里说很怕麻醉 ${MARKER}` });
    expect(await readAs('guide2', visitId)).toMatchObject({ ok: false, status: 403 });
    // Reception no longer, now that she has left the desk.
    expect(await readAs('reception', visitId)).toMatchObject({ ok: false, status: 403 });
    // The receiving room (consultant and nurse of 401) reads it before she arrives; 402's nurse does not.
    expect(await readAs('consultant', visitId)).toMatchObject({ ok: true });
    expect(await readAs('nurse401', visitId)).toMatchObject({ ok: true });
    expect(await readAs('nurse402', visitId)).toMatchObject({ ok: false, status: 403 });
    expect(await readAs('doctor', visitId)).toMatchObject({ ok: false, status: 403 });
    expect(await readAs('manager', visitId)).toMatchObject({ ok: true });
    // The lobby display: refused by its role.
    const display = await signIn(core, await addStaff(core, '大堂屏', 'display'));
    expect(await core.dispatcher.dispatch('handoff.get', { visitId }, caller(display))).toMatchObject({ ok: false, status: 403 });
    // A stale save is refused.
    expect(await clinic.attempt('guide', 'handoff.save', { visitId, expectedVersion: 1, budget: 'x' })).toMatchObject({ ok: false, status: 409 });

    await clinic.call('guide', 'escorts.deliver', { escortId });
    await clinic.call('consultant', 'escorts.acknowledge', { escortId, plan: `先确认期望 ${MARKER}` });
    // The guide's part is over.
    expect(await readAs('guide', visitId)).toMatchObject({ ok: false, status: 403 });
    expect(await readAs('consultant', visitId)).toMatchObject({ ok: true, value: { note: { receiverPlan: `先确认期望 ${MARKER}` } } });

    // Six granted, six refused (the display's refusal is the dispatcher's, by role, before any read).
    const reads = await core.database.db.selectFrom('audit_log').select(['method', 'staff_id']).where('method', 'like', 'handoff.get%').execute();
    expect(reads.filter((row) => row.method === 'handoff.get')).toHaveLength(6);
    expect(reads.filter((row) => row.method === 'handoff.get:refused')).toHaveLength(6);
  });

  it('never reaches a slip, the display, a change notice, a notification, a board or the audit log', async () => {
    const display = await signIn(core, await addStaff(core, '大堂屏', 'display'));
    const { visitId, escortId } = await callToRoom(clinic);
    await clinic.call('reception', 'handoff.save', { visitId, expectedVersion: 0, ...note });
    const outputs: unknown[] = [];
    const keep = async (who: Parameters<EscortClinic['call']>[0], method: string, input: unknown) => outputs.push(await clinic.call(who, method, input));

    // Printed: the directions slip in both languages and sizes.
    for (const language of ['zh-CN', 'en'] as const) for (const paper of ['80mm', 'a5'] as const) await keep('guide', 'escorts.directions', { escortId, paper, language });
    // Delayed, so a notification is raised at each step.
    const scheduler = createScheduler({ db: core.database.db, clock: core.clock, events: core.events, rules: [escortDelayedRule] });
    await scheduler.tick(new Date(Date.parse(NOW) + 10 * 60_000));
    await clinic.call('guide', 'escorts.take', { escortId });
    await clinic.call('guide', 'escorts.pickUp', { escortId });
    await clinic.call('guide', 'escorts.deliver', { escortId });
    await scheduler.tick(new Date(Date.parse(NOW) + 30 * 60_000));
    scheduler.stop();
    for (const who of ['reception', 'guide', 'guide2', 'consultant', 'nurse402', 'manager'] as const) {
      await keep(who, 'notifications.list', {});
      await keep(who, 'visits.board', {});
      await keep(who, 'escorts.board', {});
    }
    const shown = await core.dispatcher.dispatch('display.board', {}, caller(display));
    expect(shown.ok).toBe(true);
    outputs.push(shown);
    await clinic.call('consultant', 'escorts.acknowledge', { escortId, plan: `先确认期望 ${MARKER}` });
    await keep('reception', 'visits.cards', { ids: [visitId] });

    expect((await core.database.db.selectFrom('notifications').select('id').execute()).length).toBeGreaterThanOrEqual(2);
    expect(notices.length).toBeGreaterThan(5);
    const audit = await core.database.db.selectFrom('audit_log').selectAll().execute();
    for (const [what, value] of [['outputs', outputs], ['change notices', notices], ['audit log', audit]] as const) {
      expect(JSON.stringify(value), what).not.toContain(MARKER);
      expect(JSON.stringify(value), what).not.toContain('QZX7');
    }
    // The slips name neither her full name nor her item either.
    const slips = JSON.stringify(outputs.slice(0, 4));
    expect(slips).not.toContain('王晓丽');
    expect(slips).not.toContain('双眼皮');
    expect(slips).toContain('王姐');
  });
});
