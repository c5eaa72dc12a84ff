import type { BarSeriesOption } from 'echarts/charts';
import type { HistogramBin, SimulationReport } from '../simulate/report.js';
import { CHART_COLORS, CHART_FONT, minuteTickStep, type ReportChartOption } from './charts.js';
import { minutesText, shareText } from './figures.js';

// The charts of a simulation report as ECharts options, from the report alone: the HTML export
// renders them to SVG, and the app's stress test view gives the same options to its ECharts.

export type SimulatedTime = 'timeToDetectMinutes' | 'timeToContainMinutes' | 'timeToRecoverMinutes';

const TIME_TITLES: Record<SimulatedTime, string> = {
  timeToDetectMinutes: 'Time to detect',
  timeToContainMinutes: 'Time to contain',
  timeToRecoverMinutes: 'Time to recover',
};
const TIME_COLORS: Record<SimulatedTime, string> = {
  timeToDetectMinutes: CHART_COLORS.detect,
  timeToContainMinutes: CHART_COLORS.contain,
  timeToRecoverMinutes: CHART_COLORS.recover,
};
const TARGETS: Record<SimulatedTime, 'detectMinutes' | 'containMinutes' | 'recoverMinutes'> = {
  timeToDetectMinutes: 'detectMinutes',
  timeToContainMinutes: 'containMinutes',
  timeToRecoverMinutes: 'recoverMinutes',
};

interface Marker {
  /** What the line marks ("p50", "target"); the value follows it in the label. */
  label: string;
  at: number;
  valueText: string;
  color: string;
  position: 'insideEndTop' | 'insideMiddleTop';
}

/** Lines nearer than this share of the axis have their labels written over each other if on the same side. */
const NEAR_SHARE = 0.04;

/**
 * The markers as ECharts mark lines: markers at the same value share one line and one label
 * ("p10 = p50 = 100"), which would otherwise be written over each other. Of two lines a few
 * pixels apart (a target of 1 h, a median of 1 h 2 min) whose labels sit at the same height, the
 * right-hand one's label goes on the right of its line, so the two are not written over each other.
 */
function markLineData(markers: Marker[], axisSpan: number) {
  const byValue = new Map<number, Marker[]>();
  for (const marker of markers) byValue.set(marker.at, [...(byValue.get(marker.at) ?? []), marker]);
  const lines = [...byValue.values()];
  return lines.map((same) => {
    const first = same[0]!;
    const name = `${same.map((m) => m.label).join(' = ')}${same.length > 1 ? ' =' : ''} ${first.valueText}`;
    const crowded = lines.some(([left]) => left!.position === first.position && left!.at < first.at && first.at - left!.at < axisSpan * NEAR_SHARE);
    const position = crowded ? ({ insideEndTop: 'insideEndBottom', insideMiddleTop: 'insideMiddleBottom' } as const)[first.position] : first.position;
    return { name, xAxis: first.at, lineStyle: { color: first.color, type: 'dashed' as const }, label: { color: first.color, position, backgroundColor: CHART_COLORS.labelBackground, padding: [1, 2] } };
  });
}

const base = (): ReportChartOption => ({ animation: false, textStyle: { fontFamily: CHART_FONT, color: CHART_COLORS.ink, fontSize: 11 } });
const axisLabel = { fontSize: 10, color: CHART_COLORS.muted } as const;
/** The bars' axis counts drills: whole numbers only (a run of a few drills had ticks at 0.2, 0.4...). */
const COUNT_AXIS = { type: 'value' as const, minInterval: 1, axisLabel, splitLine: { lineStyle: { color: CHART_COLORS.grid } } };

/**
 * Where the plan's target goes on a time's histogram. A target far outside every run (3 days
 * against runs of a few hours) would squeeze the bars into a sliver of the axis: it is said in
 * the chart's title instead of drawn.
 */
function targetPlacement(report: SimulationReport, time: SimulatedTime): 'drawn' | 'beyond' | 'before' {
  const bins = report.histograms[time];
  const target = report.targets[TARGETS[time]];
  const first = bins[0]?.from ?? 0;
  const end = bins.at(-1)?.to ?? 1;
  const span = Math.max(end - first, 1);
  if (target > end && target - first > 3 * span) return 'beyond';
  if (target < first && end - target > 3 * span) return 'before';
  return 'drawn';
}

/** A time histogram's caption, on screen as in the files. */
export function timeHistogramCaption(report: SimulationReport, time: SimulatedTime): string {
  const target = targetPlacement(report, time) === 'drawn' ? "the plan's target (red), " : '';
  return `${TIME_TITLES[time]} over the simulated drills that reached it, with ${target}the median and the 90th percentile.`;
}

