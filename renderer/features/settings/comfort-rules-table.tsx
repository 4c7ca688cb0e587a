/**
 * The comfort rules (seed 000 step 5, seed 004): what a check-in makes for a waiting customer —
 * tea within 5 minutes, magazines, a round every 15 minutes while they wait … Each rule with when
 * it falls due, for whom, and the seed rule it comes from; a manager edits one in a dialog
 * validated by the contract's own schema. An edit applies to the tasks made after it, which the
 * screen says: customers checked in later, the next rounds of those already waiting.
 */
import { EditOutlined } from '@ant-design/icons';
import { Alert, App, Button, Descriptions, Empty, Flex, Form, Input, InputNumber, Modal, Select, Switch, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useId, useState } from 'react';
import { Controller, useForm, type Control } from 'react-hook-form';
import type { z } from 'zod';
import type { ComfortRuleView } from '../../../shared/contract/comfort-rules';
import { ApiCallError } from '../../../shared/contract/errors';
import { clinicDateOf, clinicTimeOf } from '../../../shared/domain/clinic-time';
import { COMFORT_AUDIENCES } from '../../../shared/domain/comfort';
import { changedFields, isStaleSaveDetails } from '../../../shared/domain/record-changes';
import { useApiMutation, useApiQuery } from '../../client/queries';
import { useI18n } from '../../i18n/i18n';
import { errorMessage } from '../../ui/error-message';
import { zodFormResolver } from '../../ui/zod-form-resolver';
import { comfortRuleFormSchema, dueText, sourceText } from './comfort-rule-text';

type RuleForm = z.input<typeof comfortRuleFormSchema>;
const FORM_FIELDS = ['labelZh', 'labelEn', 'appliesTo', 'dueMinutes', 'repeatMinutes', 'active'] as const;

const formValues = (rule: ComfortRuleView): RuleForm => ({
  labelZh: rule.labelZh,
  labelEn: rule.labelEn,
  appliesTo: rule.appliesTo,
  dueMinutes: rule.dueMinutes,
  repeatMinutes: rule.repeatMinutes,
  active: rule.active,
});

