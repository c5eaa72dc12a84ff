import { describe, expect, it } from 'vitest';
import { ATTACK_TACTICS, ATTACK_TECHNIQUES } from '../../../engine/report/attack-techniques.js';
import { coverageMap } from '../../../engine/report/coverage.js';
import { scoreSession } from '../../../engine/scoring/score.js';
import { playScript } from '../../../engine/session/play-script.js';
import { loadBundledLibrary } from '../../../host/library/load.js';

// The coverage map of the bundled library, and of drills played from its scripts.

const library = loadBundledLibrary();
const plans = [...library.plans.values()].map((p) => p.plan);
const scenarios = [...library.scenarios.values()].map((s) => s.scenario);
const bundledIds = new Set(scenarios.flatMap((s) => [...s.attack, ...s.injects.flatMap((i) => (i.attack ? [i.attack] : []))]));

const drill = (scenarioId: string, script: string, startedAt: string) => {
  const scenario = library.scenarios.get(scenarioId)!.scenario;
  const card = scoreSession(playScript(library.plans.get(scenario.plan)!.plan, scenario, library.scripts.get(scenarioId)!.get(script)!.script));
  return { ...card, startedAt };
};

describe('the coverage map of the bundled library', () => {
  const coverage = coverageMap(plans, scenarios, []);

  it('lists every ATT&CK id the scenarios carry, named and placed under its tactics by the offline table', () => {
    expect(new Set(coverage.techniques.map((t) => t.id))).toEqual(bundledIds);
    for (const technique of coverage.techniques) {
      expect(ATTACK_TECHNIQUES[technique.id], `${technique.id} is in the offline table`).toBeDefined();
      expect(technique.title).toBe(ATTACK_TECHNIQUES[technique.id]!.name);
      expect(technique.tactics.length).toBeGreaterThan(0);
      expect(technique).toMatchObject({ drills: 0, lastExercised: null });
      expect(technique.scenarios.length).toBeGreaterThan(0);
    }
    expect(coverage.techniques.find((t) => t.id === 'T1486')!.scenarios).toContain('ransomware-production-db');
  });

  it('draws the tactic-by-technique matrix in the ATT&CK order, each technique under each of its tactics', () => {
    const order = ATTACK_TACTICS.map((t) => t.id as string);
    expect(coverage.matrix.map((c) => c.tactic)).toEqual(order.filter((id) => coverage.matrix.some((c) => c.tactic === id)));
    for (const technique of coverage.techniques) {
      for (const tactic of technique.tactics) expect(coverage.matrix.find((c) => c.tactic === tactic)!.techniques).toContain(technique.id);
    }
    // Valid Accounts: Cloud Accounts sits under its four tactics.
    expect(coverage.matrix.filter((c) => c.techniques.includes('T1078.004')).map((c) => c.tactic)).toEqual(['initial-access', 'persistence', 'privilege-escalation', 'defense-evasion']);
  });

  it('gives each plan action, role, duty and CSF 2.0 function the scenarios that would exercise it', () => {
    const plan = coverage.plans[0]!;
    expect(plan.functions.map((f) => f.id)).toEqual(['govern', 'identify', 'protect', 'detect', 'respond', 'recover']);
    expect(plan.roles.every((r) => r.scenarios.length > 0)).toBe(true);
    expect(plan.duties.find((d) => d.id === 'pdpo-breach-notification')!.scenarios).toContain('ransomware-production-db');
    expect(plan.actions.find((a) => a.id === 'protect-backups')!.scenarios).toContain('ransomware-production-db');
  });
});

describe('the coverage map of drills run', () => {
  const drills = [
    drill('ransomware-production-db', 'exemplary', '2026-02-01T09:00:00.000Z'),
    drill('ransomware-production-db', 'flawed', '2026-03-01T09:00:00.000Z'),
    drill('public-test-bucket', 'exemplary', '2026-01-15T09:00:00.000Z'),
  ];
  const coverage = coverageMap(plans, scenarios, drills);
  const plan = coverage.plans[0]!;

  it('counts the drills that exercised each technique, and when last', () => {
    expect(coverage.drills).toBe(3);
    expect(coverage.techniques.find((t) => t.id === 'T1486')).toMatchObject({ drills: 2, lastExercised: '2026-03-01T09:00:00.000Z' });
    expect(coverage.techniques.find((t) => t.id === 'T1530')).toMatchObject({ drills: 1, lastExercised: '2026-01-15T09:00:00.000Z' });
    expect(coverage.techniques.find((t) => t.id === 'T1195.002')).toMatchObject({ drills: 0, lastExercised: null });
  });

  it('counts actions taken, roles that acted, duties met and the functions of the actions taken', () => {
    // Both exemplary responses notify the PCPD (the ransomware one last, in February); the flawed ransomware response, in March, does not.
    expect(plan.duties.find((d) => d.id === 'pdpo-breach-notification')).toMatchObject({ drills: 2, lastExercised: '2026-02-01T09:00:00.000Z' });
    expect(plan.actions.find((a) => a.id === 'protect-backups')!.drills).toBeGreaterThanOrEqual(1);
    expect(plan.roles.find((r) => r.id === 'incident-commander')).toMatchObject({ drills: 3, lastExercised: '2026-03-01T09:00:00.000Z' });
    expect(plan.functions.find((f) => f.id === 'respond')!.drills).toBe(3);
    expect(plan.actions.filter((a) => a.drills === 0).length).toBeGreaterThan(0);
  });
});

describe('the coverage of drills of a scenario since edited or removed', () => {
  const played = drill('public-test-bucket', 'exemplary', '2026-02-01T09:00:00.000Z');
  const bucket = library.scenarios.get('public-test-bucket')!.scenario;
  const edited = { ...bucket, attack: [...bucket.attack, 'T1078.004'] };

  it('counts the techniques of the version the drill played, not those added since', () => {
    const coverage = coverageMap(plans, scenarios.map((s) => (s.id === bucket.id ? edited : s)), [played], new Map([[played.sessionId, bucket]]));
    expect(coverage.techniques.find((t) => t.id === 'T1078.004')!.scenarios).toContain('public-test-bucket');
    expect(coverage.techniques.find((t) => t.id === 'T1078.004')!.drills).toBe(0);
    expect(coverage.techniques.find((t) => t.id === 'T1530')!.drills).toBe(1);
  });

  it('counts the techniques of a drill whose scenario is no longer in the library', () => {
    const coverage = coverageMap(plans, scenarios.filter((s) => s.id !== bucket.id), [played], new Map([[played.sessionId, bucket]]));
    const technique = coverage.techniques.find((t) => t.id === 'T1619')!;
    expect(technique.drills).toBe(1);
    expect(technique.scenarios).not.toContain('public-test-bucket');
  });
});
