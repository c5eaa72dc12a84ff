import * as echarts from 'echarts/core';
import { BarChart, LineChart, ScatterChart } from 'echarts/charts';
import { GridComponent, LegendComponent, MarkAreaComponent, MarkLineComponent, TitleComponent, TooltipComponent } from 'echarts/components';
import { SVGRenderer } from 'echarts/renderers';
import type { ReportChartOption } from '../../engine/report/charts.js';

// The modules engine/report/charts.ts builds options for, and ECharts' SVG renderer: charts are
// drawn on the server with no DOM (ECharts' server-side rendering), as text to inline.
echarts.use([ScatterChart, BarChart, LineChart, GridComponent, LegendComponent, MarkLineComponent, MarkAreaComponent, TitleComponent, TooltipComponent, SVGRenderer]);

export interface ChartSize {
  width: number;
  height: number;
}

/** One chart as a standalone SVG document (no scripts, no external references). */
export function renderChartSvg(option: ReportChartOption, size: ChartSize): string {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width: size.width, height: size.height });
  try {
    chart.setOption(option);
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}
