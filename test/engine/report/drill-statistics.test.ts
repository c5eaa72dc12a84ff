import { describe, expect, it } from 'vitest';
import { compareHalves, compareHalvesOfOneScenario, laterHalfText, comparePeriods, comparePeriodsOfDrills, drillMedian, verdictText, drillStatistics, estimateText, type DrillSample } from '../../../engine/report/drill-statistics.js';
import { minutesText } from '../../../engine/report/figures.js';
import { bootstrapMedian } from '../../../engine/stats/bootstrap.js';

// Honest drill statistics: n beside every figure, medians with seeded bootstrap intervals, and
// "not enough drills to tell" when two periods' intervals overlap.

const drill = (sessionId: string, startedAt: string, ttr: number | null, score = 80): DrillSample => ({
  sessionId, startedAt, timeToDetectMinutes: 30, timeToContainMinutes: ttr === null ? null : ttr / 2, timeToRecoverMinutes: ttr, overallScore: score,
});

describe('a median with its bootstrap interval', () => {
  it('is deterministic for a seed, brackets the median, and says how many samples it stands on', () => {
    const samples = [42, 55, 38, 61, 47, 50, 44, NaN];
    const estimate = bootstrapMedian(samples, { seed: 7 });
    expect(bootstrapMedian(samples, { seed: 7 })).toEqual(estimate);
    expect(estimate).toMatchObject({ n: 7, median: 47, confidence: 0.95 });
    expect(estimate.low!).toBeLessThanOrEqual(47);
    expect(estimate.high!).toBeGreaterThanOrEqual(47);
    expect(estimate.low!).toBeGreaterThanOrEqual(38);
    expect(estimate.high!).toBeLessThanOrEqual(61);
  });

  it('has no interval below two samples', () => {
    expect(bootstrapMedian([12])).toEqual({ n: 1, median: 12, low: null, high: null, confidence: 0.95 });
    expect(bootstrapMedian([NaN])).toEqual({ n: 0, median: null, low: null, high: null, confidence: 0.95 });
  });

  it('narrows as drills accumulate', () => {
    const spread = (n: number) => Array.from({ length: n }, (_, i) => 40 + ((i * 37) % 21));
    const few = bootstrapMedian(spread(5));
    const many = bootstrapMedian(spread(80));
    expect(many.high! - many.low!).toBeLessThan(few.high! - few.low!);
  });
});

describe('the median of some drills', () => {
  it('has no interval below five drills: the range of 2 drills, called a 95% interval, holds the median half the time', () => {
    expect(drillMedian([10, 30])).toMatchObject({ n: 2, median: 20, low: null, high: null });
    expect(drillMedian([10, 20, 30, 40])).toMatchObject({ n: 4, low: null, high: null });
    expect(drillMedian([10, 20, 30, 40, 50])).toMatchObject({ n: 5, median: 30, low: 10, high: 50 });
    expect(estimateText(drillMedian([10, 30]), minutesText)).toBe('20 min (n = 2: not enough drills for an interval)');
  });

  it('holds the true median in about 95% of samples when it gives an interval (at least 88%: the bootstrap runs a little narrow)', () => {
    let seed = 11;
    const uniform = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
    for (const n of [2, 3, 5, 8]) {
      const estimates = Array.from({ length: 200 }, (_, t) => drillMedian(Array.from({ length: n }, uniform), { seed: t + 1, resamples: 500 })).filter((e) => e.low !== null);
      const held = estimates.filter((e) => e.low! <= 0.5 && 0.5 <= e.high!).length;
      if (estimates.length > 0) expect(held / estimates.length, `${n} drills`).toBeGreaterThan(0.88);
    }
  });
});

