/**
 * The audit-log viewer (issue 13 part 8), managers only: every change the console recorded — who,
 * when, on which device, what they did, to which record, and the change itself — newest first,
 * filtered by person, action (one method or a whole domain), dates and record, a page at a time.
 */
import { Alert, Button, DatePicker, Flex, Input, Select, Table, Tag, Tooltip, Typography, type TableColumnsType } from 'antd';
import type { Dayjs } from 'dayjs';
import { useMemo, useState } from 'react';
import type { SessionInfo } from '../../../shared/contract/auth';
import { contract, methodNames } from '../../../shared/contract/index';
import type { AuditEntry } from '../../../shared/contract/staff';
import { clinicDateOf, clinicTimeOf } from '../../../shared/domain/clinic-time';
import { useApiQuery } from '../../client/queries';
import { useI18n } from '../../i18n/i18n';
import { errorMessage } from '../../ui/error-message';

const PAGE_SIZE = 50;
/** Every write of the contract, by domain: what an audit row can name. */
const WRITE_METHODS = methodNames.filter((name) => contract[name].writes);
const DOMAINS = [...new Set(WRITE_METHODS.map((name) => name.split('.')[0] as string))];

/** A record the console has a page for: `customer:12` opens the customer. */
function linkOf(target: string): string | null {
  const [kind, id] = target.split(':');
  if (kind === 'customer' && id && /^\d+$/.test(id)) return `#/customers/${id}`;
  return null;
}

interface Filters {
  staffId?: number | undefined;
  action?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  target?: string | undefined;
}

