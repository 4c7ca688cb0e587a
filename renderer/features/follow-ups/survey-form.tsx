/**
 * The satisfaction survey (seed 000 step 10): 1–5 per aspect, 0–10 would-recommend, comments and
 * staff named. Used by staff with a customer and, alone, on the kiosk page handed to the customer:
 * it holds its answers in React state only and clears them after submitting (nothing in storage).
 */
import { Alert, Button, Checkbox, Flex, Input, Rate, Segmented, Typography } from 'antd';
import { useState } from 'react';
import { SURVEY_ASPECTS, type SurveyAspect } from '../../../shared/domain/follow-ups';
import { useApiMutation } from '../../client/queries';
import { useI18n } from '../../i18n/i18n';
import { errorMessage } from '../../ui/error-message';

export interface SurveyFormProps {
  source: 'staff' | 'kiosk';
  customerId?: number;
  visitId?: number;
  /** Called after a successful submit, with whether it went to the manager. */
  onSubmitted?(low: boolean): void;
}

export function SurveyForm({ source, customerId, visitId, onSubmitted }: SurveyFormProps) {
  const { t } = useI18n();
  const submit = useApiMutation('surveys.submit');
  const [scores, setScores] = useState<Partial<Record<SurveyAspect, number>>>({});
  const [recommend, setRecommend] = useState<number | undefined>();
  const [comments, setComments] = useState('');
  const [staffNamed, setStaffNamed] = useState('');
  const [complaint, setComplaint] = useState(false);

  const send = async () => {
    try {
      const result = await submit.mutateAsync({
        source,
        ...(source === 'staff' && customerId ? { customerId } : {}),
        ...(source === 'staff' && visitId ? { visitId } : {}),
        scores,
        ...(recommend !== undefined ? { recommend } : {}),
        comments,
        staffNamed,
        complaint,
      });
      // Back to a blank form: the next customer sees nothing of this one.
      setScores({});
      setRecommend(undefined);
      setComments('');
      setStaffNamed('');
      setComplaint(false);
      submit.reset();
      onSubmitted?.(result.low);
    } catch {
      // shown below
    }
  };

  return (
    <Flex vertical gap={14} data-testid="survey-form">
      {SURVEY_ASPECTS.map((aspect) => (
        <Flex key={aspect} justify="space-between" align="center" gap={12} data-aspect={aspect}>
          <Typography.Text style={{ fontSize: 17 }}>{t(`surveys.aspect.${aspect}`)}</Typography.Text>
          <Rate style={{ fontSize: 34 }} value={scores[aspect] ?? 0} onChange={(value) => setScores((current) => ({ ...current, [aspect]: value || undefined }))} aria-label={t(`surveys.aspect.${aspect}`)} />
        </Flex>
      ))}
      <Typography.Text style={{ fontSize: 17 }}>{t('surveys.recommend')}</Typography.Text>
      <Segmented<number>
        block
        size="large"
        value={recommend ?? -1}
        onChange={setRecommend}
        options={Array.from({ length: 11 }, (_, value) => ({ value, label: <span style={{ display: 'inline-block', minWidth: 28, lineHeight: '44px' }}>{value}</span> }))}
        data-testid="survey-recommend"
      />
      <Input.TextArea rows={3} placeholder={t('surveys.comments')} aria-label={t('surveys.comments')} value={comments} onChange={(event) => setComments(event.target.value)} count={{ show: true, max: 2000 }} />
      <Input size="large" placeholder={t('surveys.staffNamed')} aria-label={t('surveys.staffNamed')} value={staffNamed} onChange={(event) => setStaffNamed(event.target.value)} count={{ show: true, max: 200 }} />
      {/* A tablet page: the whole row is the 44 px target. */}
      <Checkbox checked={complaint} onChange={(event) => setComplaint(event.target.checked)} style={{ minHeight: 44, alignItems: 'center', fontSize: 17 }}>
        {t('surveys.complaint')}
      </Checkbox>
      {submit.isError && <Alert type="error" showIcon role="alert" title={errorMessage(submit.error, t)} />}
      <Button type="primary" size="large" style={{ minHeight: 48 }} onClick={() => void send()} loading={submit.isPending} data-testid="survey-submit">
        {t('surveys.submit')}
      </Button>
    </Flex>
  );
}
