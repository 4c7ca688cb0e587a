/**
 * Where a page renders inside the shell: a spinner while its chunk loads (pages are loaded when
 * first shown, `renderer/routes.tsx`), and a reload offer when it cannot load — a server updated
 * since this tab opened no longer has the old build's chunks.
 */
import { Alert, Button, Flex, Spin } from 'antd';
import { Component, Suspense, type ReactNode } from 'react';
import { useI18n } from '../i18n/i18n';

function PageFailed() {
  const { t } = useI18n();
  return (
    <Alert
      type="error"
      showIcon
      title={t('app.pageFailed')}
      action={<Button onClick={() => window.location.reload()}>{t('app.reload')}</Button>}
    />
  );
}

function PageLoading() {
  const { t } = useI18n();
  return (
    <Flex align="center" justify="center" style={{ minHeight: 240 }} data-testid="page-loading">
      <Spin tip={t('app.loading')}>
        <div style={{ width: 120, height: 80 }} />
      </Spin>
    </Flex>
  );
}

class FailedPageBoundary extends Component<{ children: ReactNode }, { failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }

  override componentDidCatch(error: unknown): void {
    console.error(error);
  }

  override render(): ReactNode {
    return this.state.failed ? <PageFailed /> : this.props.children;
  }
}

/** One page of the shell; `pageKey` resets a failure when the person goes to another page. */
export function PageBoundary({ pageKey, children }: { pageKey: string; children: ReactNode }) {
  return (
    <FailedPageBoundary key={pageKey}>
      <Suspense fallback={<PageLoading />}>{children}</Suspense>
    </FailedPageBoundary>
  );
}
