/**
 * Twenty guides take the same escort at once over HTTP (issue 14): exactly one wins, every other
 * gets 409 naming the winner, and the escort's events show one take.
 */
import type { FastifyInstance } from 'fastify';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildEscortClinic, callToRoom } from '../../tests/helpers/escort-fixture';
import { addStaff, signIn, createTestCore, type TestCore } from '../../tests/helpers/test-core';
import { createHttpServer } from './http-server';

let core: TestCore;
let server: FastifyInstance;
let base: string;

beforeEach(async () => {
  core = await createTestCore({ now: '2026-11-24T02:30:00.000Z' });
  server = await createHttpServer({ core, version: 'test' });
  base = await server.listen({ port: 0, host: '127.0.0.1' });
});
afterEach(async () => {
  await server.close();
  await core.close();
});

describe('twenty guides taking one escort at once', () => {
  it('gives it to exactly one; the others are told who took it', async () => {
    const clinic = await buildEscortClinic(core);
    const { escortId } = await callToRoom(clinic);
    const guides = await Promise.all(Array.from({ length: 20 }, async (_, index) => {
      const name = `导医${String(index + 1).padStart(2, '0')}`;
      return { name, token: await signIn(core, await addStaff(core, name, 'guide')) };
    }));

    const answers = await Promise.all(
      guides.map(async (guide) => {
        const response = await fetch(`${base}/api/escorts.take`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${guide.token}`, 'accept-language': 'en' },
          body: JSON.stringify({ escortId }),
        });
        return { guide: guide.name, status: response.status, body: (await response.json()) as { guide?: { name: string }; error?: { code: string; message: string; details?: { guide?: string } } } };
      }),
    );

    const winners = answers.filter((answer) => answer.status === 200);
    expect(winners).toHaveLength(1);
    const winner = winners[0]?.guide ?? '';
    expect(winners[0]?.body.guide?.name).toBe(winner);
    const losers = answers.filter((answer) => answer.status !== 200);
    expect(losers).toHaveLength(19);
    for (const loser of losers) {
      expect(loser.status).toBe(409);
      expect(loser.body.error?.code).toBe('conflict');
      expect(loser.body.error?.message).toBe(`Already taken by ${winner}`);
      expect(loser.body.error?.details?.guide).toBe(winner);
    }
    const takes = await core.database.db.selectFrom('escort_events').select(['kind', 'staff_id']).where('escort_id', '=', escortId).where('kind', '=', 'taken').execute();
    expect(takes).toHaveLength(1);
  }, 60_000);
});
