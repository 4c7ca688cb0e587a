/**
 * The survey handed to the customer on a tablet (768×1024): the whole screen is the form, nothing
 * of anyone else (no menu, no names, no lists), and after submitting it thanks them and returns to
 * a blank form. It reads nothing from the server, so no query cache holds any customer's data, and
 * it writes nothing to localStorage or sessionStorage.
 */
import { Result, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useI18n } from '../../i18n/i18n';
import { SurveyForm } from './survey-form';

/** How long the thank-you shows before the blank form returns. */
const THANKS_MS = 4000;

export function KioskSurveyPage() {
  const { t } = useI18n();
  const [thanked, setThanked] = useState(false);
  const [round, setRound] = useState(0);
  // The tablet's Back button never leaves the form for the staff screens behind it: an entry of the
  // same address is kept on top of the history, and put back each time Back takes it.
  useEffect(() => {
    const keep = () => window.history.pushState({ kiosk: true }, '', window.location.href);
    keep();
    window.addEventListener('popstate', keep);
    return () => window.removeEventListener('popstate', keep);
  }, []);
  useEffect(() => {
    if (!thanked) return;
    const timer = setTimeout(() => setThanked(false), THANKS_MS);
    return () => clearTimeout(timer);
  }, [thanked]);

  return (
    <div style={{ position: 'fixed', inset: 0, zIndex: 1000, background: '#fff', overflow: 'auto', padding: '32px 40px' }} data-testid="kiosk-survey">
      <div style={{ maxWidth: 680, margin: '0 auto' }}>
        {thanked ? (
          <Result status="success" title={t('surveys.kioskThanks')} />
        ) : (
          <>
            <Typography.Title level={2}>{t('surveys.kioskTitle')}</Typography.Title>
            <Typography.Paragraph type="secondary" style={{ fontSize: 16 }}>{t('surveys.kioskIntro')}</Typography.Paragraph>
            {/* A new key each round: a fresh, blank form with no state left from the last customer. */}
            <SurveyForm
              key={round}
              source="kiosk"
              onSubmitted={() => {
                setRound((value) => value + 1);
                setThanked(true);
              }}
            />
          </>
        )}
      </div>
    </div>
  );
}
