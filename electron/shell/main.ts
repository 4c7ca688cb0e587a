/**
 * The desktop app's main process. It only wires: the same core as `npm run serve` (database,
 * services, dispatcher, events) is created here and handed to Electron — the `app://` scheme
 * serving the built renderer, the IPC bridge, the windows and the menu. Every rule lives in
 * the core; see electron/shell/*.ts for the pieces.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { app, type BrowserWindow, dialog, Menu, screen, session } from 'electron';
import { momentArgument, startingClock } from '../core/clock';
import { createCore, outputChecksOf, type ConsoleCore } from '../core/create-core';
import { DATABASE_FILE, PRODUCT_NAME } from '../core/data-dir';
import { forwardRaisedToDesktop } from '../core/desktop-alerts';
import { startNotifications } from '../core/start-notifications';
import { startDailyBackup } from '../core/daily-backup';
import { startPrivacyMaintenance } from '../core/privacy-maintenance';
import { startLanListener } from '../server/lan-listener';
import { runRestoreFlow } from '../core/restore-flow';
import { createDeskSessions } from './desk-sessions';
import { offerDemoClinic } from './first-run';
import { forwardNotices, registerCallBridge } from './ipc';
import { showNotificationAlert } from './notifications';
import { withDesktopPrinting } from './printing';
import { applicationMenuTemplate } from './menu';
import { registerAppScheme, serveRenderer } from './protocol';
import { allowOnlyNotifications, hardenWebContents } from './security';
import { createLobbyWindow, createMainWindow, externalDisplay, focusWindow } from './windows';

declare const __APP_VERSION__: string;

let core: ConsoleCore | null = null;
let mainWindow: BrowserWindow | null = null;
let lobbyWindow: BrowserWindow | null = null;
const stopOnQuit: (() => void)[] = [];

/** The built renderer; a development run may point elsewhere (the tests do), a packaged app never. */
function rendererDir(): string {
  const override = process.env.FRONTDESK_RENDERER_DIR;
  return !app.isPackaged && override ? override : join(__dirname, 'renderer');
}

function openMainWindow(): void {
  const window = createMainWindow();
  mainWindow = window;
  window.on('closed', () => {
    if (mainWindow === window) mainWindow = null;
    // The lobby display does not outlive the console that feeds it.
    if (lobbyWindow && !lobbyWindow.isDestroyed()) lobbyWindow.close();
  });
}

function openLobbyDisplay(): void {
  if (lobbyWindow && !lobbyWindow.isDestroyed()) {
    focusWindow(lobbyWindow);
    return;
  }
  const display = externalDisplay();
  if (!display) return;
  const window = createLobbyWindow(display);
  lobbyWindow = window;
  window.on('closed', () => {
    if (lobbyWindow === window) lobbyWindow = null;
  });
}

function refreshMenu(): void {
  const template = applicationMenuTemplate({
    canOpenLobby: screen.getAllDisplays().length > 1,
    openLobby: openLobbyDisplay,
    restoreFromBackup: () => void restoreFromBackup(),
    developer: !app.isPackaged,
    platform: process.platform,
  });
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}

/** The menu's "Restore from backup…": Electron's dialogs around the core's restore routine. */
async function restoreFromBackup(): Promise<void> {
  const running = core;
  if (!running) return;
  const file = join(app.getPath('userData'), DATABASE_FILE);
  const outcome = await runRestoreFlow({
    file,
    clock: running.clock,
    chooseFile: async (folder) => {
      const picked = await dialog.showOpenDialog({ title: 'Restore from backup / 从备份恢复', defaultPath: folder, filters: [{ name: 'FrontDesk backup', extensions: ['db'] }], properties: ['openFile'] });
      return picked.canceled ? null : (picked.filePaths[0] ?? null);
    },
    confirm: async (message, detail) => {
      const { response } = await dialog.showMessageBox({ type: 'warning', title: 'FrontDesk', message, detail, buttons: ['恢复 / Restore', '取消 / Cancel'], defaultId: 1, cancelId: 1, noLink: true });
      return response === 0;
    },
    closeConsole: async () => {
      core = null;
      for (const stop of stopOnQuit.splice(0)) stop();
      await running.close();
    },
    showError: (message) => dialog.showErrorBox('FrontDesk', message),
    relaunch: () => {
      app.relaunch();
      app.exit(0);
    },
  });
  console.log(`[shell] restore from backup: ${typeof outcome === 'string' ? outcome : `restored ${outcome.restoredFrom}`}`);
}

