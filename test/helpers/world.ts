// Shared set-up for the engine tests: the mini fixture, tiny inline scenarios against the mini
// plan (validated like any file), the bundled library, and sessions started at a fixed wall time.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
import type { Plan } from '../../engine/format/plan.js';
import type { Scenario, ScenarioInput } from '../../engine/format/scenario.js';
import { formatLocatedError, loadLibrary, type Library } from '../../engine/validate/index.js';
import { Session } from '../../engine/session/session.js';
import type { JournalEntry, JournalInput } from '../../engine/session/journal.js';
import { loadBundledLibrary } from '../../host/library/load.js';
import { bundledScenariosDir } from '../../host/library/bundled.js';

export const FIXTURE_DIR = join(process.cwd(), 'test/fixtures/valid');
export const MINI_PLAN_FILE = join(FIXTURE_DIR, 'mini.plan.yaml');
export const MINI_SCENARIO_FILE = join(FIXTURE_DIR, 'mini.scenario.yaml');

/** A fixed wall-clock origin: tests never read the real clock. */
export const WALL0 = Date.parse('2026-03-14T00:00:00.000Z');
export const MIN = 60_000;
export const iso = (wallMs: number) => new Date(wallMs).toISOString();

export interface World {
  plan: Plan;
  scenario: Scenario;
}

function mustLoad(sources: { file: string; text: string }[]): Library {
  const library = loadLibrary(sources);
  const errors = library.reports.flatMap((r) => r.errors);
  if (errors.length > 0) throw new Error(`test world does not validate:\n${errors.map(formatLocatedError).join('\n')}`);
  return library;
}

let miniCache: World | undefined;

/** The mini plan and scenario of test/fixtures/valid, loaded the way the app loads files. */
export function loadMini(): World {
  if (miniCache) return miniCache;
  const library = mustLoad([
    { file: MINI_PLAN_FILE, text: readFileSync(MINI_PLAN_FILE, 'utf8') },
    { file: MINI_SCENARIO_FILE, text: readFileSync(MINI_SCENARIO_FILE, 'utf8') },
  ]);
  miniCache = { plan: library.plans.get('mini')!.plan, scenario: library.scenarios.get('mini-leaked-key')!.scenario };
  return miniCache;
}

/**
 * A tiny scenario written in the test against the mini plan, validated by loadLibrary (zod
 * schemas with their defaults, then the references), so it is as valid as a file on disk.
 */
export function tinyWorld(overrides: Partial<ScenarioInput> = {}): World {
  const scenario: ScenarioInput = {
    format: 'firedrill-scenario/1',
    id: 'tiny-clock',
    title: 'Tiny clock scenario',
    summary: 'Three scheduled injects, a timed decision and four milestones, for clock tests.',
    plan: 'mini',
    threat: 'compromised-credentials',
    expectedSeverity: 2,
    providers: ['aws'],
    attack: ['T1078.004'],
    estimatedDuration: '1h',
    difficulty: 'introductory',
    startsAt: '2026-03-14T00:00:00Z',
    groundTruth: { compromiseAt: '-1h', narrative: 'A stolen key was first used an hour before the exercise.' },
    objectives: [{ id: 'OBJ-1', title: 'Respond', capability: 'Operational Coordination', steps: ['triage', 'contain'], decisions: ['DEC-A'] }],
    state: { answer: 'none' },
    injects: [
      { id: 'INJ-15', title: 'Due at 15 minutes', at: '15m', to: ['cloud-security-analyst'], channel: 'siem-alert', body: 'An alert.' },
      { id: 'INJ-40', title: 'Due at 40 minutes', at: '40m', to: ['incident-commander'], channel: 'email', body: 'An email.' },
      { id: 'INJ-90', title: 'Due at 90 minutes', at: '1h30m', to: ['incident-commander'], channel: 'news', body: 'A news story.' },
    ],
    decisions: [
      {
        id: 'DEC-A',
        prompt: 'Isolate the workload now?',
        role: 'incident-commander',
        when: { inject: 'INJ-15' },
        timeLimit: '10m',
        default: 'wait',
        options: [
          { id: 'isolate', label: 'Isolate now', quality: 'best', set: { answer: 'isolate' } },
          { id: 'wait', label: 'Wait', quality: 'poor', set: { answer: 'wait' } },
        ],
      },
    ],
    actionEffects: [{ action: 'snapshot-volume', set: { answer: 'changed-by-action' } }],
    milestones: {
      detected: { when: { action: 'triage-alert' } },
      contained: { when: { action: 'revoke-iam-access-key' } },
      eradicated: { when: { action: 'rotate-secrets' } },
      recovered: { when: { action: 'restore-from-backup' } },
    },
    end: { when: { action: 'lessons-learned' }, timeLimit: '4h' },
    ...overrides,
  };
  const library = mustLoad([
    { file: MINI_PLAN_FILE, text: readFileSync(MINI_PLAN_FILE, 'utf8') },
    { file: 'tiny.scenario.yaml', text: stringify(scenario) },
  ]);
  return { plan: library.plans.get('mini')!.plan, scenario: library.scenarios.get(scenario.id)!.scenario };
}