describe('two periods of drills', () => {
  it('are "not enough drills to tell" when their intervals overlap, however different the medians look', () => {
    const comparison = comparePeriods([120, 95, 140], [100, 80, 130]);
    expect(comparison.difference).toBe(-20);
    expect(comparison.verdict).toBe('not enough drills to tell');
  });

  it('are "not enough drills to tell" below five drills a period, however far apart: 2 against 2 of one process look apart one time in three', () => {
    expect(comparePeriods([52, 93], [1230, 4570]).verdict).toBe('not enough drills to tell');
    expect(comparePeriods([100, 110, 120, 130], [10, 11, 12, 13]).verdict).toBe('not enough drills to tell');
    expect(comparePeriods([100, 110, 120, 130, 140], [10, 11, 12, 13, 14]).verdict).toBe('faster');
  });

  it('seldom tell a change where there is none: drills of one process, split in two, tell a change in under 5% of splits', () => {
    let seed = 7;
    const uniform = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
    for (const n of [2, 3, 4, 6]) {
      const told = Array.from({ length: 200 }, (_, t) => comparePeriods(Array.from({ length: n }, uniform), Array.from({ length: n }, uniform), { seed: t + 1, resamples: 500 }))
        .filter((c) => c.verdict !== 'not enough drills to tell').length;
      expect(told, `${n} against ${n} drills`).toBeLessThan(10);
    }
  });

  it('of the later half against the earlier half split by position, so drills that started at the same moment still make two halves', () => {
    const same = '2025-06-10T01:30:00.000Z';
    const halves = compareHalves([drill('d', same, 4570), drill('a', same, 52), drill('c', same, 1230), drill('b', same, 93)]);
    expect(halves).toMatchObject({ earlier: 2, later: 2 });
    expect(halves!.comparisons.timeToRecoverMinutes.before.median).toBe(72.5);
    expect(compareHalves([drill('a', same, 52)])).toBeNull();
    expect(verdictText('not enough drills to tell', 2, 2)).toBe('earlier 2 drills against later 2 drills: not enough drills to tell');
  });

  it('of a group of several scenarios are not set half against half: a later half of harder scenarios is no change in the team', () => {
    const slow = Array.from({ length: 6 }, (_, i) => ({ ...drill(`hard-${i}`, `2026-02-0${i + 1}T00:00:00Z`, 300 + i), scenarioId: 'hard' }));
    const fast = Array.from({ length: 6 }, (_, i) => ({ ...drill(`easy-${i}`, `2026-01-0${i + 1}T00:00:00Z`, 30 + i), scenarioId: 'easy' }));
    expect(compareHalves([...fast, ...slow])!.comparisons.timeToRecoverMinutes.verdict).toBe('slower');
    expect(compareHalvesOfOneScenario([...fast, ...slow])).toBeNull();
    expect(laterHalfText([...fast, ...slow])('timeToRecoverMinutes')).toBe('drills of 2 scenarios: see each scenario for a change');
    expect(compareHalvesOfOneScenario(slow)).toMatchObject({ earlier: 3, later: 3 });
  });

  it('show a change when the intervals are apart', () => {
    const before = Array.from({ length: 12 }, (_, i) => 120 + (i % 5));
    const after = Array.from({ length: 12 }, (_, i) => 60 + (i % 5));
    expect(comparePeriods(before, after).verdict).toBe('faster');
    expect(comparePeriods(after, before).verdict).toBe('slower');
  });

  it('compare each measure of the drills before and after a date, with exclusions; a higher score is "higher", not "faster"', () => {
    const drills = [
      ...Array.from({ length: 10 }, (_, i) => drill(`old-${i}`, `2026-01-${String(i + 10).padStart(2, '0')}T09:00:00Z`, 200 + i, 60 + i)),
      ...Array.from({ length: 10 }, (_, i) => drill(`new-${i}`, `2026-03-${String(i + 10).padStart(2, '0')}T09:00:00Z`, 100 + i, 90 + i)),
      drill('aborted', '2026-03-30T09:00:00Z', null, 5),
    ];
    const periods = comparePeriodsOfDrills(drills, '2026-02-01T00:00:00Z', { exclude: ['aborted'] });
    expect(periods).toMatchObject({ earlier: 10, later: 10, excluded: ['aborted'] });
    expect(periods.comparisons.timeToRecoverMinutes.verdict).toBe('faster');
    expect(periods.comparisons.overallScore.verdict).toBe('higher');
    expect(periods.comparisons.timeToDetectMinutes.verdict).toBe('not enough drills to tell');
  });
});

describe('the statistics of a set of drills', () => {
  const drills = [drill('a', '2026-01-01T00:00:00Z', 100), drill('b', '2026-01-02T00:00:00Z', 140), drill('c', '2026-01-03T00:00:00Z', null), drill('test-run', '2026-01-04T00:00:00Z', 5)];

  it('counts n per measure (a milestone never reached has no figure), and leaves excluded sessions out', () => {
    const stats = drillStatistics(drills, { exclude: ['test-run'] });
    expect(stats).toMatchObject({ drills: 3, excluded: ['test-run'] });
    expect(stats.measures.timeToRecoverMinutes).toMatchObject({ n: 2, median: 120 });
    expect(stats.measures.timeToDetectMinutes).toMatchObject({ n: 3, median: 30 });
    expect(drillStatistics(drills).measures.timeToRecoverMinutes).toMatchObject({ n: 3, median: 100 });
  });

  it('writes each figure with its n and interval', () => {
    const stats = drillStatistics(drills, { exclude: ['test-run'] });
    expect(estimateText(stats.measures.timeToRecoverMinutes, minutesText)).toBe('2 h (n = 2: not enough drills for an interval)');
    expect(estimateText(drillStatistics([...drills, drill('d', '2026-01-05T00:00:00Z', 120), drill('e', '2026-01-06T00:00:00Z', 110)]).measures.timeToRecoverMinutes, minutesText)).toMatch(/^1 h 50 min \(n = 5; 95% interval \d+ min to 2 h( \d+ min)?\)$/);
    expect(estimateText(bootstrapMedian([45]), minutesText)).toBe('45 min (n = 1: not enough drills for an interval)');
    expect(estimateText(bootstrapMedian([]), minutesText)).toBe('no drill reached it (n = 0)');
  });
});
