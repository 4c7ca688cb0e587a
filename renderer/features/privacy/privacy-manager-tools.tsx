/**
 * A manager's privacy tools on a customer's page (issue 20): who has seen the record (PIPL Art.
 * 51), her copy of everything held about her (Art. 45) and erasure after a confirmation naming her
 * (Art. 47), with the legal hold the law imposes shown before anything is done.
 */
import { DeleteOutlined, DownloadOutlined, PrinterOutlined } from '@ant-design/icons';
import { Alert, App, Button, Collapse, Flex, Input, List, Modal, Skeleton, Table, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import type { OutputOf } from '../../../shared/contract/index';
import { ACCESS_SCREENS, type AccessScreen } from '../../../shared/domain/privacy';
import { isMessageKey, type MessageKey } from '../../../shared/i18n/messages';
import { customerCopyHtml } from '../../../shared/print/customer-copy';
import { useApi } from '../../client/api-context';
import { loadHtmlForPrinting } from '../printing/print-in-frame';
import { useApiMutation, useApiQuery } from '../../client/queries';
import { useI18n } from '../../i18n/i18n';
import { errorMessage } from '../../ui/error-message';
import { formatClinicDateTime } from '../customers/format-clinic-date-time';

type AccessEntry = OutputOf<'privacy.accessLog'>['entries'][number];
const isAccessScreen = (screen: string): screen is AccessScreen => (ACCESS_SCREENS as readonly string[]).includes(screen);

export function AccessLogTable({ customerId, timeZone }: { customerId: number; timeZone: string }) {
  const { t } = useI18n();
  const log = useApiQuery('privacy.accessLog', { customerId, limit: 100 });
  const columns: TableColumnsType<AccessEntry> = [
    { title: '', dataIndex: 'at', width: 150, render: (at: string) => formatClinicDateTime(at, timeZone) },
    { title: '', dataIndex: 'staff', render: (staff: string, row) => `${staff} · ${t(`role.${row.role}` as 'role.manager')}` },
    { title: '', dataIndex: 'kind', width: 90, render: (kind: AccessEntry['kind']) => t(`privacy.access.kind.${kind}`) },
    { title: '', dataIndex: 'screen', width: 150, render: (screen: string) => (isAccessScreen(screen) ? t(`privacy.screen.${screen}`) : screen) },
    { title: '', dataIndex: 'device', width: 150 },
  ];
  const total = log.data?.total ?? 0;
  return (
    <Collapse
      size="small"
      data-testid="access-log"
      items={[
        {
          key: 'log',
          label: `${t('privacy.access.title')} · ${t('privacy.access.total', { count: total })}`,
          children: log.isPending ? (
            <Skeleton active />
          ) : (
            <Table<AccessEntry> size="small" rowKey="id" showHeader={false} columns={columns} dataSource={log.data?.entries ?? []} pagination={false} locale={{ emptyText: t('privacy.access.empty') }} scroll={{ y: 240 }} />
          ),
        },
      ]}
    />
  );
}

/** Downloads her copy as JSON (UTF-8), named by her number and the day. */
export function ExportButton({ customerId }: { customerId: number }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const api = useApi();
  const [busy, setBusy] = useState(false);
  const run = async () => {
    setBusy(true);
    try {
      const copy = await api.call('privacy.export', { customerId });
      const blob = new Blob([JSON.stringify(copy, null, 2)], { type: 'application/json;charset=utf-8' });
      const link = document.createElement('a');
      link.href = URL.createObjectURL(blob);
      link.download = `customer-${String(customerId)}-${copy.generatedAt.slice(0, 10)}.json`;
      link.click();
      URL.revokeObjectURL(link.href);
      const rows = Object.values(copy.tables).reduce((sum, list) => sum + list.length, 0);
      void message.success(t('privacy.export.done', { tables: Object.keys(copy.tables).length, rows }));
    } catch (error) {
      void message.error(errorMessage(error, t));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Button size="small" icon={<DownloadOutlined />} loading={busy} onClick={() => void run()} data-testid="privacy-export">
      {t('privacy.export')}
    </Button>
  );
}

/** Her copy as a readable A4 document, printed (or saved as PDF) through the print dialog. */
export function PrintCopyButton({ customerId, by, clinicName, timeZone }: { customerId: number; by: string; clinicName: string; timeZone: string }) {
  const { t, language } = useI18n();
  const { message } = App.useApp();
  const api = useApi();
  const [busy, setBusy] = useState(false);
  const run = async () => {
    setBusy(true);
    try {
      const copy = await api.call('privacy.export', { customerId });
      const print = await loadHtmlForPrinting(customerCopyHtml({ ...copy, clinicName, timeZone, language, by }));
      print();
    } catch (error) {
      void message.error(errorMessage(error, t));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Button size="small" icon={<PrinterOutlined />} loading={busy} onClick={() => void run()} data-testid="privacy-print-copy">
      {t('privacy.exportPdf')}
    </Button>
  );
}

export function EraseDialog({ customerId, customerName, onErased }: { customerId: number; customerName: string; onErased(): void }) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button size="small" danger icon={<DeleteOutlined />} onClick={() => setOpen(true)} data-testid="privacy-erase">
        {t('privacy.erase')}
      </Button>
      {open ? <EraseModal customerId={customerId} customerName={customerName} onClose={() => setOpen(false)} onErased={onErased} /> : null}
    </>
  );
}

function EraseModal({ customerId, customerName, onClose, onErased }: { customerId: number; customerName: string; onClose(): void; onErased(): void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const preview = useApiQuery('privacy.erasurePreview', { customerId }, { staleTime: 0 });
  const erase = useApiMutation('privacy.erase');
  const [typed, setTyped] = useState('');
  // A table a later feature adds shows by its own name until it has a label.
  const tableLabel = (table: string) => (isMessageKey(`privacy.table.${table}`) ? t(`privacy.table.${table}` as MessageKey) : table);
  const hold = preview.data?.hold ?? null;
  return (
    <Modal
      open
      title={t('privacy.erase.title', { name: customerName })}
      okText={t('privacy.erase.confirm')}
      okButtonProps={{ danger: true, disabled: typed.trim() !== customerName }}
      confirmLoading={erase.isPending}
      onCancel={onClose}
      onOk={() => {
        // Her page is left first: once she is erased, every read of her page would be refused.
        const confirmName = typed.trim();
        onClose();
        onErased();
        erase
          .mutateAsync({ customerId, confirmName })
          .then((done) => void message.success(done.heldUntil ? t('privacy.erase.doneHeld', { until: done.heldUntil }) : t('privacy.erase.done')))
          .catch((error: unknown) => void message.error(errorMessage(error, t)));
      }}
    >
      {preview.isPending ? (
        <Skeleton active />
      ) : preview.isError ? (
        <Alert type="error" showIcon title={errorMessage(preview.error, t)} />
      ) : (
        <Flex vertical gap={12}>
          <Typography.Text>{t('privacy.erase.what')}</Typography.Text>
          <List size="small" bordered dataSource={preview.data.tables} renderItem={(row) => <List.Item>{t('privacy.erase.rows', { table: tableLabel(row.table), rows: row.rows })}</List.Item>} />
          <Alert type={hold ? 'warning' : 'info'} showIcon title={hold ? t('privacy.erase.hold', { last: hold.lastTreatedOn, until: hold.until }) : t('privacy.erase.noHold')} />
          <Typography.Text type="secondary">{t('privacy.erase.backups')}</Typography.Text>
          <Input aria-label={t('privacy.erase.confirmLabel', { name: customerName })} placeholder={t('privacy.erase.confirmLabel', { name: customerName })} value={typed} onChange={(event) => setTyped(event.target.value)} />
        </Flex>
      )}
    </Modal>
  );
}
