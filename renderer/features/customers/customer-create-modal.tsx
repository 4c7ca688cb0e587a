import { Modal } from 'antd';
import { memo } from 'react';
import type { CreateCustomerInput, Customer } from '../../../shared/contract/customers';
import { useI18n } from '../../i18n/i18n';
import { CustomerForm } from './customer-form';

interface CustomerCreateModalProps {
  open: boolean;
  /** Starting values, e.g. the name or phone just typed into a search box. */
  initial?: Partial<CreateCustomerInput> | undefined;
  onCreated(customer: Customer): void;
  onClose(): void;
  /** When the phone is already on file: go to that customer (or select them, in a picker). */
  onOpenExisting?(customerId: number): void;
}

/**
 * Registers a new customer in a modal; the form is remounted each time it opens. Memoised: a
 * closed modal is skipped when the page around it re-renders (the search's every keystroke).
 */
export const CustomerCreateModal = memo(function CustomerCreateModal({ open, initial, onCreated, onClose, onOpenExisting }: CustomerCreateModalProps) {
  const { t } = useI18n();
  return (
    <Modal open={open} title={t('customers.newTitle')} onCancel={onClose} footer={null} width={640} destroyOnHidden>
      {open ? <CustomerForm initial={initial} onSaved={onCreated} onCancel={onClose} onOpenExisting={onOpenExisting} /> : null}
    </Modal>
  );
});

/** What a search text suggests for a new card: digits are a phone, anything else a name. */
export function initialFromQuery(query: string): Partial<CreateCustomerInput> {
  const text = query.trim();
  if (!text) return {};
  return /^[+\d\s\-()]+$/.test(text) ? { phone: text } : /^[a-zA-Z\s]+$/.test(text) ? {} : { name: text };
}
