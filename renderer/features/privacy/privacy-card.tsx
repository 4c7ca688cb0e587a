/**
 * A customer's privacy on her page (issue 20): her consents per purpose, recorded and withdrawn by
 * whoever works with her record; for managers, who has seen the record, her copy of her data
 * (PIPL Art. 45) and erasure (Art. 47).
 */
import { App, Button, Card, Flex, Image, Input, Modal, Radio, Space, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import type { ConsentView } from '../../../shared/contract/privacy';
import { CONSENT_PURPOSES, type ConsentMethod, type ConsentPurpose } from '../../../shared/domain/privacy';
import type { Role } from '../../../shared/domain/roles';
import { useApiMutation, useApiQuery } from '../../client/queries';
import { useI18n } from '../../i18n/i18n';
import { errorMessage } from '../../ui/error-message';
import { SignatureBox } from '../../ui/signature-pad';
import { formatClinicDateTime } from '../customers/format-clinic-date-time';
import { AccessLogTable, EraseDialog, ExportButton, PrintCopyButton } from './privacy-manager-tools';

interface PrivacyCardProps {
  customerId: number;
  customerName: string;
  viewer: { role: Role; name: string; clinicName: string };
  timeZone: string;
  onErased(): void;
}

interface PurposeRow {
  purpose: ConsentPurpose;
  current: ConsentView | null;
  last: ConsentView | null;
}

export function PrivacyCard({ customerId, customerName, viewer, timeZone, onErased }: PrivacyCardProps) {
  const { t } = useI18n();
  const { message, modal } = App.useApp();
  const consents = useApiQuery('privacy.consents', { customerId });
  const withdraw = useApiMutation('privacy.withdrawConsent');
  const [recording, setRecording] = useState<ConsentPurpose | null>(null);
  const isManager = viewer.role === 'manager';

  const list = consents.data?.consents ?? [];
  const rows: PurposeRow[] = CONSENT_PURPOSES.map((purpose) => ({
    purpose,
    current: list.find((consent) => consent.purpose === purpose && consent.withdrawnAt === null) ?? null,
    last: list.find((consent) => consent.purpose === purpose) ?? null,
  }));
  const at = (instant: string) => formatClinicDateTime(instant, timeZone);

  const columns: TableColumnsType<PurposeRow> = [
    { title: t('privacy.consents.purpose'), dataIndex: 'purpose', width: '34%', render: (purpose: ConsentPurpose) => t(`privacy.purpose.${purpose}`) },
    {
      title: '',
      key: 'status',
      width: 96,
      render: (_, row) =>
        row.current ? <Tag color="green">{t('privacy.consents.inForce')}</Tag> : row.last ? <Tag>{t('privacy.consents.withdrawn')}</Tag> : <Tag color="orange">{t('privacy.consents.missing')}</Tag>,
    },
    {
      title: '',
      key: 'detail',
      render: (_, row) => {
        const shown = row.current ?? row.last;
        if (!shown) return null;
        return (
          <Flex vertical gap={4} align="start">
            <Typography.Text type="secondary" className="privacy-detail">
              {t('privacy.consents.given', { at: at(shown.givenAt), by: shown.takenBy, version: shown.textVersion })}
              {` · ${t(`privacy.method.${shown.method}`)}`}
              {shown.note ? ` · ${shown.note}` : ''}
              {shown.withdrawnAt ? ` · ${t('privacy.consents.withdrawnAt', { at: at(shown.withdrawnAt), by: shown.withdrawnBy ?? '—' })}` : ''}
            </Typography.Text>
            {shown.signature ? (
              // The drawn signature, small; a tap shows it whole.
              <Image src={shown.signature} alt={t('privacy.signature.alt')} width={120} height={36} style={{ objectFit: 'contain', background: '#fafafa', border: '1px solid #f0f0f0' }} data-testid="consent-signature" />
            ) : null}
          </Flex>
        );
      },
    },
    {
      title: '',
      key: 'actions',
      width: 120,
      render: (_, row) =>
        row.current ? (
          <Button
            size="small"
            onClick={() =>
              void modal.confirm({
                title: t('privacy.consents.withdraw'),
                content: t('privacy.consents.withdrawConfirm', { purpose: t(`privacy.purpose.${row.purpose}`) }),
                okButtonProps: { danger: true },
                onOk: () =>
                  withdraw
                    .mutateAsync({ consentId: (row.current as ConsentView).id })
                    .then(() => void message.success(t('privacy.consents.withdrawnDone')))
                    .catch((error: unknown) => void message.error(errorMessage(error, t))),
              })
            }
          >
            {t('privacy.consents.withdraw')}
          </Button>
        ) : (
          <Button size="small" type="primary" ghost onClick={() => setRecording(row.purpose)}>
            {t('privacy.consents.record')}
          </Button>
        ),
    },
  ];

  return (
    <Card
      size="small"
      title={t('privacy.title')}
      data-testid="privacy-card"
      extra={
        isManager ? (
          <Space>
            <ExportButton customerId={customerId} />
            <PrintCopyButton customerId={customerId} by={viewer.name} clinicName={viewer.clinicName} timeZone={timeZone} />
            <EraseDialog customerId={customerId} customerName={customerName} onErased={onErased} />
          </Space>
        ) : null
      }
    >
      <Flex vertical gap={12}>
        {consents.isSuccess && !consents.data.inForce.includes('medical') ? <Typography.Text type="warning">{t('privacy.consents.noMedical')}</Typography.Text> : null}
        <Table<PurposeRow> size="small" rowKey="purpose" columns={columns} dataSource={rows} pagination={false} loading={consents.isPending} showHeader={false} />
        {isManager ? <AccessLogTable customerId={customerId} timeZone={timeZone} /> : null}
      </Flex>
      {recording ? <RecordConsent customerId={customerId} purpose={recording} onClose={() => setRecording(null)} /> : null}
    </Card>
  );
}

function RecordConsent({ customerId, purpose, onClose }: { customerId: number; purpose: ConsentPurpose; onClose(): void }) {
  const { t, language } = useI18n();
  const { message } = App.useApp();
  const texts = useApiQuery('privacy.consentTexts', {});
  const record = useApiMutation('privacy.recordConsent');
  const [method, setMethod] = useState<ConsentMethod>('paper');
  const [note, setNote] = useState('');
  const [signature, setSignature] = useState<string | null>(null);
  const [unsigned, setUnsigned] = useState(false);
  const text = texts.data?.texts.find((candidate) => candidate.purpose === purpose);
  return (
    <Modal
      open
      title={`${t('privacy.consents.record')} · ${t(`privacy.purpose.${purpose}`)}`}
      okText={t('privacy.consents.record')}
      confirmLoading={record.isPending}
      onCancel={onClose}
      onOk={() => {
        // On a tablet the customer signs in the box first (the server refuses a tablet consent without it).
        if (method === 'tablet' && !signature) {
          setUnsigned(true);
          return;
        }
        return record
          .mutateAsync({ customerId, purpose, method, ...(note.trim() ? { note: note.trim() } : {}), ...(method === 'tablet' && signature ? { signature } : {}) })
          .then(() => {
            void message.success(t('privacy.consents.recorded'));
            onClose();
          })
          .catch((error: unknown) => void message.error(errorMessage(error, t)));
      }}
    >
      <Flex vertical gap={12}>
        {text ? (
          <Card size="small" title={t('privacy.consents.text', { version: text.version })}>
            <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>{language === 'en' && text.textEn ? text.textEn : text.textZh}</Typography.Paragraph>
          </Card>
        ) : null}
        <Radio.Group value={method} onChange={(event) => setMethod(event.target.value as ConsentMethod)}>
          <Radio value="paper">{t('privacy.method.paper')}</Radio>
          <Radio value="tablet">{t('privacy.method.tablet')}</Radio>
        </Radio.Group>
        {method === 'tablet' ? (
          <Flex vertical gap={4}>
            <SignatureBox
              onChange={(png) => {
                setSignature(png);
                if (png) setUnsigned(false);
              }}
            />
            {unsigned ? (
              <Typography.Text type="danger" role="alert">
                {t('privacy.signature.empty')}
              </Typography.Text>
            ) : null}
          </Flex>
        ) : null}
        <Input aria-label={t('privacy.consents.note')} placeholder={t('privacy.consents.note')} count={{ show: true, max: 200 }} value={note} onChange={(event) => setNote(event.target.value)} />
      </Flex>
    </Modal>
  );
}
