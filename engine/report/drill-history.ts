import { metricsAcrossDrills, type MetricsAcrossDrills } from '../scoring/metrics.js';
import type { Scorecard } from '../scoring/scorecard.js';
import { meanScore } from './figures.js';

/** One ended drill, as the history keeps it: who, what, when, and its three times. */
export interface Drill {
  sessionId: string;
  scenarioId: string;
  scenarioTitle: string;
  planId: string;
  planTitle: string;
  mode: string;
  /** Wall-clock start of the session (ISO): the order of drills in the history. */
  startedAt: string;
  overallScore: number;
  timeToDetectMinutes: number | null;
  timeToContainMinutes: number | null;
  timeToRecoverMinutes: number | null;
  /** Where the session's journal was read from (for the reader; not used by the figures). */
  source: string | null;
  archived: boolean;
}

/** The drills of one plan or one scenario, oldest first, and their means, medians, spread and trend. */
export interface DrillGroup {
  by: 'plan' | 'scenario';
  id: string;
  title: string;
  drills: Drill[];
  metrics: MetricsAcrossDrills;
  /** Mean overall score of the group's drills, to one decimal. */
  meanScore: number | null;
}

export interface DrillHistory {
  drills: Drill[];
  byPlan: DrillGroup[];
  byScenario: DrillGroup[];
}

export function drillOf(card: Scorecard, source: { file?: string; archived?: boolean } = {}): Drill {
  return {
    sessionId: card.sessionId,
    scenarioId: card.scenarioId,
    scenarioTitle: card.scenarioTitle,
    planId: card.planId,
    planTitle: card.planTitle,
    mode: card.mode,
    startedAt: card.startedAt,
    overallScore: card.overallScore,
    timeToDetectMinutes: card.timeToDetectMinutes,
    timeToContainMinutes: card.timeToContainMinutes,
    timeToRecoverMinutes: card.timeToRecoverMinutes,
    source: source.file ?? null,
    archived: source.archived ?? false,
  };
}

/** Oldest first; the session id breaks ties so the same drills always give the same history. */
const chronological = (a: Drill, b: Drill) => a.startedAt.localeCompare(b.startedAt) || a.sessionId.localeCompare(b.sessionId);

function group(by: DrillGroup['by'], drills: readonly Drill[]): DrillGroup[] {
  const groups = new Map<string, Drill[]>();
  for (const drill of drills) {
    const id = by === 'plan' ? drill.planId : drill.scenarioId;
    groups.set(id, [...(groups.get(id) ?? []), drill]);
  }
  return [...groups.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([id, members]) => ({
      by,
      id,
      // The newest drill names the group: a title edited since reads as it is now.
      title: by === 'plan' ? members.at(-1)!.planTitle : members.at(-1)!.scenarioTitle,
      drills: members,
      metrics: metricsAcrossDrills(members),
      meanScore: meanScore(members.map((d) => d.overallScore)),
    }));
}

/** The history of the drills given, optionally only one plan's or one scenario's. */
export function drillHistory(drills: readonly Drill[], filter: { plan?: string; scenario?: string } = {}): DrillHistory {
  const kept = drills
    .filter((d) => (filter.plan === undefined || d.planId === filter.plan) && (filter.scenario === undefined || d.scenarioId === filter.scenario))
    .sort(chronological);
  return { drills: kept, byPlan: group('plan', kept), byScenario: group('scenario', kept) };
}
