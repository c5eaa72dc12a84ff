import { createHash } from 'node:crypto';
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
    return stableClassNames(chart.renderToSVGString());
  } finally {
    chart.dispose();
  }
}

/**
 * ECharts names a chart's CSS classes after counters of the whole process (zr27-cls-6), so the
 * same chart drawn by a host that had drawn others read differently from the CLI's. Numbered in
 * the drawing's own order and named after the drawing instead, the same report gives the same
 * file every time; two charts of one HTML page share class names only when they are the same
 * drawing, styles and all.
 */
function stableClassNames(svg: string): string {
  const numbers = new Map<string, number>();
  const numbered = svg.replace(/\bzr\d+-cls-\d+\b/g, (name) => {
    if (!numbers.has(name)) numbers.set(name, numbers.size);
    return `zr-cls-${numbers.get(name)}`;
  });
  const drawing = createHash('sha256').update(numbered).digest('hex').slice(0, 12);
  return numbered.replace(/\bzr-cls-(\d+)\b/g, `chart-${drawing}-$1`);
}
