/**
 * Closing a consultation (seed 000 steps 7–8) in one dialog: the outcome, the pre-op exam and the
 * surgery booked for the same customer (the surgery with its responsible doctor 主诊医师, a warning
 * while no signed consent is on file), the psychological screen when surgery needs one, the
 * decision a positive screen asks for, and the medicine cost quoted. One call books everything or
 * nothing. Self-contained: `<OutcomeDialog visitId open onClose />`.
 */
import { Alert, App, Button, Divider, Flex, Input, InputNumber, Modal, Radio, Select, Spin, Typography } from 'antd';
import { useState } from 'react';
import { ApiCallError } from '../../../shared/contract/errors';
import { OUTCOMES, type Outcome } from '../../../shared/contract/outcomes';
import { SCREENING_DECISIONS, type ScreeningDecisionKind } from '../../../shared/domain/screening';
import { useApiMutation, useApiQuery } from '../../client/queries';
import { useI18n } from '../../i18n/i18n';
import { errorMessage } from '../../ui/error-message';
import { ScreeningForm } from './screening-form';
import { addressFormOf } from '../../../shared/domain/customers';

interface Slot {
  doctorId: number | null;
  date: string;
  time: string;
  durationMinutes: number;
}

export interface OutcomeDialogProps {
  visitId: number;
  open: boolean;
  onClose(): void;
}

function SlotFields({ label, slot, onChange, doctors, testId }: { label: string; slot: Slot; onChange(slot: Slot): void; doctors: { value: number; label: string }[]; testId: string }) {
  const { t } = useI18n();
  return (
    <Flex gap={8} wrap align="center" data-testid={testId}>
      <Select style={{ minWidth: 150 }} placeholder={label} {...(slot.doctorId !== null ? { value: slot.doctorId } : {})} options={doctors} onChange={(doctorId: number) => onChange({ ...slot, doctorId })} aria-label={label} />
      <Input type="date" style={{ width: 150 }} value={slot.date} onChange={(event) => onChange({ ...slot, date: event.target.value })} aria-label={t('field.date')} />
      <Input type="time" style={{ width: 110 }} value={slot.time} onChange={(event) => onChange({ ...slot, time: event.target.value })} aria-label={t('field.time')} />
      <InputNumber min={5} max={480} step={15} value={slot.durationMinutes} onChange={(value) => onChange({ ...slot, durationMinutes: value ?? 30 })} addonAfter={t('outcomes.minutes')} aria-label={t('field.durationMinutes')} />
    </Flex>
  );
}

