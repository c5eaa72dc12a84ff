// @vitest-environment jsdom
import './setup.js';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { coverageMap } from '../../engine/report/coverage.js';
import { coverageToNavigatorLayer } from '../../host/coverage/coverage-export.js';
import { CoverageView } from '../../renderer/views/CoverageView.js';
import { recordDownloads, type Download } from '../helpers/downloads.js';
import { bundledLibrary } from '../helpers/world.js';
import { fakeClient } from './fake-client.js';
import { renderWithApp } from './render-app.js';

// The coverage view: the library's ATT&CK techniques by tactic, each plan's functions, roles,
// duties and actions with the drills that exercised them, and the Navigator layer saved.

function coverageOfLibrary() {
  const library = bundledLibrary();
  const coverage = coverageMap([...library.plans.values()].map((p) => p.plan), [...library.scenarios.values()].map((s) => s.scenario), []);
  return { coverage, navigatorLayer: coverageToNavigatorLayer(coverage), skipped: [], excluded: 0 };
}

describe('the coverage view', () => {
  let downloads: Download[];
  let restore: () => void;
  beforeEach(() => ({ downloads, restore } = recordDownloads()));
  afterEach(() => {
    restore();
    vi.restoreAllMocks();
  });

  it('shows the techniques by tactic and the plans\' functions, roles, duties and actions, and saves the Navigator layer', async () => {
    const client = fakeClient();
    const result = coverageOfLibrary();
    client.override('coverage.get', () => result);
    renderWithApp(<CoverageView />, client);

    const matrix = await screen.findByRole('table', { name: /^ATT&CK techniques by tactic/ });
    expect(within(matrix).getAllByRole('row')).toHaveLength(result.coverage.matrix.length + 1);
    for (const technique of result.coverage.techniques) expect(matrix).toHaveTextContent(technique.id);
    expect(matrix).toHaveTextContent('0 drills, never drilled');
    // No drill yet: what to do, not "0 exercised by the 0 ended drills".
    expect(screen.getByText(/techniques in \d+ scenarios; no drill counted yet: end a drill/)).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'from the library' })).toHaveAttribute('href', '#/library');
    const plan = result.coverage.plans[0]!;
    expect(screen.getByRole('table', { name: `CSF 2.0 functions of ${plan.planTitle}` })).toBeInTheDocument();
    expect(within(screen.getByRole('table', { name: `Roles of ${plan.planTitle}` })).getAllByRole('row')).toHaveLength(plan.roles.length + 1);

    await userEvent.setup().click(screen.getByRole('button', { name: 'Export ATT&CK Navigator layer' }));
    expect(downloads.map((download) => download.fileName)).toEqual(['firedrill-coverage.navigator-layer.json']);
    const layer = JSON.parse(await downloads[0]!.blob.text()) as { domain: string; techniques: unknown[] };
    expect(layer.domain).toBe('enterprise-attack');
    expect(layer.techniques).toHaveLength(result.coverage.techniques.length);
    expect(await screen.findByText('Saved the ATT&CK Navigator layer: firedrill-coverage.navigator-layer.json')).toBeInTheDocument();
  });

  it('says which journals it could not read and how many drills are left out, rather than counting fewer drills silently', async () => {
    const client = fakeClient();
    client.override('coverage.get', () => ({ ...coverageOfLibrary(), skipped: [{ file: '/data/sessions/damaged.jsonl', reason: 'line 1: not valid JSON' }], excluded: 2 }));
    renderWithApp(<CoverageView />, client);
    const warning = await screen.findByRole('region', { name: '1 journal could not be read and is not counted' });
    expect(warning).toHaveTextContent('/data/sessions/damaged.jsonl: line 1: not valid JSON');
    expect(screen.getByText(/2 drills left out in the History are not counted/)).toBeInTheDocument();
  });
});
