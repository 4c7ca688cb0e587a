/**
 * The desktop app's door to the clinic LAN (issue 15). The lobby PC itself talks to the core over
 * IPC and needs no HTTP at all; when a manager turns "LAN access" on, this starts the same HTTP
 * server for tablets and the lobby TV on the chosen port (every call needing a paired device),
 * and stops it when turned off; a new port restarts it. Plain Node, so it is tested without
 * Electron; the shell calls it with one line.
 */
import type { FastifyInstance } from 'fastify';
import type { ConsoleCore } from '../core/create-core';
import { createHttpServer } from './http-server';

export interface LanListener {
  /** The port listened on now, or null while LAN access is off. */
  port(): number | null;
  /** Waits until the listener follows the settings as they are now. */
  settled(): Promise<void>;
  stop(): Promise<void>;
}

export interface LanListenerOptions {
  version: string;
  rendererDir?: string;
  /** Where to bind; 0.0.0.0 (every network of the PC). Tests bind 127.0.0.1. */
  host?: string;
  log?(line: string): void;
}

export function startLanListener(core: ConsoleCore, options: LanListenerOptions): LanListener {
  const log = options.log ?? ((line) => console.log(line));
  let server: FastifyInstance | null = null;
  let listening: number | null = null;
  let stopped = false;
  let chain: Promise<void> = Promise.resolve();

  const apply = async () => {
    const settings = await core.readSettings();
    const want = !stopped && settings.lanAccess ? settings.lanPort : null;
    if (want === listening) return;
    if (server) {
      await server.close();
      server = null;
      listening = null;
      log('[lan] LAN access off');
    }
    if (want === null) return;
    const made = await createHttpServer({ core, version: options.version, lan: true, ...(options.rendererDir ? { rendererDir: options.rendererDir } : {}) });
    try {
      await made.listen({ port: want, host: options.host ?? '0.0.0.0' });
    } catch (error) {
      // A port another program holds: said in the log; the desk keeps working over IPC.
      await made.close();
      log(`[lan] could not listen on port ${String(want)}: ${error instanceof Error ? error.message : String(error)}`);
      return;
    }
    server = made;
    listening = want;
    log(`[lan] LAN access on, port ${String(want)}`);
  };
  const follow = () => {
    chain = chain.then(apply, apply);
    return chain;
  };

  const unsubscribe = core.events.subscribe((notice) => {
    if (notice.name === 'settings.changed') void follow();
  });
  void follow();
  return {
    port: () => listening,
    settled: () => chain,
    async stop() {
      stopped = true;
      unsubscribe();
      await follow();
    },
  };
}
