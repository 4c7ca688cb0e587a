/**
 * The hand-off note in a drawer (issue 14): read by those who receive or bring the customer, and
 * written by the desk, the guide on the way and the receiver. Opening it is a read the server
 * audits; a refusal says who may read it. A save carries the version it was read at.
 */
import { Alert, App, Button, Checkbox, Drawer, Input, Radio, Select, Skeleton, Space } from 'antd';
import { useState } from 'react';
import type { HandoffFields } from '../../../shared/contract/escorts';
import { useApiMutation, useApiQuery } from '../../client/queries';
import { useI18n } from '../../i18n/i18n';
import { errorMessage } from '../../ui/error-message';
import styles from './escorts.module.css';

const EMPTY: HandoffFields = {
  wants: '',
  expectation: 'unknown',
  worries: '',
  anxiety: 0,
  motivation: '',
  budget: '',
  firstVisit: true,
  lastVisit: '',
  companions: '',
  addressForm: '',
  suggestAssessment: false,
  assessmentReason: '',
  receiverPlan: '',
};

const TEXT_FIELDS = ['wants', 'worries', 'motivation', 'budget', 'lastVisit', 'companions', 'addressForm', 'receiverPlan'] as const;

export function HandoffNoteDrawer({ visitId, title, onClose }: { visitId: number | null; title: string; onClose(): void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const note = useApiQuery('handoff.get', { visitId: visitId ?? 1 }, { enabled: visitId !== null, retry: false, staleTime: 0, gcTime: 0 });
  const save = useApiMutation('handoff.save');
  const [draft, setDraft] = useState<HandoffFields>(EMPTY);
  const [editing, setEditing] = useState(false);
  const set = <K extends keyof HandoffFields>(key: K, value: HandoffFields[K]) => setDraft((before) => ({ ...before, [key]: value }));
  const current = note.data?.note ?? null;
  const startEditing = () => {
    setDraft(current ? { ...EMPTY, ...current } : EMPTY);
    setEditing(true);
  };
  const close = () => {
    setEditing(false);
    onClose();
  };

  const submit = () =>
    visitId !== null &&
    save.mutate(
      { visitId, expectedVersion: current?.version ?? 0, ...draft },
      {
        onSuccess: () => {
          void message.success(t('handoff.saved'));
          setEditing(false);
          void note.refetch();
        },
        onError: (error) => void message.error(errorMessage(error, t)),
      },
    );

  const show = (label: string, value: string) =>
    value ? (
      <div className={styles.noteSection}>
        <div className={styles.noteLabel}>{label}</div>
        <div className={styles.noteText}>{value}</div>
      </div>
    ) : null;

  return (
    <Drawer open={visitId !== null} onClose={close} title={`${t('handoff.title')} · ${title}`} width={560} destroyOnHidden data-testid="handoff-drawer">
      <Alert type="info" showIcon title={t('handoff.private')} style={{ marginBottom: 12 }} />
      {note.data && !note.data.medicalConsent ? <Alert type="warning" showIcon title={t('privacy.consents.noMedical')} style={{ marginBottom: 12 }} data-testid="handoff-no-consent" /> : null}
      {note.isLoading && <Skeleton active />}
      {note.error && <Alert type="warning" showIcon title={errorMessage(note.error, t)} />}
      {note.data && !editing && (
        <div data-testid="handoff-view">
          {!current && <p>{t('handoff.none')}</p>}
          {current && (
            <>
              <Space wrap style={{ marginBottom: 8 }}>
                <strong>{t(`handoff.anxiety.${current.anxiety}` as 'handoff.anxiety.0')}</strong>
                <span>· {t(`handoff.expectation.${current.expectation}`)}</span>
                <span>· {current.firstVisit ? t('escorts.first') : t('handoff.returning')}</span>
                {current.suggestAssessment && <strong style={{ color: '#cf1322' }}>· {t('field.suggestAssessment')}</strong>}
              </Space>
              {show(t('field.wants'), current.wants)}
              {show(t('field.worries'), current.worries)}
              {show(t('field.motivation'), current.motivation)}
              {show(t('field.budget'), current.budget)}
              {show(t('field.lastVisit'), current.lastVisit)}
              {show(t('field.companions'), current.companions)}
              {show(t('field.addressForm'), current.addressForm)}
              {show(t('field.assessmentReason'), current.assessmentReason)}
              {show(t('field.receiverPlan'), current.receiverPlan)}
            </>
          )}
          <Button size="large" onClick={startEditing}>
            {t('handoff.save')}
          </Button>
        </div>
      )}
      {note.data && editing && (
        <Space direction="vertical" style={{ width: '100%' }} size="middle">
          <div>
            <div className={styles.noteLabel}>{t('field.anxiety')}</div>
            <Select size="large" style={{ width: '100%' }} value={draft.anxiety} onChange={(value) => set('anxiety', value)} options={[0, 1, 2, 3].map((level) => ({ value: level, label: t(`handoff.anxiety.${level}` as 'handoff.anxiety.0') }))} />
          </div>
          <div>
            <div className={styles.noteLabel}>{t('field.expectation')}</div>
            <Radio.Group size="large" value={draft.expectation} onChange={(event) => set('expectation', event.target.value as HandoffFields['expectation'])} optionType="button" options={(['unknown', 'realistic', 'unrealistic'] as const).map((value) => ({ value, label: t(`handoff.expectation.${value}`) }))} />
          </div>
          {TEXT_FIELDS.map((key) => (
            <div key={key}>
              <div className={styles.noteLabel}>{t(`field.${key}`)}</div>
              <Input.TextArea autoSize={{ minRows: 1, maxRows: 5 }} value={draft[key]} onChange={(event) => set(key, event.target.value)} aria-label={t(`field.${key}`)} />
            </div>
          ))}
          <Checkbox checked={draft.firstVisit} onChange={(event) => set('firstVisit', event.target.checked)}>
            {t('field.firstVisit')}
          </Checkbox>
          <Checkbox checked={draft.suggestAssessment} onChange={(event) => set('suggestAssessment', event.target.checked)}>
            {t('field.suggestAssessment')}
          </Checkbox>
          {draft.suggestAssessment && <Input.TextArea autoSize value={draft.assessmentReason} onChange={(event) => set('assessmentReason', event.target.value)} aria-label={t('field.assessmentReason')} placeholder={t('field.assessmentReason')} />}
          <Button type="primary" size="large" loading={save.isPending} onClick={submit}>
            {t('handoff.save')}
          </Button>
        </Space>
      )}
    </Drawer>
  );
}
