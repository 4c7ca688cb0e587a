/**
 * Settings (manager only): the clinic as slips show it — names, address, phone, logo — the way
 * here by metro and car, opening hours, wait alerts and the idle lock, printing, and the items
 * of interest. One form validated by the contract's own schema; saving sends only what changed,
 * and the server audits it. Ctrl+S saves. Below it, the comfort rules (their own table and dialog)
 * and the backups.
 */
import { SaveOutlined, UndoOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Col, Flex, Form, Row, Skeleton, Tag, Typography } from 'antd';
import { useEffect } from 'react';
import { useForm } from 'react-hook-form';
import { ApiCallError } from '../../../shared/contract/errors';
import type { MessageKey } from '../../../shared/i18n/messages';
import { DISPLAY_NAME_MODES, SLIP_PAPERS, SLIP_PRIVACY_LEVELS, settingsSchema, type Settings } from '../../../shared/domain/settings';
import { useApiMutation, useApiQuery } from '../../client/queries';
import { useI18n } from '../../i18n/i18n';
import { errorMessage } from '../../ui/error-message';
import { zodFormResolver } from '../../ui/zod-form-resolver';
import { BackupsSection } from './backups-section';
import { RETENTION_MINIMUM_YEARS } from '../../../shared/domain/privacy';
import { ConsentTexts, LegalHolds } from '../privacy/privacy-settings';
import { AftercareTemplates } from '../ward/aftercare-templates';
import { DevicesSection } from './devices-section';
import { ComfortRulesTable } from './comfort-rules-table';
import { ItemsTable } from './items-table';
import { RoomsEditor } from '../escorts/rooms-editor';
import { LogoField } from './logo-field';
import { FollowUpSettings } from '../follow-ups/follow-up-settings';
import { ChoiceField, ClockField, CountField, MinutesField, SwitchField, TextField } from './settings-fields';

