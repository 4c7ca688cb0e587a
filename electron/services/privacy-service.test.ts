/**
 * Issue 20: consents, who looked, a customer's copy (every table that refers to her, found from the
 * schema) and erasure with legal holds — gone from the file's bytes, not only from its tables.
 */
import { mkdtempSync, readFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addStaff, caller, createTestCore, signIn, type TestCore } from '../../tests/helpers/test-core';
import { maskName } from '../../shared/domain/masking';
import { signatureOf } from '../../tests/helpers/signature';
import { runPrivacyMaintenance } from '../core/privacy-maintenance';
import { waitRedRule } from './notification-rules/visit-waits';
import { createScheduler } from './scheduler';

type Result<T> = { ok: true; value: T } | { ok: false; status: number; error: { code: string; message: string; path?: unknown[]; details?: Record<string, unknown> } };

let core: TestCore;
let dir: string;
const tokens: Record<'manager' | 'reception' | 'guide' | 'nurse', string> = { manager: '', reception: '', guide: '', nurse: '' };
let doctorId = 0;
const call = <T = Record<string, unknown>>(method: string, input: unknown, token = tokens.manager) => core.dispatcher.dispatch(method, input, caller(token)) as Promise<Result<T>>;
async function value<T = Record<string, unknown>>(method: string, input: unknown, token = tokens.manager): Promise<T> {
  const result = await call<T>(method, input, token);
  if (!result.ok) throw new Error(`${method}: ${result.error.message}`);
  return result.value;
}

/**
 * The scenario's own moment, not the suite's: a Tuesday mid-morning, an appointment booked for the
 * next day, a report of the day and a legal hold counted from it (15 years to the day after). At
 * the suite's other moments (`npm run test:clock`: 30 November at 00:01 …) the booking fell in the
 * past and the hold's end date moved with it.
 */
const SCENARIO_NOW = '2026-11-24T02:30:00.000Z';

async function open(file: string) {
  core = await createTestCore({ file, now: SCENARIO_NOW });
  tokens.manager = await signIn(core, await addStaff(core, '何主管', 'manager'));
  tokens.reception = await signIn(core, await addStaff(core, '陈前台', 'reception'));
  tokens.guide = await signIn(core, await addStaff(core, '赵导医', 'guide'));
  tokens.nurse = await signIn(core, await addStaff(core, '孙护士', 'nurse'));
  doctorId = await addStaff(core, '李医生', 'doctor');
  // A consultation room to call customers to (the escorts need a place to go).
  if (!(await core.database.db.selectFrom('rooms').select('id').executeTakeFirst())) {
    await core.database.db.insertInto('rooms').values({ code: '301', name: '3 楼咨询一室', name_en: 'Consultation 3-1', floor: 3, kind: 'consultation' }).execute();
  }
}

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'frontdesk-privacy-'));
  await open(join(dir, 'frontdesk.sqlite'));
});
afterEach(() => core.close());

/**
 * A customer with a row in every table that refers to her: an appointment (with a note) confirmed
 * by phone and printed, a walk-in visit that waited long enough to raise a notification, its comfort
 * tasks and status events, consents, reads of her record.
 */
async function customerEverywhere(name: string, phone: string, note: string, options: { treated?: boolean } = {}) {
  const customer = await value<{ id: number }>('customers.create', { name, phone, addressForm: `${name.slice(0, 1)}女士`, notes: note }, tokens.reception);
  const appointment = await value<{ id: number; version: number }>('appointments.create', {
    customerId: customer.id, doctorId, kind: 'consultation', channel: 'phone', date: '2026-11-25', time: '10:00', durationMinutes: 30, notes: `预约备注：${note}`, override: true,
  });
  await value('appointments.recordCall', { id: appointment.id, expectedVersion: appointment.version, outcome: 'confirmed', note: `电话里说：${note}` }, tokens.reception);
  await value('print.record', { kind: 'slip', appointmentId: appointment.id, paper: '80mm' }, tokens.reception);
  const visit = await value<{ visitId: number }>('visits.checkIn', { walkIn: { customerId: customer.id } }, tokens.reception);
  // Forty minutes later she is still waiting: the wait rule raises a notification about her visit.
  (core.clock as unknown as { advance(ms: number): void }).advance(40 * 60_000);
  await createScheduler({ db: core.database.db, clock: core.clock, events: core.events, rules: [waitRedRule] }).tick();
  // Reception writes her hand-off note while she waits, then calls her to a room: an escort and its events.
  await value('handoff.save', { visitId: visit.visitId, expectedVersion: 0, wants: `希望：${note}`, worries: '怕疼' }, tokens.reception);
  await value('handoff.get', { visitId: visit.visitId }, tokens.reception);
  const rooms = await value<{ id: number }[] | { rooms: { id: number }[] }>('rooms.list', {}, tokens.reception);
  const roomId = (Array.isArray(rooms) ? rooms : rooms.rooms)[0]?.id;
  const moves = options.treated ? (['called', 'in_consultation'] as const) : (['called'] as const);
  for (const to of moves) {
    const [card] = (await value<{ cards: { version: number }[] }>('visits.cards', { ids: [visit.visitId] }, tokens.reception)).cards;
    await value('visits.transition', { visitId: visit.visitId, to, expectedVersion: card?.version, ...(to === 'called' && roomId ? { roomId } : {}) }, tokens.reception);
  }
  await value('privacy.recordConsent', { customerId: customer.id, purpose: 'medical', method: 'paper', note: '纸质同意书 A-17' }, tokens.reception);
  await value('privacy.recordConsent', { customerId: customer.id, purpose: 'followUpCalls', method: 'tablet', signature: signatureOf(phone) }, tokens.reception);
  await value('customers.get', { id: customer.id, screen: 'customerPage' }, tokens.reception);
  return { id: customer.id, appointmentId: appointment.id, visitId: visit.visitId };
}

