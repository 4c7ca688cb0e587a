/**
 * Settings → 备份 / Backups (manager): the verified backups in the data folder's `backups/`
 * (time, size, checked, automatic or by whom), "Back up now" with its progress, and how to
 * restore. The list is re-read on each `backups.changed` notice, which the server sends when a
 * backup starts, every 5 % of its pages and when it is listed.
 */
import { CloudUploadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Flex, Progress, Table, Tag, Typography, type TableColumnsType } from 'antd';
import type { BackupList } from '../../../shared/contract/backups';
import { clinicDateOf, wallClock } from '../../../shared/domain/clinic-time';
import { useApiMutation, useApiQuery } from '../../client/queries';
import { useI18n } from '../../i18n/i18n';
import { errorMessage } from '../../ui/error-message';

type Backup = BackupList['backups'][number];

/** `2026-11-24 10:30:05` on the clinic's clock. */
function clinicMoment(instant: string, timeZone: string): string {
  const wall = wallClock(new Date(instant), timeZone);
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${clinicDateOf(instant, timeZone)} ${pad(wall.hour)}:${pad(wall.minute)}:${pad(wall.second)}`;
}

/** 397312 → "388 KB"; 1.2e9 → "1.1 GB". */
export function fileSize(bytes: number): string {
  if (bytes < 1024 * 1024) return `${String(Math.max(1, Math.round(bytes / 1024)))} KB`;
  if (bytes < 1024 * 1024 * 1024) return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
  return `${(bytes / (1024 * 1024 * 1024)).toFixed(1)} GB`;
}

export function BackupsSection({ timeZone }: { timeZone: string }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const list = useApiQuery('backups.list', {});
  const create = useApiMutation('backups.create');
  const running = list.data?.running ?? null;

  const backUpNow = async () => {
    try {
      await create.mutateAsync({});
      void message.info(t('backups.started'));
    } catch (error) {
      void message.error(errorMessage(error, t));
    }
  };

  const how = (backup: Backup) => {
    if (backup.trigger === 'manual') return t('backups.trigger.manual', { by: backup.by ?? '—' });
    if (backup.trigger) return t(`backups.trigger.${backup.trigger}`);
    return t('backups.trigger.unknown');
  };
  const columns: TableColumnsType<Backup> = [
    { key: 'time', title: t('backups.column.time'), render: (_, backup) => clinicMoment(backup.createdAt, timeZone) },
    { key: 'size', title: t('backups.column.size'), render: (_, backup) => fileSize(backup.sizeBytes), align: 'right' },
    {
      key: 'verified',
      title: t('backups.column.verified'),
      render: (_, backup) => (
        <>
          {backup.verified ? <Tag color="green">{t('backups.verified')}</Tag> : <Tag>{t('backups.unverified')}</Tag>}
          {/* Made before an erasure: it still holds the erased customer, and goes on this date (issue 20). */}
          {backup.expiresAt ? <Tag color="orange">{t('backups.expires', { date: backup.expiresAt.slice(0, 10) })}</Tag> : null}
        </>
      ),
    },
    { key: 'how', title: t('backups.column.how'), render: (_, backup) => how(backup) },
  ];
  const percent = running && running.totalPages > 0 ? Math.floor((running.copiedPages / running.totalPages) * 100) : 0;

  return (
    <Flex vertical gap={12} data-testid="settings-backups">
      <Typography.Text type="secondary">{t('backups.hint', { kept: list.data?.kept ?? 30 })}</Typography.Text>
      {list.data?.directory && <Typography.Text type="secondary" copyable={{ text: list.data.directory }}>{t('backups.directory', { directory: list.data.directory })}</Typography.Text>}
      {list.error && <Alert type="error" showIcon title={errorMessage(list.error, t)} />}
      <Flex gap={16} align="center">
        <Button type="primary" icon={<CloudUploadOutlined />} loading={create.isPending || running !== null} onClick={() => void backUpNow()}>
          {t('backups.now')}
        </Button>
        {running && (
          <Flex vertical style={{ flex: 1, maxWidth: 480 }}>
            <Typography.Text>{t('backups.running', { fileName: running.fileName })}</Typography.Text>
            <Progress percent={percent} size="small" aria-label={t('backups.running', { fileName: running.fileName })} />
          </Flex>
        )}
      </Flex>
      <Table<Backup>
        rowKey="fileName"
        size="small"
        columns={columns}
        dataSource={list.data?.backups ?? []}
        loading={list.isLoading}
        pagination={{ pageSize: 10, hideOnSinglePage: true }}
        locale={{ emptyText: t('backups.empty') }}
      />
      <Alert
        type="info"
        showIcon
        title={t('backups.restore.title')}
        description={
          <Flex vertical gap={4}>
            <span>{t('backups.restore.desktop')}</span>
            <span>{t('backups.restore.serve')}</span>
            <span>{t('backups.restore.note')}</span>
          </Flex>
        }
      />
    </Flex>
  );
}
