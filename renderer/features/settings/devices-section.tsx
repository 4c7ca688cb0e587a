/**
 * Settings → LAN and devices (issue 15): the address a tablet opens (also as a QR code its camera
 * reads), a pairing code for a new tablet or TV, and every paired device with rename and remove.
 * The LAN switch and port themselves are fields of the settings form (compare-and-set saves).
 */
import { QrcodeOutlined } from '@ant-design/icons';
import { Alert, App, Button, Empty, Flex, Form, Input, Modal, Popconfirm, Select, Space, Table, Tag, Typography } from 'antd';
import QRCode from 'qrcode';
import { useEffect, useState } from 'react';
import type { Device } from '../../../shared/contract/devices';
import { ApiCallError } from '../../../shared/contract/errors';
import { DEVICE_KINDS, type DeviceKind } from '../../../shared/domain/devices';
import { useApiMutation, useApiQuery } from '../../client/queries';
import { useI18n } from '../../i18n/i18n';
import { errorMessage } from '../../ui/error-message';
import styles from '../devices/devices.module.css';

/** The kinds a manager pairs from here (the desk's own browser pairs with the start-up code). */
const PAIRABLE: DeviceKind[] = DEVICE_KINDS.filter((kind) => kind !== 'deskBrowser');

function useQrCode(text: string | null): string | null {
  const [url, setUrl] = useState<string | null>(null);
  useEffect(() => {
    if (!text) return;
    let live = true;
    void QRCode.toString(text, { type: 'svg', margin: 1 }).then((svg) => {
      if (live) setUrl(`data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`);
    });
    return () => {
      live = false;
    };
  }, [text]);
  return text ? url : null;
}

function formatTime(iso: string | null, language: string, timeZone: string): string {
  if (!iso) return '—';
  return new Intl.DateTimeFormat(language === 'en' ? 'en-GB' : 'zh-CN', { timeZone, month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hour12: false }).format(new Date(iso));
}

function PairDialog({ open, onClose, timeZone }: { open: boolean; onClose(): void; timeZone: string }) {
  const { t, language } = useI18n();
  const start = useApiMutation('devices.startPairing');
  const [kind, setKind] = useState<DeviceKind>('guideTablet');
  const [name, setName] = useState('');
  const shown = start.data;
  const close = () => {
    start.reset();
    setName('');
    onClose();
  };
  return (
    <Modal open={open} title={t('devices.pairNew')} onCancel={close} footer={null} destroyOnHidden width={520}>
      {shown ? (
        <Flex vertical gap={12} align="center" data-testid="pairing-code-shown">
          <Typography.Text type="secondary">
            {t(`devices.kind.${shown.kind}`)} · {shown.name}
          </Typography.Text>
          <div className={styles.code} aria-label={t('devices.codeTitle')} data-testid="pairing-code">
            {shown.code}
          </div>
          <Typography.Text>{t('devices.codeExpires', { time: formatTime(shown.expiresAt, language, timeZone) })}</Typography.Text>
          <Alert type="info" showIcon title={t('devices.codeHint')} />
          <Button type="primary" onClick={close}>
            {t('devices.codeDone')}
          </Button>
        </Flex>
      ) : (
        <Form layout="vertical" onFinish={() => start.mutate({ kind, name })}>
          <Form.Item label={t('devices.kind')} htmlFor="device-kind">
            <Select id="device-kind" value={kind} onChange={setKind} options={PAIRABLE.map((value) => ({ value, label: t(`devices.kind.${value}`) }))} />
          </Form.Item>
          <Form.Item
            label={t('devices.name')}
            htmlFor="device-name"
            validateStatus={start.error ? 'error' : ''}
            help={start.error ? errorMessage(start.error, t) : undefined}
          >
            <Input id="device-name" value={name} count={{ show: true, max: 40 }} placeholder={t('devices.namePlaceholder')} onChange={(event) => setName(event.target.value)} />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={start.isPending} disabled={name.trim() === ''}>
            {t('devices.showCode')}
          </Button>
        </Form>
      )}
    </Modal>
  );
}

