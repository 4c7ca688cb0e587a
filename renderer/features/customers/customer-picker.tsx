/**
 * Picks a customer by typing: name, pinyin, initials or phone digits, searched as you type
 * (`customers.search`, phones masked). With `allowCreate`, a "+ new customer" option registers
 * one inline and selects them. Used by the booking form.
 */
import { Flex, Select, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import type { Customer, CustomerSummary } from '../../../shared/contract/customers';
import { maskPhone } from '../../../shared/domain/phone';
import { useApi } from '../../client/api-context';
import { useI18n } from '../../i18n/i18n';
import { CustomerCreateModal, initialFromQuery } from './customer-create-modal';
import { TAG_COLORS, tagLabel } from './customer-labels';
import { RecentSummaries } from './recent-summaries';
import { useCustomerSearch } from './use-customer-search';
import { addressFormOf } from '../../../shared/domain/customers';

export interface CustomerPickerProps {
  /** The chosen customer's id, or null for none. */
  value: number | null;
  /**
   * Called with the chosen id and its summary (address form, name, masked phone, tags, last
   * visit) — also after a customer was registered through the "+ new customer" option.
   */
  onChange(id: number, customer: CustomerSummary): void;
  /** Offers "+ new customer", which opens the registration form and selects the new customer. */
  allowCreate?: boolean;
}

const NEW_CUSTOMER = -1;

/** Summaries shown lately, so a chosen customer keeps its label after the search moves on. */
const seen = new RecentSummaries();

/**
 * A customer search-select.
 *
 * @example
 * <CustomerPicker value={customerId} onChange={(id) => setValue('customerId', id)} allowCreate />
 */
export function CustomerPicker({ value, onChange, allowCreate = false }: CustomerPickerProps) {
  const { t } = useI18n();
  const api = useApi();
  const [text, setText] = useState('');
  /** The text typed when "+ new customer" was chosen; null while the form is closed. */
  const [creatingFrom, setCreatingFrom] = useState<string | null>(null);
  const search = useCustomerSearch(text, 12);
  const results = useMemo(() => search.data?.results ?? [], [search.data]);
  for (const row of results) seen.remember(row);
  const chosen = value !== null ? seen.get(value) : undefined;

  const choose = (customer: Customer) => {
    const summary = summaryOf(customer);
    seen.remember(summary);
    onChange(customer.id, summary);
  };

  const options = [
    ...results.map((row) => ({ value: row.id, label: <CustomerOption row={row} />, title: row.name })),
    ...(chosen && !results.some((row) => row.id === chosen.id) ? [{ value: chosen.id, label: <CustomerOption row={chosen} />, title: chosen.name }] : []),
    ...(allowCreate
      ? [{ value: NEW_CUSTOMER, label: <Typography.Link>{text.trim() && !/^[a-z\s]+$/i.test(text.trim()) ? t('customers.pickerNewNamed', { query: text.trim() }) : t('customers.pickerNew')}</Typography.Link>, title: t('customers.pickerNew') }]
      : []),
  ];

  return (
    <>
      <Select<number>
        data-testid="customer-picker"
        // Whether the list still waits for the answer to what was typed: a later answer may move an
        // option under the pointer (the e2e suite waits for "false" before clicking one).
        data-searching={String(search.isFetching || !search.settled)}
        value={value}
        placeholder={t('customers.pickerPlaceholder')}
        showSearch={{ filterOption: false, onSearch: setText, searchValue: text, autoClearSearchValue: false }}
        loading={search.isFetching}
        notFoundContent={search.isFetching ? null : <Typography.Text type="secondary">{t('customers.noMatch', { query: text.trim() })}</Typography.Text>}
        options={options}
        optionLabelProp="title"
        onChange={(id) => {
          if (id === NEW_CUSTOMER) {
            setCreatingFrom(text);
            return;
          }
          const row = seen.get(id);
          if (row) onChange(id, row);
        }}
        style={{ width: '100%' }}
        labelRender={({ value: id }) => {
          const row = typeof id === 'number' ? seen.get(id) : undefined;
          return row ? `${addressFormOf(row)} · ${row.name} · ${row.phoneMasked}` : `#${String(id)}`;
        }}
      />
      <CustomerCreateModal
        open={creatingFrom !== null}
        initial={initialFromQuery(creatingFrom ?? '')}
        onClose={() => setCreatingFrom(null)}
        onCreated={(customer) => {
          setCreatingFrom(null);
          setText('');
          choose(customer);
        }}
        onOpenExisting={(id) => {
          // The phone is on file: choose that customer instead of registering a duplicate.
          setCreatingFrom(null);
          void api.call('customers.get', { id }).then(({ customer }) => choose(customer));
        }}
      />
    </>
  );
}

function summaryOf(customer: Customer): CustomerSummary {
  return {
    id: customer.id,
    name: customer.name,
    addressForm: customer.addressForm,
    phoneMasked: maskPhone(customer.phone),
    gender: customer.gender,
    tags: customer.tags,
    lastVisitAt: customer.lastVisitAt,
  };
}

function CustomerOption({ row }: { row: CustomerSummary }) {
  const { t } = useI18n();
  return (
    <Flex gap={8} align="center" justify="space-between">
      <span>
        <strong>{addressFormOf(row)}</strong>
        <Typography.Text type="secondary"> · {row.name} · {row.phoneMasked}</Typography.Text>
      </span>
      <span>
        {row.tags.map((tag) => (
          <Tag key={tag} color={TAG_COLORS[tag]} style={{ marginInlineEnd: 4 }}>
            {t(tagLabel(tag))}
          </Tag>
        ))}
      </span>
    </Flex>
  );
}
