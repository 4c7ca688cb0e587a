/**
 * The manager's checklist template editor (a drawer): pick a template or start a new one; name,
 * due time, the role it is for, and its items in order (a plain tick, or a count with the number
 * expected, optionally for one room). An item removed here is retired, so past runs keep it.
 * Ctrl+Enter saves.
 */
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Col, Drawer, Flex, Form, Input, InputNumber, Row, Segmented, Select, Switch, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { Controller, useFieldArray, useForm, useWatch } from 'react-hook-form';
import type { z } from 'zod';
import { saveTemplateInputSchema, type ChecklistTemplate } from '../../../shared/contract/checklists';
import { ApiCallError } from '../../../shared/contract/errors';
import { STAFF_ROLES } from '../../../shared/domain/roles';
import type { MessageKey } from '../../../shared/i18n/messages';
import { useApiMutation, useApiQuery } from '../../client/queries';
import { useI18n } from '../../i18n/i18n';
import { errorMessage, fieldErrorMessage } from '../../ui/error-message';
import { SubmitForm } from '../../ui/submit-form';
import { zodFormResolver } from '../../ui/zod-form-resolver';

type TemplateForm = z.input<typeof saveTemplateInputSchema>;
type TemplateValues = z.output<typeof saveTemplateInputSchema>;

const NEW = 'new';

function formOf(template: ChecklistTemplate | undefined, sort: number): TemplateForm {
  if (!template) {
    return { nameZh: '', nameEn: '', dueTime: '09:00', role: 'reception', active: true, sort, items: [{ textZh: '', textEn: '', kind: 'tick', expectedCount: null, roomId: null }] };
  }
  return {
    id: template.id,
    expectedVersion: template.version,
    nameZh: template.nameZh,
    nameEn: template.nameEn,
    dueTime: template.dueTime,
    role: template.role,
    active: template.active,
    sort: template.sort,
    items: template.items.map((item) => ({ id: item.id, textZh: item.textZh, textEn: item.textEn, kind: item.kind, expectedCount: item.expectedCount, roomId: item.roomId })),
  };
}

