/**
 * The pairing code of this PC's own browser when the console starts with LAN access on (issue 15):
 * on a network loopback is not trusted by itself, so the lobby PC's browser pairs like a tablet,
 * with a code only whoever can read the console's terminal sees. Audited as the system's.
 */
import type { ConsoleCore } from '../core/create-core';
import { appendAudit } from '../db/repositories/audit';
import { createDeviceService } from '../services/device-service';

export async function startDeskPairing(core: ConsoleCore): Promise<{ code: string; expiresAt: string }> {
  const now = core.clock.now();
  const db = core.database.db;
  return db.transaction().execute(async (trx) => {
    const shown = await createDeviceService().startPairing(trx, { kind: 'deskBrowser', name: 'Front-desk PC · 前台电脑' }, null, now);
    await appendAudit(trx, { at: now.toISOString(), staffId: null, device: 'system', method: 'devices.startPairing', target: 'pairing', diff: { kind: 'deskBrowser', expiresAt: shown.expiresAt } });
    return shown;
  });
}
