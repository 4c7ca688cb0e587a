/**
 * `#/surveys`, the manager's page of low survey scores and complaints (seed 000 step 10): each
 * answer with its low aspects marked, would-recommend, comments and staff named — the customer's
 * name masked, as the list may be open on a shared screen — and what the manager did about it,
 * recorded once. Open ones first.
 */
import { Alert, App, Button, Card, Empty, Flex, Input, Segmented, Space, Spin, Tag, Typography } from 'antd';
import { useState } from 'react';
import type { z } from 'zod';
import type { lowSurveySchema } from '../../../shared/contract/follow-ups';
import { clinicDateOf, clinicTimeOf } from '../../../shared/domain/clinic-time';
import { SURVEY_ASPECTS } from '../../../shared/domain/follow-ups';
import { useApiMutation, useApiQuery } from '../../client/queries';
import { useI18n } from '../../i18n/i18n';
import type { PageProps } from '../../routes';
import { errorMessage } from '../../ui/error-message';

type LowSurvey = z.infer<typeof lowSurveySchema>;

export function LowSurveysPage({ session }: PageProps) {
  const { t } = useI18n();
  const list = useApiQuery('surveys.low', {});
  const [show, setShow] = useState<'open' | 'all'>('open');
  const settings = session.clinic.settings;
  const all = [...(list.data?.surveys ?? [])].sort((a, b) => Number(a.handledAt !== null) - Number(b.handledAt !== null) || b.createdAt.localeCompare(a.createdAt));
  const shown = show === 'open' ? all.filter((survey) => survey.handledAt === null) : all;
  return (
    <Flex vertical gap={12} data-testid="low-surveys-page">
      <Flex justify="space-between" align="center" wrap gap={12}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('surveys.low.title')}
        </Typography.Title>
        <Segmented<'open' | 'all'>
          value={show}
          onChange={setShow}
          options={[
            { value: 'open', label: t('surveys.low.open', { count: all.filter((survey) => survey.handledAt === null).length }) },
            { value: 'all', label: t('surveys.low.all') },
          ]}
        />
      </Flex>
      {list.isError && <Alert type="error" showIcon title={errorMessage(list.error, t)} action={<Button onClick={() => void list.refetch()}>{t('app.retry')}</Button>} />}
      {list.isPending ? (
        <Spin />
      ) : shown.length === 0 ? (
        <Card>
          <Empty description={t('surveys.low.empty')} />
        </Card>
      ) : (
        shown.map((survey) => <LowSurveyCard key={survey.id} survey={survey} timeZone={settings.timeZone} lowAspect={settings.surveyLowAspect} lowRecommend={settings.surveyLowRecommend} />)
      )}
    </Flex>
  );
}

function LowSurveyCard({ survey, timeZone, lowAspect, lowRecommend }: { survey: LowSurvey; timeZone: string; lowAspect: number; lowRecommend: number }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const handle = useApiMutation('surveys.handle');
  const [note, setNote] = useState('');
  const send = async () => {
    try {
      await handle.mutateAsync({ surveyId: survey.id, note: note.trim() });
      void message.success(t('surveys.handled'));
    } catch {
      // shown below
    }
  };
  return (
    <Card size="small" data-testid="low-survey" data-handled={survey.handledAt !== null}>
      <Flex vertical gap={8}>
        <Space size={8} wrap>
          <Typography.Text strong>{clinicDateOf(survey.createdAt, timeZone)} {clinicTimeOf(survey.createdAt, timeZone)}</Typography.Text>
          <Typography.Text type="secondary">{survey.customer ?? t('surveys.low.anonymous')}</Typography.Text>
          <Tag>{t(survey.source === 'kiosk' ? 'surveys.low.kiosk' : 'surveys.low.staff')}</Tag>
          {survey.complaint && <Tag color="error">{t('surveys.complaint')}</Tag>}
          {survey.recommend !== null && <Tag color={survey.recommend <= lowRecommend ? 'error' : 'default'}>{t('surveys.low.recommend', { score: survey.recommend })}</Tag>}
        </Space>
        <Space size={6} wrap>
          {SURVEY_ASPECTS.filter((aspect) => survey.scores[aspect] !== undefined).map((aspect) => (
            <Tag key={aspect} color={(survey.scores[aspect] ?? 5) <= lowAspect ? 'error' : 'default'}>
              {t(`surveys.aspect.${aspect}`)} {survey.scores[aspect]}
            </Tag>
          ))}
        </Space>
        {survey.comments && <Typography.Paragraph style={{ margin: 0, whiteSpace: 'pre-wrap' }}>{survey.comments}</Typography.Paragraph>}
        {survey.staffNamed && <Typography.Text type="secondary">{t('surveys.low.staffNamed', { staff: survey.staffNamed })}</Typography.Text>}
        {survey.handledAt !== null ? (
          <Alert type="success" showIcon title={t('surveys.low.handledOn', { date: clinicDateOf(survey.handledAt, timeZone) })} description={survey.handledNote} />
        ) : (
          <Space.Compact block>
            <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} value={note} onChange={(event) => setNote(event.target.value)} placeholder={t('surveys.low.notePlaceholder')} aria-label={t('surveys.handle')} count={{ show: true, max: 1000 }} />
            <Button type="primary" disabled={!note.trim()} loading={handle.isPending} onClick={() => void send()} data-testid="survey-handle">
              {t('surveys.handle')}
            </Button>
          </Space.Compact>
        )}
        {handle.isError && <Alert type="error" showIcon role="alert" title={errorMessage(handle.error, t)} />}
      </Flex>
    </Card>
  );
}
