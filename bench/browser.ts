/**
 * The browser rows: the built console in Chromium (Playwright's library API, the system's
 * /usr/bin/chromium) against `serve` (dist/server.cjs, its own process, so its peak memory is its
 * own) on the bench clinic. Six figures: navigation to the board with its 300 cards in a fresh
 * context (cold caches), the board opened again from another page and by a reload (warm caches),
 * keystroke to search results painted, a check-in in one page to its card on a second page, and the
 * JS heap after an hour of board updates played at speed.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from '@playwright/test';
import { coldPhasesLine, type ColdTimings } from './cold-phases';
import { summarise, type Row } from './measure';

export interface BrowserOptions {
  dataDir: string;
  /** Where server.cjs and renderer/ were built. */
  distDir: string;
  staffId: number;
  smoke: boolean;
  nextBooking(): number;
  boardCards: number;
  log(line: string): void;
}

// The page's own globals, for the functions that run inside Chromium: the main process's
// TypeScript project has no DOM library, and these few are all the in-page code touches.
interface PageElement {
  textContent: string | null;
}
declare const document: {
  querySelector(selector: string): PageElement | null;
  querySelectorAll(selector: string): Iterable<PageElement>;
  addEventListener(type: string, listener: () => void, capture: boolean): void;
  body: object;
};
declare const window: { benchKeyAt: number; benchPainted: Promise<number>; benchReportBoard(shown: BoardShown): void };

/** What a page reports of its first board: the cards its lanes count, and when (ms since navigation). */
interface BoardShown {
  total: number;
  at: number;
}
declare const location: { hash: string };
declare function requestAnimationFrame(callback: () => void): number;
declare class MutationObserver {
  constructor(callback: () => void);
  observe(target: object, options: object): void;
  disconnect(): void;
}
/** Performance Timing entries, as far as the cold phases read them (readColdTimings). */
interface PageTimingEntry {
  name: string;
  startTime: number;
  responseEnd: number;
  domContentLoadedEventStart: number;
}
declare const performance: { now(): number; timeOrigin: number; getEntriesByType(type: 'navigation' | 'resource' | 'paint'): PageTimingEntry[] };

const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--js-flags=--expose-gc'];

/**
 * Installed in every page before its own scripts: records when the board is first painted with
 * every lane's count and a card, in the page's own time (ms since navigation). Polling from the
 * harness instead measured the harness: `goto` returns at the load event, the poll is sent after,
 * and a trace of a cold load put the painted board 100–200 ms (a busy machine) before the poll saw
 * it. A mutation observer checks after each change; the time is taken after the next frame, as the
 * other rows do. It stops at the first board shown (so it costs the rows after nothing); a reload
 * installs it afresh. Only in pages opened on the board.
 *
 * It reports through a binding the harness exposes (installed at document start), not a value the
 * harness waits for with `waitForFunction`: that injects Playwright's utility script into the page
 * while it loads, and a trace put its parse (13–22 ms on the main thread) between the session gate's
 * render and the board's. Interleaved cold loads of one build: p50 865 → 837 and 876 → 838 ms
 * (docs/performance.md, 2026-12-06 evening).
 */
function watchForBoard(): void {
  const shown = () => {
    const counts = [...document.querySelectorAll('[data-testid=lane-count]')];
    return counts.length > 0 && document.querySelector('[data-testid=board-card]') !== null ? counts.reduce((sum, element) => sum + Number(element.textContent), 0) : null;
  };
  const observer = new MutationObserver(() => {
    const total = shown();
    if (total === null) return;
    observer.disconnect();
    requestAnimationFrame(() => setTimeout(() => window.benchReportBoard({ total, at: performance.now() })));
  });
  observer.observe(document, { subtree: true, childList: true, characterData: true });
}