/** How the runs spread: one bar per bin of minutes, with the plan's target and the p50 and p90 as lines. */
export function timeHistogramOption(report: SimulationReport, time: SimulatedTime): ReportChartOption {
  const bins: HistogramBin[] = report.histograms[time];
  const spread = report[time];
  const target = report.targets[TARGETS[time]];
  const first = bins[0]?.from ?? 0;
  const end = bins.at(-1)?.to ?? 1;
  const placement = targetPlacement(report, time);
  const targetDrawn = placement === 'drawn';
  const markers: Marker[] = [
    ...(targetDrawn ? [{ label: 'target', at: target, valueText: minutesText(target), color: CHART_COLORS.missed, position: 'insideEndTop' as const }] : []),
    ...(spread.p50 === null ? [] : [{ label: 'p50', at: spread.p50, valueText: minutesText(spread.p50), color: CHART_COLORS.ink, position: 'insideEndTop' as const }]),
    // The 90th percentile is often next to the median: its label sits lower down its line, so the two do not overlap.
    ...(spread.p90 === null ? [] : [{ label: 'p90', at: spread.p90, valueText: minutesText(spread.p90), color: CHART_COLORS.muted, position: 'insideMiddleTop' as const }]),
  ];
  const low = targetDrawn ? Math.min(first, target) : first;
  const last = targetDrawn ? Math.max(end, target) : end;
  const step = minuteTickStep(last - low);
  const [axisMin, axisMax] = [Math.floor(low / step) * step, Math.ceil(last / step) * step];
  const targetNote = placement === 'beyond' ? `target ${minutesText(target)}: every drill within it` : placement === 'before' ? `target ${minutesText(target)}: every drill past it` : '';
  return {
    ...base(),
    title: {
      text: `${TIME_TITLES[time]}: drills per ${minutesText(bins[0] ? bins[0].to - bins[0].from : 1)}`,
      ...(targetNote ? { subtext: targetNote, subtextStyle: { fontSize: 10, fontFamily: CHART_FONT, color: CHART_COLORS.missed } } : {}),
      left: 0,
      textStyle: { fontSize: 12, fontFamily: CHART_FONT },
    },
    grid: { left: 60, right: 30, top: targetNote ? 52 : 40, bottom: 44 },
    tooltip: { trigger: 'item' },
    xAxis: {
      type: 'value',
      min: axisMin,
      max: axisMax,
      interval: step,
      name: 'simulated minutes',
      nameLocation: 'middle',
      nameGap: 26,
      nameTextStyle: axisLabel,
      // A narrow chart (three side by side on a laptop) drops the tick labels that would overlap.
      axisLabel: { ...axisLabel, hideOverlap: true, formatter: (value: number) => minutesText(value) },
      splitLine: { lineStyle: { color: CHART_COLORS.grid } },
    },
    yAxis: COUNT_AXIS,
    series: [{
      type: 'bar',
      name: TIME_TITLES[time],
      barWidth: '96%',
      itemStyle: { color: TIME_COLORS[time] },
      // Bars sit at their bin's middle on a value axis.
      data: bins.map((b) => ({ value: [(b.from + b.to) / 2, b.count], name: `${minutesText(b.from)}–${minutesText(b.to)}` })),
      markLine: {
        silent: true,
        symbol: 'none',
        // Written along each line, so lines close together keep their labels apart.
        label: { formatter: '{b}', fontSize: 10, fontFamily: CHART_FONT },
        data: markLineData(markers, axisMax - axisMin),
      },
    }],
  };
}

/** The score histogram's caption, on screen as in the files. */
export const SCORE_HISTOGRAM_CAPTION = 'The overall score over the simulated drills, with the median and the 10th percentile.';

