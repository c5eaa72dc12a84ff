import type { DrillGroup, DrillHistory } from '../../engine/report/drill-history.js';
import { minutesText } from '../../engine/report/figures.js';
import type { Spread } from '../../engine/scoring/metrics.js';
import { compareHalvesOfOneScenario, DRILL_MEASURES, drillStatistics, estimateText, laterHalfText, type DrillMeasure } from '../../engine/report/drill-statistics.js';
import { csvText } from '../export/csv.js';
import type { CollectedDrills } from './collect-drills.js';

// The drill history as files: JSON (what the UI's history view charts), CSV for a spreadsheet,
// and a short text summary for the terminal. Times are simulated minutes.

export const HISTORY_FORMATS = ['text', 'csv', 'json'] as const;
export type HistoryFormat = (typeof HISTORY_FORMATS)[number];

export const HISTORY_VERSION = 1;

/**
 * Each group with its honest figures added (what the History shows): `statistics`, each measure's
 * median with n and, from 5 drills, its 95% bootstrap interval; `laterHalf`, the later half of the
 * drills against the earlier half, measure by measure (null below two drills, or for drills of several scenarios).
 */
function withStatistics(group: DrillGroup) {
  const halves = compareHalvesOfOneScenario(group.drills);
  return {
    ...group,
    statistics: drillStatistics(group.drills).measures,
    laterHalf: halves && { earlier: halves.earlier, later: halves.later, ...Object.fromEntries(DRILL_MEASURES.map((m) => [m, halves.comparisons[m].verdict])) },
  };
}

export function historyToJson(history: DrillHistory, collected: Pick<CollectedDrills, 'skipped' | 'running' | 'unverified'>, filter: { plan?: string; scenario?: string }): string {
  const groups = { byPlan: history.byPlan.map(withStatistics), byScenario: history.byScenario.map(withStatistics) };
  return `${JSON.stringify({ historyVersion: HISTORY_VERSION, filter, ...history, ...groups, skipped: collected.skipped, running: collected.running, unverified: collected.unverified }, null, 2)}\n`;
}

const METRICS = [
  ['time_to_detect', 'timeToDetect'],
  ['time_to_contain', 'timeToContain'],
  ['time_to_recover', 'timeToRecover'],
] as const;

const MEASURES = [
  ['time to detect', 'timeToDetectMinutes'],
  ['time to contain', 'timeToContainMinutes'],
  ['time to recover', 'timeToRecoverMinutes'],
] as const;

export const HISTORY_CSV_COLUMNS = [
  'table', 'by', 'group_id', 'group_title', 'session_id', 'started_at', 'plan_id', 'scenario_id', 'mode', 'overall_score',
  'time_to_detect_minutes', 'time_to_contain_minutes', 'time_to_recover_minutes', 'archived', 'metric', 'drills', 'count', 'mean', 'median', 'stdev', 'min', 'max',
  'trend_per_drill', 'definition', 'scenario_version', 'scenario_hash', 'plan_version', 'plan_hash', 'median_low', 'median_high', 'later_half', 'label',
] as const;

/**
 * One header; the `table` column says what a row is: `drill` (one ended session, oldest
 * first) or `summary` (one measure of one plan's or scenario's drills: mean, median with its 95%
 * bootstrap interval, spread, trend, and the later half of the drills against the earlier half).
 */
