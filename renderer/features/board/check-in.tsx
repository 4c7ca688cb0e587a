/**
 * Check-in at the desk (seed 000 step 5): scan the slip (anywhere on the board, or into the box),
 * pick today's appointment by name, or check in a walk-in. The customer is greeted by their
 * address form with their last visit and what staff noted (seed 004 rule 8).
 */
import { UserAddOutlined } from '@ant-design/icons';
import { App, AutoComplete, Button, Space } from 'antd';
import { useCallback, useMemo, useState } from 'react';
import { isOpenAppointment } from '../../../shared/domain/appointments';
import { clinicDateOf, clinicTimeOf } from '../../../shared/domain/clinic-time';
import { parseSlipCode } from '../../../shared/domain/slip-code';
import { arrivalTiming, isFinished, TICKET_PREFIX } from '../../../shared/domain/visits';
import type { OutputOf } from '../../../shared/contract/index';
import { useApiMutation, useApiQuery } from '../../client/queries';
import { useI18n } from '../../i18n/i18n';
import { errorMessage } from '../../ui/error-message';
import { useCoarsePointer } from '../../ui/use-coarse-pointer';
import { useCustomerSearch } from '../customers/use-customer-search';
import styles from './board.module.css';
import { useScanner } from './use-scanner';
import { later, useTimesOpened } from '../../ui/later';
import { addressFormOf } from '../../../shared/domain/customers';

/** An option of the check-in box for a customer with no appointment today: check in as a walk-in. */
const WALK_IN_PREFIX = 'walk-in:';
/** An option for a customer already on the board today: her card, never a second check-in. */
const HERE_PREFIX = 'here:';

const isSlipCode = (text: string) => parseSlipCode(text) !== null;

// The walk-in dialog (its form, the customer picker and the new-customer dialog) is fetched after the first frame (ui/later.tsx).
const WalkIn = later(() => import('./walk-in').then((module) => module.WalkIn));

interface CheckInProps {
  timeZone: string;
  inputId: string;
  /** Told the new visit, so the board can bring its card into view. */
  onCheckedIn(visitId: number): void;
  walkInOpen: boolean;
  onWalkInOpenChange(open: boolean): void;
}

