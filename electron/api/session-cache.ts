/**
 * The sessions the dispatcher has just resolved, for a moment. Every call of every client looks
 * its session up (bench: ~20 µs of a 0.15 ms customer search); a desk and a TV call several times
 * a second. An entry lives at most `ttlMs` and never past its session's own expiry; the dispatcher
 * clears them all after every committed write, so a sign-out, a PIN change or a staff member made
 * inactive takes effect on the very next call. Unknown tokens are never kept.
 */
import type { Actor } from './context';

export const SESSION_CACHE_MS = 5_000;
const MAX_ENTRIES = 256;

export interface SessionCache {
  /** The actor cached for `token`, or undefined when it must be resolved again. */
  get(token: string, now: Date): Actor | undefined;
  set(token: string, actor: Actor, now: Date): void;
  clear(): void;
}

export function createSessionCache(ttlMs = SESSION_CACHE_MS): SessionCache {
  const entries = new Map<string, { actor: Actor; until: number }>();
  return {
    get(token, now) {
      const entry = entries.get(token);
      if (!entry) return undefined;
      if (now.getTime() >= entry.until) {
        entries.delete(token);
        return undefined;
      }
      return entry.actor;
    },
    set(token, actor, now) {
      if (entries.size >= MAX_ENTRIES) entries.delete(entries.keys().next().value as string);
      entries.set(token, { actor, until: Math.min(now.getTime() + ttlMs, Date.parse(actor.expiresAt)) });
    },
    clear: () => entries.clear(),
  };
}
