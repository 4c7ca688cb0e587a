/**
 * The browser mode on a network (issue 15): which requests may reach the API at all.
 *  - `Host` and `Origin` must name this console (DNS rebinding: a page on evil.example that
 *    resolves to 192.168.1.5 must not drive the console from a guide's browser).
 *  - Every API route but health and pairing needs a paired device's token (`X-Device-Token`, or
 *    the HttpOnly `fd_device` cookie on GET: the event stream and print pages). The lobby PC
 *    itself (loopback) is the one exception, and only while LAN access is off.
 *  - Sign-in and pairing tries are limited per device and per address (@fastify/rate-limit),
 *    each lockout in a row longer (`exponentialBackoff`); the lobby PC itself is never limited,
 *    so a stranger's failures cannot lock reception out.
 */
import { hostname, networkInterfaces } from 'node:os';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { PairedDevice } from '../services/device-service';

export const DEVICE_HEADER = 'x-device-token';
export const DEVICE_COOKIE = 'fd_device';
export const IDEMPOTENCY_HEADER = 'idempotency-key';
/** Sign-in and pairing tries per minute, per device and per address, before the first lockout. */
export const TRIES_PER_MINUTE = 10;
/** The routes a device that is not paired may call. */
const OPEN_PATHS = new Set(['/api/health', '/api/devices.pair']);
/** The methods whose tries are rate-limited. */
const LIMITED_METHODS = new Set(['auth.signIn', 'devices.pair']);

const paired = new WeakMap<FastifyRequest, PairedDevice>();

/** The paired device a request came from (set by the guard), or undefined. */
export function pairedDeviceOf(request: FastifyRequest): PairedDevice | undefined {
  return paired.get(request);
}

export function isLoopback(address: string | undefined): boolean {
  if (!address) return false;
  return address === '::1' || address.startsWith('127.') || address.startsWith('::ffff:127.');
}

/** The names this console answers to: loopback, this PC's name and each of its addresses. */
export function ownHostNames(): Set<string> {
  const names = new Set(['localhost', '127.0.0.1', '[::1]']);
  const name = hostname().toLowerCase();
  names.add(name);
  names.add(`${name}.local`);
  for (const entries of Object.values(networkInterfaces())) {
    for (const entry of entries ?? []) names.add(entry.family === 'IPv6' ? `[${entry.address.toLowerCase()}]` : entry.address);
  }
  return names;
}

/** `host[:port]` split; null when it does not parse. */
function splitHost(value: string): { name: string; port: number | null } | null {
  const match = /^(\[[0-9a-f:.]+\]|[^:[\]]+)(?::(\d{1,5}))?$/i.exec(value.trim());
  if (!match?.[1]) return null;
  return { name: match[1].toLowerCase(), port: match[2] ? Number(match[2]) : null };
}

export interface GuardOptions {
  /** Whether LAN access is on now (then even loopback needs a device token). */
  lanMode(): boolean;
  checkDevice(token: string, address: string): Promise<{ state: 'paired'; device: PairedDevice } | { state: 'removed' } | { state: 'unknown' }>;
  /** Answers a refused request in the caller's language. */
  refuse(request: FastifyRequest, why: 'foreignHost' | 'unpaired' | 'removed'): { status: number; body: unknown };
}

function readCookie(request: FastifyRequest, name: string): string | null {
  for (const part of (request.headers.cookie ?? '').split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) return rest.join('=') || null;
  }
  return null;
}

function deviceTokenOf(request: FastifyRequest): string | null {
  const header = request.headers[DEVICE_HEADER];
  if (typeof header === 'string' && header !== '') return header;
  // A cookie only where a page cannot set a header (GET: the event stream, a print frame).
  return request.method === 'GET' ? readCookie(request, DEVICE_COOKIE) : null;
}

/** Whether the request is the lobby PC's own, exempt from device tokens (loopback, LAN access off). */
export function isLobbyPc(request: FastifyRequest, lanMode: boolean): boolean {
  return !lanMode && isLoopback(request.socket.remoteAddress);
}

/** Adds the guard as the first `onRequest` hook of every route. */
export function installNetworkGuard(app: FastifyInstance, options: GuardOptions): void {
  let names = ownHostNames();
  let namesAt = Date.now();
  const known = (name: string) => {
    // An address the PC got after start (Wi-Fi joined later) is learnt within a minute.
    if (!names.has(name) && Date.now() - namesAt > 60_000) {
      names = ownHostNames();
      namesAt = Date.now();
    }
    return names.has(name);
  };
  const sameConsole = (value: string, request: FastifyRequest) => {
    const host = splitHost(value);
    if (!host || !known(host.name)) return false;
    const port = request.socket.localPort;
    return typeof port !== 'number' || (host.port ?? 80) === port;
  };

  app.addHook('onRequest', async (request, reply) => {
    const host = request.headers.host;
    const origin = request.headers.origin;
    let foreign = typeof host !== 'string' || !sameConsole(host, request);
    if (!foreign && origin !== undefined) {
      const match = /^http:\/\/(.+)$/i.exec(origin);
      foreign = !match?.[1] || !sameConsole(match[1], request);
    }
    if (foreign) {
      const answer = options.refuse(request, 'foreignHost');
      return reply.status(answer.status).send(answer.body);
    }
    const path = request.url.split('?')[0] ?? '';
    if (!path.startsWith('/api/') && !path.startsWith('/print/')) return undefined;
    if (OPEN_PATHS.has(path) || isLobbyPc(request, options.lanMode())) return undefined;
    const token = deviceTokenOf(request);
    const check = token ? await options.checkDevice(token, request.ip) : ({ state: 'unknown' } as const);
    if (check.state !== 'paired') {
      const answer = options.refuse(request, check.state === 'removed' ? 'removed' : 'unpaired');
      if (check.state === 'removed') void reply.header('set-cookie', `${DEVICE_COOKIE}=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0`);
      return reply.status(answer.status).send(answer.body);
    }
    paired.set(request, check.device);
    return undefined;
  });
}

/** The two rate limits of sign-in and pairing tries, as `onRequest` hooks of the API route. */
export function triesLimits(app: FastifyInstance, lanMode: () => boolean) {
  const methodOf = (request: FastifyRequest) => (request.params as { method?: string } | undefined)?.method ?? '';
  const exempt = (request: FastifyRequest) => !LIMITED_METHODS.has(methodOf(request)) || isLobbyPc(request, lanMode());
  const common = {
    max: TRIES_PER_MINUTE,
    timeWindow: 60_000,
    // Each try while locked out doubles the wait: repeated lockouts grow longer.
    exponentialBackoff: true,
    errorResponseBuilder: (_request: FastifyRequest, context: { ttl: number }) => ({ statusCode: 429, ttl: context.ttl, tooMany: true }),
  };
  return [
    app.rateLimit({ ...common, allowList: (request) => exempt(request) || !pairedDeviceOf(request), keyGenerator: (request) => `device:${String(pairedDeviceOf(request)?.id)}` }),
    app.rateLimit({ ...common, allowList: (request) => exempt(request), keyGenerator: (request) => `address:${request.ip}` }),
  ];
}
