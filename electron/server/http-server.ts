/**
 * The HTTP transport: the same contract as IPC, for guides' tablets, the lobby TV and the tests.
 *   POST /api/<method>   JSON in, JSON out; `Authorization: Bearer <token>` once signed in; an
 *                        answer's `X-Event-Id` names the newest notice it already reflects
 *   GET  /api/events     Server-Sent Events: change notices, each with an `id:`; a reconnect with
 *                        `Last-Event-ID` gets the notices it missed (see `EventBus.since`); a
 *                        token whose session is over gets `signedOut` and the end of the stream
 *   GET  /api/health     `{ok, version, schemaVersion, now, integrity}` without a token
 *   GET  /               the built renderer (index.html for every page path)
 * Errors are `{"error": {code, message, path?}}` with the status of their code.
 */
import { existsSync } from 'node:fs';
import type { ServerResponse } from 'node:http';
import { join } from 'node:path';
import fastifyHelmet from '@fastify/helmet';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import { AppError, HTTP_STATUS, type ApiError, type ErrorCode } from '../../shared/contract/errors';
import { EVENT_ID_HEADER } from '../../shared/contract/event-names';
import { pickLanguage, translate, type Language } from '../../shared/i18n/messages';
import type { Caller } from '../api/context';
import type { ConsoleCore } from '../core/create-core';
import { deviceLabel } from '../services/device-service';
import { installCallSocket } from './call-socket';
import { DEVICE_COOKIE, IDEMPOTENCY_HEADER, installNetworkGuard, pairedDeviceOf, triesLimits } from './network-guard';
import { printErrorPage } from './print-error-page';

export const BODY_LIMIT_BYTES = 1024 * 1024;
/** How long a request (headers and body) may take to arrive: 1 MB over a slow clinic Wi-Fi fits. */
export const REQUEST_TIMEOUT_MS = 30_000;
const SESSION_COOKIE = 'fd_session';
const HEARTBEAT_MS = 15_000;
/** The event stream's last word to a token whose session is over: do not reconnect, sign in. */
const SIGNED_OUT_FRAME = 'event: signedOut\ndata: {}\n\n';
/** The event stream's last word to a device a manager removed (issue 15): show the removed page. */
const DEVICE_REMOVED_FRAME = 'event: deviceRemoved\ndata: {}\n\n';
/** A paired device's cookie lives as long as a browser keeps one (400 days); removal ends it sooner. */
const DEVICE_COOKIE_SECONDS = 400 * 86_400;

export interface HttpServerOptions {
  core: ConsoleCore;
  version: string;
  /** The built renderer; when absent only the API is served. */
  rendererDir?: string;
  /** How long a request may take to arrive (REQUEST_TIMEOUT_MS); tests of a stalled body use less. */
  requestTimeoutMs?: number;
  /**
   * LAN mode forced on (`serve --lan`; tests bind 127.0.0.1 with it to exercise the LAN rules):
   * every API call then needs a paired device's token, loopback included. Otherwise the clinic's
   * `lanAccess` setting decides, read live.
   */
  lan?: boolean;
}

/** The Content-Security-Policy of every page: only our own scripts, no framing, no plugins. */
export const CONTENT_SECURITY_POLICY = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  // antd writes its CSS-in-JS into <style> elements.
  styleSrc: ["'self'", "'unsafe-inline'"],
  imgSrc: ["'self'", 'data:', 'blob:'],
  fontSrc: ["'self'", 'data:'],
  connectSrc: ["'self'"],
  mediaSrc: ["'self'", 'data:'],
  objectSrc: ["'none'"],
  baseUri: ["'none'"],
  formAction: ["'none'"],
  frameAncestors: ["'none'"],
};

/**
 * The policy as one header value, for transports that write the header themselves (the desktop
 * app's `app://` scheme): `defaultSrc` becomes `default-src 'self'`, directives joined by `; `.
 */
