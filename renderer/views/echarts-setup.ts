import * as echarts from 'echarts/core';
import { BarChart, LineChart, ScatterChart } from 'echarts/charts';
import { GridComponent, LegendComponent, MarkAreaComponent, MarkLineComponent, TitleComponent, TooltipComponent } from 'echarts/components';
import { SVGRenderer } from 'echarts/renderers';

// ECharts with the parts the report charts use. Loaded on demand (ReportChart imports this
// module dynamically): it is half of the app's JavaScript, and only the debrief and the
// history draw charts, so the library and the console start without it.
echarts.use([ScatterChart, BarChart, LineChart, GridComponent, LegendComponent, MarkLineComponent, MarkAreaComponent, TitleComponent, TooltipComponent, SVGRenderer]);

export { echarts };
