// @vitest-environment jsdom
import './setup.js';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { simulateHere } from '../../engine/simulate/simulate.js';
import type { SimulationReport } from '../../engine/simulate/report.js';
import { simulationReportText } from '../../host/export/simulation-export.js';
import { StressTestView } from '../../renderer/views/StressTestView.js';
import { recordDownloads } from '../helpers/downloads.js';
import { bundledWorld } from '../helpers/simulation.js';
import { fakeClient } from './fake-client.js';
import { renderWithApp } from './render-app.js';

// "Open a saved report…": a JSON report saved by the app or by firedrill simulate is shown as a
// run's report is, marked as the file's; a file that is no such report is said in one line and
// the report on screen stays.

const SCENARIO = 'public-test-bucket';
const report = simulateHere({ ...bundledWorld(SCENARIO), runs: 20, seed: 3 });
const saved = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;
const jsonFile = (name: string, text: string) => new File([text], name, { type: 'application/json' });

async function setUp() {
  const client = fakeClient();
  client.override('simulate.start', (params) => ({ simulationId: params.simulationId, report, notes: [] }));
  client.override('export.simulation', (params) => ({ fileName: 'x.html', mediaType: 'text/html', base64: Buffer.from(simulationReportText(params.report as SimulationReport, 'html')).toString('base64'), bytes: 0 }));
  const user = userEvent.setup();
  renderWithApp(<StressTestView />, client);
  await user.selectOptions(await screen.findByRole('combobox', { name: 'Scenario' }), bundledWorld(SCENARIO).scenario.title);
  const input = screen.getByLabelText('Open a saved report…');
  return { client, user, input };
}

/** What a report shows, but its heading: the figures, the charts, the deadlines, the bottlenecks and the tornado. */
function shown(region: HTMLElement) {
  const inside = within(region);
  return {
    figures: inside.getByRole('list', { name: 'Spread of the simulated drills' }).textContent,
    charts: inside.getAllByRole('img').map((chart) => chart.getAttribute('aria-label')),
    breaches: inside.getByRole('table', { name: 'Chance of missing each deadline' }).textContent,
    bottlenecks: inside.getByRole('table', { name: /^Bottleneck roles/ }).textContent,
    tornado: inside.getByRole('region', { name: 'What moves the time to recover most' }).textContent,
  };
}

