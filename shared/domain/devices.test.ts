import { describe, expect, it } from 'vitest';
import { DEVICE_KINDS, pairingLockMinutes, roleAllowedOnDevice } from './devices';

describe('paired devices (issue 15)', () => {
  it('locks pairing longer after each lock in a row, up to a day', () => {
    expect([1, 2, 3, 4].map(pairingLockMinutes)).toEqual([5, 10, 20, 40]);
    expect(pairingLockMinutes(50)).toBe(24 * 60);
  });

  it('lets a lobby TV be the display only, and no tablet be the display', () => {
    expect(roleAllowedOnDevice('lobbyTv', 'display')).toBe(true);
    expect(roleAllowedOnDevice('lobbyTv', 'reception')).toBe(false);
    for (const kind of DEVICE_KINDS.filter((each) => each !== 'lobbyTv' && each !== 'deskBrowser')) expect(roleAllowedOnDevice(kind, 'display')).toBe(false);
  });
});
