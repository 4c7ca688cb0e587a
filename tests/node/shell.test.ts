/**
 * The Electron shell, run for real under Node: the bundles the build makes (main.cjs and
 * preload.cjs, as in dist/) are loaded with a recording stand-in for `electron` (its binary
 * cannot be downloaded here). The core behind them is the real one, on a temp SQLite file, so
 * an IPC call goes all the way through the dispatcher to the database.
 */
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { isAbsolute, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createElectronStandIn, fakeEvent, installElectronStandIn, type ElectronStandIn } from '../helpers/electron-stand-in';
import {
  buildShellBundles,
  INDEX_MARKER,
  LOBBY_LABEL,
  menuItems,
  removeShellBundles,
  requireBundle,
  SECRET,
  waitFor,
  ShellRun,
  type ShellBundles,
  type StaffSummary,
} from '../helpers/shell-run';

let bundles: ShellBundles;

beforeAll(() => {
  bundles = buildShellBundles();
}, 60_000);

afterAll(() => {
  removeShellBundles(bundles);
});

describe('the main process, started with --demo', () => {
  let run: ShellRun;
  let started: ShellRun | undefined;
  let quitResult: { prevented: boolean } | null = null;

  beforeAll(async () => {
    run = started = new ShellRun(bundles, { argv: ['--demo'], dialogResponse: 1 });
    await run.start();
  }, 60_000);

  afterAll(async () => {
    if (started && !quitResult) await started.quit();
    started?.cleanUp();
  });

  it('takes the single-instance lock, names itself, sandboxes every renderer, and asks nothing with --demo', () => {
    const names = run.electron.calls.map((call) => call.name);
    expect(names.filter((name) => name === 'app.requestSingleInstanceLock')).toHaveLength(1);
    expect(run.electron.calls).toContainEqual({ name: 'app.setName', args: ['FrontDesk'] });
    expect(names).toContain('app.enableSandbox');
    expect(run.electron.dialog.shown).toHaveLength(0);
    expect(existsSync(join(run.userData, 'frontdesk.sqlite'))).toBe(true);
  });

  it('opens exactly one secure main window on app://console/index.html, shown when ready', () => {
    expect(run.electron.BrowserWindow.created).toHaveLength(1);
    const window = run.mainWindow;
    expect(window.options).toMatchObject({ width: 1440, height: 900, minWidth: 1024, minHeight: 700, show: false });
    const preferences = window.options.webPreferences as Record<string, unknown>;
    expect(preferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
      disableBlinkFeatures: 'Auxclick',
    });
    expect(String(preferences.preload)).toMatch(/preload\.cjs$/);
    expect(isAbsolute(String(preferences.preload))).toBe(true);
    expect(window.loaded).toEqual(['app://console/index.html']);
    expect(window.visible).toBe(false);
    window.emit('ready-to-show');
    expect(window.visible).toBe(true);
  });

  it('registers the app scheme as privileged, with a code cache, and serves the renderer with the CSP', async () => {
    expect(run.electron.protocol.privileged).toEqual([
      { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } },
    ]);
    const handler = run.electron.protocol.handlers.get('app');
    if (!handler) throw new Error('no handler for app://');
    const fetchApp = async (url: string) => handler(new Request(url));

    const index = await fetchApp('app://console/index.html');
    expect(index.status).toBe(200);
    expect(index.headers.get('content-type')).toMatch(/^text\/html/);
    const csp = index.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("object-src 'none'");
    expect(await index.text()).toBe(INDEX_MARKER);

    // A page path of the single-page app is index.html; a missing asset is not.
    const display = await fetchApp('app://console/display');
    expect(display.status).toBe(200);
    expect(await display.text()).toBe(INDEX_MARKER);
    const script = await fetchApp('app://console/assets/app.js');
    expect(script.headers.get('content-type')).toMatch(/^text\/javascript/);
    expect(script.headers.get('content-security-policy')).toContain("object-src 'none'");
    expect((await fetchApp('app://console/assets/gone.js')).status).toBe(404);
    expect((await fetchApp('app://elsewhere/index.html')).status).toBe(404);

    for (const attempt of [
      'app://console/assets/..%2F..%2Fsecret.txt',
      'app://console/..%2fsecret.txt',
      'app://console/%2e%2e%2fsecret.txt',
      'app://console/..%5Csecret.txt',
      'app://console/../secret.txt',
    ]) {
      const response = await fetchApp(attempt);
      expect(response.status, attempt).not.toBe(200);
      expect(await response.text(), attempt).not.toContain(SECRET);
    }
    expect((await fetchApp('app://console/assets/..%2F..%2Fsecret.txt')).status).toBe(403);
  });

  it('allows notifications and no other permission', () => {
    const { requestHandler, checkHandler } = run.electron.session.defaultSession;
    if (!requestHandler || !checkHandler) throw new Error('permission handlers are not set');
    const ask = (permission: string, requestingUrl = 'app://console/index.html') => {
      let granted: boolean | null = null;
      requestHandler(run.mainWindow.webContents, permission, (answer) => (granted = answer), { requestingUrl });
      return granted;
    };
    expect(ask('notifications')).toBe(true);
    expect(ask('media')).toBe(false);
    expect(ask('geolocation')).toBe(false);
    expect(ask('notifications', 'https://evil.example/')).toBe(false);
    expect(checkHandler(null, 'notifications', 'app://console', {})).toBe(true);
    expect(checkHandler(null, 'media', 'app://console', {})).toBe(false);
    expect(checkHandler(null, 'geolocation', 'app://console', {})).toBe(false);
  });

  it('denies new windows and navigation away from app://console on every webContents', () => {
    const contents = run.mainWindow.webContents;
    expect(contents.windowOpenHandler?.({ url: 'https://example.com/' })).toEqual({ action: 'deny' });
    expect(contents.windowOpenHandler?.({ url: 'app://console/display' })).toEqual({ action: 'deny' });

    const away = fakeEvent('https://example.com');
    contents.emit('will-navigate', away, away.url);
    expect(away.defaultPrevented).toBe(true);
    const file = fakeEvent('file:///etc/passwd');
    contents.emit('will-navigate', file, file.url);
    expect(file.defaultPrevented).toBe(true);
    const inside = fakeEvent('app://console/display');
    contents.emit('will-navigate', inside, inside.url);
    expect(inside.defaultPrevented).toBe(false);
    const redirect = fakeEvent('https://example.com');
    contents.emit('will-redirect', redirect, redirect.url);
    expect(redirect.defaultPrevented).toBe(true);
    const webview = fakeEvent();
    contents.emit('will-attach-webview', webview, {}, {});
    expect(webview.defaultPrevented).toBe(true);
  });

  it('refuses IPC calls from any frame not on app://console', async () => {
    expect(run.electron.ipcMain.handlers.has('frontdesk:call')).toBe(true);
    for (const url of ['https://evil.example/', 'file:///tmp/index.html', 'app://other/index.html', null]) {
      const result = await run.call('auth.staff', {}, { url });
      expect(result, String(url)).toMatchObject({ ok: false, status: 403, error: { code: 'forbidden' } });
    }
  });

  it('serves auth.staff over IPC from the demo database', async () => {
    const result = await run.call('auth.staff', {});
    expect(result.ok).toBe(true);
    const staff = (result as { value: StaffSummary[] }).value;
    expect(staff.map((person) => person.name)).toEqual(expect.arrayContaining(['陈晓雨', '林佳', '何芳']));
    expect(staff.filter((person) => person.role === 'reception').length).toBeGreaterThan(0);
  });

  it('keeps the session in the main process: after auth.signIn, auth.me works without a token', async () => {
    const staff = ((await run.call('auth.staff', {})) as { value: StaffSummary[] }).value;
    const reception = staff.find((person) => person.role === 'reception');
    if (!reception) throw new Error('the demo clinic has no reception staff');

    const before = await run.call('auth.me', {});
    expect(before).toMatchObject({ ok: false, status: 401, error: { code: 'unauthenticated', message: 'Please sign in first' } });
    const inChinese = await run.call('auth.me', {}, { lang: 'zh-CN' });
    expect(inChinese.ok ? '' : inChinese.error.message).toMatch(/[\u4e00-\u9fff]/);

    const signedIn = await run.call('auth.signIn', { staffId: reception.id, pin: '1234' });
    expect(signedIn.ok).toBe(true);
    const me = await run.call('auth.me', {});
    expect(me).toMatchObject({ ok: true, value: { staff: { id: reception.id, role: 'reception' } } });

    // Another window has its own (absent) session.
    const other = new run.electron.BrowserWindow({});
    expect(await run.call('auth.me', {}, { sender: other.webContents })).toMatchObject({ ok: false, status: 401 });
    other.close();

    expect(await run.call('auth.signOut', {})).toMatchObject({ ok: true });
    // "Please sign in first", not "session expired": the window no longer sends the old token.
    expect(await run.call('auth.me', {})).toMatchObject({ ok: false, status: 401, error: { message: 'Please sign in first' } });
  });

  it('forgets a window’s session when its webContents is destroyed', async () => {
    const staff = ((await run.call('auth.staff', {})) as { value: StaffSummary[] }).value;
    const guide = staff.find((person) => person.role === 'guide');
    if (!guide) throw new Error('the demo clinic has no guide');
    const tablet = new run.electron.BrowserWindow({});
    expect(await run.call('auth.signIn', { staffId: guide.id, pin: '1234' }, { sender: tablet.webContents })).toMatchObject({ ok: true });
    expect(await run.call('auth.me', {}, { sender: tablet.webContents })).toMatchObject({ ok: true });
    tablet.close();
    expect(await run.call('auth.me', {}, { sender: tablet.webContents })).toMatchObject({ ok: false, status: 401 });
  });

  it('sends change notices to the windows', async () => {
    const staff = ((await run.call('auth.staff', {})) as { value: StaffSummary[] }).value;
    const manager = staff.find((person) => person.role === 'manager');
    if (!manager) throw new Error('the demo clinic has no manager');
    expect(await run.call('auth.signIn', { staffId: manager.id, pin: '1234' })).toMatchObject({ ok: true });
    const contents = run.mainWindow.webContents;
    const sentBefore = contents.sent.length;
    expect(await run.call('settings.update', { waitAmberMinutes: 20 })).toMatchObject({ ok: true });
    // The notification scheduler may raise something meanwhile; only the settings notice is this call's.
    expect(contents.sent.slice(sentBefore).filter((sent) => !String((sent.args[0] as { name: string }).name).startsWith('notifications.'))).toEqual([
      { channel: 'frontdesk:notice', args: [{ name: 'settings.changed', payload: { keys: ['waitAmberMinutes'] } }] },
    ]);
    await run.call('auth.signOut', {});
  });

  it('offers the lobby display only with a second screen, full screen and as locked down as the console', () => {
    const labels = () => menuItems(run.electron.Menu.current?.template).map((item) => item.label);
    expect(labels()).not.toContain(LOBBY_LABEL);

    run.electron.screen.displays.push({ id: 2, bounds: { x: 1920, y: 0, width: 1920, height: 1080 } });
    run.electron.screen.emit('display-added', fakeEvent(), run.electron.screen.displays[1]);
    const item = menuItems(run.electron.Menu.current?.template).find((each) => each.label === LOBBY_LABEL);
    if (!item?.click) throw new Error('no lobby display menu item after a second screen was added');
    item.click();

    const windows = run.electron.BrowserWindow.created.filter((window) => window.loaded.includes('app://console/display'));
    expect(windows).toHaveLength(1);
    const lobby = windows[0];
    expect(lobby?.options).toMatchObject({ x: 1920, y: 0, fullscreen: true });
    expect(lobby?.options.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      // The lobby's chime rings on a new call without anyone tapping the screen first.
      autoplayPolicy: 'no-user-gesture-required',
    });
    expect(String((lobby?.options.webPreferences as Record<string, unknown>).preload)).toMatch(/preload\.cjs$/);
    // Asking again brings the same window forward.
    item.click();
    expect(run.electron.BrowserWindow.created.filter((window) => window.loaded.includes('app://console/display'))).toHaveLength(1);
    expect(lobby?.webContents.windowOpenHandler?.({ url: 'https://example.com/' })).toEqual({ action: 'deny' });
  });

  it('focuses the console when a second instance starts', () => {
    const before = run.mainWindow.focusCount;
    run.electron.app.emit('second-instance', fakeEvent(), [], '/');
    expect(run.mainWindow.focusCount).toBe(before + 1);
  });

  it('quits when the windows are closed, closing the core first', async () => {
    run.mainWindow.close();
    // The lobby display does not outlive the console.
    expect(run.electron.BrowserWindow.getAllWindows()).toHaveLength(0);
    const quitsBefore = run.electron.app.quitCount;
    run.electron.app.emit('window-all-closed');
    expect(run.electron.app.quitCount).toBe(quitsBefore + 1);

    quitResult = await run.quit();
    expect(quitResult.prevented).toBe(true);
    expect(run.electron.ipcMain.handlers.has('frontdesk:call')).toBe(false);
    // The second will-quit (after the core closed) lets the app go.
    expect((await run.quit()).prevented).toBe(false);
  });
});

