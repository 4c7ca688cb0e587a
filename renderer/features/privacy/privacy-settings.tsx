/**
 * Settings → privacy (issue 20; managers): the consent texts, each purpose's newest version in force
 * and a new version published (never an edit of one a customer signed), and the records kept under
 * a legal hold with reason and end date.
 */
import { App, Button, Empty, Flex, Input, Table, Tabs, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import type { OutputOf } from '../../../shared/contract/index';
import { CONSENT_PURPOSES, type ConsentPurpose } from '../../../shared/domain/privacy';
import { useApiMutation, useApiQuery } from '../../client/queries';
import { useI18n } from '../../i18n/i18n';
import { errorMessage } from '../../ui/error-message';
import { formatClinicDateTime } from '../customers/format-clinic-date-time';

type Hold = OutputOf<'privacy.holds'>['holds'][number];
type ConsentTextRow = OutputOf<'privacy.consentTexts'>['texts'][number];

export function LegalHolds({ timeZone }: { timeZone: string }) {
  const { t } = useI18n();
  const holds = useApiQuery('privacy.holds', {});
  const columns: TableColumnsType<Hold> = [
    { title: '#', dataIndex: 'customerId', width: 70 },
    { title: '', dataIndex: 'maskedName', width: 100 },
    { title: t('privacy.holds.until'), dataIndex: 'until', width: 110 },
    { title: t('privacy.holds.erasedAt'), dataIndex: 'erasedAt', width: 150, render: (at: string | null) => (at ? formatClinicDateTime(at, timeZone) : '—') },
    { title: t('privacy.holds.reason'), dataIndex: 'reason', ellipsis: true },
  ];
  const due = holds.data?.dueForErasure ?? [];
  return (
    <Flex vertical gap={12}>
      <Table<Hold> size="small" rowKey="customerId" columns={columns} dataSource={holds.data?.holds ?? []} loading={holds.isPending} pagination={{ pageSize: 8, hideOnSinglePage: true }} locale={{ emptyText: <Empty description={t('privacy.holds.empty')} /> }} />
      <Typography.Text strong>{t('privacy.due.title', { count: due.length })}</Typography.Text>
      {due.length === 0 ? (
        <Typography.Text type="secondary">{t('privacy.due.empty')}</Typography.Text>
      ) : (
        <Flex wrap gap={8}>
          {due.slice(0, 40).map((row) => (
            <Typography.Link key={row.customerId} href={`#/customers/${String(row.customerId)}`}>
              {row.maskedName} · {formatClinicDateTime(row.lastSeenAt, timeZone).slice(0, 10)}
            </Typography.Link>
          ))}
        </Flex>
      )}
    </Flex>
  );
}

export function ConsentTexts({ timeZone }: { timeZone: string }) {
  const { t } = useI18n();
  const texts = useApiQuery('privacy.consentTexts', {});
  return (
    <Tabs
      size="small"
      items={CONSENT_PURPOSES.map((purpose) => ({
        key: purpose,
        label: t(`privacy.purpose.${purpose}`).replace(/（.*$/, ''),
        children: (() => {
          const versions = (texts.data?.texts ?? []).filter((text) => text.purpose === purpose);
          // Keyed by the version in force: one published (here or by another manager) is what the editor starts from.
          return <ConsentTextEditor key={versions[0]?.id ?? 'none'} purpose={purpose} versions={versions} timeZone={timeZone} />;
        })(),
      }))}
    />
  );
}

function ConsentTextEditor({ purpose, versions, timeZone }: { purpose: ConsentPurpose; versions: ConsentTextRow[]; timeZone: string }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const save = useApiMutation('privacy.saveConsentText');
  const current = versions[0] ?? null;
  const [zh, setZh] = useState(current?.textZh ?? '');
  const [en, setEn] = useState(current?.textEn ?? '');
  const changed = zh.trim() !== (current?.textZh ?? '') || en.trim() !== (current?.textEn ?? '');
  return (
    <Flex vertical gap={8}>
      <Typography.Text type="secondary">
        {current ? t('privacy.texts.version', { version: current.version, at: formatClinicDateTime(current.createdAt, timeZone), by: current.createdBy ?? '—' }) : t('privacy.texts.none')}
      </Typography.Text>
      <Flex gap={12}>
        <Input.TextArea lang="zh-CN" aria-label={t('privacy.texts.zh')} placeholder={t('privacy.texts.zh')} rows={4} count={{ show: true, max: 4000 }} value={zh} onChange={(event) => setZh(event.target.value)} />
        <Input.TextArea aria-label={t('privacy.texts.en')} placeholder={t('privacy.texts.en')} rows={4} count={{ show: true, max: 6000 }} value={en} onChange={(event) => setEn(event.target.value)} />
      </Flex>
      <Flex>
        <Button
          type="primary"
          disabled={!changed || zh.trim() === ''}
          loading={save.isPending}
          onClick={() =>
            save
              .mutateAsync({ purpose, expectedVersion: current?.version ?? null, textZh: zh.trim(), textEn: en.trim() })
              .then((saved) => void message.success(t('privacy.texts.published', { version: saved.version })))
              .catch((error: unknown) => void message.error(errorMessage(error, t)))
          }
        >
          {t('privacy.texts.publish')}
        </Button>
      </Flex>
    </Flex>
  );
}
