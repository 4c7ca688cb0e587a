/**
 * The booking form. It validates with the contract's own `bookingSchema`, so the form and the
 * server agree on every rule; the shift and overlap rules come back from the server naming the
 * clash, and a manager may then override on purpose.
 */
import { Alert, App, Button, Checkbox, Col, DatePicker, Drawer, Form, Input, InputNumber, Row, Select, Space, TimePicker } from 'antd';
import dayjs from 'dayjs';
import { useEffect } from 'react';
import { Controller, useForm, useWatch } from 'react-hook-form';
import type { z } from 'zod';
import { bookingSchema } from '../../../shared/contract/appointments';
import { ApiCallError } from '../../../shared/contract/errors';
import { APPOINTMENT_KINDS, CHANNELS, DEFAULT_BRING, DEFAULT_DURATION } from '../../../shared/domain/appointments';
import type { MessageKey } from '../../../shared/i18n/messages';
import { useApiMutation, useApiQuery } from '../../client/queries';
import { useI18n } from '../../i18n/i18n';
import { errorMessage, fieldErrorMessage } from '../../ui/error-message';
import { CustomerPicker } from '../customers/customer-picker';
import { SubmitForm } from '../../ui/submit-form';
import { zodFormResolver } from '../../ui/zod-form-resolver';
import { addressFormOf } from '../../../shared/domain/customers';
import { specialtyLabel } from '../../../shared/domain/specialty';

type BookingForm = z.input<typeof bookingSchema>;

export interface BookingPreset {
  date: string;
  time?: string;
  doctorId?: number;
  customerId?: number;
}

interface BookingDrawerProps {
  open: boolean;
  preset: BookingPreset;
  isManager: boolean;
  onClose(): void;
  onBooked(appointmentId: number): void;
}

