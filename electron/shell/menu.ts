/**
 * The application menu. Labels are bilingual (the menu is built before the renderer knows the
 * user's language). The lobby display entry appears only while a second screen is attached.
 */
import type { MenuItemConstructorOptions } from 'electron';
import { RESTORE_MENU_LABEL } from '../core/restore-flow';

export const OPEN_LOBBY_LABEL = 'Open lobby display on second screen / 在副屏打开大堂显示';

export interface MenuOptions {
  /** True while more than one screen is attached. */
  canOpenLobby: boolean;
  openLobby(): void;
  /** "Restore from backup…" (restore-flow.ts). */
  restoreFromBackup?(): void;
  /** Reload and developer tools, for unpackaged builds only. */
  developer: boolean;
  platform: NodeJS.Platform;
}

/** The menu's template, for `Menu.buildFromTemplate`. */
export function applicationMenuTemplate(options: MenuOptions): MenuItemConstructorOptions[] {
  const consoleItems: MenuItemConstructorOptions[] = [];
  if (options.canOpenLobby) {
    consoleItems.push({ id: 'open-lobby-display', label: OPEN_LOBBY_LABEL, click: () => {
        options.openLobby();
      },
    });
    consoleItems.push({ type: 'separator' });
  }
  if (options.restoreFromBackup) {
    const restore = options.restoreFromBackup;
    consoleItems.push({ id: 'restore-from-backup', label: RESTORE_MENU_LABEL, click: () => {
        restore();
      },
    });
    consoleItems.push({ type: 'separator' });
  }
  consoleItems.push({ role: 'quit', label: 'Quit / 退出' });

  const viewItems: MenuItemConstructorOptions[] = [
    { role: 'resetZoom', label: 'Actual size / 实际大小' },
    { role: 'zoomIn', label: 'Zoom in / 放大' },
    { role: 'zoomOut', label: 'Zoom out / 缩小' },
    { type: 'separator' },
    { role: 'togglefullscreen', label: 'Full screen / 全屏' },
  ];
  if (options.developer) viewItems.push({ type: 'separator' }, { role: 'reload' }, { role: 'toggleDevTools' });

  return [
    ...(options.platform === 'darwin' ? [{ role: 'appMenu' } as const] : []),
    { label: 'Console / 前台', submenu: consoleItems },
    { role: 'editMenu', label: 'Edit / 编辑' },
    { label: 'View / 视图', submenu: viewItems },
    { role: 'windowMenu', label: 'Window / 窗口' },
  ];
}
