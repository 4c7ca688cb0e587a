/**
 * The manager's report (issue 18): `#/report/<from>/<to>` — a day, a week, a month or any range,
 * compared with the period before; every section's figures, charts (numbers a click away) and
 * tables, a CSV of each table, and the whole report as an A4 PDF through the print dialog.
 */
import { FilePdfOutlined, LeftOutlined, RightOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Col, DatePicker, Empty, Flex, Result, Row, Segmented, Skeleton, Space, Switch, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import type { Report } from '../../../shared/contract/report';
import { useApi } from '../../client/api-context';
import { useApiQuery } from '../../client/queries';
import { useI18n } from '../../i18n/i18n';
import { errorMessage } from '../../ui/error-message';
import type { PageProps } from '../../routes';
import { loadForPrinting } from '../printing/print-in-frame';
import { kindOf, periodAround, periodOfRoute, shiftPeriod, type Period, type PeriodKind } from './report-period';
import { FigureStat, ReportSectionCard } from './report-section-card';

/** The desktop app has no print pages: its report document is printed from a frame of its own. */
function printInSrcdocFrame(html: string) {
  const frame = document.createElement('iframe');
  frame.setAttribute('aria-hidden', 'true');
  Object.assign(frame.style, { position: 'fixed', right: '0', bottom: '0', width: '0', height: '0', border: '0' });
  frame.addEventListener('load', () => {
    frame.contentWindow?.addEventListener('afterprint', () => setTimeout(() => frame.remove(), 0), { once: true });
    frame.contentWindow?.print();
  });
  frame.srcdoc = html;
  document.body.appendChild(frame);
}

function hasArrivals(report: Report): boolean {
  return (report.headline.find((figure) => figure.key === 'arrivals.total')?.value ?? 0) > 0;
}

export function ReportPage({ session, params, navigate }: PageProps) {
  const { t, language } = useI18n();
  const { message } = App.useApp();
  const api = useApi();
  const today = session.clinic.today;
  const routed = periodOfRoute(params);
  const period: Period = routed ?? { from: today, to: today };
  const badRoute = params.length > 0 && routed === null;
  const [compare, setCompare] = useState(true);
  const [rangeKind, setRangeKind] = useState<PeriodKind | null>(null);
  const kind = rangeKind ?? kindOf(period);
  const [printing, setPrinting] = useState(false);

  // No period in the address: today's report, with the address saying so (a link a manager can share).
  useEffect(() => {
    if (params.length === 0) navigate(`/report/${today}/${today}`);
  }, [params.length, navigate, today]);

  const report = useApiQuery('report.get', { from: period.from, to: period.to, compare, language });
  const go = (next: Period) => {
    setRangeKind(null);
    navigate(`/report/${next.from}/${next.to}`);
  };

  const exportPdf = async () => {
    setPrinting(true);
    try {
      if (window.frontdesk !== undefined) {
        const document = await api.call('report.document', { from: period.from, to: period.to, compare, language });
        printInSrcdocFrame(document.html);
      } else {
        const open = await loadForPrinting(`/print/report/${period.from}/${period.to}?lang=${language === 'en' ? 'en' : 'zh-CN'}&compare=${compare ? '1' : '0'}`);
        void message.info(t('report.ui.pdfHint'));
        open();
      }
    } catch (error) {
      void message.error(errorMessage(error, t));
    } finally {
      setPrinting(false);
    }
  };

  const picker =
    kind === 'range' ? (
      <DatePicker.RangePicker
        value={[dayjs(period.from), dayjs(period.to)]}
        allowClear={false}
        aria-label={t('report.ui.range')}
        onChange={(values) => {
          const [from, to] = (values ?? []) as [Dayjs | null, Dayjs | null];
          if (from && to) navigate(`/report/${from.format('YYYY-MM-DD')}/${to.format('YYYY-MM-DD')}`);
        }}
      />
    ) : (
      <DatePicker
        picker={kind === 'month' ? 'month' : kind === 'week' ? 'week' : 'date'}
        value={dayjs(period.from)}
        allowClear={false}
        aria-label={t(`report.ui.${kind}`)}
        onChange={(value) => value && go(periodAround(kind, value.format('YYYY-MM-DD')))}
      />
    );

  return (
    <Flex vertical gap={12} data-testid="report-page">
      <Card size="small">
        <Flex justify="space-between" align="center" wrap gap={12}>
          <Space size={12} wrap>
            <Typography.Title level={4} style={{ margin: 0 }}>
              {t('report.title')}
            </Typography.Title>
            <Typography.Text type="secondary" data-testid="report-period">
              {period.from === period.to ? period.from : `${period.from} – ${period.to}`}
            </Typography.Text>
          </Space>
          <Space size={8} wrap>
            <Segmented<PeriodKind>
              value={kind}
              data-testid="report-kind"
              options={(['day', 'week', 'month', 'range'] as const).map((value) => ({ value, label: t(`report.ui.${value}`) }))}
              onChange={(value) => {
                if (value === 'range') setRangeKind('range');
                else go(periodAround(value, period.to > today ? today : period.to));
              }}
            />
            {picker}
            <Button icon={<LeftOutlined />} aria-label={t('report.ui.previous')} onClick={() => go(shiftPeriod(period, -1))} />
            <Button onClick={() => go(kind === 'range' ? { from: today, to: today } : periodAround(kind, today))}>{t('report.ui.today')}</Button>
            <Button icon={<RightOutlined />} aria-label={t('report.ui.next')} onClick={() => go(shiftPeriod(period, 1))} />
            <Space size={6}>
              <Switch checked={compare} onChange={setCompare} id="report-compare" />
              <label htmlFor="report-compare">{t('report.ui.compare')}</label>
            </Space>
            <Button type="primary" icon={<FilePdfOutlined />} loading={printing} onClick={() => void exportPdf()} data-testid="report-pdf">
              {t('report.ui.pdf')}
            </Button>
          </Space>
        </Flex>
      </Card>
      {badRoute && <Alert type="warning" showIcon title={t('report.ui.badPeriod')} />}
      {report.isError ? (
        <Result status="warning" title={errorMessage(report.error, t)} extra={<Button onClick={() => void report.refetch()}>{t('app.retry')}</Button>} />
      ) : !report.data ? (
        <Skeleton active paragraph={{ rows: 10 }} />
      ) : (
        <>
          <Card size="small" title={t('report.ui.headline')} data-testid="report-headline">
            <Row gutter={[24, 12]}>
              {report.data.headline.map((figure) => (
                <Col key={figure.key} xs={24} md={8}>
                  <FigureStat figure={figure} />
                </Col>
              ))}
            </Row>
          </Card>
          {!hasArrivals(report.data) && <Empty description={t('report.ui.empty')} />}
          {report.data.sections.map((section) => (
            <ReportSectionCard key={section.key} section={section} from={report.data.from} to={report.data.to} />
          ))}
        </>
      )}
    </Flex>
  );
}
