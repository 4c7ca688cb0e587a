/**
 * A report chart as an Apache ECharts option: the same option draws it on the page (SVG renderer,
 * crisp in print) and in the PDF (rendered to SVG on the server). Pure data; no ECharts import.
 */
import type { ReportChart, ReportTable } from '../contract/report';
import { translate, type Language } from '../i18n/messages';

/** Colours by series, so "on time" is green and "missed" red wherever they appear. */
const SERIES_COLOURS: Record<string, string> = {
  onTime: '#52a36b',
  late: '#e0a030',
  missed: '#d9534f',
  open: '#b0b7c3',
  toCalledMedian: '#3b7dd8',
  toCalledP90: '#e07b39',
  toConsultMedian: '#7a5cc2',
  appointment: '#3b7dd8',
  walkIn: '#e0a030',
  followup: '#52a36b',
  waiting: '#3b7dd8',
  waitingMean: '#3b7dd8',
  waitingMost: '#d9534f',
};
const FALLBACK = ['#3b7dd8', '#e07b39', '#52a36b', '#7a5cc2', '#d9534f'];

export const CHART_FONT = '"Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", "PingFang SC", sans-serif';

/** The ECharts option of a chart over its table (`animation: false`: a printed chart is drawn at once). */
export function chartOption(chart: ReportChart, table: ReportTable, language: Language, options: { interactive: boolean } = { interactive: true }): Record<string, unknown> {
  const index = (key: string) => table.columns.findIndex((column) => column.key === key);
  const xIndex = index(chart.x);
  const categories = table.rows.map((row) => String(row[xIndex] ?? ''));
  const units = new Set(chart.series.map((key) => table.columns[index(key)]?.unit));
  const unit = units.size === 1 ? [...units][0] : undefined;
  const yName = unit === 'minutes' ? translate(language, 'report.unit.minutes') : unit === 'percent' ? '%' : unit === 'count' ? translate(language, 'report.unit.count') : '';
  return {
    animation: false,
    textStyle: { fontFamily: CHART_FONT },
    // ECharts 6 keeps the axis labels inside the chart by itself (grid.outerBoundsMode 'auto').
    grid: { left: 48, right: 20, top: 44, bottom: 28 },
    legend: { top: 4, textStyle: { fontFamily: CHART_FONT } },
    ...(options.interactive ? { tooltip: { trigger: 'axis' } } : {}),
    xAxis: {
      type: 'category',
      data: categories,
      axisLabel: { hideOverlap: true, rotate: categories.length > 12 && categories.some((name) => name.length > 5) ? 30 : 0 },
    },
    yAxis: { type: 'value', name: yName, minInterval: unit === 'count' ? 1 : 0, nameTextStyle: { align: 'left' } },
    series: chart.series.map((key, position) => {
      const column = table.columns[index(key)];
      return {
        name: column?.label ?? key,
        type: chart.kind,
        data: table.rows.map((row) => row[index(key)] ?? null),
        color: SERIES_COLOURS[key] ?? FALLBACK[position % FALLBACK.length],
        ...(chart.stacked ? { stack: 'total' } : {}),
        ...(chart.kind === 'line' ? { connectNulls: true, showSymbol: categories.length <= 48, symbolSize: 5 } : { barMaxWidth: 28 }),
      };
    }),
  };
}
