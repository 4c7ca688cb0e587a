/**
 * The preload of every window: exposes `window.frontdesk` and nothing else. Two functions, one
 * channel each way; never `ipcRenderer` itself, never the IPC event (it carries the sender).
 *
 *   frontdesk.call(method, input)     → the dispatcher's result, in the page's language
 *   frontdesk.on(handler)             → every change notice; returns the unsubscribe
 *   frontdesk.on(name, handler)       → only notices called `name`
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { CALL_CHANNEL, NOTICE_CHANNEL } from './channels';

interface Notice {
  name: string;
  payload: unknown;
}
type NoticeHandler = (notice: Notice) => void;

function on(handler: NoticeHandler): () => void;
function on(name: string, handler: NoticeHandler): () => void;
function on(first: string | NoticeHandler, second?: NoticeHandler): () => void {
  const name = typeof first === 'string' ? first : null;
  const handler = typeof first === 'function' ? first : second;
  if (typeof handler !== 'function') throw new TypeError('frontdesk.on needs a handler function');
  const listener = (_event: IpcRendererEvent, notice: Notice) => {
    if (name === null || notice.name === name) handler({ name: notice.name, payload: notice.payload });
  };
  ipcRenderer.on(NOTICE_CHANNEL, listener);
  return () => {
    ipcRenderer.removeListener(NOTICE_CHANNEL, listener);
  };
}

contextBridge.exposeInMainWorld('frontdesk', {
  // The UI language is read at call time: switching language takes effect on the next call.
  // The main process checks every argument: a page can pass anything here.
  call: (method: string, input: unknown): Promise<unknown> =>
    ipcRenderer.invoke(CALL_CHANNEL, method, input, document.documentElement.lang),
  on,
});