function SettingsForm({ settings }: { settings: Settings }) {
  const { t, language } = useI18n();
  const { message } = App.useApp();
  const update = useApiMutation('settings.update');
  const { control, handleSubmit, reset, setError, setValue, formState } = useForm<Settings>({
    resolver: zodFormResolver(settingsSchema, language),
    defaultValues: settings,
  });
  // Another console saved: show the new values unless this one is mid-edit.
  useEffect(() => {
    if (!formState.isDirty) reset(settings);
  }, [settings, formState.isDirty, reset]);

  // A save sends only what the person changed from what the form was loaded with (its default
  // values) and those keys' loaded values, so another manager's save is never silently undone.
  const save = handleSubmit(async (values) => {
    const loaded = { ...settings, ...formState.defaultValues } as Settings;
    const keys = (Object.keys(values) as (keyof Settings)[]).filter((key) => JSON.stringify(loaded[key]) !== JSON.stringify(values[key]));
    const patch = Object.fromEntries(keys.map((key) => [key, values[key]])) as Partial<Settings>;
    const expected = Object.fromEntries(keys.map((key) => [key, loaded[key]])) as Partial<Settings>;
    try {
      const saved = await update.mutateAsync({ ...patch, expected });
      reset(saved);
      void message.success(t('settings.saved'));
    } catch (error) {
      const details = error instanceof ApiCallError ? (error.details as { current?: Settings; changed?: (keyof Settings)[] } | undefined) : undefined;
      if (error instanceof ApiCallError && error.code === 'conflict' && details?.current && details.changed) {
        // Their values into the form for the keys both changed; the person's other edits stay.
        const { current, changed } = details;
        reset(current, { keepValues: true });
        for (const key of changed) setValue(key, current[key] as never);
        const fields = changed.map((key) => t(`field.${key}` as MessageKey)).join(language === 'en' ? ', ' : '、');
        void message.warning({ content: `${t('settings.changedMeanwhile')}${language === 'en' ? '. ' : '。'}${t('settings.changedMeanwhileFields', { fields })}`, duration: 10 });
        return;
      }
      const field = error instanceof ApiCallError ? error.path?.[0] : undefined;
      if (typeof field === 'string' && field in settings) setError(field as keyof Settings, { message: errorMessage(error, t) });
      else void message.error(errorMessage(error, t));
    }
  });

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 's') {
        event.preventDefault();
        void save();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [save]);

  const paperOptions = SLIP_PAPERS.map((paper) => ({ value: paper, label: t(`settings.paper.${paper}`) }));
  const privacyOptions = SLIP_PRIVACY_LEVELS.map((level) => ({ value: level, label: t(`settings.privacy.${level}`) }));
  const nameModeOptions = DISPLAY_NAME_MODES.map((mode) => ({ value: mode, label: t(`display.nameMode.${mode}`) }));
  // In a browser the display is one tab away; the desktop opens it on the second screen from its menu.
  // From this PC itself the address is localhost, which a TV cannot reach: name the LAN address instead.
  const local = /^(localhost|127\.|\[::1\])/.test(window.location.hostname);
  const displayUrl = `${window.location.protocol}//${local ? `<${t('display.settings.thisPc')}>` : window.location.hostname}${window.location.port ? `:${window.location.port}` : ''}/display`;
  const inBrowser = window.location.protocol.startsWith('http');

  return (
    <Form layout="vertical" component="div" requiredMark={false}>
      <Flex
        justify="space-between"
        align="center"
        style={{ position: 'sticky', top: 0, zIndex: 2, background: 'var(--ant-color-bg-layout, #f5f7f8)', padding: '8px 0 12px' }}
      >
        <div>
          <Typography.Title level={3} style={{ margin: 0 }}>
            {t('settings.title')}
          </Typography.Title>
          <Typography.Text type="secondary">{t('settings.subtitle')}</Typography.Text>
        </div>
        <Flex gap={8} align="center">
          {formState.isDirty && <Tag color="orange">{t('settings.unsaved')}</Tag>}
          <Button icon={<UndoOutlined />} disabled={!formState.isDirty} onClick={() => reset(settings)}>
            {t('settings.reset')}
          </Button>
          <Button type="primary" icon={<SaveOutlined />} loading={update.isPending} disabled={!formState.isDirty} onClick={() => void save()}>
            {t('settings.save')}
          </Button>
        </Flex>
      </Flex>
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={12}>
          <Card title={t('settings.section.clinic')} size="small">
            <Row gutter={16}>
              <Col span={12}><TextField control={control} name="clinicName" lang="zh-CN" /></Col>
              <Col span={12}><TextField control={control} name="clinicNameEn" /></Col>
              <Col span={12}><TextField control={control} name="clinicAddress" rows={2} lang="zh-CN" /></Col>
              <Col span={12}><TextField control={control} name="clinicAddressEn" rows={2} /></Col>
              <Col span={12}><TextField control={control} name="clinicPhone" /></Col>
              <Col span={24}><LogoField control={control} /></Col>
            </Row>
          </Card>
        </Col>
        <Col xs={24} xl={12}>
          <Card title={t('settings.section.directions')} size="small">
            <Row gutter={16}>
              <Col span={12}><TextField control={control} name="transportDirections" rows={3} lang="zh-CN" /></Col>
              <Col span={12}><TextField control={control} name="transportDirectionsEn" rows={3} /></Col>
              <Col span={12}><TextField control={control} name="parkingDirections" rows={3} lang="zh-CN" /></Col>
              <Col span={12}><TextField control={control} name="parkingDirectionsEn" rows={3} /></Col>
            </Row>
          </Card>
        </Col>
        <Col xs={24} xl={12}>
          <Card title={t('settings.section.hours')} size="small">
            <Row gutter={16}>
              <Col span={8}><ClockField control={control} name="opensAt" /></Col>
              <Col span={8}><ClockField control={control} name="closesAt" /></Col>
              <Col span={8}><MinutesField control={control} name="idleLockMinutes" /></Col>
              <Col span={8}><MinutesField control={control} name="waitAmberMinutes" /></Col>
              <Col span={8}><MinutesField control={control} name="waitRedMinutes" /></Col>
              {/* Escorts (issue 14): when a step is delayed, and the door wait's amber. */}
              <Col span={8}><MinutesField control={control} name="escortTakeMinutes" /></Col>
              <Col span={8}><MinutesField control={control} name="escortPickUpMinutes" /></Col>
              <Col span={8}><MinutesField control={control} name="escortDoorAmberMinutes" /></Col>
              <Col span={8}><MinutesField control={control} name="lateCallMinutes" /></Col>
            </Row>
          </Card>
        </Col>
        <Col xs={24} xl={12}>
          <Card title={t('settings.section.printing')} size="small">
            <Row gutter={16}>
              <Col span={12}><ChoiceField control={control} name="slipPaper" options={paperOptions} /></Col>
              <Col span={12}><ChoiceField control={control} name="slipPrivacy" options={privacyOptions} /></Col>
              <Col span={24}>
                <Alert type="info" showIcon title={t('settings.privacy.hint')} style={{ marginBottom: 16 }} />
              </Col>
              <Col span={12}>
                <TextField control={control} name="printerName" placeholder={t('settings.printer.placeholder')} extra={t('settings.printer.hint')} />
              </Col>
              <Col span={12}><SwitchField control={control} name="silentPrinting" extra={t('settings.silent.hint')} /></Col>
              {/* The manager's report (issue 18): the day's report kept at closing. */}
              <Col span={12}><SwitchField control={control} name="reportAtClosing" extra={t('settings.reportAtClosing.hint')} /></Col>
            </Row>
          </Card>
        </Col>
        <Col xs={24} xl={12}>
          <Card title={t('display.settings.title')} size="small" data-testid="settings-display">
            <Row gutter={16}>
              <Col span={12}><ChoiceField control={control} name="displayNameMode" options={nameModeOptions} /></Col>
              <Col span={12}><SwitchField control={control} name="displayEnglish" extra={t('display.settings.english.hint')} /></Col>
              <Col span={12}><CountField control={control} name="displayCalledCount" min={1} max={8} /></Col>
              <Col span={12}><CountField control={control} name="displayWaitingCount" min={0} max={20} /></Col>
              <Col span={24}>
                <Alert type="info" showIcon title={t('display.settings.hint')} description={inBrowser ? t('display.settings.openHint', { url: displayUrl }) : undefined} style={{ marginBottom: 8 }} />
                {inBrowser && (
                  <Typography.Link href="/display" target="_blank" rel="noopener">
                    {t('display.settings.open')}
                  </Typography.Link>
                )}
              </Col>
            </Row>
          </Card>
        </Col>
        <Col span={24}>
          <Card title={t('escorts.roomsTitle')} size="small" data-testid="settings-rooms">
            <RoomsEditor />
          </Card>
        </Col>
        <Col span={24}>
          <Card title={t('devices.section')} size="small" data-testid="settings-devices">
            <Row gutter={16}>
              <Col span={8}><SwitchField control={control} name="lanAccess" extra={t('devices.lanHint')} /></Col>
              <Col span={8}><CountField control={control} name="lanPort" min={1024} max={65535} /></Col>
              <Col span={8}><SwitchField control={control} name="pairingByReception" /></Col>
            </Row>
            <DevicesSection lanAccess={settings.lanAccess} lanPort={settings.lanPort} timeZone={settings.timeZone} />
          </Card>
        </Col>
        <Col span={24}>
          <Card title={t('settings.section.items')} size="small">
            <ItemsTable />
          </Card>
        </Col>
        <Col span={24}>
          {/* Follow-ups and surveys (issue 17): the plan templates per item, the overdue call and the low survey. */}
          <Card title={t('followUps.template.title')} size="small" data-testid="settings-follow-ups">
            <FollowUpSettings control={control} />
          </Card>
        </Col>
        <Col span={24}>
          <Card title={t('comfortRules.title')} size="small" data-testid="settings-comfort-rules">
            <ComfortRulesTable timeZone={settings.timeZone} />
          </Card>
        </Col>
        <Col xs={24} xl={12}>
          <Card title={t('privacy.retention.title')} size="small" data-testid="settings-retention">
            <Typography.Paragraph type="secondary">{t('privacy.retention.hint')}</Typography.Paragraph>
            <Row gutter={16}>
              <Col span={12}><CountField control={control} name="retentionMedicalRecordYears" min={RETENTION_MINIMUM_YEARS.medicalRecordYears} max={50} extra={t('privacy.retention.minimum', { years: RETENTION_MINIMUM_YEARS.medicalRecordYears })} /></Col>
              <Col span={12}><CountField control={control} name="retentionAccessLogYears" min={RETENTION_MINIMUM_YEARS.accessLogYears} max={30} extra={t('privacy.retention.minimum', { years: RETENTION_MINIMUM_YEARS.accessLogYears })} /></Col>
              <Col span={12}><CountField control={control} name="retentionAuditLogYears" min={RETENTION_MINIMUM_YEARS.auditLogYears} max={30} extra={t('privacy.retention.minimum', { years: RETENTION_MINIMUM_YEARS.auditLogYears })} /></Col>
              <Col span={12}><CountField control={control} name="retentionInactiveCustomerYears" min={RETENTION_MINIMUM_YEARS.inactiveCustomerYears} max={30} /></Col>
            </Row>
          </Card>
        </Col>
        <Col xs={24} xl={12}>
          <Card title={t('privacy.holds.title')} size="small" data-testid="settings-holds">
            <LegalHolds timeZone={settings.timeZone} />
          </Card>
        </Col>
        <Col span={24}>
          <Card title={t('privacy.texts.title')} size="small" data-testid="settings-consent-texts">
            <ConsentTexts timeZone={settings.timeZone} />
          </Card>
        </Col>
        <Col span={24}>
          <Card title={t('aftercare.templates.title')} size="small" data-testid="settings-aftercare">
            <AftercareTemplates />
          </Card>
        </Col>
        <Col span={24}>
          <Card title={t('backups.title')} size="small">
            <BackupsSection timeZone={settings.timeZone} />
          </Card>
        </Col>
      </Row>
    </Form>
  );
}

export function SettingsPage() {
  const { t } = useI18n();
  const settings = useApiQuery('settings.get', {});
  if (settings.error) return <Alert type="error" showIcon title={errorMessage(settings.error, t)} action={<Button onClick={() => void settings.refetch()}>{t('app.retry')}</Button>} />;
  if (!settings.data) return <Skeleton active paragraph={{ rows: 12 }} />;
  return <SettingsForm settings={settings.data} />;
}
