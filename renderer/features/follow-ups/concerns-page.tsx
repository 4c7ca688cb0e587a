/**
 * `#/concerns`, the doctor's list (issue 17): concerns raised on follow-up calls, each staying
 * here — and on the doctor's notifications — until a doctor answers it. A doctor sees those
 * addressed to them and to no one; the manager and the callers see all, and only doctors and
 * managers answer. Oldest first: the one waiting longest is on top.
 */
import { Alert, App, Button, Card, Empty, Flex, Input, Space, Spin, Tag, Typography } from 'antd';
import { useState } from 'react';
import type { z } from 'zod';
import type { concernSchema } from '../../../shared/contract/follow-ups';
import { clinicDateOf, clinicTimeOf } from '../../../shared/domain/clinic-time';
import { addressFormOf } from '../../../shared/domain/customers';
import { useApiMutation, useApiQuery } from '../../client/queries';
import { useI18n } from '../../i18n/i18n';
import type { PageProps } from '../../routes';
import { errorMessage } from '../../ui/error-message';
import { useCan } from '../../ui/permissions';

type Concern = z.infer<typeof concernSchema>;

export function ConcernsPage({ session }: PageProps) {
  const { t } = useI18n();
  const list = useApiQuery('followUps.concerns', {});
  const timeZone = session.clinic.settings.timeZone;
  const canAnswer = useCan('followUps.answerConcern');
  const concerns = [...(list.data?.concerns ?? [])].sort((a, b) => a.raisedAt.localeCompare(b.raisedAt));
  return (
    <Flex vertical gap={12} data-testid="concerns-page">
      <Flex justify="space-between" align="baseline" wrap gap={12}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('followUps.concerns.title')} {list.data && <Tag>{concerns.length}</Tag>}
        </Typography.Title>
        <Typography.Text type="secondary">{t('followUps.concerns.hint')}</Typography.Text>
      </Flex>
      {list.isError && <Alert type="error" showIcon title={errorMessage(list.error, t)} action={<Button onClick={() => void list.refetch()}>{t('app.retry')}</Button>} />}
      {list.isPending ? (
        <Spin />
      ) : concerns.length === 0 ? (
        <Card>
          <Empty description={t('followUps.concerns.empty')} />
        </Card>
      ) : (
        concerns.map((concern) => <ConcernCard key={concern.id} concern={concern} timeZone={timeZone} canAnswer={canAnswer} />)
      )}
    </Flex>
  );
}

function ConcernCard({ concern, timeZone, canAnswer }: { concern: Concern; timeZone: string; canAnswer: boolean }) {
  const { t, language } = useI18n();
  const { message } = App.useApp();
  const answer = useApiMutation('followUps.answerConcern');
  const [text, setText] = useState('');
  const send = async () => {
    try {
      await answer.mutateAsync({ concernId: concern.id, answer: text.trim() });
      void message.success(t('followUps.concerns.answered'));
    } catch {
      // shown below
    }
  };
  return (
    <Card size="small" data-testid="concern">
      <Flex gap={24} wrap align="start">
        <Flex vertical gap={2} style={{ minWidth: 220 }}>
          <Space size={6} wrap>
            <Typography.Text strong style={{ fontSize: 15 }}>{addressFormOf(concern.customer)}</Typography.Text>
            <Typography.Text type="secondary">{concern.customer.name}</Typography.Text>
          </Space>
          <Typography.Text copyable={{ text: concern.customer.phone }} style={{ fontVariantNumeric: 'tabular-nums' }}>{concern.customer.phone}</Typography.Text>
          <Space size={6} wrap>
            {concern.item && <Tag>{language === 'en' ? concern.item.nameEn : concern.item.nameZh}</Tag>}
            <Typography.Text type="secondary">{t('followUps.concerns.surgery', { date: clinicDateOf(concern.surgeryAt, timeZone) })}</Typography.Text>
          </Space>
        </Flex>
        <Flex vertical gap={6} style={{ flex: 1, minWidth: 360 }}>
          <Typography.Text type="secondary">{t('followUps.concerns.raised', { date: clinicDateOf(concern.raisedAt, timeZone), time: clinicTimeOf(concern.raisedAt, timeZone) })}</Typography.Text>
          <Typography.Paragraph style={{ margin: 0, fontSize: 15, whiteSpace: 'pre-wrap' }}>{concern.text}</Typography.Paragraph>
          {canAnswer ? (
            <Space.Compact block>
              <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} value={text} onChange={(event) => setText(event.target.value)} placeholder={t('followUps.concerns.answerPlaceholder')} aria-label={t('followUps.concerns.answer')} count={{ show: true, max: 1000 }} />
              <Button type="primary" disabled={!text.trim()} loading={answer.isPending} onClick={() => void send()} data-testid="concern-answer">
                {t('followUps.concerns.answer')}
              </Button>
            </Space.Compact>
          ) : (
            <Typography.Text type="secondary">{t('followUps.concerns.doctorAnswers')}</Typography.Text>
          )}
          {answer.isError && <Alert type="error" showIcon role="alert" title={errorMessage(answer.error, t)} />}
        </Flex>
      </Flex>
    </Card>
  );
}
