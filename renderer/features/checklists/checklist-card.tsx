/**
 * One checklist of the day as a card: due time (red once overdue), progress, each item with one
 * click for OK and one for missing, who ticked it and when, and the Complete button.
 */
import { CheckOutlined, CloseOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Progress, Tag, Tooltip, Typography, theme } from 'antd';
import type { ChecklistItem, DayChecklist } from '../../../shared/contract/checklists';
import type { ChecklistStatus } from '../../../shared/domain/checklists';
import { useI18n } from '../../i18n/i18n';
import { formatClinicTime } from '../../ui/format';

const STATUS_COLOR: Record<ChecklistStatus, string> = { notStarted: 'default', inProgress: 'processing', overdue: 'error', done: 'success', doneLate: 'warning' };

export interface ChecklistCardProps {
  checklist: DayChecklist;
  /** The status on the desk's own clock (turns overdue without a refetch). */
  status: ChecklistStatus;
  timeZone: string;
  canTick: boolean;
  /** The index of the focused item in this card, or null. */
  focusedItem: number | null;
  busy: boolean;
  onFocusItem(index: number): void;
  onOk(item: ChecklistItem): void;
  onMissing(item: ChecklistItem): void;
  onComplete(): void;
}

/** The item's label: the ward or room first for a per-room item. */
export function itemLabel(item: ChecklistItem, language: string): string {
  const text = language === 'en' && item.textEn ? item.textEn : item.textZh;
  if (!item.room) return text;
  return `${language === 'en' ? item.room.nameEn : item.room.name} · ${text}`;
}

export function ChecklistCard({ checklist, status, timeZone, canTick, focusedItem, busy, onFocusItem, onOk, onMissing, onComplete }: ChecklistCardProps) {
  const { t, language } = useI18n();
  const { token } = theme.useToken();
  const total = checklist.items.length;
  const completed = checklist.run?.completedAt ?? null;
  const name = language === 'en' && checklist.nameEn ? checklist.nameEn : checklist.nameZh;
  return (
    <Card
      size="small"
      data-testid={`checklist-${checklist.templateId}`}
      {...(status === 'overdue' ? { style: { borderColor: token.colorError } } : {})}
      title={
        <Flex vertical gap={0} style={{ padding: '6px 0' }}>
          <Typography.Text strong>{name}</Typography.Text>
          <Typography.Text type="secondary" style={{ fontSize: 12, fontWeight: 'normal' }}>
            {t('checklists.forRole', { role: t(`role.${checklist.role}`) })}
          </Typography.Text>
        </Flex>
      }
      extra={
        <Flex gap={4} align="center">
          <Tag color={status === 'overdue' ? 'error' : 'default'}>{t('checklists.due', { time: checklist.dueTime })}</Tag>
          <Tag color={STATUS_COLOR[status]}>{t(`checklists.status.${status}`)}</Tag>
        </Flex>
      }
    >
      <Flex vertical gap={8}>
        <Flex align="center" gap={12}>
          <Progress
            percent={total === 0 ? 0 : Math.round((checklist.ticked / total) * 100)}
            size="small"
            status={status === 'overdue' ? 'exception' : status === 'done' || status === 'doneLate' ? 'success' : 'active'}
            format={() => t('checklists.progress', { ticked: checklist.ticked, total })}
            style={{ flex: 1, margin: 0 }}
          />
          {checklist.missing > 0 ? <Tag color="warning">{t('checklists.missingCount', { count: checklist.missing })}</Tag> : null}
        </Flex>
        <div role="list">
          {checklist.items.map((item, index) => (
            <ItemRow
              key={item.id}
              item={item}
              timeZone={timeZone}
              focused={focusedItem === index}
              disabled={!canTick || completed !== null || busy}
              onFocus={() => onFocusItem(index)}
              onOk={() => onOk(item)}
              onMissing={() => onMissing(item)}
            />
          ))}
        </div>
        <Flex justify="space-between" align="center" gap={8}>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {completed && checklist.run?.completedBy
              ? t('checklists.completedBy', { name: checklist.run.completedBy.name, time: formatClinicTime(completed, timeZone) })
              : null}
          </Typography.Text>
          {completed ? null : (
            <Button type="primary" size="small" disabled={!canTick || checklist.ticked < total} loading={busy} onClick={onComplete}>
              {t('checklists.action.complete')}
            </Button>
          )}
        </Flex>
      </Flex>
    </Card>
  );
}

interface ItemRowProps {
  item: ChecklistItem;
  timeZone: string;
  focused: boolean;
  disabled: boolean;
  onFocus(): void;
  onOk(): void;
  onMissing(): void;
}

function ItemRow({ item, timeZone, focused, disabled, onFocus, onOk, onMissing }: ItemRowProps) {
  const { t, language } = useI18n();
  const { token } = theme.useToken();
  const tick = item.tick;
  const label = itemLabel(item, language);
  return (
    <Flex
      role="listitem"
      aria-label={label}
      data-testid={`checklist-item-${item.id}`}
      align="center"
      gap={8}
      onClick={onFocus}
      style={{
        padding: '5px 8px',
        borderRadius: 6,
        background: tick?.status === 'missing' ? token.colorWarningBg : undefined,
        // The keyboard's item: an outline, so a missing item keeps its own colour.
        outline: focused ? `1px solid ${token.colorPrimaryBorder}` : undefined,
      }}
    >
      <Flex vertical style={{ flex: 1, minWidth: 0 }}>
        <Typography.Text {...(tick?.status === 'ok' ? { type: 'secondary' as const } : {})}>
          {tick?.status === 'ok' ? <CheckOutlined style={{ color: token.colorSuccess, marginInlineEnd: 6 }} /> : null}
          {tick?.status === 'missing' ? <CloseOutlined style={{ color: token.colorWarning, marginInlineEnd: 6 }} /> : null}
          {label}
          {item.kind === 'count' ? (
            <Typography.Text type="secondary" style={{ fontSize: 12, marginInlineStart: 6 }}>
              {t('checklists.expected', { count: item.expectedCount ?? 0 })}
              {tick?.count !== null && tick?.count !== undefined ? ` · ${t('checklists.counted', { count: tick.count })}` : ''}
            </Typography.Text>
          ) : null}
        </Typography.Text>
        {tick ? (
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('checklists.tickedBy', { name: tick.tickedBy.name, time: formatClinicTime(tick.tickedAt, timeZone) })}
            {tick.note ? ` · ${tick.note}` : ''}
          </Typography.Text>
        ) : null}
      </Flex>
      <Tooltip title={t('checklists.action.ok')}>
        <Button
          size="small"
          type={tick?.status === 'ok' ? 'primary' : 'default'}
          icon={<CheckOutlined />}
          aria-label={`${t('checklists.action.ok')} ${label}`}
          disabled={disabled}
          onClick={(event) => {
            event.stopPropagation();
            onFocus();
            onOk();
          }}
        />
      </Tooltip>
      <Tooltip title={t('checklists.action.missing')}>
        <Button
          size="small"
          danger={tick?.status === 'missing'}
          icon={<CloseOutlined />}
          aria-label={`${t('checklists.action.missing')} ${label}`}
          disabled={disabled}
          onClick={(event) => {
            event.stopPropagation();
            onFocus();
            onMissing();
          }}
        />
      </Tooltip>
    </Flex>
  );
}
