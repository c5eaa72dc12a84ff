import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Condition } from '../../../engine/format/condition.js';
import { MILESTONES, type Milestone, type Scalar } from '../../../engine/format/common.js';
import type { Plan } from '../../../engine/format/plan.js';
import type { Scenario } from '../../../engine/format/scenario.js';
import { reachability, type Reachability } from '../../../engine/validate/reachability.js';
import { loadMini } from '../../helpers/world.js';

// Which injects, decisions and milestones can ever happen. It was a sweep of the whole scenario
// repeated until nothing changed: 20,000 injects each waiting for the next took 97 s. It is now a
// worklist; the property below holds it to the sweep's answers on random trigger graphs.

const { plan } = loadMini();

/** A chain of injects, each `when` the next, the last at T+0: one sweep found one more link. */
function chain(length: number): Scenario {
  const id = (i: number) => `C${i}`;
  const injects = Array.from({ length }, (_, i) => (i === length - 1 ? { id: id(i), at: 0 } : { id: id(i), when: { inject: id(i + 1) } }));
  return scenarioOf({ injects, milestones: { detected: { inject: id(0) } } });
}

describe('reachability', () => {
  it('follows a chain of 20,000 injects in one pass (guarded, not timed: it took 97 s)', { timeout: 20_000 }, () => {
    const reach = reachability(chain(20_000), plan);
    expect(reach.injects.size).toBe(20_000);
    expect([...reach.milestones]).toEqual(['detected']);
  });

  it('agrees with the sweep to a fixpoint on random trigger graphs', () => {
    fc.assert(
      fc.property(triggerGraph, (scenario) => {
        expect(summary(reachability(scenario, plan))).toEqual(summary(sweepReachability(scenario, plan)));
      }),
      { numRuns: 300, seed: 11 },
    );
  });
});

const summary = (reach: Reachability) => ({
  injects: [...reach.injects].sort(),
  decisions: [...reach.decisions].sort(),
  milestones: [...reach.milestones].sort(),
  ends: reach.ends,
});

interface Parts {
  injects: { id: string; at?: number; when?: Condition; set?: Record<string, Scalar> }[];
  decisions?: { id: string; at?: number; when?: Condition; options: { id: string; set?: Record<string, Scalar>; fires: string[] }[] }[];
  actionEffects?: { action: string; set?: Record<string, Scalar>; fires: string[] }[];
  milestones: Partial<Record<Milestone, Condition>>;
  end?: Condition;
  state?: Record<string, Scalar>;
}

function scenarioOf(parts: Parts): Scenario {
  const never: Condition = { action: 'no-such-action' };
  return {
    injects: parts.injects,
    decisions: parts.decisions ?? [],
    actionEffects: parts.actionEffects ?? [],
    milestones: Object.fromEntries(MILESTONES.map((m) => [m, { when: parts.milestones[m] ?? never }])),
    end: { timeLimit: 3_600_000, ...(parts.end ? { when: parts.end } : {}) },
    state: parts.state ?? {},
  } as unknown as Scenario;
}

const INJECTS = ['I0', 'I1', 'I2', 'I3', 'I4', 'I5', 'I6', 'I7'];
const DECISIONS = ['D0', 'D1', 'D2'];
const VARS = ['v', 'w'];
const ACTIONS = ['triage-alert', 'revoke-iam-access-key', 'no-such-action'];

const leaf: fc.Arbitrary<Condition> = fc.oneof(
  fc.constantFrom(...INJECTS).map((inject) => ({ inject })),
  fc.constantFrom(...DECISIONS).map((decision) => ({ decision })),
  fc.constantFrom(...MILESTONES).map((milestone) => ({ milestone })),
  fc.constantFrom(...ACTIONS).map((action) => ({ action })),
  fc.record({ var: fc.constantFrom(...VARS), equals: fc.integer({ min: 0, max: 3 }) }),
  fc.record({ var: fc.constantFrom(...VARS), atLeast: fc.integer({ min: 0, max: 3 }) }),
  fc.constant({ severityDeclared: 'any' as const }),
);
const condition: fc.Arbitrary<Condition> = fc.letrec<{ c: Condition }>((tie) => ({
  c: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    leaf,
    fc.array(tie('c'), { minLength: 1, maxLength: 3 }).map((all) => ({ all })),
    fc.array(tie('c'), { minLength: 1, maxLength: 3 }).map((any) => ({ any })),
    tie('c').map((not) => ({ not })),
  ),
})).c;
const sets = fc.option(fc.dictionary(fc.constantFrom(...VARS), fc.integer({ min: 0, max: 3 }), { maxKeys: 2 }), { nil: undefined });
const timing = fc.oneof(fc.record({ at: fc.constant(0) }), fc.record({ when: condition }));
const fires = fc.array(fc.constantFrom(...INJECTS), { maxLength: 2 });

