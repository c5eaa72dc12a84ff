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
  /** The content hashes of the scenario and plan the drill ran with: the versions it used. */
  scenarioHash: string;
  planHash: string;
  /**
   * Which version of its scenario (and plan) the drill used: 1 for the first version drilled,
   * 2 for the next, in the order they were first drilled. Set by drillHistory.
   */
  scenarioVersion?: number;
  planVersion?: number;
  /** The programme's label of the drill ("test run", "aborted"), given in the history. */
  label?: string;
}

/** One version of a scenario or plan, as the history saw it drilled. */
export interface DrillVersion {
  /** 1, 2, ...: in the order the versions were first drilled. */
  number: number;
  hash: string;
  /** The title it had in that version. */
  title: string;
  drills: number;
  firstStartedAt: string;
  lastStartedAt: string;
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
  /** The versions of the plan or scenario the group's drills used, oldest first. */
  versions: DrillVersion[];
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
    scenarioHash: card.scenarioHash,
    planHash: card.planHash,
  };
}

/** Oldest first; the session id breaks ties so the same drills always give the same history. */
const chronological = (a: Drill, b: Drill) => a.startedAt.localeCompare(b.startedAt) || a.sessionId.localeCompare(b.sessionId);

/** The versions of each scenario (or plan) id, numbered in the order they were first drilled. */
function versionNumbers(drills: readonly Drill[], by: DrillGroup['by']): Map<string, Map<string, number>> {
  const numbers = new Map<string, Map<string, number>>();
  for (const drill of drills) {
    const [id, hash] = by === 'plan' ? [drill.planId, drill.planHash] : [drill.scenarioId, drill.scenarioHash];
    const ofId = numbers.get(id) ?? new Map<string, number>();
    if (!ofId.has(hash)) ofId.set(hash, ofId.size + 1);
    numbers.set(id, ofId);
  }
  return numbers;
}

function versionsOf(by: DrillGroup['by'], members: readonly Drill[]): DrillVersion[] {
  const versions = new Map<number, DrillVersion>();
  for (const drill of members) {
    const number = (by === 'plan' ? drill.planVersion : drill.scenarioVersion) ?? 1;
    const known = versions.get(number);
    if (known) {
      known.drills++;
      known.lastStartedAt = drill.startedAt;
      known.title = by === 'plan' ? drill.planTitle : drill.scenarioTitle;
    } else {
      versions.set(number, {
        number, hash: by === 'plan' ? drill.planHash : drill.scenarioHash, title: by === 'plan' ? drill.planTitle : drill.scenarioTitle,
        drills: 1, firstStartedAt: drill.startedAt, lastStartedAt: drill.startedAt,
      });
    }
  }
  return [...versions.values()].sort((a, b) => a.number - b.number);
}

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
      versions: versionsOf(by, members),
    }));
}

/**
 * The history of the drills given, optionally only one plan's or one scenario's. Each drill says
 * which version of its scenario and plan it used, numbered over all the drills given (so a
 * filter never renumbers them).
 */
export function drillHistory(drills: readonly Drill[], filter: { plan?: string; scenario?: string } = {}): DrillHistory {
  const all = [...drills].sort(chronological);
  const scenarioVersions = versionNumbers(all, 'scenario');
  const planVersions = versionNumbers(all, 'plan');
  const kept = all
    .filter((d) => (filter.plan === undefined || d.planId === filter.plan) && (filter.scenario === undefined || d.scenarioId === filter.scenario))
    .map((d) => ({ ...d, scenarioVersion: scenarioVersions.get(d.scenarioId)!.get(d.scenarioHash)!, planVersion: planVersions.get(d.planId)!.get(d.planHash)! }));
  return { drills: kept, byPlan: group('plan', kept), byScenario: group('scenario', kept) };
}
