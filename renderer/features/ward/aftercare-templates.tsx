/**
 * Settings → the aftercare templates (issue 16 part 4; seed 004 rules 6 and 13): per item and a
 * general one, the wound care, the food to avoid and when to come back, each in Chinese and
 * English. Saving names the version it was edited from: of two people editing one template, the
 * second is told someone else saved first (409) and loads the newest before editing again.
 */
import { Alert, App, Button, Empty, Flex, Input, Skeleton, Tabs, Tag, Typography } from 'antd';
import { useState } from 'react';
import type { OutputOf } from '../../../shared/contract/index';
import { ApiCallError } from '../../../shared/contract/errors';
import type { MessageKey } from '../../../shared/i18n/messages';
import { useApiMutation, useApiQuery } from '../../client/queries';
import { useI18n } from '../../i18n/i18n';
import { errorMessage } from '../../ui/error-message';

type Template = OutputOf<'aftercare.templates'>['templates'][number];
type Texts = Pick<Template, 'woundCare' | 'woundCareEn' | 'foodToAvoid' | 'foodToAvoidEn' | 'comeBack' | 'comeBackEn'>;

const EMPTY: Texts = { woundCare: '', woundCareEn: '', foodToAvoid: '', foodToAvoidEn: '', comeBack: '', comeBackEn: '' };
const SECTIONS: readonly { zh: keyof Texts; en: keyof Texts; label: MessageKey }[] = [
  { zh: 'woundCare', en: 'woundCareEn', label: 'aftercare.sheet.woundCare' },
  // seed 004 rule 6: what not to eat after surgery, in writing.
  { zh: 'foodToAvoid', en: 'foodToAvoidEn', label: 'aftercare.sheet.foodToAvoid' },
  { zh: 'comeBack', en: 'comeBackEn', label: 'aftercare.sheet.comeBack' },
];
const MAX = 1000;

const textsOf = (template: Template | null | undefined): Texts => (template ? { woundCare: template.woundCare, woundCareEn: template.woundCareEn, foodToAvoid: template.foodToAvoid, foodToAvoidEn: template.foodToAvoidEn, comeBack: template.comeBack, comeBackEn: template.comeBackEn } : EMPTY);

export function AftercareTemplates() {
  const { t, language } = useI18n();
  const templates = useApiQuery('aftercare.templates', {});
  const items = useApiQuery('items.list', {});
  if (templates.error || items.error) {
    const error = templates.error ?? items.error;
    return <Alert type="error" showIcon title={errorMessage(error, t)} action={<Button onClick={() => void Promise.all([templates.refetch(), items.refetch()])}>{t('app.retry')}</Button>} />;
  }
  if (!templates.data || !items.data) return <Skeleton active paragraph={{ rows: 6 }} />;
  const list = templates.data.templates;
  const general = list.find((template) => template.itemId === null) ?? null;
  const tabs = [
    { key: 'default', itemId: null, label: t('aftercare.templates.default'), template: general },
    ...items.data.map((item) => ({ key: String(item.id), itemId: item.id, label: language === 'en' ? item.nameEn || item.nameZh : item.nameZh, template: list.find((template) => template.itemId === item.id) ?? null })),
  ];
  return (
    <Flex vertical gap={8} data-testid="aftercare-templates">
      <Typography.Text type="secondary">{t('aftercare.templates.hint')}</Typography.Text>
      <Tabs
        size="small"
        items={tabs.map((tab) => ({
          key: tab.key,
          label: (
            <span data-testid="aftercare-template-tab" data-item={tab.key}>
              {tab.label}
              {tab.itemId !== null && !tab.template && <Typography.Text type="secondary"> · {t('aftercare.templates.default')}</Typography.Text>}
            </span>
          ),
          // Keyed by the version: a template saved here or elsewhere is what the editor starts from.
          children: <TemplateEditor key={`${tab.key}-${String(tab.template?.version ?? 0)}`} itemId={tab.itemId} template={tab.template} fallback={general} onReload={() => void templates.refetch()} />,
        }))}
      />
    </Flex>
  );
}

