/**
 * The dialogs of staff administration: add or edit a member of staff (validated by the contract's
 * own schemas, a stale save said with what the other manager changed and their version offered),
 * and reset a PIN.
 */
import { Alert, App, Button, Form, Input, Modal, Select } from 'antd';
import { useState } from 'react';
import { Controller, useForm, type Control, type FieldValues, type Path } from 'react-hook-form';
import { ApiCallError } from '../../../shared/contract/errors';
import { createStaffInputSchema, updateStaffInputSchema, type StaffMember } from '../../../shared/contract/staff';
import { changedFields, isStaleSaveDetails } from '../../../shared/domain/record-changes';
import { ROLES } from '../../../shared/domain/roles';
import { STAFF_NAME_MAX } from '../../../shared/domain/staff';
import { pinSchema } from '../../../shared/contract/auth';
import type { MessageKey } from '../../../shared/i18n/messages';
import { z } from 'zod';
import { useApiMutation } from '../../client/queries';
import { useI18n } from '../../i18n/i18n';
import { errorMessage, fieldErrorMessage } from '../../ui/error-message';
import { zodFormResolver } from '../../ui/zod-form-resolver';
import { roomLabel } from '../../../shared/domain/rooms';

type Room = { id: number; name: string; nameEn: string; floor: number };
type StaffForm = { id?: number; expectedVersion?: number; name: string; role: StaffMember['role']; specialty: string | null; specialtyEn: string | null; roomIds: number[]; pin?: string };
const FORM_FIELDS = ['name', 'role', 'specialty', 'specialtyEn', 'roomIds', 'pin'] as const;

const formOf = (member: StaffMember): StaffForm => ({ id: member.id, expectedVersion: member.version, name: member.name, role: member.role, specialty: member.specialty, specialtyEn: member.specialtyEn, roomIds: member.rooms.map((room) => room.id) });

/** Adds (no `member`) or edits a member of staff. */
export function StaffDialog({ member: opened, rooms, onClose }: { member?: StaffMember; rooms: Room[]; onClose(): void }) {
  const { t, language } = useI18n();
  const { message } = App.useApp();
  const create = useApiMutation('staff.create');
  const update = useApiMutation('staff.update');
  const [member, setMember] = useState(opened);
  const [newer, setNewer] = useState<StaffMember | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const editing = member !== undefined;
  const { control, handleSubmit, setError, reset } = useForm<StaffForm, unknown, StaffForm>({
    // The contract's own schemas, said in the user's language (zod-form-resolver.ts).
    resolver: zodFormResolver((editing ? updateStaffInputSchema : createStaffInputSchema) as unknown as z.ZodType<StaffForm, StaffForm>, language),
    defaultValues: member ? formOf(member) : { name: '', role: 'nurse', specialty: null, specialtyEn: null, roomIds: [], pin: '' },
  });
  const submit = handleSubmit(async (values) => {
    setFailure(null);
    setNewer(null);
    try {
      if (member) {
        await update.mutateAsync({ id: member.id, expectedVersion: member.version, name: values.name, role: values.role, specialty: values.specialty || null, specialtyEn: values.specialtyEn || null, roomIds: values.roomIds });
        void message.success(t('staff.saved'));
      } else {
        await create.mutateAsync({ name: values.name, role: values.role, specialty: values.specialty || null, specialtyEn: values.specialtyEn || null, roomIds: values.roomIds, pin: values.pin ?? '' });
        void message.success({ content: t('staff.added', { name: values.name }), duration: 6 });
      }
      onClose();
    } catch (error) {
      const field = error instanceof ApiCallError ? error.path?.[0] : undefined;
      const formField = FORM_FIELDS.find((name) => name === field);
      if (error instanceof ApiCallError && error.code === 'invalid' && formField) setError(formField, { message: error.message });
      else setFailure(errorMessage(error, t));
      if (error instanceof ApiCallError && error.code === 'conflict' && isStaleSaveDetails(error.details)) setNewer(error.details.current as StaffMember);
    }
  });
  const changes = member && newer ? changedFields(member, newer).filter((change) => ['name', 'role', 'specialty', 'rooms', 'active'].includes(change.field)) : [];
  const roomName = (room: Room) => roomLabel(room, language);

  return (
    <Modal
      open
      title={member ? t('staff.editTitle', { name: member.name }) : t('staff.addTitle')}
      okText={t('staff.save')}
      cancelText={t('staff.cancel')}
      confirmLoading={create.isPending || update.isPending}
      onOk={() => void submit()}
      onCancel={onClose}
      destroyOnHidden
      width={560}
    >
      <Form layout="vertical" component="form" onFinish={() => void submit()} data-testid="staff-form">
        <Controller
          control={control}
          name="name"
          render={({ field, fieldState }) => (
            <Form.Item label={t('field.name')} htmlFor="staff-name" validateStatus={fieldState.error ? 'error' : ''} help={fieldErrorMessage(fieldState.error?.message, t('field.name'), t)}>
              {/* No maxLength: a pasted long name is said to be too long, never silently cut. */}
              <Input id="staff-name" {...field} autoFocus showCount count={{ max: STAFF_NAME_MAX }} />
            </Form.Item>
          )}
        />
        <Controller
          control={control}
          name="role"
          render={({ field, fieldState }) => (
            <Form.Item label={t('field.role')} htmlFor="staff-role" validateStatus={fieldState.error ? 'error' : ''} help={fieldState.error?.message}>
              <Select id="staff-role" value={field.value} onChange={field.onChange} options={ROLES.map((role) => ({ value: role, label: t(`role.${role}`) }))} />
            </Form.Item>
          )}
        />
        <Controller
          control={control}
          name="specialty"
          render={({ field, fieldState }) => (
            <Form.Item label={t('field.specialty')} htmlFor="staff-specialty" validateStatus={fieldState.error ? 'error' : ''} help={fieldErrorMessage(fieldState.error?.message, t('field.specialty'), t)}>
              <Input id="staff-specialty" value={field.value ?? ''} onChange={(event) => field.onChange(event.target.value)} onBlur={field.onBlur} />
            </Form.Item>
          )}
        />
        {/* The specialty as the English console shows it (issue 13 part 11). */}
        <Controller
          control={control}
          name="specialtyEn"
          render={({ field, fieldState }) => (
            <Form.Item label={t('field.specialtyEn')} htmlFor="staff-specialty-en" validateStatus={fieldState.error ? 'error' : ''} help={fieldErrorMessage(fieldState.error?.message, t('field.specialtyEn'), t)}>
              <Input id="staff-specialty-en" value={field.value ?? ''} onChange={(event) => field.onChange(event.target.value)} onBlur={field.onBlur} />
            </Form.Item>
          )}
        />
        <Controller
          control={control}
          name="roomIds"
          render={({ field, fieldState }) => (
            <Form.Item label={t('field.roomIds')} htmlFor="staff-rooms" validateStatus={fieldState.error ? 'error' : ''} help={fieldErrorMessage(fieldState.error?.message, t('field.roomIds'), t)}>
              <Select id="staff-rooms" mode="multiple" allowClear value={field.value} onChange={field.onChange} options={rooms.map((room) => ({ value: room.id, label: roomName(room) }))} optionFilterProp="label" />
            </Form.Item>
          )}
        />
        {!editing && <PinInput control={control} name="pin" label={t('field.pin')} extra={t('staff.pinHint')} />}
        {failure && (
          <Alert
            type="error"
            showIcon
            role="alert"
            data-testid="staff-failure"
            title={failure}
            description={changes.length > 0 ? <ul style={{ margin: 0, paddingInlineStart: 20 }}>{changes.map((change) => <li key={change.field}>{t('app.changedMeanwhile.item', { field: t(`staff.column.${change.field === 'active' ? 'state' : change.field}` as MessageKey), value: describe(change.current, roomName, t) })}</li>)}</ul> : undefined}
            action={
              newer ? (
                <Button
                  size="small"
                  type="primary"
                  onClick={() => {
                    setMember(newer);
                    reset(formOf(newer));
                    setNewer(null);
                    setFailure(null);
                  }}
                >
                  {t('app.changedMeanwhile.reload')}
                </Button>
              ) : undefined
            }
          />
        )}
      </Form>
    </Modal>
  );
}