export function DevicesSection({ lanAccess, lanPort, timeZone }: { lanAccess: boolean; lanPort: number; timeZone: string }) {
  const { t, language } = useI18n();
  const { message } = App.useApp();
  const overview = useApiQuery('devices.list', {});
  const rename = useApiMutation('devices.rename');
  const revoke = useApiMutation('devices.revoke');
  const [pairing, setPairing] = useState(false);
  const [renaming, setRenaming] = useState<{ device: Device; name: string } | null>(null);
  const address = overview.data?.addresses[0] ?? null;
  const qr = useQrCode(address);

  if (overview.error) return <Alert type="error" showIcon title={errorMessage(overview.error, t)} />;
  const data = overview.data;
  const saveName = async () => {
    if (!renaming) return;
    try {
      await rename.mutateAsync({ deviceId: renaming.device.id, name: renaming.name, expectedVersion: renaming.device.version });
      setRenaming(null);
    } catch (error) {
      void message.error(error instanceof ApiCallError ? error.message : errorMessage(error, t));
    }
  };

  return (
    <Flex vertical gap={16} data-testid="devices-section">
      {!lanAccess ? (
        <Alert type="info" showIcon title={t('devices.lanOff')} description={t('devices.lanHint')} />
      ) : (
        <Flex gap={16} align="center">
          {qr && <img src={qr} alt={address ?? ''} className={styles.qr} data-testid="lan-qr" />}
          <Flex vertical gap={4}>
            <Typography.Text type="secondary">{t('devices.address')}</Typography.Text>
            {data?.addresses.length ? (
              data.addresses.map((url) => (
                <Typography.Text key={url} copyable strong style={{ fontSize: 18 }} data-testid="lan-address">
                  {url}
                </Typography.Text>
              ))
            ) : (
              <Typography.Text type="warning">{t('devices.noAddress')}</Typography.Text>
            )}
            <Typography.Text type="secondary">{t('devices.lanRestart')} ({t('field.lanPort')}: {lanPort})</Typography.Text>
          </Flex>
        </Flex>
      )}
      {data?.pairingLockedUntil && <Alert type="error" showIcon role="alert" title={t('devices.locked', { time: formatTime(data.pairingLockedUntil, language, timeZone) })} />}
      <Flex justify="space-between" align="center">
        <Typography.Text strong>{t('devices.list')}</Typography.Text>
        <Button type="primary" icon={<QrcodeOutlined />} onClick={() => setPairing(true)}>
          {t('devices.pairNew')}
        </Button>
      </Flex>
      <Table<Device>
        size="small"
        rowKey="id"
        loading={!data}
        dataSource={data?.devices ?? []}
        pagination={false}
        locale={{ emptyText: <Empty description={t('devices.empty')} /> }}
        columns={[
          { title: t('devices.col.name'), dataIndex: 'name', render: (name: string, device) => (device.revokedAt ? <Typography.Text delete>{name}</Typography.Text> : name) },
          { title: t('devices.col.kind'), dataIndex: 'kind', render: (kind: DeviceKind) => t(`devices.kind.${kind}`) },
          { title: t('devices.col.pairedBy'), dataIndex: 'pairedBy', render: (by: string | null) => by ?? t('devices.pairedAtStart') },
          { title: t('devices.col.pairedAt'), dataIndex: 'pairedAt', render: (at: string) => formatTime(at, language, timeZone) },
          { title: t('devices.col.lastSeen'), dataIndex: 'lastSeenAt', render: (at: string | null) => formatTime(at, language, timeZone) },
          { title: t('devices.col.address'), dataIndex: 'lastAddress', render: (value: string | null) => value ?? '—' },
          {
            title: t('devices.col.actions'),
            key: 'actions',
            render: (_value, device) =>
              device.revokedAt ? (
                <Tag>{t('devices.revoked')}</Tag>
              ) : (
                <Space>
                  <Button size="small" onClick={() => setRenaming({ device, name: device.name })}>
                    {t('devices.rename')}
                  </Button>
                  <Popconfirm title={t('devices.revokeConfirm', { name: device.name })} okText={t('devices.revoke')} okButtonProps={{ danger: true }} onConfirm={() => revoke.mutateAsync({ deviceId: device.id })}>
                    <Button size="small" danger>
                      {t('devices.revoke')}
                    </Button>
                  </Popconfirm>
                </Space>
              ),
          },
        ]}
      />
      <PairDialog open={pairing} onClose={() => setPairing(false)} timeZone={timeZone} />
      <Modal open={renaming !== null} title={t('devices.rename')} onCancel={() => setRenaming(null)} onOk={() => void saveName()} confirmLoading={rename.isPending} destroyOnHidden>
        <Input aria-label={t('devices.name')} value={renaming?.name ?? ''} count={{ show: true, max: 40 }} onChange={(event) => setRenaming((current) => (current ? { ...current, name: event.target.value } : current))} />
      </Modal>
    </Flex>
  );
}
