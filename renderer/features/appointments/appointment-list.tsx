/** The list view: appointments over a range of days, filtered by doctor, status and kind. */
import { Alert, Card, DatePicker, Empty, Flex, Select, Table, Tag, type TableColumnsType } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import type { AppointmentRow } from '../../../shared/contract/appointments';
import { APPOINTMENT_KINDS, APPOINTMENT_STATUSES, type AppointmentKind, type AppointmentStatus } from '../../../shared/domain/appointments';
import { addDays, clinicDateOf, clinicTimeOf } from '../../../shared/domain/clinic-time';
import { useApiQuery } from '../../client/queries';
import { useI18n } from '../../i18n/i18n';
import { errorMessage } from '../../ui/error-message';
import { addressFormOf } from '../../../shared/domain/customers';

export function AppointmentList({ today, timeZone, onOpen }: { today: string; timeZone: string; onOpen(row: AppointmentRow): void }) {
  const { t, language } = useI18n();
  const [range, setRange] = useState<[string, string]>([today, addDays(today, 6)]);
  const [doctorId, setDoctorId] = useState<number | undefined>();
  const [status, setStatus] = useState<AppointmentStatus | undefined>();
  const [kind, setKind] = useState<AppointmentKind | undefined>();
  const list = useApiQuery('appointments.list', {
    from: range[0],
    to: range[1],
    ...(doctorId ? { doctorId } : {}),
    ...(status ? { status } : {}),
    ...(kind ? { kind } : {}),
  });
  const doctors = useApiQuery('appointments.dayView', { date: today });

  const columns: TableColumnsType<AppointmentRow> = [
    { title: t('appointments.column.date'), key: 'date', width: 110, render: (_, row) => clinicDateOf(row.startsAt, timeZone) },
    { title: t('today.column.time'), key: 'time', width: 70, render: (_, row) => clinicTimeOf(row.startsAt, timeZone) },
    {
      title: t('today.column.customer'),
      key: 'customer',
      render: (_, row) => (
        <span>
          <strong>{addressFormOf(row.customer)}</strong> <span style={{ color: '#6b7785' }}>{row.customer.name}</span>
        </span>
      ),
    },
    { title: t('today.column.item'), key: 'item', render: (_, row) => (row.item ? (language === 'en' ? row.item.nameEn : row.item.nameZh) : '—') },
    { title: t('today.column.kind'), dataIndex: 'kind', width: 120, render: (value: AppointmentKind) => t(`appointment.kind.${value}`) },
    { title: t('today.column.doctor'), key: 'doctor', width: 100, render: (_, row) => row.doctor?.name ?? '—' },
    { title: t('today.column.status'), dataIndex: 'status', width: 100, render: (value: AppointmentStatus) => <Tag>{t(`appointment.status.${value}`)}</Tag> },
  ];

  return (
    <Card size="small">
      <Flex gap={12} wrap style={{ marginBottom: 12 }}>
        <DatePicker.RangePicker
          value={[dayjs(range[0]), dayjs(range[1])]}
          allowClear={false}
          onChange={(values) => values?.[0] && values[1] && setRange([values[0].format('YYYY-MM-DD'), values[1].format('YYYY-MM-DD')])}
          aria-label={t('appointments.list.range')}
        />
        <Select
          allowClear
          placeholder={t('appointments.list.doctor')}
          style={{ width: 160 }}
          value={doctorId}
          onChange={setDoctorId}
          options={(doctors.data?.doctors ?? []).map((doctor) => ({ value: doctor.id, label: doctor.name }))}
        />
        <Select allowClear placeholder={t('appointments.list.status')} style={{ width: 140 }} value={status} onChange={setStatus} options={APPOINTMENT_STATUSES.map((value) => ({ value, label: t(`appointment.status.${value}`) }))} />
        <Select allowClear placeholder={t('appointments.list.kind')} style={{ width: 150 }} value={kind} onChange={setKind} options={APPOINTMENT_KINDS.map((value) => ({ value, label: t(`appointment.kind.${value}`) }))} />
      </Flex>
      {list.isError && <Alert type="error" showIcon title={errorMessage(list.error, t)} />}
      {list.data?.truncated && <Alert type="warning" showIcon title={t('appointments.list.truncated')} style={{ marginBottom: 12 }} />}
      <Table<AppointmentRow>
        size="small"
        rowKey="id"
        loading={list.isPending}
        columns={columns}
        dataSource={list.data?.appointments ?? []}
        pagination={{ pageSize: 50, hideOnSinglePage: true, showSizeChanger: false }}
        onRow={(row) => ({ onClick: () => onOpen(row), style: { cursor: 'pointer' } })}
        locale={{ emptyText: <Empty description={t('appointments.list.empty')} /> }}
      />
    </Card>
  );
}