export function TemplateEditor({ open, onClose }: { open: boolean; onClose(): void }) {
  const { t, language } = useI18n();
  const { message } = App.useApp();
  const templates = useApiQuery('checklists.templates', {}, { enabled: open });
  const save = useApiMutation('checklists.saveTemplate');
  // Until the manager picks one, the first template is shown (or a new one when there is none).
  const [picked, setPicked] = useState<number | typeof NEW | null>(null);
  const { control, handleSubmit, reset, setError } = useForm<TemplateForm, unknown, TemplateValues>({
    resolver: zodFormResolver(saveTemplateInputSchema, language),
    defaultValues: formOf(undefined, 0),
  });
  const items = useFieldArray({ control, name: 'items' });
  const kinds = useWatch({ control, name: 'items' });
  const list = templates.data?.templates ?? [];
  const selected = picked ?? list[0]?.id ?? NEW;

  useEffect(() => {
    reset(formOf(list.find((template) => template.id === selected), list.length));
    save.reset();
    // When another template is picked.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [selected, templates.data]);

  const submit = handleSubmit(async (values) => {
    try {
      const saved = await save.mutateAsync(values);
      void message.success(t('checklists.editor.saved'));
      setPicked(saved.id);
    } catch (error) {
      if (error instanceof ApiCallError && error.path?.[0] === 'items' && typeof error.path[1] === 'number') {
        setError(`items.${error.path[1]}.textZh`, { message: error.message });
      }
    }
  });

  const help = (messageText: string | undefined, field: MessageKey) => fieldErrorMessage(messageText, t(field), t);
  const roomOptions = [
    { value: 0, label: t('checklists.editor.noRoom') },
    ...(templates.data?.rooms ?? []).map((room) => ({ value: room.id, label: language === 'en' ? room.nameEn : room.name })),
  ];

  return (
    <Drawer
      open={open}
      onClose={onClose}
      title={t('checklists.editor.title')}
      size={880}
      destroyOnHidden
      extra={
        <Button type="primary" loading={save.isPending} onClick={() => void submit()}>
          {t('checklists.editor.save')}
        </Button>
      }
    >
      <SubmitForm onSubmit={submit}>
        <Flex vertical gap={12}>
          <Select
            aria-label={t('checklists.editor.title')}
            value={selected}
            onChange={setPicked}
            loading={templates.isPending}
            options={[
              ...list.map((template) => ({
                value: template.id,
                label: `${template.dueTime} ${language === 'en' && template.nameEn ? template.nameEn : template.nameZh}${template.active ? '' : ` (${t('checklists.editor.inactive')})`}`,
              })),
              { value: NEW, label: `+ ${t('checklists.editor.new')}` },
            ]}
          />
          {templates.isError ? <Alert type="error" showIcon title={errorMessage(templates.error, t)} /> : null}
          {save.isError && !(save.error instanceof ApiCallError && save.error.path?.[0] === 'items') ? <Alert type="error" showIcon title={errorMessage(save.error, t)} /> : null}
          <Row gutter={12}>
            <Col span={12}>
              <Controller
                control={control}
                name="nameZh"
                render={({ field, fieldState }) => (
                  <Form.Item label={t('checklists.editor.nameZh')} layout="vertical" required validateStatus={fieldState.error ? 'error' : ''} help={help(fieldState.error?.message, 'checklists.editor.nameZh')}>
                    <Input {...field} aria-label={t('checklists.editor.nameZh')} />
                  </Form.Item>
                )}
              />
            </Col>
            <Col span={12}>
              <Controller
                control={control}
                name="nameEn"
                render={({ field }) => (
                  <Form.Item label={t('checklists.editor.nameEn')} layout="vertical">
                    <Input {...field} value={field.value ?? ''} aria-label={t('checklists.editor.nameEn')} />
                  </Form.Item>
                )}
              />
            </Col>
            <Col span={8}>
              <Controller
                control={control}
                name="dueTime"
                render={({ field, fieldState }) => (
                  <Form.Item label={t('checklists.editor.dueTime')} layout="vertical" required validateStatus={fieldState.error ? 'error' : ''} help={help(fieldState.error?.message, 'checklists.editor.dueTime')}>
                    <Input {...field} placeholder="08:45" aria-label={t('checklists.editor.dueTime')} />
                  </Form.Item>
                )}
              />
            </Col>
            <Col span={10}>
              <Controller
                control={control}
                name="role"
                render={({ field }) => (
                  <Form.Item label={t('checklists.editor.role')} layout="vertical">
                    <Select value={field.value} onChange={field.onChange} aria-label={t('checklists.editor.role')} options={STAFF_ROLES.map((role) => ({ value: role, label: t(`role.${role}`) }))} />
                  </Form.Item>
                )}
              />
            </Col>
            <Col span={6}>
              <Controller
                control={control}
                name="active"
                render={({ field }) => (
                  <Form.Item label={t('checklists.editor.active')} layout="vertical">
                    <Switch checked={field.value ?? true} onChange={field.onChange} aria-label={t('checklists.editor.active')} />
                  </Form.Item>
                )}
              />
            </Col>
          </Row>
          <Typography.Text strong>{t('checklists.editor.items')}</Typography.Text>
          {items.fields.map((row, index) => {
            const isCount = kinds?.[index]?.kind === 'count';
            return (
              <Flex key={row.id} gap={8} align="start" wrap>
                <Controller
                  control={control}
                  name={`items.${index}.textZh`}
                  render={({ field, fieldState }) => (
                    <Form.Item style={{ flex: '2 1 160px', margin: 0 }} validateStatus={fieldState.error ? 'error' : ''} help={help(fieldState.error?.message, 'checklists.editor.textZh')}>
                      <Input {...field} placeholder={t('checklists.editor.textZh')} aria-label={`${t('checklists.editor.textZh')} ${index + 1}`} />
                    </Form.Item>
                  )}
                />
                <Controller
                  control={control}
                  name={`items.${index}.textEn`}
                  render={({ field }) => <Input {...field} value={field.value ?? ''} style={{ flex: '2 1 140px' }} placeholder={t('checklists.editor.textEn')} aria-label={`${t('checklists.editor.textEn')} ${index + 1}`} />}
                />
                <Controller
                  control={control}
                  name={`items.${index}.kind`}
                  render={({ field }) => (
                    <Segmented<'tick' | 'count'>
                      value={field.value}
                      onChange={(kind) => {
                        field.onChange(kind);
                        items.update(index, { ...(kinds?.[index] ?? row), kind, expectedCount: kind === 'count' ? 1 : null });
                      }}
                      options={[
                        { value: 'tick', label: t('checklists.editor.kind.tick') },
                        { value: 'count', label: t('checklists.editor.kind.count') },
                      ]}
                    />
                  )}
                />
                {isCount ? (
                  <Controller
                    control={control}
                    name={`items.${index}.expectedCount`}
                    render={({ field, fieldState }) => (
                      <Form.Item style={{ margin: 0 }} validateStatus={fieldState.error ? 'error' : ''} help={help(fieldState.error?.message, 'checklists.editor.expected')}>
                        <InputNumber min={0} max={999} value={field.value ?? null} onChange={field.onChange} style={{ width: 80 }} placeholder={t('checklists.editor.expected')} aria-label={`${t('checklists.editor.expected')} ${index + 1}`} />
                      </Form.Item>
                    )}
                  />
                ) : null}
                <Controller
                  control={control}
                  name={`items.${index}.roomId`}
                  render={({ field }) => (
                    <Select value={field.value ?? 0} onChange={(value: number) => field.onChange(value === 0 ? null : value)} options={roomOptions} style={{ width: 150 }} aria-label={`${t('checklists.editor.room')} ${index + 1}`} />
                  )}
                />
                <Button icon={<DeleteOutlined />} aria-label={t('checklists.editor.removeItem')} disabled={items.fields.length === 1} onClick={() => items.remove(index)} />
              </Flex>
            );
          })}
          <Button icon={<PlusOutlined />} onClick={() => items.append({ textZh: '', textEn: '', kind: 'tick', expectedCount: null, roomId: null })}>
            {t('checklists.editor.addItem')}
          </Button>
        </Flex>
      </SubmitForm>
    </Drawer>
  );
}
