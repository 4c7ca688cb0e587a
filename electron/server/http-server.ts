/**
 * The HTTP transport: the same contract as IPC, for guides' tablets, the lobby TV and the tests.
 *   POST /api/<method>   JSON in, JSON out; `Authorization: Bearer <token>` once signed in
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
import fastifyStatic from '@fastify/static';
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import { AppError, HTTP_STATUS, type ApiError, type ErrorCode } from '../../shared/contract/errors';
import { pickLanguage, translate, type Language } from '../../shared/i18n/messages';
import type { Caller } from '../api/context';
import type { ConsoleCore } from '../core/create-core';
import { printErrorPage } from './print-error-page';

export const BODY_LIMIT_BYTES = 1024 * 1024;
/** How long a request (headers and body) may take to arrive: 1 MB over a slow clinic Wi-Fi fits. */
export const REQUEST_TIMEOUT_MS = 30_000;
const SESSION_COOKIE = 'fd_session';
const HEARTBEAT_MS = 15_000;
/** The event stream's last word to a token whose session is over: do not reconnect, sign in. */
const SIGNED_OUT_FRAME = 'event: signedOut\ndata: {}\n\n';

export interface HttpServerOptions {
  core: ConsoleCore;
  version: string;
  /** The built renderer; when absent only the API is served. */
  rendererDir?: string;
  /** How long a request may take to arrive (REQUEST_TIMEOUT_MS); tests of a stalled body use less. */
  requestTimeoutMs?: number;
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

  await app.register(fastifyHelmet, {
    contentSecurityPolicy: { useDefaults: false, directives: CONTENT_SECURITY_POLICY },
    crossOriginEmbedderPolicy: false,
    // Plain http on the clinic LAN: no HSTS, no upgrade.
    strictTransportSecurity: false,
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

  app.setErrorHandler((error: { code?: string; statusCode?: number }, request, reply) => {
    const language = languageOf(request);
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

  const callerOf = (request: FastifyRequest, token: string | null): Caller => ({
    transport: 'http',
    token,
    device: `http:${request.ip}`,
    language: languageOf(request),
  });

  // `now`: the server's clock (not the browser's), which `serve --demo-at` sets to another time.
  // `integrity`: the start's quick_check, which may still be running after a clean shutdown.
  app.get('/api/health', async () => {
    const integrity = core.integrity.current().state;
    return { ok: integrity !== 'failed', version, schemaVersion: core.schemaVersion, now: core.clock.now().toISOString(), integrity };
  });

  app.post<{ Params: { method: string } }>('/api/:method', async (request, reply) => {
    const caller = callerOf(request, bearerToken(request));
    const result = await core.dispatcher.dispatch(request.params.method, request.body, caller);
    if (!result.ok) return reply.status(result.status).send({ error: result.error });
    // The browser mode also keeps its own session cookie, for the event stream and print pages.
    if (request.params.method === 'auth.signIn') {
      const { token, expiresAt } = result.value as { token: string; expiresAt: string };
      // Max-Age, not Expires: the browser keeps the cookie by its own clock, and a tablet's clock
      // (or a console run at another moment, `--now`) may be hours off the server's. The lifetime
      // is the same on both; the server still ends the session at `expiresAt` by its own clock.
      const seconds = Math.max(0, Math.floor((Date.parse(expiresAt) - core.clock.now().getTime()) / 1000));
      void reply.header('set-cookie', `${SESSION_COOKIE}=${token}; Path=/; HttpOnly; SameSite=Strict; Max-Age=${String(seconds)}`);
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
      'cache-control': 'no-cache, no-transform',
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
    const unsubscribe = core.events.subscribe((notice, id) => {
      stream.write(eventFrame(id, notice));
    });
    // The heartbeat also re-checks the session: a signed-out or expired token's stream says so and ends.
    const heartbeat = setInterval(() => {
      void core.dispatcher.authenticate(token).then((still) => {
        if (still) stream.write(': ping\n\n');
        else stream.end(SIGNED_OUT_FRAME);
      });
    }, HEARTBEAT_MS);
    eventStreams.add(stream);
    const ofToken = streamsOfToken.get(token) ?? new Set<ServerResponse>();
    streamsOfToken.set(token, ofToken.add(stream));
    const stop = () => {
      clearInterval(heartbeat);
      unsubscribe();
      eventStreams.delete(stream);
      ofToken.delete(stream);
      if (ofToken.size === 0 && streamsOfToken.get(token) === ofToken) streamsOfToken.delete(token);
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