/** Read in the page once its board is shown: the moments cold-phases.ts splits a cold load by. */
function readColdTimings(shown: number): ColdTimings {
  const navigation = performance.getEntriesByType('navigation')[0]!;
  const domContentLoaded = navigation.domContentLoadedEventStart;
  const early = performance.getEntriesByType('resource').filter((entry) => /\.js(\?|$)/.test(entry.name) && entry.startTime <= domContentLoaded);
  const firstPaint = performance.getEntriesByType('paint').find((entry) => entry.name === 'first-contentful-paint');
  return { scripts: Math.max(0, ...early.map((entry) => entry.responseEnd)), domContentLoaded, firstPaint: firstPaint ? firstPaint.startTime : null, shown };
}

async function startServer(options: BrowserOptions): Promise<{ child: ChildProcess; base: string }> {
  const server = join(options.distDir, 'server.cjs');
  if (!existsSync(server) || !existsSync(join(options.distDir, 'renderer', 'index.html'))) {
    throw new Error(`the browser rows need the built server and renderer in ${options.distDir} (npm run build), or pass --no-browser`);
  }
  const child = spawn(process.execPath, [server, '--data', options.dataDir, '--port', '0'], { stdio: ['ignore', 'pipe', 'inherit'] });
  const base = await new Promise<string>((resolve, reject) => {
    let output = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /Open (http:\/\/\S+) /.exec(output);
      if (match) resolve(match[1]!.replace('localhost', '127.0.0.1').replace(/\/$/, ''));
    });
    child.on('exit', (code) => reject(new Error(`serve exited (${String(code)}): ${output}`)));
  });
  return { child, base };
}

/** The server's peak resident memory (VmHWM), Linux only. */
function peakRss(pid: number | undefined): number | null {
  if (pid === undefined) return null;
  try {
    const match = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) * 1024 : null;
  } catch {
    return null;
  }
}