const triggerGraph: fc.Arbitrary<Scenario> = fc
  .record({
    injects: fc.tuple(...INJECTS.map((id) => fc.tuple(timing, sets).map(([time, set]) => ({ id, ...time, ...(set ? { set } : {}) })))),
    decisions: fc.tuple(...DECISIONS.map((id) => fc.tuple(timing, fc.array(fc.record({ set: sets, fires }), { minLength: 1, maxLength: 2 })).map(([time, options]) => ({
      id, ...time, options: options.map((o, i) => ({ id: `o${i}`, fires: o.fires, ...(o.set ? { set: o.set } : {}) })),
    })))),
    actionEffects: fc.array(fc.record({ action: fc.constantFrom(...ACTIONS), set: sets, fires }), { maxLength: 2 }),
    milestones: fc.record({ detected: condition, contained: condition, eradicated: condition, recovered: condition }),
    end: condition,
    state: fc.record({ v: fc.integer({ min: 0, max: 3 }) }),
  })
  .map((parts) => scenarioOf({
    ...parts,
    actionEffects: parts.actionEffects.map((e) => ({ action: e.action, fires: e.fires, ...(e.set ? { set: e.set } : {}) })),
  }));

/** The former implementation, kept as the reference: sweep every trigger until nothing changes. */
function sweepReachability(scenario: Scenario, plan: Plan): Reachability {
  const actions = new Set(plan.actions.map((a) => a.id));
  const injects = new Set<string>();
  const decisions = new Set<string>();
  const milestones = new Set<Milestone>();
  const values = new Map<string, Scalar[]>(Object.entries(scenario.state).map(([name, value]) => [name, [value]]));
  const addValues = (set: Record<string, Scalar> | undefined) => {
    for (const [name, value] of Object.entries(set ?? {})) {
      const known = values.get(name) ?? [];
      if (!known.includes(value)) values.set(name, [...known, value]);
    }
  };
  for (const effect of scenario.actionEffects) {
    if (!actions.has(effect.action)) continue;
    addValues(effect.set);
    effect.fires.forEach((id) => injects.add(id));
  }
  const holds = (c: Condition): boolean => {
    if ('all' in c) return c.all.every(holds);
    if ('any' in c) return c.any.some(holds);
    if ('not' in c) return true;
    if ('action' in c) return actions.has(c.action);
    if ('decision' in c) return decisions.has(c.decision);
    if ('inject' in c) return injects.has(c.inject);
    if ('milestone' in c) return milestones.has(c.milestone);
    if ('severityDeclared' in c) return true;
    return (values.get(c.var) ?? []).some((value) =>
      (c.equals === undefined || value === c.equals) &&
      (c.atLeast === undefined || (typeof value === 'number' && value >= c.atLeast)) &&
      (c.atMost === undefined || (typeof value === 'number' && value <= c.atMost)));
  };
  const size = () => injects.size + decisions.size + milestones.size + [...values.values()].reduce((n, v) => n + v.length, 0);
  let before = -1;
  while (before !== size()) {
    before = size();
    for (const inject of scenario.injects) {
      if (!injects.has(inject.id) && (inject.at !== undefined || (inject.when && holds(inject.when)))) injects.add(inject.id);
      if (injects.has(inject.id)) addValues(inject.set);
    }
    for (const decision of scenario.decisions) {
      if (!decisions.has(decision.id) && (decision.at !== undefined || (decision.when && holds(decision.when)))) decisions.add(decision.id);
      if (decisions.has(decision.id)) {
        for (const option of decision.options) {
          addValues(option.set);
          option.fires.forEach((id) => injects.add(id));
        }
      }
    }
    for (const [index, milestone] of MILESTONES.entries()) {
      if ((index === 0 || milestones.has(MILESTONES[index - 1]!)) && holds(scenario.milestones[milestone].when)) milestones.add(milestone);
    }
  }
  return { injects, decisions, milestones, ends: scenario.end.when === undefined || holds(scenario.end.when) };
}
