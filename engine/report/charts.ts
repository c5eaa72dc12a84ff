import type { ComposeOption } from 'echarts/core';
import type { BarSeriesOption, LineSeriesOption, ScatterSeriesOption } from 'echarts/charts';
import type {
  GridComponentOption, LegendComponentOption, MarkAreaComponentOption, MarkLineComponentOption, TitleComponentOption, TooltipComponentOption,
} from 'echarts/components';
import type { Scorecard, TimelineKind } from '../scoring/scorecard.js';
import type { DrillGroup } from './drill-history.js';
import { compromiseAtMinutes, isoDay, minutesText, tPlus } from './figures.js';

// The charts of the reports as Apache ECharts options, built from the scorecard alone: the
// exporters render them to SVG on the server, and the UI gives the same options to its own
// ECharts instance, so a chart looks the same on screen, in the HTML file and in the PDF.

/** The ECharts modules these options need: register exactly these (echarts/core `use`). */
export type ReportChartOption = ComposeOption<
  | ScatterSeriesOption | BarSeriesOption | LineSeriesOption | GridComponentOption | LegendComponentOption
  | MarkLineComponentOption | MarkAreaComponentOption | TitleComponentOption | TooltipComponentOption
>;

export const CHART_FONT = 'Helvetica, Arial, sans-serif';
export const CHART_COLORS = {
  ink: '#1f2933',
  muted: '#616e7c',
  grid: '#e4e7eb',
  inject: '#3e63dd',
  action: '#12a594',
  decision: '#8e4ec6',
  severity: '#e5484d',
  milestone: '#f76b15',
  observation: '#697077',
  deadline: '#ad3e3e',
  session: '#9aa5b1',
  met: '#30a46c',
  missed: '#e5484d',
  target: '#c1c8cd',
  detect: '#3e63dd',
  contain: '#f76b15',
  recover: '#30a46c',
  /** Behind a label written over bars (a percentile's): the paper, nearly opaque. */
  labelBackground: 'rgba(255, 255, 255, 0.85)',
} as const;

/** The lanes of the timeline chart, top to bottom. */
export const TIMELINE_LANES: readonly { title: string; kinds: readonly TimelineKind[]; color: string; symbol: string }[] = [
  { title: 'Injects', kinds: ['inject'], color: CHART_COLORS.inject, symbol: 'circle' },
  { title: 'Actions', kinds: ['action-taken', 'action-completed'], color: CHART_COLORS.action, symbol: 'rect' },
  { title: 'Decisions', kinds: ['decision-opened', 'decision-answered', 'decision-timed-out'], color: CHART_COLORS.decision, symbol: 'triangle' },
  { title: 'Severity', kinds: ['severity'], color: CHART_COLORS.severity, symbol: 'diamond' },
  { title: 'Milestones', kinds: ['milestone'], color: CHART_COLORS.milestone, symbol: 'diamond' },
  { title: 'Deadlines passed', kinds: ['deadline-passed'], color: CHART_COLORS.deadline, symbol: 'emptyCircle' },
  { title: 'Observations', kinds: ['observation'], color: CHART_COLORS.observation, symbol: 'emptyRect' },
  { title: 'Session and clock', kinds: ['session', 'clock'], color: CHART_COLORS.session, symbol: 'circle' },
];

/** A tick step in minutes that gives at most about ten labels over the span. */
export function minuteTickStep(spanMinutes: number): number {
  const steps = [5, 10, 15, 30, 60, 120, 180, 240, 360, 720, 1440, 2880, 10080];
  return steps.find((step) => spanMinutes / step <= 10) ?? steps.at(-1)!;
}

const base = (): ReportChartOption => ({
  animation: false,
  textStyle: { fontFamily: CHART_FONT, color: CHART_COLORS.ink, fontSize: 11 },
});

/**
 * Everything that happened, lane by lane, on the simulated clock; vertical lines at T0 (the
 * compromise), detected, contained and recovered, and the spans of time to detect and to
 * contain shaded, so the three times read off the chart.
 */
