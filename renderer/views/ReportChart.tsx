import { useEffect, useRef } from 'react';
import * as echarts from 'echarts/core';
import { BarChart, LineChart, ScatterChart } from 'echarts/charts';
import { GridComponent, LegendComponent, MarkAreaComponent, MarkLineComponent, TitleComponent, TooltipComponent } from 'echarts/components';
import { SVGRenderer } from 'echarts/renderers';
import type { ReportChartOption } from '../../engine/report/charts.js';

// The same ECharts options the HTML and PDF exports draw (engine/report/charts.ts), so the chart
// on screen and in the files is one chart.
echarts.use([ScatterChart, BarChart, LineChart, GridComponent, LegendComponent, MarkLineComponent, MarkAreaComponent, TitleComponent, TooltipComponent, SVGRenderer]);

export function ReportChart({ option, label, height = 320 }: { option: ReportChartOption; label: string; height?: number }) {
  const element = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!element.current) return;
    const chart = echarts.init(element.current, null, { renderer: 'svg', height });
    chart.setOption(option);
    const resize = () => chart.resize();
    window.addEventListener('resize', resize);
    return () => {
      window.removeEventListener('resize', resize);
      chart.dispose();
    };
  }, [option, height]);
  return <div ref={element} className="report-chart" role="img" aria-label={label} style={{ height }} />;
}
