import type { Plan } from '../format/plan.js';
import type { Scenario } from '../format/scenario.js';
import type { Scorecard } from '../scoring/scorecard.js';
import { ATTACK_TACTICS, ATTACK_TECHNIQUES, ATTACK_VERSION } from './attack-techniques.js';

// The coverage map: across the library (what the scenarios would exercise) and across the drills
// actually run (what ended sessions did exercise), which ATT&CK techniques, which plan actions,
// roles and duties, and which NIST SP 800-61r3 / CSF 2.0 functions, and when each was last
// exercised. A pure function of the plans, the scenarios and the drills' scorecards.

export const COVERAGE_VERSION = 1;

export interface CoverageItem {
  id: string;
  title: string;
  /** The library's scenarios that would exercise it. */
  scenarios: string[];
  /** Ended drills that exercised it. */
  drills: number;
  /** When the latest of those drills started (ISO), or null: never drilled. */
  lastExercised: string | null;
}

export interface TechniqueCoverage extends CoverageItem {
  /** Tactic ids, from the offline table; empty for a technique the table does not know. */
  tactics: string[];
}

export interface PlanCoverage {
  planId: string;
  planTitle: string;
  actions: CoverageItem[];
  roles: CoverageItem[];
  duties: CoverageItem[];
  /** The CSF 2.0 functions (NIST SP 800-61r3 organises incident response by them). */
  functions: CoverageItem[];
}

export interface Coverage {
  coverageVersion: typeof COVERAGE_VERSION;
  attackVersion: string;
  scenarios: number;
  drills: number;
  techniques: TechniqueCoverage[];
  /** The tactic-by-technique matrix: each tactic with the ids of its techniques (a technique may sit under several); "other" holds ids the table does not know. */
  matrix: { tactic: string; title: string; techniques: string[] }[];
  plans: PlanCoverage[];
  definitions: Record<'scenarios' | 'drills' | 'lastExercised' | 'techniques' | 'functions', string>;
}

export const COVERAGE_DEFINITIONS = {
  scenarios: 'scenarios of the library that would exercise it: techniques they carry; actions their playbook steps, duties and injects expect; roles that own those, answer their decisions or receive their injects',
  drills: 'ended drills that exercised it: techniques of the scenario played (and of the injects that fired); actions taken; roles that took an action, declared the severity or answered a decision; duties met; functions of the actions taken',
  lastExercised: 'the start of the latest such drill',
  techniques: `MITRE ATT&CK Enterprise techniques, named and placed under their tactics from an offline table (ATT&CK v${ATTACK_VERSION})`,
  functions: 'the CSF 2.0 functions the plan\'s actions belong to (NIST SP 800-61r3 organises incident response by them)',
} as const;

/** Counts what exercised an item: the scenarios that would, the drills that did, and the latest drill. */
class Tally {
  private readonly entries = new Map<string, { title: string; scenarios: Set<string>; drills: number; last: string | null }>();

  declare(id: string, title: string): void {
    if (!this.entries.has(id)) this.entries.set(id, { title, scenarios: new Set(), drills: 0, last: null });
  }

  scenario(id: string, scenario: string, title = id): void {
    this.declare(id, title);
    this.entries.get(id)!.scenarios.add(scenario);
  }

  drill(id: string, startedAt: string, title = id): void {
    this.declare(id, title);
    const entry = this.entries.get(id)!;
    entry.drills++;
    if (entry.last === null || startedAt > entry.last) entry.last = startedAt;
  }

  items(order?: readonly string[]): CoverageItem[] {
    const ids = order ?? [...this.entries.keys()].sort();
    return ids.map((id) => {
      const e = this.entries.get(id)!;
      return { id, title: e.title, scenarios: [...e.scenarios].sort(), drills: e.drills, lastExercised: e.last };
    });
  }
}

const techniquesOf = (scenario: Scenario, injects?: ReadonlySet<string>) =>
  new Set([...scenario.attack, ...scenario.injects.filter((i) => i.attack && (!injects || injects.has(i.id))).map((i) => i.attack!)]);

/** What a scenario expects of its plan: the actions, and the roles involved. */
function expectations(scenario: Scenario, plan: Plan): { actions: Set<string>; roles: Set<string> } {
  const playbook = plan.playbooks.find((p) => p.threat === scenario.threat);
  const steps = (playbook?.steps ?? []).filter((s) => !scenario.notApplicable.includes(s.id));
  const duties = plan.duties.filter((d) => scenario.duties.includes(d.id));
  return {
    actions: new Set([...steps.flatMap((s) => s.actions), ...duties.flatMap((d) => d.actions), ...scenario.injects.flatMap((i) => i.expects)]),
    roles: new Set([...steps.map((s) => s.owner), ...duties.map((d) => d.owner), ...scenario.decisions.map((d) => d.role), ...scenario.injects.flatMap((i) => i.to)]),
  };
}

