/**
 * Today's appointments: when, who (greeted by their address form), what for, with whom, where,
 * and where each stands. Dense enough to read the whole morning at a glance.
 */
import { SearchOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Empty, Flex, Grid, Input, Segmented, Spin, Statistic, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useEffect, useMemo, useRef, useState, type ComponentRef } from 'react';
import type { AppointmentRow } from '../../../shared/contract/appointments';
import { isOpenAppointment, type AppointmentStatus } from '../../../shared/domain/appointments';
import { useApiQuery } from '../../client/queries';
import { useI18n } from '../../i18n/i18n';
import { errorMessage } from '../../ui/error-message';
import { formatClinicTime } from '../../ui/format';
import { RosterStatusBanner } from '../roster/roster-status-banner';
import { ArrivalCell } from './arrival-cell';
import { TodayCards } from './today-cards';
import { useCoarsePointer } from '../../ui/use-coarse-pointer';
import { useServerNow } from '../../client/server-clock';
import { DEFAULT_SETTINGS } from '../../../shared/domain/settings';
import styles from './today-page.module.css';
import { addressFormOf } from '../../../shared/domain/customers';
import { roomLabel } from '../../../shared/domain/rooms';

const STATUS_COLORS: Record<AppointmentStatus, string> = {
  booked: 'default',
  confirmed: 'cyan',
  checked_in: 'success',
  completed: 'green',
  cancelled: 'default',
  no_show: 'error',
};

type Filter = 'all' | 'pending' | 'arrived';
const ARRIVED: AppointmentStatus[] = ['checked_in', 'completed'];