export function CheckIn({ timeZone, inputId, onCheckedIn, walkInOpen, onWalkInOpenChange }: CheckInProps) {
  const { t } = useI18n();
  const touch = useCoarsePointer();
  const { message, notification } = App.useApp();
  const checkIn = useApiMutation('visits.checkIn');
  const [walkInMade, setWalkInMade] = useState(false);
  if (walkInOpen && !walkInMade) setWalkInMade(true);
  const walkInAsks = useTimesOpened(walkInOpen);
  const closeWalkIn = () => onWalkInOpenChange(false);
  const [text, setText] = useState('');
  // Today's appointments are what the box offers while someone types in it; read only then, so a
  // check-in at any desk does not make every open board read the whole day's list again (bench:
  // the push of a check-in to a second page).
  const needle = text.trim().toLowerCase();
  const searching = needle !== '' && parseSlipCode(needle) === null;
  const today = useApiQuery('appointments.listDay', {}, { enabled: searching });
  // The board this box sits on (the same query, no second request): who is already here today.
  const board = useApiQuery('visits.board', {});

  const greet = useCallback(
    (result: OutputOf<'visits.checkIn'>) => {
      const name = addressFormOf(result.greeting);
      const arrival = result.minutesLate === null ? null : arrivalTiming(result.minutesLate);
      const timing = arrival === null ? null : arrival.kind === 'onTime' ? t('visits.onTime') : t(`visits.${arrival.kind}`, { minutes: arrival.minutes });
      onCheckedIn(result.visitId);
      // A follow-up (F ticket) is never a first visit, even when no earlier visit is on file (issue 13 part 7).
      const followup = result.ticket.startsWith(TICKET_PREFIX.followup);
      const last = result.greeting.lastVisitAt ? t('visits.lastVisit', { date: clinicDateOf(result.greeting.lastVisitAt, timeZone) }) : followup ? t('visits.followupKind') : t('visits.firstVisit');
      notification.success({
        key: `check-in-${result.visitId}`,
        title: t('visits.greeting', { name, ticket: result.ticket }),
        description: [timing, last, result.greeting.notes ? t('visits.notes', { notes: result.greeting.notes }) : null].filter(Boolean).join(' · '),
        duration: 8,
        placement: 'bottomRight',
      });
    },
    [notification, onCheckedIn, t, timeZone],
  );

  const checkInAppointment = useCallback(
    (appointmentId: number) =>
      checkIn.mutate(
        { appointmentId },
        {
          onSuccess: (result) => {
            setText('');
            greet(result);
          },
          onError: (error) => void message.error(errorMessage(error, t)),
        },
      ),
    [checkIn, greet, message, t],
  );

  const onScan = useCallback(
    (scanned: string) => {
      const id = parseSlipCode(scanned);
      if (id === null) void message.warning(t('visits.notASlipCode', { text: scanned.trim() }));
      else checkInAppointment(id);
    },
    [checkInAppointment, message, t],
  );
  useScanner(onScan, isSlipCode);

  // Today's appointments not yet here, found by name, address form, pinyin, initials or phone
  // (the server's customer search ranks them); customers found with no appointment today can be
  // checked in as walk-ins from the same box.
  // Like the appointments: asked only while the box is typed in, not on every board's load.
  const search = useCustomerSearch(text, 20, { enabled: searching });
  const options = useMemo(() => {
    if (!searching) return [];
    const rank = new Map((search.data?.results ?? []).map((customer, index) => [customer.id, index]));
    // One open visit a customer a day: whoever is already here is offered as her card.
    const here = new Map((board.data?.cards ?? []).filter((card) => !isFinished(card.status)).map((card) => [card.customer.id, card]));
    const arrived = [...here.values()]
      .filter((card) => rank.has(card.customer.id) || [card.customer.name, card.customer.addressForm ?? '', card.ticket].some((value) => value.toLowerCase().includes(needle)))
      .sort((a, b) => (rank.get(a.customer.id) ?? 999) - (rank.get(b.customer.id) ?? 999))
      .slice(0, 5)
      .map((card) => ({
        value: `${HERE_PREFIX}${String(card.visitId)}`,
        label: `${card.ticket} · ${addressFormOf(card.customer)} · ${card.customer.name} · ${t(`visits.status.${card.status}`)}`,
      }));
    const expected = (today.data?.appointments ?? []).filter((row) => isOpenAppointment(row.status) && !here.has(row.customer.id));
    const appointments = expected
      .filter((row) => rank.has(row.customer.id) || [row.customer.name, row.customer.addressForm ?? '', row.doctor?.name ?? ''].some((value) => value.toLowerCase().includes(needle)))
      .sort((a, b) => (rank.get(a.customer.id) ?? 999) - (rank.get(b.customer.id) ?? 999) || a.startsAt.localeCompare(b.startsAt))
      .slice(0, 10)
      .map((row) => ({
        value: String(row.id),
        label: `${clinicTimeOf(row.startsAt, timeZone)}  ${addressFormOf(row.customer)} · ${row.customer.name} · ${row.doctor?.name ?? ''}`,
      }));
    const booked = new Set(expected.map((row) => row.customer.id));
    const walkIns = (search.data?.results ?? [])
      .filter((customer) => !booked.has(customer.id) && !here.has(customer.id))
      .slice(0, 5)
      .map((customer) => ({
        value: `${WALK_IN_PREFIX}${String(customer.id)}`,
        label: `${addressFormOf(customer)} · ${customer.name} · ${customer.phoneMasked}`,
      }));
    return [
      ...(arrived.length > 0 ? [{ label: t('visits.alreadyHere'), options: arrived }] : []),
      ...(appointments.length > 0 ? [{ label: t('visits.todayAppointments'), options: appointments }] : []),
      ...(walkIns.length > 0 ? [{ label: t('visits.noAppointmentWalkIn'), options: walkIns }] : []),
    ];
  }, [searching, needle, search.data, today.data, board.data, timeZone, t]);

  const onPick = (value: string) => {
    if (value.startsWith(HERE_PREFIX)) {
      // Her card, chosen and in view (the board's `#/board/<visitId>`).
      setText('');
      window.location.hash = `#/board/${value.slice(HERE_PREFIX.length)}`;
      return;
    }
    if (!value.startsWith(WALK_IN_PREFIX)) return checkInAppointment(Number(value));
    checkIn.mutate(
      { walkIn: { customerId: Number(value.slice(WALK_IN_PREFIX.length)) } },
      {
        onSuccess: (result) => {
          setText('');
          greet(result);
        },
        onError: (error) => void message.error(errorMessage(error, t)),
      },
    );
  };

  return (
    <Space>
      <AutoComplete
        id={inputId}
        className={styles.checkIn}
        value={text}
        options={options}
        onChange={setText}
        onSelect={onPick}
        placeholder={t(touch ? 'visits.checkInPlaceholderTouch' : 'visits.checkInPlaceholder')}
        aria-label={t('visits.checkIn')}
        onKeyDown={(event) => {
          if (event.key === 'Enter' && options.length === 0 && text.trim()) onScan(text);
        }}
        data-testid="check-in-input"
        // The options wait on the search and on today's appointments (see the customer picker).
        data-searching={String(searching && (search.isFetching || !search.settled || today.isFetching))}
      />
      <Button icon={<UserAddOutlined />} onClick={() => onWalkInOpenChange(true)}>
        {t('visits.walkIn')}
      </Button>
      {/* Made when first opened, then kept, so that it closes with its animation. */}
      {walkInMade && (
        <WalkIn open={walkInOpen} onClose={closeWalkIn} onDone={greet} partAttempt={walkInAsks} partClose={closeWalkIn} />
      )}
    </Space>
  );
}
