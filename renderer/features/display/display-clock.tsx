/**
 * The display's clock in the clinic's time zone (whatever the TV's own zone) and by the server's
 * clock (whatever the TV's own clock says: `offset` is server minus TV, from the last board read),
 * ticking each second in its own component so the rest of the screen does not re-render with it.
 */
import { useEffect, useState } from 'react';
import styles from './display.module.css';

export function DisplayClock({ timeZone, offset, showEnglish }: { timeZone: string; offset: number; showEnglish: boolean }) {
  const [tvNow, setTvNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = window.setInterval(() => setTvNow(Date.now()), 1000);
    return () => window.clearInterval(timer);
  }, []);
  const now = new Date(tvNow + offset);
  const time = new Intl.DateTimeFormat('zh-CN', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(now);
  const dateZh = new Intl.DateTimeFormat('zh-CN', { timeZone, month: 'long', day: 'numeric', weekday: 'long' }).format(now);
  const dateEn = new Intl.DateTimeFormat('en-GB', { timeZone, weekday: 'long', day: 'numeric', month: 'long' }).format(now);
  return (
    <div className={styles.clock} data-testid="display-clock">
      <time className={styles.clockTime}>{time}</time>
      <div className={styles.clockDate}>
        <div>{dateZh}</div>
        {showEnglish && <div className={styles.en}>{dateEn}</div>}
      </div>
    </div>
  );
}
