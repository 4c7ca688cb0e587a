/**
 * The items of interest (double eyelid, rhinoplasty …) offered when booking: add, rename,
 * deactivate (never delete: past appointments keep their item) and put in order.
 */
import { ArrowDownOutlined, ArrowUpOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Empty, Flex, Form, Input, Modal, Space, Switch, Table, Tag, Tooltip, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { itemSaveSchema, type Item, type ItemSave } from '../../../shared/contract/settings';
import { ApiCallError } from '../../../shared/contract/errors';
import { useApiMutation, useApiQuery } from '../../client/queries';
import { useI18n } from '../../i18n/i18n';
import { errorMessage } from '../../ui/error-message';
import { zodFormResolver } from '../../ui/zod-form-resolver';

type ItemForm = { nameZh: string; nameEn: string; active: boolean; sort: number };

function ItemModal({ item, nextSort, onClose }: { item: Item | null; nextSort: number; onClose(): void }) {
  const { t, language } = useI18n();
  const { message } = App.useApp();
  const save = useApiMutation('items.save');
  const { control, handleSubmit, setError } = useForm<ItemForm>({
    resolver: zodFormResolver(itemSaveSchema, language) as never,
    defaultValues: item ? { nameZh: item.nameZh, nameEn: item.nameEn, active: item.active, sort: item.sort } : { nameZh: '', nameEn: '', active: true, sort: nextSort },
  });
  const submit = handleSubmit(async (values) => {
    try {
      await save.mutateAsync({ ...values, ...(item ? { id: item.id, expectedVersion: item.version } : {}) } satisfies ItemSave);
      void message.success(t('settings.items.saved'));
      onClose();
    } catch (error) {
      // Changed meanwhile by another manager: said, and the dialog closes on the list as it is now.
      if (error instanceof ApiCallError && error.code === 'conflict' && error.path?.[0] === 'expectedVersion') {
        void message.error(errorMessage(error, t));
        onClose();
        return;
      }
      setError('nameZh', { message: errorMessage(error, t) });
    }
  });
  const text = (name: 'nameZh' | 'nameEn') => (
    <Controller
      control={control}
      name={name}
      render={({ field, fieldState }) => (
        <Form.Item label={t(`field.${name}`)} htmlFor={`item-${name}`} validateStatus={fieldState.error ? 'error' : ''} help={fieldState.error?.message}>
          <Input id={`item-${name}`} {...field} autoFocus={name === 'nameZh'} />
        </Form.Item>
      )}
    />
  );
  return (
    <Modal
      open
      title={item ? t('settings.items.edit') : t('settings.items.add')}
      okText={t('settings.save')}
      cancelText={t('settings.cancel')}
      confirmLoading={save.isPending}
      onOk={() => void submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form layout="vertical" component="div" onKeyDown={(event) => event.key === 'Enter' && void submit()}>
        {text('nameZh')}
        {text('nameEn')}
        <Controller
          control={control}
          name="active"
          render={({ field }) => (
            <Form.Item label={t('field.active')} htmlFor="item-active">
              <Switch id="item-active" checked={field.value} onChange={field.onChange} />
            </Form.Item>
          )}
        />
      </Form>
    </Modal>
  );
}

export function ItemsTable() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const items = useApiQuery('items.list', { includeInactive: true });
  const save = useApiMutation('items.save');
  const [editing, setEditing] = useState<Item | 'new' | null>(null);
  const rows = items.data ?? [];

  const persist = async (changes: Item[]) => {
    try {
      for (const item of changes) await save.mutateAsync({ id: item.id, expectedVersion: item.version, nameZh: item.nameZh, nameEn: item.nameEn, active: item.active, sort: item.sort });
    } catch (error) {
      void message.error(errorMessage(error, t));
    }
  };
  /** Moves a row one place and renumbers the list in tens, saving only the rows that moved. */
  const move = (index: number, by: -1 | 1) => {
    const order = [...rows];
    const [moved] = order.splice(index, 1);
    if (!moved) return;
    order.splice(index + by, 0, moved);
    void persist(order.map((item, position) => ({ ...item, sort: (position + 1) * 10 })).filter((item, position) => item.sort !== rows[position]?.sort || item.id !== rows[position]?.id));
  };

  const columns: TableColumnsType<Item> = [
    { title: t('field.nameZh'), dataIndex: 'nameZh', render: (name: string, item) => <span lang="zh-CN" style={item.active ? undefined : { color: '#999' }}>{name}</span> },
    { title: t('field.nameEn'), dataIndex: 'nameEn' },
    {
      title: t('field.active'),
      dataIndex: 'active',
      width: 100,
      render: (active: boolean) => (active ? <Tag color="green">{t('settings.items.activeTag')}</Tag> : <Tag>{t('settings.items.inactive')}</Tag>),
    },
    {
      title: t('settings.items.actions'),
      key: 'actions',
      width: 260,
      render: (_value, item, index) => (
        <Space size={4}>
          <Tooltip title={t('settings.items.up')}>
            <Button size="small" icon={<ArrowUpOutlined />} aria-label={t('settings.items.up')} disabled={index === 0} onClick={() => move(index, -1)} />
          </Tooltip>
          <Tooltip title={t('settings.items.down')}>
            <Button size="small" icon={<ArrowDownOutlined />} aria-label={t('settings.items.down')} disabled={index === rows.length - 1} onClick={() => move(index, 1)} />
          </Tooltip>
          <Button size="small" icon={<EditOutlined />} onClick={() => setEditing(item)}>
            {t('settings.items.edit')}
          </Button>
          <Button size="small" onClick={() => void persist([{ ...item, active: !item.active }])}>
            {item.active ? t('settings.items.deactivate') : t('settings.items.activate')}
          </Button>
        </Space>
      ),
    },
  ];

  return (
    <Flex vertical gap={12}>
      <div>
        <Button icon={<PlusOutlined />} onClick={() => setEditing('new')}>
          {t('settings.items.add')}
        </Button>
      </div>
      <Table<Item>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={rows}
        loading={items.isPending || save.isPending}
        pagination={false}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('settings.items.empty')} /> }}
      />
      {editing && (
        <ItemModal
          item={editing === 'new' ? null : editing}
          nextSort={(rows.reduce((max, item) => Math.max(max, item.sort), 0) || 0) + 10}
          onClose={() => setEditing(null)}
        />
      )}
    </Flex>
  );
}
