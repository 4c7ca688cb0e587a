/**
 * The Electron shell's security, checked on what it really does under the recording stand-in
 * (tests/helpers/shell-run.ts): every window it makes — each found through the stand-in's record,
 * and each place electron/shell makes one covered — is sandboxed, isolated and without Node; every
 * webContents refuses new windows and navigation off the app; the permission handlers refuse every
 * permission Electron knows but the reviewed one; and the renderer's CSP allows no script but its own.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../electron/server/http-server';
import { browserWindowSites, readSources } from '../helpers/electron-static-check';
import { fakeEvent } from '../helpers/electron-stand-in';
import {
  buildShellBundles,
  LOBBY_LABEL,
  menuItems,
  removeShellBundles,
  repositoryRoot,
  ShellRun,
  type ShellBundles,
  type StaffSummary,
} from '../helpers/shell-run';

/** The permissions the console may be granted, and from where: the wait and comfort-round alerts (README, Notifications). */
const REVIEWED_PERMISSIONS = { notifications: 'app://console' } as const;

/** Every permission Electron's handlers can be asked about, read from its own type declarations. */
function electronPermissions(): string[] {
  const declarations = readFileSync(join(repositoryRoot, 'node_modules', 'electron', 'electron.d.ts'), 'utf8');
  const union = /setPermissionRequestHandler\(handler: \(\(webContents: WebContents, permission: ([^,]+),/.exec(declarations)?.[1];
  if (!union) throw new Error('electron.d.ts no longer declares setPermissionRequestHandler as this test reads it');
  return [...union.matchAll(/'([^']+)'/g)].map((match) => match[1] as string);
}

const OUTSIDE = [
  'https://example.com/',
  'http://127.0.0.1:5170/',
  'file:///etc/passwd',
  'app://evil/index.html',
  'app://console.evil.example/index.html',
  'app://console:8080/index.html',
  'javascript:alert(1)',
  'data:text/html,<script>alert(1)</script>',
  'about:blank',
  'devtools://devtools/bundled/inspector.html',
  'chrome://settings',
  'not a url',
];
const INSIDE = ['app://console/index.html', 'app://console/display', 'app://console/index.html#/board'];

let bundles: ShellBundles;
let run: ShellRun;

beforeAll(async () => {
  bundles = buildShellBundles();
  run = new ShellRun(bundles, { argv: ['--demo'], dialogResponse: 1 });
  await run.start();
  // Every kind of window the shell makes: the console (at start), the lobby display (a second
  // screen), and the hidden print window (a slip to the printer, and one saved as PDF).
  run.electron.screen.displays.push({ id: 2, bounds: { x: 1920, y: 0, width: 1920, height: 1080 } });
  run.electron.screen.emit('display-added', fakeEvent(), run.electron.screen.displays[1]);
  menuItems(run.electron.Menu.current?.template).find((item) => item.label === LOBBY_LABEL)?.click?.();
  const staff = ((await run.call('auth.staff', {})) as { value: StaffSummary[] }).value;
  const reception = staff.find((member) => member.role === 'reception');
  if (!reception) throw new Error('the demo clinic has no reception');
  expect(await run.call('auth.signIn', { staffId: reception.id, pin: '1234' })).toMatchObject({ ok: true });
  const day = (await run.call('appointments.listDay', {})) as { ok: true; value: { appointments: Array<{ id: number }> } };
  const appointmentId = day.value.appointments[0]?.id;
  if (appointmentId === undefined) throw new Error('the demo day has no appointment');
  expect(await run.call('print.toDevice', { appointmentId, target: 'printer' })).toMatchObject({ ok: true, value: { printed: true } });
  expect(await run.call('print.toDevice', { appointmentId, target: 'pdf' })).toMatchObject({ ok: true, value: { printed: false } });
}, 60_000);

afterAll(async () => {
  await run?.quit();
  run?.cleanUp();
  removeShellBundles(bundles);
});

describe('every window the shell makes', () => {
  const windows = () => run.electron.BrowserWindow.created;

  it('was made here, and every place electron/shell makes one was reached', () => {
    const sites = browserWindowSites(readSources(repositoryRoot, 'electron/shell'));
    expect(sites.length).toBeGreaterThanOrEqual(3);
    for (const window of windows()) expect(window.createdBy.file).toBe(bundles.main);
    expect(new Set(windows().map((window) => window.createdBy.name))).toEqual(new Set(sites.map((site) => site.functionName)));
  });

  it('is sandboxed and context-isolated, without Node, webviews, insecure content or weakened web security', () => {
    for (const window of windows()) {
      const preferences = (window.options.webPreferences ?? {}) as Record<string, unknown>;
      const which = `${window.createdBy.name}: ${JSON.stringify(preferences)}`;
      expect(preferences.contextIsolation, which).toBe(true);
      expect(preferences.sandbox, which).toBe(true);
      expect(preferences.nodeIntegration, which).toBe(false);
      for (const off of ['nodeIntegrationInWorker', 'nodeIntegrationInSubFrames', 'webviewTag', 'allowRunningInsecureContent', 'experimentalFeatures', 'plugins']) {
        expect(preferences[off], `${off} in ${which}`).not.toBe(true);
      }
      expect(preferences.webSecurity, which).not.toBe(false);
      expect(preferences.enableBlinkFeatures, which).toBeUndefined();
      // The one preload is the app's own, beside the main bundle.
      if (preferences.preload !== undefined) expect(preferences.preload, which).toBe(join(bundles.dir, 'preload.cjs'));
    }
  });

  it('loads only the console, or, without script or preload, a document to print', () => {
    for (const window of windows()) {
      const preferences = (window.options.webPreferences ?? {}) as Record<string, unknown>;
      for (const url of window.loaded) {
        if (INSIDE.some((inside) => url.startsWith(inside.slice(0, 'app://console/'.length)))) continue;
        expect(url, window.createdBy.name).toMatch(/^data:text\/html;charset=utf-8,/);
        expect(preferences.javascript, window.createdBy.name).toBe(false);
        expect(preferences.preload, window.createdBy.name).toBeUndefined();
      }
    }
  });

  it('refuses new windows and navigation or redirects off app://console, and any <webview>', () => {
    for (const window of windows()) {
      const contents = window.webContents;
      const name = window.createdBy.name;
      for (const url of [...OUTSIDE, ...INSIDE]) expect(contents.windowOpenHandler?.({ url }), `${name} open ${url}`).toEqual({ action: 'deny' });
      expect(contents.count('will-navigate'), name).toBeGreaterThan(0);
      for (const [url, inside] of [...OUTSIDE.map((url) => [url, false] as const), ...INSIDE.map((url) => [url, true] as const)]) {
        for (const event of ['will-navigate', 'will-redirect']) {
          const attempt = fakeEvent(url);
          contents.emit(event, attempt, url);
          expect(attempt.defaultPrevented, `${name} ${event} ${url}`).toBe(!inside);
        }
      }
      const webview = fakeEvent();
      contents.emit('will-attach-webview', webview, {}, {});
      expect(webview.defaultPrevented, name).toBe(true);
    }
  });
});

describe('the permission handlers', () => {
  const permissions = electronPermissions();

  it('know every permission of the Electron in use', () => {
    expect(permissions.length).toBeGreaterThan(30);
    expect(permissions).toEqual(expect.arrayContaining(['media', 'geolocation', 'notifications', 'openExternal', 'hid', 'usb', 'serial', 'clipboard-read']));
  });

  it('grant only the reviewed permissions, only to the console, and refuse everything else by default', () => {
    const { requestHandler, checkHandler } = run.electron.session.defaultSession;
    if (!requestHandler || !checkHandler) throw new Error('permission handlers are not set');
    for (const permission of permissions) {
      for (const origin of ['app://console', 'app://evil', 'https://example.com', 'file://', '']) {
        const reviewed = (REVIEWED_PERMISSIONS as Record<string, string>)[permission];
        const expected = reviewed !== undefined && reviewed === origin;
        let granted: boolean | null = null;
        requestHandler(run.mainWindow.webContents, permission, (answer) => (granted = answer), { requestingUrl: origin === '' ? '' : `${origin}/index.html` });
        expect(granted, `request ${permission} from "${origin}"`).toBe(expected);
        expect(checkHandler(run.mainWindow.webContents, permission, origin, {}), `check ${permission} from "${origin}"`).toBe(expected);
      }
    }
  });
});

describe("the renderer's Content-Security-Policy", () => {
  const parse = (policy: string) =>
    new Map(policy.split(';').map((part) => part.trim()).filter(Boolean).map((part) => {
      const [name, ...sources] = part.split(/\s+/);
      return [name as string, sources] as const;
    }));

  it('runs only its own scripts: no eval, no inline script, no plugins, no framing, no base or form targets', async () => {
    const handler = run.electron.protocol.handlers.get('app');
    if (!handler) throw new Error('no handler for app://');
    const header = (await handler(new Request('app://console/index.html'))).headers.get('content-security-policy') ?? '';
    const policy = parse(header);
    expect(policy.get('default-src')).toEqual(["'self'"]);
    expect(policy.get('script-src')).toEqual(["'self'"]);
    expect(policy.get('connect-src')).toEqual(["'self'"]);
    expect(policy.get('object-src')).toEqual(["'none'"]);
    expect(policy.get('base-uri')).toEqual(["'none'"]);
    expect(policy.get('form-action')).toEqual(["'none'"]);
    expect(policy.get('frame-ancestors')).toEqual(["'none'"]);
    for (const [name, sources] of policy) {
      expect(sources, name).not.toContain("'unsafe-eval'");
      expect(sources, name).not.toContain("'wasm-unsafe-eval'");
      expect(sources.filter((source) => source === '*' || /^[a-z]+:$/.test(source) && !['data:', 'blob:'].includes(source)), name).toEqual([]);
      // Reviewed: antd writes its CSS-in-JS into <style> elements; no script may be inline.
      if (name !== 'style-src') expect(sources, name).not.toContain("'unsafe-inline'");
    }
    expect(['data:', 'blob:'].some((scheme) => policy.get('script-src')?.includes(scheme))).toBe(false);
  });

  it('is the same in the page itself as in the header (but frame-ancestors, which a <meta> cannot carry)', () => {
    const html = readFileSync(join(repositoryRoot, 'renderer', 'index.html'), 'utf8');
    const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1];
    if (!meta) throw new Error('renderer/index.html has no CSP <meta>');
    const fromHeader = Object.entries(CONTENT_SECURITY_POLICY).filter(([name]) => name !== 'frameAncestors');
    expect(parse(meta)).toEqual(new Map(fromHeader.map(([name, sources]) => [name.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`), [...sources]])));
  });
});