export function cspHeader(directives: Record<string, readonly string[]> = CONTENT_SECURITY_POLICY): string {
  return Object.entries(directives)
    .map(([name, sources]) => `${name.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`)} ${sources.join(' ')}`)
    .join('; ');
}

/**
 * The build names its scripts and styles after their content (`assets/index-3ckfz5Dj.js`): they
 * never change, so a browser keeps them. The page itself is asked again every time (revalidated),
 * so a new build reaches every console at its next reload.
 */
export function cacheControlOf(path: string): string {
  return /[\\/]assets[\\/][^\\/]+-[\w-]{8}\.\w+(\.br|\.gz)?$/.test(path) ? 'public, max-age=31536000, immutable' : 'no-cache';
}

/**
 * The value of cookie `name`, or null. A value that is not valid percent-encoding (`%E0%A4%A`,
 * sent by a broken client or by hand) cannot be one of our tokens: it reads as no session (401),
 * not as a server failure.
 */
function readCookie(request: FastifyRequest, name: string): string | null {
  const header = request.headers.cookie;
  if (!header) return null;
  for (const part of header.split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key !== name) continue;
    try {
      return decodeURIComponent(rest.join('='));
    } catch {
      return null;
    }
  }
  return null;
}

/** One server-sent event: its id (for `Last-Event-ID`), its name, its payload as one `data:` line. */
function eventFrame(id: string, event: { name: string; payload: unknown }): string {
  return `id: ${id}\nevent: ${event.name}\ndata: ${JSON.stringify(event.payload)}\n\n`;
}

function bearerToken(request: FastifyRequest): string | null {
  const header = request.headers.authorization;
  if (!header) return null;
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  return match?.[1] ?? null;
}

function languageOf(request: FastifyRequest): Language {
  const query = request.query as Record<string, unknown> | undefined;
  const fromQuery = typeof query?.lang === 'string' ? query.lang : null;
  return pickLanguage(fromQuery ?? request.headers['accept-language'] ?? null);
}

function sendError(reply: FastifyReply, language: Language, code: ErrorCode, key: Parameters<typeof translate>[1]) {
  const error: ApiError = { code, message: translate(language, key) };
  return reply.status(HTTP_STATUS[code]).send({ error });
}

export async function createHttpServer(options: HttpServerOptions): Promise<FastifyInstance> {
  const { core, version } = options;
  // requestTimeout: Fastify sets Node's to 0 (none), so a client that stopped half-way through its
  // body held its connection for ever (found by the bad-input fuzzing); now Node answers 408 and
  // closes it. Node only enforces it with a headersTimeout no longer than it (its default 60 s let
  // a stalled body wait 93 s), and looks a few times per timeout instead of every 30 s.
  const requestTimeout = options.requestTimeoutMs ?? REQUEST_TIMEOUT_MS;
  const app = Fastify({
    bodyLimit: BODY_LIMIT_BYTES,
    requestTimeout,
    http: { headersTimeout: requestTimeout, connectionsCheckingInterval: Math.max(250, Math.floor(requestTimeout / 4)) },
    logger: false,
    trustProxy: false,
  });

  // LAN mode: forced, or the clinic's setting (kept current from the settings notices).
  let lanSetting = (await core.readSettings()).lanAccess;
  const lanMode = () => options.lan === true || lanSetting;
  const stopWatchingSettings = core.events.subscribe((notice) => {
    if (notice.name === 'settings.changed') void core.readSettings().then((settings) => (lanSetting = settings.lanAccess));
  });

  await app.register(fastifyHelmet, {
    contentSecurityPolicy: { useDefaults: false, directives: CONTENT_SECURITY_POLICY },
    crossOriginEmbedderPolicy: false,
    // Plain http on the clinic LAN: no HSTS, no upgrade.
    strictTransportSecurity: false,
  });

  // The pages' reads over a WebSocket (call-socket.ts): the same dispatcher, callers and guard.
  // Before the guard: the plugin's own first hook marks an upgrade, so that an upgrade the guard
  // refuses has its socket closed after the answer (else it stayed open and held up the close).
  // `callerOf` is defined below; a message only arrives once the server listens.
  await installCallSocket(app, { core, callerOf: (request, token) => callerOf(request, token), maxPayload: BODY_LIMIT_BYTES });
  installNetworkGuard(app, {
    lanMode,
    checkDevice: (token, address) => core.checkDevice(token, address),
    refuse: (request, why) => {
      const language = languageOf(request);
      if (why === 'foreignHost') return { status: HTTP_STATUS.forbidden, body: { error: { code: 'forbidden', message: translate(language, 'devices.error.foreignHost') } } };
      const key = why === 'removed' ? 'devices.error.removed' : 'devices.error.unpaired';
      return { status: HTTP_STATUS.unauthenticated, body: { error: { code: 'unauthenticated', message: translate(language, key), details: { device: why } } } };
    },
  });
  await app.register(fastifyRateLimit, { global: false });
  // Nothing the API answers is kept by a browser or a proxy (a shared tablet's cache is readable).
  app.addHook('onSend', async (request, reply, payload) => {
    if (request.url.startsWith('/api/')) void reply.header('cache-control', 'no-store');
    return payload;
  });

  // An empty body is `{}`; anything else must be JSON. Fastify's own text/plain parser goes too:
  // a JSON body sent as text/plain reached the dispatcher as a string ("wrong type"), where any
  // other type is refused with 415.
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (_request, body, done) => {
    const text = typeof body === 'string' ? body : body.toString('utf8');
    if (text.trim() === '') return done(null, undefined);
    try {
      done(null, JSON.parse(text));
    } catch {
      done(Object.assign(new Error('malformed JSON'), { statusCode: 400, code: 'MALFORMED_JSON' }), undefined);
    }
  });

  // Fastify reads a body as it came, whatever its Content-Encoding: a gzip header on plain JSON
  // was taken, and a real gzip body answered "not JSON". The API takes no compressed bodies (415).
  app.addHook('onRequest', async (request, reply) => {
    const encoding = request.headers['content-encoding'];
    if (encoding !== undefined && encoding.trim().toLowerCase() !== 'identity') {
      return sendError(reply, languageOf(request), 'unsupported', 'error.unsupportedMedia');
    }
    return undefined;
  });

  app.setErrorHandler((error: { code?: string; statusCode?: number; ttl?: number }, request, reply) => {
    const language = languageOf(request);
    if (error.statusCode === 429) {
      const seconds = Math.max(1, Math.ceil((error.ttl ?? 60_000) / 1000));
      const body: ApiError = { code: 'too_many', message: translate(language, 'devices.error.tooManyTries', { seconds }), details: { retryAfterSeconds: seconds } };
      return reply.status(429).header('retry-after', String(seconds)).send({ error: body });
    }
    if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE' || error.statusCode === 413) {
      return sendError(reply, language, 'too_large', 'error.tooLarge');
    }
    // A body that is not JSON (no Content-Type, text/plain, a form) was answered 400 "Invalid input".
    if (error.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE' || error.statusCode === 415) {
      return sendError(reply, language, 'unsupported', 'error.unsupportedMedia');
    }
    if (error.code === 'MALFORMED_JSON' || error.code === 'FST_ERR_CTP_INVALID_JSON_BODY') {
      return sendError(reply, language, 'invalid', 'error.malformedJson');
    }
    if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
      return sendError(reply, language, 'invalid', 'error.invalid');
    }
    console.error('[http] unexpected error', error);
    return sendError(reply, language, 'internal', 'error.internal');
  });

  const callerOf = (request: FastifyRequest, token: string | null): Caller => {
    const paired = pairedDeviceOf(request);
    const key = request.headers[IDEMPOTENCY_HEADER];
    return {
      transport: 'http',
      token,
      device: paired ? deviceLabel(paired.id) : `http:${request.ip}`,
      language: languageOf(request),
      address: request.ip,
      ...(paired ? { paired } : {}),
      ...(typeof key === 'string' ? { idempotencyKey: key } : {}),
    };
  };

  // `now`: the server's clock (not the browser's), which `serve --demo-at` sets to another time.
  // `integrity`: the start's quick_check, which may still be running after a clean shutdown.
  app.get('/api/health', async () => {
    const integrity = core.integrity.current().state;
    return { ok: integrity !== 'failed', version, schemaVersion: core.schemaVersion, now: core.clock.now().toISOString(), integrity };
  });

  app.post<{ Params: { method: string } }>('/api/:method', { onRequest: triesLimits(app, lanMode) }, async (request, reply) => {
    const key = request.headers[IDEMPOTENCY_HEADER];
    if (key !== undefined && (typeof key !== 'string' || !/^[A-Za-z0-9_-]{8,128}$/.test(key))) {
      return sendError(reply, languageOf(request), 'invalid', 'error.invalid');
    }
    const caller = callerOf(request, bearerToken(request));
    // The newest notice before the call ran: an answer already reflects it and everything before,
    // so a page's first event stream can start there (`Last-Event-ID`) and miss nothing that came
    // after (renderer/client/early-calls.ts). Read first: a notice of a change made meanwhile is replayed.
    const eventId = core.events.lastId();
    const result = await core.dispatcher.dispatch(request.params.method, request.body, caller);
    if (!result.ok) return reply.status(result.status).send({ error: result.error });
    void reply.header(EVENT_ID_HEADER, eventId);
    // The browser mode also keeps its own session cookie, for the event stream and print pages.
    if (request.params.method === 'auth.signIn') {
      const { token, expiresAt } = result.value as { token: string; expiresAt: string };
      // Max-Age, not Expires: the browser keeps the cookie by its own clock, and a tablet's clock
      // (or a console run at another moment, `--now`) may be hours off the server's. The lifetime
      // is the same on both; the server still ends the session at `expiresAt` by its own clock.
      const seconds = Math.max(0, Math.floor((Date.parse(expiresAt) - core.clock.now().getTime()) / 1000));
      void reply.header('set-cookie', `${SESSION_COOKIE}=${token}; Path=/; HttpOnly; SameSite=Strict; Max-Age=${String(seconds)}`);
    } else if (request.params.method === 'devices.pair') {
      // The device's own cookie, for what a page cannot send a header with (print frames).
      const { deviceToken } = result.value as { deviceToken: string };
      void reply.header('set-cookie', `${DEVICE_COOKIE}=${deviceToken}; Path=/; HttpOnly; SameSite=Strict; Max-Age=${String(DEVICE_COOKIE_SECONDS)}`);
    } else if (request.params.method === 'auth.signOut') {
      void reply.header('set-cookie', `${SESSION_COOKIE}=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0`);
      // Every page of that session (another tab, the desk's other screen) is told now, not at its
      // stream's next heartbeat: it locks before it makes a request that would answer 401.
      for (const open of (caller.token && streamsOfToken.get(caller.token)) || []) open.end(SIGNED_OUT_FRAME);
    }
    return reply.status(200).send(result.value);
  });

  // Open event streams never end by themselves; a server that is closing (a restart, Ctrl+C) ends
  // them first, or it would wait on every console and lobby TV forever. Clients reconnect alone.
  const eventStreams = new Set<ServerResponse>();
  // The open streams of each token: signing out ends them at once (see auth.signOut below).
  const streamsOfToken = new Map<string, Set<ServerResponse>>();
  // The open streams of each paired device: removing it ends them at once (issue 15).
  const streamsOfDevice = new Map<number, Set<ServerResponse>>();
  const stopWatchingDevices = core.events.subscribe((notice) => {
    if (notice.name !== 'devices.revoked') return;
    for (const id of (notice.payload as { ids: number[] }).ids) for (const open of streamsOfDevice.get(id) ?? []) open.end(DEVICE_REMOVED_FRAME);
  });

  // A member of staff deactivated, reset or given another role (issue 13 part 8): the sessions
  // the service ended are ended on the open streams too, at once, not at the next heartbeat.
  const stopWatchingStaff = core.events.subscribe((notice) => {
    if (notice.name !== 'staff.changed') return;
    for (const [token, streams] of streamsOfToken) {
      void core.dispatcher.authenticate(token).then((still) => {
        if (still) return;
        for (const open of streams) open.end(SIGNED_OUT_FRAME);
      });
    }
  });
  app.addHook('preClose', (done) => {
    stopWatchingStaff();
    for (const open of eventStreams) open.end();
    eventStreams.clear();
    stopWatchingDevices();
    stopWatchingSettings();
    done();
  });

  app.get('/api/events', async (request, reply) => {
    const language = languageOf(request);
    // GET only: a cookie may authenticate here, never a POST (no cross-site writes).
    const token = bearerToken(request) ?? readCookie(request, SESSION_COOKIE);
    if (!token) return sendError(reply, language, 'unauthenticated', 'error.unauthenticated');
    const actor = await core.dispatcher.authenticate(token);

    reply.hijack();
    const stream = reply.raw;
    stream.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-store, no-transform',
      connection: 'keep-alive',
      'x-accel-buffering': 'no',
    });
    // A token whose session is over (signed out, expired) is told so on the stream, an answer
    // rather than a 401: the console then locks without a failed request (and a reload with an
    // old token shows sign-in with a clean browser console). It must not reconnect.
    if (!actor) {
      stream.end(SIGNED_OUT_FRAME);
      return;
    }
    // A client back from a drop names the last notice it saw: it gets what it missed, in order,
    // then `ready` says whether that was all of it (`resumed`) or it must ask for everything again.
    // Replay, `ready` and the subscription happen in one turn, so no notice falls in between.
    const lastSeen = request.headers['last-event-id'];
    const missed = typeof lastSeen === 'string' && lastSeen !== '' ? core.events.since(lastSeen) : null;
    const replayed = (missed ?? []).map(({ id, notice }) => eventFrame(id, notice));
    const ready = eventFrame(core.events.lastId(), { name: 'ready', payload: { resumed: missed !== null } });
    stream.write(`retry: 2000\n\n${replayed.join('')}${ready}`);
    // A notice after the session's end, as last known, waits for the session to be asked again: an
    // expired session is told `signedOut` instead of a notice its console would answer with a read
    // the server refuses (a 401 in the browser's console: issue 12 part 4). Notices stay in order.
    let sessionEndsAt = Date.parse(actor.expiresAt);
    let held: string[] | null = null;
    const unsubscribe = core.events.subscribe((notice, id) => {
      // A removed device's stream ends while this very notice is being told (issue 15).
      if (stream.writableEnded) return;
      const frame = eventFrame(id, notice);
      if (held) {
        held.push(frame);
        return;
      }
      if (core.clock.now().getTime() < sessionEndsAt) {
        stream.write(frame);
        return;
      }
      held = [frame];
      void core.dispatcher.authenticate(token).then((still) => {
        const frames = held ?? [];
        held = null;
        if (stream.writableEnded) return;
        if (!still) {
          stream.end(SIGNED_OUT_FRAME);
          return;
        }
        sessionEndsAt = Date.parse(still.expiresAt);
        stream.write(frames.join(''));
      });
    });
    // The heartbeat also re-checks the session: a signed-out or expired token's stream says so and ends.
    const heartbeat = setInterval(() => {
      void core.dispatcher.authenticate(token).then((still) => {
        if (stream.writableEnded) return;
        if (still) stream.write(': ping\n\n');
        else stream.end(SIGNED_OUT_FRAME);
      });
    }, HEARTBEAT_MS);
    eventStreams.add(stream);
    const ofToken = streamsOfToken.get(token) ?? new Set<ServerResponse>();
    streamsOfToken.set(token, ofToken.add(stream));
    const device = pairedDeviceOf(request);
    const ofDevice = device ? (streamsOfDevice.get(device.id) ?? new Set<ServerResponse>()) : null;
    if (device && ofDevice) streamsOfDevice.set(device.id, ofDevice.add(stream));
    const stop = () => {
      clearInterval(heartbeat);
      unsubscribe();
      eventStreams.delete(stream);
      ofToken.delete(stream);
      if (ofToken.size === 0 && streamsOfToken.get(token) === ofToken) streamsOfToken.delete(token);
      if (device && ofDevice) {
        ofDevice.delete(stream);
        if (ofDevice.size === 0 && streamsOfDevice.get(device.id) === ofDevice) streamsOfDevice.delete(device.id);
      }
    };
    request.raw.on('close', stop);
    stream.on('close', stop);
  });

  // A printable slip (issue 4, item 5): signed in by Bearer token or the browser's session cookie
  // (GET only, like the event stream); the same dispatcher answers 401/403/404. A preview: it
  // records nothing — the console's print button calls `print.record` as it prints.
  app.get<{ Params: { appointmentId: string }; Querystring: { paper?: string } }>(
    '/print/slip/:appointmentId',
    async (request, reply) => {
      const language = languageOf(request);
      const token = bearerToken(request) ?? readCookie(request, SESSION_COOKIE);
      const id = /^\d{1,12}$/.test(request.params.appointmentId) ? Number(request.params.appointmentId) : -1;
      const input = { appointmentId: id, language, ...(request.query.paper ? { paper: request.query.paper } : {}) };
      const result = await core.dispatcher.dispatch('print.slip', input, callerOf(request, token));
      // The console prints the slip from a same-origin frame; slips run no script at all.
      void reply
        .type('text/html; charset=utf-8')
        .header('cache-control', 'no-store')
        .header('content-security-policy', cspHeader({ ...CONTENT_SECURITY_POLICY, scriptSrc: ["'none'"], frameAncestors: ["'self'"] }))
        .header('x-frame-options', 'SAMEORIGIN');
      if (!result.ok) return reply.status(result.status).send(printErrorPage(language, result.error.message));
      return reply.status(200).send((result.value as { html: string }).html);
    },
  );

  // The manager's report as one A4 document (issue 18), for the browser's print dialog ("Save as
  // PDF"): signed in like the slip, managers only through the same dispatcher; no script runs in it.
  app.get<{ Params: { from: string; to: string }; Querystring: { compare?: string } }>('/print/report/:from/:to', async (request, reply) => {
    const language = languageOf(request);
    const token = bearerToken(request) ?? readCookie(request, SESSION_COOKIE);
    const input = { from: request.params.from, to: request.params.to, language, compare: request.query.compare !== '0' };
    const result = await core.dispatcher.dispatch('report.document', input, callerOf(request, token));
    void reply
      .type('text/html; charset=utf-8')
      .header('cache-control', 'no-store')
      .header('content-security-policy', cspHeader({ ...CONTENT_SECURITY_POLICY, scriptSrc: ["'none'"], frameAncestors: ["'self'"] }))
      .header('x-frame-options', 'SAMEORIGIN');
    if (!result.ok) return reply.status(result.status).send(printErrorPage(language, result.error.message));
    return reply.status(200).send((result.value as { html: string }).html);
  });

  // The directions slip of an escort (issue 14), printed the same way from the desk and a guide's tablet.
  app.get<{ Params: { escortId: string }; Querystring: { paper?: string } }>('/print/directions/:escortId', async (request, reply) => {
    const language = languageOf(request);
    const token = bearerToken(request) ?? readCookie(request, SESSION_COOKIE);
    const id = /^\d{1,12}$/.test(request.params.escortId) ? Number(request.params.escortId) : -1;
    const input = { escortId: id, language, ...(request.query.paper ? { paper: request.query.paper } : {}) };
    const result = await core.dispatcher.dispatch('escorts.directions', input, callerOf(request, token));
    void reply
      .type('text/html; charset=utf-8')
      .header('cache-control', 'no-store')
      .header('content-security-policy', cspHeader({ ...CONTENT_SECURITY_POLICY, scriptSrc: ["'none'"], frameAncestors: ["'self'"] }))
      .header('x-frame-options', 'SAMEORIGIN');
    if (!result.ok) return reply.status(result.status).send(printErrorPage(language, result.error.message));
    return reply.status(200).send((result.value as { html: string }).html);
  });

  // The aftercare sheet of a stay (issue 16), served like the slip: same sign-in, no script, framed by the console only.
  app.get<{ Params: { stayId: string }; Querystring: { paper?: string } }>('/print/aftercare/:stayId', async (request, reply) => {
    const language = languageOf(request);
    const token = bearerToken(request) ?? readCookie(request, SESSION_COOKIE);
    const id = /^\d{1,12}$/.test(request.params.stayId) ? Number(request.params.stayId) : -1;
    const input = { stayId: id, language, ...(request.query.paper ? { paper: request.query.paper } : {}) };
    const result = await core.dispatcher.dispatch('aftercare.sheet', input, callerOf(request, token));
    void reply
      .type('text/html; charset=utf-8')
      .header('cache-control', 'no-store')
      .header('content-security-policy', cspHeader({ ...CONTENT_SECURITY_POLICY, scriptSrc: ["'none'"], frameAncestors: ["'self'"] }))
      .header('x-frame-options', 'SAMEORIGIN');
    if (!result.ok) return reply.status(result.status).send(printErrorPage(language, result.error.message));
    return reply.status(200).send((result.value as { html: string }).html);
  });

  app.all('/api/*', async (request, reply) =>
    sendError(reply, languageOf(request), 'not_found', 'error.notFound'),
  );

  const rendererDir = options.rendererDir;
  if (rendererDir && existsSync(join(rendererDir, 'index.html'))) {
    await app.register(fastifyStatic, {
      root: rendererDir,
      prefix: '/',
      index: ['index.html'],
      wildcard: false,
      // The build writes `.br` and `.gz` beside each file (scripts/build.mjs); sent when accepted.
      preCompressed: true,
      cacheControl: false,
      setHeaders: (reply, path) => void reply.header('cache-control', cacheControlOf(path)),
    });
    // Page paths (/display, /board …) are the single-page app's.
    app.setNotFoundHandler((request, reply) => {
      if (request.method === 'GET' && !request.url.startsWith('/api/')) return reply.sendFile('index.html');
      return sendError(reply, languageOf(request), 'not_found', 'error.notFound');
    });
  }

  return app;
}

export { AppError };
