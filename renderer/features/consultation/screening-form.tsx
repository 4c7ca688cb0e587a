/**
 * The BDDQ-AS screen (shared/domain/screening.ts), filled in with the customer on a tablet or by
 * the consultant: seven questions in the language on screen, scored on the server. Only the
 * consultant, doctor and manager reach it; it is never printed.
 */
import { Alert, Button, Flex, Radio, Typography } from 'antd';
import { useState } from 'react';
import { BDDQ_AS_ITEMS, SEVERITY_LABELS } from '../../../shared/domain/screening';
import { useApiMutation } from '../../client/queries';
import { useI18n } from '../../i18n/i18n';
import { errorMessage } from '../../ui/error-message';

type Answers = Partial<Record<`q${1 | 2 | 3 | 4 | 5 | 6 | 7}`, boolean | number>>;

export function ScreeningForm({ customerId, onDone }: { customerId: number; onDone(positive: boolean): void }) {
  const { t, language } = useI18n();
  const [answers, setAnswers] = useState<Answers>({});
  const record = useApiMutation('screenings.record');
  const stopped = answers.q1 === false || answers.q2 === false;
  const complete = answers.q1 !== undefined && answers.q2 !== undefined && (stopped || BDDQ_AS_ITEMS.every((item) => answers[`q${item.number}` as keyof Answers] !== undefined));
  const save = () => {
    const payload = {
      q1: answers.q1 === true,
      q2: answers.q2 === true,
      ...(stopped ? {} : { q3: Number(answers.q3), q4: Number(answers.q4), q5: Number(answers.q5), q6: Number(answers.q6), q7: answers.q7 === true }),
    };
    record.mutate({ customerId, answers: payload }, { onSuccess: (result) => onDone(result.positive) });
  };
  return (
    <Flex vertical gap={10} data-testid="screening-form">
      <Typography.Text type="secondary">{t('screenings.form.intro')}</Typography.Text>
      {BDDQ_AS_ITEMS.map((item) => {
        const key = `q${item.number}` as keyof Answers;
        const disabled = item.number > 2 && stopped;
        return (
          <div key={item.number} style={{ opacity: disabled ? 0.45 : 1 }}>
            <div style={{ marginBottom: 4 }}>
              {item.number}. {language === 'en' ? item.en : item.zh}
            </div>
            {item.kind === 'yesNo' ? (
              <Radio.Group
                disabled={disabled}
                optionType="button"
                value={answers[key]}
                onChange={(event) => setAnswers({ ...answers, [key]: event.target.value as boolean })}
                options={[
                  { value: true, label: t('screenings.form.yes') },
                  { value: false, label: t('screenings.form.no') },
                ]}
                aria-label={`q${item.number}`}
              />
            ) : (
              <Radio.Group
                disabled={disabled}
                value={answers[key]}
                onChange={(event) => setAnswers({ ...answers, [key]: event.target.value as number })}
                options={SEVERITY_LABELS.map((level) => ({ value: level.value, label: language === 'en' ? level.en : level.zh }))}
                aria-label={`q${item.number}`}
              />
            )}
          </div>
        );
      })}
      {record.isError && <Alert type="error" showIcon title={errorMessage(record.error, t)} />}
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('screenings.form.source')}
      </Typography.Text>
      <Button type="primary" disabled={!complete} loading={record.isPending} onClick={save} data-testid="screening-save">
        {t('screenings.form.save')}
      </Button>
    </Flex>
  );
}
