/**
 * The providers every screen relies on: the API client (its transport chosen once, here), the
 * query cache refreshed by change notices, the language, and antd in that language.
 */
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { App as AntApp, ConfigProvider } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { useEffect, useState } from 'react';
import { pickLanguage } from '../shared/i18n/messages';
import { createApiClient, pickTransport } from './client/api-client';
import { ApiProvider } from './client/api-context';
import { prefetchLandingPage } from './client/prefetch-landing-page';
import { invalidateFor } from './client/queries';
import { refreshOnReconnect } from './client/refresh-on-reconnect';
import { SessionGate } from './features/auth/session-gate';
import { isDisplayPath } from './features/display/display-path';
import { I18nProvider, initialLanguage, useI18n } from './i18n/i18n';
import { theme } from './ui/theme';

function Providers() {
  const { language } = useI18n();
  // The client follows <html lang>, which the language provider keeps current.
  const [client] = useState(() => createApiClient(pickTransport({ displayPage: isDisplayPath() }), () => pickLanguage(document.documentElement.lang)));
  const [queryClient] = useState(
    () =>
      new QueryClient({
        defaultOptions: {
          queries: { retry: 1, staleTime: 30_000, refetchOnWindowFocus: false },
          mutations: { retry: false },
        },
      }),
  );

  useEffect(() => client.onNotice((notice) => invalidateFor(queryClient, notice, client)), [client, queryClient]);
  useEffect(() => {
    const refresh = refreshOnReconnect(queryClient);
    let landed = false;
    return client.onConnection((state, start) => {
      refresh(state, start);
      // After the first open, so that no notice can fall between the answer and the subscription.
      if (state === 'open' && !landed) {
        landed = true;
        prefetchLandingPage(queryClient, client, window.location.hash);
      }
    });
  }, [client, queryClient]);
  useEffect(() => {
    dayjs.locale(language === 'en' ? 'en' : 'zh-cn');
  }, [language]);

  return (
    <ConfigProvider locale={language === 'en' ? enUS : zhCN} theme={theme} button={{ autoInsertSpace: false }}>
      <AntApp>
        <ApiProvider client={client}>
          <QueryClientProvider client={queryClient}>
            <SessionGate />
          </QueryClientProvider>
        </ApiProvider>
      </AntApp>
    </ConfigProvider>
  );
}

export function App() {
  return (
    <I18nProvider initial={initialLanguage()}>
      <Providers />
    </I18nProvider>
  );
}
