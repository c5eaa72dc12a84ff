import { describe, expect, it } from 'vitest';
import { scoreHistogramOption, timeHistogramCaption, timeHistogramOption } from '../../../engine/report/simulation-charts.js';
import { histogram } from '../../../engine/simulate/report.js';
import { minutesText } from '../../../engine/report/figures.js';
import { simulateHere } from '../../../engine/simulate/simulate.js';
import { bundledWorld } from '../../helpers/simulation.js';

// The stress test's time histograms (the app's and the HTML/PDF export's): the plan's target is
// a line on the chart, unless it lies so far from every drill that drawing it would squeeze the
// bars into a sliver; then the title says where it is.

const markLines = (option: ReturnType<typeof timeHistogramOption>) => ((option.series as { markLine: { data: { name: string }[] } }[])[0]!.markLine.data).map((line) => line.name);

describe('a time histogram', () => {
  const report = simulateHere({ ...bundledWorld('public-test-bucket'), runs: 60, seed: 1 });

  it('says a target far beyond every drill in its title and keeps the axis to the drills', () => {
    const bins = report.histograms.timeToRecoverMinutes;
    const target = report.targets.recoverMinutes;
    expect(target).toBeGreaterThan(4 * bins.at(-1)!.to);
    const option = timeHistogramOption(report, 'timeToRecoverMinutes');
    const title = option.title as { text: string; subtext?: string };
    expect(title.subtext).toBe(`target ${minutesText(target)}: every drill within it`);
    expect(markLines(option).some((name) => name.startsWith('target'))).toBe(false);
    expect((option.xAxis as { max: number }).max).toBeLessThan(target);
    expect(timeHistogramCaption(report, 'timeToRecoverMinutes')).toBe('Time to recover over the simulated drills that reached it, with the median and the 90th percentile.');
  });

  it('draws a target among the drills as a line, with no note in its title', () => {
    const report = simulateHere({ ...bundledWorld('ransomware-production-db'), runs: 60, seed: 1 });
    const time = (['timeToDetectMinutes', 'timeToContainMinutes', 'timeToRecoverMinutes'] as const).find((t) => {
      const bins = report.histograms[t];
      const target = report.targets[({ timeToDetectMinutes: 'detectMinutes', timeToContainMinutes: 'containMinutes', timeToRecoverMinutes: 'recoverMinutes' } as const)[t]];
      return bins.length > 0 && target <= bins.at(-1)!.to * 2;
    });
    expect(time).toBeDefined();
    const option = timeHistogramOption(report, time!);
    expect((option.title as { subtext?: string }).subtext).toBeUndefined();
    expect(markLines(option).some((name) => name.startsWith('target'))).toBe(true);
    expect(timeHistogramCaption(report, time!)).toContain("with the plan's target (red), the median");
  });
});

describe('the lines of a time histogram', () => {
  it('write the labels of two lines a few pixels apart on either side, not over each other', () => {
    const report = simulateHere({ ...bundledWorld('ransomware-production-db'), runs: 60, seed: 1 });
    const p50 = report.timeToContainMinutes.p50!;
    const near = { ...report, targets: { ...report.targets, containMinutes: p50 - 1 } };
    const lines = (timeHistogramOption(near, 'timeToContainMinutes').series as { markLine: { data: { name: string; label: { position: string } }[] } }[])[0]!.markLine.data;
    const at = (prefix: string) => lines.find((line) => line.name.startsWith(prefix))!.label.position;
    expect([at('target'), at('p50')]).toEqual(['insideEndTop', 'insideEndBottom']);
    // Far apart, both stay on the same side.
    const far = { ...report, targets: { ...report.targets, containMinutes: report.timeToContainMinutes.p90! * 2 } };
    const apart = (timeHistogramOption(far, 'timeToContainMinutes').series as { markLine: { data: { name: string; label: { position: string } }[] } }[])[0]!.markLine.data;
    expect(apart.filter((line) => /^(target|p50)/.test(line.name)).map((line) => line.label.position)).toEqual(['insideEndTop', 'insideEndTop']);
  });
});

describe('the count axis', () => {
  it('counts whole drills, also when a report has a single drill', () => {
    const one = simulateHere({ ...bundledWorld('public-test-bucket'), runs: 1, seed: 1 });
    for (const option of [timeHistogramOption(one, 'timeToRecoverMinutes'), scoreHistogramOption(one)]) expect(option.yAxis).toMatchObject({ type: 'value', minInterval: 1 });
  });
});

describe('a histogram of figures', () => {
  it('puts the highest value in the last bin, not in one of its own past it', () => {
    const bins = histogram(Float64Array.from([0, 3, 7, 10]), 5);
    expect(bins.at(-1)).toEqual({ from: 8, to: 10, count: 1 });
    expect(bins.reduce((sum, b) => sum + b.count, 0)).toBe(4);
  });

  it('keeps bins wide enough to see when the figures barely spread', () => {
    const allFull = histogram(new Float64Array(2_000).fill(100), 20, 10);
    expect(allFull).toEqual([{ from: 99.5, to: 100, count: 2_000 }]);
    const close = histogram(Float64Array.from([99.4, 99.8, 100]), 20, 10);
    expect(close.every((b) => b.to - b.from === 0.5)).toBe(true);
  });
});

describe('the score histogram', () => {
  const report = simulateHere({ ...bundledWorld('public-test-bucket'), runs: 20, seed: 1 });
  const everyDrillFull = {
    ...report,
    overallScore: { ...report.overallScore, p50: 100, p10: 100 },
    histograms: { ...report.histograms, overallScore: histogram(new Float64Array(20).fill(100), 20, 10) },
  };

  it('when every drill scores 100, zooms to the last ten points so the bar shows, and writes the equal percentiles once', () => {
    const option = scoreHistogramOption(everyDrillFull);
    const axis = option.xAxis as { min: number; max: number };
    expect([axis.min, axis.max]).toEqual([90, 100]);
    expect(markLines(option)).toEqual(['p50 = p10 = 100']);
  });

  it('keeps the percentiles apart when they differ', () => {
    const spread = { ...everyDrillFull, overallScore: { ...everyDrillFull.overallScore, p10: 95 } };
    expect(markLines(scoreHistogramOption(spread))).toEqual(['p50 100', 'p10 95']);
  });
});
