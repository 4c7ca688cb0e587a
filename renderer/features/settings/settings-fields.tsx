/**
 * The settings form's inputs: each an antd input inside react-hook-form's `Controller`, its label
 * from the catalogue's `field.<name>` and its error from the contract's own schema.
 */
import { Form, Input, InputNumber, Select, Switch, TimePicker } from 'antd';
import dayjs from 'dayjs';
import { useId, type ReactNode } from 'react';
import { Controller, type Control } from 'react-hook-form';
import type { Settings } from '../../../shared/domain/settings';
import type { MessageKey } from '../../../shared/i18n/messages';
import { useI18n } from '../../i18n/i18n';
import { fieldErrorMessage } from '../../ui/error-message';

type Keys<Value> = { [K in keyof Settings]: Settings[K] extends Value ? K : never }[keyof Settings];

interface FieldProps<Name extends keyof Settings> {
  control: Control<Settings>;
  name: Name;
  extra?: ReactNode;
}

/** The label and error wrapper every field shares. */
function useField(name: keyof Settings) {
  const { t } = useI18n();
  const id = `${useId()}-${name}`;
  const label = t(`field.${name}` as MessageKey);
  return { id, label, help: (message: string | undefined) => fieldErrorMessage(message, label, t) };
}

/** `lang`: the language of the text typed in (zh-CN for the Chinese twin of an English field). */
export function TextField({ control, name, extra, rows, placeholder, lang }: FieldProps<Keys<string>> & { rows?: number; placeholder?: string; lang?: string }) {
  const field = useField(name);
  return (
    <Controller
      control={control}
      name={name}
      render={({ field: input, fieldState }) => (
        <Form.Item label={field.label} htmlFor={field.id} extra={extra} validateStatus={fieldState.error ? 'error' : ''} help={field.help(fieldState.error?.message)}>
          {rows ? (
            <Input.TextArea id={field.id} {...input} value={String(input.value)} rows={rows} placeholder={placeholder} lang={lang} />
          ) : (
            <Input id={field.id} {...input} value={String(input.value)} placeholder={placeholder} lang={lang} />
          )}
        </Form.Item>
      )}
    />
  );
}

export function MinutesField({ control, name, extra }: FieldProps<Keys<number>>) {
  const field = useField(name);
  const { t } = useI18n();
  return (
    <Controller
      control={control}
      name={name}
      render={({ field: input, fieldState }) => (
        <Form.Item label={field.label} htmlFor={field.id} extra={extra} validateStatus={fieldState.error ? 'error' : ''} help={field.help(fieldState.error?.message)}>
          <InputNumber id={field.id} min={1} max={480} value={input.value} onChange={(value) => input.onChange(value ?? 0)} onBlur={input.onBlur} suffix={t('settings.minutes')} style={{ width: 160 }} />
        </Form.Item>
      )}
    />
  );
}

export function ClockField({ control, name }: FieldProps<'opensAt' | 'closesAt'>) {
  const field = useField(name);
  return (
    <Controller
      control={control}
      name={name}
      render={({ field: input, fieldState }) => (
        <Form.Item label={field.label} htmlFor={field.id} validateStatus={fieldState.error ? 'error' : ''} help={field.help(fieldState.error?.message)}>
          <TimePicker
            id={field.id}
            format="HH:mm"
            minuteStep={5}
            allowClear={false}
            needConfirm={false}
            value={dayjs(`2000-01-01T${input.value}`)}
            onChange={(value) => input.onChange(value ? value.format('HH:mm') : input.value)}
          />
        </Form.Item>
      )}
    />
  );
}

export function ChoiceField<Name extends 'slipPaper' | 'slipPrivacy' | 'displayNameMode'>({
  control,
  name,
  options,
  extra,
}: FieldProps<Name> & { options: { value: Settings[Name]; label: string }[] }) {
  const field = useField(name);
  return (
    <Controller
      control={control}
      name={name}
      render={({ field: input, fieldState }) => (
        <Form.Item label={field.label} htmlFor={field.id} extra={extra} validateStatus={fieldState.error ? 'error' : ''} help={field.help(fieldState.error?.message)}>
          <Select id={field.id} value={input.value} onChange={input.onChange} options={options} style={{ maxWidth: 360 }} />
        </Form.Item>
      )}
    />
  );
}

export function SwitchField({ control, name, extra }: FieldProps<Keys<boolean>>) {
  const field = useField(name);
  return (
    <Controller
      control={control}
      name={name}
      render={({ field: input }) => (
        <Form.Item label={field.label} htmlFor={field.id} extra={extra}>
          <Switch id={field.id} checked={input.value} onChange={input.onChange} />
        </Form.Item>
      )}
    />
  );
}

/** A small count (how many rows a screen lists), between `min` and `max`. */
export function CountField({
  control,
  name,
  extra,
  min,
  max,
}: FieldProps<'displayCalledCount' | 'displayWaitingCount' | 'lanPort' | 'retentionMedicalRecordYears' | 'retentionAccessLogYears' | 'retentionAuditLogYears' | 'retentionInactiveCustomerYears'> & { min: number; max: number }) {
  const field = useField(name);
  return (
    <Controller
      control={control}
      name={name}
      render={({ field: input, fieldState }) => (
        <Form.Item label={field.label} htmlFor={field.id} extra={extra} validateStatus={fieldState.error ? 'error' : ''} help={field.help(fieldState.error?.message)}>
          <InputNumber id={field.id} min={min} max={max} precision={0} value={input.value} onChange={(value) => input.onChange(value ?? min)} onBlur={input.onBlur} style={{ width: 120 }} />
        </Form.Item>
      )}
    />
  );
}
