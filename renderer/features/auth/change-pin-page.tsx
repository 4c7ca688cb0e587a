/**
 * The forced change of a first or reset PIN (issue 13 part 8): shown instead of the console after
 * signing in with a PIN a manager set, until the person has chosen their own. The server refuses
 * every other call meanwhile, so this is the only way on. A manager's PIN has at least 6 digits.
 */
import { KeyOutlined } from '@ant-design/icons';
import { Alert, Avatar, Button, Card, Flex, Form, Input, Typography } from 'antd';
import { Controller, useForm, type Control } from 'react-hook-form';
import { z } from 'zod';
import { pinSchema, type SessionInfo } from '../../../shared/contract/auth';
import { ApiCallError } from '../../../shared/contract/errors';
import { minimumPinDigits } from '../../../shared/domain/staff';
import { useApiMutation } from '../../client/queries';
import { useI18n } from '../../i18n/i18n';
import { errorMessage, fieldErrorMessage } from '../../ui/error-message';
import { LanguageSwitch } from '../../ui/language-switch';
import { zodFormResolver } from '../../ui/zod-form-resolver';
import styles from './sign-in-page.module.css';

type PinFields = { currentPin: string; newPin: string; newPinAgain: string };

function changePinSchema(minimum: number) {
  return z
    .object({ currentPin: pinSchema, newPin: pinSchema, newPinAgain: z.string() })
    .refine((form) => form.newPin.length >= minimum, { message: 'staff.validation.managerPin', path: ['newPin'] })
    .refine((form) => form.newPin !== form.currentPin, { message: 'staff.validation.samePin', path: ['newPin'] })
    .refine((form) => form.newPin === form.newPinAgain, { message: 'staff.validation.pinRepeat', path: ['newPinAgain'] });
}

export function ChangePinPage({ session, onChanged, onSignOut }: { session: SessionInfo; onChanged(): Promise<void>; onSignOut(): Promise<void> }) {
  const { t, language } = useI18n();
  const change = useApiMutation('auth.changePin', { networkMode: 'always' });
  const { control, handleSubmit, setError } = useForm<PinFields>({
    resolver: zodFormResolver(changePinSchema(minimumPinDigits(session.staff.role)), language),
    defaultValues: { currentPin: '', newPin: '', newPinAgain: '' },
  });
  const submit = handleSubmit(async ({ currentPin, newPin }) => {
    try {
      await change.mutateAsync({ currentPin, newPin });
      await onChanged();
    } catch (error) {
      const field = error instanceof ApiCallError ? error.path?.[0] : undefined;
      if (field === 'currentPin' || field === 'newPin') setError(field, { message: errorMessage(error, t) });
    }
  });
  const failure = change.isError && !(change.error.path?.[0] === 'currentPin' || change.error.path?.[0] === 'newPin') ? errorMessage(change.error, t) : null;

  return (
    <div className={styles.page} data-testid="change-pin">
      <aside className={styles.brand}>
        <div className={styles.brandMark}>前</div>
        <Typography.Title level={2} className={styles.brandTitle}>
          {t('app.name')}
        </Typography.Title>
        <div className={styles.brandFooter}>
          <LanguageSwitch />
        </div>
      </aside>
      <main className={styles.panel}>
        <Card className={styles.pinCard}>
          <Flex align="center" gap={14} className={styles.pinWho}>
            <Avatar size={52} className={styles.avatar} icon={<KeyOutlined />} />
            <div>
              <Typography.Title level={4} style={{ margin: 0 }}>
                {t('pinChange.title')}
              </Typography.Title>
              <Typography.Text type="secondary">
                {session.staff.name} · {t(`role.${session.staff.role}`)}
              </Typography.Text>
            </div>
          </Flex>
          <Alert type="info" showIcon title={t('pinChange.hint')} style={{ marginBottom: 16 }} />
          <form onSubmit={(event) => void submit(event)} noValidate>
            <PinField control={control} name="currentPin" autoFocus />
            <PinField control={control} name="newPin" extra={t('staff.pinHint')} />
            <PinField control={control} name="newPinAgain" />
            {failure && <Alert type="error" showIcon role="alert" title={failure} style={{ marginBottom: 12 }} />}
            <Flex gap={8} justify="space-between">
              <Button onClick={() => void onSignOut()}>{t('pinChange.signOut')}</Button>
              <Button type="primary" htmlType="submit" size="large" loading={change.isPending}>
                {t('pinChange.submit')}
              </Button>
            </Flex>
          </form>
        </Card>
      </main>
    </div>
  );
}

function PinField({ control, name, autoFocus, extra }: { control: Control<PinFields>; name: keyof PinFields; autoFocus?: boolean; extra?: string }) {
  const { t } = useI18n();
  return (
    <Controller
      control={control}
      name={name}
      render={({ field, fieldState }) => (
        <Form.Item
          label={t(`field.${name}`)}
          layout="vertical"
          htmlFor={`change-pin-${name}`}
          extra={extra}
          validateStatus={fieldState.error ? 'error' : ''}
          help={fieldErrorMessage(fieldState.error?.message, t(`field.${name}`), t)}
        >
          <Input.Password {...field} id={`change-pin-${name}`} autoFocus={autoFocus} size="large" inputMode="numeric" autoComplete="off" maxLength={8} />
        </Form.Item>
      )}
    />
  );
}