function RuleDialog({ rule: opened, onClose }: { rule: ComfortRuleView; onClose(): void }) {
  const { t, language } = useI18n();
  const { message } = App.useApp();
  const save = useApiMutation('comfortRules.save');
  const [failure, setFailure] = useState<string | null>(null);
  // The rule the edit is based on: the one opened, or the newer one loaded after a conflict.
  const [rule, setRule] = useState(opened);
  // Another manager's save since the dialog opened: the rule as stored now.
  const [newer, setNewer] = useState<ComfortRuleView | null>(null);
  const { control, handleSubmit, setError, reset } = useForm<RuleForm>({
    // The contract's schema, its problems said in the user's language (zod-form-resolver.ts).
    resolver: zodFormResolver(comfortRuleFormSchema, language),
    defaultValues: formValues(rule),
  });
  const shown = (field: string, value: unknown): string => {
    if (field === 'appliesTo') return t(`comfortRules.audience.${value as ComfortRuleView['appliesTo']}`);
    if (field === 'active') return t(value ? 'comfortRules.active' : 'comfortRules.inactive');
    return value === null ? '—' : String(value);
  };
  const changes = newer ? changedFields(rule, newer).filter((change) => (FORM_FIELDS as readonly string[]).includes(change.field)) : [];
  const loadNewer = () => {
    if (!newer) return;
    setRule(newer);
    reset(formValues(newer));
    setNewer(null);
    setFailure(null);
  };
  const submit = handleSubmit(async (values) => {
    setFailure(null);
    setNewer(null);
    try {
      await save.mutateAsync({ ...values, id: rule.id, expectedVersion: rule.version });
      void message.success(t('comfortRules.saved'));
      onClose();
    } catch (error) {
      // A field the server refused is shown at the field; anything else (a conflict) above the buttons.
      const field = error instanceof ApiCallError ? error.path?.[0] : undefined;
      const formField = FORM_FIELDS.find((name) => name === field);
      if (error instanceof ApiCallError && error.code === 'invalid' && formField) setError(formField, { message: error.message });
      else setFailure(errorMessage(error, t));
      // A stale save: say what the other manager changed, and offer their version.
      if (error instanceof ApiCallError && error.code === 'conflict' && isStaleSaveDetails(error.details)) setNewer(error.details.current as ComfortRuleView);
    }
  });
  const audienceOptions = COMFORT_AUDIENCES.map((audience) => ({ value: audience, label: t(`comfortRules.audience.${audience}`) }));

  return (
    <Modal
      open
      title={t('comfortRules.editTitle')}
      okText={t('comfortRules.save')}
      cancelText={t('comfortRules.cancel')}
      confirmLoading={save.isPending}
      onOk={() => void submit()}
      onCancel={onClose}
      destroyOnHidden
      width={560}
    >
      <Form layout="vertical" component="div" data-testid="comfort-rule-form">
        <Descriptions size="small" column={1} style={{ marginBottom: 16 }}>
          <Descriptions.Item label={t('comfortRules.form.kind')}>{t(`comfortRules.trigger.${rule.trigger}`)}</Descriptions.Item>
          <Descriptions.Item label={t('comfortRules.column.source')}>{sourceText(rule.source, t, language)}</Descriptions.Item>
        </Descriptions>
        <TextInput control={control} name="labelZh" autoFocus />
        <TextInput control={control} name="labelEn" />
        <Controller
          control={control}
          name="appliesTo"
          render={({ field, fieldState }) => (
            <Form.Item label={t('field.appliesTo')} htmlFor="comfort-rule-appliesTo" validateStatus={fieldState.error ? 'error' : ''} help={fieldState.error?.message}>
              <Select id="comfort-rule-appliesTo" value={field.value} onChange={field.onChange} options={audienceOptions} />
            </Form.Item>
          )}
        />
        <Flex gap={16}>
          <MinutesInput control={control} name="dueMinutes" extra={t(`comfortRules.form.dueHint.${rule.trigger}`)} />
          {rule.trigger === 'round' && <MinutesInput control={control} name="repeatMinutes" extra={t('comfortRules.form.repeatHint')} />}
        </Flex>
        <Controller
          control={control}
          name="active"
          render={({ field }) => (
            <Form.Item label={t('field.active')} htmlFor="comfort-rule-active" extra={t('comfortRules.form.activeHint')}>
              <Switch id="comfort-rule-active" checked={field.value} onChange={field.onChange} />
            </Form.Item>
          )}
        />
        <Alert type="info" showIcon title={t('comfortRules.form.appliesAt')} style={{ marginBottom: failure ? 12 : 0 }} />
        {failure && (
          <Alert
            type="error"
            showIcon
            title={failure}
            role="alert"
            data-testid="comfort-rule-failure"
            description={
              changes.length > 0 ? (
                <ul style={{ margin: 0, paddingInlineStart: 20 }}>
                  {changes.map((change) => (
                    <li key={change.field}>{t('app.changedMeanwhile.item', { field: t(`field.${change.field as (typeof FORM_FIELDS)[number]}`), value: shown(change.field, change.current) })}</li>
                  ))}
                </ul>
              ) : undefined
            }
            action={
              newer ? (
                <Button size="small" type="primary" onClick={loadNewer}>
                  {t('app.changedMeanwhile.reload')}
                </Button>
              ) : undefined
            }
          />
        )}
      </Form>
    </Modal>
  );
}

function TextInput({ control, name, autoFocus }: { control: Control<RuleForm>; name: 'labelZh' | 'labelEn'; autoFocus?: boolean }) {
  const { t } = useI18n();
  const id = `${useId()}-${name}`;
  return (
    <Controller
      control={control}
      name={name}
      render={({ field, fieldState }) => (
        <Form.Item label={t(`field.${name}`)} htmlFor={id} validateStatus={fieldState.error ? 'error' : ''} help={fieldState.error?.message}>
          <Input id={id} {...field} autoFocus={autoFocus} />
        </Form.Item>
      )}
    />
  );
}

