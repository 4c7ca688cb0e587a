import type { FastifyInstance } from 'fastify';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { addStaff, createTestCore, type TestCore } from '../../tests/helpers/test-core';
import { createHttpServer } from './http-server';

let core: TestCore;
let server: FastifyInstance;
let base: string;
let token: string;

async function post(method: string, body: unknown, headers: Record<string, string> = {}) {
  const response = await fetch(`${base}/api/${method}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, ...headers },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> & { error?: Record<string, unknown> } };
}

beforeEach(async () => {
  core = await createTestCore();
  const receptionId = await addStaff(core, '陈晓雨', 'reception');
  server = await createHttpServer({ core, version: '9.9.9' });
  base = await server.listen({ port: 0, host: '127.0.0.1' });
  const signIn = await fetch(`${base}/api/auth.signIn`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ staffId: receptionId, pin: '1234' }),
  });
  token = ((await signIn.json()) as { token: string }).token;
});
afterEach(async () => {
  await server.close();
  await core.close();
});

it('answers a second registration of a phone with 409 naming the existing customer’s id', async () => {
  const created = await post('customers.create', { name: '王丽', phone: '138 0013 8000', addressForm: '王姐' });
  expect(created.status).toBe(200);
  const id = created.body.id as number;

  const again = await post('customers.create', { name: '王莉', phone: '+86 13800138000' }, { 'accept-language': 'zh-CN' });
  expect(again.status).toBe(409);
  expect(again.body.error).toEqual({
    code: 'conflict',
    message: '该电话已登记为 王丽（王姐），请打开该顾客',
    path: ['phone'],
    details: { customerId: id },
  });
});

it('searches over HTTP with phones masked', async () => {
  await post('customers.create', { name: '王丽', phone: '13800138000' });
  const found = await post('customers.search', { query: 'wl' });
  expect(found.status).toBe(200);
  expect(found.body).toMatchObject({ results: [{ name: '王丽', phoneMasked: '138****8000' }] });
});
