import { useEffect, useRef } from 'react';
import type { ReportChartOption } from '../../engine/report/charts.js';
import { useAppState } from '../app/app-context.js';
import { themedChartOption } from './chart-theme.js';

// The same ECharts options the HTML and PDF exports draw (engine/report/charts.ts), so the chart
// on screen and in the files is one chart; in the dark theme it takes ECharts' dark theme and
// light ink. ECharts itself is fetched when a chart is first shown.
export function ReportChart({ option, label, height = 320 }: { option: ReportChartOption; label: string; height?: number }) {
  const element = useRef<HTMLDivElement>(null);
  const theme = useAppState((state) => state.theme);
  useEffect(() => {
    let disposed = false;
    let cleanup = () => {};
    import('./echarts-setup.js').then(({ echarts }) => {
      if (disposed || !element.current) return;
      const chart = echarts.init(element.current, theme === 'dark' ? 'dark' : null, { renderer: 'svg', height });
      chart.setOption(themedChartOption(option, theme));
      const resize = () => chart.resize();
      window.addEventListener('resize', resize);
      cleanup = () => {
        window.removeEventListener('resize', resize);
        chart.dispose();
      };
    }, () => {
      // The chart's code could not be loaded: say so where the chart would be; its figures are in the tables.
      if (!disposed && element.current) element.current.textContent = 'The chart could not be drawn; its figures are in the tables.';
    });
    return () => {
      disposed = true;
      cleanup();
    };
  }, [option, height, theme]);
  return <div ref={element} className="report-chart" role="img" aria-label={label} style={{ height }} />;
}
