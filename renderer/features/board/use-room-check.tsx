/**
 * Before a customer is called to a room: who is already in it, called to it or on the way
 * (`visits.roomOccupancy`, computed on the server so every screen that calls to a room asks the
 * same question). Someone there → a confirm naming them; nobody → straight on (issue 13 part 10).
 */
import { App } from 'antd';
import type { RoomOccupancy } from '../../../shared/contract/visits';
import { useApi } from '../../client/api-context';
import { useI18n } from '../../i18n/i18n';
import { addressFormOf } from '../../../shared/domain/customers';
import { roomLabel } from '../../../shared/domain/rooms';

/** `check(visitId, roomId?)` resolves true to go on with the call, false when the clerk cancels. */
export function useRoomCheck() {
  const api = useApi();
  const { t, language } = useI18n();
  const { modal } = App.useApp();

  const describe = (occupancy: RoomOccupancy) =>
    occupancy.occupants.map((person) => {
      const status = t(`visits.status.${person.status}`);
      return `${person.ticket} ${addressFormOf(person)}${language === 'en' ? ` (${status})` : `（${status}）`}`;
    }).join(language === 'en' ? ', ' : '、');

  return async (visitId: number, roomId?: number): Promise<boolean> => {
    let occupancy: RoomOccupancy;
    try {
      occupancy = await api.call('visits.roomOccupancy', { visitId, ...(roomId !== undefined ? { roomId } : {}) });
    } catch {
      // The warning is a courtesy: when it cannot be read, the call itself still answers for itself.
      return true;
    }
    if (!occupancy.room || occupancy.occupants.length === 0) return true;
    const room = roomLabel(occupancy.room, language);
    return new Promise<boolean>((resolve) => {
      modal.confirm({
        title: t('visits.roomTaken.title', { room }),
        content: <span data-testid="room-taken">{t('visits.roomTaken.body', { people: describe(occupancy) })}</span>,
        okText: t('visits.roomTaken.callAnyway'),
        cancelText: t('visits.roomTaken.wait'),
        onOk: () => resolve(true),
        onCancel: () => resolve(false),
      });
    });
  };
}