export async function runBrowserRows(options: BrowserOptions): Promise<{ rows: Row[]; serverPeakRssBytes: number | null }> {
  const { child, base } = await startServer(options);
  let browser: Browser | null = null;
  try {
    const api = async <T>(method: string, input: unknown, token?: string): Promise<T> => {
      const response = await fetch(`${base}/api/${method}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: JSON.stringify(input),
      });
      const body = (await response.json()) as T & { error?: { message: string } };
      if (!response.ok) throw new Error(`${method}: ${body.error?.message ?? response.status}`);
      return body;
    };
    const signIn = async () => (await api<{ token: string }>('auth.signIn', { staffId: options.staffId, pin: '1234' })).token;
    browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
    // Each board page's reports, in order, and how many of them the harness has read.
    const boardReports = new WeakMap<Page, { shown: BoardShown[]; read: number; wake: (() => void) | null }>();
    const openPage = async (hash: string): Promise<{ page: Page; token: string }> => {
      const token = await signIn();
      const context = await browser!.newContext({ viewport: { width: 1920, height: 1080 }, locale: 'zh-CN' });
      await context.addInitScript((value) => sessionStorage.setItem('frontdesk.token', value), token);
      if (hash === 'board') {
        await context.exposeBinding('benchReportBoard', ({ page }: { page: Page }, shown: BoardShown) => {
          const reports = boardReports.get(page);
          if (!reports) return;
          reports.shown.push(shown);
          reports.wake?.();
        });
        await context.addInitScript(watchForBoard);
      }
      const page = await context.newPage();
      boardReports.set(page, { shown: [], read: 0, wake: null });
      await page.goto(`${base}/#/${hash}`);
      return { page, token };
    };
    const boardTotal = (page: Page) => page.evaluate(() => [...document.querySelectorAll('[data-testid=lane-count]')].reduce((sum, element) => sum + Number(element.textContent), 0));
    const rows: Row[] = [];

    // Navigation: a fresh context (no HTTP cache, no compiled code) until every lane shows its count
    // and cards are on screen, as the page itself sees it (watchForBoard). The first load of a
    // newly launched Chromium is slower for the browser's own start (2026-12-02: 1.29 s, the other
    // seven 0.77–1.03) and is not counted: the console's desk PC launches its browser once a day.
    // Twenty loads, so that the p95 is not simply the slowest of a few.
    const expected = (await api<{ cards: unknown[] }>('visits.board', {}, await signIn())).cards.length;
    /** The page's next report of a board shown (its first load, or the load after a reload). */
    const boardShownAt = async (page: Page) => {
      const reports = boardReports.get(page)!;
      if (reports.shown.length <= reports.read) {
        let timer: NodeJS.Timeout | undefined;
        await Promise.race([
          new Promise<void>((resolve) => (reports.wake = resolve)),
          new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error('the board was not shown within 30 s')), 30_000))),
        ]).finally(() => {
          clearTimeout(timer);
          reports.wake = null;
        });
      }
      const shown = reports.shown[reports.read++]!;
      if (shown.total !== expected) throw new Error(`the board first showed ${String(shown.total)} cards, not the day's ${String(expected)}`);
      return shown.at;
    };
    const navigations: number[] = [];
    const coldTimings: ColdTimings[] = [];
    const coldLoads = options.smoke ? 2 : 20;
    for (let index = -1; index < coldLoads; index += 1) {
      const { page } = await openPage('board');
      const at = await boardShownAt(page);
      if (index >= 0) {
        navigations.push(at);
        // Read after the board was reported, so the reading is not part of the load it reads.
        coldTimings.push(await page.evaluate(readColdTimings, at));
      }
      await page.context().close();
    }
    rows.push(summarise(`board in Chromium: navigation to ${expected} cards`, navigations, null, { maxP95: 1000, text: '≤ 1.0 s' }));
    options.log(`navigation: ${navigations.map((ms) => ms.toFixed(0)).join(' ')} ms`);
    options.log(coldPhasesLine(coldTimings));

    // The board opened again, as a clerk does all day: from another page of the console (its code
    // and the day's cards already in the page), and by reloading its tab (HTTP and V8 code caches
    // warm). The cold row above is the first open of a browser that has never seen the console.
    const { page: again } = await openPage('board');
    await boardShownAt(again);
    const fromPage: number[] = [];
    const reloads: number[] = [];
    for (let index = 0; index < (options.smoke ? 2 : 8); index += 1) {
      await again.evaluate(() => (location.hash = '#/customers'));
      await again.getByTestId('customer-search').waitFor();
      fromPage.push(
        await again.evaluate(
          (total) =>
            new Promise<number>((resolve) => {
              const start = performance.now();
              location.hash = '#/board';
              const check = () => {
                const shown = [...document.querySelectorAll('[data-testid=lane-count]')].reduce((sum, element) => sum + Number(element.textContent), 0);
                if (shown === total && document.querySelector('[data-testid=board-card]') !== null) resolve(performance.now() - start);
                else requestAnimationFrame(check);
              };
              requestAnimationFrame(check);
            }),
          expected,
        ),
      );
    }
    for (let index = 0; index < (options.smoke ? 2 : 8); index += 1) {
      await again.reload();
      reloads.push(await boardShownAt(again));
    }
    await again.context().close();
    rows.push(summarise(`board in Chromium: from another page, ${expected} cards`, fromPage, null, { maxP95: 1000, text: '≤ 1.0 s' }));
    rows.push(summarise(`board in Chromium: reload, warm caches, ${expected} cards`, reloads, null, { maxP95: 1000, text: '≤ 1.0 s' }));
    options.log(`board from another page: ${fromPage.map((ms) => ms.toFixed(0)).join(' ')} ms; reloaded: ${reloads.map((ms) => ms.toFixed(0)).join(' ')} ms`);

    // Keystroke to results painted: every key that changes the top results, timed in the page.
    const { page: searchPage, token: searchToken } = await openPage('customers');
    const box = searchPage.getByTestId('customer-search');
    await box.waitFor();
    await searchPage.evaluate(() => {
      document.addEventListener('keydown', () => (window.benchKeyAt = performance.now()), true);
    });
    const keystrokes: number[] = [];
    const missedKeys: string[] = [];
    const typed = options.smoke ? ['wl'] : ['wangli', 'zhangjing', 'zjh', 'liuyang', '13812', 'chenyat', 'zengna', 'huangt', 'ouyang', '1591'];
    for (const text of typed) {
      let previous = '';
      for (let length = 1; length <= text.length; length += 1) {
        const query = text.slice(0, length);
        const names = (await api<{ results: { name: string }[] }>('customers.search', { query, limit: 20 }, searchToken)).results.slice(0, 5).map((row) => row.name);
        const signature = names.join('|');
        // The watcher is installed (awaited) before the key is pressed, so a fast answer is not missed.
        const watching = signature !== previous && names.length > 0;
        if (watching) {
          await searchPage.evaluate((wanted) => {
            window.benchPainted = new Promise<number>((resolve, reject) => {
              const matches = () => {
                const shown = [...document.querySelectorAll('[data-testid=customer-results] tr[data-row-key]')].slice(0, wanted.length).map((row) => row.textContent ?? '');
                return shown.length === wanted.length && wanted.every((name, index) => shown[index]!.includes(name));
              };
              const timer = setTimeout(() => reject(new Error(`no results for ${wanted.join(',')}`)), 5_000);
              const observer = new MutationObserver(() => {
                if (!matches()) return;
                observer.disconnect();
                clearTimeout(timer);
                // After the frame that shows them is painted.
                requestAnimationFrame(() => setTimeout(() => resolve(performance.now() - window.benchKeyAt)));
              });
              observer.observe(document.body, { subtree: true, childList: true, characterData: true });
            });
          }, names);
        }
        await searchPage.keyboard.type(text[length - 1]!);
        if (watching) {
          try {
            keystrokes.push(await searchPage.evaluate(() => window.benchPainted));
          } catch (error) {
            missedKeys.push(error instanceof Error ? error.message : String(error));
          }
        } else await searchPage.waitForTimeout(150);
        previous = signature;
      }
      await box.fill('');
      await searchPage.waitForTimeout(300);
    }
    rows.push(summarise('search in Chromium: keystroke to results painted', keystrokes, null, { maxP95: 50, text: 'p95 ≤ 50 ms' }));
    options.log(`keystrokes: ${keystrokes.length} samples, slowest ${[...keystrokes].sort((a, b) => b - a).slice(0, 6).map((ms) => ms.toFixed(0)).join(' ')} ms${missedKeys.length ? `; ${missedKeys.length} never showed the API's results: ${missedKeys.join('; ')}` : ''}`);
    await searchPage.context().close();

    // Push: a check-in made in one page appears on a second page's board (the lane's count).
    const { page: desk, token: deskToken } = await openPage('board');
    const { page: lobby } = await openPage('board');
    // Both pages first do their start-up's one-off: the lock screen's code, which a console fetches
    // once left alone for ten seconds (session-gate.tsx), is evaluated when it arrives (+1.8 MiB of
    // heap, tens of ms of main thread). The hour played at speed (~20 s) would otherwise take it for
    // the hour's growth, and a push for its own time (2026-12-05 evening); a real hour has it in its
    // first seconds, as the first load of a newly launched Chromium is left out of the cold row.
    const lockScreenCode = (page: Page) => page.waitForResponse((response) => /\/assets\/sign-in-page-[\w-]+\.js$/.test(new URL(response.url()).pathname), { timeout: 60_000 });
    const settled = Promise.all([lockScreenCode(desk), lockScreenCode(lobby)]);
    for (const page of [desk, lobby]) await page.waitForFunction(() => document.querySelector('[data-testid=board-card]') !== null, undefined, { timeout: 30_000 });
    await settled;
    await lobby.waitForTimeout(500);
    const pushes: number[] = [];
    for (let index = 0; index < (options.smoke ? 3 : 30); index += 1) {
      const before = await boardTotal(lobby);
      const arrived = lobby.evaluate(
        (count) =>
          new Promise<number>((resolve) => {
            const total = () => [...document.querySelectorAll('[data-testid=lane-count]')].reduce((sum, element) => sum + Number(element.textContent), 0);
            const observer = new MutationObserver(() => {
              if (total() <= count) return;
              observer.disconnect();
              requestAnimationFrame(() => setTimeout(() => resolve(performance.timeOrigin + performance.now())));
            });
            observer.observe(document.body, { subtree: true, childList: true, characterData: true });
          }),
        before,
      );
      const sentAt = await desk.evaluate(
        async ({ appointmentId, token }) => {
          const at = performance.timeOrigin + performance.now();
          const response = await fetch('/api/visits.checkIn', { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify({ appointmentId }) });
          if (!response.ok) throw new Error(`check-in: ${response.status}`);
          return at;
        },
        { appointmentId: options.nextBooking(), token: deskToken },
      );
      pushes.push((await arrived) - sentAt);
      await lobby.waitForTimeout(50);
    }
    rows.push(summarise('check-in in one page to its card on a second (push)', pushes, null, { maxP95: 100, text: 'p95 ≤ 100 ms' }));

    // An hour of a busy afternoon at speed: ~35 arrivals, every waiting customer called, seen and
    // sent home, comfort tasks ticked. The heap is measured after a forced GC, warm, then after.
    const cdp = await lobby.context().newCDPSession(lobby);
    const heap = async () => {
      await cdp.send('HeapProfiler.collectGarbage');
      await lobby.waitForTimeout(200);
      await cdp.send('HeapProfiler.collectGarbage');
      return (await cdp.send('Runtime.getHeapUsage')).usedSize;
    };
    type Card = { visitId: number; status: string; version: number; kind: string; comfort: { id: number; doneAt: string | null; missedAt: string | null }[] };
    const minute = async (index: number) => {
      if (index % 2 === 0) await api('visits.checkIn', { appointmentId: options.nextBooking() }, deskToken);
      const cards = (await api<{ cards: Card[] }>('visits.board', {}, deskToken)).cards;
      const first = (status: string) => cards.find((card) => card.status === status);
      const moves: [Card | undefined, string][] = [
        [first('in_consultation'), 'done'],
        [first('called'), 'in_consultation'],
        [first('waiting'), 'called'],
      ];
      for (const [card, to] of moves) {
        if (!card) continue;
        // A follow-up sees the consultant before it closes, and one closed within 5 minutes says why
        // (seed 004 rules 23 and 11): the afternoon at speed closes them quickly.
        const quickFollowUp = card.kind === 'followup' && to === 'done';
        if (quickFollowUp) await api('followUps.consultantSeen', { visitId: card.visitId }, deskToken).catch(() => undefined);
        await api('visits.transition', { visitId: card.visitId, to, expectedVersion: card.version, ...(quickFollowUp ? { note: 'bench: a quick follow-up' } : {}) }, deskToken);
      }
      // A task of a customer who stays waiting (the first waiting one was just called).
      const task = cards.filter((card) => card.status === 'waiting').slice(1).flatMap((card) => card.comfort).find((candidate) => candidate.doneAt === null && candidate.missedAt === null);
      if (task) await api('comfort.complete', { taskId: task.id }, deskToken).catch(() => undefined);
      await lobby.waitForTimeout(options.smoke ? 10 : 60);
    };
    const minutes = options.smoke ? 6 : 60;
    // Warm before the first reading: fifteen minutes take every card through every lane, open its
    // menus and timers, so V8 has compiled the code those paths run. With five, a heap snapshot
    // diff put the hour's growth in compiled code (+377 KiB, 1,438 code objects) while the app's own
    // objects did not grow (docs/performance.md): JIT warm-up, not a leak, yet 10 % of a lighter heap.
    const warmMinutes = options.smoke ? 5 : 15;
    for (let index = 0; index < warmMinutes; index += 1) await minute(index);
    const heapBefore = await heap();
    for (let index = warmMinutes; index < warmMinutes + minutes; index += 1) await minute(index);
    await lobby.waitForTimeout(500);
    const heapAfter = await heap();
    const growth = ((heapAfter - heapBefore) / heapBefore) * 100;
    rows.push(summarise(`renderer JS heap after ${minutes} min of board updates (growth %)`, [growth], null, { maxP95: 10, text: 'growth ≤ 10 %' }, '%'));
    options.log(`heap: ${(heapBefore / 2 ** 20).toFixed(1)} → ${(heapAfter / 2 ** 20).toFixed(1)} MiB; board ${await boardTotal(lobby)} cards`);

    return { rows, serverPeakRssBytes: peakRss(child.pid) };
  } finally {
    await browser?.close();
    child.kill('SIGTERM');
  }
}
