/**
 * Records an item as missing: a note saying what is short ("缺 2 个充电器") and, for a count item,
 * the number counted. Enter in the note records it; Esc closes.
 */
import { Alert, Form, Input, InputNumber, Modal } from 'antd';
import { useState } from 'react';
import type { ChecklistItem } from '../../../shared/contract/checklists';
import { useI18n } from '../../i18n/i18n';
import { itemLabel } from './checklist-card';

export interface MissingDialogProps {
  item: ChecklistItem | null;
  busy: boolean;
  error: string | null;
  onCancel(): void;
  onSave(values: { note: string; count?: number }): void;
}

export function MissingDialog(props: MissingDialogProps) {
  // Keyed by item: each item opens with its own earlier note and count.
  return <MissingForm key={props.item?.id ?? 0} {...props} />;
}

function MissingForm({ item, busy, error, onCancel, onSave }: MissingDialogProps) {
  const { t, language } = useI18n();
  const [note, setNote] = useState(item?.tick?.status === 'missing' ? item.tick.note : '');
  const [count, setCount] = useState<number | null>(item?.tick?.count ?? (item?.kind === 'count' ? 0 : null));

  const save = () => onSave({ note: note.trim(), ...(item?.kind === 'count' ? { count: count ?? 0 } : {}) });
  return (
    <Modal
      open={item !== null}
      title={item ? t('checklists.missing.title', { item: itemLabel(item, language) }) : ''}
      okText={t('checklists.missing.save')}
      onOk={save}
      onCancel={onCancel}
      confirmLoading={busy}
      destroyOnHidden
    >
      {error ? <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} /> : null}
      {item?.kind === 'count' ? (
        <Form.Item label={t('checklists.missing.count')} layout="vertical" extra={t('checklists.expected', { count: item.expectedCount ?? 0 })}>
          <InputNumber autoFocus min={0} max={999} value={count} onChange={(value) => setCount(value)} aria-label={t('checklists.missing.count')} />
        </Form.Item>
      ) : null}
      <Form.Item label={t('checklists.missing.note')} layout="vertical">
        <Input
          autoFocus={item?.kind !== 'count'}
          value={note}
          showCount
          count={{ max: 200 }}
          placeholder={t('checklists.missing.notePlaceholder')}
          aria-label={t('checklists.missing.note')}
          onChange={(event) => setNote(event.target.value)}
          onPressEnter={save}
        />
      </Form.Item>
    </Modal>
  );
}
