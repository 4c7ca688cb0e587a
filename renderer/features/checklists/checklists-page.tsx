/**
 * The daily checklists screen (#/checklists): today's checklists as cards (seed 000 step 4: the
 * lobby before opening; seed 004 rules 14 and 17: the wards restocked and counted). One click
 * ticks an item OK, one marks it missing with a note. The checklists for the signed-in role come
 * first. Keys: ↑/↓ choose an item, Space/Enter OK, M missing, C complete the focused checklist.
 */
import { EditOutlined } from '@ant-design/icons';
import { Alert, App, Button, Col, Empty, Flex, Row, Spin, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import type { SessionInfo } from '../../../shared/contract/auth';
import type { ChecklistItem, DayChecklist } from '../../../shared/contract/checklists';
import { checklistStatus } from '../../../shared/domain/checklists';
import { useApiMutation, useApiQuery } from '../../client/queries';
import { useServerNow } from '../../client/server-clock';
import { useI18n } from '../../i18n/i18n';
import { useCan } from '../../ui/permissions';
import { errorMessage } from '../../ui/error-message';
import { formatClinicDate } from '../../ui/format';
import { ChecklistCard } from './checklist-card';
import { MissingDialog } from './missing-dialog';
import { TemplateEditor } from './template-editor';

/** How often the desk re-reads the (server's) clock to turn a card overdue without a refetch. */
const CLOCK_TICK_MS = 30_000;

export function ChecklistsPage({ session }: { session: SessionInfo }) {
  const { t, language } = useI18n();
  const { message } = App.useApp();
  const date = session.clinic.today;
  const timeZone = session.clinic.settings.timeZone;
  const role = session.staff.role;
  const canTick = useCan('checklists.tick');
  const isManager = useCan('checklists.saveTemplate');
  const now = useServerNow(CLOCK_TICK_MS);
  const today = useApiQuery('checklists.today', { date });
  const tick = useApiMutation('checklists.tick');
  const complete = useApiMutation('checklists.complete');
  const [focus, setFocus] = useState<{ card: number; item: number }>({ card: 0, item: 0 });
  const [missingFor, setMissingFor] = useState<{ templateId: number; item: ChecklistItem } | null>(null);
  const [editorOpen, setEditorOpen] = useState(false);

  // The role's own checklists first (a template's role says who it is for), then by due time.
  const checklists = useMemo(() => {
    const list = [...(today.data?.checklists ?? [])];
    return list.sort((a, b) => Number(b.role === role) - Number(a.role === role) || a.dueTime.localeCompare(b.dueTime));
  }, [today.data, role]);

  const tickOk = (checklist: DayChecklist, item: ChecklistItem) =>
    tick.mutate(
      // A count item ticked OK means every one expected is there.
      { runDate: date, templateId: checklist.templateId, itemId: item.id, status: 'ok', ...(item.kind === 'count' ? { count: item.expectedCount ?? 0 } : {}) },
      { onError: (error) => void message.error(errorMessage(error, t)) },
    );

  const completeChecklist = (checklist: DayChecklist) =>
    complete.mutate(
      { date, templateId: checklist.templateId },
      {
        onSuccess: () => void message.success(t('checklists.completed')),
        onError: (error) => void message.error(errorMessage(error, t)),
      },
    );

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const target = event.target as HTMLElement | null;
      if (target && (['INPUT', 'TEXTAREA', 'BUTTON'].includes(target.tagName) || target.isContentEditable)) return;
      if (event.ctrlKey || event.metaKey || event.altKey || missingFor || editorOpen) return;
      const flat = checklists.flatMap((checklist, card) => checklist.items.map((_, item) => ({ card, item })));
      const position = flat.findIndex((entry) => entry.card === focus.card && entry.item === focus.item);
      if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
        event.preventDefault();
        const next = flat[Math.max(0, Math.min(flat.length - 1, position + (event.key === 'ArrowDown' ? 1 : -1)))];
        if (next) setFocus(next);
        return;
      }
      const checklist = checklists[focus.card];
      const item = checklist?.items[focus.item];
      if (!checklist || !item || !canTick || checklist.run?.completedAt) return;
      const key = event.key.toLowerCase();
      if (key === ' ' || key === 'enter') {
        event.preventDefault();
        tickOk(checklist, item);
      } else if (key === 'm') {
        event.preventDefault();
        setMissingFor({ templateId: checklist.templateId, item });
      } else if (key === 'c') {
        event.preventDefault();
        completeChecklist(checklist);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  });

  if (today.isPending) return <Spin />;
  if (today.isError) {
    return <Alert type="error" showIcon title={errorMessage(today.error, t)} action={<Button onClick={() => void today.refetch()}>{t('app.retry')}</Button>} />;
  }

  return (
    <Flex vertical gap={12}>
      <Flex justify="space-between" align="start" gap={12} wrap>
        <div>
          <Typography.Title level={3} style={{ margin: 0 }}>
            {t('checklists.title')}
          </Typography.Title>
          <Typography.Text type="secondary">
            {formatClinicDate(date, language)} · {t('checklists.hint')}
          </Typography.Text>
        </div>
        {isManager ? (
          <Button icon={<EditOutlined />} onClick={() => setEditorOpen(true)}>
            {t('checklists.action.edit')}
          </Button>
        ) : null}
      </Flex>
      {checklists.length === 0 ? <Empty description={t('checklists.empty')} /> : null}
      <Row gutter={[12, 12]}>
        {checklists.map((checklist, card) => (
          <Col key={checklist.templateId} xs={24} lg={12} xxl={8}>
            <ChecklistCard
              checklist={checklist}
              status={checklistStatus({ dueTime: checklist.dueTime }, { date, completedAt: checklist.run?.completedAt ?? null, ticked: checklist.ticked }, now, timeZone)}
              timeZone={timeZone}
              canTick={canTick}
              focusedItem={focus.card === card ? focus.item : null}
              busy={(tick.isPending && tick.variables.templateId === checklist.templateId) || (complete.isPending && complete.variables.templateId === checklist.templateId)}
              onFocusItem={(item) => setFocus({ card, item })}
              onOk={(item) => tickOk(checklist, item)}
              onMissing={(item) => setMissingFor({ templateId: checklist.templateId, item })}
              onComplete={() => completeChecklist(checklist)}
            />
          </Col>
        ))}
      </Row>
      <MissingDialog
        item={missingFor?.item ?? null}
        busy={tick.isPending}
        error={tick.isError && missingFor ? errorMessage(tick.error, t) : null}
        onCancel={() => {
          setMissingFor(null);
          tick.reset();
        }}
        onSave={({ note, count }) => {
          if (!missingFor) return;
          tick.mutate(
            { runDate: date, templateId: missingFor.templateId, itemId: missingFor.item.id, status: 'missing', ...(note ? { note } : {}), ...(count !== undefined ? { count } : {}) },
            { onSuccess: () => setMissingFor(null) },
          );
        }}
      />
      {isManager ? <TemplateEditor open={editorOpen} onClose={() => setEditorOpen(false)} /> : null}
    </Flex>
  );
}