export function BookingDrawer({ open, preset, isManager, onClose, onBooked }: BookingDrawerProps) {
  const { t, language } = useI18n();
  const { message } = App.useApp();
  const create = useApiMutation('appointments.create');
  const form = useForm<BookingForm>({
    resolver: zodFormResolver(bookingSchema, language),
    defaultValues: blank(preset),
  });
  const { control, handleSubmit, reset, setValue, setError, getValues } = form;

  useEffect(() => {
    if (open) {
      reset(blank(preset));
      create.reset();
    }
    // Only when the drawer opens with a new preset.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [open, preset]);

  const date = useWatch({ control, name: 'date' });
  const kind = useWatch({ control, name: 'kind' });
  const day = useApiQuery('appointments.dayView', { date }, { enabled: open && /^\d{4}-\d{2}-\d{2}$/.test(date) });
  const items = useApiQuery('items.list', {}, { enabled: open });

  // A new kind brings its usual length and what to bring, unless the clerk already typed some.
  useEffect(() => {
    if (!kind) return;
    setValue('durationMinutes', DEFAULT_DURATION[kind]);
    if (!getValues('bring')) setValue('bring', DEFAULT_BRING[kind]);
  }, [kind, setValue, getValues]);

  const submit = handleSubmit(async (values) => {
    try {
      const booked = await create.mutateAsync(values);
      void message.success(
        t('appointments.form.booked', { customer: addressFormOf(booked.customer), date: values.date, time: values.time }),
      );
      onBooked(booked.id);
    } catch (error) {
      if (error instanceof ApiCallError && error.path?.[0] && error.code !== 'conflict') {
        setError(error.path[0] as keyof BookingForm, { message: error.message });
      }
    }
  });

  const label = (key: MessageKey) => t(key);
  const fieldHelp = (message: string | undefined, field: MessageKey) => fieldErrorMessage(message, t(field), t);
  const conflict = create.error instanceof ApiCallError && create.error.code === 'conflict';

  return (
    <Drawer
      open={open}
      onClose={onClose}
      title={t('appointments.form.titleNew')}
      size={560}
      destroyOnHidden
      extra={
        <Button type="primary" onClick={() => void submit()} loading={create.isPending} data-testid="book-submit">
          {t('appointments.form.submit')}
        </Button>
      }
    >
      <SubmitForm onSubmit={submit}>
        <Controller
          control={control}
          name="customerId"
          render={({ field, fieldState }) => (
            <Form.Item label={label('appointments.form.customer')} layout="vertical" required validateStatus={fieldState.error ? 'error' : ''} help={fieldHelp(fieldState.error?.message, 'appointments.form.customer')}>
              <CustomerPicker value={field.value ?? null} onChange={(id) => field.onChange(id)} allowCreate />
            </Form.Item>
          )}
        />
        <Row gutter={12}>
          <Col span={12}>
            <Controller
              control={control}
              name="doctorId"
              render={({ field, fieldState }) => (
                <Form.Item label={label('appointments.form.doctor')} layout="vertical" required validateStatus={fieldState.error ? 'error' : ''} help={fieldHelp(fieldState.error?.message, 'appointments.form.doctor')}>
                  <Select
                    value={field.value}
                    onChange={field.onChange}
                    loading={day.isPending}
                    aria-label={label('appointments.form.doctor')}
                    options={(day.data?.doctors ?? []).map((doctor) => ({
                      value: doctor.id,
                      label: `${doctor.name}${doctor.specialty ? ` · ${specialtyLabel(doctor, language)}` : ''}${doctor.shift ? (language === 'en' ? ` (${doctor.shift.start}–${doctor.shift.end})` : `（${doctor.shift.start}–${doctor.shift.end}）`) : ''}`,
                      disabled: doctor.shift === null || doctor.confirmation === 'absent',
                    }))}
                  />
                </Form.Item>
              )}
            />
          </Col>
          <Col span={12}>
            <Controller
              control={control}
              name="itemId"
              render={({ field }) => (
                <Form.Item label={label('appointments.form.item')} layout="vertical">
                  <Select
                    allowClear
                    showSearch={{ optionFilterProp: 'label' }}
                    value={field.value ?? undefined}
                    onChange={(value) => field.onChange(value ?? null)}
                    aria-label={label('appointments.form.item')}
                    options={(items.data ?? []).filter((item) => item.active).map((item) => ({ value: item.id, label: language === 'en' ? item.nameEn : item.nameZh }))}
                  />
                </Form.Item>
              )}
            />
          </Col>
        </Row>
        <Row gutter={12}>
          <Col span={12}>
            <Controller
              control={control}
              name="kind"
              render={({ field }) => (
                <Form.Item label={label('appointments.form.kind')} layout="vertical" required>
                  <Select value={field.value} onChange={field.onChange} aria-label={label('appointments.form.kind')} options={APPOINTMENT_KINDS.map((value) => ({ value, label: t(`appointment.kind.${value}`) }))} />
                </Form.Item>
              )}
            />
          </Col>
          <Col span={12}>
            <Controller
              control={control}
              name="channel"
              render={({ field }) => (
                <Form.Item label={label('appointments.form.channel')} layout="vertical" required>
                  <Select value={field.value} onChange={field.onChange} aria-label={label('appointments.form.channel')} options={CHANNELS.map((value) => ({ value, label: t(`channel.${value}`) }))} />
                </Form.Item>
              )}
            />
          </Col>
        </Row>
        <Row gutter={12}>
          <Col span={9}>
            <Controller
              control={control}
              name="date"
              render={({ field, fieldState }) => (
                <Form.Item label={label('appointments.form.date')} layout="vertical" required validateStatus={fieldState.error ? 'error' : ''} help={fieldHelp(fieldState.error?.message, 'appointments.form.date')}>
                  <DatePicker
                    value={field.value ? dayjs(field.value) : null}
                    onChange={(value) => field.onChange(value ? value.format('YYYY-MM-DD') : '')}
                    allowClear={false}
                    style={{ width: '100%' }}
                    aria-label={label('appointments.form.date')}
                  />
                </Form.Item>
              )}
            />
          </Col>
          <Col span={7}>
            <Controller
              control={control}
              name="time"
              render={({ field, fieldState }) => (
                <Form.Item label={label('appointments.form.time')} layout="vertical" required validateStatus={fieldState.error ? 'error' : ''} help={fieldHelp(fieldState.error?.message, 'appointments.form.time')}>
                  <TimePicker
                    value={field.value ? dayjs(`2000-01-01T${field.value}`) : null}
                    onChange={(value) => field.onChange(value ? value.format('HH:mm') : '')}
                    format="HH:mm"
                    minuteStep={5}
                    needConfirm={false}
                    style={{ width: '100%' }}
                    aria-label={label('appointments.form.time')}
                  />
                </Form.Item>
              )}
            />
          </Col>
          <Col span={8}>
            <Controller
              control={control}
              name="durationMinutes"
              render={({ field, fieldState }) => (
                <Form.Item label={label('appointments.form.duration')} layout="vertical" required validateStatus={fieldState.error ? 'error' : ''} help={fieldHelp(fieldState.error?.message, 'appointments.form.duration')}>
                  <InputNumber value={field.value} onChange={(value) => field.onChange(value ?? 0)} min={5} max={480} step={5} style={{ width: '100%' }} aria-label={label('appointments.form.duration')} />
                </Form.Item>
              )}
            />
          </Col>
        </Row>
        <Controller
          control={control}
          name="bring"
          render={({ field }) => (
            <Form.Item label={label('appointments.form.bring')} layout="vertical">
              <Input value={field.value ?? ''} onChange={field.onChange} placeholder={t('appointments.form.bringPlaceholder')} aria-label={label('appointments.form.bring')} />
            </Form.Item>
          )}
        />
        <Controller
          control={control}
          name="notes"
          render={({ field }) => (
            <Form.Item label={label('appointments.form.notes')} layout="vertical">
              <Input.TextArea value={field.value ?? ''} onChange={field.onChange} autoSize={{ minRows: 2, maxRows: 5 }} aria-label={label('appointments.form.notes')} />
            </Form.Item>
          )}
        />
        {create.isError && (
          <Alert
            type="error"
            showIcon
            role="alert"
            title={errorMessage(create.error, t)}
            description={conflict && isManager ? t('appointments.form.overrideHint') : undefined}
            style={{ marginBottom: 16 }}
          />
        )}
        {isManager && (
          <Controller
            control={control}
            name="override"
            render={({ field }) => (
              <Checkbox checked={field.value ?? false} onChange={(event) => field.onChange(event.target.checked)}>
                {t('appointments.form.override')}
              </Checkbox>
            )}
          />
        )}
        <Space style={{ marginTop: 16 }}>
          <Button onClick={onClose}>{t('appointments.do.close')}</Button>
          <Button type="primary" htmlType="submit" loading={create.isPending}>
            {t('appointments.form.submit')}
          </Button>
        </Space>
      </SubmitForm>
    </Drawer>
  );
}

function blank(preset: BookingPreset): BookingForm {
  return {
    customerId: preset.customerId as number,
    doctorId: preset.doctorId as number,
    itemId: null,
    kind: 'consultation',
    channel: 'phone',
    date: preset.date,
    time: preset.time ?? '',
    durationMinutes: DEFAULT_DURATION.consultation,
    bring: DEFAULT_BRING.consultation,
    notes: '',
    override: false,
  };
}
