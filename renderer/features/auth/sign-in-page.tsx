/**
 * Sign-in and the lock screen: pick your name from the staff list, type your PIN. The PIN form
 * uses the contract's own schema, so the browser and the server agree on what a PIN is.
 */
import { LockOutlined } from '@ant-design/icons';
import { Alert, Avatar, Button, Card, Empty, Flex, Form, Input, Segmented, Spin, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { z } from 'zod';
import { pinSchema, type StaffSummary } from '../../../shared/contract/auth';
import { ROLES, type Role } from '../../../shared/domain/roles';
import { useApiMutation, useApiQuery } from '../../client/queries';
import { useI18n } from '../../i18n/i18n';
import { errorMessage, fieldErrorMessage } from '../../ui/error-message';
import { LanguageSwitch } from '../../ui/language-switch';
import { zodFormResolver } from '../../ui/zod-form-resolver';
import styles from './sign-in-page.module.css';

const pinFormSchema = z.object({ pin: pinSchema });
type PinForm = z.infer<typeof pinFormSchema>;

const ROLE_COLORS: Record<Role, string> = {
  reception: 'cyan',
  guide: 'green',
  consultant: 'purple',
  nurse: 'magenta',
  doctor: 'blue',
  manager: 'gold',
  display: 'default',
};

export function SignInPage({
  mode,
  onSignedIn,
  initialRole,
  lockReason = 'idle',
  lockedBy = '',
}: {
  mode: 'signIn' | 'locked';
  /** Why it is locked: after inactivity, by the person (Alt+L, the lock button), or the session ended. */
  lockReason?: 'idle' | 'manual' | 'sessionOver';
  lockedBy?: string;
  onSignedIn: () => Promise<void>;
  /** The role the staff list starts filtered to (the lobby display's page offers its own accounts). */
  initialRole?: Role | undefined;
}) {
  const { t } = useI18n();
  // 'always': the lock screen runs while the query layer is paused.
  const staff = useApiQuery('auth.staff', {}, { staleTime: 0, networkMode: 'always' });
  const [selected, setSelected] = useState<StaffSummary | null>(null);

  return (
    <div className={mode === 'locked' ? `${styles.page} ${styles.locked}` : styles.page} data-testid={mode === 'locked' ? 'lock-screen' : 'sign-in'}>
      <aside className={styles.brand}>
        <div className={styles.brandMark}>前</div>
        <Typography.Title level={2} className={styles.brandTitle}>
          {t('app.name')}
        </Typography.Title>
        <Typography.Paragraph className={styles.brandTagline}>{t('app.tagline')}</Typography.Paragraph>
        <div className={styles.brandFooter}>
          <LanguageSwitch />
        </div>
      </aside>
      <main className={styles.panel}>
        {mode === 'locked' && (
          <Alert
            type="info"
            showIcon
            icon={<LockOutlined />}
            title={t('signIn.lockedTitle')}
            description={lockReason === 'manual' ? t('signIn.lockedHint.manual', { name: lockedBy }) : lockReason === 'sessionOver' ? t('signIn.lockedHint.sessionOver') : t('signIn.lockedHint')}
            data-testid="lock-reason"
            className={styles.lockedAlert}
          />
        )}
        {selected ? (
          <PinStep staff={selected} onBack={() => setSelected(null)} onSignedIn={onSignedIn} />
        ) : (
          <>
            <Typography.Title level={3}>{t('signIn.title')}</Typography.Title>
            <Typography.Paragraph type="secondary">{t('signIn.subtitle')}</Typography.Paragraph>
            {staff.isPending ? (
              <Spin />
            ) : staff.isError ? (
              <Alert type="error" showIcon title={errorMessage(staff.error, t)} action={<Button onClick={() => void staff.refetch()}>{t('app.retry')}</Button>} />
            ) : staff.data.length === 0 ? (
              <Empty description={t('signIn.noStaff')} />
            ) : (
              <StaffGrid staff={staff.data} onPick={setSelected} initialRole={initialRole} />
            )}
          </>
        )}
      </main>
    </div>
  );
}

function StaffGrid({ staff, onPick, initialRole }: { staff: StaffSummary[]; onPick: (member: StaffSummary) => void; initialRole?: Role | undefined }) {
  const { t } = useI18n();
  const rolesPresent = ROLES.filter((role) => staff.some((member) => member.role === role));
  const [role, setRole] = useState<Role | 'all'>(initialRole && rolesPresent.includes(initialRole) ? initialRole : 'all');
  const shown = useMemo(
    () =>
      staff
        .filter((member) => role === 'all' || member.role === role)
        .sort((a, b) => ROLES.indexOf(a.role) - ROLES.indexOf(b.role)),
    [staff, role],
  );
  return (
    <>
      <Segmented
        value={role}
        onChange={(value) => setRole(value as Role | 'all')}
        options={[{ value: 'all', label: t('today.filterAll') }, ...rolesPresent.map((value) => ({ value, label: t(`role.${value}`) }))]}
        className={styles.roleFilter}
      />
      <div className={styles.grid} role="list">
        {shown.map((member) => (
          <Card key={member.id} hoverable size="small" className={styles.staffCard} onClick={() => onPick(member)} role="listitem">
            <button type="button" className={styles.staffButton} aria-label={`${member.name} ${t(`role.${member.role}`)}`}>
              <Avatar size={40} className={styles.avatar}>
                {member.name.slice(0, 1)}
              </Avatar>
              <span className={styles.staffText}>
                <span className={styles.staffName}>{member.name}</span>
                <Tag color={ROLE_COLORS[member.role]} className={styles.roleTag}>
                  {t(`role.${member.role}`)}
                </Tag>
              </span>
            </button>
          </Card>
        ))}
      </div>
    </>
  );
}

function PinStep({ staff, onBack, onSignedIn }: { staff: StaffSummary; onBack: () => void; onSignedIn: () => Promise<void> }) {
  const { t, language } = useI18n();
  const signIn = useApiMutation('auth.signIn', { networkMode: 'always' });
  const { control, handleSubmit, reset, setFocus } = useForm<PinForm>({
    resolver: zodFormResolver(pinFormSchema, language),
    defaultValues: { pin: '' },
  });

  const submit = handleSubmit(async ({ pin }) => {
    try {
      await signIn.mutateAsync({ staffId: staff.id, pin });
      await onSignedIn();
    } catch {
      reset({ pin: '' });
      setTimeout(() => setFocus('pin'), 0);
    }
  });

  return (
    <Card className={styles.pinCard}>
      <Flex align="center" gap={14} className={styles.pinWho}>
        <Avatar size={52} className={styles.avatar}>
          {staff.name.slice(0, 1)}
        </Avatar>
        <div>
          <Typography.Title level={4} style={{ margin: 0 }}>
            {staff.name}
          </Typography.Title>
          <Tag color={ROLE_COLORS[staff.role]}>{t(`role.${staff.role}`)}</Tag>
        </div>
      </Flex>
      <form onSubmit={(event) => void submit(event)} noValidate>
        <Controller
          control={control}
          name="pin"
          render={({ field, fieldState }) => (
            <Form.Item
              label={t('signIn.pin')}
              layout="vertical"
              validateStatus={fieldState.error ? 'error' : ''}
              help={fieldErrorMessage(fieldState.error?.message, t('field.pin'), t)}
            >
              <Input.Password
                {...field}
                autoFocus
                size="large"
                inputMode="numeric"
                autoComplete="off"
                maxLength={8}
                placeholder={t('signIn.pinPlaceholder')}
                aria-label={t('signIn.pin')}
              />
            </Form.Item>
          )}
        />
        {signIn.isError && <Alert type="error" showIcon title={errorMessage(signIn.error, t)} className={styles.pinError} role="alert" />}
        <Flex gap={8} justify="space-between">
          <Button onClick={onBack}>{t('signIn.back')}</Button>
          <Button type="primary" htmlType="submit" size="large" loading={signIn.isPending}>
            {t('signIn.submit')}
          </Button>
        </Flex>
      </form>
    </Card>
  );
}
