import { describe, expect, it } from 'vitest';
import { createApiClient } from './api-client';
import type { CallResult, Transport } from './transport';

/** A transport that answers each call with the next of `answers`. */
function scriptedTransport(answers: CallResult[]): Transport {
  return {
    kind: 'http',
    call: () => Promise.resolve(answers.shift() ?? { ok: true, value: {} }),
    onNotice: () => () => undefined,
    onConnection: () => () => undefined,
    onSignedOut: () => () => undefined,
    setToken: () => undefined,
    hasToken: () => true,
  };
}

const diskFull: CallResult = { ok: false, status: 507, error: { code: 'disk_full', message: '磁盘已满' } };

describe('the API client on a full disk', () => {
  it('says so after a change is answered disk_full, and that it is over once a change goes through', async () => {
    const client = createApiClient(scriptedTransport([diskFull, { ok: true, value: { results: [] } }, { ok: true, value: { id: 1 } }]), () => 'zh-CN');
    const seen: boolean[] = [];
    client.onDiskFull((full) => seen.push(full));

    await expect(client.call('customers.create', { name: '王丽', phone: '13800138000' })).rejects.toMatchObject({ code: 'disk_full', message: '磁盘已满' });
    expect(seen).toEqual([true]);
    // A read going through says nothing about the disk: the banner stays.
    await client.call('customers.search', { query: '' });
    expect(seen).toEqual([true]);
    await client.call('customers.create', { name: '王丽', phone: '13800138000' });
    expect(seen).toEqual([true, false]);
  });

  it('tells a screen that subscribes later that the disk is full', async () => {
    const client = createApiClient(scriptedTransport([diskFull]), () => 'en');
    await expect(client.call('visits.checkIn', { appointmentId: 1 })).rejects.toMatchObject({ code: 'disk_full' });
    const seen: boolean[] = [];
    client.onDiskFull((full) => seen.push(full));
    expect(seen).toEqual([true]);
  });
});
