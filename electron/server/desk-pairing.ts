/**
 * The pairing code of this PC's own browser when the console starts with LAN access on (issue 15):
 * on a network loopback is not trusted by itself, so the lobby PC's browser pairs like a tablet,
 * with a code only whoever can read the console's terminal sees. Audited as the system's.
 */
import type { ConsoleCore } from '../core/create-core';
import { appendAudit } from '../db/repositories/audit';
import { writeSetting } from '../db/repositories/settings';
import { createDeviceService } from '../services/device-service';

/**
 * `serve --lan` turns the clinic's LAN setting on (if it was off), so the settings screen shows
 * what the console really does: the address to open, the QR code. Audited as the system's.
 */
export async function recordLanAccessOn(core: ConsoleCore, port: number): Promise<void> {
  const settings = await core.readSettings();
  if (settings.lanAccess && settings.lanPort === port) return;
  const at = core.clock.now().toISOString();
  await core.database.db.transaction().execute(async (trx) => {
    await writeSetting(trx, 'lanAccess', true, at, null);
    if (port >= 1024) await writeSetting(trx, 'lanPort', port, at, null);
    await appendAudit(trx, { at, staffId: null, device: 'system', method: 'settings.update', target: 'settings', diff: { lanAccess: [settings.lanAccess, true], lanPort: [settings.lanPort, port] } });
  });
}

export async function startDeskPairing(core: ConsoleCore): Promise<{ code: string; expiresAt: string }> {
  const now = core.clock.now();
  const db = core.database.db;
  return db.transaction().execute(async (trx) => {
    const shown = await createDeviceService().startPairing(trx, { kind: 'deskBrowser', name: 'Front-desk PC · 前台电脑' }, null, now);
    await appendAudit(trx, { at: now.toISOString(), staffId: null, device: 'system', method: 'devices.startPairing', target: 'pairing', diff: { kind: 'deskBrowser', expiresAt: shown.expiresAt } });
    return shown;
  });
}