/** Minutes, with no clamping of its own: a value out of bounds is the schema's to name. */
function MinutesInput({ control, name, extra }: { control: Control<RuleForm>; name: 'dueMinutes' | 'repeatMinutes'; extra: string }) {
  const { t } = useI18n();
  const id = `${useId()}-${name}`;
  return (
    <Controller
      control={control}
      name={name}
      render={({ field, fieldState }) => (
        <Form.Item label={t(`field.${name}`)} htmlFor={id} extra={extra} validateStatus={fieldState.error ? 'error' : ''} help={fieldState.error?.message} style={{ flex: 1 }}>
          <InputNumber<number> id={id} value={field.value} onChange={(value) => field.onChange(value)} onBlur={field.onBlur} suffix={t('comfortRules.minutes')} style={{ width: '100%' }} />
        </Form.Item>
      )}
    />
  );
}

/** The rules as a table, each with an edit button (the settings page is a manager's). */
export function ComfortRulesTable({ timeZone }: { timeZone: string }) {
  const { t, language } = useI18n();
  const rules = useApiQuery('comfortRules.list', {});
  const [editing, setEditing] = useState<ComfortRuleView | null>(null);

  const columns: TableColumnsType<ComfortRuleView> = [
    {
      title: t('comfortRules.column.rule'),
      key: 'label',
      render: (_value, rule) => (
        <Flex vertical>
          <Typography.Text {...(rule.active ? {} : { type: 'secondary' as const })}>{language === 'en' ? rule.labelEn : rule.labelZh}</Typography.Text>
          <Typography.Text type="secondary" style={{ fontSize: 12 }} lang={language === 'en' ? 'zh-CN' : 'en'}>
            {language === 'en' ? rule.labelZh : rule.labelEn}
          </Typography.Text>
        </Flex>
      ),
    },
    { title: t('comfortRules.column.due'), key: 'due', render: (_value, rule) => dueText(rule, t) },
    { title: t('comfortRules.column.for'), dataIndex: 'appliesTo', render: (_value, rule) => t(`comfortRules.audience.${rule.appliesTo}`) },
    {
      title: t('comfortRules.column.source'),
      key: 'source',
      render: (_value, rule) => <Tag>{sourceText(rule.source, t, language)}</Tag>,
    },
    {
      title: t('comfortRules.column.state'),
      key: 'state',
      render: (_value, rule) => (
        <Flex vertical gap={2}>
          <span>{rule.active ? <Tag color="green">{t('comfortRules.active')}</Tag> : <Tag>{t('comfortRules.inactive')}</Tag>}</span>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {rule.updated ? t('comfortRules.edited', { by: rule.updated.by, at: `${clinicDateOf(rule.updated.at, timeZone)} ${clinicTimeOf(rule.updated.at, timeZone)}` }) : t('comfortRules.asSeeded')}
          </Typography.Text>
        </Flex>
      ),
    },
    {
      title: t('comfortRules.column.actions'),
      key: 'actions',
      width: 100,
      render: (_value, rule) => (
        <Button size="small" icon={<EditOutlined />} onClick={() => setEditing(rule)} aria-label={`${t('comfortRules.edit')} ${language === 'en' ? rule.labelEn : rule.labelZh}`}>
          {t('comfortRules.edit')}
        </Button>
      ),
    },
  ];

  return (
    <Flex vertical gap={12} data-testid="comfort-rules">
      <Alert type="info" showIcon title={t('comfortRules.hint')} />
      {rules.isError && <Alert type="error" showIcon title={errorMessage(rules.error, t)} />}
      <Table<ComfortRuleView>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={rules.data?.rules ?? []}
        loading={rules.isPending}
        pagination={false}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('comfortRules.empty')} /> }}
      />
      {editing && <RuleDialog key={`${editing.id}@${editing.version}`} rule={editing} onClose={() => setEditing(null)} />}
    </Flex>
  );
}
