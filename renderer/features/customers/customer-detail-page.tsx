/**
 * One customer: the card with the phone in full (opening it is logged in the audit log), tags,
 * notes, and the history of appointments. Edit opens the same form as registration.
 */
import { ArrowLeftOutlined, EditOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Col, Descriptions, Empty, Flex, Modal, Row, Skeleton, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import type { CustomerHistoryEntry } from '../../../shared/contract/customers';
import type { AppointmentStatus } from '../../../shared/domain/appointments';
import { formatPhone } from '../../../shared/domain/phone';
import { useApiQuery } from '../../client/queries';
import { useI18n } from '../../i18n/i18n';
import { errorMessage } from '../../ui/error-message';
import type { Role } from '../../../shared/domain/roles';
import { PrivacyCard } from '../privacy/privacy-card';
import { CustomerForm } from './customer-form';
import { TAG_COLORS, tagLabel } from './customer-labels';
import { formatClinicDateTime } from './format-clinic-date-time';
import styles from './customers-page.module.css';
import { addressFormOf } from '../../../shared/domain/customers';

const STATUS_COLORS: Record<AppointmentStatus, string> = {
  booked: 'default',
  confirmed: 'cyan',
  checked_in: 'success',
  completed: 'green',
  cancelled: 'default',
  no_show: 'error',
};

interface CustomerDetailPageProps {
  id: number;
  /** Who is looking: their role decides the privacy tools shown; name and clinic go on a printed copy. */
  viewer: { role: Role; name: string; clinicName: string };
  timeZone: string;
  navigate(path: string): void;
}

export function CustomerDetailPage({ id, viewer, timeZone, navigate }: CustomerDetailPageProps) {
  const { t, language } = useI18n();
  const { message } = App.useApp();
  const [editing, setEditing] = useState(false);
  const detail = useApiQuery('customers.get', { id, screen: 'customerPage' }, { staleTime: 0 });
  const back = (
    <Button type="link" icon={<ArrowLeftOutlined />} onClick={() => navigate('/customers')} className={styles.back}>
      {t('customers.back')}
    </Button>
  );

  if (detail.isPending) return <Skeleton active />;
  if (detail.isError) {
    return (
      <Flex vertical gap={12} align="start">
        {back}
        <Alert type="error" showIcon title={errorMessage(detail.error, t)} action={<Button onClick={() => void detail.refetch()}>{t('app.retry')}</Button>} />
      </Flex>
    );
  }
  const { customer, appointments } = detail.data;

  const columns: TableColumnsType<CustomerHistoryEntry> = [
    { title: t('customers.history.when'), dataIndex: 'startsAt', width: 170, render: (at: string) => formatClinicDateTime(at, timeZone) },
    { title: t('customers.history.item'), key: 'item', render: (_, row) => (row.item ? (language === 'en' ? row.item.nameEn : row.item.nameZh) : '—') },
    { title: t('customers.history.kind'), dataIndex: 'kind', width: 140, render: (kind: CustomerHistoryEntry['kind']) => t(`appointment.kind.${kind}`) },
    { title: t('customers.history.doctor'), key: 'doctor', width: 110, render: (_, row) => row.doctor?.name ?? '—' },
    {
      title: t('customers.history.status'),
      dataIndex: 'status',
      width: 100,
      render: (status: AppointmentStatus) => <Tag color={STATUS_COLORS[status]}>{t(`appointment.status.${status}`)}</Tag>,
    },
    { title: t('customers.history.notes'), dataIndex: 'notes', render: (notes: string) => notes || '—' },
  ];

  const dash = '—';
  return (
    <Flex vertical gap={16} data-testid="customer-detail">
      <Flex justify="space-between" align="center">
        <Flex vertical gap={0}>
          {back}
          <Flex gap={12} align="baseline" wrap>
            <Typography.Title level={3} className={styles.title}>
              {addressFormOf(customer)}
            </Typography.Title>
            <Typography.Text type="secondary">{customer.name}</Typography.Text>
            {customer.tags.map((tag) => (
              <Tag key={tag} color={TAG_COLORS[tag]}>
                {t(tagLabel(tag))}
              </Tag>
            ))}
          </Flex>
        </Flex>
        <Button icon={<EditOutlined />} onClick={() => setEditing(true)}>
          {t('customers.edit')}
        </Button>
      </Flex>
      <Row gutter={16}>
        <Col span={14}>
          <Card size="small" title={t('customers.details')} className={styles.section}>
            <Descriptions size="small" column={2} bordered>
              <Descriptions.Item label={t('field.name')}>{customer.name}</Descriptions.Item>
              <Descriptions.Item label={t('field.addressForm')}>{customer.addressForm ?? dash}</Descriptions.Item>
              <Descriptions.Item label={t('field.phone')}>
                <Typography.Text copyable={{ text: customer.phone }} className={styles.phone} data-testid="customer-phone">
                  {formatPhone(customer.phone)}
                </Typography.Text>
              </Descriptions.Item>
              <Descriptions.Item label={t('field.gender')}>{customer.gender ? t(`customers.gender.${customer.gender}`) : dash}</Descriptions.Item>
              <Descriptions.Item label={t('field.birthYear')}>{customer.birthYear ?? dash}</Descriptions.Item>
              <Descriptions.Item label={t('customers.label.channel')}>{customer.channel ? t(`channel.${customer.channel}`) : dash}</Descriptions.Item>
              <Descriptions.Item label={t('customers.lastVisit')}>{customer.lastVisitAt ? formatClinicDateTime(customer.lastVisitAt, timeZone) : t('customers.never')}</Descriptions.Item>
              <Descriptions.Item label={t('customers.registered')}>{formatClinicDateTime(customer.createdAt, timeZone)}</Descriptions.Item>
            </Descriptions>
            <Typography.Text type="secondary" className={styles.hint}>
              {t('customers.accessLogged')}
            </Typography.Text>
          </Card>
        </Col>
        <Col span={10}>
          <Card size="small" title={t('customers.notes')} className={styles.section}>
            {customer.notes ? <Typography.Paragraph className={styles.notes}>{customer.notes}</Typography.Paragraph> : <Typography.Text type="secondary">{t('customers.noNotes')}</Typography.Text>}
          </Card>
        </Col>
      </Row>
      <PrivacyCard customerId={customer.id} customerName={customer.name} viewer={viewer} timeZone={timeZone} onErased={() => navigate('/customers')} />
      <Card size="small" title={t('customers.history')}>
        <Table<CustomerHistoryEntry>
          data-testid="customer-history"
          size="small"
          rowKey="id"
          columns={columns}
          dataSource={appointments}
          pagination={false}
          locale={{ emptyText: <Empty description={t('customers.noHistory')} /> }}
        />
      </Card>
      <Modal open={editing} title={t('customers.edit')} onCancel={() => setEditing(false)} footer={null} width={640} destroyOnHidden>
        {editing ? (
          <CustomerForm
            customer={customer}
            onCancel={() => setEditing(false)}
            onSaved={() => {
              setEditing(false);
              void message.success(t('customers.saved'));
              void detail.refetch();
            }}
          />
        ) : null}
      </Modal>
    </Flex>
  );
}
