import type { DrillGroup, DrillHistory } from '../../engine/report/drill-history.js';
import { minutesText } from '../../engine/report/figures.js';
import type { Spread } from '../../engine/scoring/metrics.js';
import { csvText } from '../export/csv.js';
import type { CollectedDrills } from './collect-drills.js';

// The drill history as files: JSON (what the UI's history view charts), CSV for a spreadsheet,
// and a short text summary for the terminal. Times are simulated minutes.

export const HISTORY_FORMATS = ['text', 'csv', 'json'] as const;
export type HistoryFormat = (typeof HISTORY_FORMATS)[number];

export const HISTORY_VERSION = 1;

export function historyToJson(history: DrillHistory, collected: Pick<CollectedDrills, 'skipped' | 'running' | 'unverified'>, filter: { plan?: string; scenario?: string }): string {
  return `${JSON.stringify({ historyVersion: HISTORY_VERSION, filter, ...history, skipped: collected.skipped, running: collected.running, unverified: collected.unverified }, null, 2)}\n`;
}

const METRICS = [
  ['time_to_detect', 'timeToDetect'],
  ['time_to_contain', 'timeToContain'],
  ['time_to_recover', 'timeToRecover'],
] as const;

export const HISTORY_CSV_COLUMNS = [
  'table', 'by', 'group_id', 'group_title', 'session_id', 'started_at', 'plan_id', 'scenario_id', 'mode', 'overall_score',
  'time_to_detect_minutes', 'time_to_contain_minutes', 'time_to_recover_minutes', 'archived', 'metric', 'drills', 'count', 'mean', 'median', 'stdev', 'min', 'max',
  'trend_per_drill', 'definition', 'scenario_version', 'scenario_hash', 'plan_version', 'plan_hash',
] as const;

/**
 * One header; the `table` column says what a row is: `drill` (one ended session, oldest
 * first) or `summary` (one measure of one plan's or scenario's drills: mean, median, spread, trend).
 */
export function historyToCsv(history: DrillHistory): string {
  const drills = history.drills.map((d) => ({
    table: 'drill', session_id: d.sessionId, started_at: d.startedAt, plan_id: d.planId, scenario_id: d.scenarioId, mode: d.mode, overall_score: d.overallScore,
    time_to_detect_minutes: d.timeToDetectMinutes, time_to_contain_minutes: d.timeToContainMinutes, time_to_recover_minutes: d.timeToRecoverMinutes, archived: d.archived,
    scenario_version: d.scenarioVersion, scenario_hash: d.scenarioHash, plan_version: d.planVersion, plan_hash: d.planHash,
  }));
  const summaries = [...history.byPlan, ...history.byScenario].flatMap((group) =>
    METRICS.map(([metric, key]) => {
      const spread: Spread & { definition: string } = group.metrics[key];
      return {
        table: 'summary', by: group.by, group_id: group.id, group_title: group.title, metric, drills: group.drills.length, count: spread.count, mean: spread.mean,
        median: spread.median, stdev: spread.stdev, min: spread.min, max: spread.max, trend_per_drill: spread.trendPerDrill, definition: spread.definition,
      };
    }));
  return csvText<(typeof HISTORY_CSV_COLUMNS)[number]>([...drills, ...summaries], HISTORY_CSV_COLUMNS);
}

const trendText = (trend: number | null) => (trend === null ? 'no trend yet' : trend < 0 ? `${minutesText(-trend)} faster per drill` : trend > 0 ? `${minutesText(trend)} slower per drill` : 'steady');

function groupText(group: DrillGroup): string[] {
  const line = (title: string, spread: Spread & { definition: string }) =>
    `  ${title.padEnd(16)} mean ${minutesText(spread.mean).padEnd(11)} median ${minutesText(spread.median).padEnd(11)} (${spread.count} of ${group.drills.length} drills; ${trendText(spread.trendPerDrill)})`;
  const versions = group.versions.length > 1 ? ` (${group.versions.length} versions: ${group.versions.map((v) => `v${v.number} ${v.drills} ${v.drills === 1 ? 'drill' : 'drills'}`).join(', ')})` : '';
  return [
    `${group.by} ${group.id} ("${group.title}"): ${group.drills.length} ${group.drills.length === 1 ? 'drill' : 'drills'}${versions}, mean score ${group.meanScore}`,
    line('time to detect', group.metrics.timeToDetect),
    line('time to contain', group.metrics.timeToContain),
    line('time to recover', group.metrics.timeToRecover),
  ];
}

export function historyToText(history: DrillHistory): string {
  if (history.drills.length === 0) return 'No ended sessions yet.\n';
  const first = history.byPlan[0]!.metrics;
  return [
    ...history.byPlan.flatMap(groupText),
    '',
    ...history.byScenario.flatMap(groupText),
    '',
    `Definitions (simulated time): ${first.timeToDetect.definition}; ${first.timeToContain.definition}; ${first.timeToRecover.definition}. Trend: least-squares slope over the drills, oldest first.`,
    '',
  ].join('\n');
}
