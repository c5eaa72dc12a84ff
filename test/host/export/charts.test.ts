import { beforeAll, describe, expect, it } from 'vitest';
import { drillHistoryChartOption, minuteTickStep, responseTimesChartOption, timelineChartOption, TIMELINE_LANES } from '../../../engine/report/charts.js';
import { drillHistory, drillOf } from '../../../engine/report/drill-history.js';
import { playScript } from '../../../engine/session/play-script.js';
import { scoreSession } from '../../../engine/scoring/score.js';
import type { Scorecard } from '../../../engine/scoring/scorecard.js';
import { renderChartSvg } from '../../../host/export/chart-svg.js';
import { bundledLibrary, loadableBundledWorlds } from '../../helpers/world.js';
import { EXTERNAL_REFERENCE } from './exports-helpers.js';

// The chart options are built from the scorecard alone (the UI gives the same options to its
// own ECharts); the host draws them to SVG on the server with no DOM.

let card: Scorecard;
beforeAll(() => {
  const world = loadableBundledWorlds().find((w) => bundledLibrary().scripts.get(w.id)?.has('flawed'))!;
  card = scoreSession(playScript(world.plan, world.scenario, bundledLibrary().scripts.get(world.id)!.get('flawed')!.script));
});

type Series = { name: string; data: unknown[]; markLine?: { data: { name: string; xAxis: number }[] } };

describe('the chart options', () => {
  it('timeline: one lane per kind of entry, every entry plotted, and the milestones as marker lines', () => {
    const option = timelineChartOption(card);
    const series = option.series as Series[];
    const plotted = series.reduce((s, x) => s + x.data.length, 0);
    expect(plotted).toBe(card.timeline.filter((t) => TIMELINE_LANES.some((l) => l.kinds.includes(t.kind))).length);
    const markers = series[0]!.markLine!.data;
    expect(markers.find((m) => m.name.includes('detected'))!.xAxis).toBe(card.milestones.detected);
    if (card.timeToDetectMinutes !== null) expect(markers.some((m) => m.name.startsWith('T0'))).toBe(true);
  });

  it('timeline: a long session keeps at most one point per lane and slot', () => {
    const long = { ...card, timeline: Array.from({ length: 5000 }, (_, i) => ({ ...card.timeline[1]!, atMinutes: (i * card.durationMinutes) / 5000 })) };
    const series = timelineChartOption(long, { pointsPerLane: 200 }).series as Series[];
    expect(series.reduce((s, x) => s + x.data.length, 0)).toBeLessThanOrEqual(200);
  });

  it('response times and drill history carry the figures', () => {
    const bars = responseTimesChartOption(card).series as Series[];
    expect(bars[0]!.data).toEqual([...card.metrics].reverse().map((m) => m.targetMinutes));
    const group = drillHistory([drillOf(card), drillOf({ ...card, sessionId: 'second', startedAt: '2099-01-01T00:00:00Z' })]).byPlan[0]!;
    const lines = drillHistoryChartOption(group).series as Series[];
    expect(lines.map((l) => l.name)).toEqual(['Time to detect', 'Time to contain', 'Time to recover']);
    expect(lines[0]!.data).toHaveLength(2);
    // The dashed line is the median, as the History's figures are (not a mean pulled by one slow drill).
    const marked = (lines[0] as unknown as { markLine?: { data: { yAxis: number }[]; label: { formatter: string } } }).markLine;
    expect(group.metrics.timeToDetect.median).not.toBeNull();
    expect(marked!.data[0]!.yAxis).toBe(group.metrics.timeToDetect.median);
    expect(marked!.label.formatter).toMatch(/^median /);
  });

  it('tick steps are whole minutes, hours or days', () => {
    expect(minuteTickStep(45)).toBe(5);
    expect(minuteTickStep(420)).toBe(60);
    expect(minuteTickStep(3 * 1440)).toBe(720);
  });
});

describe('server-side rendering', () => {
  it('draws each option as a standalone SVG with nothing to load from outside', () => {
    for (const option of [timelineChartOption(card), responseTimesChartOption(card)]) {
      const svg = renderChartSvg(option, { width: 800, height: 300 });
      expect(svg.startsWith('<svg')).toBe(true);
      expect(svg).toContain('viewBox="0 0 800 300"');
      expect(svg).not.toMatch(EXTERNAL_REFERENCE);
      expect(svg).not.toContain('<script');
    }
  });

  it('draws the same chart the same way however many it drew before, and two charts with class names of their own', () => {
    // ECharts counts its charts across the process (zr0-cls-1, zr7-cls-1...): a host that had
    // drawn other charts gave the same report another file than the CLI.
    const first = renderChartSvg(timelineChartOption(card), { width: 800, height: 300 });
    renderChartSvg(responseTimesChartOption(card), { width: 800, height: 300 });
    expect(renderChartSvg(timelineChartOption(card), { width: 800, height: 300 })).toBe(first);
    const classes = (svg: string) => new Set([...svg.matchAll(/class="([\w-]+?)-\d+"/g)].map((m) => m[1]));
    const other = renderChartSvg(responseTimesChartOption(card), { width: 800, height: 300 });
    expect(classes(first).size).toBe(1);
    expect([...classes(first)].filter((name) => classes(other).has(name))).toEqual([]);
  });
});
