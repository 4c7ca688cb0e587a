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
import { useEffect } from 'react';
import { pickLanguage } from '../shared/i18n/messages';
import { createApiClient, pickTransport, type ApiClient } from './client/api-client';
import { ApiProvider } from './client/api-context';
import { startSessionCheck, type EarlySessionCheck } from './client/early-session';
import { prefetchLandingPage } from './client/prefetch-landing-page';
import { invalidateFor } from './client/queries';
import { refreshOnReconnect } from './client/refresh-on-reconnect';
import { SessionGate } from './features/auth/session-gate';
import { isDisplayPath } from './features/display/display-path';
import { I18nProvider, initialLanguage, useI18n } from './i18n/i18n';
import { theme } from './ui/theme';

/** The API client and the query cache of this page, wired to each other. */
export interface ConsoleClients {
  client: ApiClient;
  queryClient: QueryClient;
  /** The first "who is signed in?", asked before the first render. */
  session: EarlySessionCheck;
}

/**
 * Makes the page's API client and query cache, before React renders anything: the client's event
 * stream connects at once, the session check is asked at once, and the board a reload lands on as
 * soon as that check says someone is signed in — beside the stream's opening, not after it
 * (docs/performance.md: the board's first render waited on that chain). The board's answer names
 * the last notice it reflects, so the stream's first open keeps it unless a notice fell between
 * (refresh-on-reconnect.ts). Notices refresh what they concern for as long as the page lives.
 */
export function createConsoleClients(): ConsoleClients {
  // The client follows <html lang>, which the language provider keeps current.
  const client = createApiClient(pickTransport({ displayPage: isDisplayPath() }), () => pickLanguage(document.documentElement.lang));
  const queryClient = new QueryClient({
    defaultOptions: {
      queries: { retry: 1, staleTime: 30_000, refetchOnWindowFocus: false },
      mutations: { retry: false },
    },
  });
  client.onNotice((notice) => invalidateFor(queryClient, notice, client));
  client.onConnection(refreshOnReconnect(queryClient));
  const session = startSessionCheck(client);
  session.early?.then(
    ({ session: signedIn }) => {
      if (signedIn) prefetchLandingPage(queryClient, client, window.location.hash);
    },
    () => undefined,
  );
  return { client, queryClient, session };
}

function Providers({ client, queryClient, session }: ConsoleClients) {
  const { language } = useI18n();
  useEffect(() => {
    dayjs.locale(language === 'en' ? 'en' : 'zh-cn');
  }, [language]);

  return (
    <ConfigProvider locale={language === 'en' ? enUS : zhCN} theme={theme} button={{ autoInsertSpace: false }}>
      <AntApp>
        <ApiProvider client={client}>
          <QueryClientProvider client={queryClient}>
            <SessionGate sessionCheck={session} />
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
