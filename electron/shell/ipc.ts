/**
 * The IPC transport: the desktop twin of `POST /api/<method>` and `GET /api/events`.
 *
 * One channel carries every call to the one dispatcher. The renderer never holds or sends a
 * token: the main process keeps each window's session (webContents id → token), set when
 * `auth.signIn` succeeds through that window and dropped on `auth.signOut` or when the window
 * goes away. Calls from any frame not on `app://console` are refused before they reach the core.
 */
import { BrowserWindow, ipcMain, type IpcMainInvokeEvent, type WebContents } from 'electron';
import { HTTP_STATUS, type ErrorCode } from '../../shared/contract/errors';
import type { Role } from '../../shared/domain/roles';
import { pickLanguage, translate, type Language } from '../../shared/i18n/messages';
import type { Caller } from '../api/context';
import type { Dispatcher, DispatchResult } from '../api/dispatcher';
import type { EventBus } from '../api/event-bus';
import { CALL_CHANNEL, NOTICE_CHANNEL } from './channels';
import { isConsoleUrl } from './console-url';
import type { DeskSessions } from './desk-sessions';

// The catalogue in shared/i18n has no message for a foreign page yet; until it does, the two
// languages are spelled out here.
const FOREIGN_PAGE: Record<Language, string> = {
  'zh-CN': '此页面不是前台控制台，不能调用它的接口',
  en: 'This page is not the console and may not call it',
};

function failure(code: ErrorCode, message: string): DispatchResult {
  return { ok: false, status: HTTP_STATUS[code], error: { code, message } };
}

/**
 * Registers `frontdesk:call`; returns a function that removes it. `desk`, when given, learns who
 * signs in and out through each window and the language they speak (for desktop notifications).
 */
export function registerCallBridge(dispatcher: Dispatcher, desk?: DeskSessions): () => void {
  const tokens = new Map<number, string>();
  const watched = new Set<number>();

  /** Drops a window's session when the window goes away (once per webContents). */
  const watch = (contents: WebContents) => {
    const id = contents.id;
    if (watched.has(id)) return;
    watched.add(id);
    contents.once('destroyed', () => {
      tokens.delete(id);
      desk?.signedOut(id);
      watched.delete(id);
    });
  };

  ipcMain.handle(
    CALL_CHANNEL,
    async (event: IpcMainInvokeEvent, method: unknown, input: unknown, lang: unknown): Promise<DispatchResult> => {
      const language = pickLanguage(typeof lang === 'string' ? lang : null);
      if (!isConsoleUrl(event.senderFrame?.url)) return failure('forbidden', FOREIGN_PAGE[language]);
      if (typeof method !== 'string') return failure('invalid', translate(language, 'error.invalid'));

      const id = event.sender.id;
      desk?.spoke(id, language);
      const caller: Caller = { transport: 'ipc', token: tokens.get(id) ?? null, device: 'desktop', language };
      const result = await dispatcher.dispatch(method, input, caller);

      if (method === 'auth.signIn' && result.ok) {
        watch(event.sender);
        const { token, staff } = result.value as { token: string; staff: { role: Role } };
        tokens.set(id, token);
        desk?.signedIn(id, staff.role);
      } else if (method === 'auth.signOut') {
        // Even when the session had already expired: this window is signed out either way.
        tokens.delete(id);
        desk?.signedOut(id);
      }
      return result;
    },
  );
  return () => {
    ipcMain.removeHandler(CALL_CHANNEL);
  };
}

/** Sends every change notice to every open window; returns the unsubscribe. */
export function forwardNotices(events: EventBus): () => void {
  return events.subscribe((notice) => {
    for (const window of BrowserWindow.getAllWindows()) {
      if (!window.isDestroyed() && !window.webContents.isDestroyed()) window.webContents.send(NOTICE_CHANNEL, notice);
    }
  });
}
