/**
 * One section of the report as the page shows it, whatever the section: its figures (with the
 * period before), its charts each with its numbers a click away, its other tables, and a CSV of
 * every table. Nothing here knows which section it draws.
 */
import { BarChartOutlined, DownloadOutlined, TableOutlined } from '@ant-design/icons';
import { App, Button, Card, Col, Flex, Row, Segmented, Statistic, Table, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import type { ReportFigure, ReportSection, ReportTable } from '../../../shared/contract/report';
import { csvFileName, tableToCsv } from '../../../shared/report/csv';
import { formatCell } from '../../../shared/print/report-document';
import { useI18n } from '../../i18n/i18n';
import { ReportChartView } from './report-chart';

/** Saves text as a file through a temporary link (the browser's and Electron's download). */
export function downloadText(text: string, fileName: string, type: string) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function FigureStat({ figure }: { figure: ReportFigure }) {
  const { t } = useI18n();
  const unit = figure.unit === 'minutes' ? t('report.unit.minutes') : figure.unit === 'percent' ? '%' : undefined;
  let compare: React.ReactNode = null;
  if (figure.previous !== null && figure.value !== null) {
    const delta = Math.round((figure.value - figure.previous) * 10) / 10;
    const better = figure.better === null || delta === 0 ? null : (delta < 0) === (figure.better === 'lower');
    compare = (
      <Typography.Text type={better === null ? 'secondary' : better ? 'success' : 'danger'} style={{ fontSize: 12 }}>
        {delta === 0 ? t('report.ui.samePrevious') : t('report.ui.vsPrevious', { delta: `${delta > 0 ? '+' : ''}${formatCell(delta, figure.unit === 'percent' ? 'minutes' : figure.unit)}` })}
      </Typography.Text>
    );
  }
  return (
    <div data-testid={`figure-${figure.key}`}>
      <Statistic title={figure.label} value={figure.value === null ? '—' : formatCell(figure.value, figure.unit === 'percent' ? 'minutes' : figure.unit)} suffix={figure.value === null ? undefined : unit} valueStyle={{ fontSize: 22 }} />
      {compare}
    </div>
  );
}

function ReportTableView({ table }: { table: ReportTable }) {
  const { t } = useI18n();
  return (
    <Table
      size="small"
      pagination={false}
      rowKey={(_row, index) => String(index)}
      dataSource={table.rows.map((row) => ({ row }))}
      locale={{ emptyText: t('report.emptyTable') }}
      scroll={{ x: 'max-content' }}
      columns={table.columns.map((column, index) => ({
        key: column.key,
        title: column.label,
        align: column.unit === 'text' || column.unit === 'date' || column.unit === 'time' ? 'left' : 'right',
        render: (_value: unknown, record: { row: ReportTable['rows'][number] }) => formatCell(record.row[index] ?? null, column.unit),
        ...(column.key === 'timeline' ? { width: 520 } : {}),
      }))}
    />
  );
}

function CsvButton({ from, to, section, table }: { from: string; to: string; section: string; table: ReportTable }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const fileName = csvFileName(from, to, section, table.key);
  return (
    <Tooltip title={fileName}>
      <Button
        size="small"
        icon={<DownloadOutlined />}
        data-testid={`csv-${section}-${table.key}`}
        onClick={() => {
          downloadText(tableToCsv(table), fileName, 'text/csv;charset=utf-8');
          void message.success(t('report.ui.csvDone', { file: fileName }));
        }}
      >
        {t('report.ui.csv')}
      </Button>
    </Tooltip>
  );
}

export function ReportSectionCard({ section, from, to }: { section: ReportSection; from: string; to: string }) {
  const { t, language } = useI18n();
  const [shownAsTable, setShownAsTable] = useState<Record<string, boolean>>({});
  const charted = new Set(section.charts.map((chart) => chart.table));
  return (
    <Card title={section.title} size="small" data-testid={`section-${section.key}`} extra={<Typography.Text type="secondary" style={{ fontSize: 12 }}>{section.note}</Typography.Text>} styles={{ header: { flexWrap: 'wrap' } }}>
      {section.figures.length > 0 && (
        <Row gutter={[24, 12]} style={{ marginBottom: 12 }}>
          {section.figures.map((figure) => (
            <Col key={figure.key} xs={12} md={8} xl={4}>
              <FigureStat figure={figure} />
            </Col>
          ))}
        </Row>
      )}
      <Row gutter={[16, 16]}>
        {section.charts.map((chart) => {
          const table = section.tables.find((each) => each.key === chart.table);
          if (!table) return null;
          const asTable = shownAsTable[chart.key] ?? false;
          return (
            <Col key={chart.key} xs={24} xxl={section.charts.length > 1 ? 12 : 24}>
              <Card
                size="small"
                type="inner"
                title={chart.title}
                extra={
                  <Flex gap={8}>
                    <Segmented
                      size="small"
                      value={asTable ? 'table' : 'chart'}
                      data-testid={`toggle-${section.key}-${chart.key}`}
                      onChange={(value) => setShownAsTable((shown) => ({ ...shown, [chart.key]: value === 'table' }))}
                      options={[
                        { value: 'chart', icon: <BarChartOutlined />, label: t('report.ui.showChart') },
                        { value: 'table', icon: <TableOutlined />, label: t('report.ui.showTable') },
                      ]}
                    />
                    <CsvButton from={from} to={to} section={section.key} table={table} />
                  </Flex>
                }
              >
                {asTable ? <ReportTableView table={table} /> : table.rows.length === 0 ? <Typography.Text type="secondary">{t('report.emptyTable')}</Typography.Text> : <ReportChartView chart={chart} table={table} language={language} testId={`chart-${section.key}-${chart.key}`} />}
              </Card>
            </Col>
          );
        })}
        {section.tables
          .filter((table) => !charted.has(table.key))
          .map((table) => (
            <Col key={table.key} xs={24} xxl={table.columns.length > 4 ? 24 : 12}>
              <Card size="small" type="inner" title={table.title} extra={<CsvButton from={from} to={to} section={section.key} table={table} />} data-testid={`table-${section.key}-${table.key}`}>
                <ReportTableView table={table} />
              </Card>
            </Col>
          ))}
      </Row>
    </Card>
  );
}
