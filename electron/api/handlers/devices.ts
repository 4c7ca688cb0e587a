import { networkInterfaces } from 'node:os';
import { AppError } from '../../../shared/contract/errors';
import { insertNotificationOnce } from '../../db/repositories/notifications';
import { deviceLabel } from '../../services/device-service';
import { requireActor, type HandlersOf } from '../context';
import type { Services } from './services';

/** The addresses of this PC a tablet on the clinic LAN can open (IPv4, not loopback). */
export function lanAddresses(port: number): string[] {
  const addresses: string[] = [];
  for (const entries of Object.values(networkInterfaces())) {
    for (const entry of entries ?? []) {
      if (entry.family === 'IPv4' && !entry.internal) addresses.push(`http://${entry.address}:${String(port)}/`);
    }
  }
  return addresses;
}

export function createDeviceHandlers(services: Services): HandlersOf<'devices'> {
  return {
    'devices.startPairing': async (input, context) => {
      const actor = requireActor(context);
      const settings = await services.settings.get(context.db);
      if (actor.role === 'reception' && !settings.pairingByReception) {
        throw new AppError('forbidden', 'devices.error.receptionMayNotPair');
      }
      const { code, expiresAt } = await services.devices.startPairing(context.db, input, actor.staffId, context.now);
      // Never the code itself in the audit log.
      context.audit({ target: 'pairing', diff: { kind: input.kind, name: input.name, expiresAt } });
      return { code, expiresAt, kind: input.kind, name: input.name };
    },

    'devices.pair': async (input, context) => {
      const address = context.caller.address ?? context.caller.device;
      const outcome = await services.devices.pair(context.db, input.code, address, context.now, async (until) => {
        // The lobby PC is told at once (the bell and a desktop notification): someone is guessing.
        const id = await insertNotificationOnce(context.db, {
          kind: 'pairingLocked',
          subjectKind: 'pairing',
          subjectId: until,
          escalation: '0',
          titleKey: 'devices.notice.lockedTitle',
          bodyKey: 'devices.notice.lockedBody',
          params: { address },
          link: '#/settings',
          roles: ['manager', 'reception'],
          createdAt: context.now.toISOString(),
        });
        if (id !== null) context.emit('notifications.raised', { ids: [id] });
        context.emit('devices.pairingLocked', { until });
        context.audit({ target: 'pairing', diff: { locked: until, address } });
      });
      context.audit({ target: deviceLabel(outcome.device.id), ...(outcome.pairedBy !== null ? { staffId: outcome.pairedBy } : {}), diff: { paired: outcome.device, address } });
      context.emit('devices.changed', { ids: [outcome.device.id] });
      return { deviceToken: outcome.deviceToken, device: outcome.device };
    },

    'devices.list': async (_input, context) => {
      const settings = await services.settings.get(context.db);
      return services.devices.overview(context.db, context.now, settings.lanAccess ? lanAddresses(settings.lanPort) : []);
    },

    'devices.rename': async (input, context) => {
      const { device, before } = await services.devices.rename(context.db, input);
      context.audit({ target: deviceLabel(device.id), diff: { name: [before, device.name] } });
      context.emit('devices.changed', { ids: [device.id] });
      return device;
    },

    'devices.revoke': async (input, context) => {
      const actor = requireActor(context);
      const device = await services.devices.revoke(context.db, input.deviceId, actor.staffId, context.now);
      context.audit({ target: deviceLabel(device.id), diff: { revoked: { kind: device.kind, name: device.name } } });
      context.emit('devices.revoked', { ids: [device.id] });
      return device;
    },
  };
}
