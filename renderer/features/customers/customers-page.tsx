/**
 * Customers: one search box that finds as you type (name, pinyin, initials, phone digits) and a
 * dense list, phones masked. `/` or F3 jumps to the box, ↑/↓ choose, Enter opens; "new customer"
 * registers one, and a phone already on file offers to open that customer instead.
 */
import { PlusOutlined, SearchOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Empty, Flex, Input, Typography } from 'antd';
import { useCallback, useEffect, useMemo, useRef, useState, type ComponentRef, type KeyboardEvent as ReactKeyboardEvent } from 'react';
import type { Customer } from '../../../shared/contract/customers';
import { useApi } from '../../client/api-context';
import { useI18n } from '../../i18n/i18n';
import { errorMessage } from '../../ui/error-message';
import { useCoarsePointer } from '../../ui/use-coarse-pointer';
import { CustomerCreateModal, initialFromQuery } from './customer-create-modal';
import { CustomerResults } from './customer-results';
import { useCustomerSearch } from './use-customer-search';
import styles from './customers-page.module.css';
import { addressFormOf } from '../../../shared/domain/customers';

export function CustomersPage({ navigate, timeZone }: { navigate(path: string): void; timeZone: string }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const api = useApi();
  const [text, setText] = useState('');
  const [active, setActive] = useState(0);
  const [creating, setCreating] = useState(false);
  const box = useRef<ComponentRef<typeof Input>>(null);
  const search = useCustomerSearch(text);
  const results = useMemo(() => search.data?.results ?? [], [search.data]);
  const open = useCallback((id: number) => navigate(`/customers/${id}`), [navigate]);

  useEffect(() => box.current?.focus(), []);
  // `/` (outside a text field) or F3 anywhere jumps to the search box.
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const target = event.target as HTMLElement | null;
      const typing = target && ['INPUT', 'TEXTAREA'].includes(target.tagName);
      if (event.key === 'F3' || (event.key === '/' && !typing)) {
        event.preventDefault();
        box.current?.focus({ cursor: 'all' });
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const onBoxKey = (event: ReactKeyboardEvent) => {
    if (event.key === 'ArrowDown') {
      event.preventDefault();
      setActive((index) => Math.min(index + 1, results.length - 1));
    } else if (event.key === 'ArrowUp') {
      event.preventDefault();
      setActive((index) => Math.max(index - 1, 0));
    } else if (event.key === 'Enter') {
      const row = results[active];
      if (search.settled) {
        if (row) open(row.id);
        return;
      }
      // Enter typed before the last keystroke's results arrived: open the best match for what is typed now.
      void api.call('customers.search', { query: text.trim(), limit: 1 }).then(({ results: [best] }) => best && open(best.id));
    }
  };

  const query = search.query;
  const empty = useMemo(
    () =>
      query ? (
        <Empty description={<>{t('customers.noMatch', { query })}<br />{t('customers.noMatchHint')}</>}>
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
            {t('customers.new')}
          </Button>
        </Empty>
      ) : (
        <Empty description={t('customers.empty')} />
      ),
    [query, t],
  );
  // Everything around the box and the list is kept from render to render: a keystroke re-renders
  // the box, and the list when its answer arrives (antd's Typography cost ~2 ms per key re-rendered).
  const searching = query !== '';
  const header = useMemo(
    () => (
      <Flex justify="space-between" align="end" gap={16}>
        <div>
          <Typography.Title level={3} className={styles.title}>
            {t('customers.title')}
          </Typography.Title>
          <Typography.Text type="secondary">{searching ? t('customers.resultCount', { count: results.length }) : t('customers.recent')}</Typography.Text>
        </div>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
          {t('customers.new')}
        </Button>
      </Flex>
    ),
    [searching, results.length, t],
  );
  // The keys of the search (/, F3, arrows, Enter): not said on a touch device, which has none (issue 13 part 9).
  const touch = useCoarsePointer();
  const hint = useMemo(
    () =>
      touch ? null : (
        <Typography.Text type="secondary" className={styles.hint}>
          {t('customers.searchHint')}
        </Typography.Text>
      ),
    [t, touch],
  );
  // The registration form starts from what is typed; while it is closed nothing changes for it.
  const initial = useMemo(() => (creating ? initialFromQuery(text) : undefined), [creating, text]);
  const onCreated = useCallback(
    (customer: Customer) => {
      setCreating(false);
      void message.success(t('customers.created', { name: addressFormOf(customer) }));
      open(customer.id);
    },
    [message, t, open],
  );
  const onOpenExisting = useCallback(
    (id: number) => {
      setCreating(false);
      open(id);
    },
    [open],
  );
  const closeCreate = useCallback(() => setCreating(false), []);
  return (
    <Flex vertical gap={16}>
      {header}
      <Card size="small">
        <Input
          ref={box}
          size="large"
          allowClear
          prefix={<SearchOutlined />}
          placeholder={t('customers.searchPlaceholder')}
          aria-label={t('field.query')}
          value={text}
          onChange={(event) => {
            setText(event.target.value);
            setActive(0);
          }}
          onKeyDown={onBoxKey}
          data-testid="customer-search"
        />
        {hint}
        {search.isError ? (
          <Alert type="error" showIcon title={errorMessage(search.error, t)} action={<Button onClick={() => void search.refetch()}>{t('app.retry')}</Button>} />
        ) : (
          <CustomerResults
            results={results}
            active={active}
            loading={search.isPending}
            timeZone={timeZone}
            onOpen={open}
            onHover={setActive}
            empty={empty}
          />
        )}
      </Card>
      <CustomerCreateModal open={creating} initial={initial} onClose={closeCreate} onCreated={onCreated} onOpenExisting={onOpenExisting} />
    </Flex>
  );
}