/** How the runs' overall scores spread: one bar per bin of points, with the median and the 10th percentile. */
export function scoreHistogramOption(report: SimulationReport): ReportChartOption {
  const bins: HistogramBin[] = report.histograms.overallScore;
  const spread = report.overallScore;
  const markers: Marker[] = [
    ...(spread.p50 === null ? [] : [{ label: 'p50', at: spread.p50, valueText: String(spread.p50), color: CHART_COLORS.ink, position: 'insideEndTop' as const }]),
    // As on the time charts: the other percentile's label sits lower down its line.
    ...(spread.p10 === null ? [] : [{ label: 'p10', at: spread.p10, valueText: String(spread.p10), color: CHART_COLORS.muted, position: 'insideMiddleTop' as const }]),
  ];
  // The axis runs from the lowest drill's tens (at most 90: ten points at least, so a bar is wide enough to see) to 100.
  const low = Math.min(90, Math.floor((bins[0]?.from ?? 0) / 10) * 10);
  const high = Math.max(100, bins.at(-1)?.to ?? 100);
  return {
    ...base(),
    title: { text: `Overall score: drills per ${scoreBinText(bins[0] ? Math.round((bins[0].to - bins[0].from) * 100) / 100 : 1)}`, left: 0, textStyle: { fontSize: 12, fontFamily: CHART_FONT } },
    grid: { left: 60, right: 30, top: 40, bottom: 44 },
    tooltip: { trigger: 'item' },
    xAxis: { type: 'value', min: low, max: high, interval: high - low > 50 ? 10 : high - low > 20 ? 5 : 1, name: 'overall score', nameLocation: 'middle', nameGap: 26, nameTextStyle: axisLabel, axisLabel: { ...axisLabel, hideOverlap: true }, splitLine: { lineStyle: { color: CHART_COLORS.grid } } },
    yAxis: COUNT_AXIS,
    series: [{
      type: 'bar',
      name: 'Overall score',
      barWidth: '96%',
      itemStyle: { color: CHART_COLORS.action },
      data: bins.map((b) => ({ value: [(b.from + b.to) / 2, b.count], name: `${b.from}–${b.to}` })),
      markLine: {
        silent: true,
        symbol: 'none',
        label: { formatter: '{b}', fontSize: 10, fontFamily: CHART_FONT },
        data: markLineData(markers, high - low),
      },
    }],
  };
}

/** How many characters of a name a line of the bar charts' category labels holds: about 300 px of their 320 at 10 px. */
export const CATEGORY_LABEL_LINE = 66;
/** The lines a tornado label takes at most, and the height of one tornado row that holds them. */
const CATEGORY_LABEL_LINES = 3;
const TORNADO_ROW_PX = 44;

/**
 * A long name (a tornado input, a deadline) as a category label: wrapped at words into at most
 * three lines, a longer name cut at a word with "…" (the full name is in the tooltip and in the
 * table beside the chart). Cut at a fixed width, "Done by the wrong role: Notify the Hong Kong
 * Monetary…" hid which deadline it was.
 */
export function categoryLabel(name: string, perLine = CATEGORY_LABEL_LINE, maxLines = CATEGORY_LABEL_LINES): string {
  const words = name.split(/\s+/).filter(Boolean).flatMap((word) => word.match(new RegExp(`.{1,${perLine}}`, 'gu')) ?? []);
  const lines: string[] = [];
  let line = '';
  for (const [i, word] of words.entries()) {
    const next = line ? `${line} ${word}` : word;
    if (next.length <= perLine) { line = next; continue; }
    if (lines.length === maxLines - 1) {
      // The last line: as many words as fit with the ellipsis.
      let cut = line;
      for (const more of words.slice(i)) {
        if (`${cut} ${more}…`.length > perLine) break;
        cut = `${cut} ${more}`;
      }
      return [...lines, `${cut}…`].join('\n');
    }
    lines.push(line);
    line = word;
  }
  return [...lines, line].join('\n');
}

/** The deadlines missed in some run (those never missed are left to the table). */
export const missedDeadlines = (report: SimulationReport) => report.breaches.filter((b) => b.probability > 0).sort((a, b) => b.probability - a.probability || a.id.localeCompare(b.id));

/** The chance of missing each deadline that some run missed, likeliest first. */
export function breachChartOption(report: SimulationReport): ReportChartOption {
  const breaches = missedDeadlines(report).reverse(); // ECharts draws the first category at the bottom
  return {
    ...base(),
    grid: { left: 330, right: 60, top: 8, bottom: 30 },
    xAxis: { type: 'value', min: 0, max: 1, interval: 0.25, axisLabel: { ...axisLabel, formatter: (value: number) => shareText(value) }, splitLine: { lineStyle: { color: CHART_COLORS.grid } } },
    // Deadlines' names are long ("… (due 30 min after the severity deadline, 45 min after detection)"): wrapped, as the tornado's.
    yAxis: { type: 'category', data: breaches.map((b) => b.title), axisTick: { show: false }, axisLabel: { fontSize: 10, lineHeight: 12, color: CHART_COLORS.ink, formatter: (name: string) => categoryLabel(name, CATEGORY_LABEL_LINE, 2) } },
    series: [{
      type: 'bar',
      name: 'Probability of missing the deadline',
      barWidth: 10,
      data: breaches.map((b) => ({ value: b.probability, itemStyle: { color: b.probability >= 0.1 ? CHART_COLORS.missed : b.probability > 0 ? CHART_COLORS.milestone : CHART_COLORS.met } })),
      label: { show: true, position: 'right', fontSize: 10, color: CHART_COLORS.ink, formatter: (p: { value: unknown }) => shareText(p.value as number) },
    }],
  };
}