function TemplateEditor({ itemId, template, fallback, onReload }: { itemId: number | null; template: Template | null; fallback: Template | null; onReload(): void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const save = useApiMutation('aftercare.saveTemplate');
  const start = textsOf(template ?? fallback);
  const [texts, setTexts] = useState<Texts>(start);
  const [conflict, setConflict] = useState<number | null>(null);
  const changed = template === null || SECTIONS.some((section) => texts[section.zh].trim() !== start[section.zh] || texts[section.en].trim() !== start[section.en]);
  const complete = SECTIONS.every((section) => texts[section.zh].trim() !== '' && texts[section.en].trim() !== '');
  const onSave = () => {
    const trimmed = Object.fromEntries(Object.entries(texts).map(([key, value]) => [key, value.trim()])) as Texts;
    save
      .mutateAsync({ itemId, ...(template ? { expectedVersion: template.version } : {}), ...trimmed })
      .then((saved) => {
        void message.success(t('aftercare.templates.saved', { version: saved.version }));
        onReload();
      })
      .catch((error: unknown) => {
        if (error instanceof ApiCallError && error.code === 'conflict') {
          const current = error.details?.['currentVersion'];
          setConflict(typeof current === 'number' ? current : (template?.version ?? 0) + 1);
        } else void message.error(errorMessage(error, t));
      });
  };
  return (
    <Flex vertical gap={10} data-testid="aftercare-template-editor">
      <Flex gap={8} align="center">
        {template ? <Tag>{t('aftercare.templates.version', { version: template.version })}</Tag> : <Tag color="gold">{t('aftercare.templates.new')}</Tag>}
        {itemId !== null && !template && <Typography.Text type="secondary">{t('aftercare.templates.usesDefault')}</Typography.Text>}
      </Flex>
      {!template && !fallback && itemId === null && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('aftercare.noTemplate')} />}
      {SECTIONS.map((section) => (
        // The character counts hang below each box: room for them before the next section.
        <Flex key={section.zh} vertical gap={4} style={{ paddingBottom: 18 }}>
          <Typography.Text strong>{t(section.label)}</Typography.Text>
          <Flex gap={12}>
            {/* The Chinese twin of an English text: data in Chinese, whatever the console's language. */}
            <Input.TextArea
              lang="zh-CN"
              aria-label={`${t(section.label)} · ${t('aftercare.templates.zh')}`}
              placeholder={t('aftercare.templates.zh')}
              autoSize={{ minRows: 3, maxRows: 8 }}
              count={{ show: true, max: MAX }}
              status={texts[section.zh].length > MAX ? 'error' : ''}
              value={texts[section.zh]}
              onChange={(event) => setTexts({ ...texts, [section.zh]: event.target.value })}
              data-testid={`aftercare-${section.zh}`}
            />
            <Input.TextArea
              aria-label={`${t(section.label)} · ${t('aftercare.templates.en')}`}
              placeholder={t('aftercare.templates.en')}
              autoSize={{ minRows: 3, maxRows: 8 }}
              count={{ show: true, max: MAX }}
              status={texts[section.en].length > MAX ? 'error' : ''}
              value={texts[section.en]}
              onChange={(event) => setTexts({ ...texts, [section.en]: event.target.value })}
              data-testid={`aftercare-${section.en}`}
            />
          </Flex>
        </Flex>
      ))}
      {conflict !== null && (
        <Alert
          type="warning"
          showIcon
          data-testid="aftercare-template-conflict"
          title={t('aftercare.templates.conflict', { version: conflict })}
          action={<Button onClick={onReload}>{t('aftercare.templates.reload')}</Button>}
        />
      )}
      <Flex gap={12} align="center">
        <Button type="primary" disabled={!changed || !complete || conflict !== null} loading={save.isPending} onClick={onSave} data-testid="aftercare-template-save">
          {t('aftercare.templates.save')}
        </Button>
        {!complete && <Typography.Text type="secondary">{t('aftercare.templates.required')}</Typography.Text>}
      </Flex>
    </Flex>
  );
}