export function OutcomeDialog({ visitId, open, onClose }: OutcomeDialogProps) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const context = useApiQuery('outcomes.context', { visitId }, { enabled: open });
  const staff = useApiQuery('auth.staff', {}, { enabled: open });
  const record = useApiMutation('outcomes.record');
  const [outcome, setOutcome] = useState<Outcome>('decided');
  const [cost, setCost] = useState<number | null>(null);
  const [note, setNote] = useState('');
  const [followupInDays, setFollowupInDays] = useState<number | null>(null);
  const [referredTo, setReferredTo] = useState('');
  const [withPreOp, setWithPreOp] = useState(true);
  const [withSurgery, setWithSurgery] = useState(true);
  const [preOp, setPreOp] = useState<Slot>({ doctorId: null, date: '', time: '', durationMinutes: 30 });
  const [surgery, setSurgery] = useState<Slot>({ doctorId: null, date: '', time: '', durationMinutes: 120 });
  const [consentSignedOn, setConsentSignedOn] = useState('');
  const [decision, setDecision] = useState<ScreeningDecisionKind | null>(null);
  const [reason, setReason] = useState('');
  const [screening, setScreening] = useState(false);

  const doctors = (staff.data ?? []).filter((member) => member.role === 'doctor').map((member) => ({ value: member.id, label: member.name }));
  const data = context.data;
  const gate = data?.gate;
  const surgeryBlocked = decision === 'refer' || decision === 'postpone';
  const bookSurgery = outcome === 'decided' && withSurgery && !surgeryBlocked;
  const errorPath = record.error instanceof ApiCallError ? (record.error.path ?? []).join('.') : '';

  const submit = () => {
    if (!data) return;
    const slot = (value: Slot) => ({ doctorId: value.doctorId ?? 0, date: value.date, time: value.time, durationMinutes: value.durationMinutes });
    record.mutate(
      {
        visitId,
        expectedVersion: data.version,
        outcome,
        ...(cost !== null ? { medicineCostYuan: cost } : {}),
        ...(note.trim() ? { note } : {}),
        ...(outcome === 'thinking' && followupInDays !== null ? { followupInDays } : {}),
        ...(outcome === 'referred' && referredTo.trim() ? { referredTo } : {}),
        ...(outcome === 'decided' && withPreOp ? { preOp: slot(preOp) } : {}),
        ...(bookSurgery ? { surgery: { ...slot(surgery), ...(consentSignedOn ? { consentSignedOn } : {}) } } : {}),
        ...(decision ? { screeningDecision: { decision, reason } } : {}),
      },
      {
        onSuccess: (result) => {
          void message.success(t('outcomes.saved'));
          if (result.warnings.includes('consentMissing')) void message.warning(t('outcomes.consentMissing'), 8);
          onClose();
        },
      },
    );
  };

  return (
    <Modal open={open} onCancel={onClose} width={720} title={t('outcomes.title')} footer={null} destroyOnHidden data-testid="outcome-dialog">
      {!data ? (
        context.isError ? <Alert type="error" showIcon title={errorMessage(context.error, t)} /> : <Spin />
      ) : (
        <Flex vertical gap={12} data-testid="outcome-form">
          <Typography.Text>
            <strong>{addressFormOf(data.customer)}</strong> {data.customer.name}
            {data.doctor ? ` · ${t('outcomes.doctorSeen')}: ${data.doctor.name}` : ''}
          </Typography.Text>
          {data.recorded && <Alert type="info" showIcon title={t('outcomes.alreadyRecorded')} />}
          <Radio.Group optionType="button" buttonStyle="solid" value={outcome} onChange={(event) => setOutcome(event.target.value as Outcome)} options={OUTCOMES.map((value) => ({ value, label: t(`outcomes.kind.${value}`) }))} />
          {outcome === 'decided' && (
            <>
              <Flex gap={8} align="center">
                <span>{t('field.medicineCostYuan')}</span>
                <InputNumber min={0} max={1_000_000} value={cost} onChange={setCost} addonAfter="¥" aria-label={t('field.medicineCostYuan')} />
              </Flex>
              <Divider style={{ margin: '4px 0' }} />
              <Flex gap={8} align="center">
                <Radio checked={withPreOp} onClick={() => setWithPreOp(!withPreOp)}>
                  {t('field.preOp')}
                </Radio>
              </Flex>
              {withPreOp && <SlotFields label={t('outcomes.preOpDoctor')} slot={preOp} onChange={setPreOp} doctors={doctors} testId="preop-fields" />}
              <Radio checked={withSurgery} onClick={() => setWithSurgery(!withSurgery)}>
                {t('field.surgery')}
              </Radio>
              {withSurgery && (
                <>
                  <SlotFields label={t('outcomes.responsibleDoctor')} slot={surgery} onChange={setSurgery} doctors={doctors} testId="surgery-fields" />
                  <Flex gap={8} align="center">
                    <span>{t('field.consentSignedOn')}</span>
                    <Input type="date" style={{ width: 160 }} value={consentSignedOn} onChange={(event) => setConsentSignedOn(event.target.value)} aria-label={t('field.consentSignedOn')} />
                  </Flex>
                  {!consentSignedOn && <Alert type="warning" showIcon title={t('outcomes.consentMissing')} />}
                  {gate?.kind === 'screenNeeded' && !screening && (
                    <Alert
                      type="warning"
                      showIcon
                      title={gate.lastTakenAt ? t('outcomes.screenStale') : t('outcomes.screenNeeded')}
                      action={
                        <Button onClick={() => setScreening(true)} data-testid="start-screening">
                          {t('outcomes.doScreen')}
                        </Button>
                      }
                    />
                  )}
                  {screening && data && (
                    <ScreeningForm
                      customerId={data.customer.id}
                      onDone={(positive) => {
                        setScreening(false);
                        void message.info(positive ? t('outcomes.screenPositive') : t('outcomes.screenNegative'));
                        void context.refetch();
                      }}
                    />
                  )}
                </>
              )}
              {gate?.kind === 'decisionNeeded' && (
                <Flex vertical gap={6} data-testid="screening-decision">
                  <Alert type="warning" showIcon title={t(`outcomes.decisionNeeded.${gate.reason}`)} />
                  <Radio.Group value={decision} onChange={(event) => setDecision(event.target.value as ScreeningDecisionKind)} options={SCREENING_DECISIONS.map((value) => ({ value, label: t(`screenings.decision.${value}`) }))} />
                  <Input.TextArea rows={2} count={{ show: true, max: 300 }} value={reason} onChange={(event) => setReason(event.target.value)} placeholder={t('outcomes.decisionReason')} status={errorPath.startsWith('screeningDecision') ? 'error' : ''} />
                </Flex>
              )}
            </>
          )}
          {outcome === 'thinking' && (
            <Flex gap={8} align="center">
              <span>{t('outcomes.followupIn')}</span>
              <InputNumber min={1} max={60} value={followupInDays} placeholder="3" onChange={setFollowupInDays} addonAfter={t('outcomes.days')} />
            </Flex>
          )}
          {outcome === 'referred' && <Input value={referredTo} count={{ show: true, max: 100 }} onChange={(event) => setReferredTo(event.target.value)} placeholder={t('field.referredTo')} />}
          <Input.TextArea rows={2} count={{ show: true, max: 500 }} value={note} onChange={(event) => setNote(event.target.value)} placeholder={t('outcomes.note')} />
          {record.isError && <Alert type="error" showIcon title={errorMessage(record.error, t)} data-testid="outcome-error" />}
          <Flex justify="end" gap={8}>
            <Button onClick={onClose}>{t('outcomes.cancel')}</Button>
            <Button type="primary" loading={record.isPending} onClick={submit} data-testid="outcome-save">
              {t('outcomes.save')}
            </Button>
          </Flex>
        </Flex>
      )}
    </Modal>
  );
}