export function historyToCsv(history: DrillHistory): string {
  const drills = history.drills.map((d) => ({
    table: 'drill', session_id: d.sessionId, started_at: d.startedAt, plan_id: d.planId, scenario_id: d.scenarioId, mode: d.mode, overall_score: d.overallScore,
    time_to_detect_minutes: d.timeToDetectMinutes, time_to_contain_minutes: d.timeToContainMinutes, time_to_recover_minutes: d.timeToRecoverMinutes, archived: d.archived,
    scenario_version: d.scenarioVersion, scenario_hash: d.scenarioHash, plan_version: d.planVersion, plan_hash: d.planHash, label: d.label,
  }));
  const summaries = [...history.byPlan, ...history.byScenario].flatMap((group) => {
    const statistics = drillStatistics(group.drills);
    const halves = compareHalvesOfOneScenario(group.drills);
    return METRICS.map(([metric, key], i) => {
      const spread: Spread & { definition: string } = group.metrics[key];
      const measure = MEASURES[i]![1];
      return {
        table: 'summary', by: group.by, group_id: group.id, group_title: group.title, metric, drills: group.drills.length, count: spread.count, mean: spread.mean,
        median: spread.median, stdev: spread.stdev, min: spread.min, max: spread.max, trend_per_drill: spread.trendPerDrill, definition: spread.definition,
        median_low: statistics.measures[measure].low, median_high: statistics.measures[measure].high, later_half: halves?.comparisons[measure].verdict ?? null,
      };
    });
  });
  return csvText<(typeof HISTORY_CSV_COLUMNS)[number]>([...drills, ...summaries], HISTORY_CSV_COLUMNS);
}

const drillsText = (n: number) => `${n} ${n === 1 ? 'drill' : 'drills'}`;

/**
 * A group as the History shows it: medians with their bootstrap interval and n, and the later
 * half of the drills against the earlier half ("not enough drills to tell" while the intervals
 * overlap), never a bare mean or a trend drawn through two drills.
 */
function groupText(group: DrillGroup): string[] {
  const statistics = drillStatistics(group.drills);
  const verdict = laterHalfText(group.drills);
  const line = (title: string, measure: DrillMeasure) => {
    const estimate = statistics.measures[measure];
    return estimate.n === 0
      ? `  ${title.padEnd(16)} not reached in ${group.drills.length === 1 ? 'the one drill' : `any of the ${group.drills.length} drills`}`
      : `  ${title.padEnd(16)} median ${estimateText(estimate, minutesText)}, reached in ${estimate.n} of ${group.drills.length}; ${verdict(measure)}`;
  };
  const versions = group.versions.length > 1 ? ` (${group.versions.length} versions: ${group.versions.map((v) => `v${v.number} ${drillsText(v.drills)}`).join(', ')})` : '';
  return [
    `${group.by} ${group.id} ("${group.title}"): ${drillsText(group.drills.length)}${versions}`,
    `  ${'score'.padEnd(16)} median ${estimateText(statistics.measures.overallScore, String)}; ${verdict('overallScore')}`,
    ...MEASURES.map(([title, measure]) => line(title, measure)),
  ];
}

/** The text summary; `excluded` drills left out in the History, `filter` the plan or scenario asked for. */
export function historyToText(history: DrillHistory, context: { excluded?: number; filter?: { plan?: string; scenario?: string } } = {}): string {
  if (history.drills.length === 0) {
    const { excluded = 0, filter = {} } = context;
    if (excluded > 0) return `Every ended drill (${excluded}) is left out of the figures: count one again in the History (untick "Leave out of the figures").\n`;
    const asked = [filter.plan !== undefined ? `plan ${filter.plan}` : null, filter.scenario !== undefined ? `scenario ${filter.scenario}` : null].filter((x) => x !== null);
    return asked.length > 0 ? `No ended drill of ${asked.join(' and ')}.\n` : 'No ended sessions yet.\n';
  }
  const first = history.byPlan[0]!.metrics;
  return [
    ...history.byPlan.flatMap(groupText),
    '',
    ...history.byScenario.flatMap(groupText),
    '',
    `Definitions (simulated time): ${first.timeToDetect.definition}; ${first.timeToContain.definition}; ${first.timeToRecover.definition}. Intervals: 95% percentile bootstrap of the median; the later half of the drills is set against the earlier half, and a change is said only when their intervals do not overlap.`,
    '',
  ].join('\n');
}