export function TodayPage({ today, timeZone, callAfterMinutes = DEFAULT_SETTINGS.lateCallMinutes }: { today: string; timeZone: string; callAfterMinutes?: number }) {
  const { t, language } = useI18n();
  const now = useServerNow(30_000);
  const list = useApiQuery('appointments.listDay', {});
  const [filter, setFilter] = useState<Filter>('all');
  const [text, setText] = useState('');
  const search = useRef<ComponentRef<typeof Input>>(null);
  // Below 1200 px (a tablet upright or on its side) the nine columns become cards (issue 13 part 9).
  const screens = Grid.useBreakpoint();
  const narrow = screens.xl === false;
  const touch = useCoarsePointer();

  // "/" jumps to the filter box from anywhere on the page.
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const target = event.target as HTMLElement | null;
      if (event.key === '/' && !(target && ['INPUT', 'TEXTAREA'].includes(target.tagName))) {
        event.preventDefault();
        search.current?.focus();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const appointments = useMemo(() => list.data?.appointments ?? [], [list.data]);
  const shown = useMemo(() => {
    const needle = text.trim().toLowerCase();
    return appointments.filter((row) => {
      if (filter === 'pending' && !isOpenAppointment(row.status)) return false;
      if (filter === 'arrived' && !ARRIVED.includes(row.status)) return false;
      if (!needle) return true;
      return [row.customer.name, row.customer.addressForm ?? '', row.doctor?.name ?? ''].some((value) => value.toLowerCase().includes(needle));
    });
  }, [appointments, filter, text]);

  const counts = useMemo(
    () => ({
      pending: appointments.filter((row) => isOpenAppointment(row.status)).length,
      arrived: appointments.filter((row) => ARRIVED.includes(row.status)).length,
    }),
    [appointments],
  );

  const columns: TableColumnsType<AppointmentRow> = [
    {
      title: t('today.column.time'),
      dataIndex: 'startsAt',
      width: 110,
      render: (startsAt: string, row) => (
        <span className={styles.time}>
          {formatClinicTime(startsAt, timeZone)}
          <Typography.Text type="secondary" className={styles.duration}>
            {t('today.minutes', { count: row.durationMinutes })}
          </Typography.Text>
        </span>
      ),
    },
    {
      title: t('today.column.customer'),
      key: 'customer',
      render: (_, row) => (
        <Flex vertical gap={2}>
          <span className={styles.addressForm}>{addressFormOf(row.customer)}</span>
          <Flex gap={6} align="center">
            <Typography.Text type="secondary">{row.customer.name}</Typography.Text>
            {row.customer.returning ? <Tag color="blue">{t('today.returning')}</Tag> : <Tag color="orange">{t('today.firstVisit')}</Tag>}
          </Flex>
        </Flex>
      ),
    },
    {
      title: t('today.column.item'),
      key: 'item',
      render: (_, row) => (row.item ? (language === 'en' ? row.item.nameEn : row.item.nameZh) : '—'),
    },
    { title: t('today.column.kind'), dataIndex: 'kind', width: 130, render: (kind: AppointmentRow['kind']) => t(`appointment.kind.${kind}`) },
    { title: t('today.column.doctor'), key: 'doctor', width: 110, render: (_, row) => row.doctor?.name ?? '—' },
    {
      title: t('today.column.room'),
      key: 'room',
      width: 170,
      // Chinese room names carry their floor already (3 楼咨询一室).
      render: (_, row) => roomLabel(row.room, language),
    },
    { title: t('today.column.channel'), dataIndex: 'channel', width: 90, render: (channel: AppointmentRow['channel']) => t(`channel.${channel}`) },
    {
      title: t('today.column.status'),
      dataIndex: 'status',
      width: 100,
      render: (status: AppointmentStatus) => <Tag color={STATUS_COLORS[status]}>{t(`appointment.status.${status}`)}</Tag>,
    },
    // Arrived: the ticket; not arrived past the time: late, then a call (issue 13 part 10).
    { title: t('appointments.late.column'), key: 'arrival', width: 250, render: (_, row) => <ArrivalCell row={row} now={now} callAfterMinutes={callAfterMinutes} /> },
  ];

  return (
    <Flex vertical gap={16}>
      <RosterStatusBanner />
      <Flex justify="space-between" align="end" wrap gap={16}>
        <div>
          <Typography.Title level={3} className={styles.title}>
            {t('today.title')}
          </Typography.Title>
          <Typography.Text type="secondary">{t('today.count', { count: appointments.length })}</Typography.Text>
        </div>
        <Flex gap={12}>
          <Card size="small" className={styles.stat}>
            <Statistic title={t('today.pending')} value={counts.pending} />
          </Card>
          <Card size="small" className={styles.stat}>
            <Statistic title={t('today.arrived')} value={counts.arrived} />
          </Card>
        </Flex>
      </Flex>
      <Card size="small" className={styles.tableCard}>
        <Flex gap={12} wrap className={styles.toolbar}>
          <Segmented<Filter>
            value={filter}
            onChange={setFilter}
            options={[
              { value: 'all', label: t('today.filterAll') },
              { value: 'pending', label: t('today.pending') },
              { value: 'arrived', label: t('today.arrived') },
            ]}
          />
          <Input
            ref={search}
            allowClear
            prefix={<SearchOutlined />}
            placeholder={touch ? t('today.search') : `${t('today.search')}  /`}
            value={text}
            onChange={(event) => setText(event.target.value)}
            className={styles.search}
          />
        </Flex>
        {list.isError ? (
          <Alert type="error" showIcon title={errorMessage(list.error, t)} action={<Button onClick={() => void list.refetch()}>{t('app.retry')}</Button>} />
        ) : narrow ? (
          list.isPending ? <Spin /> : <TodayCards rows={shown} timeZone={timeZone} now={now} callAfterMinutes={callAfterMinutes} statusColors={STATUS_COLORS} />
        ) : (
          <Table<AppointmentRow>
            data-testid="today-table"
            size="small"
            rowKey="id"
            loading={list.isPending}
            columns={columns}
            dataSource={shown}
            pagination={false}
            sticky
            locale={{ emptyText: <Empty description={<>{t('today.empty')}<br />{t('today.emptyHint')}</>} /> }}
          />
        )}
      </Card>
      <Typography.Text type="secondary" className={styles.footnote}>
        {today}
      </Typography.Text>
    </Flex>
  );
}
