/**
 * The app's two kinds of window: the console itself, and the lobby display on a second screen.
 * Options are written out literally in each (not spread from a shared object) so that
 * electronegativity, which cannot follow spreads, sees every security setting.
 */
import { join } from 'node:path';
import { BrowserWindow, screen, type Display } from 'electron';
import { CONSOLE_URL, DISPLAY_URL } from './console-url';

const TITLE = 'FrontDesk 前台接待';
const BACKGROUND = '#f5f7f8';
const DISPLAY_BACKGROUND = '#0f2a2e';

function load(window: BrowserWindow, url: string): void {
  window.loadURL(url).catch((error: unknown) => {
    console.error(`[shell] could not load ${url}`, error);
  });
}

/** The reception console: shown once its first frame is painted, so it never flashes white. */
export function createMainWindow(): BrowserWindow {
  const window = new BrowserWindow({
    width: 1440,
    height: 900,
    minWidth: 1024,
    minHeight: 700,
    show: false,
    title: TITLE,
    backgroundColor: BACKGROUND,
    webPreferences: {
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
      spellcheck: false,
      // Middle-click would otherwise open links outside the window-open handler's view.
      disableBlinkFeatures: 'Auxclick',
      preload: join(__dirname, 'preload.cjs'),
    },
  });
  window.once('ready-to-show', () => {
    window.show();
  });
  load(window, CONSOLE_URL);
  return window;
}

/** The lobby display, full screen on `display`: masked names and tickets only. */
export function createLobbyWindow(display: Display): BrowserWindow {
  const { x, y, width, height } = display.bounds;
  const window = new BrowserWindow({
    x,
    y,
    width,
    height,
    fullscreen: true,
    autoHideMenuBar: true,
    show: false,
    title: `${TITLE} — 大堂显示 / Lobby display`,
    backgroundColor: DISPLAY_BACKGROUND,
    webPreferences: {
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
      spellcheck: false,
      // Middle-click would otherwise open links outside the window-open handler's view.
      // Nobody touches the lobby screen: the chime of a new call must ring without a first tap.
      autoplayPolicy: 'no-user-gesture-required',
      disableBlinkFeatures: 'Auxclick',
      preload: join(__dirname, 'preload.cjs'),
    },
  });
  window.once('ready-to-show', () => {
    window.show();
  });
  load(window, DISPLAY_URL);
  return window;
}

/** A screen other than the primary one, if the lobby PC has one. */
export function externalDisplay(): Display | undefined {
  const primary = screen.getPrimaryDisplay();
  return screen.getAllDisplays().find((display) => display.id !== primary.id);
}

/** Brings a window to the front, restoring it when minimised. */
export function focusWindow(window: BrowserWindow | null): void {
  if (!window || window.isDestroyed()) return;
  if (window.isMinimized()) window.restore();
  if (!window.isVisible()) window.show();
  window.focus();
}
