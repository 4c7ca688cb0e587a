/**
 * The report's charts as SVG on the server, for the PDF (issue 18, item 3): Apache ECharts renders
 * without a DOM (`ssr: true`, `renderToSVGString`), from the very option the page draws with, so
 * the printed chart is the one on screen, in vectors that print crisply, with its Chinese labels as
 * text. Only the bar and line charts and the components used are registered (echarts/core).
 */
import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import type { Report } from '../../../shared/contract/report';
import { chartOption } from '../../../shared/report/chart-option';
import type { ChartSvgs } from '../../../shared/print/report-document';

echarts.use([BarChart, LineChart, GridComponent, LegendComponent, SVGRenderer]);

/** The A4 text width at 96 dpi, less margins: a chart fills the line. */
const WIDTH = 680;
const HEIGHT = 230;

/** Every chart of the report as an SVG string, by `<section>.<chart>`. */
export function renderReportCharts(report: Report): ChartSvgs {
  const svgs: ChartSvgs = {};
  for (const section of report.sections) {
    for (const chart of section.charts) {
      const table = section.tables.find((each) => each.key === chart.table);
      if (!table || table.rows.length === 0) continue;
      const instance = echarts.init(null, null, { renderer: 'svg', ssr: true, width: WIDTH, height: HEIGHT });
      try {
        // The tooltip is the page's; a printed chart has none.
        instance.setOption(chartOption(chart, table, report.language, { interactive: false }));
        svgs[`${section.key}.${chart.key}`] = instance.renderToSVGString();
      } finally {
        instance.dispose();
      }
    }
  }
  return svgs;
}
