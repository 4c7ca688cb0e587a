/**
 * The search's result list: at most 20 rows, replaced on every key. A plain table, not antd's
 * Table (whose columns, cells and contexts cost most of each keystroke's render: docs/performance.md)
 * nor antd's Tag (its theme-token hooks ran for every tag of every row: plain-tag.ts),
 * styled like antd's small table from its own CSS variables. Rows are memoised, so ↑/↓ re-render
 * the two rows that change and a keystroke whose results have not arrived re-renders none.
 */
import { Spin } from 'antd';
import { memo, type ReactNode } from 'react';
import type { CustomerSummary } from '../../../shared/contract/customers';
import { useI18n } from '../../i18n/i18n';
import { TAG_COLORS, tagLabel } from './customer-labels';
import { formatClinicDateTime } from './format-clinic-date-time';
import styles from './customer-results.module.css';
import { plainTagClass } from '../../ui/plain-tag';
import { addressFormOf } from '../../../shared/domain/customers';

interface RowProps {
  row: CustomerSummary;
  index: number;
  active: boolean;
  timeZone: string;
  onOpen(id: number): void;
  onHover(index: number): void;
}

const ResultRow = memo(function ResultRow({ row, index, active, timeZone, onOpen, onHover }: RowProps) {
  const { t } = useI18n();
  return (
    <tr data-row-key={row.id} aria-selected={active} className={active ? styles.active : undefined} onClick={() => onOpen(row.id)} onMouseEnter={() => onHover(index)}>
      <td>
        <span className={styles.addressForm}>{addressFormOf(row)}</span>
        <span className={styles.secondary}>{row.name}</span>
      </td>
      <td className={styles.phone}>{row.phoneMasked}</td>
      <td>
        <span className={styles.tags}>
          {row.tags.map((tag) => (
            <span key={tag} className={plainTagClass(TAG_COLORS[tag])}>
              {t(tagLabel(tag))}
            </span>
          ))}
        </span>
      </td>
      <td>{row.lastVisitAt ? formatClinicDateTime(row.lastVisitAt, timeZone) : <span className={styles.secondary}>{t('customers.never')}</span>}</td>
    </tr>
  );
});

interface CustomerResultsProps {
  results: readonly CustomerSummary[];
  /** The row ↑/↓ chose, which Enter opens. */
  active: number;
  /** The first answer is still on its way (later keys keep the previous rows meanwhile). */
  loading: boolean;
  timeZone: string;
  onOpen(id: number): void;
  onHover(index: number): void;
  /** What an empty list says (no match, or no customer yet). */
  empty: ReactNode;
}

/** The results as a table whose rows carry `data-row-key` (the customer's id). */
export const CustomerResults = memo(function CustomerResults({ results, active, loading, timeZone, onOpen, onHover, empty }: CustomerResultsProps) {
  const { t } = useI18n();
  return (
    <Spin spinning={loading}>
      <div className={styles.results} data-testid="customer-results">
        <table className={styles.table}>
          <colgroup>
            <col />
            <col style={{ width: 160 }} />
            <col />
            <col style={{ width: 160 }} />
          </colgroup>
          <thead>
            <tr>
              <th scope="col">{t('customers.column.customer')}</th>
              <th scope="col">{t('customers.column.phone')}</th>
              <th scope="col">{t('customers.column.tags')}</th>
              <th scope="col">{t('customers.column.lastVisit')}</th>
            </tr>
          </thead>
          <tbody>
            {results.map((row, index) => (
              <ResultRow key={row.id} row={row} index={index} active={index === active} timeZone={timeZone} onOpen={onOpen} onHover={onHover} />
            ))}
          </tbody>
        </table>
        {results.length === 0 && !loading && <div className={styles.empty}>{empty}</div>}
      </div>
    </Spin>
  );
});
