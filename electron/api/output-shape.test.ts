import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { contract } from '../../shared/contract/index';
import { addStaff, caller, createTestCore, signIn, type TestCore } from '../../tests/helpers/test-core';
import { createServices } from '../core/create-core';
import { seedDemoClinic } from '../demo/seed-demo';
import { playDemoDay } from '../demo/play-day';
import { createAuthService } from '../services/auth-service';
import { createDispatcher } from './dispatcher';
import { createHandlers } from './handlers/index';
import { outputShape } from './output-shape';

const NOW = '2026-11-23T03:00:00.000Z';
let core: TestCore;
let reception: string;

beforeEach(async () => {
  core = await createTestCore({ now: NOW });
  await seedDemoClinic(core.database.db, '2026-11-23', new Date(NOW));
  await playDemoDay(core.database.db, { date: '2026-11-23', until: new Date(NOW) });
  reception = await signIn(core, await addStaff(core, '前台测试', 'reception'));
});
afterEach(() => core.close());

const dispatcherWith = (handlers: ReturnType<typeof createHandlers>, logError: (error: unknown) => void = () => undefined) =>
  createDispatcher({
    db: core.database.db,
    handlers,
    clock: core.clock,
    events: core.events,
    resolveActor: (db, token, now) => createAuthService().resolveActor(db, token, now),
    outputChecks: 'shape',
    logError,
  });

describe('outputs checked by their shape', () => {
  it('read exactly as the full contract reads them, for every method’s real answers', async () => {
    for (const schema of Object.values(contract).map((spec) => spec.output)) expect(() => outputShape(schema)).not.toThrow();
    for (const [method, input] of [
      ['visits.board', {}],
      ['customers.search', { query: 'wang' }],
      ['appointments.listDay', {}],
      ['auth.me', {}],
      ['roster.today', {}],
      ['checklists.today', {}],
    ] as const) {
      const answer = await core.dispatcher.dispatch(method, input, caller(reception));
      if (!answer.ok) throw new Error(`${method}: ${answer.error.message}`);
      const schema = contract[method].output;
      expect(outputShape(schema).parse(answer.value), method).toEqual(schema.parse(answer.value));
    }
  });

  it('still strip every field the contract does not list, and refuse a wrong type', async () => {
    const handlers = createHandlers(createServices());
    const board = handlers['visits.board'];
    handlers['visits.board'] = async (input, context) => {
      const value = await board(input, context);
      return { ...value, cards: value.cards.map((card) => ({ ...card, phone: '13800001234', customer: { ...card.customer, notes: '怕疼' } })) };
    };
    handlers['settings.get'] = async () => ({ clinicName: 42 }) as never;
    const dispatcher = dispatcherWith(handlers);
    const answer = await dispatcher.dispatch('visits.board', {}, caller(reception));
    if (!answer.ok) throw new Error(answer.error.message);
    const text = JSON.stringify(answer.value);
    expect(text).not.toContain('13800001234');
    expect(text).not.toContain('怕疼');
    expect(await dispatcher.dispatch('settings.get', {}, caller(reception))).toMatchObject({ ok: false, error: { code: 'internal' } });
  });

  it('leave every check on for what the lobby display receives', async () => {
    const handlers = createHandlers(createServices());
    const display = handlers['display.board'];
    handlers['display.board'] = async (input, context) => {
      const value = await display(input, context);
      return { ...value, waiting: value.waiting.map((entry) => ({ ...entry, name: '王丽' })) };
    };
    const lobby = await signIn(core, await addStaff(core, '大堂显示屏', 'display'));
    const logged: unknown[] = [];
    const answer = await dispatcherWith(handlers, (error) => logged.push(error)).dispatch('display.board', {}, caller(lobby));
    // A bare shape would let '王丽' through (a string); the full check catches it on every row,
    // and each row is shown with a masked placeholder instead of the name (degraded-rows.ts).
    if (!answer.ok) throw new Error(answer.error.message);
    const board = answer.value as { waiting: { ticket: string; name: string | null }[] };
    expect(board.waiting.length).toBeGreaterThan(0);
    expect(JSON.stringify(board)).not.toContain('王丽');
    expect(board.waiting.every((entry) => entry.name === '*')).toBe(true);
    expect(logged.map((error) => (error as Error).message)).toEqual(
      board.waiting.map((entry) => expect.stringContaining(`display.board: row waiting[${board.waiting.indexOf(entry)}] (ticket ${entry.ticket})`)),
    );
  });
});
