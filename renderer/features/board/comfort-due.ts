/** How a comfort task's due time reads on the board, its panel and its timeline. */
import type { ComfortTaskView } from '../../../shared/contract/visits';
import { dueState } from '../../../shared/domain/durations';
import type { useI18n } from '../../i18n/i18n';

/** "in 4 min" / "8 min overdue", from the clock the board ticks. */
export function dueText(task: ComfortTaskView, now: number, t: ReturnType<typeof useI18n>['t']) {
  // The shared reading of a due time (shared/domain/durations.ts): due now, in N, or N overdue.
  const state = dueState(task.dueAt, now);
  if (state.kind === 'dueNow') return t('comfort.dueNow');
  return state.kind === 'overdue' ? t('comfort.overdueBy', { count: state.minutes }) : t('comfort.dueIn', { count: state.minutes });
}
