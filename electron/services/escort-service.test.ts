/**
 * Escorts through the dispatcher, as the guides' and room views call them (issue 14): a call
 * requests one; take → pick up → deliver → acknowledge, and only the acknowledgement finishes it
 * and puts the card "in consultation"; hand back, not found, sent back, sent with directions; the
 * desk's own move cancels it; the delay alert; the day's times per step.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildEscortClinic, callToRoom, type EscortClinic } from '../../tests/helpers/escort-fixture';
import { createTestCore, type TestCore } from '../../tests/helpers/test-core';
import { createScheduler } from './scheduler';
import { escortDelayedRule } from './notification-rules/escort-delayed';

// Tuesday 2026-11-24, 10:30 in Shanghai.
const NOW = '2026-11-24T02:30:00.000Z';
let core: TestCore;
let clinic: EscortClinic;

beforeEach(async () => {
  core = await createTestCore({ now: NOW });
  clinic = await buildEscortClinic(core);
});
afterEach(async () => {
  await core.close();
});

interface Card { status: string; escort: { status: string; guideName: string | null; delayed: boolean } | null }
interface Escort { id: number; status: string; visitStatus: string; guide: { name: string } | null; delayed: boolean; reason: string; to: { floor: number } }
const later = (minutes: number) => core.clock.set(new Date(Date.parse(NOW) + minutes * 60_000));
const cardOf = async (visitId: number) => (await clinic.call<{ cards: Card[] }>('reception', 'visits.cards', { ids: [visitId] })).cards[0] as Card;
const eventKinds = async (escortId: number) => (await core.database.db.selectFrom('escort_events').select('kind').where('escort_id', '=', escortId).orderBy('id').execute()).map((row) => row.kind);

describe('an escort from the call to the acknowledgement', () => {
  it('follows every step on the card, and only the receiver’s acknowledgement finishes it', async () => {
    const { visitId, escortId } = await callToRoom(clinic);
    expect((await cardOf(visitId)).escort).toMatchObject({ status: 'requested', guideName: null });

    later(1);
    const taken = await clinic.call<Escort>('guide', 'escorts.take', { escortId });
    expect(taken).toMatchObject({ status: 'taken', guide: { name: '赵敏' }, to: { floor: 4 } });
    expect(await cardOf(visitId)).toMatchObject({ status: 'called', escort: { status: 'taken', guideName: '赵敏' } });

    later(3);
    await clinic.call('guide', 'escorts.pickUp', { escortId });
    expect(await cardOf(visitId)).toMatchObject({ status: 'escorting', escort: { status: 'picked_up' } });

    later(6);
    await clinic.call('guide', 'escorts.deliver', { escortId });
    // Delivered is not finished: the card says "waiting at the door", not "in consultation".
    expect(await cardOf(visitId)).toMatchObject({ status: 'escorting', escort: { status: 'delivered' } });
    // The guide cannot acknowledge her own delivery; nor can the desk move the escort on.
    expect((await clinic.attempt('guide', 'escorts.acknowledge', { escortId })).ok).toBe(false);
    const twice = await clinic.attempt('guide', 'escorts.deliver', { escortId });
    expect(twice).toMatchObject({ ok: false, status: 409 });

    later(8);
    const done = await clinic.call<Escort>('consultant', 'escorts.acknowledge', { escortId, plan: '先看照片，再谈期望' });
    expect(done).toMatchObject({ status: 'acknowledged', visitStatus: 'in_consultation' });
    expect(await cardOf(visitId)).toMatchObject({ status: 'in_consultation', escort: null });
    expect(await eventKinds(escortId)).toEqual(['requested', 'taken', 'picked_up', 'delivered', 'acknowledged']);
    // The room view still lists her inside.
    const board = await clinic.call<{ escorts: Escort[] }>('consultant', 'escorts.board', {});
    expect(board.escorts.map((escort) => escort.status)).toEqual(['acknowledged']);

    const times = await clinic.call<{ steps: { step: string; medianSeconds: number | null }[] }>('manager', 'escorts.times', {});
    expect(Object.fromEntries(times.steps.map((step) => [step.step, step.medianSeconds]))).toEqual({
      requestToTake: 60,
      takeToPickUp: 120,
      pickUpToDelivery: 180,
      deliveryToAck: 120,
      requestToPickUp: 180,
      requestToAck: 480,
    });
  });

  it('goes back to the open list when handed back, and another guide takes it', async () => {
    const { escortId } = await callToRoom(clinic);
    await clinic.call('guide', 'escorts.take', { escortId });
    // Another guide cannot move someone else's escort on.
    expect(await clinic.attempt('guide2', 'escorts.pickUp', { escortId })).toMatchObject({ ok: false, status: 403 });
    await clinic.call('guide', 'escorts.handBack', { escortId, reason: '被叫去 5 楼' });
    const again = await clinic.call<Escort>('guide2', 'escorts.take', { escortId });
    expect(again).toMatchObject({ status: 'taken', guide: { name: '孙婷' } });
    expect(await eventKinds(escortId)).toEqual(['requested', 'taken', 'handed_back', 'taken']);
  });

  it('puts a customer not found back in the queue with the reason', async () => {
    const { visitId, escortId } = await callToRoom(clinic);
    await clinic.call('guide', 'escorts.take', { escortId });
    expect(await clinic.attempt('guide', 'escorts.notFound', { escortId, reason: '  ' })).toMatchObject({ ok: false, status: 400 });
    const result = await clinic.call<Escort>('guide', 'escorts.notFound', { escortId, reason: '大堂和洗手间都没找到' });
    expect(result).toMatchObject({ status: 'not_found', reason: '大堂和洗手间都没找到', visitStatus: 'waiting' });
    expect(await cardOf(visitId)).toMatchObject({ status: 'waiting', escort: null });
    const event = await core.database.db.selectFrom('visit_events').select(['to_status', 'note']).where('visit_id', '=', visitId).orderBy('id', 'desc').executeTakeFirstOrThrow();
    expect(event).toEqual({ to_status: 'waiting', note: '大堂和洗手间都没找到' });
  });

  it('lets a customer go alone with directions; the room still acknowledges her, or sends her back', async () => {
    const { visitId, escortId } = await callToRoom(clinic);
    await clinic.call('reception', 'escorts.sendWithDirections', { escortId });
    expect(await cardOf(visitId)).toMatchObject({ status: 'escorting', escort: { status: 'directions' } });
    const back = await clinic.call<Escort>('nurse401', 'escorts.sendBack', { escortId, reason: '医生临时手术，请回大堂稍候' });
    expect(back).toMatchObject({ status: 'sent_back', visitStatus: 'waiting' });
  });

  it('is cancelled, not finished, when the desk moves the card itself', async () => {
    const { visitId, escortId } = await callToRoom(clinic);
    await clinic.call('reception', 'visits.transition', { visitId, to: 'in_consultation' });
    expect((await core.database.db.selectFrom('escorts').select('status').where('id', '=', escortId).executeTakeFirstOrThrow()).status).toBe('cancelled');
  });

  it('is requested by later moves too: consultation → pre-op exam, and back to the lobby', async () => {
    const { visitId, escortId } = await callToRoom(clinic);
    await clinic.call('guide', 'escorts.take', { escortId });
    await clinic.call('guide', 'escorts.pickUp', { escortId });
    await clinic.call('guide', 'escorts.deliver', { escortId });
    await clinic.call('consultant', 'escorts.acknowledge', { escortId });
    await clinic.call('consultant', 'visits.transition', { visitId, to: 'pre_op_exam', roomId: clinic.rooms.exam });
    const card = await cardOf(visitId);
    expect(card).toMatchObject({ status: 'pre_op_exam', escort: { status: 'requested' } });
    const board = await clinic.call<{ escorts: (Escort & { from: { floor: number } })[] }>('guide', 'escorts.board', {});
    expect(board.escorts.find((escort) => escort.status === 'requested')).toMatchObject({ from: { floor: 4 }, to: { floor: 2 } });
  });
});

describe('a delayed escort', () => {
  it('alerts the desk once per stuck step, named by ticket and address form', async () => {
    const scheduler = createScheduler({ db: core.database.db, clock: core.clock, events: core.events, rules: [escortDelayedRule] });
    const { visitId, escortId } = await callToRoom(clinic);
    await scheduler.tick(new Date(Date.parse(NOW) + 2 * 60_000));
    later(3);
    expect((await cardOf(visitId)).escort?.delayed).toBe(true);
    await scheduler.tick(new Date(Date.parse(NOW) + 3 * 60_000));
    await scheduler.tick(new Date(Date.parse(NOW) + 4 * 60_000));
    const rows = await core.database.db.selectFrom('notifications').select(['kind', 'escalation', 'params', 'link']).execute();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ kind: 'escortDelayed', link: '#/escorts' });
    expect(JSON.parse(rows[0]?.params ?? '{}')).toMatchObject({ who: '王姐', minutes: 3 });
    expect(rows[0]?.params).not.toContain('王晓丽');
    await clinic.call('guide', 'escorts.take', { escortId });
    expect((await cardOf(visitId)).escort?.delayed).toBe(false);
    scheduler.stop();
  });
});
