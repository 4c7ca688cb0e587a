/**
 * What a person sees of a later part (later.tsx) that is not on screen yet: "Opening…" while its
 * script or antd's whole stylesheet is still on its way, and, if it cannot be fetched (the LAN
 * dropped), a message that says so with a way to fetch it again. Before, both were nothing at all:
 * F4 on a tablet whose network had gone quiet simply did nothing.
 */
import { Button } from 'antd';
import { useI18n } from '../i18n/i18n';
import styles from './part-status.module.css';

export function PartWaiting() {
  const { t } = useI18n();
  return (
    <div className={`${styles.pill} ${styles.waiting}`} role="status" data-testid="part-waiting">
      {t('app.partOpening')}
    </div>
  );
}

/**
 * Reload, not Retry: Chromium keeps a module import that failed for the life of the page, so only
 * a reload fetches the part again (the page's own state is all on the server).
 */
export function PartFailed({ onDismiss }: { onDismiss(): void }) {
  const { t } = useI18n();
  return (
    <div className={`${styles.pill} ${styles.failed}`} role="alert" data-testid="part-failed">
      <span className={styles.text}>{t('app.partFailed')}</span>
      <span className={styles.actions}>
        <Button size="small" type="primary" onClick={() => window.location.reload()}>
          {t('app.reload')}
        </Button>
        <Button size="small" onClick={onDismiss}>
          {t('app.dismiss')}
        </Button>
      </span>
    </div>
  );
}
