/**
 * The browser mode's reads over one WebSocket per page (`GET /api/calls`), beside `POST
 * /api/<method>`: in Chromium a POST costs ~6 ms before the server is asked anything and a message
 * on an open socket ~1.4 (docs/performance.md, 2026-12-05 late evening), and reception's search
 * and the board's pushes are reads.
 *
 * Only reads: a write keeps its POST, with its idempotency key, the offline queue and its cookies.
 * Each message carries its session's token and language and goes through the same dispatcher (roles,
 * validation, audit) as a POST; the socket itself holds no session. The upgrade is a GET through
 * every `onRequest` hook: the network guard checks the Host and the Origin (a page of another site
 * cannot open it) and, on the LAN, the paired device's cookie. A socket outlives those checks, so
 * it is closed when its device is removed and when the settings change (LAN access turned on or
 * off): the page sends by POST meanwhile and opens another, checked again.
 *
 * A message: `{ id, method, input, token, language }`; its answer: `{ id, status, body }`, the body
 * as the POST would have answered it (the value, or `{ error }`).
 */
import fastifyWebsocket, { type WebSocket } from '@fastify/websocket';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { HTTP_STATUS, type ApiError } from '../../shared/contract/errors';
import { methodFacts } from '../../shared/contract/method-table';
import { pickLanguage, translate } from '../../shared/i18n/messages';
import type { Caller } from '../api/context';
import { nameIssue } from '../api/input-issue';
import type { ConsoleCore } from '../core/create-core';
import { pairedDeviceOf } from './network-guard';

export const CALL_SOCKET_PATH = '/api/calls';
/** The close code of a socket whose device was removed or whose access changed: open again to be checked. */
export const CLOSE_RECHECK = 4001;

/** A message's envelope; its `input` is the method's, checked by the dispatcher against the contract. */
const CALL_MESSAGE = z.strictObject({
  id: z.number().int().nonnegative(),
  method: z.string().max(100),
  input: z.unknown().optional(),
  token: z.string().max(200).nullable().optional(),
  language: z.string().max(35).nullable().optional(),
});
type CallMessage = z.infer<typeof CALL_MESSAGE>;

/** The message, or the field that is wrong (with the message's `id` when that much is right, so the page can match the answer). */
function readMessage(data: string): CallMessage | { id: number | null; problem: (string | number)[] } {
  let parsed: unknown;
  try {
    parsed = JSON.parse(data);
  } catch {
    return { id: null, problem: ['not JSON'] };
  }
  const checked = CALL_MESSAGE.safeParse(parsed);
  if (checked.success) return checked.data;
  const id = CALL_MESSAGE.shape.id.safeParse((parsed as { id?: unknown } | null)?.id);
  return { id: id.success ? id.data : null, problem: nameIssue(checked.error.issues)?.path ?? [] };
}

export interface CallSocketOptions {
  core: ConsoleCore;
  /** The caller a POST from this request would be, with this token (the upgrade's device and address). */
  callerOf(request: FastifyRequest, token: string | null): Caller;
  maxPayload: number;
}

export async function installCallSocket(app: FastifyInstance, { core, callerOf, maxPayload }: CallSocketOptions): Promise<void> {
  await app.register(fastifyWebsocket, { options: { maxPayload } });
  const open = new Set<{ socket: WebSocket; device: number | null }>();
  const unsubscribe = core.events.subscribe((notice) => {
    if (notice.name === 'settings.changed') {
      for (const entry of open) entry.socket.close(CLOSE_RECHECK, 'settings changed');
    } else if (notice.name === 'devices.revoked') {
      const ids = new Set((notice.payload as { ids: number[] }).ids);
      for (const entry of open) if (entry.device !== null && ids.has(entry.device)) entry.socket.close(CLOSE_RECHECK, 'device removed');
    }
  });
  app.addHook('preClose', (done) => {
    unsubscribe();
    done();
  });

  app.get(CALL_SOCKET_PATH, { websocket: true }, (socket, request) => {
    const entry = { socket, device: pairedDeviceOf(request)?.id ?? null };
    open.add(entry);
    socket.on('close', () => open.delete(entry));
    const answer = (id: number | null, status: number, body: unknown) => {
      if (socket.readyState === socket.OPEN) socket.send(JSON.stringify({ id, status, body }));
    };
    socket.on('message', (data, isBinary) => {
      const message = isBinary ? { id: null, problem: ['binary'] } : readMessage(String(data));
      if ('problem' in message) {
        const error: ApiError = { code: 'invalid', message: translate('zh-CN', 'error.invalid'), path: message.problem };
        answer(message.id, HTTP_STATUS.invalid, { error });
        return;
      }
      const language = pickLanguage(message.language ?? null);
      const caller = { ...callerOf(request, message.token ?? null), language };
      // A write, or a name the contract does not know: by POST only (the dispatcher answers the latter there).
      if (methodFacts(message.method)?.writes !== false) {
        const error: ApiError = { code: 'invalid', message: translate(language, 'error.invalid'), path: ['method'] };
        answer(message.id, HTTP_STATUS.invalid, { error });
        return;
      }
      void core.dispatcher.dispatch(message.method, message.input, caller).then(
        (result) => answer(message.id, result.ok ? 200 : result.status, result.ok ? result.value : { error: result.error }),
        () => answer(message.id, HTTP_STATUS.internal, { error: { code: 'internal', message: translate(language, 'error.internal') } }),
      );
    });
  });
}
