// @vitest-environment jsdom
import './setup.js';
import { act, cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { CommandParamsInput, CommandResult } from '../../engine/protocol/index.js';
import { documentToMarkdown } from '../../engine/report/document-markdown.js';
import { simulationDocument } from '../../engine/report/simulation-document.js';
import { simulateHere } from '../../engine/simulate/simulate.js';
import { teamDefaults } from '../../engine/simulate/team-defaults.js';
import { minutesText } from '../../engine/report/figures.js';
import { CommandError } from '../../renderer/client/session-client.js';
import { base64OfText } from '../../renderer/client/base64.js';
import type { SimulationReport } from '../../engine/simulate/report.js';
import { simulationReportText } from '../../host/export/simulation-export.js';
import { channelOffText, knobErrors, modelOfKnobs, StressTestView } from '../../renderer/views/StressTestView.js';
import { timeLeftText } from '../../renderer/views/stress-run.js';
import { recordDownloads, type Download } from '../helpers/downloads.js';
import { bundledWorld, modelFrom } from '../helpers/simulation.js';
import { fakeClient } from './fake-client.js';
import { renderWithApp } from './render-app.js';

// The stress test view: the form's knobs become a response model, the run shows its progress
// and can be cancelled, and the report reads as figures, charts and the breach table.

const SCENARIO = 'public-test-bucket';

function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: Error) => void;
  const promise = new Promise<T>((res, rej) => { resolve = res; reject = rej; });
  return { promise, resolve, reject };
}

async function setUp() {
  const client = fakeClient();
  const started = deferred<CommandResult<'simulate.start'>>();
  const asked: CommandParamsInput<'simulate.start'>[] = [];
  client.override('simulate.start', (params) => {
    asked.push(params);
    return started.promise;
  });
  client.override('simulate.cancel', ({ simulationId }) => {
    started.reject(new CommandError({ code: 'cancelled', message: `simulation "${simulationId}" was cancelled` }));
    return { simulationId, cancelled: true };
  });
  const user = userEvent.setup();
  renderWithApp(<StressTestView />, client);
  const scenarioTitle = bundledWorld(SCENARIO).scenario.title;
  await user.selectOptions(await screen.findByRole('combobox', { name: 'Scenario' }), scenarioTitle);
  return { client, started, asked, user };
}