export function timelineChartOption(card: Scorecard, options: { pointsPerLane?: number } = {}): ReportChartOption {
  const t0 = compromiseAtMinutes(card);
  const { detected, contained, recovered } = card.milestones;
  const start = Math.min(0, t0 ?? 0);
  const end = Math.max(card.durationMinutes, detected ?? 0, contained ?? 0, recovered ?? 0, 1);
  const step = minuteTickStep(end - start);
  const lanes = TIMELINE_LANES.filter((lane) => card.timeline.some((t) => lane.kinds.includes(t.kind)));

  const markers = ([
    ['T0', t0, CHART_COLORS.severity],
    ['detected', detected, CHART_COLORS.detect],
    ['contained', contained, CHART_COLORS.contain],
    ['recovered', recovered, CHART_COLORS.recover],
  ] as const).flatMap(([name, at, color]) => (at === null ? [] : [{ name, at, color, label: name as string, show: true }]));
  // Markers within 3% of the span of each other share one label ("detected / contained").
  markers.forEach((m, i) => {
    const first = markers.findIndex((other) => Math.abs(other.at - m.at) < 0.03 * (end - start));
    if (first < i) {
      markers[first]!.label += ` / ${m.name}`;
      m.show = false;
    }
  });
  const spans = ([
    [`time to detect ${minutesText(card.timeToDetectMinutes)}`, t0, detected, 'rgba(62, 99, 221, 0.08)'],
    [`time to contain ${minutesText(card.timeToContainMinutes)}`, detected, contained, 'rgba(247, 107, 21, 0.08)'],
  ] as const).flatMap(([name, from, to, color]) => (from === null || to === null ? [] : [{ name, from, to, color }]));

  // On paper, points closer than the width of a mark are one mark: a long session's timeline
  // keeps one point per lane and slot (the first), which looks the same and draws far faster.
  const slot = options.pointsPerLane ? (end - start) / options.pointsPerLane : 0;
  const points = (kinds: readonly TimelineKind[]) => {
    const taken = new Set<number>();
    return card.timeline.filter((t) => {
      if (!kinds.includes(t.kind)) return false;
      if (slot === 0) return true;
      const at = Math.floor((t.atMinutes - start) / slot);
      if (taken.has(at)) return false;
      taken.add(at);
      return true;
    });
  };
  const series: ScatterSeriesOption[] = lanes.map((lane, index) => ({
    type: 'scatter',
    name: lane.title,
    symbol: lane.symbol,
    symbolSize: 8,
    itemStyle: { color: lane.color, opacity: 0.85 },
    data: points(lane.kinds).map((t) => ({ value: [t.atMinutes, index], name: t.title })),
  }));
  // The markers ride on the first series: ECharts draws mark lines and areas per series.
  if (series[0]) {
    series[0].markLine = {
      silent: true,
      symbol: 'none',
      lineStyle: { type: 'dashed', width: 1 },
      // The y axis is inverted, so "start" is the top edge: the labels stay clear of the time axis.
      label: { position: 'start', formatter: '{b}', fontSize: 10, fontFamily: CHART_FONT },
      // Alternate labels sit one line higher, so markers close together stay readable.
      data: markers.map((m, i) => ({
        name: m.label, xAxis: m.at, lineStyle: { color: m.color },
        label: { show: m.show, color: m.color, distance: markers.slice(0, i).filter((x) => x.show).length % 2 ? 14 : 3 },
      })),
    };
    series[0].markArea = {
      silent: true,
      label: { show: false },
      data: spans.map((s) => [{ name: s.name, xAxis: s.from, itemStyle: { color: s.color } }, { xAxis: s.to }]),
    };
  }
  return {
    ...base(),
    grid: { left: 110, right: 30, top: 36, bottom: 60 },
    legend: { bottom: 0, itemWidth: 10, itemHeight: 10, textStyle: { fontSize: 10, fontFamily: CHART_FONT } },
    tooltip: { trigger: 'item' },
    xAxis: {
      type: 'value',
      min: Math.floor(start / step) * step,
      max: Math.ceil(end / step) * step,
      interval: step,
      name: 'simulated time',
      nameLocation: 'middle',
      nameGap: 24,
      nameTextStyle: { fontSize: 10, color: CHART_COLORS.muted },
      axisLabel: { formatter: (value: number) => tPlus(value), fontSize: 10, color: CHART_COLORS.muted },
      splitLine: { lineStyle: { color: CHART_COLORS.grid } },
    },
    yAxis: {
      type: 'category',
      inverse: true,
      data: lanes.map((l) => l.title),
      axisTick: { show: false },
      axisLabel: { fontSize: 10, color: CHART_COLORS.ink },
      splitLine: { show: true, lineStyle: { color: CHART_COLORS.grid } },
    },
    series,
  };
}

