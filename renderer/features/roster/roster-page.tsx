/**
 * The roster screen (#/roster). First the morning confirmation (seed 000 step 4: before opening,
 * reception goes through today's doctors one by one), then the week's templates and overrides.
 * Keys on the confirmation tab: ↑/↓ choose a doctor, P present, L late, A absent.
 */
import { Alert, Button, Empty, Flex, Progress, Spin, Tabs, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import type { SessionInfo } from '../../../shared/contract/auth';
import { useApiQuery } from '../../client/queries';
import { useI18n } from '../../i18n/i18n';
import { useCan, useWhoMay } from '../../ui/permissions';
import { errorMessage } from '../../ui/error-message';
import { formatClinicDate } from '../../ui/format';
import { RosterDoctorCard } from './roster-doctor-card';
import { RosterWeek } from './roster-week';
import { useConfirmDoctor } from './use-confirm-doctor';


export function RosterPage({ session }: { session: SessionInfo }) {
  const { t } = useI18n();
  const [tab, setTab] = useState('today');
  return (
    <Flex vertical gap={12}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        {t('roster.title')}
      </Typography.Title>
      <Tabs
        activeKey={tab}
        onChange={setTab}
        items={[
          { key: 'today', label: t('roster.tab.today'), children: <MorningConfirmation session={session} /> },
          { key: 'week', label: t('roster.tab.week'), children: <RosterWeek session={session} /> },
        ]}
      />
    </Flex>
  );
}

function MorningConfirmation({ session }: { session: SessionInfo }) {
  const { t, language } = useI18n();
  const date = session.clinic.today;
  const today = useApiQuery('roster.today', { date });
  const confirmDoctor = useConfirmDoctor(date);
  const confirm = confirmDoctor.mutation;
  const [focused, setFocused] = useState(0);
  const [lateOpenFor, setLateOpenFor] = useState<number | null>(null);
  const canWrite = useCan('roster.confirm');
  const whoConfirms = useWhoMay('roster.confirm');
  const doctors = useMemo(() => today.data?.doctors ?? [], [today.data]);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const target = event.target as HTMLElement | null;
      if (target && (['INPUT', 'TEXTAREA'].includes(target.tagName) || target.isContentEditable)) return;
      if (event.ctrlKey || event.metaKey || event.altKey) return;
      const entry = doctors[focused];
      if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
        event.preventDefault();
        setFocused((index) => Math.max(0, Math.min(doctors.length - 1, index + (event.key === 'ArrowDown' ? 1 : -1))));
        return;
      }
      if (!entry || !canWrite) return;
      const key = event.key.toLowerCase();
      if (key === 'p' || key === 'a') {
        // One key never changes a confirmation silently: absent is asked first, and any change can be undone.
        event.preventDefault();
        if (entry.confirmation?.status === (key === 'p' ? 'present' : 'absent')) return;
        confirmDoctor(entry, key === 'p' ? 'present' : 'absent', {}, { ask: true });
      } else if (key === 'l') {
        event.preventDefault();
        setLateOpenFor(entry.doctor.id);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [doctors, focused, canWrite, confirmDoctor]);

  if (today.isPending) return <Spin />;
  if (today.isError) {
    return <Alert type="error" showIcon title={errorMessage(today.error, t)} action={<Button onClick={() => void today.refetch()}>{t('app.retry')}</Button>} />;
  }
  const total = doctors.length;
  const confirmedCount = today.data.confirmedCount;
  return (
    <Flex vertical gap={12}>
      <Flex justify="space-between" align="center" wrap gap={12}>
        <div>
          <Typography.Title level={5} style={{ margin: 0 }}>
            {t('roster.today.heading', { date: formatClinicDate(date, language) })}
          </Typography.Title>
          <Typography.Text type="secondary">{t('roster.today.hint')}</Typography.Text>
        </div>
        <Flex vertical align="end" style={{ minWidth: 220 }}>
          <Typography.Text>{t('roster.today.progress', { confirmed: confirmedCount, total })}</Typography.Text>
          <Progress percent={total === 0 ? 0 : Math.round((confirmedCount / total) * 100)} showInfo={false} size="small" />
        </Flex>
      </Flex>
      {!canWrite ? <Alert type="info" showIcon data-testid="roster-read-only" title={t('roster.readOnly', { roles: whoConfirms })} /> : null}
      {confirm.isError ? <Alert type="error" showIcon closable title={errorMessage(confirm.error, t)} /> : null}
      {total === 0 ? <Empty description={t('roster.today.empty')} /> : null}
      {doctors.map((entry, index) => (
        <RosterDoctorCard
          key={entry.doctor.id}
          entry={entry}
          date={date}
          rooms={today.data.rooms}
          timeZone={session.clinic.settings.timeZone}
          canWrite={canWrite}
          focused={index === focused}
          onFocus={() => setFocused(index)}
          lateOpen={lateOpenFor === entry.doctor.id}
          onLateOpenChange={(open) => setLateOpenFor(open ? entry.doctor.id : null)}
        />
      ))}
    </Flex>
  );
}
