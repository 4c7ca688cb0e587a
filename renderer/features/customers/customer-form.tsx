/**
 * The customer card form, for registering and for editing. react-hook-form validates with the
 * contract's own schema, so the form and the server agree on every rule (the phone above all).
 * A phone that is already on file offers to open that customer instead of making a duplicate.
 * An edit saved on a card someone else changed meanwhile is refused; the form then says what they
 * changed and offers to load it, never overwriting it.
 */
import { Alert, Button, Col, Flex, Form, Input, InputNumber, Row, Select } from 'antd';
import { useId, useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { createCustomerInputSchema, type CreateCustomerData, type CreateCustomerInput, type Customer } from '../../../shared/contract/customers';
import { ApiCallError } from '../../../shared/contract/errors';
import { CHANNELS } from '../../../shared/domain/appointments';
import { CUSTOMER_TAGS, GENDERS } from '../../../shared/domain/customers';
import { formatPhone } from '../../../shared/domain/phone';
import { isStaleSaveDetails } from '../../../shared/domain/record-changes';
import { useApiMutation } from '../../client/queries';
import { useI18n } from '../../i18n/i18n';
import { errorMessage, fieldErrorMessage } from '../../ui/error-message';
import { zodFormResolver } from '../../ui/zod-form-resolver';
import { CustomerChangedMeanwhile } from './customer-changed-meanwhile';
import { tagLabel } from './customer-labels';

interface CustomerFormProps {
  /** The card being edited; without it the form registers a new customer. */
  customer?: Customer;
  /** Starting values for a new card (e.g. what was typed into a search box). */
  initial?: Partial<CreateCustomerInput> | undefined;
  onSaved(customer: Customer): void;
  onCancel(): void;
  /** Offered when the phone belongs to someone already on file. */
  onOpenExisting?: ((customerId: number) => void) | undefined;
}

function startingValues(customer: Customer | undefined, initial: Partial<CreateCustomerInput> | undefined): CreateCustomerInput {
  if (customer) {
    return {
      name: customer.name,
      phone: formatPhone(customer.phone),
      addressForm: customer.addressForm ?? '',
      gender: customer.gender,
      birthYear: customer.birthYear,
      channel: customer.channel,
      notes: customer.notes,
      tags: customer.tags,
    };
  }
  return { name: '', phone: '', addressForm: '', gender: null, birthYear: null, channel: null, notes: '', tags: [], ...initial };
}

/** The register / edit form. */
export function CustomerForm({ customer: opened, initial, onSaved, onCancel, onOpenExisting }: CustomerFormProps) {
  const { t, language } = useI18n();
  const create = useApiMutation('customers.create');
  const update = useApiMutation('customers.update');
  const [failure, setFailure] = useState<ApiCallError | Error | null>(null);
  // The card the edit is based on: the one opened, or the newer one loaded after a conflict.
  const [customer, setCustomer] = useState(opened);
  // Labels point at their inputs (no `name` on Form.Item, so antd does not link them itself).
  const idPrefix = useId();
  const idOf = (field: string) => `${idPrefix}-${field}`;
  const { control, handleSubmit, setError, reset } = useForm<CreateCustomerInput, unknown, CreateCustomerData>({
    resolver: zodFormResolver(createCustomerInputSchema, language),
    defaultValues: startingValues(customer, initial),
  });

  const submit = handleSubmit(async (values) => {
    setFailure(null);
    try {
      const saved = customer
        ? await update.mutateAsync({ ...values, id: customer.id, expectedVersion: customer.version })
        : await create.mutateAsync(values);
      onSaved(saved);
    } catch (error) {
      const field = error instanceof ApiCallError ? error.path?.[0] : undefined;
      if (error instanceof ApiCallError && error.code === 'invalid' && typeof field === 'string' && field in values) {
        setError(field as keyof CreateCustomerInput, { message: error.message });
      } else {
        setFailure(error instanceof Error ? error : new Error(String(error)));
      }
    }
  });

  const stale = failure instanceof ApiCallError && failure.code === 'conflict' && isStaleSaveDetails(failure.details) ? { failure, details: failure.details } : null;
  const existingId = !stale && failure instanceof ApiCallError && failure.code === 'conflict' ? Number(failure.details?.customerId) || null : null;
  const reload = (current: Customer) => {
    setCustomer(current);
    reset(startingValues(current, undefined));
    setFailure(null);
  };
  const pending = create.isPending || update.isPending;

  return (
    <Form layout="vertical" onFinish={() => void submit()} data-testid="customer-form" requiredMark>
      <Row gutter={16}>
        <Col span={12}>
          <Controller
            control={control}
            name="name"
            render={({ field, fieldState }) => (
              <Form.Item htmlFor={idOf('name')} label={t('field.name')} required validateStatus={fieldState.error ? 'error' : ''} help={fieldErrorMessage(fieldState.error?.message, t('field.name'), t)}>
                <Input {...field} id={idOf('name')} autoFocus placeholder={t('customers.placeholder.name')} showCount count={{ max: 40 }} />
              </Form.Item>
            )}
          />
        </Col>
        <Col span={12}>
          <Controller
            control={control}
            name="addressForm"
            render={({ field, fieldState }) => (
              <Form.Item htmlFor={idOf('addressForm')} label={t('field.addressForm')} validateStatus={fieldState.error ? 'error' : ''} help={fieldErrorMessage(fieldState.error?.message, t('field.addressForm'), t)}>
                <Input {...field} id={idOf('addressForm')} value={field.value ?? ''} placeholder={t('customers.placeholder.addressForm')} showCount count={{ max: 20 }} />
              </Form.Item>
            )}
          />
        </Col>
      </Row>
      <Controller
        control={control}
        name="phone"
        render={({ field, fieldState }) => (
          <Form.Item htmlFor={idOf('phone')} label={t('field.phone')} required validateStatus={fieldState.error ? 'error' : ''} help={fieldErrorMessage(fieldState.error?.message, t('field.phone'), t)}>
            <Input {...field} id={idOf('phone')} inputMode="tel" placeholder={t('customers.placeholder.phone')} count={{ max: 32 }} />
          </Form.Item>
        )}
      />
      <Row gutter={16}>
        <Col span={8}>
          <Controller
            control={control}
            name="gender"
            render={({ field }) => (
              <Form.Item htmlFor={idOf('gender')} label={t('field.gender')}>
                <Select
                  id={idOf('gender')}
                  value={field.value ?? undefined}
                  onChange={(value) => field.onChange(value ?? null)}
                  allowClear
                  options={GENDERS.map((gender) => ({ value: gender, label: t(`customers.gender.${gender}`) }))}
                />
              </Form.Item>
            )}
          />
        </Col>
        <Col span={8}>
          <Controller
            control={control}
            name="birthYear"
            render={({ field, fieldState }) => (
              <Form.Item htmlFor={idOf('birthYear')} label={t('field.birthYear')} validateStatus={fieldState.error ? 'error' : ''} help={fieldErrorMessage(fieldState.error?.message, t('field.birthYear'), t)}>
                <InputNumber<number>
                  id={idOf('birthYear')}
                  value={field.value ?? null}
                  onChange={(value) => field.onChange(value ?? null)}
                  placeholder={t('customers.placeholder.birthYear')}
                  controls={false}
                  style={{ width: '100%' }}
                />
              </Form.Item>
            )}
          />
        </Col>
        <Col span={8}>
          <Controller
            control={control}
            name="channel"
            render={({ field }) => (
              <Form.Item htmlFor={idOf('channel')} label={t('customers.label.channel')}>
                <Select
                  id={idOf('channel')}
                  value={field.value ?? undefined}
                  onChange={(value) => field.onChange(value ?? null)}
                  allowClear
                  options={CHANNELS.map((channel) => ({ value: channel, label: t(`channel.${channel}`) }))}
                />
              </Form.Item>
            )}
          />
        </Col>
      </Row>
      <Controller
        control={control}
        name="tags"
        render={({ field }) => (
          <Form.Item htmlFor={idOf('tags')} label={t('field.tags')}>
            <Select
              id={idOf('tags')}
              mode="multiple"
              value={field.value ?? []}
              onChange={field.onChange}
              options={CUSTOMER_TAGS.map((tag) => ({ value: tag, label: t(tagLabel(tag)) }))}
            />
          </Form.Item>
        )}
      />
      <Controller
        control={control}
        name="notes"
        render={({ field, fieldState }) => (
          <Form.Item htmlFor={idOf('notes')} label={t('customers.label.notes')} validateStatus={fieldState.error ? 'error' : ''} help={fieldErrorMessage(fieldState.error?.message, t('customers.label.notes'), t)}>
            <Input.TextArea {...field} id={idOf('notes')} value={field.value ?? ''} autoSize={{ minRows: 2, maxRows: 6 }} showCount count={{ max: 2000 }} />
          </Form.Item>
        )}
      />
      {stale && customer ? (
        <CustomerChangedMeanwhile failure={stale.failure} details={stale.details} loaded={customer} onReload={reload} t={t} />
      ) : failure ? (
        <Alert
          type={existingId ? 'warning' : 'error'}
          showIcon
          title={errorMessage(failure, t)}
          style={{ marginBottom: 16 }}
          action={
            existingId && onOpenExisting ? (
              <Button size="small" type="primary" onClick={() => onOpenExisting(existingId)}>
                {t('customers.openExisting')}
              </Button>
            ) : undefined
          }
        />
      ) : null}
      <Flex justify="end" gap={8}>
        <Button onClick={onCancel}>{t('customers.cancel')}</Button>
        <Button type="primary" htmlType="submit" loading={pending}>
          {customer ? t('customers.save') : t('customers.create')}
        </Button>
      </Flex>
    </Form>
  );
}
