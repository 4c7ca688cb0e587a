import { homedir } from 'node:os';
import { join } from 'node:path';

export const PRODUCT_NAME = 'FrontDesk';
export const DATABASE_FILE = 'frontdesk.sqlite';

/**
 * The per-user app-data folder, the same one Electron uses as `userData` for this app, so the
 * desktop app and `npm run serve` find the same database.
 */
export function defaultDataDir(platform: NodeJS.Platform = process.platform, env = process.env): string {
  if (platform === 'win32') return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), PRODUCT_NAME);
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', PRODUCT_NAME);
  return join(env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), PRODUCT_NAME);
}
