/**
 * Appointments: the day view (a column per doctor, click a free slot to book) and a list view
 * with filters. `#/appointments/<date>` keeps the day in the address.
 * Keys: N new booking · ← / → previous / next day · T today.
 */
import { LeftOutlined, PlusOutlined, RightOutlined } from '@ant-design/icons';
import { Alert, Button, DatePicker, Flex, Segmented, Space, Spin, Typography } from 'antd';
import dayjs from 'dayjs';
import { useEffect, useState } from 'react';
import type { AppointmentRow } from '../../../shared/contract/appointments';
import { addDays, isClinicDate } from '../../../shared/domain/clinic-time';
import { useApiQuery } from '../../client/queries';
import { useI18n } from '../../i18n/i18n';
import { useCan } from '../../ui/permissions';
import type { PageProps } from '../../routes';
import { errorMessage } from '../../ui/error-message';
import { formatClinicDate } from '../../ui/format';
import { AppointmentDrawer } from './appointment-drawer';
import { AppointmentList } from './appointment-list';
import { BookingDrawer, type BookingPreset } from './booking-drawer';
import { DayView } from './day-view';
import { ShortcutHint } from '../../ui/shortcut-hint';


export function AppointmentsPage({ session, params, navigate }: PageProps) {
  const { t, language } = useI18n();
  const { today, settings } = session.clinic;
  const date = params[0] && isClinicDate(params[0]) ? params[0] : today;
  const [tab, setTab] = useState<'day' | 'list'>('day');
  const [booking, setBooking] = useState<BookingPreset | null>(null);
  const [openId, setOpenId] = useState<number | null>(null);
  const canBook = useCan('appointments.create');
  const day = useApiQuery('appointments.dayView', { date }, { enabled: tab === 'day' });

  const goTo = (next: string) => navigate(`/appointments/${next}`);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const target = event.target as HTMLElement | null;
      if (event.ctrlKey || event.metaKey || event.altKey || booking || openId !== null) return;
      if (target && (['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName) || target.isContentEditable)) return;
      if (event.key === 'ArrowLeft') goTo(addDays(date, -1));
      else if (event.key === 'ArrowRight') goTo(addDays(date, 1));
      else if (event.key.toLowerCase() === 't') goTo(today);
      else if (event.key.toLowerCase() === 'n' && canBook) setBooking({ date });
      else return;
      event.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  });

  const open = (row: AppointmentRow) => setOpenId(row.id);

  return (
    <Flex vertical gap={12}>
      <Flex justify="space-between" align="center" wrap gap={12}>
        <Space size={12} wrap>
          <Typography.Title level={3} style={{ margin: 0 }}>
            {t('appointments.title')}
          </Typography.Title>
          <Segmented<'day' | 'list'>
            value={tab}
            onChange={setTab}
            options={[
              { value: 'day', label: t('appointments.tab.day') },
              { value: 'list', label: t('appointments.tab.list') },
            ]}
          />
          {tab === 'day' && (
            <Space.Compact>
              <Button icon={<LeftOutlined />} onClick={() => goTo(addDays(date, -1))} aria-label={t('appointments.prevDay')} />
              <DatePicker value={dayjs(date)} allowClear={false} onChange={(value) => value && goTo(value.format('YYYY-MM-DD'))} aria-label={t('appointments.form.date')} />
              <Button icon={<RightOutlined />} onClick={() => goTo(addDays(date, 1))} aria-label={t('appointments.nextDay')} />
            </Space.Compact>
          )}
          {tab === 'day' && date !== today && <Button onClick={() => goTo(today)}>{t('appointments.today')}</Button>}
          {tab === 'day' && <Typography.Text type="secondary">{formatClinicDate(date, language)}</Typography.Text>}
        </Space>
        <Space>
          <ShortcutHint>{t('appointments.shortcuts')}</ShortcutHint>
          {canBook && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setBooking({ date })}>
              {t('appointments.new')}
            </Button>
          )}
        </Space>
      </Flex>

      {tab === 'day' ? (
        day.isError ? (
          <Alert type="error" showIcon title={errorMessage(day.error, t)} action={<Button onClick={() => void day.refetch()}>{t('app.retry')}</Button>} />
        ) : day.data ? (
          <DayView
            data={day.data}
            timeZone={settings.timeZone}
            opensAt={settings.opensAt}
            closesAt={settings.closesAt}
            onBook={(slot) => canBook && setBooking({ date, ...slot })}
            onOpen={open}
          />
        ) : (
          <Spin />
        )
      ) : (
        <AppointmentList today={today} timeZone={settings.timeZone} onOpen={open} />
      )}

      <BookingDrawer
        open={booking !== null}
        preset={booking ?? { date }}
        // A service rule, not a contract role: only a manager's booking may override a clash.
        isManager={session.staff.role === 'manager' /* service rule */}
        onClose={() => setBooking(null)}
        onBooked={(id) => {
          setBooking(null);
          setOpenId(id);
        }}
      />
      <AppointmentDrawer appointmentId={openId} timeZone={settings.timeZone} canBook={canBook} onClose={() => setOpenId(null)} navigate={navigate} />
    </Flex>
  );
}