export function AuditPage({ session }: { session: SessionInfo }) {
  const { t, language } = useI18n();
  const timeZone = session.clinic.settings.timeZone;
  const [filters, setFilters] = useState<Filters>({});
  const [page, setPage] = useState(1);
  const [targetText, setTargetText] = useState('');
  const staff = useApiQuery('staff.list', {});
  const query = Object.fromEntries(Object.entries(filters).filter(([, value]) => value !== undefined)) as { staffId?: number; action?: string; from?: string; to?: string; target?: string };
  const log = useApiQuery('audit.list', { ...query, page, pageSize: PAGE_SIZE });
  const apply = (next: Filters) => {
    setFilters(Object.fromEntries(Object.entries(next).filter(([, value]) => value !== undefined && value !== '')) as Filters);
    setPage(1);
  };

  const actionOptions = useMemo(
    () => DOMAINS.map((domain) => ({ label: domain, options: [{ value: domain, label: `${domain}.*` }, ...WRITE_METHODS.filter((name) => name.startsWith(`${domain}.`)).map((name) => ({ value: name, label: name }))] })),
    [],
  );

  const columns: TableColumnsType<AuditEntry> = [
    { title: t('audit.column.at'), key: 'at', width: 150, render: (_value, entry) => <span style={{ whiteSpace: 'nowrap' }}>{`${clinicDateOf(entry.at, timeZone)} ${clinicTimeOf(entry.at, timeZone)}`}</span> },
    {
      title: t('audit.column.who'),
      key: 'who',
      width: 170,
      render: (_value, entry) =>
        entry.staff ? (
          <Button type="link" size="small" style={{ padding: 0 }} onClick={() => apply({ ...filters, staffId: entry.staff?.id })}>
            {entry.staff.name} · {t(`role.${entry.staff.role}`)}
          </Button>
        ) : (
          <Typography.Text type="secondary">{t('audit.system')}</Typography.Text>
        ),
    },
    {
      title: t('audit.column.action'),
      key: 'action',
      width: 220,
      render: (_value, entry) => {
        const [method, refused] = entry.method.split(':');
        return (
          <Flex gap={4} align="center">
            <Typography.Text code>{method}</Typography.Text>
            {refused ? <Tag color="error">{t('audit.refused').trim()}</Tag> : null}
          </Flex>
        );
      },
    },
    {
      title: t('audit.column.target'),
      key: 'target',
      width: 160,
      render: (_value, entry) => {
        if (!entry.target) return '—';
        const link = linkOf(entry.target);
        return (
          <Flex gap={4}>
            <Button type="link" size="small" style={{ padding: 0 }} onClick={() => { setTargetText(entry.target ?? ''); apply({ ...filters, target: entry.target ?? undefined }); }}>
              {entry.target}
            </Button>
            {link ? <a href={link}>↗</a> : null}
          </Flex>
        );
      },
    },
    { title: t('audit.column.device'), dataIndex: 'device', width: 130, ellipsis: true },
    {
      title: t('audit.column.diff'),
      key: 'diff',
      ellipsis: { showTitle: false },
      render: (_value, entry) => (
        <Tooltip title={<pre style={{ margin: 0, whiteSpace: 'pre-wrap', maxHeight: 360, overflow: 'auto' }}>{pretty(entry.diff)}</pre>} placement="topLeft">
          <Typography.Text style={{ fontFamily: 'ui-monospace, monospace', fontSize: 12 }}>{entry.diff === 'null' ? '—' : entry.diff}</Typography.Text>
        </Tooltip>
      ),
    },
  ];

  return (
    <Flex vertical gap={12} data-testid="audit-page">
      <Typography.Title level={3} style={{ margin: 0 }}>
        {t('audit.title')}
      </Typography.Title>
      <Typography.Text type="secondary">{t('audit.hint')}</Typography.Text>
      <Flex gap={8} wrap align="center">
        <Select<number>
          allowClear
          showSearch
          optionFilterProp="label"
          placeholder={t('audit.filter.person')}
          aria-label={t('audit.filter.person')}
          style={{ width: 200 }}
          {...(filters.staffId !== undefined ? { value: filters.staffId } : { value: null as unknown as number })}
          onChange={(staffId) => apply({ ...filters, staffId })}
          options={(staff.data?.staff ?? []).map((member) => ({ value: member.id, label: `${member.name} · ${t(`role.${member.role}`)}` }))}
        />
        <Select<string> allowClear showSearch placeholder={t('audit.filter.action')} aria-label={t('audit.filter.action')} style={{ width: 240 }} {...(filters.action !== undefined ? { value: filters.action } : { value: null as unknown as string })} onChange={(action) => apply({ ...filters, action })} options={actionOptions} />
        <DatePicker.RangePicker
          aria-label={t('audit.filter.range')}
          onChange={(range: [Dayjs | null, Dayjs | null] | null) => apply({ ...filters, from: range?.[0]?.format('YYYY-MM-DD'), to: range?.[1]?.format('YYYY-MM-DD') })}
        />
        <Input.Search
          allowClear
          placeholder={t('audit.filter.target')}
          aria-label={t('audit.filter.target')}
          style={{ width: 220 }}
          value={targetText}
          onChange={(event) => setTargetText(event.target.value)}
          onSearch={(target) => apply({ ...filters, target: target.trim() || undefined })}
        />
        <Button
          onClick={() => {
            setTargetText('');
            apply({});
          }}
        >
          {t('audit.filter.clear')}
        </Button>
        {log.data && <Typography.Text type="secondary">{t('audit.total', { count: log.data.total })}</Typography.Text>}
      </Flex>
      {log.isError && <Alert type="error" showIcon title={errorMessage(log.error, t)} />}
      <Table<AuditEntry>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={log.data?.entries ?? []}
        loading={log.isFetching}
        data-testid="audit-table"
        locale={{ emptyText: t('audit.empty') }}
        pagination={{ current: page, pageSize: PAGE_SIZE, total: log.data?.total ?? 0, showSizeChanger: false, onChange: setPage, size: 'small', ...(language === 'en' ? {} : {}) }}
      />
    </Flex>
  );
}

function pretty(diff: string): string {
  try {
    return JSON.stringify(JSON.parse(diff), null, 2);
  } catch {
    return diff;
  }
}
