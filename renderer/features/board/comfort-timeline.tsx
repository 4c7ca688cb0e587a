/**
 * A card's comfort timeline (seed 004 rule 26): every task of the visit, done (by whom), missed or
 * still due, in antd's Popover. Loaded after the board's first frame (ui/later.tsx): a card shows
 * only the "comfort 2/3" button until someone opens it.
 */
import { Popover, Spin, Timeline, Typography } from 'antd';
import type { ReactNode } from 'react';
import type { BoardCard, ComfortTaskView } from '../../../shared/contract/visits';
import { clinicTimeOf } from '../../../shared/domain/clinic-time';
import { isFinished } from '../../../shared/domain/visits';
import { isOverdue } from '../../../shared/domain/durations';
import { useApiQuery } from '../../client/queries';
import { useI18n } from '../../i18n/i18n';
import { errorMessage } from '../../ui/error-message';
import { dueText } from './comfort-due';

/** What a timeline entry says after its label: by whom, missed (due at, withdrawn at), or when due. */
function entryStatus(task: ComfortTaskView, now: number, timeZone: string, t: ReturnType<typeof useI18n>['t']) {
  if (task.doneAt) return task.doneBy ?? '';
  if (task.missedAt) return t('comfort.missedEntry', { due: clinicTimeOf(task.dueAt, timeZone), at: clinicTimeOf(task.missedAt, timeZone) });
  return dueText(task, now, t);
}

/** The timeline's entries: done (green, by whom), missed or overdue (red), or still due (grey). */
function TimelineItems({ tasks, now, timeZone }: { tasks: readonly ComfortTaskView[]; now: number; timeZone: string }) {
  const { t, language } = useI18n();
  return (
    <Timeline
      items={tasks.map((task) => ({
        color: task.doneAt ? 'green' : task.missedAt || isOverdue(task.dueAt, now) ? 'red' : 'gray',
        content: `${clinicTimeOf(task.doneAt ?? task.dueAt, timeZone)} ${language === 'en' ? task.labelEn : task.label} · ${entryStatus(task, now, timeZone, t)}`,
      }))}
    />
  );
}

/** A finished visit's timeline is not in the snapshot: read when someone opens it. */
function FinishedTimeline({ visitId, now, timeZone }: { visitId: number; now: number; timeZone: string }) {
  const { t } = useI18n();
  const timeline = useApiQuery('comfort.timeline', { visitId });
  if (timeline.isError) return <Typography.Text type="danger">{errorMessage(timeline.error, t)}</Typography.Text>;
  if (!timeline.data) return <Spin size="small" />;
  return <TimelineItems tasks={timeline.data.tasks} now={now} timeZone={timeZone} />;
}

/** The popover a card's "comfort 2/3" button opens; a finished visit's timeline is read then. */
export function TimelinePopover({ card, now, timeZone, open, onOpenChange, children }: { card: BoardCard; now: number; timeZone: string; open: boolean; onOpenChange(open: boolean): void; children: ReactNode }) {
  const { t } = useI18n();
  return (
    <Popover
      open={open}
      onOpenChange={onOpenChange}
      trigger="click"
      title={t('comfort.timeline')}
      content={isFinished(card.status) ? <FinishedTimeline visitId={card.visitId} now={now} timeZone={timeZone} /> : <TimelineItems tasks={card.comfort} now={now} timeZone={timeZone} />}
    >
      {children}
    </Popover>
  );
}