describe('the stress test view', () => {
  it('marks a scenario with no exemplary script, says before Run how to give it one, and does not run it', async () => {
    const client = fakeClient();
    const listing = await client.send('library.list', {});
    client.override('library.list', () => ({ ...listing, scenarios: listing.scenarios.map((s) => (s.id === SCENARIO ? { ...s, scripts: [] } : s)) }));
    const user = userEvent.setup();
    renderWithApp(<StressTestView />, client);
    const select = await screen.findByRole('combobox', { name: 'Scenario' });
    await user.selectOptions(select, `${bundledWorld(SCENARIO).scenario.title} (no exemplary script yet)`);
    expect(screen.getByText(`Cannot be simulated yet: scenario "${SCENARIO}" has no exemplary response script, which the simulated team follows: play the scenario once as it should be played, then in its debrief save the drill as a response script named "exemplary".`)).toBeTruthy();
    const run = screen.getByRole('button', { name: 'Run the stress test' }) as HTMLButtonElement;
    expect(run.disabled).toBe(true);
    expect(run.getAttribute('aria-describedby')).toBe('stress-unplayable');
  });

  it("shows in each blank knob the default the host says a run would use, and sends nothing for a blank", async () => {
    const { client, asked, user } = await setUp();
    const world = bundledWorld(SCENARIO);
    const defaults = teamDefaults(world);
    for (const role of world.plan.roles) {
      const people = await screen.findByRole('spinbutton', { name: `People: ${role.title}` });
      await waitFor(() => expect(people).toHaveAttribute('placeholder', `default: ${defaults.find((d) => d.role === role.id)!.people}`));
      expect(screen.getByRole('spinbutton', { name: `On call after, minutes: ${role.title}` })).toHaveAttribute('placeholder', 'default: 0');
    }
    expect(defaults.some((d) => d.people > 1)).toBe(true);
    // Asked once per scenario shown (the first one is shown until this one is picked).
    const asks = client.calls.filter((c) => c.type === 'simulate.defaults').map((c) => (c.params as { scenarioId: string }).scenarioId);
    expect(asks).toContain(SCENARIO);
    expect(new Set(asks).size).toBe(asks.length);
    await user.click(screen.getByRole('button', { name: 'Run the stress test' }));
    expect(asked[0]!.model).toBeUndefined();
  });

  it('runs the knobs as a model, shows its progress, then the spread, the charts and the breach table', async () => {
    const { client, started, asked, user } = await setUp();
    const people = await screen.findByRole('spinbutton', { name: 'People: Cloud Security Analyst' });
    await user.type(people, '3');
    await user.clear(screen.getByRole('spinbutton', { name: 'Drills' }));
    await user.type(screen.getByRole('spinbutton', { name: 'Drills' }), '80');
    await user.click(screen.getByRole('button', { name: 'Run the stress test' }));

    expect(asked).toHaveLength(1);
    expect(asked[0]).toMatchObject({ scenarioId: SCENARIO, runs: 80, seed: 1 });
    expect(JSON.parse(asked[0]!.model!)).toMatchObject({ format: 'firedrill-model/1', roles: { 'cloud-security-analyst': { people: 3 } } });
    client.emit('simulation.progress', { simulationId: asked[0]!.simulationId, done: 40, total: 80 });
    const bar = await screen.findByRole('progressbar', { name: 'Simulating drills' });
    expect(bar).toHaveAttribute('value', '40');
    expect(screen.getByText(/40 of 80 drills simulated/)).toBeInTheDocument();
    // A screen reader hears the progress in tenths, not each count.
    expect(screen.getByRole('status')).toHaveTextContent('Simulating 80 drills: 50% done');
    client.emit('simulation.progress', { simulationId: asked[0]!.simulationId, done: 47, total: 80 });
    expect(await screen.findByText(/47 of 80 drills simulated/)).toBeInTheDocument();
    expect(screen.getByRole('status')).toHaveTextContent('Simulating 80 drills: 50% done');

    const report = simulateHere({ ...bundledWorld(SCENARIO), runs: 80, seed: 1 });
    started.resolve({ simulationId: asked[0]!.simulationId, report, notes: [] });
    const table = await screen.findByRole('table', { name: 'Chance of missing each deadline' });
    expect(within(table).getAllByRole('row')).toHaveLength(report.breaches.length + 1);
    expect(screen.getByRole('list', { name: 'Spread of the simulated drills' })).toHaveTextContent('Time to recover, median');
    expect(screen.queryByRole('progressbar')).toBeNull();
    expect(screen.getByRole('img', { name: 'The overall score over the simulated drills' })).toBeInTheDocument();
    expect(report.sensitivity.inputs.length).toBeGreaterThan(0);
    expect(screen.getByRole('heading', { level: 3, name: 'What moves the time to recover most' })).toBeInTheDocument();
  });

  it('cancels a run', async () => {
    const { asked, user } = await setUp();
    await user.click(await screen.findByRole('button', { name: 'Run the stress test' }));
    expect(asked[0]!.model).toBeUndefined();
    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(await screen.findByText('The stress test was cancelled.')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Run the stress test' })).toBeEnabled();
  });
});

describe('the form, by keyboard', () => {
  it('keeps the focus on what is there: Cancel while it runs, the report when it is done', async () => {
    const { started, asked, user } = await setUp();
    const run = await screen.findByRole('button', { name: 'Run the stress test' });
    run.focus();
    await user.keyboard('{Enter}');
    expect(screen.getByRole('button', { name: 'Cancel' })).toHaveFocus();
    const report = simulateHere({ ...bundledWorld(SCENARIO), runs: 20, seed: 1 });
    started.resolve({ simulationId: asked[0]!.simulationId, report, notes: [] });
    expect(await screen.findByRole('heading', { level: 2, name: /^20 drills of / })).toHaveFocus();
  });

  it('cancels with Escape, and gives the focus back to Run', async () => {
    const { asked, user } = await setUp();
    (await screen.findByRole('button', { name: 'Run the stress test' })).focus();
    await user.keyboard('{Enter}');
    await user.keyboard('{Escape}');
    expect(await screen.findByText('The stress test was cancelled.')).toBeInTheDocument();
    expect(asked).toHaveLength(1);
    expect(screen.getByRole('button', { name: 'Run the stress test' })).toHaveFocus();
  });

  it('says next to each wrong knob what it takes, runs nothing, and keeps every edit', async () => {
    const { asked, user } = await setUp();
    const drills = screen.getByRole('spinbutton', { name: 'Drills' });
    const people = await screen.findByRole('spinbutton', { name: 'People: Cloud Security Analyst' });
    const onCall = screen.getByRole('spinbutton', { name: 'On call after, minutes: IT Operations' });
    await user.clear(drills);
    await user.type(people, '0');
    await user.type(onCall, '5000');
    await user.type(screen.getByRole('spinbutton', { name: 'People: IT Operations' }), '4');
    await user.click(screen.getByRole('button', { name: 'Run the stress test' }));

    expect(asked).toHaveLength(0);
    expect(drills).toHaveFocus();
    expect(drills).toHaveAccessibleDescription('A whole number of drills from 1 to 100,000');
    // Its name stays its label: the error is said once, as its description (not also in its name).
    expect(drills).toHaveAccessibleName('Drills');
    expect(people).toBeInvalid();
    expect(people).toHaveAccessibleDescription('A whole number of people from 1 to 100, or blank');
    expect(onCall).toHaveAccessibleDescription('Whole minutes from 0 to 1,440, or blank');
    expect(screen.getByRole('spinbutton', { name: 'People: IT Operations' })).toHaveValue(4);
    expect(onCall).toHaveValue(5000);

    // Each error goes as its field is put right, and the run then takes every edit.
    await user.type(drills, '50');
    expect(drills).not.toBeInvalid();
    await user.clear(people);
    await user.clear(onCall);
    await user.type(onCall, '30');
    await user.click(screen.getByRole('button', { name: 'Run the stress test' }));
    expect(asked).toHaveLength(1);
    expect(asked[0]).toMatchObject({ runs: 50 });
    expect(JSON.parse(asked[0]!.model!).roles).toEqual({ 'it-operations': { people: 4, onCall: { fixed: '30m' } } });
  });

  it('says what the drills and the seed are for', async () => {
    await setUp();
    expect(screen.getByText(/More drills give steadier percentages and take longer: a chance of missing a deadline is within about 3 points with 1,000 drills, and about 1 point with 10,000 \(95% of the time\)\. The same seed, scenario and model give the same report/)).toBeInTheDocument();
  });

  it('keeps the team\'s knobs when another scenario of the same plan is picked', async () => {
    const { user } = await setUp();
    await user.type(await screen.findByRole('spinbutton', { name: 'People: IT Operations' }), '3');
    const other = bundledWorld('ransomware-production-db').scenario;
    expect(other.plan).toBe(bundledWorld(SCENARIO).scenario.plan);
    await user.selectOptions(screen.getByRole('combobox', { name: 'Scenario' }), other.title);
    expect(await screen.findByRole('spinbutton', { name: 'People: IT Operations' })).toHaveValue(3);
  });
});

describe('a response model file', () => {
  it('is sent instead of the knobs, its errors said of its own name and line, and can be put aside for the knobs', async () => {
    const { client, asked, user } = await setUp();
    await user.type(await screen.findByRole('spinbutton', { name: 'People: IT Operations' }), '2');
    const text = 'format: firedrill-model/1\nid: night\nroles:\n  it-operations: { peple: 1 }\n';
    await user.upload(screen.getByLabelText(/^Response model file/), new File([text], 'night.model.yaml', { type: 'text/yaml' }));
    expect(await screen.findByText(/The team is as/)).toHaveTextContent('The team is as night.model.yaml says');
    // The picker itself says which file the team comes from (the browser's button would say "No file chosen").
    expect(screen.getByLabelText(/^Response model file/)).toHaveAccessibleDescription('The team is as night.model.yaml says; the knobs are kept for when it is removed.');
    expect(screen.getByText('Choose another model file…')).toBeInTheDocument();
    expect(screen.queryByRole('spinbutton', { name: 'People: IT Operations' })).toBeNull();

    client.override('simulate.start', (params) => {
      asked.push(params);
      throw new CommandError({ code: 'invalid-file', message: 'the response model has an error', errors: [{ file: 'model.yaml', line: 4, column: 20, path: 'roles.it-operations.peple', message: 'unknown field "peple" (did you mean "people"?)' }] });
    });
    await user.click(screen.getByRole('button', { name: 'Run the stress test' }));
    expect(asked[0]!.model).toBe(text);
    expect(await screen.findByText('night.model.yaml:4:20 roles.it-operations.peple: unknown field "peple" (did you mean "people"?)')).toBeInTheDocument();
    // Fixed in an editor, the file is still the text read when it was chosen: the box says to choose it again.
    expect(screen.getByText(/^Once night\.model\.yaml is fixed, choose it again/)).toBeInTheDocument();
    const fixed = text.replace('peple', 'people');
    await user.upload(screen.getByLabelText(/^Response model file/), new File([fixed], 'night.model.yaml', { type: 'text/yaml' }));
    await user.click(screen.getByRole('button', { name: 'Run the stress test' }));
    expect(asked[1]!.model).toBe(fixed);

    await user.click(screen.getByRole('button', { name: 'Use the knobs instead' }));
    expect(screen.getByRole('spinbutton', { name: 'People: IT Operations' })).toHaveValue(2);
  });

  it('runs with its settings that change nothing in this scenario said beside the report, named by the file chosen', async () => {
    const { client, user } = await setUp();
    const text = 'format: firedrill-model/1\nid: night\nchannels:\n  phone-call: { notice: 2m }\n';
    await user.upload(screen.getByLabelText(/^Response model file/), new File([text], 'night.model.yaml', { type: 'text/yaml' }));
    const report = simulateHere({ ...bundledWorld(SCENARIO), runs: 20, seed: 1 });
    client.override('simulate.start', (params) => ({ simulationId: params.simulationId, report, notes: [{ file: 'model.yaml', line: 4, column: 3, path: 'channels.phone-call', message: 'no inject of scenario "public-test-bucket" comes by phone-call, so this setting changes nothing' }] }));
    await user.click(screen.getByRole('button', { name: 'Run the stress test' }));
    expect(await screen.findByText('The model has a setting that changes nothing in this scenario:')).toBeInTheDocument();
    expect(screen.getByText('night.model.yaml:4:3 channels.phone-call: no inject of scenario "public-test-bucket" comes by phone-call, so this setting changes nothing')).toBeInTheDocument();
  });

  it('larger than a model can be is refused before it is sent', async () => {
    const { user } = await setUp();
    await user.upload(screen.getByLabelText(/^Response model file/), new File(['#'.repeat(33 * 1024)], 'huge.model.yaml'));
    expect(await screen.findByText('huge.model.yaml is larger than 32 KB, the most a model file can be')).toBeInTheDocument();
    expect(screen.queryByText(/The team is as/)).toBeNull();
  });
});

describe('the knobs', () => {
  it('are checked as the model and the host will check them', () => {
    const knobs = { people: { a: '', b: '2' }, onCallMinutes: { a: '0', b: '' }, channelOff: '', runs: '100000', seed: '4294967295' };
    expect(knobErrors(knobs)).toEqual({});
    expect(Object.keys(knobErrors({ ...knobs, runs: '100001', seed: '-1', people: { a: '1.5', b: '101' }, onCallMinutes: { a: '-5', b: '1441' } })))
      .toEqual(['runs', 'seed', 'people:a', 'people:b', 'onCall:a', 'onCall:b']);
    expect(knobErrors({ ...knobs, runs: '' }).runs).toBe('A whole number of drills from 1 to 100,000');
  });

  it('say a channel switched off in words, in the what-if and in the model\'s title', async () => {
    expect(channelOffText('cloud-finding')).toBe('no cloud finding reaches the team');
    expect(channelOffText('siem-alert')).toBe('no SIEM alert reaches the team');
    expect(channelOffText('regulator-letter')).toBe('no regulator letter reaches the team');
    const { asked, user } = await setUp();
    const whatIf = await screen.findByRole('combobox', { name: 'What if' });
    await user.selectOptions(whatIf, 'no cloud finding reaches the team');
    await user.click(screen.getByRole('button', { name: 'Run the stress test' }));
    expect(JSON.parse(asked[0]!.model!)).toMatchObject({ title: 'no cloud finding reaches the team', whatIf: { off: { channels: ['cloud-finding'] } } });
  });

  it('are the default model when untouched, and a model file otherwise', () => {
    const knobs = { people: { a: '' }, onCallMinutes: { a: '' }, channelOff: '', runs: '10', seed: '1' };
    expect(modelOfKnobs(knobs)).toBeUndefined();
    expect(JSON.parse(modelOfKnobs({ ...knobs, onCallMinutes: { a: '15' }, channelOff: 'siem' })!)).toEqual({
      format: 'firedrill-model/1', id: 'stress-test', title: 'a on call after 15 min; no siem inject reaches the team', roles: { a: { onCall: { fixed: '15m' } } }, whatIf: { off: { channels: ['siem'] } },
    });
    // The title names what was turned, so two runs' reports can be told apart.
    expect(JSON.parse(modelOfKnobs({ ...knobs, people: { a: '1', b: '3' } }, { a: 'Analyst', b: 'IT Operations' })!).title).toBe('Analyst: 1 person; IT Operations: 3 people');
  });
});

describe('leaving the view', () => {
  it('does not stop a run: its progress, then its report, are there on coming back', async () => {
    const { client, started, asked, user } = await setUp();
    const cancelled: string[] = [];
    client.override('simulate.cancel', ({ simulationId }) => { cancelled.push(simulationId); return { simulationId, cancelled: true }; });
    await user.clear(screen.getByRole('spinbutton', { name: 'Drills' }));
    await user.type(screen.getByRole('spinbutton', { name: 'Drills' }), '80');
    await user.click(await screen.findByRole('button', { name: 'Run the stress test' }));
    cleanup();

    // Away: the run goes on and counts.
    client.emit('simulation.progress', { simulationId: asked[0]!.simulationId, done: 30, total: 80 });
    expect(cancelled).toEqual([]);
    renderWithApp(<StressTestView />, client);
    expect(await screen.findByRole('progressbar', { name: 'Simulating drills' })).toHaveAttribute('value', '30');
    expect(screen.getByRole('spinbutton', { name: 'Drills' })).toHaveValue(80);
    expect(screen.getByRole('combobox', { name: 'Scenario' })).toHaveValue(SCENARIO);
    cleanup();

    // Away again when it ends: the report waits.
    started.resolve({ simulationId: asked[0]!.simulationId, report: simulateHere({ ...bundledWorld(SCENARIO), runs: 80, seed: 1 }), notes: [] });
    await Promise.resolve();
    renderWithApp(<StressTestView />, client);
    expect(await screen.findByRole('table', { name: 'Chance of missing each deadline' })).toBeInTheDocument();
    expect(cancelled).toEqual([]);
  });
});

describe('saving the report', () => {
  let downloads: Download[];
  let restore: () => void;
  beforeEach(() => ({ downloads, restore } = recordDownloads()));
  afterEach(() => {
    restore();
    vi.restoreAllMocks();
  });

  it('saves the same JSON, Markdown and HTML as firedrill simulate', async () => {
    const { client, started, asked, user } = await setUp();
    // The HTML is drawn by the host (its charts' renderer is not in the page), as the CLI draws it.
    client.override('export.simulation', (params) => ({ fileName: 'host.html', mediaType: 'text/html', ...base64OfText(simulationReportText(params.report as SimulationReport, 'html')) }));
    await user.click(await screen.findByRole('button', { name: 'Run the stress test' }));
    const report = simulateHere({ ...bundledWorld(SCENARIO), runs: 20, seed: 1 });
    started.resolve({ simulationId: asked[0]!.simulationId, report, notes: [] });
    const save = await screen.findByRole('group', { name: 'Save the report' });
    await user.click(within(save).getByRole('button', { name: 'JSON' }));
    await user.click(within(save).getByRole('button', { name: 'Markdown' }));
    await user.click(within(save).getByRole('button', { name: 'HTML' }));

    const name = `firedrill-stress-test-${SCENARIO}-default-model-20-runs-seed-1`;
    await waitFor(() => expect(downloads.map((d) => d.fileName)).toEqual([`${name}.json`, `${name}.md`, `${name}.html`]));
    expect(await downloads[0]!.blob.text()).toBe(`${JSON.stringify(report, null, 2)}\n`);
    expect(await downloads[1]!.blob.text()).toBe(documentToMarkdown(simulationDocument(report)));
    expect(client.calls.find((c) => c.type === 'export.simulation')!.params).toEqual({ report, paper: 'a4' });
    expect(await downloads[2]!.blob.text()).toBe(simulationReportText(report, 'html'));
    expect(within(save).getByRole('status')).toHaveTextContent(`Saved ${name}.html`);
  });

  it('saves the HTML on the paper chosen, A4 unless US Letter is picked, as the debrief\'s exports', async () => {
    const { client, started, asked, user } = await setUp();
    client.override('export.simulation', (params) => ({ fileName: 'host.html', mediaType: 'text/html', ...base64OfText(simulationReportText(params.report as SimulationReport, 'html', params.paper)) }));
    await user.click(await screen.findByRole('button', { name: 'Run the stress test' }));
    const report = simulateHere({ ...bundledWorld(SCENARIO), runs: 20, seed: 1 });
    started.resolve({ simulationId: asked[0]!.simulationId, report, notes: [] });
    const save = await screen.findByRole('group', { name: 'Save the report' });
    const paper = within(save).getByRole('group', { name: 'Paper size (HTML)' });
    expect(within(paper).getByRole('radio', { name: 'A4' })).toBeChecked();
    await user.click(within(paper).getByRole('radio', { name: 'US Letter' }));
    await user.click(within(save).getByRole('button', { name: 'HTML' }));
    await waitFor(() => expect(downloads).toHaveLength(1));
    expect(client.calls.filter((c) => c.type === 'export.simulation').map((c) => c.params)).toEqual([{ report, paper: 'letter' }]);
    expect(await downloads[0]!.blob.text()).toContain('@page { size: letter;');
  });

  it('names two runs with the same drills and seed but other knobs apart, by their what-if and model', async () => {
    const { client, user } = await setUp();
    const world = bundledWorld(SCENARIO);
    const report = simulateHere({ ...world, runs: 20, seed: 1 });
    // The host names a model sent by the app by its title.
    const titled = (model: string) => { const { title } = JSON.parse(model) as { title: string }; return { ...report, model: { id: 'stress-test', title, source: title } }; };
    client.override('simulate.start', (params) => ({ simulationId: params.simulationId, report: params.model ? titled(params.model) : report, notes: [] }));
    const saveJson = async () => {
      const save = await screen.findByRole('group', { name: 'Save the report' });
      await user.click(within(save).getByRole('button', { name: 'JSON' }));
    };
    const run = async () => {
      await user.click(screen.getByRole('button', { name: 'Run the stress test' }));
      await saveJson();
    };
    await user.type(await screen.findByRole('spinbutton', { name: 'People: Cloud Security Analyst' }), '1');
    await run();
    await user.clear(screen.getByRole('spinbutton', { name: 'People: Cloud Security Analyst' }));
    await user.type(screen.getByRole('spinbutton', { name: 'People: Cloud Security Analyst' }), '3');
    await run();
    // The same knobs again: the same report, the same name.
    await user.clear(screen.getByRole('spinbutton', { name: 'People: Cloud Security Analyst' }));
    await user.type(screen.getByRole('spinbutton', { name: 'People: Cloud Security Analyst' }), '1');
    await run();
    const names = downloads.map((download) => download.fileName);
    expect(names[0]).toMatch(new RegExp(`^firedrill-stress-test-${SCENARIO}-cloud-security-analyst-1-person-[0-9a-f]{8}-20-runs-seed-1\\.json$`));
    expect(names[1]).toMatch(new RegExp(`^firedrill-stress-test-${SCENARIO}-cloud-security-analyst-3-people-[0-9a-f]{8}-20-runs-seed-1\\.json$`));
    expect(names[2]).toBe(names[0]);
  });
});

describe('the time a run has left', () => {
  const run = { done: 0, total: 100_000, startedAt: 1_000_000 };

  it('is said from the pace so far, once a few seconds have gone by', () => {
    expect(timeLeftText({ ...run, done: 1_000 }, run.startedAt + 2_000)).toBeNull();
    expect(timeLeftText({ ...run, done: 1_000 }, run.startedAt + 20_000)).toBe('about 33 min left');
    expect(timeLeftText({ ...run, done: 50_000 }, run.startedAt + 30_000)).toBe('less than a minute left');
    expect(timeLeftText({ ...run, done: 100 }, run.startedAt + 10_000)).toBe('about 3 h left');
    expect(timeLeftText({ ...run, done: 0 }, run.startedAt + 10_000)).toBeNull();
  });

  it('stands beside the progress bar', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      vi.setSystemTime(5_000_000);
      const { client, asked, user } = await setUp();
      await user.click(await screen.findByRole('button', { name: 'Run the stress test' }));
      vi.setSystemTime(5_020_000);
      act(() => client.emit('simulation.progress', { simulationId: asked[0]!.simulationId, done: 100, total: 1_000 }));
      expect(await screen.findByText('100 of 1,000 drills simulated, about 3 min left')).toBeInTheDocument();
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('the report\'s figures', () => {
  it('say what each time is measured from, and a single drill is "1 drill"', async () => {
    const { started, asked, user } = await setUp();
    await user.click(await screen.findByRole('button', { name: 'Run the stress test' }));
    const report = simulateHere({ ...bundledWorld(SCENARIO), runs: 1, seed: 1 });
    started.resolve({ simulationId: asked[0]!.simulationId, report, notes: [] });
    expect(await screen.findByRole('heading', { level: 2, name: (name) => name.startsWith(`1 drill of ${report.scenarioTitle}`) })).toBeInTheDocument();
    expect(screen.getByText('Only 1 simulated drill: the percentages and percentiles below can move a lot with another seed. Run 1,000 drills or more to read them.')).toBeInTheDocument();
    const [detect, contain, recover] = within(screen.getByRole('list', { name: 'Spread of the simulated drills' })).getAllByRole('listitem');
    expect(detect).toHaveTextContent('time to detect = detected − T0 (when the compromise really began)');
    expect(contain).toHaveTextContent('time to contain = contained − detected');
    expect(recover).toHaveTextContent('time to recover = recovered − detected');
  });

  it('say that no drill reached a time, rather than "9 in 10 drills within not reached"', async () => {
    const { started, asked, user } = await setUp();
    await user.click(await screen.findByRole('button', { name: 'Run the stress test' }));
    const world = bundledWorld('ransomware-production-db');
    const report = simulateHere({ ...world, runs: 20, seed: 1, model: modelFrom(world, 'id: blind\nroles: { cloud-security-analyst: { people: 1 }, it-operations: { onCall: 30m } }\nwhatIf: { off: { channels: [cloud-finding] } }\n') });
    expect(report.timeToContainMinutes.p50).toBeNull();
    started.resolve({ simulationId: asked[0]!.simulationId, report, notes: [] });
    const [, contain] = within(await screen.findByRole('list', { name: 'Spread of the simulated drills' })).getAllByRole('listitem');
    expect(contain).toHaveTextContent('No drill reached it, of 20 simulated drills');
    expect(contain).not.toHaveTextContent('within not reached');
  });

  it('say why there is no tornado, and how many inputs it leaves out when there is one', async () => {
    const { started, asked, user, client } = await setUp();
    await user.click(await screen.findByRole('button', { name: 'Run the stress test' }));
    started.resolve({ simulationId: asked[0]!.simulationId, report: simulateHere({ ...bundledWorld(SCENARIO), runs: 1, seed: 1 }), notes: [] });
    const none = await screen.findByRole('region', { name: 'What moves the time to recover most' });
    expect(none).toHaveTextContent('Only 1 drill recovered: too few to rank what moves recovery');
    const some = simulateHere({ ...bundledWorld(SCENARIO), runs: 40, seed: 1 });
    client.override('simulate.start', (params) => ({ simulationId: params.simulationId, report: some, notes: [] }));
    await user.click(screen.getByRole('button', { name: 'Run the stress test' }));
    const tornado = await screen.findByRole('img', { name: /^What moves the time to recover most/ });
    expect(tornado.closest('figure')).toHaveTextContent(`Left out: ${some.sensitivity.withinChance} inputs that vary moved it by no more than chance could over 40 drills.`);
  });

  it('list each input of the tornado by its full name beside it, with its two means', async () => {
    const { started, asked, user } = await setUp();
    await user.click(await screen.findByRole('button', { name: 'Run the stress test' }));
    const report = simulateHere({ ...bundledWorld(SCENARIO), runs: 40, seed: 1 });
    const long = 'Done by the wrong role: Notify the Hong Kong Monetary Authority of a significant incident (due 6 h after detection)';
    const input = { ...report.sensitivity.inputs[0]!, title: long };
    started.resolve({ simulationId: asked[0]!.simulationId, report: { ...report, sensitivity: { ...report.sensitivity, inputs: [input] } }, notes: [] });
    const table = await screen.findByRole('table', { name: /^The inputs, widest swing first/ });
    const row = within(table).getByRole('row', { name: new RegExp(`^${long.replace(/[()]/g, '\\$&')}`) });
    expect(within(row).getByRole('rowheader')).toHaveTextContent(long);
    expect(row).toHaveTextContent(`${minutesText(input.low)}${minutesText(input.high)}`);
  });

  it('do not warn of too few drills from 100 drills on', async () => {
    const { started, asked, user } = await setUp();
    await user.click(await screen.findByRole('button', { name: 'Run the stress test' }));
    started.resolve({ simulationId: asked[0]!.simulationId, report: simulateHere({ ...bundledWorld(SCENARIO), runs: 100, seed: 1 }), notes: [] });
    await screen.findByRole('list', { name: 'Spread of the simulated drills' });
    expect(screen.queryByText(/can move a lot with another seed/)).toBeNull();
  });

  it('give each its n, and the score\'s bad tail (the 10th percentile) as the chart and the export do', async () => {
    const { started, asked, user } = await setUp();
    await user.click(await screen.findByRole('button', { name: 'Run the stress test' }));
    const report = simulateHere({ ...bundledWorld(SCENARIO), runs: 40, seed: 1 });
    started.resolve({ simulationId: asked[0]!.simulationId, report, notes: [] });
    const figures = await screen.findByRole('list', { name: 'Spread of the simulated drills' });
    const [detect, , , score] = within(figures).getAllByRole('listitem');
    expect(detect).toHaveTextContent(`Reached in ${Math.round(report.timeToDetectMinutes.reached * 1000) / 10}% of 40 simulated drills`);
    expect(report.overallScore.p10).toBe(100); // this scenario's drills mostly score full marks: "100 or less" would say nothing
    expect(score).toHaveTextContent('10th percentile: nine drills in ten or more scored the full 100');
    expect(score).toHaveTextContent('n = 40 simulated drills');
    expect(score).not.toHaveTextContent('90th percentile');
    expect(screen.getByRole('columnheader', { name: 'Missed in (share of the 40 simulated drills)' })).toBeInTheDocument();
  });
});

describe('a lost connection', () => {
  it('ends the run it stopped on the host, says so, and gives Run back', async () => {
    const { client, user } = await setUp();
    await user.click(await screen.findByRole('button', { name: 'Run the stress test' }));
    expect(screen.getByRole('progressbar', { name: 'Simulating drills' })).toBeInTheDocument();
    act(() => client.connection('lost'));
    expect(await screen.findByText(/the connection to Firedrill was lost mid-way, which stops the simulation; run it again/)).toBeInTheDocument();
    expect(screen.queryByRole('progressbar')).toBeNull();
    expect(screen.getByRole('button', { name: 'Run the stress test' })).toBeEnabled();
  });
});

describe('the bottleneck roles', () => {
  it('are shown, the role that holds the critical path longest first, with the commonest critical paths', async () => {
    const { started, asked, user } = await setUp();
    await user.click(await screen.findByRole('button', { name: 'Run the stress test' }));
    const report = simulateHere({ ...bundledWorld(SCENARIO), runs: 40, seed: 1 });
    started.resolve({ simulationId: asked[0]!.simulationId, report, notes: [] });
    const table = await screen.findByRole('table', { name: /^Bottleneck roles/ });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows).toHaveLength(report.bottlenecks.length);
    expect(within(rows[0]!).getByRole('rowheader')).toHaveTextContent(report.bottlenecks[0]!.title);
    expect(report.criticalPath.common.length).toBeGreaterThan(0);
    expect(within(screen.getByRole('list', { name: 'Commonest critical paths' })).getAllByRole('listitem')[0]).toHaveTextContent(report.criticalPath.common[0]!.steps.join(' → '));
  });

  it('say what each column holds, by its header, in drills', async () => {
    const { started, asked, user } = await setUp();
    await user.click(await screen.findByRole('button', { name: 'Run the stress test' }));
    started.resolve({ simulationId: asked[0]!.simulationId, report: simulateHere({ ...bundledWorld(SCENARIO), runs: 40, seed: 1 }), notes: [] });
    const table = await screen.findByRole('table', { name: 'Bottleneck roles (mean minutes per drill)' });
    expect(table).toHaveAccessibleDescription(/^People: as the model says, or the default .* Held the critical path: minutes of the path .* averaged over the drills that recovered\. Waiting per drill: minutes per drill the role's steps waited/);
    expect(table.getAttribute('aria-describedby') && document.getElementById(table.getAttribute('aria-describedby')!)!.textContent).not.toMatch(/\bruns?\b|Held: people/);
  });
});

describe('running again', () => {
  it('keeps the last finished report in view while another runs, and once that one is cancelled', async () => {
    const { client, started, asked, user } = await setUp();
    await user.click(await screen.findByRole('button', { name: 'Run the stress test' }));
    started.resolve({ simulationId: asked[0]!.simulationId, report: simulateHere({ ...bundledWorld(SCENARIO), runs: 40, seed: 1 }), notes: [] });
    const heading = /^40 drills of /;
    await screen.findByRole('heading', { level: 2, name: heading });
    const next = deferred<CommandResult<'simulate.start'>>();
    client.override('simulate.start', () => next.promise);
    client.override('simulate.cancel', ({ simulationId }) => {
      next.reject(new CommandError({ code: 'cancelled', message: `simulation "${simulationId}" was cancelled` }));
      return { simulationId, cancelled: true };
    });
    const drills = screen.getByRole('spinbutton', { name: 'Drills' });
    await user.clear(drills);
    await user.type(drills, '90000');
    await user.click(screen.getByRole('button', { name: 'Run the stress test' }));
    expect(await screen.findByRole('progressbar', { name: 'Simulating drills' })).toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 2, name: heading })).toBeInTheDocument();
    expect(screen.getByText('The last finished run:')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(await screen.findByText('The stress test was cancelled.')).toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 2, name: heading })).toBeInTheDocument();
    expect(screen.getByRole('table', { name: 'Chance of missing each deadline' })).toBeInTheDocument();
    // Not compared with itself.
    expect(screen.queryByRole('table', { name: /^Compared with the previous run/ })).toBeNull();
  });

  it('sets the new report beside the previous one: its headline figures and the deadlines either missed', async () => {
    const { client, started, asked, user } = await setUp();
    await user.click(await screen.findByRole('button', { name: 'Run the stress test' }));
    const first = simulateHere({ ...bundledWorld(SCENARIO), runs: 40, seed: 1 });
    started.resolve({ simulationId: asked[0]!.simulationId, report: first, notes: [] });
    await screen.findByRole('table', { name: 'Chance of missing each deadline' });
    expect(screen.queryByRole('table', { name: /^Compared with the previous run/ })).toBeNull();

    const drawn = simulateHere({ ...bundledWorld(SCENARIO), runs: 40, seed: 2 });
    // One deadline missed a quarter of the time, so the breach rows have something to say.
    const second = { ...drawn, breaches: drawn.breaches.map((b, i) => (i === 0 ? { ...b, probability: 0.25 } : b)) };
    client.override('simulate.start', (params) => ({ simulationId: params.simulationId, report: second, notes: [] }));
    await user.click(screen.getByRole('button', { name: 'Run the stress test' }));
    const table = await screen.findByRole('table', { name: /^Compared with the previous run/ });
    expect(table).toHaveAccessibleName(/The seed or the number of drills differ: part of any change is chance/);
    const recover = within(table).getByRole('row', { name: /^Time to recover, median/ });
    expect(within(recover).getAllByRole('cell').map((cell) => cell.textContent)).toEqual([
      minutesText(first.timeToRecoverMinutes.p50),
      minutesText(second.timeToRecoverMinutes.p50),
      expect.stringMatching(/^(no change|[+−].+)$/),
    ]);
    const missedByEither = second.breaches.filter((b) => b.probability > 0 || first.breaches.find((a) => a.id === b.id)!.probability > 0);
    expect(missedByEither.length).toBeGreaterThan(0);
    expect(within(table).getAllByRole('row', { name: /^Missing: / })).toHaveLength(missedByEither.length);
    expect(within(table).getByRole('row', { name: new RegExp(`^Missing: ${second.breaches[0]!.title.replace(/[()]/g, '.')}`) })).toHaveTextContent(/25%/);
  });
});