function describe(value: unknown, roomName: (room: Room) => string, t: (key: MessageKey) => string): string {
  if (Array.isArray(value)) return (value as Room[]).map(roomName).join('、') || '—';
  if (typeof value === 'boolean') return t(value ? 'staff.state.active' : 'staff.state.inactive');
  if (typeof value === 'string' && (['reception', 'guide', 'consultant', 'nurse', 'doctor', 'manager', 'display'] as string[]).includes(value)) return t(`role.${value}` as MessageKey);
  return value === null || value === undefined || value === '' ? '—' : String(value);
}

function PinInput<Form extends FieldValues>({ control, name, label, extra }: { control: Control<Form, unknown, Form>; name: Path<Form>; label: string; extra: string }) {
  const { t } = useI18n();
  return (
    <Controller
      control={control}
      name={name}
      render={({ field, fieldState }) => (
        <Form.Item label={label} htmlFor={`staff-${name}`} extra={extra} validateStatus={fieldState.error ? 'error' : ''} help={fieldErrorMessage(fieldState.error?.message, label, t)}>
          <Input.Password id={`staff-${name}`} value={field.value as string} onChange={field.onChange} onBlur={field.onBlur} inputMode="numeric" autoComplete="new-password" maxLength={8} />
        </Form.Item>
      )}
    />
  );
}

/** A new PIN for a member of staff; they must change it at the next sign-in. */
export function ResetPinDialog({ member, onClose }: { member: StaffMember; onClose(): void }) {
  const { t, language } = useI18n();
  const { message } = App.useApp();
  const resetPin = useApiMutation('staff.resetPin');
  const [failure, setFailure] = useState<string | null>(null);
  const { control, handleSubmit, setError } = useForm<{ pin: string }>({ resolver: zodFormResolver(z.object({ pin: pinSchema }), language), defaultValues: { pin: '' } });
  const submit = handleSubmit(async ({ pin }) => {
    setFailure(null);
    try {
      await resetPin.mutateAsync({ id: member.id, expectedVersion: member.version, pin });
      void message.success(t('staff.pinReset', { name: member.name }));
      onClose();
    } catch (error) {
      if (error instanceof ApiCallError && error.path?.[0] === 'pin') setError('pin', { message: error.message });
      else setFailure(errorMessage(error, t));
    }
  });
  return (
    <Modal open title={t('staff.resetPinTitle', { name: member.name })} okText={t('staff.resetPin')} cancelText={t('staff.cancel')} confirmLoading={resetPin.isPending} onOk={() => void submit()} onCancel={onClose} destroyOnHidden>
      <Alert type="warning" showIcon title={t('staff.resetPinHint')} style={{ marginBottom: 16 }} />
      <Form layout="vertical" component="form" onFinish={() => void submit()}>
        <PinInput control={control} name="pin" label={t('field.pin')} extra={t('staff.pinHint')} />
        {failure && <Alert type="error" showIcon role="alert" title={failure} />}
      </Form>
    </Modal>
  );
}
