/**
 * What a page asks the console and what it is answered, by either road: `POST /api/<method>` and
 * the reads over its socket (`/api/calls`, renderer/client/call-socket.ts). A spec that counts a
 * page's reads, or reads its answers, watches both, so a read moved from one road to the other is
 * still seen.
 */
import type { Page } from '@playwright/test';

export interface ApiWatch {
  /** Each method asked, in order (the event stream as `events`). */
  onCall?(method: string): void;
  /** Each JSON answer's body. */
  onAnswer?(body: unknown): void;
}

export function watchApi(page: Page, { onCall, onAnswer }: ApiWatch): void {
  page.on('request', (sent) => {
    const method = /\/api\/([\w.]+)$/.exec(new URL(sent.url()).pathname)?.[1];
    if (method && method !== 'calls') onCall?.(method);
  });
  page.on('response', async (response) => {
    if (!onAnswer || !/\/api\/[\w.]+$/.test(new URL(response.url()).pathname) || !(response.headers()['content-type'] ?? '').includes('json')) return;
    try {
      onAnswer(await response.json());
    } catch {
      // A response the page dropped (navigation): nothing to learn from it.
    }
  });
  page.on('websocket', (socket) => {
    if (!socket.url().endsWith('/api/calls')) return;
    socket.on('framesent', ({ payload }) => {
      const { method } = JSON.parse(String(payload)) as { method?: unknown };
      if (typeof method === 'string') onCall?.(method);
    });
    socket.on('framereceived', ({ payload }) => {
      const { body } = JSON.parse(String(payload)) as { body?: unknown };
      if (body !== undefined) onAnswer?.(body);
    });
  });
}