describe('desktop notifications from the main process', () => {
  let run: ShellRun;
  let started: ShellRun | undefined;

  beforeAll(async () => {
    run = started = new ShellRun(bundles, { argv: ['--demo'], dialogResponse: 1, schedulerIntervalMs: 200 });
    await run.start();
  }, 60_000);

  afterAll(async () => {
    await started?.quit();
    started?.cleanUp();
  });

  it('shows a raised notification in the console’s language; a click focuses the console and opens its link', async () => {
    const zh = { lang: 'zh-CN' };
    const staff = ((await run.call('auth.staff', {}, zh)) as { value: StaffSummary[] }).value;
    const reception = staff.find((person) => person.role === 'reception');
    if (!reception) throw new Error('the demo clinic has no reception staff');
    expect(await run.call('auth.signIn', { staffId: reception.id, pin: '1234' }, zh)).toMatchObject({ ok: true });

    // A walk-in with a comfort task due now: overdue at the scheduler's next tick.
    const created = (await run.call('customers.create', { name: '桌面提醒', phone: '19912345673' }, zh)) as { ok: true; value: { id: number } };
    const customerId = created.value.id;
    const checkedIn = (await run.call('visits.checkIn', { walkIn: { customerId } }, zh)) as { ok: true; value: { visitId: number; ticket: string } };
    expect(checkedIn.ok).toBe(true);
    const { visitId, ticket } = checkedIn.value;
    expect(await run.call('comfort.add', { visitId, label: '温水', dueInMinutes: 0 }, zh)).toMatchObject({ ok: true });

    const title = `关怀超时：${ticket}`;
    const shownFor = () => run.electron.Notification.shown.filter((each) => each.options.title === title);
    await waitFor(() => shownFor().length > 0, 'the desktop notification of the overdue comfort task');
    const [notification] = shownFor();
    if (!notification) throw new Error('not shown');
    expect(String(notification.options.body)).toContain('温水');

    const focusBefore = run.mainWindow.focusCount;
    const sentBefore = run.mainWindow.webContents.sent.length;
    notification.emit('click');
    expect(run.mainWindow.focusCount).toBe(focusBefore + 1);
    const opened = run.mainWindow.webContents.sent.slice(sentBefore);
    expect(opened).toEqual([
      { channel: 'frontdesk:notice', args: [{ name: 'notifications.opened', payload: { id: expect.any(Number), link: expect.stringMatching(/^#\/board\/\d+$/) } }] },
    ]);
    // It is the very notification reception reads in the console's list.
    const listed = (await run.call('notifications.list', {}, zh)) as { ok: true; value: { items: { id: number; params: { ticket?: string } }[] } };
    const id = (opened[0]?.args[0] as { payload: { id: number } }).payload.id;
    expect(listed.value.items.find((item) => item.id === id)?.params.ticket).toBe(ticket);

    // Shown once, however many ticks pass: another walk-in's task going overdue later is shown,
    // and by then this one still has its single notification.
    const other = (await run.call('customers.create', { name: '又一位散客', phone: '19912345670' }, zh)) as { ok: true; value: { id: number } };
    const later = (await run.call('visits.checkIn', { walkIn: { customerId: other.value.id } }, zh)) as { ok: true; value: { visitId: number; ticket: string } };
    await run.call('comfort.add', { visitId: later.value.visitId, label: '毛毯', dueInMinutes: 0 }, zh);
    await waitFor(() => run.electron.Notification.shown.some((each) => each.options.title === `关怀超时：${later.value.ticket}`), 'the later notification');
    expect(shownFor()).toHaveLength(1);
  });

  it('shows nothing meant only for other roles while a nurse is signed in at the desk', async () => {
    await run.call('auth.signOut', {});
    const staff = ((await run.call('auth.staff', {})) as { value: StaffSummary[] }).value;
    const nurse = staff.find((person) => person.role === 'nurse');
    const reception = staff.find((person) => person.role === 'reception');
    if (!nurse || !reception) throw new Error('the demo clinic has no nurse or reception');
    const contents = run.mainWindow.webContents;
    const call = async <T,>(method: string, input: unknown) => {
      const result = await run.call(method, input);
      if (!result.ok) throw new Error(`${method}: ${result.error.message}`);
      return result.value as T;
    };

    // Reception checks two walk-ins of this test's own in, then the nurse takes the desk.
    await call('auth.signIn', { staffId: reception.id, pin: '1234' });
    const first = await call<{ id: number }>('customers.create', { name: '护士在岗甲', phone: '19912345671' });
    const second = await call<{ id: number }>('customers.create', { name: '护士在岗乙', phone: '19912345672' });
    const visitA = await call<{ visitId: number; ticket: string }>('visits.checkIn', { walkIn: { customerId: first.id } });
    const visitB = await call<{ visitId: number; ticket: string }>('visits.checkIn', { walkIn: { customerId: second.id } });
    await call('auth.signOut', {});
    await call('auth.signIn', { staffId: nurse.id, pin: '1234' });

    // A comfort task (for reception, guides and the manager) goes overdue while only a nurse is here.
    const sentBefore = contents.sent.length;
    await call('comfort.add', { visitId: visitA.visitId, label: 'Water', dueInMinutes: 0 });
    const raisedSince = () =>
      contents.sent
        .slice(sentBefore)
        .map((sent) => sent.args[0] as { name: string; payload: { ids?: number[] } })
        .filter((notice) => notice.name === 'notifications.raised')
        .flatMap((notice) => notice.payload.ids ?? []);
    await waitFor(() => raisedSince().length > 0, 'a notification to be raised');
    const raisedWhileNurse = raisedSince();

    // Reception back at the desk: the next one shows (and, shown in order, proves the first was decided).
    await call('auth.signOut', {});
    await call('auth.signIn', { staffId: reception.id, pin: '1234' });
    await call('comfort.add', { visitId: visitB.visitId, label: 'Water', dueInMinutes: 0 });
    const titled = (ticket: string) => run.electron.Notification.shown.filter((each) => String(each.options.title).endsWith(ticket));
    await waitFor(() => titled(visitB.ticket).length > 0, 'the second comfort notification');

    const listed = await call<{ items: { id: number; params: { ticket?: string } }[] }>('notifications.list', {});
    const notificationA = listed.items.find((item) => item.params.ticket === visitA.ticket);
    expect(raisedWhileNurse).toContain(notificationA?.id);
    expect(titled(visitA.ticket)).toEqual([]);
    expect(titled(visitB.ticket)).toHaveLength(1);
    await call('auth.signOut', {});
  });
});

describe('the main process on a first start without --demo', () => {
  let run: ShellRun;
  let started: ShellRun | undefined;

  beforeAll(async () => {
    run = started = new ShellRun(bundles, { argv: [], dialogResponse: 1 });
    await run.start();
  }, 60_000);

  afterAll(async () => {
    await started?.quit();
    started?.cleanUp();
  });

  it('asks, Chinese first, whether to start with the demo clinic, and "start empty" seeds nothing', async () => {
    expect(run.electron.dialog.shown).toHaveLength(1);
    const box = run.electron.dialog.shown[0] ?? {};
    const [firstLine, secondLine] = String(box.message).split('\n');
    expect(firstLine).toMatch(/[\u4e00-\u9fff]/);
    expect(secondLine).toMatch(/demo clinic/i);
    expect(box.buttons).toEqual([expect.stringMatching(/Start with the demo clinic/), expect.stringMatching(/Start empty/)]);
    expect(await run.call('auth.staff', {})).toEqual({ ok: true, value: [] });
  });
});

describe('the preload', () => {
  let electron: ElectronStandIn;
  let uninstall: () => void;
  const lang = { value: 'en' };

  beforeAll(() => {
    electron = createElectronStandIn({ userData: tmpdir() });
    uninstall = installElectronStandIn(electron);
    Object.defineProperty(globalThis, 'document', {
      configurable: true,
      value: { documentElement: { get lang() { return lang.value; } } },
    });
    Reflect.deleteProperty(requireBundle.cache, bundles.preload);
    requireBundle(bundles.preload);
  });

  afterAll(() => {
    uninstall();
    Reflect.deleteProperty(globalThis, 'document');
    Reflect.deleteProperty(requireBundle.cache, bundles.preload);
  });

  type Notice = { name: string; payload: unknown };
  interface Bridge {
    call(method: string, input: unknown): Promise<unknown>;
    on(first: string | ((notice: Notice) => void), second?: (notice: Notice) => void): () => void;
  }
  const bridge = () => electron.contextBridge.exposed.get('frontdesk') as Bridge;

  it('exposes exactly window.frontdesk with call and on', () => {
    expect([...electron.contextBridge.exposed.keys()]).toEqual(['frontdesk']);
    expect(Object.keys(bridge()).sort()).toEqual(['call', 'on']);
    expect(typeof bridge().call).toBe('function');
    expect(typeof bridge().on).toBe('function');
  });

  it('forwards call to frontdesk:call with the page language read at call time', async () => {
    expect(await bridge().call('auth.staff', {})).toEqual({ ok: true, value: 'from main' });
    lang.value = 'zh-CN';
    await bridge().call('auth.me', { x: 1 });
    expect(electron.ipcRenderer.invoked).toEqual([
      ['frontdesk:call', 'auth.staff', {}, 'en'],
      ['frontdesk:call', 'auth.me', { x: 1 }, 'zh-CN'],
    ]);
  });

  it('delivers change notices, all or by name, without the IPC event, until unsubscribed', () => {
    const all: Notice[] = [];
    const settingsOnly: Notice[] = [];
    const stopAll = bridge().on((notice) => all.push(notice));
    const stopSettings = bridge().on('settings.changed', (notice) => settingsOnly.push(notice));
    const ipcEvent = { sender: 'must not leak' };
    electron.ipcRenderer.emit('frontdesk:notice', ipcEvent, { name: 'settings.changed', payload: { keys: ['a'] } });
    electron.ipcRenderer.emit('frontdesk:notice', ipcEvent, { name: 'appointments.changed', payload: { ids: [1] } });
    expect(all).toEqual([
      { name: 'settings.changed', payload: { keys: ['a'] } },
      { name: 'appointments.changed', payload: { ids: [1] } },
    ]);
    expect(settingsOnly).toEqual([{ name: 'settings.changed', payload: { keys: ['a'] } }]);

    stopAll();
    stopSettings();
    expect(electron.ipcRenderer.count('frontdesk:notice')).toBe(0);
  });
});
