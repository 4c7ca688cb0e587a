/**
 * Issue 13 part 7: the demo clinic agrees with itself. Whatever day it is generated for, plain or
 * busy, played or not: a follow-up or post-op booking only after a surgery, a pre-op exam only after
 * an earlier visit, a returning customer has earlier visits and a first-visit one none, and an
 * F-ticket is never a customer's first visit. Checked over everything the generator made, so a
 * change to the generator that breaks the story fails here.
 */
import { sql, type Kysely } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { clinicInstant } from '../../shared/domain/clinic-time';
import { createTestCore, type TestCore } from '../../tests/helpers/test-core';
import type { Database } from '../db/schema';
import { bookableKinds } from './demo-history';
import { startDemoClinic } from './start-demo';

let core: TestCore;
afterEach(() => core.close());

/** Every broken rule of the demo's story, as readable lines (empty when it agrees with itself). */
async function contradictions(db: Kysely<Database>): Promise<string[]> {
  const found: string[] = [];
  const needsEarlier = await sql<{ id: number; kind: string; customer_id: number }>`
    SELECT a.id, a.kind, a.customer_id FROM appointments a
    WHERE (a.kind IN ('followup', 'postop') AND NOT EXISTS (
             SELECT 1 FROM appointments e WHERE e.customer_id = a.customer_id AND e.kind = 'surgery'
               AND e.status IN ('checked_in', 'completed') AND e.starts_at < a.starts_at))
       OR (a.kind = 'preop' AND NOT EXISTS (
             SELECT 1 FROM appointments e WHERE e.customer_id = a.customer_id
               AND e.status IN ('checked_in', 'completed') AND e.starts_at < a.starts_at))`.execute(db);
  for (const row of needsEarlier.rows) found.push(`appointment ${row.id} (${row.kind}) of customer ${row.customer_id} has no earlier surgery or visit`);
  // An F ticket greets a customer who has been here before.
  const firstTimeFollowups = await sql<{ ticket: string; customer_id: number }>`
    SELECT v.ticket, v.customer_id FROM visits v JOIN appointments a ON a.id = v.appointment_id
    WHERE v.kind = 'followup' AND NOT EXISTS (
      SELECT 1 FROM appointments e WHERE e.customer_id = v.customer_id AND e.status IN ('checked_in', 'completed') AND e.starts_at < a.starts_at)`.execute(db);
  for (const row of firstTimeFollowups.rows) found.push(`${row.ticket} (customer ${row.customer_id}) is a follow-up on a first visit`);
  // A customer last seen before an appointment has an earlier visit on file, and one never seen none.
  const orphanHistory = await sql<{ id: number }>`
    SELECT c.id FROM customers c WHERE c.last_visit_at IS NOT NULL AND NOT EXISTS (
      SELECT 1 FROM appointments e WHERE e.customer_id = c.id AND e.status IN ('checked_in', 'completed'))
      AND NOT EXISTS (SELECT 1 FROM visits v WHERE v.customer_id = c.id)`.execute(db);
  for (const row of orphanHistory.rows) found.push(`customer ${row.id} has a last visit but no visit on file`);
  const forgotten = await sql<{ id: number }>`
    SELECT c.id FROM customers c WHERE c.last_visit_at IS NULL AND EXISTS (
      SELECT 1 FROM appointments e WHERE e.customer_id = c.id AND e.status IN ('checked_in', 'completed'))`.execute(db);
  for (const row of forgotten.rows) found.push(`customer ${row.id} came before but has no last visit`);
  return found;
}

describe('the demo clinic’s history', () => {
  it('agrees with itself on a plain day played to noon, and the day has follow-ups and first visits', async () => {
    const now = clinicInstant('2026-11-23', '12:00', 'Asia/Shanghai');
    core = await createTestCore({ now: now.toISOString() });
    const db = core.database.db;
    await startDemoClinic(db, { now });
    expect(await contradictions(db)).toEqual([]);
    const kinds = await db.selectFrom('appointments').select(['kind']).where('starts_at', '>=', clinicInstant('2026-11-23', '00:00', 'Asia/Shanghai').toISOString()).execute();
    expect(kinds.some((row) => row.kind === 'followup')).toBe(true);
    expect(kinds.some((row) => row.kind === 'consultation')).toBe(true);
    expect((await db.selectFrom('visits').select('ticket').where('kind', '=', 'followup').execute()).length).toBeGreaterThan(0);
  });

  it('agrees with itself on a busy day, and on the next day started on the same clinic', async () => {
    const now = clinicInstant('2026-12-04', '10:30', 'Asia/Shanghai');
    core = await createTestCore({ now: now.toISOString() });
    const db = core.database.db;
    await startDemoClinic(db, { now, arrivals: 120 });
    expect(await contradictions(db)).toEqual([]);
    await startDemoClinic(db, { now: clinicInstant('2026-12-05', '09:30', 'Asia/Shanghai') });
    expect(await contradictions(db)).toEqual([]);
  });

  it('books a first-time customer only for a consultation, and a follow-up only after a surgery', () => {
    expect(new Set(bookableKinds([]))).toEqual(new Set(['consultation']));
    expect(bookableKinds(['consultation'])).not.toContain('followup');
    expect(bookableKinds(['consultation'])).not.toContain('postop');
    expect(bookableKinds(['consultation', 'surgery'])).toContain('followup');
  });
});
