/**
 * One clinic day as reception plans it: a column per doctor on shift, appointments on a time axis,
 * the free time of each shift visible and bookable with one click.
 */
import { Empty, Tag, Tooltip, Typography } from 'antd';
import { useMemo } from 'react';
import type { AppointmentRow } from '../../../shared/contract/appointments';
import { formatMinutes, minutesOf } from '../../../shared/domain/booking';
import { clinicTimeOf } from '../../../shared/domain/clinic-time';
import type { OutputOf } from '../../../shared/contract/index';
import { useI18n } from '../../i18n/i18n';
import { useCoarsePointer } from '../../ui/use-coarse-pointer';
import styles from './day-view.module.css';
import { addressFormOf } from '../../../shared/domain/customers';
import { roomLabel } from '../../../shared/domain/rooms';
import { specialtyLabel } from '../../../shared/domain/specialty';

type DayViewData = OutputOf<'appointments.dayView'>;
type DoctorDay = DayViewData['doctors'][number];

/** Pixels per minute: a quarter hour is 22 px, a 9-hour day fits a 1080p screen with its header. */
const PX = 22 / 15;
/** On a finger a quarter hour is 44 px, a touch target of its own (issue 13 part 9). */
const TOUCH_PX = 44 / 15;
const STEP = 15;

interface DayViewProps {
  data: DayViewData;
  timeZone: string;
  opensAt: string;
  closesAt: string;
  onBook(slot: { doctorId: number; time: string }): void;
  onOpen(appointment: AppointmentRow): void;
}

export function DayView({ data, timeZone, opensAt, closesAt, onBook, onOpen }: DayViewProps) {
  const { t, language } = useI18n();
  const px = useCoarsePointer() ? TOUCH_PX : PX;
  const visible = useMemo(() => data.appointments.filter((row) => row.status !== 'cancelled'), [data.appointments]);

  const axis = useMemo(() => {
    let start = minutesOf(opensAt);
    let end = minutesOf(closesAt);
    for (const doctor of data.doctors) {
      if (doctor.shift) {
        start = Math.min(start, minutesOf(doctor.shift.start));
        end = Math.max(end, minutesOf(doctor.shift.end));
      }
    }
    for (const row of visible) {
      const at = minutesOf(clinicTimeOf(row.startsAt, timeZone));
      start = Math.min(start, at);
      end = Math.max(end, at + row.durationMinutes);
    }
    start = Math.floor(start / 60) * 60;
    end = Math.ceil(end / 60) * 60;
    return { start, end };
  }, [data.doctors, visible, opensAt, closesAt, timeZone]);

  if (data.doctors.length === 0) {
    return <Empty className={styles.empty} description={<>{t('appointments.noDoctors')}<br />{t('appointments.noDoctorsHint')}</>} />;
  }

  const height = (axis.end - axis.start) * px;
  const hours: number[] = [];
  for (let minute = axis.start; minute < axis.end; minute += 60) hours.push(minute);

  return (
    <div className={styles.scroller} data-testid="day-view">
      <div className={styles.grid} style={{ gridTemplateColumns: `56px repeat(${data.doctors.length}, minmax(150px, 1fr))` }}>
        <div className={styles.corner} />
        {data.doctors.map((doctor) => (
          <DoctorHeader key={doctor.id} doctor={doctor} />
        ))}
        <div className={styles.axis} style={{ height }}>
          {hours.map((minute) => (
            <span key={minute} className={styles.hour} style={{ top: (minute - axis.start) * px }}>
              {formatMinutes(minute)}
            </span>
          ))}
        </div>
        {data.doctors.map((doctor) => {
          const own = visible.filter((row) => row.doctor?.id === doctor.id);
          return (
            <div key={doctor.id} className={styles.column} style={{ height }} data-testid={`doctor-column-${doctor.id}`}>
              {hours.map((minute) => (
                <div key={minute} className={styles.hourLine} style={{ top: (minute - axis.start) * px }} />
              ))}
              <Slots doctor={doctor} booked={own} axisStart={axis.start} axisEnd={axis.end} timeZone={timeZone} onBook={onBook} px={px} />
              {own.map((row) => {
                const start = minutesOf(clinicTimeOf(row.startsAt, timeZone));
                const label = addressFormOf(row.customer);
                return (
                  <button
                    type="button"
                    key={row.id}
                    className={`${styles.block} ${styles[`status_${row.status}`] ?? ''}`}
                    style={{ top: (start - axis.start) * px + 1, height: Math.max(row.durationMinutes * px - 2, px === PX ? 18 : 44) }}
                    onClick={() => onOpen(row)}
                    aria-label={`${formatMinutes(start)} ${label}`}
                    data-testid="day-appointment"
                  >
                    <span className={styles.blockTime}>{formatMinutes(start)}</span>
                    <span className={styles.blockName}>{label}</span>
                    {row.item && <span className={styles.blockItem}>{language === 'en' ? row.item.nameEn : row.item.nameZh}</span>}
                    {row.status === 'confirmed' && <span className={styles.tick} aria-label={t('appointments.confirmed')}>✓</span>}
                  </button>
                );
              })}
            </div>
          );
        })}
      </div>
    </div>
  );
}