/**
 * `played` gives, by session id, the version of its scenario each drill played (a scenario edited
 * since, or removed from the library): its techniques are what the drill exercised. Without it,
 * the library's version is taken.
 */
export function coverageMap(plans: readonly Plan[], scenarios: readonly Scenario[], drills: readonly Scorecard[], played?: ReadonlyMap<string, Scenario>): Coverage {
  const techniques = new Tally();
  for (const scenario of scenarios) for (const id of techniquesOf(scenario)) techniques.scenario(id, scenario.id);
  const scenarioById = new Map(scenarios.map((s) => [s.id, s]));
  for (const card of drills) {
    const scenario = played?.get(card.sessionId) ?? scenarioById.get(card.scenarioId);
    if (!scenario) continue; // neither the version played nor the library's: its techniques are unknown
    const fired = new Set(card.timeline.filter((t) => t.kind === 'inject' && t.ref !== null).map((t) => t.ref!));
    for (const id of techniquesOf(scenario, fired)) techniques.drill(id, card.startedAt);
  }
  const techniqueItems: TechniqueCoverage[] = techniques.items().map((item) => ({
    ...item,
    title: ATTACK_TECHNIQUES[item.id]?.name ?? item.id,
    tactics: [...(ATTACK_TECHNIQUES[item.id]?.tactics ?? [])],
  }));
  const matrix = [
    ...ATTACK_TACTICS.map((t) => ({ tactic: t.id as string, title: t.title as string, techniques: techniqueItems.filter((i) => i.tactics.includes(t.id)).map((i) => i.id) })),
    { tactic: 'other', title: 'Other (not in the offline table)', techniques: techniqueItems.filter((i) => i.tactics.length === 0).map((i) => i.id) },
  ].filter((column) => column.techniques.length > 0);

  return {
    coverageVersion: COVERAGE_VERSION,
    attackVersion: ATTACK_VERSION,
    scenarios: scenarios.length,
    drills: drills.length,
    techniques: techniqueItems,
    matrix,
    plans: plans.map((plan) => planCoverage(plan, scenarios.filter((s) => s.plan === plan.id), drills.filter((d) => d.planId === plan.id))),
    definitions: { ...COVERAGE_DEFINITIONS },
  };
}

function planCoverage(plan: Plan, scenarios: readonly Scenario[], drills: readonly Scorecard[]): PlanCoverage {
  const [actions, roles, duties, functions] = [new Tally(), new Tally(), new Tally(), new Tally()];
  for (const a of plan.actions) actions.declare(a.id, a.title);
  for (const r of plan.roles) roles.declare(r.id, r.title);
  for (const d of plan.duties) duties.declare(d.id, d.title);
  const csf = plan.phases.filter((p) => p.framework === 'csf-2.0');
  for (const f of csf) functions.declare(f.id, f.title);
  const functionOf = new Map(plan.actions.map((a) => [a.id, a.function]));

  for (const scenario of scenarios) {
    const expected = expectations(scenario, plan);
    for (const action of expected.actions) {
      actions.scenario(action, scenario.id);
      const fn = functionOf.get(action);
      if (fn) functions.scenario(fn, scenario.id);
    }
    for (const role of expected.roles) roles.scenario(role, scenario.id);
    for (const duty of scenario.duties) duties.scenario(duty, scenario.id);
  }
  for (const card of drills) {
    const taken = new Set(card.timeline.filter((t) => t.kind === 'action-taken' && t.ref !== null).map((t) => t.ref!));
    const acted = new Set(card.timeline.filter((t) => (t.kind === 'action-taken' || t.kind === 'severity' || t.kind === 'decision-answered') && t.actor !== null).map((t) => t.actor!));
    for (const action of taken) if (functionOf.has(action)) actions.drill(action, card.startedAt);
    for (const fn of new Set([...taken].flatMap((a) => (functionOf.has(a) ? [functionOf.get(a)!] : [])))) functions.drill(fn, card.startedAt);
    for (const role of acted) if (plan.roles.some((r) => r.id === role)) roles.drill(role, card.startedAt);
    for (const duty of card.duties) if (duty.status === 'on-time' || duty.status === 'late') duties.drill(duty.duty, card.startedAt);
  }
  return {
    planId: plan.id,
    planTitle: plan.title,
    actions: actions.items(plan.actions.map((a) => a.id)),
    roles: roles.items(plan.roles.map((r) => r.id)),
    duties: duties.items(plan.duties.map((d) => d.id)),
    functions: functions.items(csf.map((f) => f.id)),
  };
}