describe('opening a saved stress test report', () => {
  it("shows the file's report as a run's report is shown, marked as opened from the file, and Close brings the run's back", async () => {
    const { user, input } = await setUp();
    await user.click(screen.getByRole('button', { name: 'Run the stress test' }));
    const run = await screen.findByRole('region', { name: `20 drills of ${report.scenarioTitle} (model: ${report.model.title}, seed 3)` });
    const fresh = shown(run);
    expect(fresh.charts.length).toBeGreaterThanOrEqual(4);

    await user.upload(input, jsonFile('kept-report.json', saved(report)));
    const opened = await screen.findByRole('region', { name: `Saved report: 20 drills of ${report.scenarioTitle} (model: ${report.model.title}, seed 3)` });
    expect(opened).toHaveTextContent('Opened from the file kept-report.json: a report saved earlier, not a run of the form above.');
    expect(shown(opened)).toEqual(fresh);
    // In its place, not beside it: the run's report is not on screen while the file's is.
    expect(screen.queryByRole('region', { name: /^20 drills of/ })).toBeNull();
    expect(within(opened).getByRole('heading', { level: 2 })).toHaveFocus();

    await user.click(within(opened).getByRole('button', { name: 'Close the saved report' }));
    expect(screen.getByRole('region', { name: /^20 drills of/ })).toBeInTheDocument();
    expect(screen.queryByRole('region', { name: /^Saved report/ })).toBeNull();
    expect(input).toHaveFocus();
  });

  it('opens what firedrill simulate --format json writes, and is reached and used from the keyboard', async () => {
    const { user, input } = await setUp();
    // The CLI's report of a model file: its source is the file's path.
    const cli = { ...report, model: { id: 'night', title: 'The night shift', source: 'models/night.model.yaml' } };
    await user.tab();
    while (document.activeElement !== input && document.activeElement !== document.body) await user.tab();
    expect(input).toHaveFocus();
    await user.upload(input, jsonFile('night.json', saved(cli)));
    expect(await screen.findByRole('region', { name: `Saved report: 20 drills of ${report.scenarioTitle} (model: The night shift, seed 3)` })).toBeInTheDocument();
  });

  it('says in one line what is wrong with a file that is not such a report, naming it, and keeps the report on screen', async () => {
    const { user, input } = await setUp();
    await user.upload(input, jsonFile('kept-report.json', saved(report)));
    const kept = await screen.findByRole('region', { name: /^Saved report: 20 drills/ });
    const { seed: _seed, ...noSeed } = report;
    const cases: [File, string][] = [
      [jsonFile('notes.json', 'format: firedrill-model/1\n'), 'Not opened: notes.json: not JSON (Unexpected token'],
      [jsonFile('night.model.json', '{ "format": "firedrill-model/1", "id": "night" }'), 'Not opened: night.model.json: not a stress test report: it is a "firedrill-model/1" file, with no simulationVersion field'],
      [jsonFile('future.json', saved({ ...report, simulationVersion: 2 })), 'Not opened: future.json: simulationVersion: the report is of simulation version 2; this Firedrill opens reports of version 1'],
      [jsonFile('no-seed.json', saved(noSeed)), 'Not opened: no-seed.json:1:1 seed: is required'],
      [jsonFile('odd-share.json', saved({ ...report, breaches: report.breaches.map((b, i) => (i === 1 ? { ...b, probability: 1.5 } : b)) })), 'Not opened: odd-share.json:'],
    ];
    for (const [file, message] of cases) {
      await user.upload(input, file);
      const alert = await screen.findByRole('alert');
      await waitFor(() => expect(alert.textContent).toContain(message));
      // One line, no stack trace.
      expect(alert.textContent).not.toMatch(/\n|^\s*at .*:\d+:\d+/m);
      expect(kept).toBeInTheDocument();
      expect(kept).toHaveTextContent('Opened from the file kept-report.json');
    }
    expect(screen.getByRole('alert').textContent).toMatch(/^Not opened: odd-share\.json:\d+:\d+ breaches\[1\]\.probability: /);
    expect(input).toHaveAccessibleDescription(screen.getByRole('alert').textContent!);
  });

  it("saves the opened report under the file's name: the same JSON again, and the CLI's HTML", async () => {
    const { downloads, restore } = recordDownloads();
    try {
      const { user, input } = await setUp();
      await user.upload(input, jsonFile('kept-report.json', saved(report)));
      const save = within(await screen.findByRole('region', { name: /^Saved report/ })).getByRole('group', { name: 'Save the report' });
      await user.click(within(save).getByRole('button', { name: 'JSON' }));
      await user.click(within(save).getByRole('button', { name: 'HTML' }));
      await waitFor(() => expect(downloads).toHaveLength(2));
      expect(downloads.map((d) => d.fileName)).toEqual(['kept-report.json', 'kept-report.html']);
      expect(await downloads[0]!.blob.text()).toBe(saved(report));
      expect(await downloads[1]!.blob.text()).toBe(simulationReportText(report, 'html'));
    } finally {
      restore();
    }
  });

  it('cannot be used while a run goes on, and a run started closes the saved report', async () => {
    const { client, user, input } = await setUp();
    await user.upload(input, jsonFile('kept-report.json', saved(report)));
    await screen.findByRole('region', { name: /^Saved report/ });
    let finish!: () => void;
    client.override('simulate.start', (params) => new Promise((resolve) => { finish = () => resolve({ simulationId: params.simulationId, report, notes: [] }); }));
    await user.click(screen.getByRole('button', { name: 'Run the stress test' }));
    expect(input).toBeDisabled();
    expect(screen.queryByRole('region', { name: /^Saved report/ })).toBeNull();
    finish();
    expect(await screen.findByRole('region', { name: /^20 drills of/ })).toBeInTheDocument();
    expect(input).toBeEnabled();
  });
});
