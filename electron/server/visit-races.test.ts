/**
 * Issue 19 part 6: several desks and tablets acting on one card at the same moment, over real HTTP.
 * For every move the status machine allows (read from `VISIT_TRANSITIONS`, not listed here), a
 * visit is brought to the move's starting status and every client asks for the same move at once:
 * exactly one succeeds, every other one gets `409 conflict` naming the status the card is in now,
 * and exactly one status event is written.
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { STAFF_ROLES } from '../../shared/domain/roles';
import { translate } from '../../shared/i18n/messages';
import { VISIT_STATUSES, VISIT_TRANSITIONS, canTransition, type VisitStatus } from '../../shared/domain/visits';
import { addStaff, createTestCore, type TestCore } from '../../tests/helpers/test-core';
import { createHttpServer } from './http-server';

/** How many clients race for each move: one per staff role that may move a card, and a second desk. */
const CLIENTS = [...STAFF_ROLES, 'reception'] as const;

let core: TestCore;
let server: FastifyInstance;
let base: string;
const tokens: string[] = [];

interface Answer {
  status: number;
  body: { status?: VisitStatus; version?: number; error?: { code: string; message: string; details?: { currentStatus?: string } } };
}

async function post(method: string, body: unknown, token: string | undefined = tokens[0]): Promise<Answer> {
  const response = await fetch(`${base}/api/${method}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'accept-language': 'en', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as Answer['body'] };
}

/** The shortest way from `waiting` (where a check-in puts a card) to `target`, by the table. */
function pathTo(target: VisitStatus): VisitStatus[] {
  const previous = new Map<VisitStatus, VisitStatus | null>([['waiting', null]]);
  const queue: VisitStatus[] = ['waiting'];
  while (queue.length > 0) {
    const status = queue.shift() as VisitStatus;
    for (const next of VISIT_TRANSITIONS[status]) {
      if (!previous.has(next)) {
        previous.set(next, status);
        queue.push(next);
      }
    }
  }
  if (!previous.has(target)) throw new Error(`${target} cannot be reached from waiting`);
  const path: VisitStatus[] = [];
  for (let at: VisitStatus | null = target; at !== null && at !== 'waiting'; at = previous.get(at) ?? null) path.unshift(at);
  return path;
}

let customerCount = 0;
/** A walk-in of a new customer, moved along the table to `from`; its id and the card's version. */
async function visitAt(from: VisitStatus): Promise<{ visitId: number; version: number }> {
  customerCount += 1;
  const customer = await post('customers.create', { name: `竞速${customerCount}`, phone: `136${String(customerCount).padStart(8, '0')}` });
  const checkedIn = (await post('visits.checkIn', { walkIn: { customerId: (customer.body as { id: number }).id } })).body as { visitId: number };
  let version = 0;
  for (const to of pathTo(from)) {
    const moved = await post('visits.transition', { visitId: checkedIn.visitId, to });
    expect(moved.status).toBe(200);
    version = moved.body.version ?? 0;
  }
  if (version === 0) {
    const cards = (await post('visits.cards', { ids: [checkedIn.visitId] })).body as unknown as { cards: { version: number }[] };
    version = cards.cards[0]?.version ?? 0;
  }
  return { visitId: checkedIn.visitId, version };
}

function statusEvents(visitId: number, to: VisitStatus): number {
  const row = core.database.sqlite.prepare('SELECT count(*) AS n FROM visit_events WHERE visit_id = ? AND to_status = ?').get(visitId, to) as { n: number };
  return row.n;
}

const moves = VISIT_STATUSES.flatMap((from) => VISIT_TRANSITIONS[from].map((to) => ({ from, to })));

beforeAll(async () => {
  core = await createTestCore();
  server = await createHttpServer({ core, version: '9.9.9' });
  base = await server.listen({ port: 0, host: '127.0.0.1' });
  for (const [index, role] of CLIENTS.entries()) {
    const staffId = await addStaff(core, `员工${index}`, role);
    const signIn = await post('auth.signIn', { staffId, pin: '1234' }, undefined);
    tokens.push((signIn.body as unknown as { token: string }).token);
  }
});
afterAll(async () => {
  await server.close();
  await core.close();
});

describe(`${CLIENTS.length} clients racing for the same move of one card`, () => {
  it('covers every move of the status machine, none of which leads back to where it starts', () => {
    expect(moves.length).toBeGreaterThan(0);
    // Without a version the refusal rests on this: a card already moved cannot make the move again.
    for (const { to } of moves) expect(canTransition(to, to)).toBe(false);
    console.log(`[visit-races] ${moves.length} moves × ${CLIENTS.length} clients, with and without the card's version`);
  });

  for (const withVersion of [true, false]) {
    for (const { from, to } of moves) {
      it(`${from} → ${to}${withVersion ? ', each sending the version it read' : ', without a version'}: one wins, the rest are told the card is ${to}`, async () => {
        const { visitId, version } = await visitAt(from);
        const before = statusEvents(visitId, to);
        const input = { visitId, to, ...(withVersion ? { expectedVersion: version } : {}) };
        const answers = await Promise.all(tokens.map((token) => post('visits.transition', input, token)));

        const won = answers.filter((answer) => answer.status === 200);
        const lost = answers.filter((answer) => answer.status !== 200);
        expect(won).toHaveLength(1);
        expect(won[0]?.body.status).toBe(to);
        expect(lost).toHaveLength(CLIENTS.length - 1);
        for (const answer of lost) {
          expect(answer.status).toBe(409);
          expect(answer.body.error).toMatchObject({ code: 'conflict', details: { currentStatus: to } });
          expect(answer.body.error?.message).toContain(translate('en', `visits.status.${to}`));
        }
        expect(statusEvents(visitId, to) - before).toBe(1);
      });
    }
  }
});
