import { Flex, Modal, Spin } from 'antd';
import { lazy, memo, Suspense } from 'react';
import type { CreateCustomerInput, Customer } from '../../../shared/contract/customers';
import { useI18n } from '../../i18n/i18n';
import { withWholeStyles } from '../../ui/whole-styles';

// The form (react-hook-form, the customer schema) loads when the dialog first opens: the board
// carries this dialog, and its first screen should not (docs/performance.md, 2026-12-04 evening).
const CustomerForm = lazy(() => withWholeStyles(import('./customer-form')).then((module) => ({ default: module.CustomerForm })));

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
      {open ? (
        <Suspense
          fallback={
            <Flex justify="center" style={{ padding: 48 }}>
              <Spin />
            </Flex>
          }
        >
          <CustomerForm initial={initial} onSaved={onCreated} onCancel={onClose} onOpenExisting={onOpenExisting} />
        </Suspense>
      ) : null}
    </Modal>
  );
});

/** What a search text suggests for a new card: digits are a phone, anything else a name. */
export function initialFromQuery(query: string): Partial<CreateCustomerInput> {
  const text = query.trim();
  if (!text) return {};
  return /^[+\d\s\-()]+$/.test(text) ? { phone: text } : /^[a-zA-Z\s]+$/.test(text) ? {} : { name: text };
}
