import type { FastifyInstance } from 'fastify';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addSlipAppointment, SLIP_CUSTOMER, SLIP_ITEM } from '../../tests/helpers/slip-fixture';
import { addStaff, caller, createTestCore, signIn, type TestCore } from '../../tests/helpers/test-core';
import { createHttpServer } from './http-server';

let core: TestCore;
let server: FastifyInstance;
let base: string;
let appointmentId: number;

beforeEach(async () => {
  core = await createTestCore();
  ({ appointmentId } = await addSlipAppointment(core));
  server = await createHttpServer({ core, version: 'test' });
  base = await server.listen({ port: 0, host: '127.0.0.1' });
});
afterEach(async () => {
  await server.close();
  await core.close();
});

/** Signs in over HTTP and returns the browser mode's session cookie. */
async function sessionCookie(staffId: number): Promise<string> {
  const response = await fetch(`${base}/api/auth.signIn`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ staffId, pin: '1234' }),
  });
  const cookie = response.headers.get('set-cookie') ?? '';
  return cookie.split(';')[0] ?? '';
}

const printJobs = () => core.database.db.selectFrom('print_jobs').selectAll().execute();

describe('GET /print/slip/:id', () => {
  it('refuses without a session, and shows the slip with the browser’s session cookie', async () => {
    const anonymous = await fetch(`${base}/print/slip/${appointmentId}`);
    expect(anonymous.status).toBe(401);
    expect(anonymous.headers.get('content-type')).toContain('text/html');

    const cookie = await sessionCookie(await addStaff(core, '陈晓雨', 'reception'));
    const response = await fetch(`${base}/print/slip/${appointmentId}?paper=a5`, { headers: { cookie } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/html');
    expect(response.headers.get('content-security-policy')).toContain("script-src 'none'");
    const html = await response.text();
    expect(html).toContain('王姐，您好');
    expect(html).toContain('@page { size: A5');
    expect(html).not.toContain(SLIP_CUSTOMER.name);
    expect(html).not.toContain(SLIP_CUSTOMER.phone);
    expect(html).not.toContain(SLIP_ITEM.name);
    // A preview is not a print.
    expect(await printJobs()).toHaveLength(0);
  });

  it('takes a Bearer token too, and the language from ?lang=', async () => {
    const token = await signIn(core, await addStaff(core, '周雅', 'consultant'));
    const response = await fetch(`${base}/print/slip/${appointmentId}?lang=en`, { headers: { authorization: `Bearer ${token}` } });
    expect(response.status).toBe(200);
    // In English, by an English form of her address form 王姐 (issue 13 part 11).
    expect(await response.text()).toContain('Dear Ms Wang');
  });

  it('refuses the lobby display (403), an unknown appointment (404) and a wrong paper (400)', async () => {
    const display = await sessionCookie(await addStaff(core, '大堂显示屏', 'display'));
    expect((await fetch(`${base}/print/slip/${appointmentId}`, { headers: { cookie: display } })).status).toBe(403);
    const cookie = await sessionCookie(await addStaff(core, '林佳', 'reception'));
    const missing = await fetch(`${base}/print/slip/99999`, { headers: { cookie, 'accept-language': 'en' } });
    expect(missing.status).toBe(404);
    expect(await missing.text()).toContain('The slip cannot be shown');
    expect((await fetch(`${base}/print/slip/${appointmentId}?paper=a4`, { headers: { cookie } })).status).toBe(400);
    expect((await fetch(`${base}/print/slip/abc`, { headers: { cookie } })).status).toBe(400);
  });
});

describe('print.record', () => {
  it('leaves a print_jobs row (what, for whom, by whom) and one audit row', async () => {
    const receptionId = await addStaff(core, '陈晓雨', 'reception');
    const token = await signIn(core, receptionId);
    const result = await core.dispatcher.dispatch('print.record', { kind: 'slip', appointmentId, paper: '80mm' }, caller(token, 'zh-CN'));
    expect(result.ok).toBe(true);
    const [job] = await printJobs();
    expect(job).toMatchObject({ kind: 'slip', appointment_id: appointmentId, paper: '80mm', language: 'zh-CN', staff_id: receptionId, device: 'test' });
    const audit = await core.database.db.selectFrom('audit_log').selectAll().where('method', '=', 'print.record').execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ staff_id: receptionId, target: `appointment:${appointmentId}` });
  });

  it('is refused to a guide, and says the desktop prints to devices', async () => {
    const guide = await signIn(core, await addStaff(core, '赵敏', 'guide'));
    const refused = await core.dispatcher.dispatch('print.record', { kind: 'slip', appointmentId, paper: 'a5' }, caller(guide));
    expect(refused).toMatchObject({ ok: false, status: 403 });
    const reception = await signIn(core, await addStaff(core, '林佳', 'reception'));
    const device = await core.dispatcher.dispatch('print.toDevice', { appointmentId, target: 'printer' }, caller(reception));
    expect(device).toMatchObject({ ok: false, status: 400 });
    expect(await printJobs()).toHaveLength(0);
  });
});
