import { beforeEach, afterEach, describe, expect, it } from 'vitest';
import type { Customer, CustomerDetail, CustomerSummary } from '../../shared/contract/customers';
import { addStaff, caller, createTestCore, signIn, type TestCore } from '../../tests/helpers/test-core';
import { insertCustomer, recordCustomerVisit, searchConditions, searchRankQuery } from '../db/repositories/customers';

let core: TestCore;
let reception: string;

beforeEach(async () => {
  core = await createTestCore();
  reception = await signIn(core, await addStaff(core, '陈晓雨', 'reception'));
});
afterEach(() => core.close());

async function call<T>(method: string, input: unknown, token = reception) {
  const result = await core.dispatcher.dispatch(method, input, caller(token));
  return result as { ok: true; value: T } | { ok: false; status: number; error: { code: string; message: string; path?: unknown[]; details?: Record<string, unknown> } };
}

async function create(name: string, phone: string, extra: Record<string, unknown> = {}): Promise<Customer> {
  const result = await call<Customer>('customers.create', { name, phone, ...extra });
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

async function names(query: string): Promise<string[]> {
  const result = await call<{ results: CustomerSummary[] }>('customers.search', { query });
  if (!result.ok) throw new Error(result.error.message);
  return result.value.results.map((row) => row.name);
}

describe('customers.create', () => {
  it('stores the phone normalised and returns the card', async () => {
    const customer = await create('王丽', '+86 138-0013-8000', { addressForm: '王姐', tags: ['vip', 'anxious'] });
    expect(customer).toMatchObject({ name: '王丽', phone: '13800138000', addressForm: '王姐', tags: ['vip', 'anxious'], version: 1 });
  });

  it('refuses a phone already on file with a conflict naming the existing customer', async () => {
    const first = await create('王丽', '13800138000', { addressForm: '王姐' });
    const again = await call('customers.create', { name: '王莉', phone: '138 0013 8000' });
    expect(again.ok).toBe(false);
    if (again.ok) return;
    expect(again.status).toBe(409);
    expect(again.error).toMatchObject({ code: 'conflict', path: ['phone'], details: { customerId: first.id } });
    expect(again.error.message).toContain('王丽');
    expect(await names('wl')).toEqual(['王丽']);
  });

  it('refuses a wrong phone naming the field, and guides may not register', async () => {
    const wrong = await call('customers.create', { name: '王丽', phone: '12345' });
    expect(wrong).toMatchObject({ ok: false, error: { code: 'invalid', path: ['phone'] } });
    const guide = await signIn(core, await addStaff(core, '赵敏', 'guide'));
    expect(await call('customers.create', { name: '王丽', phone: '13800138000' }, guide)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });
});

describe('customers.update', () => {
  it('saves with the version the clerk saw, and refuses the second of two clerks', async () => {
    const customer = await create('王丽', '13800138000');
    const first = await call<Customer>('customers.update', { id: customer.id, expectedVersion: 1, addressForm: '王姐' });
    expect(first).toMatchObject({ ok: true, value: { addressForm: '王姐', version: 2 } });
    const second = await call('customers.update', { id: customer.id, expectedVersion: 1, addressForm: '丽丽' });
    expect(second).toMatchObject({ ok: false, status: 409, error: { code: 'conflict' } });
    const detail = await call<CustomerDetail>('customers.get', { id: customer.id });
    expect(detail).toMatchObject({ ok: true, value: { customer: { addressForm: '王姐', version: 2 } } });
  });

  it('re-reads the name for search after a rename, and refuses another customer’s phone', async () => {
    const customer = await create('王丽', '13800138000');
    const other = await create('李娜', '13900139000');
    await call('customers.update', { id: customer.id, expectedVersion: 1, name: '曾丽' });
    expect(await names('zengli')).toEqual(['曾丽']);
    expect(await names('wangli')).toEqual([]);
    const taken = await call('customers.update', { id: customer.id, expectedVersion: 2, phone: '13900139000' });
    expect(taken).toMatchObject({ ok: false, error: { code: 'conflict', details: { customerId: other.id } } });
  });
});

describe('customers.get', () => {
  it('shows the full phone and the history, and logs who opened the record', async () => {
    const customer = await create('王丽', '13800138000', { notes: '怕疼' });
    const before = await core.database.db.selectFrom('audit_log').selectAll().where('method', '=', 'customers.get').execute();
    expect(before).toHaveLength(0);
    const detail = await call<CustomerDetail>('customers.get', { id: customer.id });
    expect(detail).toMatchObject({ ok: true, value: { customer: { phone: '13800138000', notes: '怕疼' }, appointments: [] } });
    const logged = await core.database.db.selectFrom('audit_log').selectAll().where('method', '=', 'customers.get').execute();
    expect(logged).toHaveLength(1);
    expect(logged[0]).toMatchObject({ target: `customer:${customer.id}`, device: 'test' });
    expect(logged[0]?.staff_id).not.toBeNull();
  });

  it('answers not_found for an unknown id', async () => {
    expect(await call('customers.get', { id: 999 })).toMatchObject({ ok: false, status: 404 });
  });
});

describe('customers.search', () => {
  beforeEach(async () => {
    await create('王丽', '13800138000', { addressForm: '王姐' });
    await create('王立新', '13912345678');
    await create('吴兰', '15000008000');
    await create('曾凡', '13611112222');
    await create('单可', '13722223333');
    await create('解晓东', '13833334444');
    await create('仇雅', '15844445555');
    await create('区伟', '15955556666');
    await create('查理', '18866667777');
    await create('覃小红', '18977778888');
    await create('欧阳娜娜', '0755-12345678');
  });

  it('finds by characters, full pinyin, initials and phone digits', async () => {
    expect(await names('王丽')).toEqual(['王丽']);
    expect(await names('wangli')).toEqual(['王丽', '王立新']);
    expect(await names('wl')).toEqual(['王丽', '吴兰', '王立新']);
    expect(await names('1380')).toEqual(['王丽']);
    expect(await names('8000')).toEqual(['王丽', '吴兰']);
    expect(await names('138-0013')).toEqual(['王丽']);
    expect(await names('王姐')).toEqual(['王丽']);
    expect(await names('娜娜')).toEqual(['欧阳娜娜']);
    expect(await names('nana')).toEqual(['欧阳娜娜']);
    expect(await names('0755')).toEqual(['欧阳娜娜']);
  });

  it('ignores case and spaces in pinyin', async () => {
    expect(await names('WangLi')).toEqual(['王丽', '王立新']);
    expect(await names('Wang Li')).toEqual(['王丽', '王立新']);
    expect(await names('WL')).toEqual(['王丽', '吴兰', '王立新']);
  });

  it('reads polyphonic surnames as surnames', async () => {
    expect(await names('zengfan')).toEqual(['曾凡']);
    expect(await names('shanke')).toEqual(['单可']);
    expect(await names('xiexiaodong')).toEqual(['解晓东']);
    expect(await names('qiuya')).toEqual(['仇雅']);
    expect(await names('ouwei')).toEqual(['区伟']);
    expect(await names('zhali')).toEqual(['查理']);
    expect(await names('qinxiaohong')).toEqual(['覃小红']);
    expect(await names('sk')).toEqual(['单可']);
  });

  it('ranks exact before prefix before the rest', async () => {
    // 王丽's and 吴兰's initials are exactly "wl"; 王立新's ("wlx") only begin with it.
    expect(await names('wl')).toEqual(['王丽', '吴兰', '王立新']);
    expect((await names('w')).slice(0, 3)).toEqual(expect.arrayContaining(['王丽', '王立新', '吴兰']));
    // "li": 李娜 begins with it; 王丽 and 查理 match by their given names exactly, 王立新 only by its start.
    await create('李娜', '13000000001');
    expect(await names('li')).toEqual(['李娜', '王丽', '查理', '王立新']);
    // Exact full pinyin 王丽 before 王立新, which only begins with wangli.
    expect(await names('wangli')).toEqual(['王丽', '王立新']);
  });

  it('puts recent visitors first among equals', async () => {
    const wu = (await core.database.db.selectFrom('customers').select('id').where('name', '=', '吴兰').executeTakeFirstOrThrow()).id;
    expect(await names('wl')).toEqual(['王丽', '吴兰', '王立新']);
    await recordCustomerVisit(core.database.db, wu, '2026-11-20T02:00:00.000Z');
    expect(await names('wl')).toEqual(['吴兰', '王丽', '王立新']);
    // A visit does not outrank a better match.
    expect(await names('wangli')).toEqual(['王丽', '王立新']);
  });

  it('shows phones masked only', async () => {
    const result = await call<{ results: CustomerSummary[] }>('customers.search', { query: '王丽' });
    expect(result).toMatchObject({ ok: true, value: { results: [{ name: '王丽', phoneMasked: '138****8000', addressForm: '王姐' }] } });
    expect(JSON.stringify(result)).not.toContain('13800138000');
  });

  it('lets a guide search (masked) but not open the full record', async () => {
    const guide = await signIn(core, await addStaff(core, '赵敏', 'guide'));
    expect(await call('customers.search', { query: 'wl' }, guide)).toMatchObject({ ok: true });
    expect(await call('customers.get', { id: 1 }, guide)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });
});

describe('a broad search (more hits than it sorts)', () => {
  it('still returns recent visitors first, then by pinyin, all matching', async () => {
    const db = core.database.db;
    const given = ['丽', '芳', '敏', '静', '婷', '雪', '娜', '燕', '霞', '琳'];
    await db.transaction().execute(async (trx) => {
      for (let index = 0; index < 1100; index += 1) {
        const name = `王${given[index % 10]}${given[Math.floor(index / 10) % 10]}${index}`;
        await insertCustomer(trx, { name, phone: `139${String(index).padStart(8, '0')}`, addressForm: null, gender: null, birthYear: null, channel: null, notes: '', tags: [] }, '2026-11-01T00:00:00.000Z');
      }
      await insertCustomer(trx, { name: '李娜', phone: '13700000000', addressForm: null, gender: null, birthYear: null, channel: null, notes: '', tags: [] }, '2026-11-01T00:00:00.000Z');
    });
    const id = async (name: string) => (await db.selectFrom('customers').select('id').where('name', '=', name).executeTakeFirstOrThrow()).id;
    await recordCustomerVisit(db, await id('王芳丽1'), '2026-11-10T02:00:00.000Z');
    await recordCustomerVisit(db, await id('王丽丽0'), '2026-11-20T02:00:00.000Z');
    await recordCustomerVisit(db, await id('李娜'), '2026-11-22T02:00:00.000Z');
    const found = await names('王');
    expect(found).toHaveLength(20);
    expect(found.slice(0, 2)).toEqual(['王丽丽0', '王芳丽1']);
    expect(found.every((name) => name.startsWith('王'))).toBe(true);
    // The never-visited follow in pinyin order.
    const pinyinOf = await db.selectFrom('customers').select(['name', 'name_pinyin']).where('name', 'in', found.slice(2)).execute();
    const order = found.slice(2).map((name) => pinyinOf.find((row) => row.name === name)?.name_pinyin ?? '');
    expect(order).toEqual([...order].sort());
  });
});

describe('search query plans', () => {
  const plan = (compiled: { sql: string; parameters: readonly unknown[] }) =>
    (core.database.sqlite.prepare(`EXPLAIN QUERY PLAN ${compiled.sql}`).all(...compiled.parameters) as { detail: string }[]).map((row) => row.detail);

  it('reach every search path through an index: narrow ranks by their prefix ranges, broad ones down the recency index', () => {
    const db = core.database.db;
    for (const query of [
      { kind: 'text', text: '王' },
      { kind: 'latin', text: 'wl' },
      { kind: 'digits', text: '8000' },
    ] as const) {
      for (const conditions of searchConditions(query)) {
        const ranges = plan(searchRankQuery(db, conditions, 'ranges', [1, 2], 20).compile());
        // Every branch is an index range or lookup; the customers table is never scanned.
        expect(ranges.filter((detail) => /^SCAN (customers|c)\b/.test(detail))).toEqual([]);
        expect(ranges.filter((detail) => /SEARCH customers USING (COVERING )?INDEX customers_by_|sqlite_autoindex_customers/.test(detail))).toHaveLength(conditions.length);

        const recency = plan(searchRankQuery(db, conditions, 'recency', [], 20).compile());
        // Walks customers in the order it returns them and stops at the limit: no sort of all hits.
        expect(recency).toContain('SCAN c USING INDEX customers_by_recency');
        expect(recency.filter((detail) => /TEMP B-TREE FOR ORDER BY/.test(detail))).toEqual([]);
      }
    }
  });
});