describe('consents', () => {
  it('records one in force per purpose with the text version, refuses a second, withdraws once; a new text version is a new version', async () => {
    const customer = await value<{ id: number }>('customers.create', { name: '温雅', phone: '13911112222' }, tokens.reception);
    // Signed on a tablet: the drawn signature is required, a PNG, and kept with the consent; paper has none.
    const signature = signatureOf('温雅');
    expect(await call('privacy.recordConsent', { customerId: customer.id, purpose: 'followUpCalls', method: 'tablet' }, tokens.reception)).toMatchObject({ ok: false, status: 400, error: { path: ['signature'] } });
    expect(await call('privacy.recordConsent', { customerId: customer.id, purpose: 'followUpCalls', method: 'paper', signature }, tokens.reception)).toMatchObject({ ok: false, status: 400, error: { path: ['signature'] } });
    for (const odd of ['data:image/jpeg;base64,/9j/4AAQ', 'data:image/png;base64,PHN2Zz4=', `${signature}"><script>`, `data:image/png;base64,iVBORw0KGgo${'A'.repeat(200_000)}`]) {
      expect(await call('privacy.recordConsent', { customerId: customer.id, purpose: 'followUpCalls', method: 'tablet', signature: odd }, tokens.reception)).toMatchObject({ ok: false, status: 400, error: { path: ['signature'] } });
    }
    expect((await value<{ consents: unknown[] }>('privacy.consents', { customerId: customer.id })).consents).toEqual([]);
    const given = await value<{ id: number; textVersion: number; takenBy: string; signature: string }>('privacy.recordConsent', { customerId: customer.id, purpose: 'followUpCalls', method: 'tablet', signature }, tokens.reception);
    expect(given).toMatchObject({ textVersion: 1, takenBy: '陈前台', method: 'tablet', signature });
    expect(await value('privacy.consents', { customerId: customer.id }, tokens.nurse)).toMatchObject({ consents: [{ id: given.id, signature }] });
    expect(await call('privacy.recordConsent', { customerId: customer.id, purpose: 'followUpCalls', method: 'paper' }, tokens.reception)).toMatchObject({ ok: false, status: 409, error: { path: ['purpose'] } });
    expect(await value('privacy.consents', { customerId: customer.id }, tokens.nurse)).toMatchObject({ inForce: ['followUpCalls'] });

    expect(await value('privacy.withdrawConsent', { consentId: given.id }, tokens.reception)).toMatchObject({ withdrawnBy: '陈前台' });
    expect(await call('privacy.withdrawConsent', { consentId: given.id }, tokens.reception)).toMatchObject({ ok: false, status: 409 });
    expect(await value('privacy.consents', { customerId: customer.id })).toMatchObject({ inForce: [] });

    // A manager publishes version 2; another manager's stale publish is refused; consents after it name version 2.
    const other = await signIn(core, await addStaff(core, '周主管', 'manager'));
    expect(await value('privacy.saveConsentText', { purpose: 'followUpCalls', expectedVersion: 1, textZh: '新文本', textEn: 'New text' })).toMatchObject({ version: 2 });
    expect(await call('privacy.saveConsentText', { purpose: 'followUpCalls', expectedVersion: 1, textZh: '另一个', textEn: '' }, other)).toMatchObject({ ok: false, status: 409, error: { code: 'conflict' } });
    expect(await value('privacy.recordConsent', { customerId: customer.id, purpose: 'followUpCalls', method: 'paper' }, tokens.reception)).toMatchObject({ textVersion: 2 });
    // A guide works with no record: no consents for her.
    expect(await call('privacy.recordConsent', { customerId: customer.id, purpose: 'survey', method: 'paper' }, tokens.guide)).toMatchObject({ ok: false, status: 403 });
  });
});