function DoctorHeader({ doctor }: { doctor: DoctorDay }) {
  const { t, language } = useI18n();
  const roster =
    doctor.confirmation === 'absent' ? (
      <Tag color="error">{t('appointments.roster.absent')}</Tag>
    ) : doctor.confirmation === 'late' ? (
      <Tag color="warning">{t('appointments.roster.late', { time: doctor.lateUntil ?? '' })}</Tag>
    ) : doctor.confirmation === 'present' ? (
      <Tag color="success">{t('appointments.roster.present')}</Tag>
    ) : (
      <Tag>{t('appointments.roster.unconfirmed')}</Tag>
    );
  return (
    <div className={styles.doctorHeader}>
      <div className={styles.doctorName}>
        <Typography.Text strong>{doctor.name}</Typography.Text>
        {roster}
      </div>
      <Typography.Text type="secondary" className={styles.doctorMeta}>
        {[specialtyLabel(doctor, language), doctor.room ? roomLabel(doctor.room, language) : null, doctor.shift ? `${doctor.shift.start}–${doctor.shift.end}` : t('appointments.offShift')]
          .filter(Boolean)
          .join(' · ')}
      </Typography.Text>
    </div>
  );
}

/** The quarter hours of a column: free ones inside the shift are buttons, the rest shaded. */
function Slots({
  doctor,
  booked,
  axisStart,
  axisEnd,
  timeZone,
  onBook,
  px,
}: {
  doctor: DoctorDay;
  booked: AppointmentRow[];
  axisStart: number;
  axisEnd: number;
  timeZone: string;
  onBook: DayViewProps['onBook'];
  px: number;
}) {
  const { t } = useI18n();
  const taken = booked
    .filter((row) => row.status !== 'no_show')
    .map((row) => {
      const start = minutesOf(clinicTimeOf(row.startsAt, timeZone));
      return { start, end: start + row.durationMinutes };
    });
  const shiftStart = doctor.shift ? minutesOf(doctor.shift.start) : Infinity;
  const shiftEnd = doctor.shift ? minutesOf(doctor.shift.end) : -Infinity;
  const opensAt = doctor.confirmation === 'late' && doctor.lateUntil ? Math.max(shiftStart, minutesOf(doctor.lateUntil)) : shiftStart;
  const slots = [];
  for (let minute = axisStart; minute < axisEnd; minute += STEP) {
    const inShift = doctor.confirmation !== 'absent' && minute >= opensAt && minute + STEP <= shiftEnd;
    const free = inShift && !taken.some((slot) => minute < slot.end && slot.start < minute + STEP);
    const top = (minute - axisStart) * px;
    if (!inShift) {
      slots.push(<div key={minute} className={styles.offSlot} style={{ top, height: STEP * px }} />);
    } else if (free) {
      const time = formatMinutes(minute);
      slots.push(
        <Tooltip key={minute} title={`${time} · ${t('appointments.freeSlot')}`} mouseEnterDelay={0.6}>
          <button
            type="button"
            className={styles.freeSlot}
            style={{ top, height: STEP * px }}
            onClick={() => onBook({ doctorId: doctor.id, time })}
            aria-label={`${doctor.name} ${time} ${t('appointments.freeSlot')}`}
            data-testid="free-slot"
            data-time={time}
          >
            <span>+ {time}</span>
          </button>
        </Tooltip>,
      );
    }
  }
  return <>{slots}</>;
}
