/**
 * Settings → follow-ups and surveys (issue 17; seed 000 steps 9–10): the clinic's default
 * follow-up template (calls and visits, N months and/or days after the surgery day), a template of
 * its own per item (an eyelid surgery may need a day-5 stitch-removal visit), when an open call is
 * told to the manager, and what counts as a low survey. Part of the settings form: the contract's
 * own schema checks it, and a save sends only what changed.
 */
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Empty, Flex, Form, InputNumber, Select, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Controller, useWatch, type Control } from 'react-hook-form';
import { FOLLOW_UP_STEP_KINDS, stepLabel, type FollowUpTemplateStep } from '../../../shared/domain/follow-ups';
import type { Settings } from '../../../shared/domain/settings';
import type { MessageKey } from '../../../shared/i18n/messages';
import { useApiQuery } from '../../client/queries';
import { useI18n } from '../../i18n/i18n';
import { fieldErrorMessage } from '../../ui/error-message';

const MAX_STEPS = 12;

/** One template: its steps in rows (kind, months, days), a step added or removed; never empty. */
function TemplateEditor({ value, onChange, testId }: { value: readonly FollowUpTemplateStep[]; onChange(next: FollowUpTemplateStep[]): void; testId: string }) {
  const { t } = useI18n();
  const set = (index: number, patch: Partial<FollowUpTemplateStep>) => onChange(value.map((step, at) => (at === index ? { ...step, ...patch } : step)));
  return (
    <Flex vertical gap={6} data-testid={testId}>
      {value.map((step, index) => (
        <Space key={index} size={8} wrap data-testid="template-step">
          <Select<FollowUpTemplateStep['kind']>
            style={{ width: 110 }}
            value={step.kind}
            onChange={(kind) => set(index, { kind })}
            aria-label={t('followUps.template.kind')}
            options={FOLLOW_UP_STEP_KINDS.map((kind) => ({ value: kind, label: t(`followUps.template.kind.${kind}`) }))}
          />
          <InputNumber min={0} max={24} precision={0} value={step.months} onChange={(months) => set(index, { months: months ?? 0 })} suffix={t('followUps.template.months')} style={{ width: 110 }} aria-label={t('followUps.template.months')} />
          <InputNumber min={0} max={365} precision={0} value={step.days} onChange={(days) => set(index, { days: days ?? 0 })} suffix={t('followUps.template.days')} style={{ width: 110 }} aria-label={t('followUps.template.days')} />
          <Tag>{stepLabel(step)}</Tag>
          <Button icon={<DeleteOutlined />} disabled={value.length <= 1} onClick={() => onChange(value.filter((_, at) => at !== index))} aria-label={t('followUps.template.removeStep')} />
        </Space>
      ))}
      <div>
        <Button size="small" icon={<PlusOutlined />} disabled={value.length >= MAX_STEPS} onClick={() => onChange([...value, { kind: 'call', months: 0, days: 14 }])}>
          {t('followUps.template.addStep')}
        </Button>
      </div>
    </Flex>
  );
}

function NumberField({ control, name, min, max, suffix }: { control: Control<Settings>; name: 'followUpOverdueDays' | 'surveyLowAspect' | 'surveyLowRecommend'; min: number; max: number; suffix?: string }) {
  const { t } = useI18n();
  const label = t(`field.${name}` as MessageKey);
  return (
    <Controller
      control={control}
      name={name}
      render={({ field: input, fieldState }) => (
        <Form.Item label={label} htmlFor={`follow-up-${name}`} validateStatus={fieldState.error ? 'error' : ''} help={fieldErrorMessage(fieldState.error?.message, label, t)}>
          <InputNumber id={`follow-up-${name}`} min={min} max={max} precision={0} value={input.value} onChange={(value) => input.onChange(value ?? min)} onBlur={input.onBlur} suffix={suffix} style={{ width: 140 }} />
        </Form.Item>
      )}
    />
  );
}

export function FollowUpSettings({ control }: { control: Control<Settings> }) {
  const { t, language } = useI18n();
  const items = useApiQuery('items.list', {});
  const [adding, setAdding] = useState<number | null>(null);
  // A new item's template starts as a copy of the default one, as edited so far.
  const defaults = useWatch({ control, name: 'followUpDefaultTemplate' });
  const itemName = (id: string) => {
    const item = (items.data ?? []).find((each) => String(each.id) === id);
    return item ? (language === 'en' ? item.nameEn || item.nameZh : item.nameZh) : `#${id}`;
  };
  return (
    <Flex vertical gap={12}>
      <Typography.Text type="secondary">{t('followUps.template.hint')}</Typography.Text>
      <Controller
        control={control}
        name="followUpDefaultTemplate"
        render={({ field, fieldState }) => (
          <Form.Item label={t('field.followUpDefaultTemplate')} validateStatus={fieldState.error ? 'error' : ''} help={fieldState.error?.message}>
            <TemplateEditor value={field.value} onChange={field.onChange} testId="template-default" />
          </Form.Item>
        )}
      />
      <Controller
        control={control}
        name="followUpItemTemplates"
        render={({ field, fieldState }) => {
          const templates = field.value;
          const ids = Object.keys(templates);
          return (
            <Form.Item label={t('field.followUpItemTemplates')} validateStatus={fieldState.error ? 'error' : ''} help={fieldState.error?.message}>
              <Flex vertical gap={8}>
                {ids.length === 0 && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('followUps.template.noItemTemplates')} style={{ margin: 0 }} />}
                {ids.map((id) => (
                  <Card
                    key={id}
                    size="small"
                    title={itemName(id)}
                    extra={
                      <Button size="small" onClick={() => field.onChange(Object.fromEntries(Object.entries(templates).filter(([key]) => key !== id)))}>
                        {t('followUps.template.useDefault')}
                      </Button>
                    }
                  >
                    <TemplateEditor value={templates[id] ?? []} onChange={(next) => field.onChange({ ...templates, [id]: next })} testId={`template-item-${id}`} />
                  </Card>
                ))}
                <Space.Compact>
                  <Select<number>
                    style={{ width: 260 }}
                    placeholder={t('followUps.template.pickItem')}
                    value={adding}
                    onChange={setAdding}
                    aria-label={t('followUps.template.pickItem')}
                    options={(items.data ?? []).filter((item) => !ids.includes(String(item.id))).map((item) => ({ value: item.id, label: language === 'en' ? item.nameEn || item.nameZh : item.nameZh }))}
                  />
                  <Button
                    icon={<PlusOutlined />}
                    disabled={adding === null}
                    onClick={() => {
                      if (adding === null) return;
                      field.onChange({ ...templates, [String(adding)]: defaults.map((step) => ({ ...step })) });
                      setAdding(null);
                    }}
                  >
                    {t('followUps.template.addItem')}
                  </Button>
                </Space.Compact>
              </Flex>
            </Form.Item>
          );
        }}
      />
      <Flex gap={16} wrap>
        <NumberField control={control} name="followUpOverdueDays" min={1} max={30} suffix={t('followUps.template.days')} />
        <NumberField control={control} name="surveyLowAspect" min={1} max={4} />
        <NumberField control={control} name="surveyLowRecommend" min={0} max={9} />
      </Flex>
    </Flex>
  );
}