/** The mini scenario with some fields changed, validated. */
export function miniVariant(patch: (raw: Record<string, unknown>) => void): World {
  const raw = parse(readFileSync(MINI_SCENARIO_FILE, 'utf8')) as Record<string, unknown>;
  patch(raw);
  const library = mustLoad([
    { file: MINI_PLAN_FILE, text: readFileSync(MINI_PLAN_FILE, 'utf8') },
    { file: 'variant.scenario.yaml', text: stringify(raw) },
  ]);
  return { plan: library.plans.get('mini')!.plan, scenario: library.scenarios.get(raw.id as string)!.scenario };
}

export interface BundledScenario {
  /** The scenario's folder under scenarios/. */
  folder: string;
  /** The scenario files in the folder. */
  files: string[];
}

/** Every scenario folder under scenarios/ (all but plans/), loaded or not. */
export function bundledScenarioFolders(): BundledScenario[] {
  const root = bundledScenariosDir();
  return readdirSync(root, { withFileTypes: true })
    .filter((d) => d.isDirectory() && d.name !== 'plans' && !d.name.startsWith('.') && d.name !== 'schema')
    .map((d) => ({ folder: d.name, files: readdirSync(join(root, d.name)).filter((f) => /\.scenario\.ya?ml$/.test(f)) }))
    .filter((d) => d.files.length > 0)
    .sort((a, b) => a.folder.localeCompare(b.folder));
}

let bundledCache: Library | undefined;
export function bundledLibrary(): Library {
  bundledCache ??= loadBundledLibrary();
  return bundledCache;
}

/** Bundled scenarios that load without errors, with their plans. */
export function loadableBundledWorlds(): (World & { id: string })[] {
  const library = bundledLibrary();
  return [...library.scenarios.values()]
    .map(({ scenario }) => ({ id: scenario.id, scenario, plan: library.plans.get(scenario.plan)?.plan }))
    .filter((w): w is World & { id: string } => w.plan !== undefined)
    .sort((a, b) => a.id.localeCompare(b.id));
}

/** Starts a session at WALL0. */
export function startSession(world: World, options: { speed?: number; mode?: 'facilitated' | 'role-play' | 'solo' | 'scripted'; sessionId?: string; wallTime?: string } = {}): Session {
  return Session.start({
    plan: world.plan,
    scenario: world.scenario,
    sessionId: options.sessionId ?? 'test-session',
    mode: options.mode ?? 'facilitated',
    speed: options.speed ?? 1,
    wallTime: options.wallTime ?? iso(WALL0),
  });
}

/** One hand-written journal input: at a simulated time, by someone. */
export interface Step {
  at: number;
  by: string;
  input: JournalInput;
}

/** Records steps into a new session (wall time = WALL0 + simulated time), then advances to `until`. */
export function sessionFrom(world: World, steps: Step[], options: { until?: number } = {}): Session {
  const session = startSession(world);
  for (const step of steps) session.record(step.input, { simTime: step.at, wallTime: iso(WALL0 + step.at), actor: step.by });
  if (options.until !== undefined) session.advanceTo(options.until);
  return session;
}

/** Shorthands for journal inputs. */
export const act = (at: number, by: string, action: string): Step => ({ at, by, input: { type: 'action.taken', action } });
export const declare = (at: number, by: string, level: number): Step => ({ at, by, input: { type: 'severity.declared', level } });
export const answer = (at: number, by: string, decision: string, option: string): Step => ({ at, by, input: { type: 'decision.answered', decision, option } });
export const end = (at: number): Step => ({ at, by: 'facilitator', input: { type: 'session.ended' } });

/** A journal entry without its stamp: the input it records. */
export function inputOf(entry: JournalEntry): JournalInput {
  const { seq: _seq, simTime: _simTime, wallTime: _wallTime, actor: _actor, commandId: _commandId, hash: _hash, ...input } = entry;
  return input as JournalInput;
}