describe('who looked', () => {
  it('every read of a record writes one access-log row with device and screen, kept across a restart; only managers read the log', async () => {
    const customer = await value<{ id: number }>('customers.create', { name: '白露', phone: '13922223333' }, tokens.reception);
    await value('customers.get', { id: customer.id, screen: 'customerPage' }, tokens.reception);
    await value('customers.get', { id: customer.id, screen: 'checkIn' }, tokens.nurse);
    await value('customers.get', { id: customer.id }, tokens.manager);
    const log = await value<{ total: number; entries: { staff: string; screen: string; device: string; kind: string }[] }>('privacy.accessLog', { customerId: customer.id });
    expect(log.total).toBe(3);
    expect(log.entries.map((entry) => [entry.staff, entry.screen, entry.kind])).toEqual([
      ['何主管', 'other', 'customer'],
      ['孙护士', 'checkIn', 'customer'],
      ['陈前台', 'customerPage', 'customer'],
    ]);
    expect(await call('privacy.accessLog', { customerId: customer.id }, tokens.reception)).toMatchObject({ ok: false, status: 403 });

    await core.close();
    await open(join(dir, 'frontdesk.sqlite'));
    expect((await value<{ total: number }>('privacy.accessLog', { customerId: customer.id })).total).toBe(3);
  });
});

