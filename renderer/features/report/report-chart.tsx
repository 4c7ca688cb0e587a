/**
 * One report chart, drawn by Apache ECharts with its SVG renderer: vectors that print crisply and
 * keep Chinese labels as text. Only `echarts/core` with the bar and line charts and the grid,
 * legend and tooltip components is bundled (the report page's own lazy chunk), not all of ECharts.
 */
import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';
import type { ReportChart, ReportTable } from '../../../shared/contract/report';
import type { Language } from '../../../shared/i18n/messages';
import { chartOption } from '../../../shared/report/chart-option';

echarts.use([BarChart, LineChart, GridComponent, LegendComponent, TooltipComponent, SVGRenderer]);

export function ReportChartView({ chart, table, language, testId }: { chart: ReportChart; table: ReportTable; language: Language; testId: string }) {
  const element = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const target = element.current;
    if (!target) return undefined;
    const instance = echarts.init(target, undefined, { renderer: 'svg' });
    instance.setOption(chartOption(chart, table, language));
    const observer = new ResizeObserver(() => instance.resize());
    observer.observe(target);
    return () => {
      observer.disconnect();
      instance.dispose();
    };
  }, [chart, table, language]);
  return <div ref={element} role="img" aria-label={chart.title} data-testid={testId} style={{ height: 260, width: '100%' }} />;
}
