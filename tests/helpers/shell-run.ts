/**
 * The Electron shell, run for real under Node for the shell's tests: the bundles the build makes
 * (main.cjs and preload.cjs, as in dist/) loaded with the recording stand-in for `electron`
 * (electron-stand-in.ts), in front of the real core on a temp SQLite file.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createElectronStandIn, fakeEvent, installElectronStandIn, type ElectronStandIn, type MenuItemTemplate } from './electron-stand-in';
import { TEST_NOW } from './test-moment';

export const repositoryRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const LOBBY_LABEL = 'Open lobby display on second screen / 在副屏打开大堂显示';
export const INDEX_MARKER = '<!doctype html><title>console under test</title>';
export const SECRET = 'the clinic database password';

export type Result = { ok: true; value: unknown } | { ok: false; status: number; error: { code: string; message: string } };
export interface StaffSummary {
  id: number;
  name: string;
  role: string;
}

export interface ShellBundles {
  dir: string;
  main: string;
  preload: string;
}

export const requireBundle = createRequire(import.meta.url);

/**
 * The project's own build (esbuild, about a second) of main.cjs and preload.cjs into a folder of
 * the caller's own, inside the repository so that they find node_modules (better-sqlite3): never
 * stale, and no race with a build writing dist/.
 */
export function buildShellBundles(): ShellBundles {
  mkdirSync(join(repositoryRoot, '.tmp'), { recursive: true });
  const dir = mkdtempSync(join(repositoryRoot, '.tmp', 'shell-test-'));
  execFileSync(process.execPath, ['scripts/build.mjs', 'main', 'preload'], {
    cwd: repositoryRoot,
    stdio: 'pipe',
    env: { ...process.env, FRONTDESK_DIST: dir },
  });
  return { dir, main: join(dir, 'main.cjs'), preload: join(dir, 'preload.cjs') };
}

export function removeShellBundles(bundles: ShellBundles | undefined): void {
  if (bundles) rmSync(bundles.dir, { recursive: true, force: true });
}

export async function waitFor(condition: () => boolean, what: string, timeoutMs = 30_000): Promise<void> {
  const started = performance.now();
  while (!condition()) {
    if (performance.now() - started > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** One start of the main process in a fresh temp folder, with the stand-in installed. */
export class ShellRun {
  readonly folder = mkdtempSync(join(tmpdir(), 'frontdesk-shell-'));
  readonly userData = join(this.folder, 'user-data');
  readonly rendererDir = join(this.folder, 'renderer');
  readonly electron: ElectronStandIn;
  private uninstall: (() => void) | null = null;
  private readonly savedArgv = process.argv;
  private readonly savedRendererDir = process.env.FRONTDESK_RENDERER_DIR;
  private readonly savedInterval = process.env.FRONTDESK_SCHEDULER_INTERVAL_MS;

  /** `schedulerIntervalMs`: tick the notification scheduler that often instead of every 30 s. */
  constructor(
    private readonly bundles: ShellBundles,
    options: { argv: string[]; dialogResponse: number; schedulerIntervalMs?: number },
  ) {
    mkdirSync(join(this.rendererDir, 'assets'), { recursive: true });
    writeFileSync(join(this.rendererDir, 'index.html'), INDEX_MARKER);
    writeFileSync(join(this.rendererDir, 'assets', 'app.js'), 'console.log("app")');
    // Beside the renderer folder, where only a path-traversal bug could reach it.
    writeFileSync(join(this.folder, 'secret.txt'), SECRET);
    this.electron = createElectronStandIn({ userData: this.userData, dialogResponse: options.dialogResponse });
    this.uninstall = installElectronStandIn(this.electron);
    // The clinic's clock at the suite's moment, as `--now` sets it (docs/testing.md).
    process.argv = [...this.savedArgv, `--now=${TEST_NOW}`, ...options.argv];
    process.env.FRONTDESK_RENDERER_DIR = this.rendererDir;
    if (options.schedulerIntervalMs !== undefined) process.env.FRONTDESK_SCHEDULER_INTERVAL_MS = String(options.schedulerIntervalMs);
  }

  /** Loads main.cjs and waits until it has opened its window. */
  async start(): Promise<void> {
    Reflect.deleteProperty(requireBundle.cache, this.bundles.main);
    requireBundle(this.bundles.main);
    await waitFor(() => (this.electron.BrowserWindow.created[0]?.loaded.length ?? 0) > 0, 'the main window to load');
  }

  get mainWindow() {
    const window = this.electron.BrowserWindow.created[0];
    if (!window) throw new Error('no main window');
    return window;
  }

  /** Calls `frontdesk:call` as a frame at `url` inside `sender` would. */
  call(method: string, input: unknown, options: { url?: string | null; sender?: unknown; lang?: string } = {}) {
    const handler = this.electron.ipcMain.handlers.get('frontdesk:call');
    if (!handler) throw new Error('frontdesk:call is not registered');
    const url = options.url === undefined ? 'app://console/index.html' : options.url;
    const event = { sender: options.sender ?? this.mainWindow.webContents, senderFrame: url === null ? null : { url } };
    return handler(event, method, input, options.lang ?? 'en') as Promise<Result>;
  }

  /** Quits as Electron would: `will-quit` waits for the core to close, then quits again. */
  async quit(): Promise<{ prevented: boolean }> {
    const event = fakeEvent();
    const quitsBefore = this.electron.app.quitCount;
    this.electron.app.emit('will-quit', event);
    if (event.defaultPrevented) await waitFor(() => this.electron.app.quitCount > quitsBefore, 'the core to close');
    return { prevented: event.defaultPrevented };
  }

  cleanUp(): void {
    this.uninstall?.();
    this.uninstall = null;
    process.argv = this.savedArgv;
    if (this.savedRendererDir === undefined) delete process.env.FRONTDESK_RENDERER_DIR;
    else process.env.FRONTDESK_RENDERER_DIR = this.savedRendererDir;
    if (this.savedInterval === undefined) delete process.env.FRONTDESK_SCHEDULER_INTERVAL_MS;
    else process.env.FRONTDESK_SCHEDULER_INTERVAL_MS = this.savedInterval;
    Reflect.deleteProperty(requireBundle.cache, this.bundles.main);
    rmSync(this.folder, { recursive: true, force: true });
  }
}

export function menuItems(items: MenuItemTemplate[] | undefined): MenuItemTemplate[] {
  return (items ?? []).flatMap((item) => [item, ...menuItems(item.submenu)]);
}
