import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addStaff, caller, createTestCore, signIn, type TestCore } from '../../../tests/helpers/test-core';
import { AUDIT_FILING_BATCH, appendAudit, fileAudit, listAudit } from './audit';
import { rowsOfCustomer } from './customer-graph';
import { purgeAuditBefore, scrubCustomer } from './erasure';

/**
 * The audit log's rows are filed into its indexes in batches (migration 027): a write appends its
 * row unfiled, the write that makes a batch files it in its own transaction, and every reader by an
 * index files the rest first. Whatever the batch's state, a reader finds every row written before it
 * asked, and a write that rolls back leaves the log as it was.
 */
let core: TestCore;
let staffId = 0;
beforeEach(async () => {
  core = await createTestCore();
  staffId = await addStaff(core, '何主管', 'manager');
});
afterEach(() => core.close());

const sqlite = () => core.database.sqlite;
const unfiled = () => (sqlite().prepare('SELECT count(*) AS n FROM audit_log WHERE filed = 0').get() as { n: number }).n;
const mark = () => (sqlite().prepare('SELECT up_to FROM audit_filing').get() as { up_to: number }).up_to;
const lastId = () => (sqlite().prepare('SELECT max(id) AS id FROM audit_log').get() as { id: number }).id;
const entry = (index: number, at = `2026-11-24T02:${String(index % 60).padStart(2, '0')}:00.000Z`) => ({
  at,
  staffId,
  device: 'desk-1',
  method: index % 2 === 0 ? 'visits.checkIn' : 'appointments.create',
  target: `visit:${String(index)}`,
  diff: { index },
});

describe('audit rows filed in batches', () => {
  it('appends rows unfiled until a batch is made; the write that makes it files the batch and moves the mark', async () => {
    await fileAudit(core.database.db);
    const start = mark();
    expect(unfiled()).toBe(0);
    const db = core.database.db;
    for (let index = 1; index < AUDIT_FILING_BATCH; index += 1) await db.transaction().execute((trx) => appendAudit(trx, entry(index)));
    expect(unfiled()).toBe(AUDIT_FILING_BATCH - 1);
    expect(mark()).toBe(start);
    await db.transaction().execute((trx) => appendAudit(trx, entry(AUDIT_FILING_BATCH)));
    expect(unfiled()).toBe(0);
    expect(mark()).toBe(lastId());
    await db.transaction().execute((trx) => appendAudit(trx, entry(0)));
    expect(unfiled()).toBe(1);
  });

  it('a write that would file the batch and then rolls back leaves the rows unfiled and the mark where it was', async () => {
    const db = core.database.db;
    await fileAudit(db);
    const start = mark();
    for (let index = 1; index < AUDIT_FILING_BATCH; index += 1) await appendAudit(db, entry(index));
    await expect(
      db.transaction().execute(async (trx) => {
        await appendAudit(trx, entry(AUDIT_FILING_BATCH));
        throw new Error('the write failed after its audit row');
      }),
    ).rejects.toThrow('the write failed');
    expect(unfiled()).toBe(AUDIT_FILING_BATCH - 1);
    expect(mark()).toBe(start);
  });

  it('the viewer finds unfiled rows by person, action, record and date, and counts them', async () => {
    const db = core.database.db;
    await fileAudit(db);
    const other = await addStaff(core, '陈前台', 'reception');
    await appendAudit(db, entry(1));
    await appendAudit(db, { ...entry(2), staffId: other, target: 'visit:77' });
    await appendAudit(db, { ...entry(3), at: '2026-11-25T01:00:00.000Z' });
    expect(unfiled()).toBe(3);
    const page = { offset: 0, limit: 50 };
    const methods = async (filter: Parameters<typeof listAudit>[1]) => {
      const { rows, total } = await listAudit(db, { since: '2026-11-24T00:00:00.000Z', ...filter }, page);
      expect(total).toBe(rows.length);
      return rows.map((row) => `${row.method} ${String(row.target)}`);
    };
    expect(await methods({ staffId: other })).toEqual(['visits.checkIn visit:77']);
    expect(await methods({ action: 'appointments.create' })).toEqual(['appointments.create visit:3', 'appointments.create visit:1']);
    expect(await methods({ action: 'visits' })).toEqual(['visits.checkIn visit:77']);
    expect(await methods({ target: 'visit:1' })).toEqual(['appointments.create visit:1']);
    expect(await methods({ until: '2026-11-25T00:00:00.000Z' })).toHaveLength(2);
    expect(unfiled()).toBe(0);
  });

  it('the retention purge removes old rows whether or not they were filed yet', async () => {
    const db = core.database.db;
    await fileAudit(db);
    const before = (sqlite().prepare("SELECT count(*) AS n FROM audit_log WHERE at < '2020-01-01'").get() as { n: number }).n;
    await appendAudit(db, entry(1, '2019-03-01T01:00:00.000Z'));
    await appendAudit(db, entry(2, '2026-11-24T01:00:00.000Z'));
    expect(unfiled()).toBe(2);
    expect(await purgeAuditBefore(db, '2020-01-01T00:00:00.000Z')).toBe(before + 1);
    expect(sqlite().prepare("SELECT target FROM audit_log WHERE at < '2020-01-01'").all()).toEqual([]);
    expect(sqlite().prepare("SELECT target FROM audit_log WHERE target = 'visit:2'").all()).toEqual([{ target: 'visit:2' }]);
  });

  it('filing again, or with a mark left behind, files nothing twice and loses nothing', async () => {
    const db = core.database.db;
    for (let index = 1; index <= 5; index += 1) await appendAudit(db, entry(index));
    await fileAudit(db);
    await fileAudit(db);
    expect(unfiled()).toBe(0);
    expect(mark()).toBe(lastId());
    // A mark behind the filed rows (a filing interrupted between its two statements) only widens the next range.
    sqlite().prepare('UPDATE audit_filing SET up_to = 0').run();
    await appendAudit(db, entry(6));
    await fileAudit(db);
    expect(unfiled()).toBe(0);
    expect(mark()).toBe(lastId());
    expect((await listAudit(db, { target: 'visit:6' }, { offset: 0, limit: 5 })).total).toBe(1);
  });

  it('erasure sweeps her unfiled audit rows, and her copy lists them', async () => {
    const db = core.database.db;
    const reception = await signIn(core, await addStaff(core, '陈前台', 'reception'));
    const created = await core.dispatcher.dispatch('customers.create', { name: '温雅', phone: '13911112222' }, caller(reception));
    if (!created.ok) throw new Error(created.error.message);
    const customerId = (created.value as { id: number }).id;
    await fileAudit(db);
    await appendAudit(db, { ...entry(1), method: 'customers.update', target: `customer:${String(customerId)}`, diff: { phone: ['13911112222', '13911113333'] } });
    expect(unfiled()).toBe(1);
    const copy = await rowsOfCustomer(db, customerId);
    expect(copy.audit_log?.map((row) => row.method)).toContain('customers.update');

    await appendAudit(db, { ...entry(2), method: 'customers.update', target: `customer:${String(customerId)}`, diff: { note: '温雅 13911112222' } });
    expect(unfiled()).toBe(1);
    await scrubCustomer(db, customerId, { keepIdentity: false });
    const diffs = sqlite().prepare('SELECT diff FROM audit_log WHERE target = ?').all(`customer:${String(customerId)}`) as { diff: string }[];
    expect(diffs.length).toBeGreaterThanOrEqual(3);
    for (const { diff } of diffs) expect(diff).not.toMatch(/13911112222|温雅/);
  });
});
