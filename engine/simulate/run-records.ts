import { scoreNumbers, type SessionScore } from '../scoring/session-score.js';
import { criticalPath } from './critical-path.js';
import { drawRun, type RunDraws } from './draws.js';
import { playRun, type PlayedRun } from './play-run.js';
import { runRandom } from '../stats/random.js';
import type { Simulation } from './setup.js';

// The figures of a block of runs, in flat typed arrays (one row per run): what a worker sends
// back, cheap to copy, and the same bytes whichever worker played the runs.

export interface RunRecords {
  /** The first run's index, and how many runs. */
  from: number;
  count: number;
  /** Minutes; NaN where the milestone was never reached. */
  timeToDetect: Float64Array;
  timeToContain: Float64Array;
  timeToRecover: Float64Array;
  score: Float64Array;
  /** count × breaches: 1 where the run breached that deadline. */
  breaches: Uint8Array;
  /** count × inputs: the value each input drew (minutes, or 0/1). */
  inputs: Float64Array;
  /** count × (roles + 2): minutes of the critical path per role, then noticing, then the scenario's own clock; NaN rows for runs never recovered. */
  pathMinutes: Float64Array;
  /** count × roles: minutes the role's steps waited for a free person or for the role to be on call. */
  waitMinutes: Float64Array;
  /**
   * How many recovered runs took each critical path ("role: step → ..."). Counted, not kept per
   * run: a scenario has a few paths, and a million runs' texts took gigabytes.
   */
  pathCounts: Map<string, number>;
}

const minutes = (ms: number) => ms / 60_000;
const orNaN = (value: number | null) => (value === null ? NaN : value);

export function emptyRecords(simulation: Simulation, from: number, count: number): RunRecords {
  const roles = simulation.roles.length;
  return {
    from,
    count,
    timeToDetect: new Float64Array(count),
    timeToContain: new Float64Array(count),
    timeToRecover: new Float64Array(count),
    score: new Float64Array(count),
    breaches: new Uint8Array(count * simulation.breaches.length),
    inputs: new Float64Array(count * simulation.inputs.length),
    pathMinutes: new Float64Array(count * (roles + 2)),
    waitMinutes: new Float64Array(count * roles),
    pathCounts: new Map<string, number>(),
  };
}

/** Plays one run: its draws, the drill, and the session it left (for tests that read its scorecard). */
export function playOneRun(simulation: Simulation, run: number): { draws: RunDraws; played: PlayedRun } {
  const { policy, model, request } = simulation;
  const draws = drawRun(policy, model, runRandom(request.seed, run));
  return { draws, played: playRun(policy, model, draws, `${request.scenario.id}.simulated-${run + 1}`) };
}

/** Whether a run breached a deadline, from its score: one check per deadline of the catalogue. */
function breachChecks(simulation: Simulation): ((score: SessionScore) => boolean)[] {
  return simulation.breaches.map((breach) => {
    const [kind, id] = breach.id.split(':') as [string, string | undefined];
    if (kind === 'severity') return (score) => !score.severity.result.onTime;
    if (kind === 'duty') return (score) => score.duties.duties.find((d) => d.duty === id)!.status !== 'on-time';
    if (kind === 'step') {
      return (score) => {
        const step = score.actions.steps.find((s) => s.result.step === id)!.result;
        return step.doneAtMinutes === null || step.lateByMinutes !== null;
      };
    }
    const metric = ['detect', 'contain', 'recover'].indexOf(id!);
    return (score) => score.timeliness.metrics[metric]!.met !== true;
  });
}

/** What each input drew in a run: minutes, or 1 and 0 for what happened or not. */
function inputReaders(simulation: Simulation): ((draws: RunDraws) => number)[] {
  const { policy } = simulation;
  return simulation.inputs.map((input) => {
    const key = input.key;
    switch (input.kind) {
      case 'duration': return (draws) => minutes(draws.durations[key as string]!);
      case 'on-call': return (draws) => minutes(draws.onCall[key as string]!);
      case 'notice': {
        // The channel's injects each wait their own time: the input is their mean (an inject switched off never counts).
        const injects = policy.scenario.injects.flatMap((inject, n) => (inject.channel === key ? [n] : []));
        return (draws) => {
          const noticed = injects.map((n) => draws.notice[n]!).filter(Number.isFinite);
          return noticed.length === 0 ? 0 : minutes(noticed.reduce((s, v) => s + v, 0) / noticed.length);
        };
      }
      case 'skip': return (draws) => (draws.skipped[key as number] ? 1 : 0);
      case 'late': return (draws) => minutes(draws.lateBy[key as number]!);
      case 'wrong-role': return (draws) => (draws.actor[key as number] !== policy.tasks[key as number]!.role ? 1 : 0);
    }
  });
}

/** Plays runs [from, from + count) and records their figures. */
export function playRuns(simulation: Simulation, from: number, count: number): RunRecords {
  const records = emptyRecords(simulation, from, count);
  const { roles, policy } = simulation;
  const checks = breachChecks(simulation);
  const readers = inputReaders(simulation);
  const roleIndex = new Map(roles.map((r, i) => [r, i]));
  const width = roles.length + 2;
  for (let row = 0; row < count; row++) {
    const { draws, played } = playOneRun(simulation, from + row);
    const score = scoreNumbers(played.session);
    const [detect, contain, recover] = score.timeliness.metrics;
    records.timeToDetect[row] = orNaN(detect!.minutes);
    records.timeToContain[row] = orNaN(contain!.minutes);
    records.timeToRecover[row] = orNaN(recover!.minutes);
    records.score[row] = score.overallScore;
    checks.forEach((breached, b) => (records.breaches[row * checks.length + b] = breached(score) ? 1 : 0));
    readers.forEach((read, i) => (records.inputs[row * readers.length + i] = read(draws)));

    const path = criticalPath(policy, played);
    if (path) {
      for (const [role, ms] of Object.entries(path.byRole)) records.pathMinutes[row * width + roleIndex.get(role)!] = minutes(ms);
      records.pathMinutes[row * width + roles.length] = minutes(path.noticing);
      records.pathMinutes[row * width + roles.length + 1] = minutes(path.scenario);
      const text = path.steps.join(' → ');
      records.pathCounts.set(text, (records.pathCounts.get(text) ?? 0) + 1);
    } else {
      records.pathMinutes.fill(NaN, row * width, (row + 1) * width);
    }
    played.tasks.forEach((play, k) => {
      if (play.status !== 'taken' || policy.tasks[k]!.kind === 'facilitator') return;
      records.waitMinutes[row * roles.length + roleIndex.get(play.actor)!]! += minutes(play.startAt - play.meantAt);
    });
  }
  return records;
}

/** Copies a block of runs into the records of the whole simulation, at its runs' places. */
export function placeRecords(into: RunRecords, block: RunRecords): void {
  const at = block.from - into.from;
  const rows = (whole: Float64Array | Uint8Array, part: Float64Array | Uint8Array) => whole.set(part, at * (part.length / block.count || 0));
  into.timeToDetect.set(block.timeToDetect, at);
  into.timeToContain.set(block.timeToContain, at);
  into.timeToRecover.set(block.timeToRecover, at);
  into.score.set(block.score, at);
  rows(into.breaches, block.breaches);
  rows(into.inputs, block.inputs);
  rows(into.pathMinutes, block.pathMinutes);
  rows(into.waitMinutes, block.waitMinutes);
  for (const [path, count] of block.pathCounts) into.pathCounts.set(path, (into.pathCounts.get(path) ?? 0) + count);
}