/** Time to detect, contain and recover of this drill against the plan's targets. */
export function responseTimesChartOption(card: Scorecard): ReportChartOption {
  const metrics = [...card.metrics].reverse(); // ECharts draws the first category at the bottom
  const longest = Math.max(1, ...metrics.map((m) => Math.max(m.minutes ?? 0, m.targetMinutes)));
  const step = minuteTickStep(longest);
  const drillLabel = { show: true, position: 'right', fontSize: 10, color: CHART_COLORS.ink, formatter: (p: { value: unknown }) => minutesText(p.value as number) } as const;
  // Within and over the target are two series stacked in one slot, so the legend says what the colours mean.
  const drill = (name: string, color: string, keep: (m: (typeof metrics)[number]) => boolean): BarSeriesOption => ({
    type: 'bar',
    name,
    stack: 'drill',
    barWidth: 10,
    itemStyle: { color },
    label: drillLabel,
    data: metrics.map((m) => (keep(m) ? m.minutes : '-')),
  });
  return {
    ...base(),
    grid: { left: 110, right: 80, top: 8, bottom: 44 },
    legend: { bottom: 0, data: ['Plan target', 'Within the target', 'Over the target'], itemWidth: 10, itemHeight: 10, textStyle: { fontSize: 10, fontFamily: CHART_FONT } },
    xAxis: {
      type: 'value',
      max: Math.ceil(longest / step) * step,
      interval: step,
      axisLabel: { formatter: (value: number) => minutesText(value), fontSize: 10, color: CHART_COLORS.muted },
      splitLine: { lineStyle: { color: CHART_COLORS.grid } },
    },
    yAxis: { type: 'category', data: metrics.map((m) => m.title), axisTick: { show: false }, axisLabel: { fontSize: 11, color: CHART_COLORS.ink } },
    series: [
      {
        type: 'bar',
        name: 'Plan target',
        barWidth: 10,
        itemStyle: { color: CHART_COLORS.target },
        label: { show: true, position: 'right', fontSize: 10, color: CHART_COLORS.muted, formatter: (p: { value: unknown }) => `target ${minutesText(p.value as number)}` },
        data: metrics.map((m) => m.targetMinutes),
      },
      drill('Within the target', CHART_COLORS.met, (m) => m.met === true),
      drill('Over the target', CHART_COLORS.missed, (m) => m.met === false),
      {
        // A milestone never reached has no bar: say so where the bar would be.
        type: 'bar',
        name: 'Not reached',
        stack: 'drill',
        barWidth: 10,
        itemStyle: { color: CHART_COLORS.missed },
        label: { show: true, position: 'insideLeft', fontSize: 10, color: CHART_COLORS.missed, formatter: 'not reached' },
        data: metrics.map((m) => (m.minutes === null ? 0 : '-')),
      },
    ],
  };
}

/**
 * Time to detect, contain and recover of a plan's or scenario's drills, oldest first, with the
 * median of each as a dashed line (a median, as the History's figures: a mean over a handful of
 * drills is pulled about by one slow drill): the trend of MTTD and MTTR across drills.
 */
export function drillHistoryChartOption(group: DrillGroup): ReportChartOption {
  const lines = [
    { name: 'Time to detect', values: group.drills.map((d) => d.timeToDetectMinutes), median: group.metrics.timeToDetect.median, color: CHART_COLORS.detect },
    { name: 'Time to contain', values: group.drills.map((d) => d.timeToContainMinutes), median: group.metrics.timeToContain.median, color: CHART_COLORS.contain },
    { name: 'Time to recover', values: group.drills.map((d) => d.timeToRecoverMinutes), median: group.metrics.timeToRecover.median, color: CHART_COLORS.recover },
  ];
  const longest = Math.max(1, ...lines.flatMap((l) => l.values.map((v) => v ?? 0)));
  const step = minuteTickStep(longest);
  return {
    ...base(),
    title: { text: group.title, left: 0, textStyle: { fontSize: 12, fontFamily: CHART_FONT } },
    grid: { left: 70, right: 110, top: 40, bottom: 60 },
    legend: { bottom: 0, textStyle: { fontSize: 10, fontFamily: CHART_FONT } },
    tooltip: { trigger: 'axis' },
    xAxis: { type: 'category', data: group.drills.map((d) => `${isoDay(d.startedAt)}\n${d.sessionId}`), axisLabel: { fontSize: 9, color: CHART_COLORS.muted } },
    yAxis: {
      type: 'value',
      min: 0,
      max: Math.ceil(longest / step) * step,
      interval: step,
      axisLabel: { formatter: (value: number) => minutesText(value), fontSize: 10, color: CHART_COLORS.muted },
      splitLine: { lineStyle: { color: CHART_COLORS.grid } },
    },
    series: lines.map((line): LineSeriesOption => ({
      type: 'line',
      name: line.name,
      data: line.values.map((v) => (v === null ? '-' : v)),
      connectNulls: false,
      itemStyle: { color: line.color },
      lineStyle: { color: line.color },
      markLine: line.median === null ? undefined : {
        silent: true,
        symbol: 'none',
        lineStyle: { type: 'dashed', color: line.color },
        label: { formatter: `median ${minutesText(line.median)}`, fontSize: 9, color: line.color },
        data: [{ yAxis: line.median }],
      },
    })),
  };
}