function onDisplaysChanged(): void {
  if (screen.getAllDisplays().length < 2 && lobbyWindow && !lobbyWindow.isDestroyed()) lobbyWindow.close();
  refreshMenu();
}

async function start(): Promise<void> {
  const dataDir = app.getPath('userData');
  mkdirSync(dataDir, { recursive: true });
  const file = join(dataDir, DATABASE_FILE);
  // `--now=<moment>`: the clinic's clock starts at that moment (training; the shell's tests).
  const opened = await createCore({ file, clock: startingClock(momentArgument(process.argv)), outputChecks: outputChecksOf(process.env) });
  core = opened;
  console.log(`[shell] FrontDesk ${__APP_VERSION__} — data: ${file} (schema ${String(opened.schemaVersion)})`);
  await offerDemoClinic(opened, process.argv);
  // The day's first start backs up in the background a few minutes later (issue 19).
  stopOnQuit.push(startDailyBackup(opened));
  // Legal holds that have ended, and logs past their retention (issue 20).
  stopOnQuit.push(startPrivacyMaintenance(opened));

  serveRenderer(rendererDir());
  allowOnlyNotifications(session.defaultSession);
  const desk = createDeskSessions();
  stopOnQuit.push(registerCallBridge(withDesktopPrinting(opened.dispatcher), desk), forwardNotices(opened.events));
  // Notifications (issue 5, item 6): each one raised for the people at this desk becomes a system
  // notification in the console's language; a click opens its link in the console window.
  stopOnQuit.push(
    forwardRaisedToDesktop({ core: opened, audience: desk, show: (alert) => void showNotificationAlert(alert, () => mainWindow) }),
    startNotifications(opened).stop,
  );
  // LAN access (issue 15): tablets and the lobby TV reach this PC while the manager's setting is on.
  const lan = startLanListener(opened, { version: __APP_VERSION__, rendererDir: rendererDir() });
  stopOnQuit.push(() => void lan.stop());
  // Printing: `print.toDevice` and `print.printers` reach Electron's printers (./printing.ts);
  // every print is still checked and recorded by the one dispatcher.

  refreshMenu();
  screen.on('display-added', onDisplaysChanged);
  screen.on('display-removed', onDisplaysChanged);
  openMainWindow();
}

function failToStart(error: unknown): void {
  const message = error instanceof Error ? error.message : String(error);
  console.error('[shell] could not start', error);
  dialog.showErrorBox('FrontDesk 无法启动 / could not start', message);
  app.exit(1);
}

app.setName(PRODUCT_NAME);
// Every renderer sandboxed, whatever its window options say.
app.enableSandbox();
registerAppScheme();
app.on('web-contents-created', (_event, contents) => {
  hardenWebContents(contents);
});

if (!app.requestSingleInstanceLock()) {
  // Another FrontDesk owns the database; it brings its window forward (second-instance).
  app.quit();
} else {
  app.on('second-instance', () => {
    focusWindow(mainWindow);
  });
  app.on('activate', () => {
    if (core && !mainWindow) openMainWindow();
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  let closed = false;
  app.on('will-quit', (event) => {
    if (closed || !core) return;
    // Close the database cleanly (WAL checkpoint) before the process goes.
    event.preventDefault();
    const closing = core;
    core = null;
    for (const stop of stopOnQuit.splice(0)) stop();
    closing
      .close()
      .catch((error: unknown) => {
        console.error('[shell] closing the database failed', error);
      })
      .finally(() => {
        closed = true;
        app.quit();
      });
  });
  app.whenReady().then(start).catch(failToStart);
}