describe('erasure', () => {
  it("a customer never treated: her name, phone and notes are gone from the file and its WAL, the visit counts are unchanged, and she is out of search", async () => {
    const name = '司徒婉清';
    const phone = '13955556666';
    const note = '左侧鼻翼曾做过填充';
    const her = await customerEverywhere(name, phone, note);
    const counts = async () => ({
      visits: (await core.database.db.selectFrom('visits').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n,
      events: (await core.database.db.selectFrom('visit_events').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n,
      appointments: (await core.database.db.selectFrom('appointments').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n,
    });
    const before = await counts();
    // The report of her day, as a manager reads it (masked names aside, its figures must not move).
    const figures = async () => {
      const report = await value<{ sections: { key: string; figures: unknown; tables: unknown; charts: unknown }[] }>('report.get', { from: '2026-11-24', to: '2026-11-24' });
      return JSON.stringify(report.sections.map((section) => [section.key, section.figures, section.charts])).replaceAll(/"[^"]*\*[^"]*"/g, '"masked"');
    };
    expect(await call('privacy.erase', { customerId: her.id, confirmName: '司徒婉' })).toMatchObject({ ok: false, status: 400, error: { path: ['confirmName'] } });
    expect(await call('privacy.erase', { customerId: her.id, confirmName: name }, tokens.reception)).toMatchObject({ ok: false, status: 403 });
    const preview = await value<{ hold: unknown; tables: { table: string }[] }>('privacy.erasurePreview', { customerId: her.id });
    expect(preview.hold).toBeNull();
    expect(preview.tables.map((table) => table.table)).toContain('visits');
    await core.backups.start({ trigger: 'manual', staffId: null, staffName: '何主管' }).done;
    (core.clock as unknown as { advance(ms: number): void }).advance(60_000);
    const reportBefore = await figures();
    const { erasedAt } = await value<{ erasedAt: string }>('privacy.erase', { customerId: her.id, confirmName: name });
    expect(erasedAt).toBe(core.clock.now().toISOString());

    expect(await counts()).toEqual(before);
    const reportAfter = await figures();
    expect(reportAfter).toBe(reportBefore);
    expect((await value<{ results: unknown[] }>('customers.search', { query: '司徒' }, tokens.reception)).results).toEqual([]);
    expect((await value<{ results: unknown[] }>('customers.search', { query: '6666' }, tokens.reception)).results).toEqual([]);
    expect(await call('customers.get', { id: her.id }, tokens.reception)).toMatchObject({ ok: false, status: 404 });

    // The raw bytes of the database, its WAL and every notification.
    const file = join(dir, 'frontdesk.sqlite');
    const bytes = [readFileSync(file), ...(existsSync(`${file}-wal`) ? [readFileSync(`${file}-wal`)] : [])];
    // Her signature, drawn on the tablet, goes with them (its base64 is what the file held).
    const signature = signatureOf(phone).slice('data:image/png;base64,'.length);
    expect(bytes.some((chunk) => chunk.includes(Buffer.from(signature)))).toBe(false);
    for (const secret of [name, phone, note]) {
      for (const chunk of bytes) expect(chunk.includes(Buffer.from(secret, 'utf8')), `${secret} in the file`).toBe(false);
    }
    // The backup made before the erasure still holds her: marked to expire 30 days on; none after it is.
    const listed = core.backups.list().backups;
    expect(listed.map((backup) => backup.expiresAt)).toEqual([new Date(Date.parse(erasedAt) + 30 * 86_400_000).toISOString()]);
    const notifications = await core.database.db.selectFrom('notifications').selectAll().execute();
    expect(notifications.length).toBeGreaterThan(0);
    for (const secret of [name, phone, note]) expect(JSON.stringify(notifications)).not.toContain(secret);
  });

  it('a treated customer is held with reason and end date (15 years after her last treatment), out of search, and erased when the hold ends', async () => {
    const her = await customerEverywhere('慕容秋水', '13966667777', '瘢痕体质', { treated: true });
    const erased = await value<{ heldUntil: string }>('privacy.erase', { customerId: her.id, confirmName: '慕容秋水' });
    // Her last treatment: the scenario's clinic day (2026-11-24); held to the day after 15 years on.
    expect(erased.heldUntil).toBe('2041-11-25');
    const { holds } = await value<{ holds: { customerId: number; until: string; reason: string; maskedName: string }[] }>('privacy.holds', {});
    expect(holds).toEqual([expect.objectContaining({ customerId: her.id, until: '2041-11-25', maskedName: maskName('慕容秋水') })]);
    expect(holds[0]?.reason).toMatch(/15/);
    expect((await value<{ results: unknown[] }>('customers.search', { query: '慕容' }, tokens.reception)).results).toEqual([]);
    // Her phone is gone at once; her identity stays with her records while held.
    const card = await core.database.db.selectFrom('customers').select(['name', 'phone', 'notes']).where('id', '=', her.id).executeTakeFirstOrThrow();
    expect(card).toEqual({ name: '慕容秋水', phone: `erased:${String(her.id)}`, notes: '' });
    // Her signed consents are part of the records the law holds: the drawn signature stays with them.
    const signed = await core.database.db.selectFrom('consents').select('signature').where('customer_id', '=', her.id).where('method', '=', 'tablet').executeTakeFirstOrThrow();
    expect(signed.signature).toBe(signatureOf('13966667777'));

    // The day after the hold ends, the upkeep erases her.
    (core.clock as unknown as { set(to: string): void }).set('2041-11-25T02:00:00.000Z');
    const done = await runPrivacyMaintenance(core);
    expect(done.erased).toEqual([her.id]);
    tokens.manager = await signIn(core, await addStaff(core, '新主管', 'manager'));
    expect((await value<{ holds: unknown[] }>('privacy.holds', {})).holds).toEqual([]);
    const after = await core.database.db.selectFrom('customers').select(['name']).where('id', '=', her.id).executeTakeFirstOrThrow();
    expect(after.name).not.toContain('慕容');
  });
});

describe('retention', () => {
  it('offers for erasure a customer never treated and not seen for the set years, never one who was treated', async () => {
    const idle = await value<{ id: number }>('customers.create', { name: '闲置顾客', phone: '13977778888' }, tokens.reception);
    const treated = await customerEverywhere('治疗顾客', '13988889999', '术后', { treated: true });
    (core.clock as unknown as { advance(ms: number): void }).advance(2 * 365 * 86_400_000);
    tokens.manager = await signIn(core, await addStaff(core, '第二年主管', 'manager'));
    expect((await value<{ dueForErasure: unknown[] }>('privacy.holds', {})).dueForErasure).toEqual([]);
    (core.clock as unknown as { advance(ms: number): void }).advance(2 * 365 * 86_400_000);
    tokens.manager = await signIn(core, await addStaff(core, '第四年主管', 'manager'));
    const { dueForErasure } = await value<{ dueForErasure: { customerId: number }[] }>('privacy.holds', {});
    expect(dueForErasure.map((row) => row.customerId)).toEqual([idle.id]);
    expect(dueForErasure.map((row) => row.customerId)).not.toContain(treated.id);
  });
});
