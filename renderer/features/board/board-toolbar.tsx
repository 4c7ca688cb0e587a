/**
 * The board's toolbar: the check-in box and walk-in, and the filters by doctor, floor and status.
 *
 * Its own memoised component, given lists that stay the same object while their contents do: a
 * check-in elsewhere patches the board's cards (board-patch.ts), and re-rendering three antd
 * Selects, an AutoComplete and the walk-in dialog for it was a third of the page's work per push
 * (a CPU profile of twelve check-ins: ~10 of ~36 ms each; docs/performance.md, 2026-12-05).
 */
import { Select } from 'antd';
import { memo, useState } from 'react';
import { VISIT_STATUSES, type VisitStatus } from '../../../shared/domain/visits';
import { useI18n } from '../../i18n/i18n';
import styles from './board.module.css';
import { CheckIn } from './check-in';

interface BoardToolbarProps {
  /** The doctors and floors on today's cards, for the filters (the same object while they are unchanged). */
  doctors: readonly (readonly [number, string])[];
  floors: readonly number[];
  doctorId: number | undefined;
  onDoctorChange(doctorId: number | undefined): void;
  floor: number | undefined;
  onFloorChange(floor: number | undefined): void;
  statuses: VisitStatus[];
  onStatusesChange(statuses: VisitStatus[]): void;
  /** Null for a role that does not check customers in (no box, no walk-in). */
  checkIn: { timeZone: string; inputId: string; onCheckedIn(visitId: number): void; walkInOpen: boolean; onWalkInOpenChange(open: boolean): void } | null;
}

export const BoardToolbar = memo(function BoardToolbar({ doctors, floors, doctorId, onDoctorChange, floor, onFloorChange, statuses, onStatusesChange, checkIn }: BoardToolbarProps) {
  const { t } = useI18n();
  return (
    <div className={styles.toolbar}>
      {checkIn && <CheckIn {...checkIn} />}
      <Select allowClear placeholder={t('visits.filterDoctor')} style={{ width: 140 }} value={doctorId} onChange={onDoctorChange} options={doctors.map(([id, name]) => ({ value: id, label: name }))} />
      <Select allowClear placeholder={t('visits.filterFloor')} style={{ width: 110 }} value={floor} onChange={onFloorChange} options={floors.map((value) => ({ value, label: t('visits.floor', { floor: value }) }))} />
      <Select
        mode="multiple"
        allowClear
        maxTagCount="responsive"
        placeholder={t('visits.filterStatus')}
        style={{ width: 220 }}
        value={statuses}
        onChange={onStatusesChange}
        options={VISIT_STATUSES.map((status) => ({ value: status, label: t(`visits.status.${status}`) }))}
        data-testid="status-filter"
      />
    </div>
  );
});

/**
 * `value` as it was while `key` is unchanged: a list recomputed from every new board keeps its
 * identity (and a memoised child its render) until what it says changes.
 */
export function useSameWhileEqual<T>(value: T, key: string): T {
  const [kept, setKept] = useState({ key, value });
  if (kept.key !== key) {
    setKept({ key, value });
    return value;
  }
  return kept.value;
}
