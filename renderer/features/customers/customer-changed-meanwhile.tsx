/**
 * What a stale save of a customer card shows instead of overwriting: the fields someone else changed
 * since the form was opened, with the values stored now, and a button to load them (the person's
 * own unsaved edits give way to the newer card; they type them again on top of it).
 */
import { Alert, Button } from 'antd';
import type { Customer } from '../../../shared/contract/customers';
import type { ApiCallError } from '../../../shared/contract/errors';
import { formatPhone } from '../../../shared/domain/phone';
import { changedFields, type StaleSaveDetails } from '../../../shared/domain/record-changes';
import type { MessageKey } from '../../../shared/i18n/messages';
import type { Translate } from '../../i18n/i18n';
import { tagLabel } from './customer-labels';

const FIELD_LABELS: Record<string, MessageKey> = {
  name: 'field.name',
  phone: 'field.phone',
  addressForm: 'field.addressForm',
  gender: 'field.gender',
  birthYear: 'field.birthYear',
  channel: 'customers.label.channel',
  notes: 'customers.label.notes',
  tags: 'field.tags',
};

/** A stored value as the form would show it. */
function shown(field: string, value: unknown, t: Translate): string {
  if (value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0)) return t('app.changedMeanwhile.empty');
  if (field === 'phone') return formatPhone(String(value));
  if (field === 'gender') return t(`customers.gender.${String(value)}` as MessageKey);
  if (field === 'channel') return t(`channel.${String(value)}` as MessageKey);
  if (field === 'tags') return (value as Customer['tags']).map((tag) => t(tagLabel(tag))).join('、');
  return String(value);
}

interface CustomerChangedMeanwhileProps {
  failure: ApiCallError;
  details: StaleSaveDetails;
  /** The card as the form loaded it. */
  loaded: Customer;
  onReload(current: Customer): void;
  t: Translate;
}

export function CustomerChangedMeanwhile({ failure, details, loaded, onReload, t }: CustomerChangedMeanwhileProps) {
  const current = details.current as Customer;
  const changes = changedFields(loaded, current).filter((change) => change.field in FIELD_LABELS);
  return (
    <Alert
      type="warning"
      showIcon
      data-testid="customer-changed-meanwhile"
      style={{ marginBottom: 16 }}
      title={failure.message}
      description={
        changes.length > 0 ? (
          <>
            {t('app.changedMeanwhile.list')}
            <ul style={{ margin: '4px 0 0', paddingInlineStart: 20 }}>
              {changes.map((change) => (
                <li key={change.field}>
                  {t('app.changedMeanwhile.item', { field: t(FIELD_LABELS[change.field] as MessageKey), value: shown(change.field, change.current, t) })}
                </li>
              ))}
            </ul>
          </>
        ) : undefined
      }
      action={
        <Button size="small" type="primary" onClick={() => onReload(current)}>
          {t('app.changedMeanwhile.reload')}
        </Button>
      }
    />
  );
}
