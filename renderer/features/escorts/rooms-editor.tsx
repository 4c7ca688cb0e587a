/**
 * The rooms' places and directions (issue 14), edited in settings by a manager: floor, lift or
 * stairs, position on the floor's plan (for the directions slip's sketch), the way and landmarks
 * in Chinese and English. A save carries the version it was read at: of two editors, one wins.
 */
import { App, Button, Col, Form, Input, InputNumber, Modal, Row, Select, Table } from 'antd';
import { useState } from 'react';
import { ROOM_ACCESS, type RoomView } from '../../../shared/contract/escorts';
import { useApiMutation, useApiQuery } from '../../client/queries';
import { useI18n } from '../../i18n/i18n';
import { errorMessage } from '../../ui/error-message';
import { roomLabel } from '../../../shared/domain/rooms';

type Draft = Pick<RoomView, 'floor' | 'access' | 'posX' | 'posY' | 'directions' | 'directionsEn' | 'landmarks' | 'landmarksEn'>;

export function RoomsEditor() {
  const { t, language } = useI18n();
  const { message } = App.useApp();
  const rooms = useApiQuery('rooms.list', {});
  const save = useApiMutation('rooms.update');
  const [editing, setEditing] = useState<RoomView | null>(null);
  const [draft, setDraft] = useState<Draft | null>(null);
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => setDraft((before) => (before ? { ...before, [key]: value } : before));
  const open = (room: RoomView) => {
    setEditing(room);
    setDraft({ floor: room.floor, access: room.access, posX: room.posX, posY: room.posY, directions: room.directions, directionsEn: room.directionsEn, landmarks: room.landmarks, landmarksEn: room.landmarksEn });
  };
  const submit = () => {
    if (!editing || !draft) return;
    save.mutate(
      { id: editing.id, expectedVersion: editing.version, ...draft },
      {
        onSuccess: () => {
          void message.success(t('escorts.roomSaved'));
          setEditing(null);
          void rooms.refetch();
        },
        onError: (error) => void message.error(errorMessage(error, t)),
      },
    );
  };
  return (
    <>
      <Table<RoomView>
        size="small"
        rowKey="id"
        loading={rooms.isLoading}
        dataSource={rooms.data ?? []}
        pagination={false}
        columns={[
          { title: t('field.floor'), dataIndex: 'floor', width: 70 },
          { title: t('field.roomName'), render: (_, room) => roomLabel(room, language) },
          { title: t('field.access'), render: (_, room) => t(`escorts.access.${room.access}`), width: 140 },
          { title: t('field.directions'), render: (_, room) => (language === 'en' ? room.directionsEn : room.directions) },
          { title: t('field.landmarks'), render: (_, room) => (language === 'en' ? room.landmarksEn : room.landmarks) },
          { title: '', width: 90, render: (_, room) => <Button size="small" onClick={() => open(room)}>{t('escorts.editRoom')}</Button> },
        ]}
      />
      <Modal open={editing !== null} title={editing ? roomLabel(editing, language) : ''} onCancel={() => setEditing(null)} onOk={submit} confirmLoading={save.isPending} width={720} destroyOnHidden>
        {draft && (
          <Form layout="vertical">
            <Row gutter={12}>
              <Col span={6}><Form.Item label={t('field.floor')}><InputNumber min={-5} max={99} value={draft.floor} onChange={(value) => set('floor', value ?? draft.floor)} /></Form.Item></Col>
              <Col span={6}><Form.Item label={t('field.access')}><Select value={draft.access} onChange={(value) => set('access', value)} options={ROOM_ACCESS.map((value) => ({ value, label: t(`escorts.access.${value}`) }))} /></Form.Item></Col>
              <Col span={6}><Form.Item label={t('field.posX')}><InputNumber min={0} max={100} value={draft.posX} onChange={(value) => set('posX', value ?? draft.posX)} /></Form.Item></Col>
              <Col span={6}><Form.Item label={t('field.posY')}><InputNumber min={0} max={100} value={draft.posY} onChange={(value) => set('posY', value ?? draft.posY)} /></Form.Item></Col>
              <Col span={12}><Form.Item label={t('field.directions')}><Input.TextArea autoSize value={draft.directions} count={{ show: true, max: 300 }} onChange={(event) => set('directions', event.target.value)} /></Form.Item></Col>
              <Col span={12}><Form.Item label={t('field.directionsEn')}><Input.TextArea autoSize value={draft.directionsEn} count={{ show: true, max: 500 }} onChange={(event) => set('directionsEn', event.target.value)} /></Form.Item></Col>
              <Col span={12}><Form.Item label={t('field.landmarks')}><Input.TextArea autoSize value={draft.landmarks} count={{ show: true, max: 200 }} onChange={(event) => set('landmarks', event.target.value)} /></Form.Item></Col>
              <Col span={12}><Form.Item label={t('field.landmarksEn')}><Input.TextArea autoSize value={draft.landmarksEn} count={{ show: true, max: 300 }} onChange={(event) => set('landmarksEn', event.target.value)} /></Form.Item></Col>
            </Row>
          </Form>
        )}
      </Modal>
    </>
  );
}
