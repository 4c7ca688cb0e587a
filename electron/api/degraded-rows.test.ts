import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { addStaff, caller, createTestCore, signIn, type TestCore } from '../../tests/helpers/test-core';
import { DegradedRowError, parseDegrading } from './degraded-rows';

describe('one bad stored row, not a lost answer', () => {
  let core: TestCore;
  let reception: string;
  beforeEach(async () => {
    core = await createTestCore();
    reception = await signIn(core, await addStaff(core, '前台测试', 'reception'));
  });
  afterEach(() => core.close());

  it('lists every other customer, shows the bad one with a placeholder, and logs its id', async () => {
    const ids: number[] = [];
    for (const [name, phone] of [['林一', '13900000001'], ['林二', '13900000002'], ['林三', '13900000003']] as const) {
      const created = await core.dispatcher.dispatch('customers.create', { name, phone, tags: ['vip'] }, caller(reception));
      if (!created.ok) throw new Error(created.error.message);
      ids.push((created.value as { id: number }).id);
    }
    // A value an older version (or a hand edit) left in the database: not an instant.
    await core.database.db.updateTable('customers').set({ last_visit_at: 'last Tuesday' }).where('id', '=', ids[1]!).execute();

    const answer = await core.dispatcher.dispatch('customers.search', { query: '林' }, caller(reception));
    if (!answer.ok) throw new Error(`the whole answer was lost: ${answer.error.message}`);
    const customers = (answer.value as { results: { id: number; name: string; tags: string[]; lastVisitAt: string | null }[] }).results;
    expect(customers.map((customer) => customer.id).sort()).toEqual([...ids].sort());
    const bad = customers.find((customer) => customer.id === ids[1])!;
    expect(bad).toMatchObject({ name: '林二', tags: ['vip'], lastVisitAt: null });

    const logged = core.errors.filter((error): error is DegradedRowError => error instanceof DegradedRowError);
    expect(logged).toHaveLength(1);
    expect(logged[0]!.message).toContain('customers.search');
    expect(logged[0]!.message).toContain(`id ${ids[1]}`);
    expect(logged[0]!.message).toContain('lastVisitAt');
    // The log names the field, never the stored value (it could be a name or a phone).
    expect(logged[0]!.message).not.toContain('last Tuesday');
  });
});

describe('parseDegrading', () => {
  const row = z.object({ id: z.number(), ticket: z.string().regex(/^A\d{3}$/), name: z.string().max(4).regex(/\*/).nullable() });
  const answer = z.object({ title: z.string(), rows: z.array(row), groups: z.array(z.object({ id: z.number(), rows: z.array(row) })) });

  it('mends a row whose field takes a placeholder, keeping its other fields', () => {
    const result = parseDegrading(answer, {
      title: 't',
      rows: [{ id: 1, ticket: 'A001', name: '王*' }, { id: 2, ticket: 'A002', name: 'Alexandra Montgomery' }],
      groups: [],
    });
    expect(result).toMatchObject({
      success: true,
      data: { rows: [{ id: 1, name: '王*' }, { id: 2, ticket: 'A002', name: '*' }] },
      degraded: [{ where: 'rows[1]', rowId: 2, fields: ['name'], outcome: 'placeholder' }],
    });
  });

  it('leaves out a row no placeholder can mend, and the innermost row only', () => {
    const result = parseDegrading(answer, {
      title: 't',
      rows: [],
      groups: [{ id: 7, rows: [{ id: 1, ticket: 'bad', name: null }, { id: 2, ticket: 'A002', name: null }] }],
    });
    expect(result).toMatchObject({
      success: true,
      data: { groups: [{ id: 7, rows: [{ id: 2 }] }] },
      degraded: [{ where: 'groups[0].rows[0]', rowId: 1, fields: ['ticket'], outcome: 'left out' }],
    });
  });

  it('names the row around a bad element that has no id of its own', () => {
    const tagged = z.object({ rows: z.array(z.object({ id: z.number(), tags: z.array(z.enum(['vip'])) })) });
    const result = parseDegrading(tagged, { rows: [{ id: 9, tags: ['vip', 'gone'] }] });
    expect(result).toMatchObject({ success: true, data: { rows: [{ id: 9, tags: ['vip'] }] }, degraded: [{ rowId: 9, outcome: 'left out' }] });
  });

  it('still fails an answer whose failure lies outside every row', () => {
    expect(parseDegrading(answer, { title: 42, rows: [], groups: [] }).success).toBe(false);
    expect(parseDegrading(answer, { title: 't', rows: 'none', groups: [] }).success).toBe(false);
  });
});