const TORNADO_TOP_PX = 24;
const TORNADO_BOTTOM_PX = 56;

/** The tornado's height for a chart of that many inputs: a row each for a label of three lines. */
export const tornadoChartHeight = (inputs: number) => TORNADO_TOP_PX + TORNADO_BOTTOM_PX + TORNADO_ROW_PX * inputs;

/** Text put into a tooltip's HTML: a plan's action titles are the user's own words. */
const tooltipText = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * The tornado: for each input, the mean time to recover when it was low and when it was high,
 * as a bar between the two around the overall mean; the widest at the top. A long input name
 * is wrapped (categoryLabel); hovering its label or its row shows it whole, with its two means.
 */
export function tornadoChartOption(report: SimulationReport): ReportChartOption {
  const inputs = [...report.sensitivity.inputs].reverse(); // widest at the top
  const mean = report.timeToRecoverMinutes.mean ?? 0;
  const lows = inputs.map((i) => Math.min(i.low, i.high));
  const extent = Math.max(1, ...inputs.map((i) => Math.max(i.low, i.high)), mean);
  const step = minuteTickStep(extent - Math.min(mean, ...lows));
  const range = (name: string, color: string, keep: (i: (typeof inputs)[number]) => boolean): BarSeriesOption => ({
    type: 'bar',
    name,
    stack: 'swing',
    barWidth: 12,
    itemStyle: { color },
    data: inputs.map((i) => (keep(i) ? Math.abs(i.swing) : '-')),
  });
  return {
    ...base(),
    grid: { left: 330, right: 40, top: TORNADO_TOP_PX, bottom: TORNADO_BOTTOM_PX },
    legend: { bottom: 0, data: ['Longer when the input is high', 'Shorter when the input is high'], itemWidth: 10, itemHeight: 10, textStyle: { fontSize: 10, fontFamily: CHART_FONT } },
    xAxis: {
      type: 'value',
      min: Math.floor(Math.min(mean, ...lows) / step) * step,
      max: Math.ceil(extent / step) * step,
      interval: step,
      name: 'mean time to recover (simulated minutes)',
      nameLocation: 'middle',
      nameGap: 24,
      nameTextStyle: axisLabel,
      axisLabel: { ...axisLabel, formatter: (value: number) => minutesText(value) },
      splitLine: { lineStyle: { color: CHART_COLORS.grid } },
    },
    tooltip: {
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      formatter: (params: unknown) => {
        const input = inputs[(params as { dataIndex: number }[])[0]?.dataIndex ?? -1];
        return input ? `${tooltipText(input.title)}<br>mean time to recover: ${minutesText(input.low)} when low, ${minutesText(input.high)} when high` : '';
      },
    },
    yAxis: {
      type: 'category',
      data: inputs.map((i) => i.title),
      axisTick: { show: false },
      axisLabel: { fontSize: 10, lineHeight: 12, color: CHART_COLORS.ink, formatter: (name: string) => categoryLabel(name) },
      // The label's own tooltip: the name in full, even where the label is cut. ECharts reads an
      // axis tooltip's formatter (its value is the category's full name); its types know only show.
      tooltip: { show: true, formatter: (label: { value: string }) => tooltipText(label.value) } as { show: boolean },
    },
    series: [
      // An invisible bar from the axis to the lower end: the visible one spans low to high.
      { type: 'bar', name: 'offset', stack: 'swing', barWidth: 12, itemStyle: { color: 'transparent' }, silent: true, data: lows,
        markLine: { silent: true, symbol: 'none', label: { formatter: `mean ${minutesText(mean)}`, fontSize: 10, color: CHART_COLORS.ink }, lineStyle: { color: CHART_COLORS.ink, type: 'dashed' }, data: [{ xAxis: mean }] } },
      range('Longer when the input is high', CHART_COLORS.missed, (i) => i.swing >= 0),
      range('Shorter when the input is high', CHART_COLORS.met, (i) => i.swing < 0),
    ],
  };
}

/** A histogram bin's width in score points, in words that agree ("1 point", "2.5 points"). */
const scoreBinText = (points: number) => `${points} point${points === 1 ? '' : 's'}`;
