import { describe, expect, it } from 'vitest';
import { sessionView } from '../../engine/protocol/view.js';
import { parseRoute, routeHash } from '../../renderer/app/route.js';
import { filterOptions, filterScenarios } from '../../renderer/store/library-selectors.js';
import { EMPTY_FILTER } from '../../renderer/store/library-slice.js';
import { actionsByPhase, firedInjects, injectsForRole, skippedInjects, upcomingInjects } from '../../renderer/store/session-selectors.js';
import { createAppStore } from '../../renderer/store/app-store.js';
import { fakeClient } from './fake-client.js';
import { bundledLibrary, loadMini, MIN, sessionFrom, tinyWorld } from '../helpers/world.js';

const listing = async () => fakeClient().send('library.list', {});

describe('library selectors', () => {
  it('filters scenarios by text (title, threat, ATT&CK id) and by threat, provider and difficulty', async () => {
    const { scenarios } = await listing();
    expect(filterScenarios(scenarios, EMPTY_FILTER)).toHaveLength(scenarios.length);
    const ransomware = filterScenarios(scenarios, { ...EMPTY_FILTER, text: 'RANSOM' });
    expect(ransomware.map((s) => s.id)).toContain('ransomware-production-db');
    const technique = scenarios[0]!.attack[0]!;
    expect(filterScenarios(scenarios, { ...EMPTY_FILTER, text: technique }).every((s) => s.attack.includes(technique) || s.summary.includes(technique) || s.title.includes(technique))).toBe(true);
    const gcp = filterScenarios(scenarios, { ...EMPTY_FILTER, provider: 'gcp' });
    expect(gcp.every((s) => s.providers.includes('gcp'))).toBe(true);
    expect(filterScenarios(scenarios, { ...EMPTY_FILTER, difficulty: 'advanced', text: 'no such words anywhere' })).toEqual([]);
  });

  it('lists each filter value once, sorted', async () => {
    const { scenarios } = await listing();
    const providers = filterOptions(scenarios, 'providers');
    expect(providers).toEqual([...new Set(providers)].sort());
    expect(providers).toContain('aws');
  });
});

describe('session selectors', () => {
  const world = loadMini();
  const view = sessionView(sessionFrom(world, [], { until: 30 * MIN }));

  it('splits injects into upcoming (soonest first) and fired (latest first)', () => {
    const upcoming = upcomingInjects(view);
    expect(upcoming.every((inject) => inject.status !== 'fired')).toBe(true);
    const dues = upcoming.map((inject) => inject.dueAt ?? Infinity);
    expect(dues).toEqual([...dues].sort((a, b) => a - b));
    const fired = firedInjects(view);
    expect(fired.length + upcoming.length).toBe(view.injects.length);
    for (const inject of injectsForRole(view, world.plan.roles[0]!.id)) expect(inject.to).toContain(world.plan.roles[0]!.id);
  });

  it('keeps skipped contingency injects out of the upcoming ones, in a list of their own', () => {
    const world = tinyWorld({
      injects: [
        { id: 'INJ-15', title: 'Due at 15 minutes', at: '15m', to: ['cloud-security-analyst'], channel: 'siem-alert', body: 'An alert.' },
        { id: 'INJ-40', title: 'Unless revoked', at: '40m', unless: { action: 'revoke-iam-access-key' }, to: ['incident-commander'], channel: 'email', body: 'Again.' },
      ],
    });
    const session = sessionFrom(world, [{ at: 0, by: 'cloud-security-analyst', input: { type: 'action.taken', action: 'revoke-iam-access-key' } }], { until: 45 * MIN });
    const skippedView = sessionView(session);
    expect(upcomingInjects(skippedView)).toEqual([]);
    expect(skippedInjects(skippedView).map((inject) => [inject.id, inject.skippedAt])).toEqual([['INJ-40', 40 * MIN]]);
  });

  it('groups the action library by phase in plan order, and by role', () => {
    const plan = bundledLibrary().plans.values().next().value!.plan;
    const groups = actionsByPhase(plan);
    expect(groups.map((g) => g.phase)).toEqual(plan.phases.filter((p) => groups.some((g) => g.phase === p.id)).map((p) => p.id));
    expect(groups.flatMap((g) => g.actions)).toHaveLength(plan.actions.filter((a) => plan.phases.some((p) => p.id === a.phase)).length);
    const legal = actionsByPhase(plan, { role: 'legal-compliance-officer' }).flatMap((g) => g.actions);
    expect(legal.length).toBeGreaterThan(0);
    expect(legal.every((a) => a.roles.includes('legal-compliance-officer'))).toBe(true);
    const aws = actionsByPhase(plan, { providers: ['aws'] }).flatMap((g) => g.actions);
    expect(aws.length).toBeLessThan(plan.actions.length);
    expect(aws.every((a) => a.providers.length === 0 || a.providers.includes('aws'))).toBe(true);
  });
});

describe('routes', () => {
  it('round-trips every route through the hash', () => {
    for (const route of [
      { name: 'library' }, { name: 'sessions' }, { name: 'history' }, { name: 'setup', scenarioId: 'a-b' },
      { name: 'console', sessionId: 's1' }, { name: 'debrief', sessionId: 's1' }, { name: 'role', sessionId: 's1', roleId: 'incident-commander' },
    ] as const) {
      expect(parseRoute(routeHash(route))).toEqual(route);
    }
    expect(routeHash({ name: 'sessions' })).toBe('#/sessions');
    expect(routeHash({ name: 'history' })).toBe('#/history');
    // An id after a screen that takes none is ignored, not a reason to fall back to the library.
    expect(parseRoute('#/history/extra')).toEqual({ name: 'history' });
    expect(parseRoute('#/nowhere')).toEqual({ name: 'library' });
    expect(parseRoute('')).toEqual({ name: 'library' });
  });

  it('a role address names its session, so it opens anywhere (a role id alone is not a role address)', () => {
    expect(routeHash({ name: 'role', sessionId: 's 1', roleId: 'it-operations' })).toBe('#/role/s%201/it-operations');
    expect(parseRoute('#/role/s1/it-operations')).toEqual({ name: 'role', sessionId: 's1', roleId: 'it-operations' });
    expect(parseRoute('#/role/it-operations')).toEqual({ name: 'library' });
    expect(parseRoute('#/session/%E0%A4%A')).toEqual({ name: 'console', sessionId: '%E0%A4%A' });
  });
});

describe('the store', () => {
  it('keeps a newer view when an older one arrives late', () => {
    const store = createAppStore();
    const world = loadMini();
    const older = sessionView(sessionFrom(world, []));
    const newer = { ...older, journalLength: older.journalLength + 1 };
    store.getState().setView(newer);
    store.getState().setView(older);
    expect(store.getState().view?.journalLength).toBe(newer.journalLength);
    store.getState().toggleProjector();
    store.getState().setTheme('dark');
    expect(store.getState()).toMatchObject({ projector: true, theme: 'dark' });
  });
});
