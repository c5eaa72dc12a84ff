import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { drillHistory, drillOf } from '../../../engine/report/drill-history.js';
import { collectDrills, sessionFiles } from '../../../host/history/collect-drills.js';
import { DrillLabelStore } from '../../../host/storage/drill-labels.js';
import { loadBundledLibrary } from '../../../host/library/load.js';
import { act, end, loadMini, MIN, MINI_PLAN_FILE, MINI_SCENARIO_FILE, sessionFrom } from '../../helpers/world.js';
import { cli, playBundledScripts, writeJournal, type PlayedJournal } from './exports-helpers.js';
import { rechained, rechainedText } from '../../helpers/chain.js';
import { drillMedian, estimateText } from '../../../engine/report/drill-statistics.js';
import { minutesText } from '../../../engine/report/figures.js';

// The drill history of a real data folder in a temporary directory: ended sessions, active and
// archived, replayed and scored; their means, medians and trend per plan and per scenario;
// broken and unknown sessions skipped with a warning, running ones left out.

const tmp = mkdtempSync(join(tmpdir(), 'firedrill-history-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const root = join(tmp, 'data');
const sessions = join(root, 'sessions');
const archive = join(sessions, 'archive');

let played: PlayedJournal[] = [];
let ended: PlayedJournal[] = [];
beforeAll(() => {
  played = playBundledScripts(join(tmp, 'played'));
  mkdirSync(archive, { recursive: true });
  // Four drills of two scenarios (one archived), all of the bundled plan.
  const scenarios = [...new Set(played.filter((p) => p.script === 'flawed').map((p) => p.scenarioId))].slice(0, 2);
  ended = played.filter((p) => scenarios.includes(p.scenarioId));
  ended.forEach((p, index) => copyFileSync(p.path, join(index === 0 ? archive : sessions, `${p.card.sessionId}.jsonl`)));
  // A session still running: the first lines of a journal, no end.
  const lines = readFileSync(ended[0]!.path, 'utf8').split('\n');
  const started = JSON.parse(lines[0]!);
  writeFileSync(join(sessions, 'running.jsonl'), rechainedText([JSON.stringify({ ...started, sessionId: 'running' }), ...lines.slice(1, 3)].join('\n')));
  // A corrupt journal and one whose scenario is in no library.
  writeFileSync(join(sessions, 'corrupt.jsonl'), `${lines[0]}\n{"seq": 2, "oops"\n`);
  writeFileSync(join(sessions, 'unknown.jsonl'), rechainedText(JSON.stringify({ ...started, sessionId: 'unknown', scenarioId: 'retired-scenario' })));
});

const mean = (values: number[]) => Math.round((values.reduce((s, v) => s + v, 0) / values.length) * 100) / 100;
const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
};
const times = (list: PlayedJournal[], key: 'timeToDetectMinutes' | 'timeToContainMinutes' | 'timeToRecoverMinutes') =>
  list.map((p) => p.card[key]).filter((v): v is number => v !== null);

describe('firedrill history', () => {
  it('gives the means and medians of the times per plan and per scenario (JSON)', async () => {
    const result = await cli(['history', '--data-dir', root, '--format', 'json']);
    expect(result.code).toBe(0);
    const history = JSON.parse(result.stdout);
    expect(history.drills.map((d: { sessionId: string }) => d.sessionId).sort()).toEqual(ended.map((p) => p.card.sessionId).sort());
    expect(history.drills.find((d: { sessionId: string }) => d.sessionId === ended[0]!.card.sessionId).archived).toBe(true);

    expect(history.byPlan).toHaveLength(1);
    const plan = history.byPlan[0];
    for (const [metric, key] of [['timeToDetect', 'timeToDetectMinutes'], ['timeToContain', 'timeToContainMinutes'], ['timeToRecover', 'timeToRecoverMinutes']] as const) {
      const values = times(ended, key);
      expect(plan.metrics[metric].count).toBe(values.length);
      if (values.length === 0) continue;
      expect(plan.metrics[metric].mean).toBeCloseTo(mean(values), 2);
      expect(plan.metrics[metric].median).toBeCloseTo(median(values), 2);
      expect(plan.metrics[metric].min).toBe(Math.min(...values));
      expect(plan.metrics[metric].max).toBe(Math.max(...values));
    }
    expect(plan.metrics.timeToDetect.definition).toBe('time to detect = detected − T0 (when the compromise really began)');
    // The honest figures beside the descriptive ones: each median with n and (from 5 drills) its interval, and the halves' verdict.
    expect(plan.statistics.timeToDetectMinutes).toEqual(drillMedian(times(ended, 'timeToDetectMinutes')));
    expect(plan.statistics.overallScore.n).toBe(4);
    // A plan's drills of two scenarios are not set half against half; one scenario's are.
    expect(plan.laterHalf).toBeNull();
    expect(history.byScenario[0].laterHalf).toEqual({ earlier: 1, later: 1, timeToDetectMinutes: 'not enough drills to tell', timeToContainMinutes: 'not enough drills to tell', timeToRecoverMinutes: 'not enough drills to tell', overallScore: 'not enough drills to tell' });

    expect(history.byScenario).toHaveLength(2);
    for (const group of history.byScenario) {
      const mine = ended.filter((p) => p.scenarioId === group.id);
      expect(group.drills).toHaveLength(mine.length);
      expect(group.metrics.timeToDetect.mean).toBeCloseTo(mean(times(mine, 'timeToDetectMinutes')), 2);
      expect(group.meanScore).toBe(Math.round(mean(mine.map((p) => p.card.overallScore)) * 10) / 10); // to one decimal, like a score
    }
  });

  it('skips corrupt journals and unknown scenarios with a warning each, and leaves running sessions out', async () => {
    const result = await cli(['history', '--data-dir', root, '--format', 'json']);
    expect(result.code).toBe(0);
    const warnings = result.stderr.trimEnd().split('\n');
    expect(warnings).toHaveLength(2);
    expect(warnings).toContain(`firedrill history: skipped ${join(sessions, 'corrupt.jsonl')}: line 2: not valid JSON`);
    expect(warnings).toContain(`firedrill history: skipped ${join(sessions, 'unknown.jsonl')}: the journal is of scenario "retired-scenario" with plan "${ended[0]!.card.planId}", a scenario not in the library`);
    const history = JSON.parse(result.stdout);
    expect(history.running).toEqual([join(sessions, 'running.jsonl')]);
    expect(history.skipped).toHaveLength(2);
  });

  it('filters by scenario and by plan', async () => {
    const scenario = ended[1]!.scenarioId;
    const only = JSON.parse((await cli(['history', '--data-dir', root, '--format', 'json', '--scenario', scenario])).stdout);
    expect(only.drills.every((d: { scenarioId: string }) => d.scenarioId === scenario)).toBe(true);
    expect(only.byScenario.map((g: { id: string }) => g.id)).toEqual([scenario]);
    const none = JSON.parse((await cli(['history', '--data-dir', root, '--format', 'json', '--plan', 'no-such-plan'])).stdout);
    expect(none.drills).toEqual([]);
  });

  it('exports CSV that parses: one row per drill, three summary rows per plan and per scenario', async () => {
    const result = await cli(['history', '--data-dir', root, '--format', 'csv']);
    expect(result.code).toBe(0);
    const rows = parse(result.stdout, { columns: true, skip_empty_lines: true }) as Record<string, string>[];
    expect(rows.filter((r) => r.table === 'drill')).toHaveLength(ended.length);
    expect(rows.filter((r) => r.table === 'summary')).toHaveLength(3 * (1 + 2));
    const detect = rows.find((r) => r.table === 'summary' && r.by === 'plan' && r.metric === 'time_to_detect')!;
    expect(Number(detect.mean)).toBeCloseTo(mean(times(ended, 'timeToDetectMinutes')), 2);
    // The median's 95% bootstrap interval (none from 4 drills: empty) and the halves' verdict, as the History gives them.
    const interval = drillMedian(times(ended, 'timeToDetectMinutes'));
    expect([detect.median_low, detect.median_high]).toEqual([interval.low ?? '', interval.high ?? ''].map(String));
    expect(detect.later_half).toBe(''); // drills of two scenarios: not compared
    expect(rows.find((r) => r.table === 'summary' && r.by === 'scenario' && r.metric === 'time_to_detect')!.later_half).toBe('not enough drills to tell');
    expect(Number(detect.median)).toBeCloseTo(median(times(ended, 'timeToDetectMinutes')), 2);
  });

  it('prints a text summary by default, and says so when there are no drills', async () => {
    const text = await cli(['history', '--data-dir', root]);
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(/^plan cloud-cirp/m);
    // As the History shows them: a median with its n and interval, and no trend drawn through 2 drills against 2.
    const detect = drillMedian(times(ended, 'timeToDetectMinutes'));
    expect(text.stdout).toContain(`  time to detect   median ${estimateText(detect, minutesText)}, reached in ${detect.n} of 4; drills of 2 scenarios: see each scenario for a change\n`);
    expect(text.stdout).toContain('; earlier 1 drill against later 1 drill: not enough drills to tell\n');
    expect(text.stdout).toMatch(/^ {2}score {12}median [\d.]+ \(n = 4: not enough drills for an interval\)/m);
    expect(text.stdout).not.toMatch(/ mean |per drill/);
    mkdirSync(join(tmp, 'empty'), { recursive: true }); // a data folder with no sessions in it (one not there at all is refused)
    const empty = await cli(['history', '--data-dir', join(tmp, 'empty')]);
    expect(empty).toMatchObject({ code: 0, stdout: 'No ended sessions yet.\n', stderr: '' });
    // A filter that matches nothing, and drills all left out, are not "no sessions yet".
    expect((await cli(['history', '--data-dir', root, '--scenario', 'no-such-scenario'])).stdout).toBe('No ended drill of scenario no-such-scenario.\n');
    const allOut = join(tmp, 'all-left-out');
    mkdirSync(join(allOut, 'sessions'), { recursive: true });
    copyFileSync(ended[1]!.path, join(allOut, 'sessions', 'one.jsonl'));
    writeFileSync(join(allOut, 'drill-labels.json'), JSON.stringify({ format: 'firedrill-drill-labels/1', drills: { [ended[1]!.card.sessionId]: { label: 'test run', excluded: true } } }));
    expect((await cli(['history', '--data-dir', allOut])).stdout).toBe('Every ended drill (1) is left out of the figures: count one again in the History (untick "Leave out of the figures").\n');
  });

  it('reads the data folder from FIREDRILL_DATA_DIR when --data-dir is not given', async () => {
    const result = await cli(['history', '--format', 'json'], { FIREDRILL_DATA_DIR: root });
    expect(JSON.parse(result.stdout).drills).toHaveLength(ended.length);
  });

  it('finds scenarios of the user\'s own library in the data folder', async () => {
    const own = join(tmp, 'own');
    mkdirSync(join(own, 'library'), { recursive: true });
    copyFileSync(MINI_PLAN_FILE, join(own, 'library', 'mini.plan.yaml'));
    copyFileSync(MINI_SCENARIO_FILE, join(own, 'library', 'mini.scenario.yaml'));
    // A short drill of the mini scenario, which only the user's library holds.
    const session = sessionFrom(loadMini(), [act(2 * MIN, 'cloud-security-analyst', 'triage-alert'), end(30 * MIN)]);
    writeJournal(join(own, 'sessions', 'mini.jsonl'), session.journal);
    const history = JSON.parse((await cli(['history', '--data-dir', own, '--format', 'json'])).stdout);
    expect(history.byScenario.map((g: { id: string }) => g.id)).toEqual(['mini-leaked-key']);
  });
});

describe('the history model', () => {
  it('orders drills oldest first and gives the trend per drill (negative: getting faster)', () => {
    const base = ended.find((p) => p.card.timeToDetectMinutes !== null)!.card;
    const drills = [30, 20, 10].map((minutes, index) =>
      drillOf({ ...base, sessionId: `drill-${index}`, startedAt: `2026-0${index + 1}-01T09:00:00.000Z`, timeToDetectMinutes: minutes }));
    const history = drillHistory([...drills].reverse());
    expect(history.drills.map((d) => d.sessionId)).toEqual(['drill-0', 'drill-1', 'drill-2']);
    expect(history.byPlan[0]!.metrics.timeToDetect).toMatchObject({ count: 3, mean: 20, median: 20, trendPerDrill: -10 });
  });

  it('never throws on a data folder of broken files', () => {
    const broken = join(tmp, 'broken');
    mkdirSync(join(broken, 'sessions', 'archive'), { recursive: true });
    writeFileSync(join(broken, 'sessions', 'empty.jsonl'), '');
    writeFileSync(join(broken, 'sessions', 'garbage.jsonl'), '\u0000\u0001binary');
    writeFileSync(join(broken, 'sessions', 'archive', 'wrong-first.jsonl'), '{"seq":1,"simTime":0,"wallTime":"x","actor":"system","type":"clock.paused"}\n');
    writeJournal(join(broken, 'sessions', 'changed.jsonl'), rechained([{ ...JSON.parse(readFileSync(ended[0]!.path, 'utf8').split('\n')[0]!), scenarioHash: 'sha256:0000' }]));
    const collected = collectDrills(sessionFiles(broken), [loadBundledLibrary()]);
    expect(collected.drills).toEqual([]);
    expect(collected.skipped.map((s) => s.file.split('/').at(-1)).sort()).toEqual(['changed.jsonl', 'empty.jsonl', 'garbage.jsonl', 'wrong-first.jsonl']);
    expect(collected.skipped.find((s) => s.file.endsWith('changed.jsonl'))!.reason).toMatch(/has changed since the journal was recorded/);
  });

  it('leaves out the drills excluded in the History, and says so, as the app does', async () => {
    const left = ended[1]!.card.sessionId;
    const labels = new DrillLabelStore(root);
    labels.change(left, { label: 'Test run', excluded: true });
    try {
      const result = await cli(['history', '--data-dir', root, '--format', 'json']);
      expect(result.code).toBe(0);
      expect(JSON.parse(result.stdout).drills.map((d: { sessionId: string }) => d.sessionId).sort()).toEqual(ended.map((p) => p.card.sessionId).filter((id) => id !== left).sort());
      expect(result.stderr).toContain(`firedrill history: left out 1 drill excluded in the History: ${left}`);
    } finally {
      labels.change(left, { label: null, excluded: false });
    }
  });
});

