/**
 * A console's HTTP server in LAN mode for tests (issue 15): bound to 127.0.0.1 with LAN mode
 * forced on, so every API call needs a paired device's token, exactly as a tablet on the clinic
 * LAN would. The lobby PC's own calls (starting a pairing) go through the dispatcher, as over IPC.
 */
import { request as httpRequest } from 'node:http';
import type { FastifyInstance } from 'fastify';
import { createHttpServer } from '../../electron/server/http-server';
import { caller, type TestCore } from './test-core';

export interface LanServer {
  server: FastifyInstance;
  base: string;
  port: number;
}

export async function startLanServer(core: TestCore): Promise<LanServer> {
  const server = await createHttpServer({ core, version: '9.9.9', lan: true });
  const base = await server.listen({ port: 0, host: '127.0.0.1' });
  return { server, base, port: Number(new URL(base).port) };
}

/** Shows a pairing code on the lobby PC (as `managerToken`'s manager) and returns it. */
export async function showPairingCode(core: TestCore, managerToken: string, kind: 'guideTablet' | 'roomTablet' | 'lobbyTv' = 'guideTablet', name = '2楼导医平板'): Promise<string> {
  const result = await core.dispatcher.dispatch('devices.startPairing', { kind, name }, { ...caller(managerToken), transport: 'ipc', device: 'desktop' });
  if (!result.ok) throw new Error(`startPairing failed: ${result.error.message}`);
  return (result.value as { code: string }).code;
}

export interface Answer {
  status: number;
  body: { error?: { code: string; message: string; details?: Record<string, unknown> } } & Record<string, unknown>;
  headers: Record<string, string | string[] | undefined>;
}

/** A raw request, so a test can send any Host, Origin or Content-Type it likes. */
export function rawRequest(port: number, options: { method?: string; path: string; headers?: Record<string, string>; body?: string | Buffer }): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const request = httpRequest({ host: '127.0.0.1', port, method: options.method ?? 'POST', path: options.path, headers: { host: `127.0.0.1:${String(port)}`, ...options.headers } }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        let body: Answer['body'];
        try {
          body = JSON.parse(text) as Answer['body'];
        } catch {
          body = { text };
        }
        resolve({ status: response.statusCode ?? 0, body, headers: response.headers });
      });
    });
    request.on('error', reject);
    if (options.body !== undefined) request.write(options.body);
    request.end();
  });
}

/** A device's client: POST /api/<method> with its device token, a session token and any headers. */
export function deviceClient(base: string, deviceToken: string | null) {
  return async (method: string, body: unknown, sessionToken?: string, headers: Record<string, string> = {}) => {
    const response = await fetch(`${base}/api/${method}`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'accept-language': 'en',
        ...(deviceToken ? { 'x-device-token': deviceToken } : {}),
        ...(sessionToken ? { authorization: `Bearer ${sessionToken}` } : {}),
        ...headers,
      },
      body: JSON.stringify(body),
    });
    return { status: response.status, body: (await response.json()) as Answer['body'], headers: response.headers };
  };
}
