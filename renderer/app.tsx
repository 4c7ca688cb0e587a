/**
 * The providers every screen relies on: the API client (its transport chosen once, here), the
 * query cache refreshed by change notices, the language, and antd in that language. The client and
 * the cache are made before the first render (`createConsoleClients`, called by main.tsx).
 */
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { App as AntApp, ConfigProvider } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { useEffect, useMemo } from 'react';
import { pickLanguage } from '../shared/i18n/messages';
import { createApiClient, pickTransport, type ApiClient } from './client/api-client';
import { ApiProvider } from './client/api-context';
import { boardAskedEarly } from './client/early-calls';
import { prefetchLandingPage } from './client/prefetch-landing-page';
import { TOKEN_KEY } from './client/storage-keys';
import { invalidateFor } from './client/queries';
import { refreshOnReconnect } from './client/refresh-on-reconnect';
import { SessionGate } from './features/auth/session-gate';
import { DeviceGate } from './features/devices/device-gate';
import { descriptionsConfig } from './ui/descriptions';
import { isDisplayPath } from './features/display/display-path';
import { I18nProvider, initialLanguage, useI18n } from './i18n/i18n';
import { theme, touchTheme, TOAST_TOP } from './ui/theme';
import { useCoarsePointer } from './ui/use-coarse-pointer';
import { usePrefersReducedMotion } from './ui/use-reduced-motion';

/** The API client and the query cache of this page, wired to each other. */
export interface ConsoleClients {
  client: ApiClient;
  queryClient: QueryClient;
}

/**
 * Makes the page's API client and query cache, before React renders anything: the client's event
 * stream connects at once, and the board a reload lands on is asked as soon as the stream listens
 * instead of after the first render's effects (docs/performance.md: the board's first render waited
 * on that chain). Notices refresh what they concern for as long as the page lives.
 */
export function createConsoleClients(): ConsoleClients {
  // The client follows <html lang>, which the language provider keeps current.
  const client = createApiClient(pickTransport({ displayPage: isDisplayPath() }), () => pickLanguage(document.documentElement.lang));
  const queryClient = new QueryClient({
    defaultOptions: {
      queries: { retry: 1, staleTime: 30_000, refetchOnWindowFocus: false },
      // Writes go to the transport even offline: it queues a tap or refuses at once (issue 15).
      mutations: { retry: false, networkMode: 'always' },
    },
  });
  client.onNotice((notice) => invalidateFor(queryClient, notice, client));
  const refresh = refreshOnReconnect(queryClient);
  // A board asked before the modules loaded (early-calls.ts) is the landing page's query at once;
  // the stream then starts from where that board was read, so it needs no wait for the open.
  let landed = boardAskedEarly(sessionStorage.getItem(TOKEN_KEY));
  if (landed) prefetchLandingPage(queryClient, client, window.location.hash);
  client.onConnection((state, start) => {
    refresh(state, start);
    // After the first open, so that no notice can fall between the answer and the subscription.
    if (state === 'open' && !landed) {
      landed = true;
      prefetchLandingPage(queryClient, client, window.location.hash);
    }
  });
  return { client, queryClient };
}

// Constants: a new object each render would make every antd component below re-read its config.
const WAVE = { disabled: false };
const NO_WAVE = { disabled: true };

function Providers({ client, queryClient }: ConsoleClients) {
  const { language } = useI18n();
  const touch = useCoarsePointer();
  const reducedMotion = usePrefersReducedMotion();
  // One theme object per combination: a new object every render would make antd redo its tokens.
  const consoleTheme = useMemo(() => {
    const base = touch ? touchTheme : theme;
    return reducedMotion ? { ...base, token: { ...base.token, motion: false } } : base;
  }, [touch, reducedMotion]);
  useEffect(() => {
    dayjs.locale(language === 'en' ? 'en' : 'zh-cn');
  }, [language]);

  return (
    <ConfigProvider locale={language === 'en' ? enUS : zhCN} theme={consoleTheme} wave={reducedMotion ? NO_WAVE : WAVE} button={{ autoInsertSpace: false }} descriptions={descriptionsConfig}>
      {/* Notifications (the check-in greeting) in the bottom corner: neither over the header nor over the board's check-in box. */}
      <AntApp notification={{ placement: 'bottomRight' }} message={{ top: TOAST_TOP }}>
        <ApiProvider client={client}>
          <QueryClientProvider client={queryClient}>
            <DeviceGate>
              <SessionGate />
            </DeviceGate>
          </QueryClientProvider>
        </ApiProvider>
      </AntApp>
    </ConfigProvider>
  );
}

export function App(clients: ConsoleClients) {
  return (
    <I18nProvider initial={initialLanguage()}>
      <Providers {...clients} />
    </I18nProvider>
  );
}
